//! Input that becomes a type through `parse`: the app's forms and the server apply the same rules,
//! and an invalid value cannot exist past the edge. Each error is a [`FieldProblem`] the app
//! translates.

pub mod email;
pub mod iin;
pub mod person_name;
pub mod personal_data;
pub mod phone;
pub mod question_text;
pub mod registration_number;

pub use email::Email;
pub use iin::Iin;
pub use person_name::PersonName;
pub use phone::Phone;
pub use question_text::QuestionText;
pub use registration_number::RegistrationNumber;

use serde::{Deserialize, Serialize};

/// What is wrong with one field, as a stable code the app translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldProblem {
    /// Nothing was given.
    Missing,
    /// Shorter than the minimum length.
    TooShort,
    /// Longer than the maximum length.
    TooLong,
    /// Not in the expected form (an email address without `@`, letters in an IIN ...).
    BadFormat,
    /// The control digit does not match (IIN, BIN).
    BadChecksum,
    /// The value is not one of those offered (an unknown category).
    UnknownChoice,
    /// A box that must be ticked was not.
    MustAgree,
    /// A file is over the size limit.
    TooLarge,
    /// More files than allowed.
    TooMany,
    /// A file's content is not one of the accepted types (whatever its name says).
    FileType,
    /// A one-time code does not match, has expired, or was tried too often.
    WrongCode,
    /// A date is not later than it must be (an extension that does not extend).
    TooEarly,
    /// A date is beyond the law's limit (an extension past two months in total).
    TooLate,
    /// The executor handled the earlier appeal this one repeats, so may not take it.
    PreviousExecutor,
}

/// One field's problem in a submitted form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's name as in the request, e.g. `email`.
    pub field: String,
    pub problem: FieldProblem,
}

/// Counts characters as people do (Kazakh letters are one character each, not two bytes).
pub(crate) fn char_len(s: &str) -> usize {
    s.chars().count()
}
