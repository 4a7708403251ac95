//! Electronic appeals over HTTP: the email code, filing with files checked by content,
//! registration with the law's deadline, tracking by number and code, the office's moves
//! (assign, extend, redirect, leave, decide with files, approve and send), the rating, and
//! "my appeals" by one-time link.

use crate::on_both_databases;
use crate::staff::{Session, login, with_demo_staff};
use crate::support::{TestApp, TestResponse};
use api::staff::Role;
use axum::body::Body;
use axum::http::Request;
use chrono::{NaiveDate, Utc};
use serde_json::{Value, json};
use server::calendar::Calendar;
use server::demo::staff::email;
use server::with_db;

on_both_databases!(
    an_individual_files_with_files_and_gets_number_deadline_and_code_by_email,
    a_legal_entity_gets_a_legal_entity_number,
    bad_identity_codes_and_files_are_refused_field_by_field,
    tracking_answers_alike_for_a_wrong_number_and_a_wrong_code,
    an_appeal_is_assigned_extended_decided_with_files_and_rated_once,
    a_redirected_appeal_keeps_its_number_and_counts_its_term_at_the_new_body,
    a_repeated_appeal_never_goes_to_the_earlier_executor,
    an_appeal_is_left_without_consideration_never_rejected,
    my_appeals_opens_once_by_link_and_shows_only_my_cases,
    files_are_downloads_for_the_applicant_and_the_bodys_staff_only,
);

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde";

async fn mails(app: &TestApp) -> Vec<(String, String, String)> {
    with_db!(&app.db, |pool| {
        sqlx::query_as("SELECT to_address, subject, text_body FROM outbox ORDER BY id").fetch_all(pool).await
    })
    .expect("outbox")
}

async fn last_mail(app: &TestApp) -> (String, String, String) {
    mails(app).await.pop().expect("a mail")
}

/// Asks for the code for `address` and reads it from the email.
async fn email_code(app: &TestApp, address: &str) -> String {
    let res = app.post_json("/api/v1/appeals/email-code", &json!({ "email": address, "lang": "ru" }), &[]).await;
    assert_eq!(res.status, 202, "{}", res.text());
    let (to, _, text) = last_mail(app).await;
    assert_eq!(to, address);
    text.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 6).expect("a six-digit code").to_owned()
}

/// The first category of the body `slug`.
async fn category(app: &TestApp, slug: &str) -> i64 {
    app.get(&format!("/api/v1/bodies/{slug}")).await.json()["categories"][0]["id"].as_i64().expect("category")
}

async fn form(app: &TestApp, address: &str) -> Value {
    json!({
        "filer": "individual", "iin": "061211600012", "surname": "Сейітова", "given_name": "Әсел",
        "patronymic": "Нұрланқызы", "email": address, "phone": "+7 701 123 45 67", "appeal_type": "statement",
        "body": "enbek", "category_id": category(app, "enbek").await, "lang": "ru",
        "text": "Прошу разъяснить, почему пенсионная выплата не поступает третий месяц подряд.", "consent": true,
    })
}

/// A multipart body: the `appeal` part, then each file as a `file` part.
async fn file_appeal(app: &TestApp, form: &Value, code: &str, files: &[(&str, &[u8])]) -> TestResponse {
    let boundary = "----appeal-test-boundary";
    let mut body = Vec::new();
    let submission = json!({ "form": form, "email_code": code }).to_string();
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"appeal\"\r\nContent-Type: application/json\r\n\r\n{submission}\r\n")
            .as_bytes(),
    );
    for (name, bytes) in files {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let request = Request::post("/api/v1/appeals")
        .header("content-type", format!("multipart/form-data; boundary={boundary}"))
        .body(Body::from(body))
        .expect("request");
    app.request(request).await
}

/// Files a valid appeal from `address`; returns the receipt.
async fn filed(app: &TestApp, address: &str, change: impl FnOnce(&mut Value)) -> Value {
    let mut form = form(app, address).await;
    change(&mut form);
    let code = email_code(app, address).await;
    let res = file_appeal(app, &form, &code, &[("справка.pdf", PDF)]).await;
    assert_eq!(res.status, 201, "{}", res.text());
    res.json()
}

async fn case_id(app: &TestApp, number: &str) -> i64 {
    with_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT id FROM cases WHERE registration_number = $1").bind(number).fetch_one(pool).await
    })
    .expect("id")
}

async fn track(app: &TestApp, number: &str, code: &str) -> TestResponse {
    app.post_json("/api/v1/appeals/track", &json!({ "number": number, "code": code }), &[]).await
}

async fn act(app: &TestApp, who: &Session, id: i64, action: &str, body: Value) -> TestResponse {
    app.post_json(&format!("/api/v1/office/cases/{id}/{action}"), &body, &[who.cookie(), who.csrf()]).await
}

fn fields(res: &TestResponse) -> Vec<(String, String)> {
    res.json()["fields"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .map(|f| (f["field"].as_str().unwrap_or("").to_owned(), f["problem"].as_str().unwrap_or("").to_owned()))
                .collect()
        })
        .unwrap_or_default()
}

fn field(name: &str, problem: &str) -> (String, String) {
    (name.to_owned(), problem.to_owned())
}

async fn calendar(app: &TestApp) -> Calendar {
    server::store::calendar::load(&app.db).await.expect("calendar")
}

async fn an_individual_files_with_files_and_gets_number_deadline_and_code_by_email(app: &TestApp) {
    let form = form(app, "asel@mail.kz").await;
    let code = email_code(app, "asel@mail.kz").await;
    let check =
        app.post_json("/api/v1/appeals/email-code/check", &json!({ "email": "asel@mail.kz", "code": code }), &[]).await;
    assert_eq!(check.status, 204, "{}", check.text());
    let res = file_appeal(app, &form, &code, &[("справка.pdf", PDF), ("фото.png", PNG)]).await;
    assert_eq!(res.status, 201, "{}", res.text());
    let receipt = res.json();
    let number = receipt["registration_number"].as_str().expect("number");
    assert!(number.starts_with("ЖТ-") && number.len() == "ЖТ-2026-00000001".len(), "{number}");
    let cal = calendar(app).await;
    let day = server::deadlines::registration_day(Utc::now(), &cal);
    assert_eq!(receipt["registration_day"], day.to_string());
    let deadline = server::deadlines::answer_deadline(api::appeals::AppealType::Statement, day, &cal);
    assert_eq!(receipt["deadline"], deadline.to_string());
    let tracking_code = receipt["tracking_code"].as_str().expect("code");
    assert_eq!(tracking_code.len(), 10);

    let (to, subject, text) = last_mail(app).await;
    assert_eq!(to, "asel@mail.kz");
    assert!(subject.contains(number), "{subject}");
    assert!(text.contains(tracking_code) && text.contains(&deadline.format("%d.%m.%Y").to_string()), "{text}");
    assert!(text.contains("/ru/appeals/track#number="), "{text}");

    // The code is spent: it cannot file a second appeal.
    let again = file_appeal(app, &form, &code, &[]).await;
    assert_eq!(fields(&again), [field("email_code", "wrong_code")]);

    let tracked = track(app, number, &tracking_code.to_lowercase()).await;
    assert_eq!(tracked.status, 200, "{}", tracked.text());
    let tracked = tracked.json();
    assert_eq!(tracked["status"], "received");
    assert_eq!(tracked["body"]["slug"], "enbek");
    assert_eq!(tracked["deadline"], deadline.to_string());
    let names: Vec<&str> =
        tracked["files"].as_array().expect("files").iter().filter_map(|f| f["name"].as_str()).collect();
    assert_eq!(names, ["справка.pdf", "фото.png"]);
    assert_eq!(tracked["files"][1]["kind"], "png");
    // Never public: the archive does not have it.
    let archive =
        app.get("/api/v1/bodies/enbek/questions?q=%D0%BF%D0%B5%D0%BD%D1%81%D0%B8%D0%BE%D0%BD%D0%BD%D0%B0%D1%8F").await;
    assert!(!archive.text().contains(number));
}

async fn a_legal_entity_gets_a_legal_entity_number(app: &TestApp) {
    let receipt = filed(app, "office@dala.kz", |f| {
        f["filer"] = json!("legal_entity");
        f["bin"] = json!("061211600012");
        f["organisation"] = json!("«Дала Агро» ЖШС");
        f["appeal_type"] = json!("request");
    })
    .await;
    let number = receipt["registration_number"].as_str().expect("number");
    assert!(number.starts_with("ЗТ-"), "{number}");
    let cal = calendar(app).await;
    let day = NaiveDate::parse_from_str(receipt["registration_day"].as_str().expect("day"), "%Y-%m-%d").expect("date");
    let deadline = server::deadlines::answer_deadline(api::appeals::AppealType::Request, day, &cal);
    assert_eq!(receipt["deadline"], deadline.to_string(), "a запрос has 15 calendar days");
}

async fn bad_identity_codes_and_files_are_refused_field_by_field(app: &TestApp) {
    let mut bad = form(app, "asel@mail.kz").await;
    bad["iin"] = json!("061211600013");
    bad["filer"] = json!("legal_entity");
    bad["bin"] = json!("123456789012");
    bad["organisation"] = json!("ТОО");
    let code = email_code(app, "asel@mail.kz").await;
    let disguised: &[u8] = b"<html><script>alert(1)</script></html>";
    let too_large = vec![b'%'; api::appeals::MAX_FILE_BYTES + 1];
    let res =
        file_appeal(app, &bad, &code, &[("ok.pdf", PDF), ("invoice.pdf", disguised), ("big.pdf", &too_large)]).await;
    assert_eq!(res.status, 422, "{}", res.text());
    assert_eq!(
        fields(&res),
        [
            field("iin", "bad_checksum"),
            field("bin", "bad_checksum"),
            field("files.1", "file_type"),
            field("files.2", "too_large")
        ]
    );
    let six: Vec<(&str, &[u8])> = (0..6).map(|_| ("a.pdf", PDF)).collect();
    let res = file_appeal(app, &form(app, "asel@mail.kz").await, &code, &six).await;
    assert_eq!(fields(&res), [field("files", "too_many")]);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let res = file_appeal(app, &form(app, "asel@mail.kz").await, wrong, &[]).await;
    assert_eq!(fields(&res), [field("email_code", "wrong_code")]);
    // An earlier number must be one of this applicant's appeals.
    let mut repeat = form(app, "asel@mail.kz").await;
    repeat["earlier_number"] = json!("ЖТ-2026-09999999");
    let res = file_appeal(app, &repeat, &code, &[]).await;
    assert_eq!(fields(&res), [field("earlier_number", "unknown_choice")]);
    let res = app
        .request(
            Request::post("/api/v1/appeals")
                .header("content-type", "application/json")
                .body(Body::from("{}"))
                .expect("request"),
        )
        .await;
    assert_eq!(res.status, 400, "{}", res.text());
    let count: i64 = with_db!(&app.db, |pool| sqlx::query_scalar("SELECT COUNT(*) FROM appeals").fetch_one(pool).await)
        .expect("count");
    assert_eq!(count, 0, "nothing was filed");
}

async fn tracking_answers_alike_for_a_wrong_number_and_a_wrong_code(app: &TestApp) {
    let receipt = filed(app, "asel@mail.kz", |_| {}).await;
    let number = receipt["registration_number"].as_str().expect("number");
    let wrong_code = track(app, number, "AAAAAAAAAA").await;
    let guessed = track(app, &number.replace("0001", "0002"), receipt["tracking_code"].as_str().expect("code")).await;
    assert_eq!(wrong_code.status, 404);
    assert_eq!(guessed.status, 404);
    assert_eq!(wrong_code.body, guessed.body, "one answer for both");
    let mut last = 0;
    for _ in 0..70 {
        last = track(app, number, "AAAAAAAAAA").await.status.as_u16();
        if last == 429 {
            break;
        }
    }
    assert_eq!(last, 429, "lookups are rate-limited");
}

async fn an_appeal_is_assigned_extended_decided_with_files_and_rated_once(app: &TestApp) {
    with_demo_staff(app).await;
    let receipt = filed(app, "asel@mail.kz", |_| {}).await;
    let number = receipt["registration_number"].as_str().expect("number");
    let code = receipt["tracking_code"].as_str().expect("code");
    let id = case_id(app, number).await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    let head = login(app, &email(Role::Head, "enbek")).await;
    let executor = login(app, &email(Role::Executor, "enbek")).await;

    let queue = app.send("GET", "/api/v1/office/bodies/enbek/cases?channel=appeal", &[moderator.cookie()]).await;
    assert!(queue.json().as_array().expect("list").iter().any(|c| c["id"] == id), "{}", queue.text());
    let none = app.send("GET", "/api/v1/office/bodies/enbek/cases?channel=question", &[moderator.cookie()]).await;
    assert!(!none.json().as_array().expect("list").iter().any(|c| c["id"] == id));

    let detail = app.send("GET", &format!("/api/v1/office/cases/{id}"), &[moderator.cookie()]).await.json();
    let facts = &detail["appeal"];
    assert_eq!(facts["appeal_type"], "statement");
    assert_eq!(facts["iin_masked"], "••••••••0012");
    assert_eq!(facts["phone"], "+77011234567");
    assert!(!detail.to_string().contains("asel@mail.kz") && !detail.to_string().contains("061211600012"));

    let executors = app.send("GET", "/api/v1/office/bodies/enbek/executors", &[moderator.cookie()]).await.json();
    let executor_user = executors[0]["id"].as_i64().expect("executor");
    let res = act(app, &moderator, id, "register", json!({ "executor_id": executor_user })).await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json()["deadline"], receipt["deadline"], "registration keeps the law's deadline");

    // The head extends: not past two months from registration, and not earlier than now.
    let max = facts["max_deadline"].as_str().expect("max");
    let max_date = NaiveDate::parse_from_str(max, "%Y-%m-%d").expect("date");
    let beyond = (max_date + chrono::Days::new(1)).to_string();
    let res = act(app, &head, id, "extend", json!({ "deadline": beyond, "reason": "Нужен запрос в ЕНПФ" })).await;
    assert_eq!(fields(&res), [field("deadline", "too_late")]);
    let res = act(app, &head, id, "extend", json!({ "deadline": receipt["deadline"], "reason": "x" })).await;
    assert_eq!(fields(&res), [field("deadline", "too_early")]);
    let res = act(app, &moderator, id, "extend", json!({ "deadline": max, "reason": "x" })).await;
    assert_eq!(res.status, 403, "only the head extends");
    let res = act(app, &head, id, "extend", json!({ "deadline": max, "reason": "Нужен запрос в ЕНПФ" })).await;
    assert_eq!(res.status, 200, "{}", res.text());
    let (to, subject, text) = last_mail(app).await;
    assert_eq!(to, "asel@mail.kz");
    assert!(subject.contains("продлён") && text.contains("Нужен запрос в ЕНПФ"), "{subject} {text}");
    assert!(text.contains(&max_date.format("%d.%m.%Y").to_string()));
    let tracked = track(app, number, code).await.json();
    assert_eq!(tracked["deadline"], max);
    assert_eq!(tracked["extension"]["reason"], "Нужен запрос в ЕНПФ");
    assert_eq!(tracked["extension"]["notice_late"], false);

    // The executor decides with a file; a disguised file is refused.
    let upload = |bytes: &'static [u8], name: &'static str| {
        let boundary = "b0undary";
        let mut body =
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\r\n")
                .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        Request::post(format!("/api/v1/office/cases/{id}/files"))
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .header(executor.cookie().0, executor.cookie().1)
            .header(executor.csrf().0, executor.csrf().1)
            .body(Body::from(body))
            .expect("request")
    };
    let res = app.request(upload(b"MZ\x90\0 not a pdf", "решение.pdf")).await;
    assert_eq!(fields(&res), [field("file", "file_type")]);
    let res = app.request(upload(PDF, "решение.pdf")).await;
    assert_eq!(res.status, 201, "{}", res.text());
    let res = act(app, &executor, id, "answer", json!({ "answer_html": "<p>Выплата восстановлена.</p>" })).await;
    assert_eq!(fields(&res), [field("outcome", "missing")]);
    let res = act(
        app,
        &executor,
        id,
        "answer",
        json!({ "answer_html": "<p>Выплата восстановлена.</p>", "outcome": "satisfied" }),
    )
    .await;
    assert_eq!(res.status, 204, "{}", res.text());
    let waiting = track(app, number, code).await.json();
    assert!(waiting["answer_html"].is_null() && waiting["outcome"].is_null(), "a draft is not the decision yet");
    assert_eq!(waiting["files"].as_array().map(Vec::len), Some(1), "the body's file comes with the decision");

    let res = act(app, &head, id, "publish", json!({ "public_text": null })).await;
    assert_eq!(res.status, 204, "{}", res.text());
    let (_, subject, _) = last_mail(app).await;
    assert!(subject.contains("Ответ на ваше обращение готов"), "{subject}");
    let decided = track(app, number, code).await.json();
    assert_eq!(decided["status"], "closed");
    assert_eq!(decided["outcome"], "satisfied");
    assert_eq!(decided["answer_html"], "<p>Выплата восстановлена.</p>");
    assert_eq!(decided["files"].as_array().map(Vec::len), Some(2));
    assert_eq!(decided["may_rate"], true);
    let archive = app.get(&format!("/api/v1/questions/{id}")).await;
    assert_eq!(archive.status, 404, "an appeal is never published");

    let rating = json!({ "number": number, "code": code, "score": 2, "comment": "Ответ формальный" });
    let res = app.post_json("/api/v1/appeals/track/rating", &rating, &[]).await;
    assert_eq!(res.status, 204, "{}", res.text());
    let res = app.post_json("/api/v1/appeals/track/rating", &rating, &[]).await;
    assert_eq!(res.status, 409, "once only");
    let detail = app.send("GET", &format!("/api/v1/office/cases/{id}"), &[head.cookie()]).await.json();
    assert_eq!(detail["appeal"]["rating"], 2);
    assert_eq!(detail["appeal"]["rating_comment"], "Ответ формальный");
}

async fn a_redirected_appeal_keeps_its_number_and_counts_its_term_at_the_new_body(app: &TestApp) {
    with_demo_staff(app).await;
    let receipt = filed(app, "asel@mail.kz", |_| {}).await;
    let number = receipt["registration_number"].as_str().expect("number");
    let id = case_id(app, number).await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    let res = act(app, &moderator, id, "redirect", json!({ "body": "edu" })).await;
    assert_eq!(res.status, 204, "{}", res.text());
    let (_, subject, text) = last_mail(app).await;
    assert!(subject.contains("передано") && subject.contains(number), "{subject}");
    assert!(text.contains("/ru/appeals/track"), "{text}");
    let tracked = track(app, number, receipt["tracking_code"].as_str().expect("code")).await.json();
    assert_eq!(tracked["number"], number);
    assert_eq!(tracked["body"]["slug"], "edu");
    assert_eq!(tracked["status"], "received");
    let other = login(app, &email(Role::Moderator, "edu")).await;
    let queue = app.send("GET", "/api/v1/office/bodies/edu/cases?channel=appeal", &[other.cookie()]).await;
    assert!(queue.json().as_array().expect("list").iter().any(|c| c["id"] == id));
}

async fn a_repeated_appeal_never_goes_to_the_earlier_executor(app: &TestApp) {
    with_demo_staff(app).await;
    let first = filed(app, "asel@mail.kz", |_| {}).await;
    let first_id = case_id(app, first["registration_number"].as_str().expect("number")).await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    let executors = app.send("GET", "/api/v1/office/bodies/enbek/executors", &[moderator.cookie()]).await.json();
    let executor = executors[0]["id"].as_i64().expect("executor");
    let department = executors[0]["department_id"].clone();
    assert_eq!(act(app, &moderator, first_id, "register", json!({ "executor_id": executor })).await.status, 200);

    let earlier = first["registration_number"].clone();
    let second = filed(app, "asel@mail.kz", |f| {
        f["appeal_type"] = json!("complaint");
        f["earlier_number"] = earlier;
    })
    .await;
    let second_id = case_id(app, second["registration_number"].as_str().expect("number")).await;
    let detail = app.send("GET", &format!("/api/v1/office/cases/{second_id}"), &[moderator.cookie()]).await.json();
    assert_eq!(detail["appeal"]["earlier_number"], first["registration_number"]);
    assert_eq!(detail["appeal"]["earlier_executor"]["id"], executor);
    let res = act(app, &moderator, second_id, "register", json!({ "executor_id": executor })).await;
    assert_eq!(fields(&res), [field("executor_id", "previous_executor")]);
    let res = act(app, &moderator, second_id, "register", json!({ "department_id": department })).await;
    assert_eq!(res.status, 200, "{}", res.text());
    // Someone else's number cannot be linked.
    let mut other = form(app, "someone@mail.kz").await;
    other["earlier_number"] = first["registration_number"].clone();
    let code = email_code(app, "someone@mail.kz").await;
    assert_eq!(fields(&file_appeal(app, &other, &code, &[]).await), [field("earlier_number", "unknown_choice")]);
}

async fn an_appeal_is_left_without_consideration_never_rejected(app: &TestApp) {
    with_demo_staff(app).await;
    let receipt = filed(app, "asel@mail.kz", |_| {}).await;
    let number = receipt["registration_number"].as_str().expect("number");
    let id = case_id(app, number).await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    // An extension told to the applicant more than three working days after the head's decision
    // is flagged.
    let head = login(app, &email(Role::Head, "enbek")).await;
    let detail = app.send("GET", &format!("/api/v1/office/cases/{id}"), &[head.cookie()]).await.json();
    let decided_on = (server::store::workflow::kazakhstan_date(Utc::now()) - chrono::Days::new(14)).to_string();
    let extension =
        json!({ "deadline": detail["appeal"]["max_deadline"], "reason": "Проверка", "decided_on": decided_on });
    assert_eq!(act(app, &head, id, "extend", extension).await.status, 200);
    let tracked = track(app, number, receipt["tracking_code"].as_str().expect("code")).await.json();
    assert_eq!(tracked["extension"]["notice_late"], true);
    let future = (server::store::workflow::kazakhstan_date(Utc::now()) + chrono::Days::new(1)).to_string();
    let res =
        act(app, &head, id, "extend", json!({ "deadline": "2099-01-01", "reason": "x", "decided_on": future })).await;
    assert_eq!(fields(&res), [field("decided_on", "too_late")]);
    let res = act(app, &moderator, id, "reject", json!({ "reason": "spam" })).await;
    assert_eq!(res.status, 422, "{}", res.text());
    let res = act(app, &moderator, id, "leave", json!({ "reason": " " })).await;
    assert_eq!(fields(&res), [field("reason", "missing")]);
    let res = act(app, &moderator, id, "leave", json!({ "reason": "В обращении нет сути вопроса." })).await;
    assert_eq!(res.status, 204, "{}", res.text());
    let (_, subject, text) = last_mail(app).await;
    assert!(subject.contains("без рассмотрения") && text.contains("В обращении нет сути вопроса."), "{subject}");
    let tracked = track(app, number, receipt["tracking_code"].as_str().expect("code")).await.json();
    assert_eq!(tracked["status"], "left_without_consideration");
    assert_eq!(tracked["outcome"], "left_without_consideration");
    assert_eq!(tracked["outcome_reason"], "В обращении нет сути вопроса.");
    let again = act(app, &moderator, id, "leave", json!({ "reason": "again" })).await;
    assert_eq!(again.status, 409);
}

async fn my_appeals_opens_once_by_link_and_shows_only_my_cases(app: &TestApp) {
    let mine = filed(app, "asel@mail.kz", |_| {}).await;
    let theirs = filed(app, "other@mail.kz", |_| {}).await;
    let before = mails(app).await.len();
    let res = app.post_json("/api/v1/cabinet/link", &json!({ "email": "nobody@mail.kz", "lang": "kk" }), &[]).await;
    assert_eq!(res.status, 202);
    assert_eq!(mails(app).await.len(), before, "no mail for an address without cases");
    let res = app.post_json("/api/v1/cabinet/link", &json!({ "email": "ASEL@mail.kz", "lang": "kk" }), &[]).await;
    assert_eq!(res.status, 202);
    let (to, _, text) = last_mail(app).await;
    assert_eq!(to.to_lowercase(), "asel@mail.kz");
    let token = text.split("/kk/appeals/my#").nth(1).and_then(|t| t.split_whitespace().next()).expect("link");
    let cabinet = app.post_json("/api/v1/cabinet/open", &json!({ "token": token }), &[]).await;
    assert_eq!(cabinet.status, 200, "{}", cabinet.text());
    let cabinet = cabinet.json();
    let numbers: Vec<&str> =
        cabinet["cases"].as_array().expect("cases").iter().filter_map(|c| c["number"].as_str()).collect();
    assert_eq!(numbers, [mine["registration_number"].as_str().expect("number")]);
    let again = app.post_json("/api/v1/cabinet/open", &json!({ "token": token }), &[]).await;
    assert_eq!(again.status, 410, "the link works once");
    let session = cabinet["session"].as_str().expect("session");
    let list = app.post_json("/api/v1/cabinet", &json!({ "cabinet": session }), &[]).await;
    assert_eq!(list.status, 200);
    let open = |number: &Value| json!({ "number": number, "cabinet": session });
    let own = app.post_json("/api/v1/appeals/track", &open(&mine["registration_number"]), &[]).await;
    assert_eq!(own.status, 200, "the session opens my appeal without its code");
    let other = app.post_json("/api/v1/appeals/track", &open(&theirs["registration_number"]), &[]).await;
    assert_eq!(other.status, 404, "and never someone else's");
}

async fn files_are_downloads_for_the_applicant_and_the_bodys_staff_only(app: &TestApp) {
    with_demo_staff(app).await;
    let receipt = filed(app, "asel@mail.kz", |_| {}).await;
    let number = receipt["registration_number"].as_str().expect("number");
    let code = receipt["tracking_code"].as_str().expect("code");
    let file = track(app, number, code).await.json()["files"][0]["id"].as_i64().expect("file");
    let res = app
        .post_json(&format!("/api/v1/appeals/track/files/{file}"), &json!({ "number": number, "code": code }), &[])
        .await;
    assert_eq!(res.status, 200);
    assert_eq!(res.body, PDF);
    assert_eq!(res.header("content-type"), "application/octet-stream");
    assert!(res.header("content-disposition").starts_with("attachment;"), "{}", res.header("content-disposition"));
    let wrong = app
        .post_json(&format!("/api/v1/appeals/track/files/{file}"), &json!({ "number": number, "code": "X" }), &[])
        .await;
    assert_eq!(wrong.status, 404);
    let executor = login(app, &email(Role::Executor, "enbek")).await;
    let res = app.send("GET", &format!("/api/v1/office/files/{file}"), &[executor.cookie()]).await;
    assert_eq!(res.status, 200);
    assert_eq!(res.body, PDF);
    let stranger = login(app, &email(Role::Moderator, "edu")).await;
    let res = app.send("GET", &format!("/api/v1/office/files/{file}"), &[stranger.cookie()]).await;
    assert_eq!(res.status, 403);
    assert_eq!(app.send("GET", &format!("/api/v1/office/files/{file}"), &[]).await.status, 401);
}
