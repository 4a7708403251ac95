//! Staff authentication: argon2id password hashes, server-side sessions behind an HttpOnly
//! SameSite=Strict cookie, a CSRF token for every change, a throttle on failed sign-ins, and the
//! [`Staff`] extractor that checks roles per body.
//!
//! Personal data stays out of the logs: lines name the account by its id, never by its email.

use crate::AppState;
use crate::antispam::{new_token, token_hash};
use crate::db::Db;
use crate::error::AppError;
use crate::store::staff::{self, Account, Grant, NewSession, Throttle};
use api::ErrorCode;
use api::staff::{Me, Membership, Role};
use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use chrono::{DateTime, Duration, Utc};
use std::fmt;
use subtle::ConstantTimeEq;

/// The cookie that carries the session token.
pub const SESSION_COOKIE: &str = "session";
/// The header that must repeat the session's CSRF token on every change.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// A session ends after this long without a request...
pub const IDLE_TIMEOUT: Duration = Duration::hours(12);
/// ...and after this long in any case.
pub const SESSION_LIFETIME: Duration = Duration::days(7);
/// Activity is written at most this often, so reading pages does not mean a write per request.
const TOUCH_AFTER: Duration = Duration::minutes(1);
/// Failed sign-ins allowed per email and per client address within the window.
pub const THROTTLE: Throttle = Throttle { window: Duration::minutes(15), per_email: 5, per_address: 20 };

/// Verified instead of a real hash when no account has the email, so both answers take as long.
/// It is a hash of random bytes made with [`hasher`]'s parameters (a unit test keeps them equal).
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$Rif8BvD4GcpG5iaN5tcjGg$ULYHFvsbNKUERtagV/XAV3O1Yv0PKDbqKTgte3wunw0";

/// argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 20 ms a hash
/// in a release build. Stored hashes carry their own parameters, so raising these later keeps
/// old hashes verifiable.
fn hasher() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::DEFAULT)
}

/// Hashes a password for storage, with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    hasher().hash_password(password.as_bytes()).map(|h| h.to_string())
}

/// Whether `password` matches `hash`; a malformed hash matches nothing.
pub fn verify_password(password: &str, hash: &str) -> bool {
    hasher().verify_password(password.as_bytes(), hash).is_ok()
}

/// Verifies off the async workers (a hash takes tens of milliseconds of CPU); with no account,
/// verifies against [`DUMMY_HASH`] and fails, taking the same time.
async fn check_password(password: String, hash: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let matches = verify_password(&password, hash.as_deref().unwrap_or(DUMMY_HASH));
        matches && hash.is_some()
    })
    .await
    .unwrap_or(false)
}

fn unauthenticated() -> AppError {
    AppError::new(ErrorCode::Unauthenticated, "Please sign in.")
}

fn forbidden() -> AppError {
    AppError::new(ErrorCode::Forbidden, "Your roles do not allow this here.")
}

fn csrf_failed() -> AppError {
    AppError::new(ErrorCode::CsrfFailed, "The request did not carry this session's X-CSRF-Token. Reload the page.")
}

fn login_failed() -> AppError {
    AppError::new(ErrorCode::LoginFailed, "The email or the password is wrong.")
}

fn too_many_attempts() -> AppError {
    AppError::new(ErrorCode::TooManyAttempts, "Too many failed sign-ins. Please wait 15 minutes and try again.")
}

/// A new session: the token goes into the cookie, `me` into the response.
pub struct SignedIn {
    pub token: String,
    pub me: Me,
}

/// Checks the email and password under the throttle and opens a session.
/// Unknown email and wrong password fail alike, in the same time.
pub async fn sign_in(
    db: &Db,
    email: &str,
    password: String,
    client_addr: &str,
    now: DateTime<Utc>,
) -> Result<SignedIn, AppError> {
    let email = staff::normalize_email(email);
    let email_bucket = format!("email:{}", token_hash(&email));
    let address_bucket = format!("addr:{}", token_hash(client_addr));
    let Some(attempt) = staff::begin_attempt(db, &email_bucket, &address_bucket, now, THROTTLE).await? else {
        tracing::info!("sign-in refused: too many failed attempts");
        return Err(too_many_attempts());
    };
    let account = staff::account_by_email(db, &email).await?;
    let matches = check_password(password, account.as_ref().map(|a| a.password_hash.clone())).await;
    let Some(account) = account.filter(|a| matches && !a.disabled) else {
        tracing::info!("sign-in failed");
        return Err(login_failed());
    };
    staff::forgive_attempt(db, &email_bucket, attempt).await?;
    open_session(db, account, now).await
}

async fn open_session(db: &Db, account: Account, now: DateTime<Utc>) -> Result<SignedIn, AppError> {
    let (token, id_hash) = new_token();
    let (csrf_token, _) = new_token();
    let session = NewSession {
        id_hash: &id_hash,
        user_id: account.id,
        csrf_token: &csrf_token,
        now,
        expires_at: now + SESSION_LIFETIME,
    };
    staff::create_session(db, &session, IDLE_TIMEOUT).await?;
    tracing::info!(user_id = account.id, "signed in");
    let grants = staff::grants(db, account.id).await?;
    let me = Me {
        name: account.name,
        email: account.email,
        memberships: memberships(&grants),
        platform_admin: account.platform_admin,
        csrf_token,
    };
    Ok(SignedIn { token, me })
}

fn memberships(grants: &[Grant]) -> Vec<Membership> {
    grants.iter().map(|g| Membership { body: g.body.clone(), role: g.role, department_id: g.department_id }).collect()
}

/// The `Set-Cookie` value for a new session. `secure` adds `Secure`, for sites served over HTTPS.
pub fn session_cookie(token: &str, secure: bool) -> String {
    cookie(token, SESSION_LIFETIME.num_seconds(), secure)
}

/// The `Set-Cookie` value that removes the session cookie from the browser.
pub fn cleared_cookie(secure: bool) -> String {
    cookie("", 0, secure)
}

fn cookie(value: &str, max_age: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={value}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}{secure}")
}

/// The session token from the request's cookies, if there is one.
fn session_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

/// Everything but reading changes something, so everything but reading needs the CSRF token.
fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Compares in constant time, so the token cannot be guessed byte by byte from response times.
fn csrf_matches(headers: &HeaderMap, expected: &str) -> bool {
    let sent = headers.get(CSRF_HEADER).map(|v| v.as_bytes()).unwrap_or_default();
    !expected.is_empty() && bool::from(sent.ct_eq(expected.as_bytes()))
}

/// A signed-in staff member. Extracting it answers 401 `unauthenticated` without a live session
/// and, for any method but GET/HEAD/OPTIONS, 403 `csrf_failed` unless `X-CSRF-Token` repeats the
/// session's token. Handlers then call [`Staff::require`] for the body they act on.
pub struct Staff {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub grants: Vec<Grant>,
    /// Runs the whole platform (the working-day calendar), whatever the roles in bodies.
    pub platform_admin: bool,
    session_hash: String,
    csrf_token: String,
}

/// Prints the account id and roles only: the name and email are personal data.
impl fmt::Debug for Staff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Staff").field("user_id", &self.user_id).field("grants", &self.grants).finish_non_exhaustive()
    }
}

impl Staff {
    /// Passes when the staff member holds one of `roles` in the body, or administers it;
    /// otherwise 403 `forbidden`.
    pub fn require(&self, body_id: i64, roles: &[Role]) -> Result<(), AppError> {
        if self.may(body_id, roles) {
            Ok(())
        } else {
            tracing::info!(user_id = self.user_id, body_id, "forbidden by role");
            Err(forbidden())
        }
    }

    /// Whether [`Staff::require`] would pass.
    pub fn may(&self, body_id: i64, roles: &[Role]) -> bool {
        self.grants.iter().any(|g| g.body_id == body_id && (g.role == Role::Administrator || roles.contains(&g.role)))
    }

    /// Passes for a platform administrator; otherwise 403 `forbidden`.
    pub fn require_platform_admin(&self) -> Result<(), AppError> {
        if self.platform_admin {
            Ok(())
        } else {
            tracing::info!(user_id = self.user_id, "forbidden: not a platform administrator");
            Err(forbidden())
        }
    }

    /// The staff member as `GET /auth/me` shows them.
    pub fn me(&self) -> Me {
        Me {
            name: self.name.clone(),
            email: self.email.clone(),
            memberships: memberships(&self.grants),
            platform_admin: self.platform_admin,
            csrf_token: self.csrf_token.clone(),
        }
    }

    /// Ends the session this request came with.
    pub async fn sign_out(&self, db: &Db) -> Result<(), AppError> {
        staff::delete_session(db, &self.session_hash).await?;
        tracing::info!(user_id = self.user_id, "signed out");
        Ok(())
    }

    /// Ends every session of this account, on every device.
    pub async fn sign_out_everywhere(&self, db: &Db) -> Result<(), AppError> {
        let ended = staff::delete_user_sessions(db, self.user_id).await?;
        tracing::info!(user_id = self.user_id, sessions = ended, "signed out everywhere");
        Ok(())
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = session_token(&parts.headers).ok_or_else(unauthenticated)?;
        let session_hash = token_hash(token);
        let now = Utc::now();
        let session =
            staff::live_session(&state.db, &session_hash, now, IDLE_TIMEOUT).await?.ok_or_else(unauthenticated)?;
        if changes_state(&parts.method) && !csrf_matches(&parts.headers, &session.csrf_token) {
            tracing::info!(user_id = session.user_id, "CSRF token missing or wrong");
            return Err(csrf_failed());
        }
        if now - session.last_seen_at > TOUCH_AFTER {
            staff::touch_session(&state.db, &session_hash, now).await?;
        }
        let grants = staff::grants(&state.db, session.user_id).await?;
        Ok(Staff {
            user_id: session.user_id,
            name: session.name,
            email: session.email,
            grants,
            platform_admin: session.platform_admin,
            session_hash,
            csrf_token: session.csrf_token,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use api::BodySlug;
    use axum::http::HeaderValue;

    /// The algorithm, version and cost parts of a PHC string.
    fn parameters(hash: &str) -> Vec<&str> {
        hash.split('$').take(4).collect()
    }

    #[test]
    fn passwords_are_hashed_with_argon2id_and_a_fresh_salt() {
        let first = hash_password("demo12345").expect("hashes");
        let second = hash_password("demo12345").expect("hashes");
        assert!(first.starts_with("$argon2id$v=19$"), "{first}");
        assert_ne!(first, second);
        assert!(verify_password("demo12345", &first));
        assert!(!verify_password("demo12346", &first));
        assert!(!verify_password("demo12345", "not a hash"));
    }

    #[test]
    fn the_dummy_hash_costs_what_a_real_hash_costs() {
        let real = hash_password("anything").expect("hashes");
        assert_eq!(parameters(DUMMY_HASH), parameters(&real));
    }

    #[tokio::test]
    async fn an_unknown_account_never_matches_even_the_dummy() {
        assert!(!check_password(String::new(), None).await);
    }

    #[test]
    fn the_cookie_is_http_only_strict_and_secure_over_https() {
        let plain = session_cookie("abc", false);
        assert_eq!(plain, "session=abc; HttpOnly; SameSite=Strict; Path=/; Max-Age=604800");
        assert!(session_cookie("abc", true).ends_with("; Secure"));
        assert!(cleared_cookie(false).starts_with("session=; ") && cleared_cookie(false).contains("Max-Age=0"));
    }

    #[test]
    fn the_session_token_is_found_among_other_cookies() {
        let mut headers = HeaderMap::new();
        headers.append(header::COOKIE, HeaderValue::from_static("lang=kk; session=tok123; theme=dark"));
        assert_eq!(session_token(&headers), Some("tok123"));
        headers.clear();
        headers.append(header::COOKIE, HeaderValue::from_static("mysession=x; session="));
        assert_eq!(session_token(&headers), None);
    }

    #[test]
    fn the_csrf_token_must_match_exactly() {
        let mut headers = HeaderMap::new();
        assert!(!csrf_matches(&headers, "token"));
        headers.insert(CSRF_HEADER, HeaderValue::from_static("token"));
        assert!(csrf_matches(&headers, "token"));
        assert!(!csrf_matches(&headers, "token2"));
        assert!(!csrf_matches(&headers, ""));
        assert!(changes_state(&Method::POST) && changes_state(&Method::DELETE) && !changes_state(&Method::GET));
    }

    fn staff(grants: &[(i64, Role)]) -> Staff {
        let grant = |&(body_id, role): &(i64, Role)| Grant {
            body_id,
            body: BodySlug::parse("enbek").expect("slug"),
            role,
            department_id: None,
        };
        Staff {
            user_id: 7,
            name: "Айгүл".into(),
            email: "aigul@example.kz".into(),
            grants: grants.iter().map(grant).collect(),
            platform_admin: false,
            session_hash: String::new(),
            csrf_token: String::new(),
        }
    }

    #[test]
    fn a_role_counts_only_in_its_own_body_and_administrators_pass_every_check_there() {
        let moderator = staff(&[(1, Role::Moderator)]);
        assert!(moderator.require(1, &[Role::Moderator, Role::Executor]).is_ok());
        assert_eq!(moderator.require(1, &[Role::Head]).map_err(|e| e.code), Err(ErrorCode::Forbidden));
        assert!(!moderator.may(2, &[Role::Moderator]));
        let admin = staff(&[(1, Role::Administrator)]);
        assert!(admin.may(1, &[Role::Head]) && admin.may(1, &[]));
        assert!(!admin.may(2, &[Role::Head]));
    }

    #[test]
    fn debug_output_holds_no_personal_data() {
        let printed = format!("{:?}", staff(&[(1, Role::Head)]));
        assert!(!printed.contains("aigul") && !printed.contains("Айгүл"), "{printed}");
    }
}
