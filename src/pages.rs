//! One file per route.

pub mod body;
pub mod home;
pub mod not_found;
pub mod root;
pub mod section;
