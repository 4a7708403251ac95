//! What staff send and receive in the office. Staff endpoints are behind sign-in and a role in
//! the case's body.

use crate::appeals::{AppealFile, AppealType, Extension, Filer, Outcome};
use crate::archive::CategoryRef;
use crate::cases::{CaseId, CaseStatus, Channel, PublishAs};
use crate::domain::RegistrationNumber;
use crate::domain::personal_data::PersonalDataKind;
use crate::{BodySlug, CategoryId, DepartmentId, Lang};
use serde::{Deserialize, Serialize};

/// The id of a staff account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct UserId(pub i64);

/// A staff member as other staff see them: the name only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffRef {
    pub id: UserId,
    pub name: String,
}

/// An executor of a body, for the moderator's "assign to" choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Executor {
    pub id: UserId,
    pub name: String,
    pub department_id: Option<DepartmentId>,
}

/// A case in a staff queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeCase {
    pub id: CaseId,
    pub number: RegistrationNumber,
    /// A question or an appeal (or, later, a blog question or a reception request).
    pub channel: Channel,
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
    /// The category the text suggests (keyword rules), when it differs from none.
    pub suggested_category: Option<CategoryId>,
    pub department_id: Option<DepartmentId>,
    /// The executor the case is assigned to, if one was chosen.
    pub executor: Option<StaffRef>,
    /// Working days left until the deadline on the calendar: 0 on the last day, negative once
    /// overdue. `None` before registration (an appeal is registered when filed) and once decided.
    pub working_days_left: Option<i32>,
}

/// One entry of a case's history, as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    /// Unix seconds.
    pub at: i64,
    /// The staff member's name; `None` for the citizen or the system.
    pub actor: Option<String>,
    pub from: Option<CaseStatus>,
    pub to: CaseStatus,
    /// The reason code of a rejection, the reason of a return, or the bodies of a redirection.
    pub note: String,
}

/// A case with everything staff need to act on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseDetail {
    #[serde(flatten)]
    pub case: OfficeCase,
    pub body: BodySlug,
    /// The asker's name (private: staff only; the public sees initials or nothing).
    pub author_name: String,
    pub publish_as: PublishAs,
    /// The moderator's redacted copy of the question, once published.
    pub public_text: Option<String>,
    /// The answer (sanitised HTML), once drafted.
    pub answer_html: Option<String>,
    pub history: Vec<HistoryEntry>,
    /// The appeal's own facts, for a case of the appeal channel.
    #[serde(default)]
    pub appeal: Option<AppealFacts>,
    /// The session a request for a personal reception asks for.
    #[serde(default)]
    pub reception_slot: Option<crate::content::ReceptionSlot>,
}

/// What staff see of an appeal besides the case: the filer, the terms, the decision, the rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppealFacts {
    pub appeal_type: AppealType,
    pub filer: Filer,
    /// The IIN with all but its last four digits hidden.
    pub iin_masked: String,
    /// A legal entity's BIN and name.
    pub bin: Option<String>,
    pub organisation: Option<String>,
    pub phone: String,
    pub address: Option<String>,
    /// The earlier appeal this one repeats or complains about, and who handled it (who may not
    /// take this one).
    pub earlier_number: Option<RegistrationNumber>,
    pub earlier_executor: Option<StaffRef>,
    /// `YYYY-MM-DD`: the day the term counts from, the last day to redirect, and the latest
    /// deadline an extension may set.
    pub registration_day: String,
    pub redirect_by: String,
    pub max_deadline: String,
    pub extension: Option<Extension>,
    pub outcome: Option<Outcome>,
    pub outcome_reason: Option<String>,
    pub files: Vec<AppealFile>,
    pub rating: Option<u8>,
    pub rating_comment: Option<String>,
}

/// The head extends an appeal's deadline; the applicant is told by email at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExtendRequest {
    /// The new last day, `YYYY-MM-DD`: later than the current one, at most two months from
    /// registration.
    pub deadline: String,
    /// The reason the applicant reads; 1 to 1,000 characters.
    pub reason: String,
    /// The day of the head's decision, `YYYY-MM-DD`; today when absent. A notice later than three
    /// working days after it is flagged.
    #[serde(default)]
    pub decided_on: Option<String>,
}

/// Leaves an appeal without consideration (no substance to consider), with the reason the
/// applicant receives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaveRequest {
    /// 1 to 1,000 characters.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterRequest {
    pub department_id: Option<DepartmentId>,
    /// An executor of the body; the case goes to their "my cases".
    pub executor_id: Option<UserId>,
    /// Sets or corrects the category (one of the body's).
    pub category_id: Option<CategoryId>,
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
    /// Required for an appeal: how it is decided.
    #[serde(default)]
    pub outcome: Option<Outcome>,
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

/// Sends a question waiting for moderation to the competent body; its number stays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RedirectRequest {
    /// The competent body.
    pub body: BodySlug,
}

/// Sends an answer back to the executor for rework instead of publishing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnRequest {
    /// What to change; 1 to 1,000 characters.
    pub note: String,
}

/// What makes a calendar date differ from an ordinary weekday or weekend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A public holiday: not worked.
    Holiday,
    /// A rest day: a holiday moved off a weekend, or a government transfer.
    DayOff,
    /// A weekend day made a working day by a government transfer.
    WorkingDay,
}

impl DayKind {
    pub const ALL: [DayKind; 3] = [DayKind::Holiday, DayKind::DayOff, DayKind::WorkingDay];

    pub fn as_str(self) -> &'static str {
        match self {
            DayKind::Holiday => "holiday",
            DayKind::DayOff => "day_off",
            DayKind::WorkingDay => "working_day",
        }
    }

    pub fn parse(raw: &str) -> Option<DayKind> {
        DayKind::ALL.into_iter().find(|k| k.as_str() == raw)
    }
}

/// One entry of the working-day calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarEntry {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub kind: DayKind,
    /// The holiday's name or the decree of a transfer.
    pub note: String,
    /// `true` for entries generated from the law; an administrator's entry replaces one.
    pub standard: bool,
}

/// An administrator's calendar entry for one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarChange {
    pub kind: DayKind,
    /// Why: 1 to 200 characters, such as the decree of a transfer.
    pub note: String,
}

/// A body's settings that administrators change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BodySettings {
    /// Working days to answer a question, counted from registration: 1 to 30 (15 by default).
    pub answer_working_days: u16,
}

impl BodySettings {
    pub const DEFAULT_ANSWER_WORKING_DAYS: u16 = 15;
    pub const MAX_ANSWER_WORKING_DAYS: u16 = 30;

    pub fn is_valid(self) -> bool {
        (1..=Self::MAX_ANSWER_WORKING_DAYS).contains(&self.answer_working_days)
    }
}
