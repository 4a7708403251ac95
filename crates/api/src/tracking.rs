//! The applicant's side after filing: the tracking page (number + code, or the cabinet's session),
//! the rating of the decision, and "my appeals", opened by a one-time link sent to the email.

use crate::appeals::{AppealFile, AppealType, Extension, Outcome};
use crate::archive::{BodyRef, TimelineEntry};
use crate::cases::{CaseId, CaseStatus, Channel};
use crate::domain::RegistrationNumber;
use crate::{Lang, Localized};
use serde::{Deserialize, Serialize};

/// Opens one appeal: its number with the code from the confirmation email, or with the session of
/// "my appeals" when the number is the applicant's own. A wrong number and a wrong code get the
/// same answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackRequest {
    pub number: String,
    #[serde(default)]
    pub code: String,
    /// The session token of "my appeals", instead of the code.
    #[serde(default)]
    pub cabinet: String,
}

/// An appeal as its applicant follows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppealTracking {
    pub number: RegistrationNumber,
    pub appeal_type: AppealType,
    pub status: CaseStatus,
    /// The body now responsible (after a redirection, the new one).
    pub body: BodyRef,
    pub lang: Lang,
    /// Unix seconds.
    pub registered_at: i64,
    /// `YYYY-MM-DD`: the day the term counts from, and the last day to answer.
    pub registration_day: String,
    pub deadline: String,
    pub extension: Option<Extension>,
    pub timeline: Vec<TimelineEntry>,
    pub text: String,
    pub outcome: Option<Outcome>,
    /// The reason of "left without consideration".
    pub outcome_reason: Option<String>,
    /// The decision (sanitised HTML), once sent.
    pub answer_html: Option<String>,
    /// The applicant's files and the body's.
    pub files: Vec<AppealFile>,
    /// The applicant's rating once given; `may_rate` while a decision waits for one.
    pub rating: Option<u8>,
    pub may_rate: bool,
}

/// The applicant's 1–5 rating of the decision, with an optional comment only the body reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppealRatingRequest {
    #[serde(flatten)]
    pub access: TrackRequest,
    pub score: u8,
    #[serde(default)]
    pub comment: String,
}

/// Asks for a one-time link to "my appeals" at this address. The answer is the same whether or
/// not the address has any cases, so addresses cannot be probed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CabinetLinkRequest {
    pub email: String,
    pub lang: Lang,
}

/// Exchanges the one-time link's token for a session of an hour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CabinetOpenRequest {
    pub token: String,
}

/// Lists the cases again with the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CabinetRequest {
    pub cabinet: String,
}

/// "My appeals": every case filed with the confirmed address, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Cabinet {
    /// The session token for [`TrackRequest::cabinet`] and for listing again.
    pub session: String,
    /// Unix seconds: when the session ends.
    pub expires_at: i64,
    pub cases: Vec<CabinetCase>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CabinetCase {
    pub id: CaseId,
    pub number: RegistrationNumber,
    pub channel: Channel,
    pub appeal_type: Option<AppealType>,
    pub status: CaseStatus,
    pub body: Localized,
    /// Unix seconds.
    pub submitted_at: i64,
    pub deadline: Option<String>,
    /// The beginning of the text.
    pub excerpt: String,
}
