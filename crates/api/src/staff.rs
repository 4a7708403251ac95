//! Staff accounts: signing in, and who may do what in which body.

use crate::{BodySlug, DepartmentId};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a staff member may do in one body. A person can hold several roles, in several bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages the body's departments, categories, users and settings; passes every check in the body.
    Administrator,
    /// Registers incoming questions, rejects spam, routes them to departments, publishes answers.
    Moderator,
    /// Drafts answers for a department within the deadlines.
    Executor,
    /// The first head of the body: the blog and the questions addressed to them.
    Head,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Administrator, Role::Moderator, Role::Executor, Role::Head];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Moderator => "moderator",
            Role::Executor => "executor",
            Role::Head => "head",
        }
    }
}

impl FromStr for Role {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or(())
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The sign-in form.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// Never prints the password or the address, so a stray `{:?}` cannot leak them into a log.
impl fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoginRequest").finish_non_exhaustive()
    }
}

/// One role the signed-in person holds in one body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Membership {
    pub body: BodySlug,
    pub role: Role,
    /// The department an executor works in, when the role is tied to one.
    pub department_id: Option<DepartmentId>,
}

/// The signed-in staff member, as the staff office shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub name: String,
    pub email: String,
    pub memberships: Vec<Membership>,
    /// Runs the whole platform: edits the working-day calendar.
    pub platform_admin: bool,
    /// Send it back in the `X-CSRF-Token` header with every request that changes something.
    pub csrf_token: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_travel_as_snake_case_and_parse_back() {
        for role in Role::ALL {
            let json = serde_json::to_string(&role).expect("serialises");
            assert_eq!(json, format!("\"{}\"", role.as_str()));
            assert_eq!(role.as_str().parse(), Ok(role));
        }
        assert_eq!("owner".parse::<Role>(), Err(()));
    }

    #[test]
    fn a_login_request_never_prints_its_password() {
        let request = LoginRequest { email: "a@b.kz".into(), password: "hunter2".into() };
        let printed = format!("{request:?}");
        assert!(!printed.contains("hunter2") && !printed.contains("a@b.kz"), "{printed}");
    }
}
