use super::{FieldProblem, char_len};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A person's name as they write it: letters of any alphabet, spaces, hyphens, apostrophes and
/// dots, 2 to 100 characters. Kazakh, Russian and Latin names all pass.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "Айгүл Серікқызы"))]
#[serde(transparent)]
pub struct PersonName(String);

impl PersonName {
    pub const MIN_LEN: usize = 2;
    pub const MAX_LEN: usize = 100;

    pub fn parse(input: &str) -> Result<PersonName, FieldProblem> {
        let collapsed = input.split_whitespace().collect::<Vec<_>>().join(" ");
        match char_len(&collapsed) {
            0 => return Err(FieldProblem::Missing),
            n if n < Self::MIN_LEN => return Err(FieldProblem::TooShort),
            n if n > Self::MAX_LEN => return Err(FieldProblem::TooLong),
            _ => {}
        }
        let allowed = |c: char| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.');
        if !collapsed.chars().all(allowed) || !collapsed.chars().any(char::is_alphabetic) {
            return Err(FieldProblem::BadFormat);
        }
        Ok(PersonName(collapsed))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What the public sees of the author: the first letter of each word, `А. С.`.
    pub fn initials(&self) -> String {
        self.0
            .split([' ', '-'])
            .filter_map(|word| word.chars().find(|c| c.is_alphabetic()))
            .flat_map(char::to_uppercase)
            .map(|c| format!("{c}."))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Personal data: debug output shows only the initials.
impl fmt::Debug for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PersonName({})", self.initials())
    }
}

impl<'de> Deserialize<'de> for PersonName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        PersonName::parse(&raw).map_err(|_| serde::de::Error::custom("invalid name"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_russian_and_latin_names_are_accepted() {
        for name in ["Айгүл Серікқызы", "Нұрлан Әбенұлы", "Иван Петров-Водкин", "O'Brien", "Anna M. Smith"]
        {
            assert!(PersonName::parse(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn spaces_are_collapsed() {
        assert_eq!(PersonName::parse("  Айгүл   Серікқызы ").map(|n| n.0), Ok("Айгүл Серікқызы".to_owned()));
    }

    #[test]
    fn digits_markup_and_empty_names_are_rejected() {
        assert_eq!(PersonName::parse("Agent 007").map(|n| n.0), Err(FieldProblem::BadFormat));
        assert_eq!(PersonName::parse("<script>").map(|n| n.0), Err(FieldProblem::BadFormat));
        assert_eq!(PersonName::parse("---").map(|n| n.0), Err(FieldProblem::BadFormat));
        assert_eq!(PersonName::parse("   ").map(|n| n.0), Err(FieldProblem::Missing));
        assert_eq!(PersonName::parse("А").map(|n| n.0), Err(FieldProblem::TooShort));
        assert_eq!(PersonName::parse(&"а".repeat(101)).map(|n| n.0), Err(FieldProblem::TooLong));
    }

    #[test]
    fn initials_take_the_first_letter_of_each_part() {
        let name = PersonName::parse("айгүл серікқызы").expect("valid");
        assert_eq!(name.initials(), "А. С.");
        let name = PersonName::parse("Иван Петров-Водкин").expect("valid");
        assert_eq!(name.initials(), "И. П. В.");
    }
}
