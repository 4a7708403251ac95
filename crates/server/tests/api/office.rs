//! The staff side of the question pipeline over HTTP: moderation queue, registration, answer,
//! publication, rejection, and who may do each.

use crate::on_both_databases;
use crate::staff::{Session, login, with_demo_staff};
use crate::support::{TestApp, TestResponse};
use api::cases::Challenge;
use api::staff::Role;
use serde_json::{Value, json};
use server::demo::staff::email;
use server::with_db;

on_both_databases!(
    a_question_goes_from_moderation_to_publication_and_the_citizen_is_told,
    a_rejection_reaches_the_citizen_with_its_reason_and_the_existing_answer,
    each_move_needs_its_role_in_the_cases_body,
    changes_without_a_csrf_token_are_refused_and_unknown_cases_are_404,
    a_move_that_someone_already_made_is_a_409,
);

/// A confirmed question to the body `slug`; returns its id.
async fn confirmed(app: &TestApp, slug: &str, text: &str) -> i64 {
    let body = app.get(&format!("/api/v1/bodies/{slug}")).await.json();
    let category = body["categories"][0]["id"].as_i64().expect("category");
    let challenge: Challenge =
        serde_json::from_slice(&app.get("/api/v1/questions/challenge").await.body).expect("challenge");
    let form = json!({
        "body": slug, "category_id": category, "lang": "ru", "name": "Нурлан Бекенов", "email": "citizen@mail.kz",
        "text": text, "consent": true, "publish_as": "initials", "proof_of_work": challenge.solve(),
    });
    let number = app.post_json("/api/v1/questions", &form, &[]).await.json()["registration_number"]
        .as_str()
        .expect("number")
        .to_owned();
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

async fn act(app: &TestApp, who: &Session, id: i64, action: &str, body: Value) -> TestResponse {
    app.post_json(&format!("/api/v1/office/cases/{id}/{action}"), &body, &[who.cookie(), who.csrf()]).await
}

async fn last_mail(app: &TestApp) -> (String, String, String) {
    with_db!(&app.db, |pool| {
        sqlx::query_as("SELECT to_address, subject, text_body FROM outbox ORDER BY id DESC LIMIT 1")
            .fetch_one(pool)
            .await
    })
    .expect("mail")
}

async fn a_question_goes_from_moderation_to_publication_and_the_citizen_is_told(app: &TestApp) {
    with_demo_staff(app).await;
    let id = confirmed(app, "enbek", "Мой ИИН 061211600012. Как узнать размер будущей пенсии?").await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;

    let queue = app.send("GET", "/api/v1/office/bodies/enbek/cases", &[moderator.cookie()]).await;
    assert_eq!(queue.status, 200, "{}", queue.text());
    let queue = queue.json();
    assert_eq!(queue[0]["id"], id);
    assert_eq!(queue[0]["personal_data"], json!(["iin"]));

    let registered = act(app, &moderator, id, "register", json!({})).await;
    assert_eq!(registered.status, 200, "{}", registered.text());
    assert!(registered.json()["deadline"].as_str().is_some_and(|d| d.len() == 10));

    let executor = login(app, &email(Role::Executor, "enbek")).await;
    let answer = "<p onclick=\"x()\">Размер пенсии можно узнать на <a href=\"https://egov.kz\">egov.kz</a>.<script>alert(1)</script></p>";
    assert_eq!(act(app, &executor, id, "answer", json!({ "answer_html": answer })).await.status, 204);

    let head = login(app, &email(Role::Head, "enbek")).await;
    let public = "Мой ИИН [скрыто]. Как узнать размер будущей пенсии?";
    assert_eq!(act(app, &head, id, "publish", json!({ "public_text": public })).await.status, 204);

    let page = app.get(&format!("/api/v1/questions/{id}")).await;
    assert_eq!(page.status, 200);
    let page = page.json();
    assert_eq!(page["question"], public);
    assert_eq!(
        page["answer_html"],
        "<p>Размер пенсии можно узнать на <a href=\"https://egov.kz\" rel=\"noopener noreferrer nofollow\">egov.kz</a>.</p>"
    );
    let (to, subject, _) = last_mail(app).await;
    assert_eq!(to, "citizen@mail.kz");
    assert!(subject.starts_with("Ответ на ваш вопрос опубликован"), "{subject}");
}

async fn a_rejection_reaches_the_citizen_with_its_reason_and_the_existing_answer(app: &TestApp) {
    with_demo_staff(app).await;
    let id = confirmed(app, "dsm", "Где получить лекарства по программе бесплатного обеспечения?").await;
    let moderator = login(app, &email(Role::Moderator, "dsm")).await;
    let res = act(app, &moderator, id, "reject", json!({ "reason": "duplicate", "duplicate_of": 7 })).await;
    assert_eq!(res.status, 204, "{}", res.text());
    let (to, subject, text) = last_mail(app).await;
    assert_eq!(to, "citizen@mail.kz");
    assert!(subject.starts_with("Ваш вопрос не зарегистрирован"), "{subject}");
    assert!(text.contains("ответ на этот вопрос уже опубликован"));
    assert!(text.contains("http://127.0.0.1:8080/ru/questions/7"));
    let queue = app.send("GET", "/api/v1/office/bodies/dsm/cases", &[moderator.cookie()]).await.json();
    assert_eq!(queue, json!([]));
}

async fn each_move_needs_its_role_in_the_cases_body(app: &TestApp) {
    with_demo_staff(app).await;
    let id = confirmed(app, "enbek", "Как оформить пособие по уходу за ребёнком до полутора лет?").await;
    let other_body = login(app, &email(Role::Moderator, "dsm")).await;
    let executor = login(app, &email(Role::Executor, "enbek")).await;
    let head = login(app, &email(Role::Head, "enbek")).await;

    assert_eq!(app.post_json(&format!("/api/v1/office/cases/{id}/register"), &json!({}), &[]).await.status, 401);
    assert_eq!(app.get("/api/v1/office/bodies/enbek/cases").await.status, 401);
    assert_eq!(app.send("GET", "/api/v1/office/bodies/enbek/cases", &[other_body.cookie()]).await.status, 403);
    for who in [&other_body, &executor, &head] {
        assert_eq!(act(app, who, id, "register", json!({})).await.status, 403);
        assert_eq!(act(app, who, id, "reject", json!({ "reason": "spam" })).await.status, 403);
    }
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    assert_eq!(act(app, &moderator, id, "register", json!({})).await.status, 200);
    for who in [&other_body, &moderator, &head] {
        assert_eq!(act(app, who, id, "answer", json!({ "answer_html": "<p>Ответ</p>" })).await.status, 403);
    }
    assert_eq!(act(app, &executor, id, "answer", json!({ "answer_html": "<p>Ответ</p>" })).await.status, 204);
    for who in [&other_body, &executor] {
        assert_eq!(act(app, who, id, "publish", json!({})).await.status, 403);
    }
    assert_eq!(act(app, &moderator, id, "publish", json!({})).await.status, 204);
}

async fn changes_without_a_csrf_token_are_refused_and_unknown_cases_are_404(app: &TestApp) {
    with_demo_staff(app).await;
    let id = confirmed(app, "edu", "Когда откроется запись в первый класс на следующий учебный год?").await;
    let moderator = login(app, &email(Role::Moderator, "edu")).await;
    let res = app.post_json(&format!("/api/v1/office/cases/{id}/register"), &json!({}), &[moderator.cookie()]).await;
    assert_eq!(res.status, 403);
    assert_eq!(res.json()["code"], "csrf_failed");
    assert_eq!(act(app, &moderator, 999_999, "register", json!({})).await.status, 404);
    assert_eq!(
        app.post_json("/api/v1/office/cases/abc/register", &json!({}), &[moderator.cookie(), moderator.csrf()])
            .await
            .status,
        404
    );
}

async fn a_move_that_someone_already_made_is_a_409(app: &TestApp) {
    with_demo_staff(app).await;
    let id = confirmed(app, "minfin", "Как вернуть излишне уплаченный налог на транспорт за прошлый год?").await;
    let moderator = login(app, &email(Role::Moderator, "minfin")).await;
    assert_eq!(act(app, &moderator, id, "register", json!({})).await.status, 200);
    let again = act(app, &moderator, id, "register", json!({})).await;
    assert_eq!(again.status, 409);
    assert_eq!(again.json()["code"], "conflict");
    let empty = act(
        app,
        &login(app, &email(Role::Executor, "minfin")).await,
        id,
        "answer",
        json!({ "answer_html": "<script>x</script>" }),
    )
    .await;
    assert_eq!(empty.status, 422);
}
