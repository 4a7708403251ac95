//! A body's sections besides questions and appeals: the head's blog, FAQ, reception schedule
//! and open dialogue (the sections bundle).

pub mod blog;
pub mod dialogue;
pub mod faq;
pub mod post;
pub mod schedule;
