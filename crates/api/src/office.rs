//! What staff send and receive in the office. Staff endpoints are behind sign-in and a role in
//! the case's body.

use crate::archive::CategoryRef;
use crate::cases::{CaseId, CaseStatus};
use crate::domain::RegistrationNumber;
use crate::domain::personal_data::PersonalDataKind;
use crate::{DepartmentId, Lang};
use serde::{Deserialize, Serialize};

/// A case in a staff queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeCase {
    pub id: CaseId,
    pub number: RegistrationNumber,
    pub status: CaseStatus,
    pub category: Option<CategoryRef>,
    pub lang: Lang,
    /// Unix seconds.
    pub submitted_at: i64,
    /// The last day to answer, `YYYY-MM-DD`, once registered.
    pub deadline: Option<String>,
    pub text: String,
    /// Personal data spotted in the text, for the moderator to hide in the public copy.
    pub personal_data: Vec<PersonalDataKind>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterRequest {
    pub department_id: Option<DepartmentId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Registered {
    /// The last day to answer, `YYYY-MM-DD`.
    pub deadline: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerRequest {
    /// The answer as HTML; the server keeps only a safe subset (paragraphs, lists, links, emphasis).
    pub answer_html: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishRequest {
    /// The question as the public will read it, with personal data hidden; the original stays private.
    pub public_text: Option<String>,
}

/// Why a question is not registered (the citizen is told by email).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    Spam,
    Offensive,
    OffTopic,
    Duplicate,
    NotAQuestion,
}

impl RejectReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::Spam => "spam",
            RejectReason::Offensive => "offensive",
            RejectReason::OffTopic => "off_topic",
            RejectReason::Duplicate => "duplicate",
            RejectReason::NotAQuestion => "not_a_question",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RejectRequest {
    pub reason: RejectReason,
    /// For `duplicate`: the published question that already answers it.
    pub duplicate_of: Option<CaseId>,
}
