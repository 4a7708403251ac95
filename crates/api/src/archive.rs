//! The public archive of answered questions: what anyone may read. No personal data: the
//! author appears only as initials, or not at all.

use crate::cases::{CaseId, CaseStatus};
use crate::domain::RegistrationNumber;
use crate::{BodySlug, CategoryId, Lang, Localized};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryRef {
    pub id: CategoryId,
    pub name: Localized,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BodyRef {
    pub slug: BodySlug,
    pub name: Localized,
}

/// Public votes on an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Votes {
    pub satisfied: i64,
    pub unsatisfied: i64,
}

/// One line of the archive list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishedSummary {
    pub id: CaseId,
    pub number: RegistrationNumber,
    /// The body that answered.
    pub body: BodyRef,
    /// `question`, or `blog` for a question to the head.
    pub channel: crate::cases::Channel,
    pub category: CategoryRef,
    /// The language of the question and its answer.
    pub lang: Lang,
    /// Initials, or `None` for "anonymous".
    pub author: Option<String>,
    /// The beginning of the question.
    pub excerpt: String,
    /// Unix seconds.
    pub published_at: i64,
    pub votes: Votes,
}

/// A page of the archive, newest first. `next` fetches the following page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArchivePage {
    pub items: Vec<PublishedSummary>,
    /// An opaque cursor for `?after=`; absent on the last page.
    pub next: Option<String>,
}

/// One step of a case's public timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineEntry {
    pub status: CaseStatus,
    /// Unix seconds.
    pub at: i64,
}

/// A published question with its answer, as its own page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishedQuestion {
    pub id: CaseId,
    pub number: RegistrationNumber,
    pub body: BodyRef,
    pub category: CategoryRef,
    pub lang: Lang,
    pub author: Option<String>,
    /// The question as published (a moderator may have hidden personal data in it).
    pub question: String,
    /// The answer: sanitised HTML of a small safe subset (paragraphs, lists, links, emphasis).
    pub answer_html: String,
    pub timeline: Vec<TimelineEntry>,
    pub votes: Votes,
}

/// A public vote on an answer. `voter` is a random id the browser keeps; one vote per browser
/// counts, and voting again changes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteRequest {
    pub satisfied: bool,
    /// 16 to 64 letters, digits or hyphens.
    pub voter: String,
}

/// The asker's rating of the answer, from the link in the publication email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingRequest {
    pub token: String,
    /// 1 (bad) to 5 (excellent).
    pub score: u8,
    /// Optional, up to 1,000 characters; never published.
    #[serde(default)]
    pub comment: String,
}
