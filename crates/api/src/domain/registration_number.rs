use serde::{Deserialize, Serialize};
use std::fmt;

/// A case's human-readable number in the e-Otinish style: `ЖТ-2026-00012345` for an individual,
/// `ЗТ-2026-...` for a legal entity. It stays with the case for life, across bodies.
#[derive(Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "ЖТ-2026-00012345"))]
#[serde(transparent)]
pub struct RegistrationNumber(String);

/// Who filed the case, which sets the number's prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplicantKind {
    Individual,
    LegalEntity,
}

impl ApplicantKind {
    fn prefix(self) -> &'static str {
        match self {
            ApplicantKind::Individual => "ЖТ",
            ApplicantKind::LegalEntity => "ЗТ",
        }
    }
}

impl RegistrationNumber {
    pub fn new(kind: ApplicantKind, year: i32, sequence: u32) -> RegistrationNumber {
        RegistrationNumber(format!("{}-{year:04}-{sequence:08}", kind.prefix()))
    }

    pub fn parse(input: &str) -> Option<RegistrationNumber> {
        let mut parts = input.trim().split('-');
        let (prefix, year, seq) = (parts.next()?, parts.next()?, parts.next()?);
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let ok = parts.next().is_none() && matches!(prefix, "ЖТ" | "ЗТ") && digits(year, 4) && digits(seq, 8);
        ok.then(|| RegistrationNumber(input.trim().to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RegistrationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for RegistrationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RegistrationNumber({})", self.0)
    }
}

impl<'de> Deserialize<'de> for RegistrationNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        RegistrationNumber::parse(&raw).ok_or_else(|| serde::de::Error::custom("invalid registration number"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_the_e_otinish_shape() {
        assert_eq!(RegistrationNumber::new(ApplicantKind::Individual, 2026, 12345).as_str(), "ЖТ-2026-00012345");
        assert_eq!(RegistrationNumber::new(ApplicantKind::LegalEntity, 2026, 7).as_str(), "ЗТ-2026-00000007");
    }

    #[test]
    fn only_well_formed_numbers_parse() {
        assert!(RegistrationNumber::parse("ЖТ-2026-00012345").is_some());
        for bad in ["ЖТ-2026-12345", "XX-2026-00012345", "ЖТ-26-00012345", "ЖТ-2026-00012345-1", ""] {
            assert!(RegistrationNumber::parse(bad).is_none(), "{bad}");
        }
    }
}
