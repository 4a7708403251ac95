//! One file per route.

pub mod ask;
pub mod body;
pub mod confirm;
pub mod home;
pub mod not_found;
pub mod root;
pub mod section;
