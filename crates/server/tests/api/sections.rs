//! The head's profile and blog, the FAQ, the reception schedule and open dialogue over HTTP:
//! staff edit them in the office, anyone reads them, and blog questions and reception requests
//! go through the case pipeline.

use crate::on_both_databases;
use crate::staff::{Session, login, with_demo_staff};
use crate::support::{TestApp, TestResponse};
use api::cases::Challenge;
use api::staff::Role;
use axum::body::Body;
use axum::http::Request;
use chrono::{Duration, Utc};
use serde_json::{Value, json};
use server::demo::staff::email;
use server::with_db;

on_both_databases!(
    posts_are_drafted_scheduled_published_and_read_in_each_language,
    the_feed_is_atom_with_the_public_posts_of_one_language,
    only_the_bodys_head_and_moderators_edit_its_content,
    the_heads_profile_takes_an_uploaded_photo_with_its_alt_text,
    the_faq_is_edited_with_checks_and_listed_by_category,
    a_reception_request_takes_a_place_and_its_answer_is_emailed_not_published,
    open_dialogue_links_must_be_https_and_in_order,
    a_blog_question_is_answered_on_the_blog_and_counts_in_the_indicators,
    the_search_across_all_bodies_finds_published_answers,
);

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

async fn send_json(app: &TestApp, method: &str, uri: &str, body: &Value, who: &Session) -> TestResponse {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header("content-type", "application/json")
        .header(who.cookie().0, who.cookie().1)
        .header(who.csrf().0, who.csrf().1);
    app.request(request.body(Body::from(body.to_string())).expect("request")).await
}

async fn get_as(app: &TestApp, who: &Session, uri: &str) -> TestResponse {
    app.send("GET", uri, &[who.cookie()]).await
}

async fn upload(app: &TestApp, who: &Session, slug: &str, bytes: &[u8]) -> TestResponse {
    let boundary = "image-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post(format!("/api/v1/office/bodies/{slug}/media"))
        .header("content-type", format!("multipart/form-data; boundary={boundary}"))
        .header(who.cookie().0, who.cookie().1)
        .header(who.csrf().0, who.csrf().1);
    app.request(request.body(Body::from(body)).expect("request")).await
}

fn fields(res: &TestResponse) -> Vec<(String, String)> {
    assert_eq!(res.status, 422, "{}", res.text());
    res.json()["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| {
            (f["field"].as_str().unwrap_or_default().to_owned(), f["problem"].as_str().unwrap_or_default().to_owned())
        })
        .collect()
}

fn pair(field: &str, problem: &str) -> (String, String) {
    (field.to_owned(), problem.to_owned())
}

fn texts(langs: &[&str], title: &str) -> Value {
    langs
        .iter()
        .map(|l| json!({ "lang": l, "title": format!("{title} ({l})"), "body_html": "<p>Мәтін. Текст.</p>" }))
        .collect()
}

async fn new_post(app: &TestApp, who: &Session, body: Value) -> Value {
    let res = send_json(app, "POST", "/api/v1/office/bodies/enbek/blog", &body, who).await;
    assert_eq!(res.status, 201, "{}", res.text());
    res.json()
}

async fn posts_are_drafted_scheduled_published_and_read_in_each_language(app: &TestApp) {
    with_demo_staff(app).await;
    let head = login(app, &email(Role::Head, "enbek")).await;
    let html = "<p onclick=\"x()\">Жаңа бағдарлама<script>alert(1)</script></p>";
    let published = new_post(
        app,
        &head,
        json!({ "texts": [{ "lang": "kk", "title": "Жаңа бағдарлама", "body_html": html },
                          { "lang": "ru", "title": "Новая программа", "body_html": "<p>Текст</p>" }],
                "state": "published", "publish_at": null, "cover": null }),
    )
    .await;
    assert_eq!(published["state"], "published");
    assert_eq!(published["texts"][0]["body_html"], "<p>Жаңа бағдарлама</p>");
    let draft = new_post(
        app,
        &head,
        json!({ "texts": texts(&["kk"], "Жоба"), "state": "draft", "publish_at": null, "cover": null }),
    )
    .await;
    let tomorrow = (Utc::now() + Duration::days(1)).timestamp();
    let scheduled = new_post(
        app,
        &head,
        json!({ "texts": texts(&["kk", "ru"], "Ертең"), "state": "published", "publish_at": tomorrow, "cover": null }),
    )
    .await;

    let kk = app.get("/api/v1/bodies/enbek/blog?lang=kk").await.json();
    let titles: Vec<&str> = kk["items"].as_array().expect("items").iter().filter_map(|p| p["title"].as_str()).collect();
    assert_eq!(titles, ["Жаңа бағдарлама"], "drafts and scheduled posts are not public");
    assert_eq!(kk["in_other_languages"], 0);
    let en = app.get("/api/v1/bodies/enbek/blog?lang=en").await.json();
    assert_eq!(en["items"], json!([]));
    assert_eq!(en["in_other_languages"], 1);

    let id = published["id"].as_i64().expect("id");
    let in_en = app.get(&format!("/api/v1/blog/{id}?lang=en")).await.json();
    assert_eq!(in_en["text"], Value::Null);
    assert_eq!(in_en["langs"], json!(["kk", "ru"]));
    assert_eq!(in_en["body"]["slug"], "enbek");
    let in_ru = app.get(&format!("/api/v1/blog/{id}?lang=ru")).await.json();
    assert_eq!(in_ru["text"]["title"], "Новая программа");
    for hidden in [&draft, &scheduled] {
        let res = app.get(&format!("/api/v1/blog/{}?lang=kk", hidden["id"])).await;
        assert_eq!(res.status, 404, "{hidden}");
        assert_eq!(res.json()["code"], "not_found");
    }

    // Scheduling the draft for a past time publishes it; the office lists all three.
    let past = (Utc::now() - Duration::hours(1)).timestamp();
    let uri = format!("/api/v1/office/bodies/enbek/blog/{}", draft["id"]);
    let body = json!({ "texts": texts(&["kk"], "Жоба"), "state": "published", "publish_at": past, "cover": null });
    assert_eq!(send_json(app, "PUT", &uri, &body, &head).await.status, 200);
    assert_eq!(app.get(&format!("/api/v1/blog/{}?lang=kk", draft["id"])).await.status, 200);
    let office = get_as(app, &head, "/api/v1/office/bodies/enbek/blog").await.json();
    assert_eq!(office.as_array().map(Vec::len), Some(3));

    // Paging: one post per page, the cursor leads to the next.
    let first = app.get("/api/v1/bodies/enbek/blog?lang=kk&limit=1").await.json();
    let next = first["next"].as_str().expect("a second page");
    let second = app.get(&format!("/api/v1/bodies/enbek/blog?lang=kk&limit=1&after={next}")).await.json();
    assert_ne!(first["items"][0]["id"], second["items"][0]["id"]);
    assert_eq!(second["next"], Value::Null);

    assert_eq!(send_json(app, "DELETE", &uri, &json!({}), &head).await.status, 204);
    assert_eq!(send_json(app, "DELETE", &uri, &json!({}), &head).await.status, 404);

    // Errors name each field; nothing is stored.
    let bad = json!({ "texts": [{ "lang": "kk", "title": " ", "body_html": "" }], "state": "published", "publish_at": null,
                      "cover": null });
    let res = send_json(app, "POST", "/api/v1/office/bodies/enbek/blog", &bad, &head).await;
    assert_eq!(fields(&res), [pair("texts.kk.title", "missing"), pair("texts.kk.body_html", "missing")]);
    let none = json!({ "texts": [], "state": "draft", "publish_at": null, "cover": null });
    assert_eq!(
        fields(&send_json(app, "POST", "/api/v1/office/bodies/enbek/blog", &none, &head).await),
        [pair("texts", "missing")]
    );
    assert_eq!(app.get("/api/v1/bodies/enbek/blog?lang=xx").await.status, 422);
    assert_eq!(app.get("/api/v1/bodies/nobody/blog").await.status, 404);
}

async fn the_feed_is_atom_with_the_public_posts_of_one_language(app: &TestApp) {
    with_demo_staff(app).await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    new_post(
        app,
        &moderator,
        json!({ "texts": texts(&["kk", "ru"], "Жаңалық"), "state": "published", "publish_at": null, "cover": null }),
    )
    .await;
    new_post(
        app,
        &moderator,
        json!({ "texts": texts(&["kk"], "Жоба"), "state": "draft", "publish_at": null, "cover": null }),
    )
    .await;
    let feed = app.get("/api/v1/bodies/enbek/blog/feed?lang=ru").await;
    assert_eq!(feed.status, 200);
    assert!(feed.header("content-type").starts_with("application/atom+xml"), "{}", feed.header("content-type"));
    let xml = feed.text();
    assert!(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""), "{xml}");
    assert_eq!(xml.matches("<entry>").count(), 1, "{xml}");
    assert!(xml.contains("<title>Жаңалық (ru)</title>"), "{xml}");
    assert!(!xml.contains("Жоба"), "a draft is not in the feed: {xml}");
    assert!(xml.contains("/ru/bodies/enbek/blog/"), "{xml}");
    assert_eq!(app.get("/api/v1/bodies/enbek/blog/feed?lang=en").await.text().matches("<entry>").count(), 0);
}

async fn only_the_bodys_head_and_moderators_edit_its_content(app: &TestApp) {
    with_demo_staff(app).await;
    let post = json!({ "texts": texts(&["kk"], "Жаңалық"), "state": "draft", "publish_at": null, "cover": null });
    let faq = json!({ "category_id": null, "question": { "kk": "Сұрақ?", "ru": "Вопрос?" }, "answer_html": { "kk": "Жауап", "ru": "Ответ" } });
    for (who, allowed) in [
        (email(Role::Head, "enbek"), true),
        (email(Role::Moderator, "enbek"), true),
        (email(Role::Administrator, "enbek"), true),
        (email(Role::Executor, "enbek"), false),
        (email(Role::Moderator, "dsm"), false),
    ] {
        let session = login(app, &who).await;
        let created = send_json(app, "POST", "/api/v1/office/bodies/enbek/blog", &post, &session).await;
        assert_eq!(created.status, if allowed { 201 } else { 403 }, "{who}: {}", created.text());
        let faq = send_json(app, "POST", "/api/v1/office/bodies/enbek/faq", &faq, &session).await;
        assert_eq!(faq.status, if allowed { 201 } else { 403 }, "{who}: {}", faq.text());
        let indicators = get_as(app, &session, "/api/v1/office/bodies/enbek/indicators").await;
        assert_eq!(indicators.status, if allowed { 200 } else { 403 }, "{who}");
    }
    let anonymous = app.post_json("/api/v1/office/bodies/enbek/blog", &post, &[]).await;
    assert_eq!(anonymous.status, 401);
    // A change without the CSRF token is refused even with a session.
    let head = login(app, &email(Role::Head, "enbek")).await;
    let no_csrf = app.post_json("/api/v1/office/bodies/enbek/blog", &post, &[head.cookie()]).await;
    assert_eq!(no_csrf.status, 403);
    assert_eq!(no_csrf.json()["code"], "csrf_failed");
    // Another body's post is not reachable through this body.
    let dsm = login(app, &email(Role::Head, "dsm")).await;
    let theirs = send_json(app, "POST", "/api/v1/office/bodies/dsm/blog", &post, &dsm).await.json();
    let uri = format!("/api/v1/office/bodies/enbek/blog/{}", theirs["id"]);
    assert_eq!(get_as(app, &head, &uri).await.status, 404);
    assert_eq!(send_json(app, "PUT", &uri, &post, &head).await.status, 404);
    assert_eq!(send_json(app, "DELETE", &uri, &json!({}), &head).await.status, 404);
}

async fn the_heads_profile_takes_an_uploaded_photo_with_its_alt_text(app: &TestApp) {
    with_demo_staff(app).await;
    let head = login(app, &email(Role::Head, "enbek")).await;
    let refused = upload(app, &head, "enbek", PDF).await;
    assert_eq!(fields(&refused), [pair("file", "file_type")]);
    let photo = upload(app, &head, "enbek", PNG).await;
    assert_eq!(photo.status, 201, "{}", photo.text());
    let photo = photo.json();
    let image = app.get(photo["url"].as_str().expect("url")).await;
    assert_eq!(image.status, 200);
    assert_eq!(image.header("content-type"), "image/png");
    assert_eq!(image.body, PNG);

    let mut profile = json!({
        "name": { "kk": "Әсел Сейітова", "ru": "Асель Сеитова", "en": "" },
        "position": { "kk": "Министр", "ru": "Министр", "en": "Minister" },
        "biography": { "kk": "Өмірбаяны.", "ru": "Биография.", "en": "" },
        "photo": photo["id"], "photo_alt": { "kk": "", "ru": "Портрет", "en": "" },
    });
    let res = send_json(app, "PUT", "/api/v1/office/bodies/enbek/head", &profile, &head).await;
    assert_eq!(fields(&res), [pair("photo_alt.kk", "missing")]);
    profile["photo_alt"]["kk"] = json!("Портрет");
    let saved = send_json(app, "PUT", "/api/v1/office/bodies/enbek/head", &profile, &head).await;
    assert_eq!(saved.status, 200, "{}", saved.text());
    let public = app.get("/api/v1/bodies/enbek/head").await.json();
    assert_eq!(public["name"]["en"], "Асель Сеитова", "English falls back to Russian");
    assert_eq!(public["biography"]["kk"], "Өмірбаяны.");
    assert_eq!(public["photo"]["url"], photo["url"]);
    assert_eq!(public["photo"]["alt"]["kk"], "Портрет");
    assert_eq!(app.get("/api/v1/bodies/enbek").await.json()["head"]["name"]["kk"], "Әсел Сейітова");

    // Another body's image cannot be shown as this body's head.
    let dsm = login(app, &email(Role::Head, "dsm")).await;
    let theirs = upload(app, &dsm, "dsm", PNG).await.json();
    profile["photo"] = theirs["id"].clone();
    assert_eq!(
        fields(&send_json(app, "PUT", "/api/v1/office/bodies/enbek/head", &profile, &head).await),
        [pair("photo", "unknown_choice")]
    );
    assert_eq!(app.get("/api/v1/media/999999").await.status, 404);
}

async fn the_faq_is_edited_with_checks_and_listed_by_category(app: &TestApp) {
    with_demo_staff(app).await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    let enbek = app.get("/api/v1/bodies/enbek").await.json();
    let category = enbek["categories"][1]["id"].clone();
    let dsm_category = app.get("/api/v1/bodies/dsm").await.json()["categories"][0]["id"].clone();

    let missing = json!({ "category_id": category, "question": { "kk": "Зейнетақы қашан?" }, "answer_html": { "kk": "<p>Жауап</p>", "ru": "<p>Ответ</p>" } });
    assert_eq!(
        fields(&send_json(app, "POST", "/api/v1/office/bodies/enbek/faq", &missing, &moderator).await),
        [pair("question.ru", "missing")]
    );
    let foreign = json!({ "category_id": dsm_category, "question": { "kk": "Сұрақ?", "ru": "Вопрос?" }, "answer_html": { "kk": "Жауап", "ru": "Ответ" } });
    assert_eq!(
        fields(&send_json(app, "POST", "/api/v1/office/bodies/enbek/faq", &foreign, &moderator).await),
        [pair("category_id", "unknown_choice")]
    );

    let entry = json!({ "category_id": category, "question": { "kk": "Жұмыссыз ретінде қалай тіркелемін?", "ru": "Как встать на учёт безработным?", "en": "" },
                        "answer_html": { "kk": "<p>Жауап<script>x()</script></p>", "ru": "<p>Ответ</p>", "en": "" }, "position": 2 });
    let created = send_json(app, "POST", "/api/v1/office/bodies/enbek/faq", &entry, &moderator).await;
    assert_eq!(created.status, 201, "{}", created.text());
    let general = json!({ "category_id": null, "question": { "kk": "Жалпы сұрақ?", "ru": "Общий вопрос?" }, "answer_html": { "kk": "Жауап", "ru": "Ответ" } });
    send_json(app, "POST", "/api/v1/office/bodies/enbek/faq", &general, &moderator).await;

    let list = app.get("/api/v1/bodies/enbek/faq").await.json();
    assert_eq!(list[0]["category"], Value::Null, "general entries come first");
    assert_eq!(list[1]["category"]["id"], category);
    assert_eq!(list[1]["answer_html"]["kk"], "<p>Жауап</p>");
    assert_eq!(list[1]["question"]["en"], "Как встать на учёт безработным?");

    let uri = format!("/api/v1/office/bodies/enbek/faq/{}", created.json()["id"]);
    let mut changed = entry.clone();
    changed["question"]["en"] = json!("How do I register as unemployed?");
    assert_eq!(
        send_json(app, "PUT", &uri, &changed, &moderator).await.json()["question"]["en"],
        "How do I register as unemployed?"
    );
    assert_eq!(send_json(app, "DELETE", &uri, &json!({}), &moderator).await.status, 204);
    assert_eq!(send_json(app, "PUT", &uri, &changed, &moderator).await.status, 404);
    assert_eq!(app.get("/api/v1/bodies/enbek/faq").await.json().as_array().map(Vec::len), Some(1));
}

fn slot(starts_at: i64, capacity: u16) -> Value {
    json!({
        "official": { "kk": "Әсел Сейітова", "ru": "Асель Сеитова", "en": "Assel Seitova" },
        "position": { "kk": "Министр", "ru": "Министр", "en": "Minister" },
        "starts_at": starts_at, "minutes": 120,
        "place": { "kk": "Астана, Мәңгілік Ел даңғылы, 8", "ru": "Астана, проспект Мангилик Ел, 8", "en": "" },
        "online": false, "capacity": capacity,
    })
}

/// Sends a question form of `channel` to enbek (with `extra` fields); the response.
async fn ask(app: &TestApp, channel: &str, extra: Value, text: &str) -> TestResponse {
    let body = app.get("/api/v1/bodies/enbek").await.json();
    let challenge: Challenge =
        serde_json::from_slice(&app.get("/api/v1/questions/challenge").await.body).expect("challenge");
    let mut form = json!({
        "body": "enbek", "category_id": body["categories"][0]["id"], "lang": "ru", "name": "Нурлан Бекенов",
        "email": "citizen@mail.kz", "text": text, "consent": true, "publish_as": "initials",
        "proof_of_work": challenge.solve(), "channel": channel,
    });
    if let (Some(form), Some(extra)) = (form.as_object_mut(), extra.as_object()) {
        form.extend(extra.clone());
    }
    app.post_json("/api/v1/questions", &form, &[]).await
}

/// Confirms the question whose confirmation email went out last; its id.
async fn confirm_last(app: &TestApp, number: &str) -> i64 {
    let mail: String = with_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT text_body FROM outbox ORDER BY id DESC LIMIT 1").fetch_one(pool).await
    })
    .expect("mail");
    let token = mail.split("/questions/confirm#").nth(1).and_then(|t| t.split_whitespace().next()).expect("token");
    assert_eq!(app.post_json("/api/v1/questions/confirm", &json!({ "token": token }), &[]).await.status, 200);
    with_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT id FROM cases WHERE registration_number = $1").bind(number).fetch_one(pool).await
    })
    .expect("id")
}

async fn act(app: &TestApp, who: &Session, id: i64, action: &str, body: Value) -> TestResponse {
    app.post_json(&format!("/api/v1/office/cases/{id}/{action}"), &body, &[who.cookie(), who.csrf()]).await
}

/// Registers, answers and approves a confirmed case of enbek.
async fn answer_and_approve(app: &TestApp, id: i64, answer: &str) {
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    assert_eq!(act(app, &moderator, id, "register", json!({})).await.status, 200);
    let executor = login(app, &email(Role::Executor, "enbek")).await;
    assert_eq!(act(app, &executor, id, "answer", json!({ "answer_html": answer })).await.status, 204);
    let head = login(app, &email(Role::Head, "enbek")).await;
    let published = act(app, &head, id, "publish", json!({})).await;
    assert_eq!(published.status, 204, "{}", published.text());
}

async fn a_reception_request_takes_a_place_and_its_answer_is_emailed_not_published(app: &TestApp) {
    with_demo_staff(app).await;
    let head = login(app, &email(Role::Head, "enbek")).await;
    let past = (Utc::now() - Duration::hours(1)).timestamp();
    assert_eq!(
        fields(&send_json(app, "POST", "/api/v1/office/bodies/enbek/schedule", &slot(past, 1), &head).await),
        [pair("starts_at", "too_early")]
    );
    let mut odd = slot(past + 86_400 * 30, 0);
    odd["minutes"] = json!(1);
    assert_eq!(
        fields(&send_json(app, "POST", "/api/v1/office/bodies/enbek/schedule", &odd, &head).await),
        [pair("minutes", "bad_format"), pair("capacity", "bad_format")]
    );
    let next_week = (Utc::now() + Duration::days(7)).timestamp();
    let created = send_json(app, "POST", "/api/v1/office/bodies/enbek/schedule", &slot(next_week, 1), &head).await;
    assert_eq!(created.status, 201, "{}", created.text());
    let slot_id = created.json()["id"].as_i64().expect("id");
    let public = app.get("/api/v1/bodies/enbek/schedule").await.json();
    assert_eq!(public[0]["id"], slot_id);
    assert_eq!(public[0]["requested"], 0);
    assert_eq!(public[0]["place"]["en"], "Астана, проспект Мангилик Ел, 8");

    let text = "Прошу записать на личный приём по вопросу перерасчёта пособия по инвалидности.";
    assert_eq!(fields(&ask(app, "reception", json!({}), text).await), [pair("slot", "missing")]);
    assert_eq!(
        fields(&ask(app, "reception", json!({ "slot": 999_999 }), text).await),
        [pair("slot", "unknown_choice")]
    );
    let sent = ask(app, "reception", json!({ "slot": slot_id }), text).await;
    assert_eq!(sent.status, 201, "{}", sent.text());
    assert_eq!(app.get("/api/v1/bodies/enbek/schedule").await.json()[0]["requested"], 1);
    let full = ask(
        app,
        "reception",
        json!({ "slot": slot_id }),
        "Прошу принять меня по вопросу назначения пенсии в этом году.",
    )
    .await;
    assert_eq!(fields(&full), [pair("slot", "too_many")]);

    // A session with requests is kept; staff change it instead.
    let uri = format!("/api/v1/office/bodies/enbek/schedule/{slot_id}");
    let kept = send_json(app, "DELETE", &uri, &json!({}), &head).await;
    assert_eq!(kept.status, 409);
    let bigger = send_json(app, "PUT", &uri, &slot(next_week, 5), &head).await;
    assert_eq!(bigger.json()["capacity"], 5);

    let number = sent.json()["registration_number"].as_str().expect("number").to_owned();
    let id = confirm_last(app, &number).await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    let queue = get_as(app, &moderator, "/api/v1/office/bodies/enbek/cases?channel=reception").await.json();
    assert_eq!(queue.as_array().map(|q| q.iter().map(|c| c["id"].clone()).collect::<Vec<_>>()), Some(vec![json!(id)]));
    let detail = get_as(app, &moderator, &format!("/api/v1/office/cases/{id}")).await.json();
    assert_eq!(detail["channel"], "reception");
    assert_eq!(
        (detail["reception_slot"]["id"].clone(), detail["reception_slot"]["requested"].clone()),
        (json!(slot_id), json!(1))
    );
    answer_and_approve(app, id, "<p>Ждём вас 25 ноября в 10:30, кабинет 204.</p>").await;
    let (to, subject, text): (String, String, String) = with_db!(&app.db, |pool| {
        sqlx::query_as("SELECT to_address, subject, text_body FROM outbox ORDER BY id DESC LIMIT 1")
            .fetch_one(pool)
            .await
    })
    .expect("mail");
    assert_eq!(to, "citizen@mail.kz");
    assert!(subject.starts_with("Ответ на вашу заявку на личный приём"), "{subject}");
    assert!(text.contains("Ждём вас 25 ноября в 10:30, кабинет 204."), "{text}");
    assert_eq!(app.get(&format!("/api/v1/questions/{id}")).await.status, 404, "never published");
    let status: String = with_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT status FROM cases WHERE id = $1").bind(id).fetch_one(pool).await
    })
    .expect("status");
    assert_eq!(status, "closed");
}

async fn open_dialogue_links_must_be_https_and_in_order(app: &TestApp) {
    with_demo_staff(app).await;
    let moderator = login(app, &email(Role::Moderator, "enbek")).await;
    let now = Utc::now().timestamp();
    let link = |url: &str, starts: i64, ends: i64| {
        json!({ "kind": "poll", "title": { "kk": "Сауалнама", "ru": "Опрос", "en": "" }, "url": url,
                "starts_at": starts, "ends_at": ends })
    };
    let uri = "/api/v1/office/bodies/enbek/dialogue";
    assert_eq!(
        fields(&send_json(app, "POST", uri, &link("javascript:alert(1)", now, now), &moderator).await),
        [pair("url", "bad_format")]
    );
    assert_eq!(
        fields(&send_json(app, "POST", uri, &link("https://dialog.egov.kz/polls/1", now, now - 10), &moderator).await),
        [pair("ends_at", "too_early")]
    );
    let closed = send_json(
        app,
        "POST",
        uri,
        &link("https://dialog.egov.kz/polls/1", now - 86_400 * 30, now - 86_400),
        &moderator,
    )
    .await;
    assert_eq!(closed.status, 201, "{}", closed.text());
    let open =
        send_json(app, "POST", uri, &link("https://dialog.egov.kz/polls/2", now - 86_400, now + 86_400), &moderator)
            .await;
    let list = app.get("/api/v1/bodies/enbek/dialogue").await.json();
    assert_eq!(list[0]["id"], open.json()["id"], "open links first");
    assert_eq!(list[1]["id"], closed.json()["id"]);
    let mut changed = link("https://dialog.egov.kz/conferences/3", now, now + 3600);
    changed["kind"] = json!("conference");
    let link_uri = format!("{uri}/{}", closed.json()["id"]);
    assert_eq!(send_json(app, "PUT", &link_uri, &changed, &moderator).await.json()["kind"], "conference");
    assert_eq!(send_json(app, "DELETE", &link_uri, &json!({}), &moderator).await.status, 204);
    assert_eq!(app.get("/api/v1/bodies/enbek/dialogue").await.json().as_array().map(Vec::len), Some(1));
}

async fn a_blog_question_is_answered_on_the_blog_and_counts_in_the_indicators(app: &TestApp) {
    with_demo_staff(app).await;
    let head = login(app, &email(Role::Head, "enbek")).await;
    for n in 0..2 {
        new_post(app, &head, json!({ "texts": texts(&["kk", "ru"], &format!("Жазба {n}")), "state": "published", "publish_at": null, "cover": null }))
            .await;
    }
    assert_eq!(
        fields(&ask(app, "appeal", json!({}), "Это обращение отправлено не через свою форму подачи.").await),
        [pair("channel", "unknown_choice")]
    );
    let sent =
        ask(app, "blog", json!({}), "Уважаемая Асель Нурлановна, когда повысят пособия многодетным семьям?").await;
    assert_eq!(sent.status, 201, "{}", sent.text());
    let id = confirm_last(app, sent.json()["registration_number"].as_str().expect("number")).await;
    let indicators = get_as(app, &head, "/api/v1/office/bodies/enbek/indicators").await.json();
    assert_eq!(indicators["blog_questions"], 1);
    assert_eq!(indicators["blog_answered"], 0);
    assert_eq!(indicators["below_threshold"], true);
    assert_eq!(indicators["posts"][0], json!({ "lang": "kk", "posts": 2, "points_tenths": 3 }));
    assert_eq!(indicators["posts"][2], json!({ "lang": "en", "posts": 0, "points_tenths": 3 }));

    answer_and_approve(app, id, "<p>Пособия пересчитываются с 1 января.</p>").await;
    let blog = app.get("/api/v1/bodies/enbek/questions?channel=blog").await.json();
    assert_eq!(
        blog["items"].as_array().map(|i| i.iter().map(|c| c["id"].clone()).collect::<Vec<_>>()),
        Some(vec![json!(id)])
    );
    assert_eq!(blog["items"][0]["channel"], "blog");
    let questions = app.get("/api/v1/bodies/enbek/questions?channel=question").await.json();
    assert!(questions["items"].as_array().expect("items").iter().all(|c| c["id"] != json!(id)));
    assert_eq!(app.get("/api/v1/bodies/enbek/questions?channel=appeal").await.status, 422);
    let indicators = get_as(app, &head, "/api/v1/office/bodies/enbek/indicators").await.json();
    assert_eq!((indicators["blog_answered"].clone(), indicators["answered_percent"].clone()), (json!(1), json!(100)));
    assert_eq!(indicators["below_threshold"], false);
    let last_year = get_as(
        app,
        &head,
        &format!("/api/v1/office/bodies/enbek/indicators?year={}", indicators["year"].as_i64().unwrap_or(0) - 1),
    )
    .await
    .json();
    assert_eq!(last_year["blog_questions"], 0);
    assert_eq!(get_as(app, &head, "/api/v1/office/bodies/enbek/indicators?year=20x").await.status, 422);
}

async fn the_search_across_all_bodies_finds_published_answers(app: &TestApp) {
    server::demo::questions::load_if_empty(&app.db).await.expect("demo questions");
    let all = app.get("/api/v1/questions?q=пенси&limit=50").await.json();
    let bodies: std::collections::HashSet<String> = all["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["body"]["slug"].as_str().map(str::to_owned))
        .collect();
    assert!(!bodies.is_empty());
    let enbek = app.get("/api/v1/questions?q=пенси&body=enbek&limit=50").await.json();
    let items = enbek["items"].as_array().expect("items");
    assert!(!items.is_empty());
    assert!(items.iter().all(|i| i["body"]["slug"] == "enbek"));
    let blog = app.get("/api/v1/questions?channel=blog&limit=50").await.json();
    assert!(blog["items"].as_array().expect("items").iter().all(|i| i["channel"] == "blog"));
    assert!(!blog["items"].as_array().expect("items").is_empty(), "the demo has blog questions");
    assert_eq!(app.get("/api/v1/questions?body=nobody").await.status, 404);
    assert_eq!(app.get("/api/v1/questions?limit=0").await.status, 422);
}
