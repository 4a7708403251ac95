use super::FieldProblem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A Kazakhstan phone number, kept as `+7` and ten digits. People write it many ways:
/// `+7 701 123 45 67`, `8 (701) 123-45-67`, `87011234567` all give `+77011234567`.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "+77011234567"))]
#[serde(transparent)]
pub struct Phone(String);

impl Phone {
    pub fn parse(input: &str) -> Result<Phone, FieldProblem> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(FieldProblem::Missing);
        }
        if !trimmed.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')')) {
            return Err(FieldProblem::BadFormat);
        }
        let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
        let national = match (trimmed.starts_with('+'), digits.len()) {
            (true, 11) if digits.starts_with('7') => &digits[1..],
            (false, 11) if digits.starts_with('8') || digits.starts_with('7') => &digits[1..],
            (false, 10) => &digits[..],
            (_, n) if n < 10 => return Err(FieldProblem::TooShort),
            (_, n) if n > 11 => return Err(FieldProblem::TooLong),
            _ => return Err(FieldProblem::BadFormat),
        };
        // Kazakhstan's numbers start with 6 or 7 (mobile 70x-77x, landlines 71x-72x, and 6xx).
        if !national.starts_with(['6', '7']) {
            return Err(FieldProblem::BadFormat);
        }
        Ok(Phone(format!("+7{national}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Personal data: debug output hides all but the last two digits.
impl fmt::Debug for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Phone(+7********{})", &self.0[self.0.len() - 2..])
    }
}

impl<'de> Deserialize<'de> for Phone {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Phone::parse(&raw).map_err(|_| serde::de::Error::custom("invalid phone number"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_ways_of_writing_a_number_give_one_form() {
        for written in ["+7 701 123 45 67", "8 (701) 123-45-67", "87011234567", "7011234567", "+77011234567"] {
            assert_eq!(Phone::parse(written).map(|p| p.as_str().to_owned()), Ok("+77011234567".into()), "{written}");
        }
        assert_eq!(Phone::parse("8 (7172) 74-12-34").map(|p| p.as_str().to_owned()), Ok("+77172741234".into()));
    }

    #[test]
    fn other_countries_letters_and_wrong_lengths_are_refused() {
        assert_eq!(Phone::parse(""), Err(FieldProblem::Missing));
        assert_eq!(Phone::parse("+7 701 123"), Err(FieldProblem::TooShort));
        assert_eq!(Phone::parse("+7 701 123 45 67 8"), Err(FieldProblem::TooLong));
        assert_eq!(Phone::parse("+49 30 1234567"), Err(FieldProblem::BadFormat));
        assert_eq!(Phone::parse("8 701 ABC 45 67"), Err(FieldProblem::BadFormat));
        assert_eq!(Phone::parse("8 (501) 123-45-67"), Err(FieldProblem::BadFormat));
    }

    #[test]
    fn debug_output_hides_the_number() {
        let phone = Phone::parse("+7 701 123 45 67").expect("valid");
        assert_eq!(format!("{phone:?}"), "Phone(+7********67)");
    }
}
