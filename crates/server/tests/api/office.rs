//! The staff side of the question pipeline over HTTP: queues and their filters, the case detail,
//! registration, answer, return, publication, rejection, redirection, and who may do each.

use crate::on_both_databases;
use crate::staff::{Session, login, with_demo_staff};
use crate::support::{TestApp, TestResponse};
use api::cases::Challenge;
use api::staff::Role;
use chrono::{Days, NaiveDate, Utc};
use serde_json::{Value, json};
use server::demo::staff::{admin_email, email};
use server::store::workflow::kazakhstan_date;
use server::with_db;

on_both_databases!(
    a_question_goes_from_moderation_to_publication_and_the_citizen_is_told,
    a_rejection_reaches_the_citizen_with_its_reason_and_the_existing_answer,
    each_move_needs_its_role_in_the_cases_body,
    changes_without_a_csrf_token_are_refused_and_unknown_cases_are_404,
    a_move_that_someone_already_made_is_a_409,
    the_queue_filters_by_status_category_language_lateness_and_my_cases,
    bad_queue_filters_are_422,
    queue_cases_carry_the_suggestion_the_assignment_and_the_working_days_left,
    the_case_detail_shows_the_history_with_staff_names_and_never_the_email,
    the_executors_of_a_body_are_listed_for_its_moderators_and_heads,
    registration_accepts_only_the_bodys_department_executor_and_category,
    a_redirected_question_waits_in_the_other_bodys_queue_and_the_citizen_is_told,
    a_returned_answer_goes_back_with_its_note_and_draft_then_is_published,
);

/// A confirmed question in Russian to the body `slug`, in its first category; returns its id.
async fn confirmed(app: &TestApp, slug: &str, text: &str) -> i64 {
    confirmed_as(app, slug, "ru", 0, text).await
}

/// A confirmed question in `lang` to the body `slug`, in its category number `category`.
async fn confirmed_as(app: &TestApp, slug: &str, lang: &str, category: usize, text: &str) -> i64 {
    let body = app.get(&format!("/api/v1/bodies/{slug}")).await.json();
    let category = body["categories"][category]["id"].as_i64().expect("category");
    let challenge: Challenge =
        serde_json::from_slice(&app.get("/api/v1/questions/challenge").await.body).expect("challenge");
    let form = json!({
        "body": slug, "category_id": category, "lang": lang, "name": "Нурлан Бекенов", "email": "citizen@mail.kz",
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

async fn get_as(app: &TestApp, who: &Session, uri: &str) -> TestResponse {
    app.send("GET", uri, &[who.cookie()]).await
}

/// The ids of the cases in a body's queue, as `who` sees it with `query`.
async fn queue_ids(app: &TestApp, who: &Session, slug: &str, query: &str) -> Vec<i64> {
    let res = get_as(app, who, &format!("/api/v1/office/bodies/{slug}/cases{query}")).await;
    assert_eq!(res.status, 200, "{query}: {}", res.text());
    res.json().as_array().expect("a list").iter().map(|c| c["id"].as_i64().expect("id")).collect()
}

/// The case `id` as it appears in a body's queue.
async fn queued(app: &TestApp, who: &Session, slug: &str, query: &str, id: i64) -> Value {
    let res = get_as(app, who, &format!("/api/v1/office/bodies/{slug}/cases{query}")).await;
    assert_eq!(res.status, 200, "{}", res.text());
    res.json().as_array().expect("a list").iter().find(|c| c["id"] == id).cloned().expect("the case is in the queue")
}

async fn detail(app: &TestApp, who: &Session, id: i64) -> Value {
    let res = get_as(app, who, &format!("/api/v1/office/cases/{id}")).await;
    assert_eq!(res.status, 200, "{}", res.text());
    res.json()
}

async fn body(app: &TestApp, slug: &str) -> Value {
    app.get(&format!("/api/v1/bodies/{slug}")).await.json()
}

async fn user_id(app: &TestApp, email: &str) -> i64 {
    with_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(email).fetch_one(pool).await
    })
    .expect("user")
}

async fn set_deadline(app: &TestApp, id: i64, deadline: NaiveDate) {
    with_db!(&app.db, |pool| {
        sqlx::query("UPDATE cases SET deadline = $1 WHERE id = $2")
            .bind(deadline)
            .bind(id)
            .execute(pool)
            .await
            .map(drop)
    })
    .expect("deadline");
}

/// A second executor of `slug`, in `department`; returns the account's id.
async fn another_executor(app: &TestApp, slug: &str, department: i64) -> i64 {
    use server::store::staff::{create_user, grant};
    let body_id: i64 = with_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT id FROM bodies WHERE slug = $1").bind(slug).fetch_one(pool).await
    })
    .expect("body");
    let mut tx = app.db.begin().await.expect("transaction");
    let id =
        create_user(&mut tx, &format!("colleague.{slug}@example.kz"), "Colleague", "no password").await.expect("user");
    grant(&mut tx, id, body_id, Role::Executor, Some(api::DepartmentId(department))).await.expect("grant");
    tx.commit().await.expect("commit");
    id
}

fn field_errors(res: &TestResponse) -> Vec<(String, String)> {
    assert_eq!(res.status, 422, "{}", res.text());
    let json = res.json();
    assert_eq!(json["code"], "invalid_input");
    json["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| {
            (f["field"].as_str().unwrap_or_default().to_owned(), f["problem"].as_str().unwrap_or_default().to_owned())
        })
        .collect()
}

fn one_field(field: &str, problem: &str) -> Vec<(String, String)> {
    vec![(field.to_owned(), problem.to_owned())]
}

async fn the_queue_filters_by_status_category_language_lateness_and_my_cases(app: &TestApp) {
    with_demo_staff(app).await;
    let enbek = body(app, "enbek").await;
    let first_department = enbek["departments"][0]["id"].as_i64().expect("department");
    let second_department = enbek["departments"][1]["id"].as_i64().expect("department");
    let pensions = enbek["categories"][3]["id"].as_i64().expect("category");
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    let executor = login(app, &email(Role::Executor, "enbek")).await;
    let me = user_id(app, &email(Role::Executor, "enbek")).await;
    let colleague = another_executor(app, "enbek", first_department).await;

    let a =
        confirmed_as(app, "enbek", "ru", 0, "Работодатель третий месяц задерживает заработную плату, куда жаловаться?")
            .await;
    let b = confirmed_as(app, "enbek", "kk", 3, "Зейнетақымды қалай есептейді? Еңбек өтілім отыз жылдан асады.").await;
    let c = confirmed_as(
        app,
        "enbek",
        "ru",
        0,
        "Как оформить отпуск без сохранения заработной платы по уходу за родителями?",
    )
    .await;
    let d = confirmed_as(
        app,
        "enbek",
        "ru",
        0,
        "Положена ли доплата за работу в ночные смены по трудовому законодательству?",
    )
    .await;
    let e = confirmed_as(
        app,
        "enbek",
        "ru",
        0,
        "Купите наши пластиковые окна со скидкой по ссылке в профиле прямо сейчас!!!",
    )
    .await;
    assert_eq!(queue_ids(app, &moderator, "enbek", "").await, [a, b, c, d, e], "the moderation queue, oldest first");
    assert_eq!(queue_ids(app, &moderator, "enbek", "?status=received").await, [a, b, c, d, e]);

    for (id, assignment) in [
        (a, json!({ "executor_id": me })),
        (b, json!({ "department_id": first_department })),
        (c, json!({ "executor_id": colleague })),
        (d, json!({ "department_id": second_department })),
    ] {
        let res = act(app, &moderator, id, "register", assignment).await;
        assert_eq!(res.status, 200, "{}", res.text());
    }
    assert_eq!(act(app, &moderator, e, "reject", json!({ "reason": "spam" })).await.status, 204);

    assert_eq!(queue_ids(app, &moderator, "enbek", "").await, Vec::<i64>::new());
    assert_eq!(queue_ids(app, &moderator, "enbek", "?status=assigned").await, [a, b, c, d]);
    assert_eq!(queue_ids(app, &moderator, "enbek", "?status=rejected").await, [e]);
    assert_eq!(queue_ids(app, &moderator, "enbek", &format!("?status=assigned&category={pensions}")).await, [b]);
    assert_eq!(queue_ids(app, &moderator, "enbek", "?status=assigned&lang=kk").await, [b]);
    assert_eq!(queue_ids(app, &moderator, "enbek", "?status=assigned&lang=ru").await, [a, c, d]);
    // Mine: assigned to me, or to nobody in my department; not a colleague's, not another department's.
    assert_eq!(queue_ids(app, &executor, "enbek", "?status=assigned&mine=true").await, [a, b]);
    assert_eq!(queue_ids(app, &executor, "enbek", "?status=assigned&mine=false").await, [a, b, c, d]);
    assert_eq!(queue_ids(app, &moderator, "enbek", "?status=assigned&mine=true").await, Vec::<i64>::new());

    let today = kazakhstan_date(Utc::now());
    set_deadline(app, a, today.checked_sub_days(Days::new(1)).expect("yesterday")).await;
    set_deadline(app, d, today).await;
    assert_eq!(queue_ids(app, &moderator, "enbek", "?overdue=true").await, [a], "the last day itself is not late");
    assert_eq!(queue_ids(app, &moderator, "enbek", "?overdue=true&status=answered").await, Vec::<i64>::new());
    assert_eq!(
        act(app, &executor, a, "answer", json!({ "answer_html": "<p>Обратитесь в инспекцию труда.</p>" })).await.status,
        204
    );
    assert_eq!(
        queue_ids(app, &moderator, "enbek", "?overdue=true").await,
        [a],
        "an answer waiting for approval is still late"
    );
    assert_eq!(queue_ids(app, &moderator, "enbek", "?overdue=true&status=answered").await, [a]);
    assert_eq!(queue_ids(app, &executor, "enbek", "?overdue=true&status=assigned&mine=true").await, Vec::<i64>::new());
    assert_eq!(queue_ids(app, &moderator, "enbek", "?status=answered").await, [a]);

    assert_eq!(act(app, &executor, b, "answer", json!({ "answer_html": "<p>Жауап.</p>" })).await.status, 204);
    assert_eq!(act(app, &moderator, b, "publish", json!({})).await.status, 204);
    assert_eq!(queue_ids(app, &moderator, "enbek", "?status=published").await, [b]);
    // The filters combine: a published, rejected or waiting case is never late, whatever its date.
    set_deadline(app, b, today.checked_sub_days(Days::new(30)).expect("a month ago")).await;
    for status in ["published", "rejected", "received"] {
        let query = format!("?overdue=true&status={status}");
        assert_eq!(queue_ids(app, &moderator, "enbek", &query).await, Vec::<i64>::new(), "{status}");
    }
    assert_eq!(queue_ids(app, &moderator, "enbek", "?status=published&lang=ru").await, Vec::<i64>::new());
    let head = login(app, &email(Role::Head, "enbek")).await;
    assert_eq!(queue_ids(app, &head, "enbek", "?status=assigned").await, [c, d]);
}

async fn bad_queue_filters_are_422(app: &TestApp) {
    with_demo_staff(app).await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    for (query, field, problem) in [
        ("?status=bogus", "status", "unknown_choice"),
        ("?status=submitted", "status", "unknown_choice"),
        ("?status=expired", "status", "unknown_choice"),
        ("?lang=de", "lang", "unknown_choice"),
        ("?category=pensions", "category", "bad_format"),
        ("?overdue=yes", "overdue", "bad_format"),
        ("?mine=1", "mine", "bad_format"),
        ("?overdue=true&status=bogus", "status", "unknown_choice"),
    ] {
        let res = get_as(app, &moderator, &format!("/api/v1/office/bodies/enbek/cases{query}")).await;
        assert_eq!(field_errors(&res), one_field(field, problem), "{query}");
    }
    let res = get_as(app, &moderator, "/api/v1/office/bodies/nowhere/cases").await;
    assert_eq!(res.status, 404);
    assert_eq!(res.json()["code"], "body_not_found");
}

async fn queue_cases_carry_the_suggestion_the_assignment_and_the_working_days_left(app: &TestApp) {
    with_demo_staff(app).await;
    let enbek = body(app, "enbek").await;
    let labour = enbek["categories"][0]["id"].as_i64().expect("category");
    let pensions = enbek["categories"][3]["id"].as_i64().expect("category");
    let first_department = enbek["departments"][0]["id"].as_i64().expect("department");
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    let executor = login(app, &email(Role::Executor, "enbek")).await;
    let executor_id = user_id(app, &email(Role::Executor, "enbek")).await;

    // Filed under labour relations, though it asks about a pension.
    let id = confirmed_as(app, "enbek", "kk", 0, "Зейнетақымды қалай есептейді? Еңбек өтілім отыз жылдан асады.").await;
    let received = queued(app, &moderator, "enbek", "", id).await;
    assert_eq!(received["category"]["id"], labour);
    assert_eq!(received["suggested_category"], pensions);
    for field in ["deadline", "working_days_left", "executor", "department_id"] {
        assert!(received[field].is_null(), "{field} before registration: {received}");
    }

    // The body's own answer period counts: 3 working days here instead of 15.
    with_db!(&app.db, |pool| {
        sqlx::query("UPDATE bodies SET answer_working_days = 3 WHERE slug = 'enbek'").execute(pool).await.map(drop)
    })
    .expect("settings");
    let res = act(app, &moderator, id, "register", json!({ "executor_id": executor_id })).await;
    assert_eq!(res.status, 200, "{}", res.text());
    let deadline = res.json()["deadline"].as_str().expect("deadline").to_owned();
    let deadline = NaiveDate::parse_from_str(&deadline, "%Y-%m-%d").expect("a date");
    let today = kazakhstan_date(Utc::now());
    let calendar = server::store::calendar::load(&app.db).await.expect("calendar");
    let working_after_today =
        today.iter_days().skip(1).take_while(|d| *d <= deadline).filter(|d| calendar.is_working_day(*d)).count();
    // Registered on a working day: three more; on a rest day: the next working day counts too.
    let expected = if calendar.is_working_day(today) { 3 } else { 4 };
    assert_eq!(working_after_today, expected, "deadline {deadline} from {today}");

    let assigned = queued(app, &moderator, "enbek", "?status=assigned", id).await;
    assert_eq!(assigned["deadline"], deadline.to_string());
    assert_eq!(assigned["working_days_left"], expected);
    assert_eq!(assigned["executor"], json!({ "id": executor_id, "name": "Demo executor (enbek)" }));
    assert_eq!(assigned["department_id"], first_department, "the executor's own department");
    assert_eq!(assigned["suggested_category"], pensions);

    set_deadline(app, id, today).await;
    assert_eq!(queued(app, &executor, "enbek", "?status=assigned", id).await["working_days_left"], 0);
    set_deadline(app, id, today.checked_sub_days(Days::new(1)).expect("yesterday")).await;
    let late = queued(app, &executor, "enbek", "?status=assigned", id).await["working_days_left"].as_i64();
    assert!(late.is_some_and(|days| days < 0), "{late:?}");

    assert_eq!(act(app, &executor, id, "answer", json!({ "answer_html": "<p>Жауап.</p>" })).await.status, 204);
    assert!(
        queued(app, &moderator, "enbek", "?status=answered", id).await["working_days_left"]
            .as_i64()
            .is_some_and(|d| d < 0)
    );
    assert_eq!(act(app, &moderator, id, "publish", json!({})).await.status, 204);
    let published = queued(app, &moderator, "enbek", "?status=published", id).await;
    assert!(published["working_days_left"].is_null(), "{published}");
    assert!(published["deadline"].is_string());
}

async fn the_case_detail_shows_the_history_with_staff_names_and_never_the_email(app: &TestApp) {
    with_demo_staff(app).await;
    let text = "Как получить справку о трудовом стаже для назначения пенсии по возрасту?";
    let id = confirmed(app, "enbek", text).await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    let executor = login(app, &email(Role::Executor, "enbek")).await;
    let head = login(app, &email(Role::Head, "enbek")).await;
    assert_eq!(act(app, &moderator, id, "register", json!({})).await.status, 200);
    assert_eq!(act(app, &executor, id, "answer", json!({ "answer_html": "<p>Черновик</p>" })).await.status, 204);
    assert_eq!(act(app, &head, id, "return", json!({ "note": "Укажите срок выдачи справки." })).await.status, 204);

    let res = get_as(app, &executor, &format!("/api/v1/office/cases/{id}")).await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert!(!res.text().contains("citizen@mail.kz") && !res.text().contains("@"), "{}", res.text());
    let case = res.json();
    assert_eq!(case["id"], id);
    assert_eq!(case["status"], "assigned");
    assert_eq!(case["body"], "enbek");
    assert_eq!(case["text"], text);
    assert_eq!(case["author_name"], "Нурлан Бекенов");
    assert_eq!(case["publish_as"], "initials");
    assert!(case["public_text"].is_null());
    assert_eq!(case["answer_html"], "<p>Черновик</p>");
    assert!(case["number"].as_str().is_some_and(|n| n.starts_with("ЖТ-")), "{}", case["number"]);
    let history: Vec<(Value, Value, Value, Value)> = case["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|h| (h["actor"].clone(), h["from"].clone(), h["to"].clone(), h["note"].clone()))
        .collect();
    let entry = |actor: Value, from: Value, to: &str, note: &str| (actor, from, json!(to), json!(note));
    assert_eq!(
        history,
        [
            entry(Value::Null, Value::Null, "submitted", ""),
            entry(Value::Null, json!("submitted"), "received", ""),
            entry(json!("Demo moderator (enbek)"), json!("received"), "assigned", ""),
            entry(json!("Demo executor (enbek)"), json!("assigned"), "answered", ""),
            entry(json!("Demo head (enbek)"), json!("answered"), "assigned", "Укажите срок выдачи справки."),
        ]
    );
    let times: Vec<i64> =
        case["history"].as_array().expect("history").iter().map(|h| h["at"].as_i64().expect("at")).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "oldest first: {times:?}");
    let queue = get_as(app, &moderator, "/api/v1/office/bodies/enbek/cases?status=assigned").await;
    assert!(!queue.text().contains("citizen@mail.kz"));

    let uri = format!("/api/v1/office/cases/{id}");
    assert_eq!(app.get(&uri).await.status, 401);
    let other_body = login(app, &email(Role::Moderator, "dsm")).await;
    assert_eq!(get_as(app, &other_body, &uri).await.status, 403);
    for who in
        [&moderator, &head, &login(app, &email(Role::Administrator, "enbek")).await, &login(app, &admin_email()).await]
    {
        assert_eq!(get_as(app, who, &uri).await.status, 200);
    }
    for who in [&moderator, &other_body] {
        assert_eq!(get_as(app, who, "/api/v1/office/cases/999999").await.status, 404);
        assert_eq!(get_as(app, who, "/api/v1/office/cases/abc").await.status, 404);
    }
}

async fn the_executors_of_a_body_are_listed_for_its_moderators_and_heads(app: &TestApp) {
    with_demo_staff(app).await;
    let first_department = body(app, "enbek").await["departments"][0]["id"].as_i64().expect("department");
    let executor_id = user_id(app, &email(Role::Executor, "enbek")).await;
    let uri = "/api/v1/office/bodies/enbek/executors";
    let expected = json!([{ "id": executor_id, "name": "Demo executor (enbek)", "department_id": first_department }]);
    for role in [Role::Moderator, Role::Head, Role::Administrator] {
        let res = get_as(app, &login(app, &email(role, "enbek")).await, uri).await;
        assert_eq!(res.status, 200, "{role}: {}", res.text());
        assert_eq!(res.json(), expected, "{role}");
    }
    assert_eq!(app.get(uri).await.status, 401);
    assert_eq!(get_as(app, &login(app, &email(Role::Executor, "enbek")).await, uri).await.status, 403);
    let other_body = login(app, &email(Role::Moderator, "dsm")).await;
    assert_eq!(get_as(app, &other_body, uri).await.status, 403);
    assert_eq!(get_as(app, &other_body, "/api/v1/office/bodies/nowhere/executors").await.status, 404);
}

async fn registration_accepts_only_the_bodys_department_executor_and_category(app: &TestApp) {
    with_demo_staff(app).await;
    let enbek = body(app, "enbek").await;
    let dsm = body(app, "dsm").await;
    let id =
        confirmed(app, "enbek", "Как оформить пособие по уходу за ребёнком с инвалидностью до восемнадцати лет?").await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;

    let foreign = json!({
        "department_id": dsm["departments"][0]["id"],
        "executor_id": user_id(app, &email(Role::Executor, "dsm")).await,
        "category_id": dsm["categories"][0]["id"],
    });
    let all_three = vec![
        ("department_id".to_owned(), "unknown_choice".to_owned()),
        ("executor_id".to_owned(), "unknown_choice".to_owned()),
        ("category_id".to_owned(), "unknown_choice".to_owned()),
    ];
    assert_eq!(field_errors(&act(app, &moderator, id, "register", foreign).await), all_three);
    let not_an_executor = user_id(app, &email(Role::Moderator, "enbek")).await;
    for executor in [not_an_executor, 999_999] {
        let res = act(app, &moderator, id, "register", json!({ "executor_id": executor })).await;
        assert_eq!(field_errors(&res), one_field("executor_id", "unknown_choice"));
    }
    assert_eq!(queue_ids(app, &moderator, "enbek", "").await, [id], "nothing changed");

    let executor_id = user_id(app, &email(Role::Executor, "enbek")).await;
    let category = enbek["categories"][4]["id"].clone();
    let res =
        act(app, &moderator, id, "register", json!({ "executor_id": executor_id, "category_id": category })).await;
    assert_eq!(res.status, 200, "{}", res.text());
    let case = detail(app, &moderator, id).await;
    assert_eq!(case["status"], "assigned");
    assert_eq!(case["category"]["id"], category);
    assert_eq!(case["executor"]["id"], executor_id);
    assert_eq!(case["department_id"], enbek["departments"][0]["id"]);
}

async fn a_redirected_question_waits_in_the_other_bodys_queue_and_the_citizen_is_told(app: &TestApp) {
    with_demo_staff(app).await;
    let id =
        confirmed(app, "enbek", "Когда в нашем микрорайоне отремонтируют дорогу и поставят светофор у школы?").await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    let number = detail(app, &moderator, id).await["number"].clone();
    let to_astana = json!({ "body": "astana" });

    assert_eq!(app.post_json(&format!("/api/v1/office/cases/{id}/redirect"), &to_astana, &[]).await.status, 401);
    for who in [
        login(app, &email(Role::Executor, "enbek")).await,
        login(app, &email(Role::Head, "enbek")).await,
        login(app, &email(Role::Moderator, "dsm")).await,
    ] {
        assert_eq!(act(app, &who, id, "redirect", to_astana.clone()).await.status, 403);
    }
    assert_eq!(act(app, &moderator, 999_999, "redirect", to_astana.clone()).await.status, 404);
    for target in ["enbek", "nowhere"] {
        let res = act(app, &moderator, id, "redirect", json!({ "body": target })).await;
        assert_eq!(field_errors(&res), one_field("body", "unknown_choice"), "{target}");
    }
    let res = act(app, &moderator, id, "redirect", json!({ "body": "Not a slug!" })).await;
    assert_eq!(res.status, 422);

    let res = act(app, &moderator, id, "redirect", to_astana.clone()).await;
    assert_eq!(res.status, 204, "{}", res.text());
    assert!(!queue_ids(app, &moderator, "enbek", "").await.contains(&id));
    assert_eq!(get_as(app, &moderator, &format!("/api/v1/office/cases/{id}")).await.status, 403);

    let astana = login(app, &email(Role::Moderator, "astana")).await;
    let waiting = queued(app, &astana, "astana", "", id).await;
    assert_eq!(waiting["number"], number, "the number stays");
    assert_eq!(waiting["status"], "received");
    assert!(waiting["category"].is_null() && waiting["department_id"].is_null(), "{waiting}");
    // The astana rules recognise the roads question.
    let roads = body(app, "astana").await["categories"][4].clone();
    assert_eq!(roads["code"], "roads-transport");
    assert_eq!(waiting["suggested_category"], roads["id"]);

    let (to, subject, text) = last_mail(app).await;
    assert_eq!(to, "citizen@mail.kz");
    assert_eq!(
        subject,
        format!("Ваш вопрос передан в другой государственный орган: {}", number.as_str().unwrap_or_default())
    );
    assert!(text.contains("«Министерство труда и социальной защиты населения Республики Казахстан»"), "{text}");
    assert!(text.contains("«Акимат города Астаны»"), "{text}");

    let case = detail(app, &astana, id).await;
    assert_eq!(case["body"], "astana");
    let last = case["history"].as_array().and_then(|h| h.last()).cloned().expect("history");
    assert_eq!(
        (last["actor"].clone(), last["from"].clone(), last["to"].clone(), last["note"].clone()),
        (json!("Demo moderator (enbek)"), json!("received"), json!("received"), json!("enbek → astana"))
    );

    // The first body's category is gone: registering needs one of the new body's.
    let res = act(app, &astana, id, "register", json!({})).await;
    assert_eq!(field_errors(&res), one_field("category_id", "missing"));
    let res = act(app, &astana, id, "register", json!({ "category_id": roads["id"] })).await;
    assert_eq!(res.status, 200, "{}", res.text());
    let res = act(app, &astana, id, "redirect", json!({ "body": "dsm" })).await;
    assert_eq!(res.status, 409, "only a question waiting for moderation moves: {}", res.text());
}

async fn a_returned_answer_goes_back_with_its_note_and_draft_then_is_published(app: &TestApp) {
    with_demo_staff(app).await;
    let id = confirmed(app, "enbek", "Как подтвердить стаж работы в колхозе для назначения пенсии, если архив утерян?")
        .await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    let executor = login(app, &email(Role::Executor, "enbek")).await;
    let executor_id = user_id(app, &email(Role::Executor, "enbek")).await;
    assert_eq!(act(app, &moderator, id, "register", json!({ "executor_id": executor_id })).await.status, 200);
    let note = json!({ "note": "Добавьте ссылку на правила." });
    assert_eq!(act(app, &moderator, id, "return", note.clone()).await.status, 409, "nothing to return yet");
    assert_eq!(act(app, &executor, id, "answer", json!({ "answer_html": "<p>Первый вариант.</p>" })).await.status, 204);

    assert_eq!(app.post_json(&format!("/api/v1/office/cases/{id}/return"), &note, &[]).await.status, 401);
    for who in [login(app, &email(Role::Executor, "enbek")).await, login(app, &email(Role::Moderator, "dsm")).await] {
        assert_eq!(act(app, &who, id, "return", note.clone()).await.status, 403);
    }
    assert_eq!(act(app, &moderator, 999_999, "return", note.clone()).await.status, 404);
    let res = act(app, &moderator, id, "return", json!({ "note": "  \n " })).await;
    assert_eq!(field_errors(&res), one_field("note", "missing"));
    let res = act(app, &moderator, id, "return", json!({ "note": "я".repeat(1001) })).await;
    assert_eq!(field_errors(&res), one_field("note", "too_long"));

    let res =
        act(app, &moderator, id, "return", json!({ "note": "  Добавьте ссылку на правила подтверждения стажа.  " }))
            .await;
    assert_eq!(res.status, 204, "{}", res.text());
    assert_eq!(act(app, &moderator, id, "return", note.clone()).await.status, 409, "returned already");
    assert_eq!(act(app, &moderator, id, "publish", json!({})).await.status, 409, "nothing to publish now");
    assert!(queue_ids(app, &executor, "enbek", "?status=assigned&mine=true").await.contains(&id));
    let case = detail(app, &executor, id).await;
    assert_eq!(case["status"], "assigned");
    assert_eq!(case["answer_html"], "<p>Первый вариант.</p>", "the draft stays for editing");
    let last = case["history"].as_array().and_then(|h| h.last()).cloned().expect("history");
    assert_eq!(last["note"], "Добавьте ссылку на правила подтверждения стажа.");
    assert_eq!((last["from"].as_str(), last["to"].as_str()), (Some("answered"), Some("assigned")));

    let second = "<p>Второй вариант со <a href=\"https://egov.kz\">ссылкой</a>.</p>";
    assert_eq!(act(app, &executor, id, "answer", json!({ "answer_html": second })).await.status, 204);
    let head = login(app, &email(Role::Head, "enbek")).await;
    assert_eq!(act(app, &head, id, "publish", json!({})).await.status, 204);
    let page = app.get(&format!("/api/v1/questions/{id}")).await.json();
    assert!(
        page["answer_html"].as_str().is_some_and(|a| a.starts_with("<p>Второй вариант")),
        "{}",
        page["answer_html"]
    );
    let answered = page["timeline"].as_array().expect("timeline").iter().filter(|t| t["status"] == "answered").count();
    assert_eq!(answered, 1, "the public timeline shows one answer: {}", page["timeline"]);
}
