use serde::{Deserialize, Serialize};

/// Every error the API returns has this shape. The app shows a translated text for `code`;
/// `message` is a short English explanation for developers and logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// For `invalid_input`: the problem with each field, for the form to show next to it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<crate::domain::FieldError>,
}

/// What went wrong, as a stable code the app can translate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No such address in the API.
    NotFound,
    /// No body with this slug.
    BodyNotFound,
    /// The request body is not valid JSON, or not JSON at all.
    MalformedJson,
    /// The JSON is well formed but a field is missing or has the wrong type or value.
    InvalidInput,
    /// Too many requests from this address or for this email; try again later.
    RateLimited,
    /// The anti-spam check failed (a robot, or a stale page): reload and send again.
    SpamCheckFailed,
    /// The link is unknown or has expired.
    LinkInvalid,
    /// The request is too large.
    PayloadTooLarge,
    /// The address exists but not for this method.
    MethodNotAllowed,
    /// The database or another dependency is unreachable right now; try again later.
    Unavailable,
    /// Something failed on our side; the details are in the server log.
    Internal,
    /// Someone changed the record first; reload it.
    Conflict,
    /// This needs a signed-in staff member, and the request has no valid session.
    Unauthenticated,
    /// The signed-in staff member has no role that allows this here.
    Forbidden,
    /// The email or the password is wrong (one answer for both, so addresses cannot be probed).
    LoginFailed,
    /// Too many failed sign-ins for this email or from this address; wait and try again.
    TooManyAttempts,
    /// A change was sent without the session's `X-CSRF-Token`, or with a wrong one.
    CsrfFailed,
}

impl ErrorCode {
    /// The HTTP status this code is sent with.
    pub fn status(self) -> u16 {
        match self {
            ErrorCode::NotFound | ErrorCode::BodyNotFound => 404,
            ErrorCode::MalformedJson => 400,
            ErrorCode::InvalidInput => 422,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::RateLimited => 429,
            ErrorCode::SpamCheckFailed => 422,
            ErrorCode::LinkInvalid => 410,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::Unavailable => 503,
            ErrorCode::Internal => 500,
            ErrorCode::Conflict => 409,
            ErrorCode::Unauthenticated | ErrorCode::LoginFailed => 401,
            ErrorCode::Forbidden | ErrorCode::CsrfFailed => 403,
            ErrorCode::TooManyAttempts => 429,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_travel_as_snake_case_strings() {
        let json = serde_json::to_string(&ErrorCode::BodyNotFound).expect("serialises");
        assert_eq!(json, "\"body_not_found\"");
        let back: ErrorCode = serde_json::from_str("\"malformed_json\"").expect("parses");
        assert_eq!(back, ErrorCode::MalformedJson);
    }

    #[test]
    fn client_errors_are_never_sent_as_server_errors() {
        for code in [ErrorCode::NotFound, ErrorCode::BodyNotFound, ErrorCode::MalformedJson, ErrorCode::InvalidInput] {
            assert!((400..500).contains(&code.status()), "{code:?}");
        }
    }
}
