//! Reusable pieces of the pages, one per file.

pub mod body_list;
pub mod breadcrumbs;
pub mod error_summary;
pub mod lang_switch;
pub mod layout;
pub mod load_error;
pub mod page_heading;
pub mod score_field;
pub mod special_version_bar;
pub mod special_version_switch;
pub mod status_name;
