//! Government bodies (ministries and akimats), their departments and question categories.

use crate::Localized;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Declares a typed id: a number that cannot be mixed up with another kind of id.
macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(pub i64);
    };
}

typed_id!(
    /// The id of a department within a body.
    DepartmentId
);
typed_id!(
    /// The id of a question category of a body.
    CategoryId
);

/// The short name of a body in gov.kz addresses, such as `enbek` or `astana`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "enbek"))]
#[serde(transparent)]
pub struct BodySlug(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvalidSlug {
    Empty,
    TooLong,
    BadCharacter,
}

impl BodySlug {
    pub const MAX_LEN: usize = 40;

    /// Lower-case Latin letters, digits and inner hyphens, as gov.kz uses.
    pub fn parse(input: &str) -> Result<BodySlug, InvalidSlug> {
        if input.is_empty() {
            return Err(InvalidSlug::Empty);
        }
        if input.len() > Self::MAX_LEN {
            return Err(InvalidSlug::TooLong);
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        if !input.chars().all(allowed) || input.starts_with('-') || input.ends_with('-') {
            return Err(InvalidSlug::BadCharacter);
        }
        Ok(BodySlug(input.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for BodySlug {
    type Err = InvalidSlug;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BodySlug::parse(s)
    }
}

impl fmt::Display for BodySlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for BodySlug {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        BodySlug::parse(&raw).map_err(|e| serde::de::Error::custom(format!("invalid body slug: {e:?}")))
    }
}

/// What kind of body it is; the site groups bodies by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum BodyKind {
    Ministry,
    Akimat,
}

impl BodyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BodyKind::Ministry => "ministry",
            BodyKind::Akimat => "akimat",
        }
    }
}

impl FromStr for BodyKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "ministry" => Ok(BodyKind::Ministry),
            "akimat" => Ok(BodyKind::Akimat),
            _ => Err(()),
        }
    }
}

/// The first head of a body (minister, akim).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Head {
    pub name: Localized,
    pub position: Localized,
}

/// A body as listed on the home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BodySummary {
    pub slug: BodySlug,
    pub kind: BodyKind,
    pub name: Localized,
}

/// The list of bodies, in the order the site shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BodyList {
    pub items: Vec<BodySummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Department {
    pub id: DepartmentId,
    pub name: Localized,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Category {
    pub id: CategoryId,
    /// Stable short code, unique within the body, e.g. `pensions`.
    pub code: String,
    pub name: Localized,
}

/// One body with everything its hub page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Body {
    pub slug: BodySlug,
    pub kind: BodyKind,
    pub name: Localized,
    pub head: Option<Head>,
    pub departments: Vec<Department>,
    pub categories: Vec<Category>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gov_kz_slugs_are_accepted() {
        for slug in ["enbek", "dsm", "edu", "minfin", "astana", "akimat-2"] {
            assert_eq!(BodySlug::parse(slug).map(|s| s.to_string()), Ok(slug.to_owned()));
        }
    }

    #[test]
    fn a_slug_with_capitals_spaces_or_outer_hyphens_is_rejected() {
        for slug in ["Enbek", "en bek", "-enbek", "enbek-", "енбек", "a/b", "../x"] {
            assert_eq!(BodySlug::parse(slug), Err(InvalidSlug::BadCharacter), "{slug}");
        }
    }

    #[test]
    fn an_empty_or_overlong_slug_is_rejected() {
        assert_eq!(BodySlug::parse(""), Err(InvalidSlug::Empty));
        assert_eq!(BodySlug::parse(&"a".repeat(41)), Err(InvalidSlug::TooLong));
        assert!(BodySlug::parse(&"a".repeat(40)).is_ok());
    }

    #[test]
    fn a_slug_from_json_is_checked_too() {
        assert!(serde_json::from_str::<BodySlug>("\"minfin\"").is_ok());
        assert!(serde_json::from_str::<BodySlug>("\"Min Fin\"").is_err());
    }
}
