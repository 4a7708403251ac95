//! Administration over HTTP: the working-day calendar (platform administrators change it, all
//! staff read it, deadlines count on it) and each body's settings (its administrators).

use crate::on_both_databases;
use crate::staff::{Session, login, with_demo_staff};
use crate::support::{TestApp, TestResponse};
use api::cases::Challenge;
use api::staff::Role;
use axum::body::Body;
use axum::http::Request;
use chrono::{Days, NaiveDate, Utc};
use serde_json::{Value, json};
use server::demo::staff::{admin_email, email};
use server::store::calendar;
use server::with_db;

on_both_databases!(
    the_calendar_is_read_by_any_staff_and_changed_only_by_platform_administrators,
    a_year_of_the_calendar_lists_the_laws_entries_by_date,
    a_calendar_change_needs_a_real_date_a_short_note_and_a_weekend_for_a_working_day,
    a_rest_day_set_by_an_administrator_moves_the_deadlines_of_cases_registered_afterwards,
    removing_an_administrators_entry_brings_back_the_laws_entry,
    body_settings_are_read_and_changed_by_the_bodys_administrators_only,
    body_settings_outside_one_to_thirty_days_or_of_an_unknown_body_are_refused,
);

const CALENDAR: &str = "/api/v1/office/calendar";

fn day_uri(date: &str) -> String {
    format!("{CALENDAR}/{date}")
}

fn settings_uri(slug: &str) -> String {
    format!("/api/v1/office/bodies/{slug}/settings")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

async fn send_json(app: &TestApp, method: &str, uri: &str, body: &Value, headers: &[(&str, &str)]) -> TestResponse {
    let mut request = Request::builder().method(method).uri(uri).header("content-type", "application/json");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    app.request(request.body(Body::from(body.to_string())).expect("request")).await
}

/// `PUT` an entry for `date` as `who`, with the CSRF token.
async fn put_day(app: &TestApp, who: &Session, date: &str, kind: &str, note: &str) -> TestResponse {
    send_json(app, "PUT", &day_uri(date), &json!({ "kind": kind, "note": note }), &[who.cookie(), who.csrf()]).await
}

async fn delete_day(app: &TestApp, who: &Session, date: &str) -> TestResponse {
    app.send("DELETE", &day_uri(date), &[who.cookie(), who.csrf()]).await
}

async fn year(app: &TestApp, who: &Session, year: i32) -> Vec<Value> {
    let res = app.send("GET", &format!("{CALENDAR}?year={year}"), &[who.cookie()]).await;
    assert_eq!(res.status, 200, "{}", res.text());
    res.json().as_array().expect("a list").clone()
}

/// The entry for `date` in its year's list, if there is one.
async fn entry(app: &TestApp, who: &Session, day: NaiveDate) -> Option<Value> {
    let year = year(app, who, chrono::Datelike::year(&day)).await;
    year.into_iter().find(|e| e["date"] == day.to_string())
}

/// The demo platform administrator, signed in.
async fn platform_admin(app: &TestApp) -> Session {
    login(app, &admin_email()).await
}

fn assert_field_error(res: &TestResponse, field: &str) {
    assert_eq!(res.status, 422, "{field}: {}", res.text());
    let json = res.json();
    assert_eq!(json["code"], "invalid_input");
    assert_eq!(json["fields"][0]["field"], field, "{json}");
}

async fn the_calendar_is_read_by_any_staff_and_changed_only_by_platform_administrators(app: &TestApp) {
    with_demo_staff(app).await;
    let change = json!({ "kind": "day_off", "note": "Постановление Правительства" });

    assert_eq!(app.get(&format!("{CALENDAR}?year=2026")).await.status, 401);
    assert_eq!(send_json(app, "PUT", &day_uri("2026-04-06"), &change, &[]).await.status, 401);
    assert_eq!(app.send("DELETE", &day_uri("2026-04-06"), &[]).await.status, 401);

    let executor = login(app, &email(Role::Executor, "dsm")).await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    let body_admin = login(app, &email(Role::Administrator, "enbek")).await;
    for who in [&executor, &moderator, &body_admin] {
        assert!(!year(app, who, this_year()).await.is_empty(), "every staff member reads the calendar");
        let res = put_day(app, who, "2026-04-06", "day_off", "Постановление").await;
        assert_eq!(res.status, 403, "{}", res.text());
        assert_eq!(res.json()["code"], "forbidden");
        assert_eq!(delete_day(app, who, "2026-04-06").await.status, 403);
    }
    assert!(entry(app, &moderator, date(2026, 4, 6)).await.is_none(), "nothing was stored");

    let admin = platform_admin(app).await;
    let me = app.send("GET", "/api/v1/auth/me", &[admin.cookie()]).await.json();
    assert_eq!(me["platform_admin"], true, "{me}");
    let res = send_json(app, "PUT", &day_uri("2026-04-06"), &change, &[admin.cookie()]).await;
    assert_eq!((res.status.as_u16(), res.json()["code"].clone()), (403, json!("csrf_failed")));
    assert_eq!(app.send("DELETE", &day_uri("2026-04-06"), &[admin.cookie()]).await.status, 403);

    let res = put_day(app, &admin, "2026-04-06", "day_off", "  Постановление Правительства  ").await;
    assert_eq!(res.status, 200, "{}", res.text());
    let stored =
        json!({ "date": "2026-04-06", "kind": "day_off", "note": "Постановление Правительства", "standard": false });
    assert_eq!(res.json(), stored);
    assert_eq!(entry(app, &executor, date(2026, 4, 6)).await, Some(stored));
    assert_eq!(delete_day(app, &admin, "2026-04-06").await.status, 204);
    assert!(entry(app, &executor, date(2026, 4, 6)).await.is_none());
}

async fn a_year_of_the_calendar_lists_the_laws_entries_by_date(app: &TestApp) {
    with_demo_staff(app).await;
    let moderator = login(app, &email(Role::Moderator, "edu")).await;
    let this_year = this_year();
    let entries = year(app, &moderator, this_year).await;
    let dates: Vec<&str> = entries.iter().map(|e| e["date"].as_str().expect("date")).collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "by date: {dates:?}");
    assert!(dates.iter().all(|d| d.starts_with(&this_year.to_string())), "{dates:?}");
    assert_eq!(
        entries.iter().find(|e| e["date"] == format!("{this_year}-12-16")),
        Some(&json!({
            "date": format!("{this_year}-12-16"), "kind": "holiday", "note": "Тәуелсіздік күні / День Независимости",
            "standard": true
        }))
    );
    let without_year = app.send("GET", CALENDAR, &[moderator.cookie()]).await;
    assert_eq!(without_year.status, 200);
    assert!(!without_year.json().as_array().expect("a list").is_empty(), "this year when left out");

    for bad in ["1999", "2101", "twenty", "2026.5", ""] {
        let res = app.send("GET", &format!("{CALENDAR}?year={bad}"), &[moderator.cookie()]).await;
        assert_field_error(&res, "year");
    }
}

async fn a_calendar_change_needs_a_real_date_a_short_note_and_a_weekend_for_a_working_day(app: &TestApp) {
    with_demo_staff(app).await;
    let admin = platform_admin(app).await;
    for bad_date in ["2026-02-30", "2026-4-6", "06.04.2026", "1999-12-31", "2101-01-01", "tomorrow"] {
        assert_field_error(&put_day(app, &admin, bad_date, "day_off", "Постановление").await, "date");
        assert_field_error(&delete_day(app, &admin, bad_date).await, "date");
    }
    for bad_note in ["", "   ", &"ә".repeat(201)] {
        assert_field_error(&put_day(app, &admin, "2026-04-06", "day_off", bad_note).await, "note");
    }
    // Monday 6 April 2026 is already a working day.
    assert_field_error(&put_day(app, &admin, "2026-04-06", "working_day", "Перенос").await, "kind");

    let longest = "ә".repeat(200);
    assert_eq!(put_day(app, &admin, "2026-04-06", "day_off", &longest).await.status, 200);
    // Saturday 4 April and Sunday 5 April 2026 may be made working days; any date may be a holiday.
    for weekend in ["2026-04-04", "2026-04-05"] {
        assert_eq!(put_day(app, &admin, weekend, "working_day", "Перенос").await.status, 200);
    }
    assert_eq!(put_day(app, &admin, "2027-05-17", "holiday", "Құрбан айт / Курбан айт").await.status, 200);

    let res = put_day(app, &admin, "2026-04-07", "half_day", "Перенос").await;
    assert_eq!((res.status.as_u16(), res.json()["code"].clone()), (422, json!("invalid_input")));
    let res =
        send_json(app, "PUT", &day_uri("2026-04-07"), &json!({ "kind": "day_off" }), &[admin.cookie(), admin.csrf()])
            .await;
    assert_eq!(res.status, 422, "{}", res.text());
}

/// A confirmed question to the body `slug`, waiting for registration; returns its id.
async fn confirmed_question(app: &TestApp, slug: &str) -> i64 {
    let body = app.get(&format!("/api/v1/bodies/{slug}")).await.json();
    let category = body["categories"][0]["id"].as_i64().expect("category");
    let challenge: Challenge =
        serde_json::from_slice(&app.get("/api/v1/questions/challenge").await.body).expect("challenge");
    let form = json!({
        "body": slug, "category_id": category, "lang": "ru", "name": "Айгерим Садыкова", "email": "citizen@mail.kz",
        "text": "Когда выплачивается пособие по уходу за ребёнком в этом году?", "consent": true,
        "publish_as": "initials", "proof_of_work": challenge.solve(),
    });
    let submitted = app.post_json("/api/v1/questions", &form, &[]).await;
    assert_eq!(submitted.status, 201, "{}", submitted.text());
    let number = submitted.json()["registration_number"].as_str().expect("number").to_owned();
    let mail: String = with_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT text_body FROM outbox ORDER BY id DESC LIMIT 1").fetch_one(pool).await
    })
    .expect("mail");
    let token = mail.split("/questions/confirm#").nth(1).and_then(|t| t.split_whitespace().next()).expect("token");
    app.post_json("/api/v1/questions/confirm", &json!({ "token": token }), &[]).await;
    with_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT id FROM cases WHERE registration_number = $1").bind(&number).fetch_one(pool).await
    })
    .expect("id")
}

/// The standard entries are written for the years around this one.
fn this_year() -> i32 {
    chrono::Datelike::year(&local_today())
}

/// Today in Kazakhstan (UTC+5), as registration counts it.
fn local_today() -> NaiveDate {
    (Utc::now() + chrono::Duration::hours(5)).date_naive()
}

fn next(day: NaiveDate) -> NaiveDate {
    day.checked_add_days(Days::new(1)).expect("a next day")
}

async fn a_rest_day_set_by_an_administrator_moves_the_deadlines_of_cases_registered_afterwards(app: &TestApp) {
    with_demo_staff(app).await;
    let admin = platform_admin(app).await;

    // On fixed dates: registered Friday 3 April 2026, 15 working days end on Friday 24 April;
    // with Monday 6 April made a rest day they end on Monday 27 April.
    let before = calendar::load(&app.db).await.expect("calendar");
    assert_eq!(before.deadline(date(2026, 4, 3), 15), date(2026, 4, 24));
    assert_eq!(put_day(app, &admin, "2026-04-06", "day_off", "Перенос").await.status, 200);
    let after = calendar::load(&app.db).await.expect("calendar");
    assert_eq!(after.deadline(date(2026, 4, 3), 15), date(2026, 4, 27));
    // A working Saturday counts again.
    assert_eq!(put_day(app, &admin, "2026-04-11", "working_day", "Перенос").await.status, 200);
    let both = calendar::load(&app.db).await.expect("calendar");
    assert_eq!(both.deadline(date(2026, 4, 3), 15), date(2026, 4, 24));

    // Through registration itself, which counts from today: the first working day after the
    // day of registration becomes a rest day, so the deadline moves one working day later.
    let today = local_today();
    let start = before.next_working_day(today);
    let first_counted = before.next_working_day(next(start));
    let old_deadline = before.deadline(today, 15);
    let expected = before.next_working_day(next(old_deadline));
    let res = put_day(app, &admin, &first_counted.to_string(), "day_off", "Перенос").await;
    assert_eq!(res.status, 200, "{}", res.text());

    let id = confirmed_question(app, "enbek").await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    let registered = app
        .post_json(&format!("/api/v1/office/cases/{id}/register"), &json!({}), &[moderator.cookie(), moderator.csrf()])
        .await;
    assert_eq!(registered.status, 200, "{}", registered.text());
    if local_today() != today {
        return; // Midnight in Astana passed during the test: the dates above no longer apply.
    }
    assert_eq!(registered.json()["deadline"], expected.to_string(), "was {old_deadline} before the change");
}

async fn removing_an_administrators_entry_brings_back_the_laws_entry(app: &TestApp) {
    with_demo_staff(app).await;
    let admin = platform_admin(app).await;
    let independence_day = date(this_year(), 12, 16);
    let law = entry(app, &admin, independence_day).await.expect("Independence Day is in the standard calendar");
    assert_eq!(law["standard"], true);
    assert_eq!(law["kind"], "holiday");

    let uri_date = independence_day.to_string();
    assert_eq!(put_day(app, &admin, &uri_date, "day_off", "Изменено").await.status, 200);
    let changed = entry(app, &admin, independence_day).await.expect("entry");
    assert_eq!((changed["kind"].as_str(), changed["standard"].as_bool()), (Some("day_off"), Some(false)));

    assert_eq!(delete_day(app, &admin, &uri_date).await.status, 204);
    assert_eq!(entry(app, &admin, independence_day).await, Some(law), "the law's entry is back");
    let again = delete_day(app, &admin, &uri_date).await;
    assert_eq!((again.status.as_u16(), again.json()["code"].clone()), (404, json!("not_found")));

    // A date the law says nothing about is ordinary again.
    let ordinary = date(this_year(), 4, 14);
    assert!(entry(app, &admin, ordinary).await.is_none());
    assert_eq!(delete_day(app, &admin, &ordinary.to_string()).await.status, 404, "a date with no entry at all");
    assert_eq!(put_day(app, &admin, &ordinary.to_string(), "holiday", "Перенос").await.status, 200);
    assert!(!calendar::load(&app.db).await.expect("calendar").is_working_day(ordinary));
    assert_eq!(delete_day(app, &admin, &ordinary.to_string()).await.status, 204);
    assert!(entry(app, &admin, ordinary).await.is_none());
    let weekday = chrono::Datelike::weekday(&ordinary);
    let ordinary_working = !matches!(weekday, chrono::Weekday::Sat | chrono::Weekday::Sun);
    assert_eq!(calendar::load(&app.db).await.expect("calendar").is_working_day(ordinary), ordinary_working);
}

async fn body_settings_are_read_and_changed_by_the_bodys_administrators_only(app: &TestApp) {
    with_demo_staff(app).await;
    let uri = settings_uri("enbek");
    assert_eq!(app.get(&uri).await.status, 401);
    assert_eq!(send_json(app, "PUT", &uri, &json!({ "answer_working_days": 10 }), &[]).await.status, 401);

    let body_admin = login(app, &email(Role::Administrator, "enbek")).await;
    let res = app.send("GET", &uri, &[body_admin.cookie()]).await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json(), json!({ "answer_working_days": 15 }));

    let res = send_json(app, "PUT", &uri, &json!({ "answer_working_days": 10 }), &[body_admin.cookie()]).await;
    assert_eq!((res.status.as_u16(), res.json()["code"].clone()), (403, json!("csrf_failed")));
    let res =
        send_json(app, "PUT", &uri, &json!({ "answer_working_days": 10 }), &[body_admin.cookie(), body_admin.csrf()])
            .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json(), json!({ "answer_working_days": 10 }));
    assert_eq!(app.send("GET", &uri, &[body_admin.cookie()]).await.json(), json!({ "answer_working_days": 10 }));
    let stored: i32 = with_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT answer_working_days FROM bodies WHERE slug = 'enbek'").fetch_one(pool).await
    })
    .expect("stored");
    assert_eq!(stored, 10);

    // Another body's administrator and the body's other roles may not.
    let other_admin = login(app, &email(Role::Administrator, "dsm")).await;
    for role in [Role::Moderator, Role::Executor, Role::Head] {
        let who = login(app, &email(role, "enbek")).await;
        for who in [&who, &other_admin] {
            assert_eq!(app.send("GET", &uri, &[who.cookie()]).await.status, 403, "{role}");
            let res =
                send_json(app, "PUT", &uri, &json!({ "answer_working_days": 30 }), &[who.cookie(), who.csrf()]).await;
            assert_eq!((res.status.as_u16(), res.json()["code"].clone()), (403, json!("forbidden")), "{role}");
        }
    }
    // The platform administrator administers every demo body.
    let admin = platform_admin(app).await;
    let res = send_json(
        app,
        "PUT",
        &settings_uri("dsm"),
        &json!({ "answer_working_days": 30 }),
        &[admin.cookie(), admin.csrf()],
    )
    .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(
        app.send("GET", &settings_uri("dsm"), &[admin.cookie()]).await.json(),
        json!({ "answer_working_days": 30 })
    );
    assert_eq!(app.send("GET", &uri, &[admin.cookie()]).await.json(), json!({ "answer_working_days": 10 }));
}

async fn body_settings_outside_one_to_thirty_days_or_of_an_unknown_body_are_refused(app: &TestApp) {
    with_demo_staff(app).await;
    let admin = login(app, &email(Role::Administrator, "edu")).await;
    let uri = settings_uri("edu");
    for days in [0, 31, 365] {
        let res =
            send_json(app, "PUT", &uri, &json!({ "answer_working_days": days }), &[admin.cookie(), admin.csrf()]).await;
        assert_field_error(&res, "answer_working_days");
    }
    for bad in [json!({ "answer_working_days": -1 }), json!({ "answer_working_days": "15" }), json!({})] {
        let res = send_json(app, "PUT", &uri, &bad, &[admin.cookie(), admin.csrf()]).await;
        assert_eq!((res.status.as_u16(), res.json()["code"].clone()), (422, json!("invalid_input")), "{bad}");
    }
    assert_eq!(app.send("GET", &uri, &[admin.cookie()]).await.json(), json!({ "answer_working_days": 15 }));

    for slug in ["nowhere", "NOT A SLUG"] {
        let uri = settings_uri(&slug.replace(' ', "%20"));
        let res = app.send("GET", &uri, &[admin.cookie()]).await;
        assert_eq!((res.status.as_u16(), res.json()["code"].clone()), (404, json!("body_not_found")), "{slug}");
        let res =
            send_json(app, "PUT", &uri, &json!({ "answer_working_days": 10 }), &[admin.cookie(), admin.csrf()]).await;
        assert_eq!((res.status.as_u16(), res.json()["code"].clone()), (404, json!("body_not_found")), "{slug}");
    }
}
