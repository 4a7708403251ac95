//! The case pipeline's shared vocabulary: channels, statuses, and the citizen's question form.

use crate::domain::RegistrationNumber;
use crate::domain::{FieldError, FieldProblem};
use crate::{BodySlug, CategoryId, Lang};
use serde::{Deserialize, Serialize};

/// Typed id of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct CaseId(pub i64);

/// Where a case came in (PRODUCT.md, "One case pipeline, three channels").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Question,
    Blog,
    Appeal,
    Reception,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Question => "question",
            Channel::Blog => "blog",
            Channel::Appeal => "appeal",
            Channel::Reception => "reception",
        }
    }

    pub const ALL: [Channel; 4] = [Channel::Question, Channel::Blog, Channel::Appeal, Channel::Reception];

    pub fn parse(raw: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == raw)
    }
}

/// Where a case is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Sent, the email address not yet confirmed.
    Submitted,
    /// Confirmed and waiting for a moderator.
    Received,
    /// Registered: it has a deadline and a department or executor.
    Assigned,
    /// The executor's answer waits for approval.
    Answered,
    /// Answer approved and public (questions).
    Published,
    /// Answer approved and sent (appeals).
    Closed,
    Rejected,
    Redirected,
    Withdrawn,
    LeftWithoutConsideration,
    /// Never confirmed in time.
    Expired,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 11] = [
        CaseStatus::Submitted,
        CaseStatus::Received,
        CaseStatus::Assigned,
        CaseStatus::Answered,
        CaseStatus::Published,
        CaseStatus::Closed,
        CaseStatus::Rejected,
        CaseStatus::Redirected,
        CaseStatus::Withdrawn,
        CaseStatus::LeftWithoutConsideration,
        CaseStatus::Expired,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Submitted => "submitted",
            CaseStatus::Received => "received",
            CaseStatus::Assigned => "assigned",
            CaseStatus::Answered => "answered",
            CaseStatus::Published => "published",
            CaseStatus::Closed => "closed",
            CaseStatus::Rejected => "rejected",
            CaseStatus::Redirected => "redirected",
            CaseStatus::Withdrawn => "withdrawn",
            CaseStatus::LeftWithoutConsideration => "left_without_consideration",
            CaseStatus::Expired => "expired",
        }
    }

    pub fn parse(raw: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|s| s.as_str() == raw)
    }
}

/// How the author is shown on the public page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PublishAs {
    #[default]
    Initials,
    Anonymous,
}

impl PublishAs {
    pub fn as_str(self) -> &'static str {
        match self {
            PublishAs::Initials => "initials",
            PublishAs::Anonymous => "anonymous",
        }
    }
}

/// A proof-of-work challenge: find `solution` so that SHA-256 of `"{nonce}:{solution}"` starts
/// with `difficulty` zero bits. The app solves it in the background; nobody sees a puzzle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Challenge {
    pub nonce: String,
    pub difficulty: u32,
    /// Unix seconds after which the challenge is no longer accepted.
    pub expires_at: i64,
    /// The server's signature over the three fields above.
    pub signature: String,
}

/// A solved challenge, sent with the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProofOfWork {
    #[serde(flatten)]
    pub challenge: Challenge,
    pub solution: u64,
}

/// The number of zero bits at the start of `hash`.
pub fn leading_zero_bits(hash: &[u8]) -> u32 {
    let mut bits = 0;
    for byte in hash {
        if *byte == 0 {
            bits += 8;
        } else {
            bits += byte.leading_zeros();
            break;
        }
    }
    bits
}

impl Challenge {
    /// The work done by `solution`: SHA-256 of `"{nonce}:{solution}"`.
    pub fn work(&self, solution: u64) -> [u8; 32] {
        use sha2::Digest;
        sha2::Sha256::digest(format!("{}:{solution}", self.nonce).as_bytes()).into()
    }

    pub fn is_solved_by(&self, solution: u64) -> bool {
        leading_zero_bits(&self.work(solution)) >= self.difficulty
    }

    /// Finds the first solution; about 2^difficulty hashes.
    pub fn solve(&self) -> ProofOfWork {
        let solution = (0..u64::MAX).find(|s| self.is_solved_by(*s)).unwrap_or(u64::MAX);
        ProofOfWork { challenge: self.clone(), solution }
    }
}

/// The citizen's question, as the form sends it. Fields are raw text so that every problem can
/// be reported per field; [`QuestionForm::validate`] applies the shared rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionForm {
    /// The body's slug.
    pub body: String,
    pub category_id: Option<CategoryId>,
    /// The language of the question, in which it is answered.
    pub lang: Option<Lang>,
    pub name: String,
    pub email: String,
    pub text: String,
    /// Consent to processing personal data.
    pub consent: bool,
    #[serde(default)]
    pub publish_as: PublishAs,
    /// A field people never see; anything in it marks a robot.
    #[serde(default)]
    pub website: String,
    /// `question` (the default), `blog` for a question to the head, or `reception` for a request
    /// to be received in person; appeals have their own form.
    #[serde(default)]
    pub channel: Option<Channel>,
    /// The reception session asked for; required for the `reception` channel.
    #[serde(default)]
    pub slot: Option<crate::content::SlotId>,
}

/// A question that passed every rule.
#[derive(Debug, Clone)]
pub struct ValidQuestion {
    pub body: BodySlug,
    pub category_id: CategoryId,
    pub lang: Lang,
    pub name: crate::domain::PersonName,
    pub email: crate::domain::Email,
    pub text: crate::domain::QuestionText,
    pub publish_as: PublishAs,
    pub channel: Channel,
    /// Only for the reception channel.
    pub slot: Option<crate::content::SlotId>,
}

impl QuestionForm {
    /// Applies the shared rules; every field's problem is reported at once.
    pub fn validate(&self) -> Result<ValidQuestion, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut check = |field: &str, result: Result<(), FieldProblem>| {
            if let Err(problem) = result {
                errors.push(FieldError { field: field.to_owned(), problem });
            }
        };
        let body = BodySlug::parse(&self.body).ok();
        check(
            "body",
            body.as_ref().map(drop).ok_or(if self.body.is_empty() {
                FieldProblem::Missing
            } else {
                FieldProblem::UnknownChoice
            }),
        );
        check("category_id", self.category_id.map(drop).ok_or(FieldProblem::Missing));
        check("lang", self.lang.map(drop).ok_or(FieldProblem::Missing));
        let name = crate::domain::PersonName::parse(&self.name);
        check("name", name.as_ref().map(drop).map_err(|e| *e));
        let email = crate::domain::Email::parse(&self.email);
        check("email", email.as_ref().map(drop).map_err(|e| *e));
        let text = crate::domain::QuestionText::parse(&self.text);
        check("text", text.as_ref().map(drop).map_err(|e| *e));
        check("consent", if self.consent { Ok(()) } else { Err(FieldProblem::MustAgree) });
        let channel = self.channel.unwrap_or(Channel::Question);
        check("channel", if channel == Channel::Appeal { Err(FieldProblem::UnknownChoice) } else { Ok(()) });
        let slot = self.slot.filter(|_| channel == Channel::Reception);
        check(
            "slot",
            if channel == Channel::Reception && slot.is_none() { Err(FieldProblem::Missing) } else { Ok(()) },
        );
        match (body, self.category_id, self.lang, name, email, text) {
            (Some(body), Some(category_id), Some(lang), Ok(name), Ok(email), Ok(text)) if errors.is_empty() => {
                let publish_as = self.publish_as;
                Ok(ValidQuestion { body, category_id, lang, name, email, text, publish_as, channel, slot })
            }
            _ => Err(errors),
        }
    }
}

/// What `POST /api/v1/questions` takes: the form and the solved anti-spam challenge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionSubmission {
    #[serde(flatten)]
    pub form: QuestionForm,
    pub proof_of_work: ProofOfWork,
}

/// What the citizen gets back after sending a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionReceipt {
    pub registration_number: RegistrationNumber,
    pub status: CaseStatus,
    /// Unix seconds by which the email must be confirmed, or the question expires.
    pub confirm_by: i64,
}

/// The link from the confirmation email, as the app sends it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfirmRequest {
    pub token: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> QuestionForm {
        QuestionForm {
            body: "enbek".into(),
            category_id: Some(CategoryId(1)),
            lang: Some(Lang::Ru),
            name: "Айгуль Сеитова".into(),
            email: "aigul@mail.kz".into(),
            text: "Как оформить пособие по уходу за ребёнком до полутора лет?".into(),
            consent: true,
            publish_as: PublishAs::Initials,
            website: String::new(),
            channel: None,
            slot: None,
        }
    }

    #[test]
    fn a_reception_request_needs_a_session_and_appeals_use_their_own_form() {
        let reception = QuestionForm { channel: Some(Channel::Reception), ..good() };
        let fields: Vec<String> = reception.validate().expect_err("invalid").into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["slot"]);
        let with_slot = QuestionForm { slot: Some(crate::content::SlotId(3)), ..reception };
        assert_eq!(
            with_slot.validate().map(|q| (q.channel, q.slot)).ok(),
            Some((Channel::Reception, Some(crate::content::SlotId(3))))
        );
        let appeal = QuestionForm { channel: Some(Channel::Appeal), ..good() };
        assert_eq!(appeal.validate().expect_err("invalid")[0].field, "channel");
        let blog = QuestionForm { channel: Some(Channel::Blog), slot: Some(crate::content::SlotId(3)), ..good() };
        assert_eq!(blog.validate().map(|q| (q.channel, q.slot)).ok(), Some((Channel::Blog, None)));
    }

    #[test]
    fn a_complete_form_is_valid() {
        assert!(good().validate().is_ok());
    }

    #[test]
    fn every_problem_is_reported_at_once_by_field() {
        let form = QuestionForm {
            name: "1".into(),
            email: "nope".into(),
            text: "коротко".into(),
            consent: false,
            category_id: None,
            ..good()
        };
        let errors = form.validate().expect_err("invalid");
        let fields: Vec<(&str, FieldProblem)> = errors.iter().map(|e| (e.field.as_str(), e.problem)).collect();
        assert_eq!(
            fields,
            vec![
                ("category_id", FieldProblem::Missing),
                ("name", FieldProblem::TooShort),
                ("email", FieldProblem::BadFormat),
                ("text", FieldProblem::TooShort),
                ("consent", FieldProblem::MustAgree),
            ]
        );
    }

    #[test]
    fn statuses_round_trip_through_their_names() {
        for raw in ["submitted", "received", "left_without_consideration", "expired"] {
            assert_eq!(CaseStatus::parse(raw).map(CaseStatus::as_str), Some(raw));
        }
        assert_eq!(CaseStatus::parse("bogus"), None);
    }

    #[test]
    fn a_solved_challenge_checks_and_a_wrong_solution_does_not() {
        let challenge = Challenge { nonce: "abc".into(), difficulty: 8, expires_at: 0, signature: String::new() };
        let proof = challenge.solve();
        assert!(challenge.is_solved_by(proof.solution));
        let wrong = (0..).find(|s| !challenge.is_solved_by(*s)).expect("most numbers fail");
        assert!(!challenge.is_solved_by(wrong));
    }

    #[test]
    fn zero_bits_are_counted_from_the_front() {
        assert_eq!(leading_zero_bits(&[0, 0, 0b0001_0000, 0xff]), 19);
        assert_eq!(leading_zero_bits(&[0xff]), 0);
    }
}
