use crate::on_both_databases;
use crate::support::TestApp;
use api::cases::Challenge;
use serde_json::{Value, json};
use server::with_db;

on_both_databases!(
    a_valid_question_is_received_and_a_confirmation_email_is_queued_in_its_language,
    the_receipt_holds_no_personal_data,
    confirming_moves_the_question_to_the_moderators_once,
    an_unknown_or_expired_link_is_refused,
    every_invalid_field_is_reported_at_once,
    a_category_of_another_body_is_refused,
    the_honeypot_and_a_missing_or_forged_proof_of_work_are_refused,
    a_proof_of_work_works_only_once,
    a_retry_with_the_same_idempotency_key_creates_nothing_new,
    too_many_questions_for_one_email_are_refused,
    unconfirmed_questions_expire_after_three_days,
);

/// A category id of the body `slug`, by its code.
async fn category(app: &TestApp, slug: &str, code: &str) -> i64 {
    let body = app.get(&format!("/api/v1/bodies/{slug}")).await.json();
    body["categories"].as_array().expect("categories").iter().find(|c| c["code"] == code).expect("category")["id"]
        .as_i64()
        .expect("id")
}

async fn solved(app: &TestApp) -> Value {
    let challenge: Challenge =
        serde_json::from_slice(&app.get("/api/v1/questions/challenge").await.body).expect("challenge");
    assert_eq!(challenge.difficulty, 4);
    serde_json::to_value(challenge.solve()).expect("json")
}

async fn question(app: &TestApp, email: &str) -> Value {
    json!({
        "body": "enbek",
        "category_id": category(app, "enbek", "pensions").await,
        "lang": "ru",
        "name": "Айгуль Сеитова",
        "email": email,
        "text": "Как рассчитывается базовая пенсионная выплата, если стаж меньше десяти лет?",
        "consent": true,
        "publish_as": "initials",
        "website": "",
        "proof_of_work": solved(app).await,
    })
}

async fn outbox(app: &TestApp) -> Vec<(String, String, String)> {
    with_db!(&app.db, |pool| {
        sqlx::query_as("SELECT to_address, subject, text_body FROM outbox ORDER BY id").fetch_all(pool).await
    })
    .expect("outbox")
}

async fn status_of(app: &TestApp, number: &str) -> String {
    with_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT status FROM cases WHERE registration_number = $1").bind(number).fetch_one(pool).await
    })
    .expect("case")
}

/// The token from the link in the latest confirmation email.
async fn token_from_email(app: &TestApp) -> String {
    let mails = outbox(app).await;
    let text = &mails.last().expect("an email").2;
    let start = text.find("/questions/confirm#").expect("a confirmation link") + "/questions/confirm#".len();
    text[start..].split_whitespace().next().expect("token").to_owned()
}

async fn a_valid_question_is_received_and_a_confirmation_email_is_queued_in_its_language(app: &TestApp) {
    let res = app.post_json("/api/v1/questions", &question(app, "aigul@mail.kz").await, &[]).await;
    assert_eq!(res.status, 201, "{}", res.text());
    let receipt = res.json();
    let number = receipt["registration_number"].as_str().expect("number");
    assert!(number.starts_with("ЖТ-") && number.len() == "ЖТ-2026-00000001".len(), "{number}");
    assert_eq!(receipt["status"], "submitted");
    assert_eq!(status_of(app, number).await, "submitted");

    let mails = outbox(app).await;
    assert_eq!(mails.len(), 1);
    let (to, subject, text) = &mails[0];
    assert_eq!(to, "aigul@mail.kz");
    assert_eq!(subject, &format!("Подтвердите ваш вопрос: {number}"));
    assert!(text.contains("Министерство труда и социальной защиты населения Республики Казахстан"));
    assert!(text.contains("http://127.0.0.1:8080/ru/questions/confirm#"));
}

async fn the_receipt_holds_no_personal_data(app: &TestApp) {
    let res = app.post_json("/api/v1/questions", &question(app, "private.person@mail.kz").await, &[]).await;
    let text = res.text();
    for private in ["private.person", "Айгуль", "Сеитова", "пенсионная"] {
        assert!(!text.contains(private), "{private} leaked: {text}");
    }
}

async fn confirming_moves_the_question_to_the_moderators_once(app: &TestApp) {
    let number = app.post_json("/api/v1/questions", &question(app, "aigul@mail.kz").await, &[]).await.json()
        ["registration_number"]
        .as_str()
        .expect("number")
        .to_owned();
    let token = token_from_email(app).await;
    let res = app.post_json("/api/v1/questions/confirm", &json!({ "token": token }), &[]).await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json()["status"], "received");
    assert_eq!(res.json()["registration_number"], number.as_str());
    assert_eq!(status_of(app, &number).await, "received");

    // Opening the link again answers the same and changes nothing.
    let again = app.post_json("/api/v1/questions/confirm", &json!({ "token": token }), &[]).await;
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["status"], "received");
    let history: Vec<(Option<String>, String, bool)> = with_db!(&app.db, |pool| {
        sqlx::query_as("SELECT from_status, to_status, public FROM case_history ORDER BY id").fetch_all(pool).await
    })
    .expect("history");
    assert_eq!(history, vec![(None, "submitted".into(), false), (Some("submitted".into()), "received".into(), true)]);
}

async fn an_unknown_or_expired_link_is_refused(app: &TestApp) {
    let res = app.post_json("/api/v1/questions/confirm", &json!({ "token": "no-such-token" }), &[]).await;
    assert_eq!(res.status, 410);
    assert_eq!(res.json()["code"], "link_invalid");

    let number = app.post_json("/api/v1/questions", &question(app, "late@mail.kz").await, &[]).await.json()
        ["registration_number"]
        .as_str()
        .expect("number")
        .to_owned();
    let token = token_from_email(app).await;
    let past = chrono::Utc::now() - chrono::Duration::days(4);
    with_db!(&app.db, |pool| {
        sqlx::query("UPDATE cases SET confirm_expires_at = $1 WHERE registration_number = $2")
            .bind(past)
            .bind(&number)
            .execute(pool)
            .await
            .map(drop)
    })
    .expect("expire");
    let res = app.post_json("/api/v1/questions/confirm", &json!({ "token": token }), &[]).await;
    assert_eq!(res.status, 410);
    assert_eq!(status_of(app, &number).await, "submitted");
}

async fn every_invalid_field_is_reported_at_once(app: &TestApp) {
    let mut q = question(app, "not-an-email").await;
    q["name"] = json!("");
    q["text"] = json!("<script>alert(1)</script>");
    q["consent"] = json!(false);
    let res = app.post_json("/api/v1/questions", &q, &[]).await;
    assert_eq!(res.status, 422);
    let json = res.json();
    assert_eq!(json["code"], "invalid_input");
    let fields: Vec<(String, String)> = json["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| {
            (f["field"].as_str().unwrap_or_default().to_owned(), f["problem"].as_str().unwrap_or_default().to_owned())
        })
        .collect();
    assert_eq!(
        fields,
        [("name", "missing"), ("email", "bad_format"), ("consent", "must_agree")]
            .map(|(f, p)| (f.to_owned(), p.to_owned()))
            .to_vec(),
        "a 25-character text passes the length rule; markup is stored and always shown as text"
    );
    assert!(outbox(app).await.is_empty());
}

async fn a_category_of_another_body_is_refused(app: &TestApp) {
    let mut q = question(app, "aigul@mail.kz").await;
    q["category_id"] = json!(category(app, "dsm", "medicines").await);
    let res = app.post_json("/api/v1/questions", &q, &[]).await;
    assert_eq!(res.status, 422);
    assert_eq!(res.json()["fields"][0]["field"], "category_id");
    assert_eq!(res.json()["fields"][0]["problem"], "unknown_choice");
}

async fn the_honeypot_and_a_missing_or_forged_proof_of_work_are_refused(app: &TestApp) {
    let mut robot = question(app, "robot@mail.kz").await;
    robot["website"] = json!("http://spam.example");
    let res = app.post_json("/api/v1/questions", &robot, &[]).await;
    assert_eq!(res.status, 422);
    assert_eq!(res.json()["code"], "spam_check_failed");

    let mut forged = question(app, "robot@mail.kz").await;
    forged["proof_of_work"]["nonce"] = json!("chosen-by-robot");
    assert_eq!(app.post_json("/api/v1/questions", &forged, &[]).await.json()["code"], "spam_check_failed");

    let mut missing = question(app, "robot@mail.kz").await;
    missing.as_object_mut().expect("object").remove("proof_of_work");
    let res = app.post_json("/api/v1/questions", &missing, &[]).await;
    assert_eq!(res.status, 422);
    assert_eq!(res.json()["code"], "invalid_input");
    assert!(outbox(app).await.is_empty());
}

async fn a_proof_of_work_works_only_once(app: &TestApp) {
    let q = question(app, "aigul@mail.kz").await;
    assert_eq!(app.post_json("/api/v1/questions", &q, &[]).await.status, 201);
    let res = app.post_json("/api/v1/questions", &q, &[]).await;
    assert_eq!(res.json()["code"], "spam_check_failed");
}

async fn a_retry_with_the_same_idempotency_key_creates_nothing_new(app: &TestApp) {
    let q = question(app, "aigul@mail.kz").await;
    let key = [("idempotency-key", "3f0c7a1e-form-1")];
    let first = app.post_json("/api/v1/questions", &q, &key).await;
    assert_eq!(first.status, 201);
    let second = app.post_json("/api/v1/questions", &q, &key).await;
    assert_eq!(second.status, 200);
    assert_eq!(second.json()["registration_number"], first.json()["registration_number"]);
    assert_eq!(outbox(app).await.len(), 1);
}

async fn too_many_questions_for_one_email_are_refused(app: &TestApp) {
    for _ in 0..5 {
        assert_eq!(app.post_json("/api/v1/questions", &question(app, "busy@mail.kz").await, &[]).await.status, 201);
    }
    let res = app.post_json("/api/v1/questions", &question(app, "Busy@MAIL.kz").await, &[]).await;
    assert_eq!(res.status, 429);
    assert_eq!(res.json()["code"], "rate_limited");
    // Another person is not affected.
    assert_eq!(app.post_json("/api/v1/questions", &question(app, "other@mail.kz").await, &[]).await.status, 201);
}

async fn unconfirmed_questions_expire_after_three_days(app: &TestApp) {
    let late = app.post_json("/api/v1/questions", &question(app, "late@mail.kz").await, &[]).await.json()
        ["registration_number"]
        .as_str()
        .expect("number")
        .to_owned();
    let on_time = app.post_json("/api/v1/questions", &question(app, "on-time@mail.kz").await, &[]).await.json()
        ["registration_number"]
        .as_str()
        .expect("number")
        .to_owned();
    let now = chrono::Utc::now();
    assert_eq!(server::store::cases::expire_unconfirmed(&app.db, now).await.expect("expire"), 0);
    let past = now - chrono::Duration::days(4);
    with_db!(&app.db, |pool| {
        sqlx::query("UPDATE cases SET confirm_expires_at = $1 WHERE registration_number = $2")
            .bind(past)
            .bind(&late)
            .execute(pool)
            .await
            .map(drop)
    })
    .expect("age");
    assert_eq!(server::store::cases::expire_unconfirmed(&app.db, now).await.expect("expire"), 1);
    assert_eq!(status_of(app, &late).await, "expired");
    assert_eq!(status_of(app, &on_time).await, "submitted");
    assert_eq!(server::store::cases::expire_unconfirmed(&app.db, now).await.expect("again"), 0);
}
