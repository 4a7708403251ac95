//! One file per route.

pub mod archive;
pub mod ask;
pub mod body;
pub mod confirm;
pub mod elsewhere;
pub mod home;
pub mod not_found;
pub mod question;
pub mod rate;
pub mod root;
pub mod search;
pub mod section;
