use super::{FieldProblem, char_len};
use serde::{Deserialize, Serialize};

/// The text of a citizen's question: 20 to 5,000 characters after trimming. Line breaks are
/// kept; the text is always shown as text, never as markup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
#[serde(transparent)]
pub struct QuestionText(String);

impl QuestionText {
    pub const MIN_LEN: usize = 20;
    pub const MAX_LEN: usize = 5000;

    pub fn parse(input: &str) -> Result<QuestionText, FieldProblem> {
        // Windows line ends and stray control characters would break counts and display.
        let cleaned: String =
            input.replace("\r\n", "\n").chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
        let trimmed = cleaned.trim();
        match char_len(trimmed) {
            0 => Err(FieldProblem::Missing),
            n if n < Self::MIN_LEN => Err(FieldProblem::TooShort),
            n if n > Self::MAX_LEN => Err(FieldProblem::TooLong),
            _ => Ok(QuestionText(trimmed.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for QuestionText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        QuestionText::parse(&raw).map_err(|_| serde::de::Error::custom("invalid question text"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_count_characters_not_bytes() {
        let kazakh = "ә".repeat(QuestionText::MAX_LEN);
        assert!(QuestionText::parse(&kazakh).is_ok());
        assert_eq!(QuestionText::parse(&format!("{kazakh}ә")), Err(FieldProblem::TooLong));
        assert_eq!(QuestionText::parse("Қашан?"), Err(FieldProblem::TooShort));
        assert_eq!(QuestionText::parse(" \n\t "), Err(FieldProblem::Missing));
    }

    #[test]
    fn line_breaks_stay_and_control_characters_go() {
        let text = QuestionText::parse("Бірінші жол\r\nекінші жол\u{0007} және тағы").expect("valid");
        assert_eq!(text.as_str(), "Бірінші жол\nекінші жол және тағы");
    }
}
