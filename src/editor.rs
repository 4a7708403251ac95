//! The office's content editor (the editor bundle): the head's profile and blog, FAQ, reception
//! schedule, open dialogue links, and the Open Dialogue indicators.

pub mod dialogue;
pub mod faq;
pub mod indicators;
pub mod post;
pub mod posts;
pub mod profile;
pub mod schedule;
