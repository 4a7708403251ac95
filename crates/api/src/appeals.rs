//! Electronic appeals (e-Otinish style): the six types the law knows, who files, and the form
//! with the rules the app and the server both apply. Appeals are private: never published, and
//! never anonymous (the law does not consider anonymous appeals).

use crate::domain::{Email, FieldError, FieldProblem, Iin, PersonName, Phone, QuestionText, RegistrationNumber};
use crate::{BodySlug, CategoryId, Lang};
use serde::{Deserialize, Serialize};

/// The types of appeal of the Administrative Procedural Code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppealType {
    /// Өтініш / заявление: asks for help in exercising a right.
    Statement,
    /// Шағым / жалоба: about a violated right or a decision, action or inaction.
    Complaint,
    /// Сұрау / запрос: asks for information.
    Request,
    /// Ұсыныс / предложение: proposes an improvement.
    Proposal,
    /// Пікір / отклик: an opinion on a draft or a decision.
    Response,
    /// Хабар / сообщение: reports a fact or an event.
    Report,
}

impl AppealType {
    pub const ALL: [AppealType; 6] = [
        AppealType::Statement,
        AppealType::Complaint,
        AppealType::Request,
        AppealType::Proposal,
        AppealType::Response,
        AppealType::Report,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AppealType::Statement => "statement",
            AppealType::Complaint => "complaint",
            AppealType::Request => "request",
            AppealType::Proposal => "proposal",
            AppealType::Response => "response",
            AppealType::Report => "report",
        }
    }

    pub fn parse(raw: &str) -> Option<AppealType> {
        AppealType::ALL.into_iter().find(|t| t.as_str() == raw)
    }
}

/// Who files: an individual, or a legal entity through its representative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Filer {
    Individual,
    LegalEntity,
}

impl Filer {
    /// The prefix of the registration number this filer gets (ЖТ or ЗТ).
    pub fn number_kind(self) -> crate::domain::registration_number::ApplicantKind {
        match self {
            Filer::Individual => crate::domain::registration_number::ApplicantKind::Individual,
            Filer::LegalEntity => crate::domain::registration_number::ApplicantKind::LegalEntity,
        }
    }
}

/// An appeal as the form sends it: raw text per field, so each problem is reported on its field.
/// For a legal entity the person fields name its representative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppealForm {
    pub filer: Option<Filer>,
    /// The individual's (or the representative's) IIN.
    pub iin: String,
    pub surname: String,
    pub given_name: String,
    /// Optional: not everyone has one.
    #[serde(default)]
    pub patronymic: String,
    /// A legal entity's BIN.
    #[serde(default)]
    pub bin: String,
    /// A legal entity's name.
    #[serde(default)]
    pub organisation: String,
    pub email: String,
    pub phone: String,
    /// Optional: for an answer by post as well.
    #[serde(default)]
    pub address: String,
    pub appeal_type: Option<AppealType>,
    /// The body's slug.
    pub body: String,
    pub category_id: Option<CategoryId>,
    pub lang: Option<Lang>,
    pub text: String,
    /// The number of an earlier appeal: the decision a complaint is about, or the appeal this
    /// one repeats.
    #[serde(default)]
    pub earlier_number: String,
    /// Consent to processing personal data.
    pub consent: bool,
}

/// The filer of an appeal that passed every rule.
#[derive(Debug, Clone)]
pub enum ValidFiler {
    Individual { iin: Iin, name: FullName },
    LegalEntity { bin: Iin, organisation: String, representative_iin: Iin, representative: FullName },
}

#[derive(Debug, Clone)]
pub struct FullName {
    pub surname: PersonName,
    pub given_name: PersonName,
    pub patronymic: Option<PersonName>,
}

/// An appeal that passed every rule.
#[derive(Debug, Clone)]
pub struct ValidAppeal {
    pub filer: ValidFiler,
    pub email: Email,
    pub phone: Phone,
    pub address: Option<String>,
    pub appeal_type: AppealType,
    pub body: BodySlug,
    pub category_id: CategoryId,
    pub lang: Lang,
    pub text: QuestionText,
    pub earlier: Option<RegistrationNumber>,
}

impl AppealForm {
    pub const ORGANISATION_MAX: usize = 300;
    pub const ADDRESS_MAX: usize = 300;

    /// Applies the shared rules; every field's problem is reported at once.
    pub fn validate(&self) -> Result<ValidAppeal, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut keep = |field: &str, problem: Option<FieldProblem>| {
            if let Some(problem) = problem {
                errors.push(FieldError { field: field.to_owned(), problem });
            }
        };
        keep("filer", self.filer.is_none().then_some(FieldProblem::Missing));
        let iin = Iin::parse(&self.iin);
        keep("iin", iin.as_ref().err().copied());
        let surname = PersonName::parse(&self.surname);
        keep("surname", surname.as_ref().err().copied());
        let given_name = PersonName::parse(&self.given_name);
        keep("given_name", given_name.as_ref().err().copied());
        let patronymic = match self.patronymic.trim() {
            "" => Ok(None),
            raw => PersonName::parse(raw).map(Some),
        };
        keep("patronymic", patronymic.as_ref().err().copied());
        let legal = self.filer == Some(Filer::LegalEntity);
        let bin = legal.then(|| Iin::parse(&self.bin));
        keep("bin", bin.as_ref().and_then(|b| b.as_ref().err().copied()));
        let organisation = self.organisation.split_whitespace().collect::<Vec<_>>().join(" ");
        keep(
            "organisation",
            match organisation.chars().count() {
                _ if !legal => None,
                0 => Some(FieldProblem::Missing),
                1 => Some(FieldProblem::TooShort),
                n if n > Self::ORGANISATION_MAX => Some(FieldProblem::TooLong),
                _ => None,
            },
        );
        let email = Email::parse(&self.email);
        keep("email", email.as_ref().err().copied());
        let phone = Phone::parse(&self.phone);
        keep("phone", phone.as_ref().err().copied());
        let address = self.address.split_whitespace().collect::<Vec<_>>().join(" ");
        keep("address", (address.chars().count() > Self::ADDRESS_MAX).then_some(FieldProblem::TooLong));
        keep("appeal_type", self.appeal_type.is_none().then_some(FieldProblem::Missing));
        let body = BodySlug::parse(&self.body).ok();
        let body_problem = if self.body.is_empty() { FieldProblem::Missing } else { FieldProblem::UnknownChoice };
        keep("body", body.is_none().then_some(body_problem));
        keep("category_id", self.category_id.is_none().then_some(FieldProblem::Missing));
        keep("lang", self.lang.is_none().then_some(FieldProblem::Missing));
        let text = QuestionText::parse(&self.text);
        keep("text", text.as_ref().err().copied());
        let earlier = match self.earlier_number.trim() {
            "" => Ok(None),
            raw => RegistrationNumber::parse(raw).map(Some).ok_or(FieldProblem::BadFormat),
        };
        keep("earlier_number", earlier.as_ref().err().copied());
        keep("consent", (!self.consent).then_some(FieldProblem::MustAgree));
        if !errors.is_empty() {
            return Err(errors);
        }
        // Every field passed, so each `ok()` below holds a value.
        let build = || {
            let name = FullName { surname: surname.ok()?, given_name: given_name.ok()?, patronymic: patronymic.ok()? };
            let filer = match bin {
                Some(bin) => ValidFiler::LegalEntity {
                    bin: bin.ok()?,
                    organisation,
                    representative_iin: iin.ok()?,
                    representative: name,
                },
                None => ValidFiler::Individual { iin: iin.ok()?, name },
            };
            Some(ValidAppeal {
                filer,
                email: email.ok()?,
                phone: phone.ok()?,
                address: Some(address).filter(|a| !a.is_empty()),
                appeal_type: self.appeal_type?,
                body: body?,
                category_id: self.category_id?,
                lang: self.lang?,
                text: text.ok()?,
                earlier: earlier.ok()?,
            })
        };
        build().ok_or_else(Vec::new)
    }
}

/// The limits on an appeal's attachments.
pub const MAX_FILES: usize = 5;
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// The id of a stored attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct FileId(pub i64);

/// The kinds of file accepted, known by their content, never by their name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Pdf,
    Jpeg,
    Png,
    Docx,
}

impl FileKind {
    pub const ALL: [FileKind; 4] = [FileKind::Pdf, FileKind::Jpeg, FileKind::Png, FileKind::Docx];

    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Jpeg => "jpeg",
            FileKind::Png => "png",
            FileKind::Docx => "docx",
        }
    }

    pub fn parse(raw: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.as_str() == raw)
    }
}

/// An attached file as the applicant and staff see it; its content is a separate download.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppealFile {
    pub id: FileId,
    pub name: String,
    pub kind: FileKind,
    /// Bytes.
    pub size: i64,
    /// Attached by the body to its decision, not by the applicant.
    pub from_body: bool,
}

/// Asks for a one-time code to confirm the email address before filing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailCodeRequest {
    pub email: String,
    /// The language of the email with the code.
    pub lang: Lang,
}

/// Checks the code sent to `email` (it stays usable for the submission).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailCodeCheck {
    pub email: String,
    pub code: String,
}

/// The `appeal` part of the multipart submission; the files travel as `file` parts beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppealSubmission {
    pub form: AppealForm,
    /// The one-time code sent to the form's email address.
    pub email_code: String,
}

/// What the applicant gets at once: the number, when it was registered, the deadline, and the
/// code that opens the tracking page (also in the confirmation email).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppealReceipt {
    pub registration_number: RegistrationNumber,
    /// Unix seconds.
    pub registered_at: i64,
    /// The day the term counts from, `YYYY-MM-DD` (the next working day after a day off).
    pub registration_day: String,
    /// The last day to answer, `YYYY-MM-DD`.
    pub deadline: String,
    pub tracking_code: String,
}

/// How an appeal was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Удовлетворено: what was asked for is done.
    Satisfied,
    /// Разъяснено: the law or the procedure was explained.
    Explained,
    /// Отказано: refused, with the reasons in the answer.
    Refused,
    /// Оставлено без рассмотрения: no substance to consider, with the reason.
    LeftWithoutConsideration,
}

impl Outcome {
    pub const ALL: [Outcome; 4] =
        [Outcome::Satisfied, Outcome::Explained, Outcome::Refused, Outcome::LeftWithoutConsideration];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Satisfied => "satisfied",
            Outcome::Explained => "explained",
            Outcome::Refused => "refused",
            Outcome::LeftWithoutConsideration => "left_without_consideration",
        }
    }

    pub fn parse(raw: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == raw)
    }
}

/// An extension of the deadline by the head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Extension {
    /// The reason the applicant was given.
    pub reason: String,
    /// The day the head decided, `YYYY-MM-DD`.
    pub decided_on: String,
    /// Unix seconds: when the applicant's notice was sent.
    pub noticed_at: i64,
    /// The notice went out later than three working days after the decision.
    pub notice_late: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn individual() -> AppealForm {
        AppealForm {
            filer: Some(Filer::Individual),
            iin: "061211600012".into(),
            surname: "Сейітова".into(),
            given_name: "Әсел".into(),
            patronymic: "Нұрланқызы".into(),
            email: "asel@mail.kz".into(),
            phone: "+7 701 123 45 67".into(),
            appeal_type: Some(AppealType::Statement),
            body: "enbek".into(),
            category_id: Some(CategoryId(3)),
            lang: Some(Lang::Kk),
            text: "Зейнетақы төлемі үш айдан бері түспей жатыр, себебін анықтауды сұраймын.".into(),
            consent: true,
            ..AppealForm::default()
        }
    }

    fn problems(form: &AppealForm) -> Vec<(String, FieldProblem)> {
        form.validate().err().unwrap_or_default().into_iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn an_individuals_appeal_passes_and_keeps_the_normalised_phone() {
        let valid = individual().validate().expect("valid");
        assert!(matches!(valid.filer, ValidFiler::Individual { .. }));
        assert_eq!(valid.phone.as_str(), "+77011234567");
        assert_eq!(valid.address, None);
        assert_eq!(valid.earlier, None);
    }

    #[test]
    fn a_legal_entity_needs_its_bin_and_name_besides_the_representative() {
        let mut form = AppealForm { filer: Some(Filer::LegalEntity), ..individual() };
        assert_eq!(
            problems(&form),
            [("bin".to_owned(), FieldProblem::Missing), ("organisation".to_owned(), FieldProblem::Missing)]
        );
        form.bin = "061211600013".into();
        form.organisation = "«Дала Агро» ЖШС".into();
        assert_eq!(problems(&form), [("bin".to_owned(), FieldProblem::BadChecksum)]);
        form.bin = "061211600012".into();
        let valid = form.validate().expect("valid");
        assert!(
            matches!(valid.filer, ValidFiler::LegalEntity { ref organisation, .. } if organisation == "«Дала Агро» ЖШС")
        );
    }

    #[test]
    fn an_anonymous_or_empty_appeal_reports_every_missing_field() {
        let fields: Vec<String> = problems(&AppealForm::default()).into_iter().map(|(f, _)| f).collect();
        for field in [
            "filer",
            "iin",
            "surname",
            "given_name",
            "email",
            "phone",
            "appeal_type",
            "body",
            "category_id",
            "lang",
            "text",
            "consent",
        ] {
            assert!(fields.contains(&field.to_owned()), "{field} in {fields:?}");
        }
        assert!(!fields.contains(&"patronymic".to_owned()) && !fields.contains(&"bin".to_owned()));
    }

    #[test]
    fn a_wrong_iin_and_a_malformed_earlier_number_are_named() {
        let form = AppealForm { iin: "061211600013".into(), earlier_number: "ЖТ-2026-12".into(), ..individual() };
        assert_eq!(
            problems(&form),
            [("iin".to_owned(), FieldProblem::BadChecksum), ("earlier_number".to_owned(), FieldProblem::BadFormat)]
        );
        let form = AppealForm { earlier_number: " ЖТ-2026-00012345 ".into(), ..individual() };
        assert_eq!(
            form.validate().expect("valid").earlier.map(|n| n.as_str().to_owned()),
            Some("ЖТ-2026-00012345".into())
        );
    }

    #[test]
    fn types_travel_as_snake_case_and_parse_back() {
        for t in AppealType::ALL {
            assert_eq!(serde_json::to_string(&t).expect("serialises"), format!("\"{}\"", t.as_str()));
            assert_eq!(AppealType::parse(t.as_str()), Some(t));
        }
    }
}
