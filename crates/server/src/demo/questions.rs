//! Demo questions with published answers (demo/questions.json), each taken through the real
//! lifecycle on the working-day calendar: submitted, received, assigned, answered, published.

use crate::db::{Db, Tx};
use crate::store::cases::{self, Actor, Change};
use crate::store::{archive, calendar};
use crate::{with_db, with_tx};
use api::cases::{CaseId, CaseStatus};
use api::domain::registration_number::ApplicantKind;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use std::collections::HashMap;

const QUESTIONS: &str = include_str!("../../demo/questions.json");

#[derive(Debug, Clone, serde::Deserialize)]
pub struct DemoQuestion {
    pub body: String,
    pub category: String,
    pub lang: api::Lang,
    /// Initials as published, or empty for anonymous.
    pub author: String,
    pub question: String,
    pub answer: String,
    pub asked: NaiveDate,
    pub answered_working_days: u32,
    pub satisfied: i64,
    pub unsatisfied: i64,
    /// A question to the head, on the blog (demo/content), rather than to the body.
    #[serde(default)]
    pub blog: bool,
}

pub fn questions() -> Vec<DemoQuestion> {
    // Part of the binary and parsed by a unit test, so this cannot fail at run time.
    serde_json::from_str(QUESTIONS).expect("demo/questions.json is valid")
}

/// Plain paragraphs as the safe HTML the answer editor produces.
pub fn paragraphs_html(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let escaped = p.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
            format!("<p>{}</p>", escaped.replace('\n', "<br>"))
        })
        .collect()
}

/// At `hour` o'clock Astana time (UTC+5) on `day`.
fn at(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default();
    day.and_time(time).and_utc() - Duration::hours(5)
}

/// Loads the demo questions into a database that has no published question yet.
pub async fn load_if_empty(db: &Db) -> Result<bool, sqlx::Error> {
    let published: i64 = with_db!(db, |pool| {
        sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE status = 'published'").fetch_one(pool).await
    })?;
    if published > 0 {
        return Ok(false);
    }
    let calendar = calendar::load(db).await?;
    let categories: Vec<(String, String, i64, i64)> = with_db!(db, |pool| {
        sqlx::query_as("SELECT b.slug, k.code, b.id, k.id FROM categories k JOIN bodies b ON b.id = k.body_id")
            .fetch_all(pool)
            .await
    })?;
    let ids: HashMap<(String, String), (i64, i64)> =
        categories.into_iter().map(|(slug, code, body, category)| ((slug, code), (body, category))).collect();

    let mut all = questions();
    all.extend(crate::demo::content::blog_questions(crate::store::workflow::kazakhstan_date(Utc::now())));
    all.sort_by_key(|q| q.asked);
    let mut tx = db.begin().await?;
    for (n, q) in all.iter().enumerate() {
        let Some(&(body_id, category_id)) = ids.get(&(q.body.clone(), q.category.clone())) else { continue };
        let asked = at(q.asked, 10);
        let registered_day = calendar.next_working_day(q.asked);
        let answered = at(calendar.deadline(q.asked, q.answered_working_days), 15);
        let lifecycle = Lifecycle {
            received: asked + Duration::minutes(20),
            assigned: at(registered_day, 12).max(asked + Duration::hours(1)),
            deadline: calendar.deadline(q.asked, 15),
            answered,
            published: answered + Duration::hours(2),
        };
        insert(&mut tx, n, q, body_id, category_id, asked, &lifecycle).await?;
    }
    tx.commit().await?;
    Ok(true)
}

struct Lifecycle {
    received: DateTime<Utc>,
    assigned: DateTime<Utc>,
    deadline: NaiveDate,
    answered: DateTime<Utc>,
    published: DateTime<Utc>,
}

async fn insert(
    tx: &mut Tx,
    n: usize,
    q: &DemoQuestion,
    body_id: i64,
    category_id: i64,
    asked: DateTime<Utc>,
    life: &Lifecycle,
) -> Result<(), sqlx::Error> {
    let number = cases::next_registration_number(tx, ApplicantKind::Individual, asked.year()).await?;
    let publish_as = if q.author.is_empty() { "anonymous" } else { "initials" };
    let id: i64 = with_tx!(tx, |conn| {
        sqlx::query_scalar(
            "INSERT INTO cases (registration_number, channel, body_id, category_id, lang, status, author_name, \
             author_email, body_text, publish_as, public_author, answer_html, submitted_at, confirmed_at, \
             registered_at, deadline, answered_at, published_at, votes_up, votes_down) \
             VALUES ($1, $19, $2, $3, $4, 'published', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) \
             RETURNING id",
        )
        .bind(number.as_str())
        .bind(body_id)
        .bind(category_id)
        .bind(q.lang.code())
        .bind(if q.author.is_empty() { "Demo" } else { q.author.as_str() })
        .bind(format!("demo-{n}@example.invalid"))
        .bind(&q.question)
        .bind(publish_as)
        .bind(&q.author)
        .bind(paragraphs_html(&q.answer))
        .bind(asked)
        .bind(life.received)
        .bind(life.assigned)
        .bind(life.deadline)
        .bind(life.answered)
        .bind(life.published)
        .bind(q.satisfied)
        .bind(q.unsatisfied)
        .bind(if q.blog { "blog" } else { "question" })
        .fetch_one(conn)
        .await
    })?;
    let case = CaseId(id);
    let steps = [
        (None, CaseStatus::Submitted, asked, false),
        (Some(CaseStatus::Submitted), CaseStatus::Received, life.received, true),
        (Some(CaseStatus::Received), CaseStatus::Assigned, life.assigned, false),
        (Some(CaseStatus::Assigned), CaseStatus::Answered, life.answered, true),
        (Some(CaseStatus::Answered), CaseStatus::Published, life.published, true),
    ];
    for (from, to, when, public) in steps {
        let actor = if from.is_none() { Actor::Citizen } else { Actor::System };
        cases::record(tx, case, &Change { from, to, at: when, actor, note: "", public }).await?;
    }
    archive::index(tx, case, &format!("{}\n{}", q.question, q.answer)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_question_names_a_real_body_and_category_and_has_an_answer() {
        let bodies = super::super::bodies();
        let known: std::collections::HashSet<(String, String)> = bodies
            .iter()
            .flat_map(|b| b.categories.iter().map(move |c| (b.slug.to_string(), c.code.clone())))
            .collect();
        let questions = questions();
        for body in &bodies {
            let count = questions.iter().filter(|q| q.body == body.slug.as_str()).count();
            assert!(count >= 30, "{} has {count} demo questions", body.slug);
        }
        for q in &questions {
            assert!(known.contains(&(q.body.clone(), q.category.clone())), "{} / {}", q.body, q.category);
            assert!(!q.answer.trim().is_empty() && q.question.chars().count() >= 20);
            assert!(api::domain::personal_data::find(&q.question).is_empty(), "personal data in: {}", q.question);
        }
    }

    #[test]
    fn answers_become_escaped_paragraphs() {
        assert_eq!(paragraphs_html("Бірінші.\n\n<b>Екінші</b>"), "<p>Бірінші.</p><p>&lt;b&gt;Екінші&lt;/b&gt;</p>");
    }
}
