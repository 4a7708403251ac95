use super::FieldProblem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An email address a person can receive mail at: `local@domain.tld`, at most 254 characters.
#[derive(Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, format = "email"))]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(input: &str) -> Result<Email, FieldProblem> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(FieldProblem::Missing);
        }
        if trimmed.len() > Self::MAX_LEN {
            return Err(FieldProblem::TooLong);
        }
        let options = email_address::Options::default().without_display_text().without_domain_literal();
        let parsed =
            email_address::EmailAddress::parse_with_options(trimmed, options).map_err(|_| FieldProblem::BadFormat)?;
        let domain = parsed.domain();
        // Addresses must reach the internet: a dotted domain, no quoted or bracketed parts.
        let dotted = domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.');
        if !dotted || parsed.local_part().starts_with('"') {
            return Err(FieldProblem::BadFormat);
        }
        Ok(Email(format!("{}@{}", parsed.local_part(), domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Personal data: never printed whole, even in debug output.
impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first = self.0.chars().next().unwrap_or('?');
        let domain = self.0.rsplit('@').next().unwrap_or_default();
        write!(f, "Email({first}***@{domain})")
    }
}

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Email::parse(&raw).map_err(|_| serde::de::Error::custom("invalid email address"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_addresses_are_accepted_and_the_domain_is_lower_cased() {
        assert_eq!(Email::parse("  aigul.s@Mail.KZ ").map(|e| e.0), Ok("aigul.s@mail.kz".to_owned()));
        assert!(Email::parse("a+tag@sub.example.com").is_ok());
    }

    #[test]
    fn addresses_without_a_reachable_domain_are_rejected() {
        for bad in
            ["aigul", "aigul@", "@mail.kz", "aigul@localhost", "a b@mail.kz", "a@[127.0.0.1]", "Aigul <a@mail.kz>"]
        {
            assert_eq!(Email::parse(bad).map(|e| e.0), Err(FieldProblem::BadFormat), "{bad}");
        }
    }

    #[test]
    fn an_empty_or_overlong_address_is_named_as_such() {
        assert_eq!(Email::parse("   ").map(|e| e.0), Err(FieldProblem::Missing));
        let long = format!("{}@mail.kz", "a".repeat(250));
        assert_eq!(Email::parse(&long).map(|e| e.0), Err(FieldProblem::TooLong));
    }

    #[test]
    fn debug_output_hides_the_address() {
        let email = Email::parse("aigul@mail.kz").expect("valid");
        assert_eq!(format!("{email:?}"), "Email(a***@mail.kz)");
    }
}
