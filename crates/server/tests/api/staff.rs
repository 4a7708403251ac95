use crate::on_both_databases;
use crate::support::{TestApp, TestResponse};
use api::staff::Role;
use axum::Router;
use axum::body::Body;
use axum::extract::Path;
use axum::http::Request;
use axum::routing::{get, post};
use chrono::{Duration, Utc};
use serde_json::json;
use server::antispam::token_hash;
use server::auth::Staff;
use server::demo::staff::{DEMO_PASSWORD, admin_email, email, load_staff_if_empty};
use server::error::AppError;
use server::{AppState, Config, with_db};
use tower::ServiceExt;

on_both_databases!(
    signing_in_sets_an_http_only_strict_cookie_and_me_shows_the_roles_and_a_csrf_token,
    a_wrong_password_and_an_unknown_email_get_the_same_answer,
    five_failures_lock_the_email_even_for_the_right_password_but_not_other_emails,
    a_successful_sign_in_clears_the_emails_failures,
    parallel_guesses_cannot_slip_past_the_limit,
    twenty_recent_failures_from_one_address_lock_that_address,
    signing_out_ends_this_session_only,
    signing_out_everywhere_ends_every_session_of_that_account_only,
    a_change_without_or_with_a_wrong_csrf_token_is_refused,
    an_expired_an_idle_or_a_made_up_session_is_unauthenticated,
    a_disabled_account_cannot_sign_in_and_its_sessions_stop_working,
    the_password_hash_is_argon2id_and_never_appears_in_a_response,
    staff_routes_answer_401_403_or_200_by_role_in_the_body,
    the_demo_staff_has_every_role_in_every_body_and_loads_once,
    a_role_tied_to_a_department_needs_a_department_of_the_same_body,
);

const LOGIN: &str = "/api/v1/auth/login";
const ME: &str = "/api/v1/auth/me";

/// A signed-in browser: the cookie it sends back and the CSRF token it was given.
pub struct Session {
    cookie: String,
    csrf: String,
    token: String,
}

impl Session {
    pub fn cookie(&self) -> (&str, &str) {
        ("cookie", &self.cookie)
    }

    pub fn csrf(&self) -> (&str, &str) {
        ("x-csrf-token", &self.csrf)
    }
}

pub async fn with_demo_staff(app: &TestApp) {
    load_staff_if_empty(&app.db).await.expect("demo staff");
}

async fn try_login(app: &TestApp, email: &str, password: &str) -> TestResponse {
    app.post_json(LOGIN, &json!({ "email": email, "password": password }), &[]).await
}

pub async fn login(app: &TestApp, email: &str) -> Session {
    let res = try_login(app, email, DEMO_PASSWORD).await;
    assert_eq!(res.status, 200, "{email}: {}", res.text());
    let cookie = res.header("set-cookie").split(';').next().expect("cookie").to_owned();
    let token = cookie.strip_prefix("session=").expect("the session cookie").to_owned();
    let csrf = res.json()["csrf_token"].as_str().expect("csrf token").to_owned();
    Session { cookie, csrf, token }
}

async fn me_status(app: &TestApp, session: &Session) -> u16 {
    app.send("GET", ME, &[session.cookie()]).await.status.as_u16()
}

async fn user_count(app: &TestApp) -> i64 {
    with_db!(&app.db, |pool| sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(pool).await).expect("count")
}

async fn signing_in_sets_an_http_only_strict_cookie_and_me_shows_the_roles_and_a_csrf_token(app: &TestApp) {
    with_demo_staff(app).await;
    let res = try_login(app, "  Moderator.ENBEK@demo.reception.kz ", DEMO_PASSWORD).await;
    assert_eq!(res.status, 200, "{}", res.text());
    let cookie = res.header("set-cookie");
    for part in ["session=", "; HttpOnly", "; SameSite=Strict", "; Path=/", "; Max-Age=604800"] {
        assert!(cookie.contains(part), "{part} missing from {cookie}");
    }
    assert!(!cookie.contains("Secure"), "PUBLIC_URL is plain http here: {cookie}");
    assert_eq!(res.header("cache-control"), "no-store");
    let signed_in = res.json();

    let session = login(app, "moderator.enbek@demo.reception.kz").await;
    let me = app.send("GET", ME, &[session.cookie()]).await;
    assert_eq!(me.status, 200, "{}", me.text());
    let me = me.json();
    assert_eq!(me["email"], "moderator.enbek@demo.reception.kz");
    assert_eq!(me["name"], signed_in["name"]);
    assert_eq!(me["memberships"], json!([{ "body": "enbek", "role": "moderator", "department_id": null }]));
    assert_eq!(me["csrf_token"], session.csrf.as_str());
    assert!(session.csrf.len() >= 43 && session.csrf != signed_in["csrf_token"], "one token per session");

    // The database keeps only the token's hash.
    let stored: Vec<String> =
        with_db!(&app.db, |pool| sqlx::query_scalar("SELECT id_hash FROM sessions").fetch_all(pool).await)
            .expect("sessions");
    assert!(stored.contains(&token_hash(&session.token)));
    assert!(!stored.contains(&session.token));
}

async fn a_wrong_password_and_an_unknown_email_get_the_same_answer(app: &TestApp) {
    with_demo_staff(app).await;
    let wrong_password = try_login(app, "head.edu@demo.reception.kz", "demo12346").await;
    let unknown_email = try_login(app, "nobody@demo.reception.kz", DEMO_PASSWORD).await;
    for res in [&wrong_password, &unknown_email] {
        assert_eq!(res.status, 401, "{}", res.text());
        assert_eq!(res.json()["code"], "login_failed");
        assert_eq!(res.header("set-cookie"), "");
    }
    assert_eq!(wrong_password.body, unknown_email.body);
}

async fn five_failures_lock_the_email_even_for_the_right_password_but_not_other_emails(app: &TestApp) {
    with_demo_staff(app).await;
    let target = email(Role::Executor, "minfin");
    for attempt in 1..=5 {
        let res = try_login(app, &target, "guess").await;
        assert_eq!(res.status, 401, "attempt {attempt}");
    }
    let locked = try_login(app, &target, DEMO_PASSWORD).await;
    assert_eq!(locked.status, 429, "{}", locked.text());
    assert_eq!(locked.json()["code"], "too_many_attempts");
    assert_eq!(locked.header("set-cookie"), "");
    // The same address still signs in to another account.
    login(app, &email(Role::Head, "minfin")).await;
}

async fn a_successful_sign_in_clears_the_emails_failures(app: &TestApp) {
    with_demo_staff(app).await;
    let target = email(Role::Moderator, "dsm");
    for _ in 0..2 {
        for _ in 0..4 {
            assert_eq!(try_login(app, &target, "guess").await.status, 401);
        }
        login(app, &target).await;
    }
}

async fn parallel_guesses_cannot_slip_past_the_limit(app: &TestApp) {
    with_demo_staff(app).await;
    let target = email(Role::Head, "enbek");
    let guess = || try_login(app, &target, "guess");
    let answers = tokio::join!(guess(), guess(), guess(), guess(), guess(), guess(), guess(), guess());
    let answers = [answers.0, answers.1, answers.2, answers.3, answers.4, answers.5, answers.6, answers.7];
    let statuses: Vec<u16> = answers.iter().map(|r| r.status.as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 401).count(), 5, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 3, "{statuses:?}");
}

/// Records failed sign-ins from the test client's address (no socket, so "unknown"), `age` ago.
async fn failures_from_this_address(app: &TestApp, count: usize, age: Duration) {
    let bucket = format!("addr:{}", token_hash("unknown"));
    let at = Utc::now() - age;
    for _ in 0..count {
        with_db!(&app.db, |pool| {
            sqlx::query("INSERT INTO login_attempts (bucket, at) VALUES ($1, $2)")
                .bind(&bucket)
                .bind(at)
                .execute(pool)
                .await
                .map(drop)
        })
        .expect("insert");
    }
}

async fn twenty_recent_failures_from_one_address_lock_that_address(app: &TestApp) {
    with_demo_staff(app).await;
    failures_from_this_address(app, 20, Duration::minutes(16)).await;
    login(app, &admin_email()).await;

    failures_from_this_address(app, 20, Duration::minutes(1)).await;
    let res = try_login(app, &admin_email(), DEMO_PASSWORD).await;
    assert_eq!(res.status, 429, "{}", res.text());
    assert_eq!(res.json()["code"], "too_many_attempts");
}

async fn signing_out_ends_this_session_only(app: &TestApp) {
    with_demo_staff(app).await;
    let laptop = login(app, &email(Role::Head, "astana")).await;
    let phone = login(app, &email(Role::Head, "astana")).await;
    let res = app.send("POST", "/api/v1/auth/logout", &[laptop.cookie(), laptop.csrf()]).await;
    assert_eq!(res.status, 204, "{}", res.text());
    let cleared = res.header("set-cookie");
    assert!(cleared.starts_with("session=;") && cleared.contains("Max-Age=0"), "{cleared}");
    assert_eq!(me_status(app, &laptop).await, 401);
    assert_eq!(me_status(app, &phone).await, 200);
}

async fn signing_out_everywhere_ends_every_session_of_that_account_only(app: &TestApp) {
    with_demo_staff(app).await;
    let laptop = login(app, &email(Role::Moderator, "edu")).await;
    let phone = login(app, &email(Role::Moderator, "edu")).await;
    let colleague = login(app, &email(Role::Executor, "edu")).await;
    let res = app.send("POST", "/api/v1/auth/logout-everywhere", &[phone.cookie(), phone.csrf()]).await;
    assert_eq!(res.status, 204, "{}", res.text());
    assert!(res.header("set-cookie").contains("Max-Age=0"));
    assert_eq!(me_status(app, &laptop).await, 401);
    assert_eq!(me_status(app, &phone).await, 401);
    assert_eq!(me_status(app, &colleague).await, 200);
}

async fn a_change_without_or_with_a_wrong_csrf_token_is_refused(app: &TestApp) {
    with_demo_staff(app).await;
    let mine = login(app, &email(Role::Executor, "enbek")).await;
    let other = login(app, &email(Role::Head, "enbek")).await;
    let attempts: [&[(&str, &str)]; 4] = [
        &[mine.cookie()],
        &[mine.cookie(), ("x-csrf-token", "")],
        &[mine.cookie(), ("x-csrf-token", "made-up")],
        &[mine.cookie(), other.csrf()],
    ];
    for headers in attempts {
        let res = app.send("POST", "/api/v1/auth/logout", headers).await;
        assert_eq!(res.status, 403, "{headers:?}");
        assert_eq!(res.json()["code"], "csrf_failed");
    }
    assert_eq!(me_status(app, &mine).await, 200, "the refused requests changed nothing");
    let res = app.send("POST", "/api/v1/auth/logout", &[mine.cookie(), mine.csrf()]).await;
    assert_eq!(res.status, 204);
}

async fn an_expired_an_idle_or_a_made_up_session_is_unauthenticated(app: &TestApp) {
    with_demo_staff(app).await;
    let expired = login(app, &email(Role::Head, "dsm")).await;
    let idle = login(app, &email(Role::Head, "dsm")).await;
    let past = Utc::now() - Duration::seconds(1);
    let long_ago = Utc::now() - Duration::hours(13);
    with_db!(&app.db, |pool| {
        sqlx::query("UPDATE sessions SET expires_at = $1 WHERE id_hash = $2")
            .bind(past)
            .bind(token_hash(&expired.token))
            .execute(pool)
            .await
            .map(drop)
    })
    .expect("expire");
    with_db!(&app.db, |pool| {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
            .bind(long_ago)
            .bind(token_hash(&idle.token))
            .execute(pool)
            .await
            .map(drop)
    })
    .expect("idle");
    for session in [&expired, &idle] {
        let res = app.send("GET", ME, &[session.cookie()]).await;
        assert_eq!(res.status, 401);
        assert_eq!(res.json()["code"], "unauthenticated");
    }
    for headers in [&[][..], &[("cookie", "session=made-up")][..], &[("cookie", "session=")][..]] {
        assert_eq!(app.send("GET", ME, headers).await.status, 401, "{headers:?}");
    }
}

async fn a_disabled_account_cannot_sign_in_and_its_sessions_stop_working(app: &TestApp) {
    with_demo_staff(app).await;
    let target = email(Role::Executor, "astana");
    let session = login(app, &target).await;
    with_db!(&app.db, |pool| {
        sqlx::query("UPDATE users SET disabled = $1 WHERE email = $2")
            .bind(true)
            .bind(&target)
            .execute(pool)
            .await
            .map(drop)
    })
    .expect("disable");
    assert_eq!(me_status(app, &session).await, 401);
    let res = try_login(app, &target, DEMO_PASSWORD).await;
    assert_eq!(res.status, 401);
    assert_eq!(res.json()["code"], "login_failed");
}

async fn the_password_hash_is_argon2id_and_never_appears_in_a_response(app: &TestApp) {
    with_demo_staff(app).await;
    let target = email(Role::Administrator, "edu");
    let hash: String = with_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT password_hash FROM users WHERE email = $1").bind(&target).fetch_one(pool).await
    })
    .expect("hash");
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");

    let session = login(app, &target).await;
    let responses = [
        try_login(app, &target, DEMO_PASSWORD).await,
        try_login(app, &target, "wrong").await,
        app.send("GET", ME, &[session.cookie()]).await,
        app.get("/api/openapi.json").await,
        app.send("POST", "/api/v1/auth/logout", &[session.cookie(), session.csrf()]).await,
    ];
    for res in responses {
        let text = res.text();
        assert!(!text.contains("$argon2") && !text.contains(&hash), "{text}");
        assert!(!text.contains(DEMO_PASSWORD), "{text}");
    }
}

/// Staff-only routes made for this test: each allows some roles in the body named in the path.
fn probe_router(state: AppState) -> Router {
    async fn check(staff: Staff, body: i64, roles: &[Role]) -> Result<&'static str, AppError> {
        staff.require(body, roles).map(|()| "ok")
    }
    Router::new()
        .route("/moderate/{body}", get(|s: Staff, Path(b): Path<i64>| check(s, b, &[Role::Moderator])))
        .route("/answer/{body}", post(|s: Staff, Path(b): Path<i64>| check(s, b, &[Role::Moderator, Role::Executor])))
        .route("/blog/{body}", get(|s: Staff, Path(b): Path<i64>| check(s, b, &[Role::Head])))
        .route("/settings/{body}", post(|s: Staff, Path(b): Path<i64>| check(s, b, &[])))
        .with_state(state)
}

async fn staff_routes_answer_401_403_or_200_by_role_in_the_body(app: &TestApp) {
    with_demo_staff(app).await;
    let config = Config::from_lookup(|_| None).expect("configuration");
    let router = probe_router(AppState::load(app.db.clone(), &config, None).await.expect("state"));
    let enbek: i64 = with_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT id FROM bodies WHERE slug = 'enbek'").fetch_one(pool).await
    })
    .expect("body");

    let routes = [("GET", "moderate"), ("POST", "answer"), ("GET", "blog"), ("POST", "settings")];
    let matrix: [(Option<String>, [u16; 4]); 7] = [
        (None, [401, 401, 401, 401]),
        (Some(email(Role::Administrator, "enbek")), [200, 200, 200, 200]),
        (Some(email(Role::Moderator, "enbek")), [200, 200, 403, 403]),
        (Some(email(Role::Executor, "enbek")), [403, 200, 403, 403]),
        (Some(email(Role::Head, "enbek")), [403, 403, 200, 403]),
        (Some(email(Role::Moderator, "dsm")), [403, 403, 403, 403]),
        (Some(admin_email()), [200, 200, 200, 200]),
    ];
    for (who, expected) in matrix {
        let session = match &who {
            Some(email) => Some(login(app, email).await),
            None => None,
        };
        for ((method, route), want) in routes.iter().zip(expected) {
            let mut request = Request::builder().method(*method).uri(format!("/{route}/{enbek}"));
            if let Some(s) = &session {
                request = request.header("cookie", &s.cookie).header("x-csrf-token", &s.csrf);
            }
            let response = router.clone().oneshot(request.body(Body::empty()).expect("request")).await.expect("ok");
            assert_eq!(response.status().as_u16(), want, "{who:?} {method} /{route}");
        }
    }
}

async fn the_demo_staff_has_every_role_in_every_body_and_loads_once(app: &TestApp) {
    let first = load_staff_if_empty(&app.db).await.expect("load");
    let users = user_count(app).await;
    assert_eq!(users, 5 * 4 + 1);
    let again = load_staff_if_empty(&app.db).await.expect("load again");
    assert_eq!(first, again);
    assert_eq!(user_count(app).await, users);

    let slugs = ["enbek", "dsm", "edu", "minfin", "astana"];
    let login_of = |e: String, role: Role, slug: &str| (e, role.as_str().to_owned(), slug.to_owned());
    for slug in slugs {
        for role in Role::ALL {
            assert!(first.contains(&login_of(email(role, slug), role, slug)), "{role} of {slug}");
        }
        assert!(first.contains(&login_of(admin_email(), Role::Administrator, slug)), "platform admin of {slug}");
    }
    assert_eq!(first.len(), slugs.len() * 5);

    let admin = login(app, &admin_email()).await;
    let me = app.send("GET", ME, &[admin.cookie()]).await.json();
    assert_eq!(me["memberships"].as_array().map(Vec::len), Some(5));
    assert_eq!(me["platform_admin"], true, "the demo platform administrator: {me}");
    let executor = login(app, &email(Role::Executor, "enbek")).await;
    let me = app.send("GET", ME, &[executor.cookie()]).await.json();
    assert!(me["memberships"][0]["department_id"].is_i64(), "the demo executor works in a department: {me}");
    assert_eq!(me["platform_admin"], false);
    let body_admin = try_login(app, &email(Role::Administrator, "enbek"), DEMO_PASSWORD).await.json();
    assert_eq!(body_admin["platform_admin"], false, "administering a body is not running the platform");
}

async fn a_role_tied_to_a_department_needs_a_department_of_the_same_body(app: &TestApp) {
    use server::store::staff::{GrantError, create_user, grant, grants};
    let ids = |slug: &'static str| async move {
        with_db!(&app.db, |pool| {
            sqlx::query_as::<_, (i64, i64)>(
                "SELECT b.id, d.id FROM bodies b JOIN departments d ON d.body_id = b.id WHERE b.slug = $1 \
                 ORDER BY d.sort_order LIMIT 1",
            )
            .bind(slug)
            .fetch_one(pool)
            .await
        })
        .expect("body and department")
    };
    let (enbek, enbek_department) = ids("enbek").await;
    let (_, dsm_department) = ids("dsm").await;

    let mut tx = app.db.begin().await.expect("transaction");
    let user = create_user(&mut tx, "new.executor@example.kz", "New executor", "no password").await.expect("user");
    let refused = grant(&mut tx, user, enbek, Role::Executor, Some(api::DepartmentId(dsm_department))).await;
    assert!(matches!(refused, Err(GrantError::DepartmentOfAnotherBody)), "{refused:?}");
    grant(&mut tx, user, enbek, Role::Executor, Some(api::DepartmentId(enbek_department)))
        .await
        .expect("own department");
    grant(&mut tx, user, enbek, Role::Moderator, None).await.expect("no department");
    tx.commit().await.expect("commit");

    let held = grants(&app.db, user).await.expect("grants");
    let held: Vec<(Role, Option<i64>)> = held.iter().map(|g| (g.role, g.department_id.map(|d| d.0))).collect();
    assert_eq!(held, [(Role::Executor, Some(enbek_department)), (Role::Moderator, None)]);
}
