use crate::on_both_databases;
use crate::support::TestApp;
use api::cases::{CaseId, Challenge};
use chrono::{TimeZone, Utc};
use serde_json::{Value, json};
use server::store::cases::Actor;
use server::store::{calendar, workflow};
use server::with_db;

on_both_databases!(
    a_published_question_is_in_its_bodys_archive_without_private_data,
    an_unpublished_question_is_neither_listed_nor_shown,
    search_ignores_case_and_yo_and_matches_word_beginnings,
    pages_follow_each_other_without_repeats,
    the_category_filter_keeps_only_that_category,
    bad_parameters_and_unknown_bodies_are_refused,
    publishing_emails_the_citizen_in_the_questions_language,
    registration_sets_the_deadline_on_the_calendar_and_happens_once,
    a_redacted_copy_is_what_the_public_sees_and_finds,
    each_browser_has_one_vote_which_it_can_change,
    the_asker_rates_the_answer_once_through_the_emailed_link,
);

async fn category(app: &TestApp, slug: &str, code: &str) -> i64 {
    let body = app.get(&format!("/api/v1/bodies/{slug}")).await.json();
    body["categories"].as_array().expect("categories").iter().find(|c| c["code"] == code).expect("category")["id"]
        .as_i64()
        .expect("id")
}

/// Sends and confirms a question through the API; returns its id.
async fn confirmed(app: &TestApp, slug: &str, code: &str, lang: &str, text: &str) -> CaseId {
    let challenge: Challenge =
        serde_json::from_slice(&app.get("/api/v1/questions/challenge").await.body).expect("challenge");
    let form = json!({
        "body": slug, "category_id": category(app, slug, code).await, "lang": lang,
        "name": "Айгүл Серікқызы", "email": "private.person@mail.kz", "text": text, "consent": true,
        "publish_as": "initials", "proof_of_work": challenge.solve(),
    });
    let res = app.post_json("/api/v1/questions", &form, &[]).await;
    assert_eq!(res.status, 201, "{}", res.text());
    let number = res.json()["registration_number"].as_str().expect("number").to_owned();
    let (id, mail): (i64, String) = with_db!(&app.db, |pool| {
        sqlx::query_as(
            "SELECT c.id, (SELECT text_body FROM outbox ORDER BY id DESC LIMIT 1) FROM cases c WHERE registration_number = $1",
        )
        .bind(&number)
        .fetch_one(pool)
        .await
    })
    .expect("case");
    let token = mail.split("/questions/confirm#").nth(1).and_then(|t| t.split_whitespace().next()).expect("token");
    assert_eq!(app.post_json("/api/v1/questions/confirm", &json!({ "token": token }), &[]).await.status, 200);
    CaseId(id)
}

/// Takes a confirmed question through registration, answer and publication.
async fn publish(app: &TestApp, case: CaseId, public_text: Option<&str>) {
    let cal = calendar::load(&app.db).await.expect("calendar");
    let now = Utc::now();
    workflow::register(&app.db, case, &Default::default(), now, Actor::Staff(1), &cal).await.expect("register");
    workflow::answer(&app.db, case, "<p>Жауап: құжаттарды ХҚКО-ға тапсырыңыз.</p>", None, now, Actor::Staff(2))
        .await
        .expect("answer");
    workflow::publish(&app.db, case, public_text, now, Actor::Staff(1), "https://reception.example")
        .await
        .expect("publish");
}

async fn asked_and_published(app: &TestApp, code: &str, lang: &str, text: &str) -> CaseId {
    let id = confirmed(app, "enbek", code, lang, text).await;
    publish(app, id, None).await;
    id
}

fn ids(page: &Value) -> Vec<i64> {
    page["items"].as_array().expect("items").iter().map(|i| i["id"].as_i64().expect("id")).collect()
}

async fn a_published_question_is_in_its_bodys_archive_without_private_data(app: &TestApp) {
    let first = asked_and_published(app, "pensions", "kk", "Зейнетақыны мерзімінен бұрын алуға бола ма?").await;
    let second = asked_and_published(app, "employment", "ru", "Как встать на учёт в центр занятости населения?").await;
    let res = app.get("/api/v1/bodies/enbek/questions").await;
    assert_eq!(res.status, 200);
    let page = res.json();
    assert_eq!(ids(&page), [second.0, first.0], "newest first");
    assert_eq!(page["items"][1]["author"], "А. С.");
    assert_eq!(page["items"][1]["lang"], "kk");
    let question = app.get(&format!("/api/v1/questions/{}", first.0)).await;
    assert_eq!(question.status, 200);
    let json = question.json();
    let statuses: Vec<&str> = json["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .map(|t| t["status"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(statuses, ["received", "answered", "published"]);
    for text in [res.text(), question.text()] {
        for private in ["private.person", "Айгүл Серікқызы", "author_email"] {
            assert!(!text.contains(private), "{private} is public");
        }
    }
}

async fn an_unpublished_question_is_neither_listed_nor_shown(app: &TestApp) {
    let id = confirmed(app, "enbek", "pensions", "ru", "Вопрос, который ещё не получил ответа от органа.").await;
    assert!(ids(&app.get("/api/v1/bodies/enbek/questions").await.json()).is_empty());
    assert_eq!(app.get(&format!("/api/v1/questions/{}", id.0)).await.status, 404);
    assert_eq!(app.get("/api/v1/questions/999999").await.status, 404);
    assert_eq!(app.get("/api/v1/questions/abc").await.status, 404);
}

async fn search_ignores_case_and_yo_and_matches_word_beginnings(app: &TestApp) {
    let kk = asked_and_published(app, "pensions", "kk", "Зейнетақы жасына толмай зейнетке шығуға бола ма?").await;
    let ru = asked_and_published(app, "employment", "ru", "Где найти ёлочные базары и сезонную работу?").await;
    let find = |q: &'static str| async move {
        ids(&app.get(&format!("/api/v1/bodies/enbek/questions?q={}", urlencode(q))).await.json())
    };
    assert_eq!(find("ЗЕЙНЕТ").await, [kk.0]);
    assert_eq!(find("зейнетақы жас").await, [kk.0]);
    assert_eq!(find("елочн").await, [ru.0], "е finds ё");
    assert_eq!(find("Сезонн работ").await, [ru.0]);
    assert_eq!(find("ХҚКО").await, [ru.0, kk.0], "the answer is searched too");
    assert!(find("несуществующее").await.is_empty());
    assert!(find("\" OR 1=1 --").await.is_empty());
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

async fn pages_follow_each_other_without_repeats(app: &TestApp) {
    let mut published = Vec::new();
    for n in 0..5 {
        published.push(
            asked_and_published(app, "pensions", "ru", &format!("Вопрос номер {n} о пенсионных выплатах и стаже."))
                .await
                .0,
        );
    }
    published.reverse();
    let mut seen = Vec::new();
    let mut uri = "/api/v1/bodies/enbek/questions?limit=2".to_owned();
    loop {
        let page = app.get(&uri).await.json();
        seen.extend(ids(&page));
        match page["next"].as_str() {
            Some(next) => uri = format!("/api/v1/bodies/enbek/questions?limit=2&after={next}"),
            None => break,
        }
    }
    assert_eq!(seen, published);
}

async fn the_category_filter_keeps_only_that_category(app: &TestApp) {
    let pension = asked_and_published(app, "pensions", "ru", "Как рассчитывается пенсия при неполном стаже?").await;
    asked_and_published(app, "employment", "ru", "Как получить направление на профессиональное обучение?").await;
    let pensions = category(app, "enbek", "pensions").await;
    assert_eq!(ids(&app.get(&format!("/api/v1/bodies/enbek/questions?category={pensions}")).await.json()), [pension.0]);
}

async fn bad_parameters_and_unknown_bodies_are_refused(app: &TestApp) {
    for uri in [
        "/api/v1/bodies/enbek/questions?limit=0",
        "/api/v1/bodies/enbek/questions?limit=x",
        "/api/v1/bodies/enbek/questions?after=zzz",
        "/api/v1/bodies/enbek/questions?category=pensions",
    ] {
        let res = app.get(uri).await;
        assert_eq!(res.status, 422, "{uri}");
        assert_eq!(res.json()["code"], "invalid_input");
    }
    let res = app.get("/api/v1/bodies/nope/questions").await;
    assert_eq!(res.status, 404);
    assert_eq!(res.json()["code"], "body_not_found");
}

async fn publishing_emails_the_citizen_in_the_questions_language(app: &TestApp) {
    let id = asked_and_published(app, "pensions", "kk", "Зейнетақыны мерзімінен бұрын алуға бола ма?").await;
    let (to, subject, text): (String, String, String) = with_db!(&app.db, |pool| {
        sqlx::query_as("SELECT to_address, subject, text_body FROM outbox ORDER BY id DESC LIMIT 1")
            .fetch_one(pool)
            .await
    })
    .expect("mail");
    assert_eq!(to, "private.person@mail.kz");
    assert!(subject.starts_with("Сұрағыңызға жауап жарияланды: ЖТ-"), "{subject}");
    assert!(text.contains(&format!("https://reception.example/kk/questions/{}", id.0)));
}

async fn registration_sets_the_deadline_on_the_calendar_and_happens_once(app: &TestApp) {
    let id = confirmed(app, "enbek", "pensions", "ru", "Когда будет рассмотрен мой вопрос о пенсии?").await;
    let cal = calendar::load(&app.db).await.expect("calendar");
    // Friday 20 March 2026, before the Nauryz rest days (21-25 March).
    let at = Utc.with_ymd_and_hms(2026, 3, 20, 6, 0, 0).single().expect("date");
    let deadline =
        workflow::register(&app.db, id, &Default::default(), at, Actor::Staff(1), &cal).await.expect("register");
    assert_eq!(deadline.to_string(), "2026-04-15");
    let again = workflow::register(&app.db, id, &Default::default(), at, Actor::Staff(2), &cal).await;
    assert!(matches!(again, Err(workflow::MoveError::WrongStatus(api::cases::CaseStatus::Assigned))), "{again:?}");
}

async fn a_redacted_copy_is_what_the_public_sees_and_finds(app: &TestApp) {
    let id = confirmed(app, "enbek", "pensions", "ru", "Мой ИИН 061211600012, почему мне не начислили пенсию?").await;
    publish(app, id, Some("Мой ИИН [скрыто], почему мне не начислили пенсию?")).await;
    let page = app.get(&format!("/api/v1/questions/{}", id.0)).await;
    assert!(page.text().contains("[скрыто]") && !page.text().contains("061211600012"));
    assert!(ids(&app.get("/api/v1/bodies/enbek/questions?q=061211600012").await.json()).is_empty());
    assert_eq!(ids(&app.get("/api/v1/bodies/enbek/questions?q=начислил").await.json()), [id.0]);
}

async fn each_browser_has_one_vote_which_it_can_change(app: &TestApp) {
    let id = asked_and_published(app, "pensions", "ru", "Как подтвердить трудовой стаж за девяностые годы?").await;
    let vote = |voter: &'static str, satisfied: bool| async move {
        app.post_json(
            &format!("/api/v1/questions/{}/votes", id.0),
            &json!({ "voter": voter, "satisfied": satisfied }),
            &[],
        )
        .await
    };
    assert_eq!(vote("browser-aaaaaaaaaaaa", true).await.json(), json!({ "satisfied": 1, "unsatisfied": 0 }));
    assert_eq!(vote("browser-aaaaaaaaaaaa", false).await.json(), json!({ "satisfied": 0, "unsatisfied": 1 }));
    assert_eq!(vote("browser-bbbbbbbbbbbb", true).await.json(), json!({ "satisfied": 1, "unsatisfied": 1 }));
    let page = app.get(&format!("/api/v1/questions/{}", id.0)).await.json();
    assert_eq!(page["votes"], json!({ "satisfied": 1, "unsatisfied": 1 }));
    assert_eq!(vote("short", true).await.status, 422);
    let unpublished = confirmed(app, "enbek", "pensions", "ru", "Вопрос без опубликованного ответа о пенсии.").await;
    let res = app
        .post_json(
            &format!("/api/v1/questions/{}/votes", unpublished.0),
            &json!({ "voter": "browser-cccccccccccc", "satisfied": true }),
            &[],
        )
        .await;
    assert_eq!(res.status, 404);
}

async fn the_asker_rates_the_answer_once_through_the_emailed_link(app: &TestApp) {
    let id =
        asked_and_published(app, "employment", "kk", "Жұмыссыздық бойынша жәрдемақыны қалай ресімдеуге болады?").await;
    let text: String = with_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT text_body FROM outbox ORDER BY id DESC LIMIT 1").fetch_one(pool).await
    })
    .expect("mail");
    let marker = format!("/kk/questions/{}/rate#", id.0);
    let token = text.split(&marker).nth(1).and_then(|t| t.split_whitespace().next()).expect("a rating link").to_owned();
    let uri = format!("/api/v1/questions/{}/rating", id.0);
    assert_eq!(app.post_json(&uri, &json!({ "token": token, "score": 6 }), &[]).await.status, 422);
    assert_eq!(app.post_json(&uri, &json!({ "token": "guessed", "score": 5 }), &[]).await.status, 410);
    assert_eq!(
        app.post_json(&uri, &json!({ "token": token, "score": 5, "comment": "Рақмет!" }), &[]).await.status,
        204
    );
    assert_eq!(app.post_json(&uri, &json!({ "token": token, "score": 1 }), &[]).await.status, 410, "a link works once");
    let (rating, comment): (Option<i32>, Option<String>) = with_db!(&app.db, |pool| {
        sqlx::query_as("SELECT rating, rating_comment FROM cases WHERE id = $1").bind(id.0).fetch_one(pool).await
    })
    .expect("rating");
    assert_eq!((rating, comment.as_deref()), (Some(5), Some("Рақмет!")));
    assert!(
        !app.get(&format!("/api/v1/questions/{}", id.0)).await.text().contains("Рақмет"),
        "the comment is not public"
    );
}
