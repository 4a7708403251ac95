//! The staff's moves in the case pipeline. Each runs in one transaction: it checks that the case
//! is still where the move starts (so two moderators cannot both act), makes the change, writes
//! the history, and queues the email it causes.

use crate::calendar::Calendar;
use crate::db::Tx;
use crate::mail::templates;
use crate::store::cases::{self, Actor, Change};
use crate::store::{archive, outbox};
use crate::with_tx;
use api::Lang;
use api::cases::{CaseId, CaseStatus};
use chrono::{DateTime, NaiveDate, Utc};

/// Why a move could not be made.
#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    #[error("no such case")]
    NotFound,
    /// Someone moved it first, or the move does not start from where the case is.
    #[error("the case is {0:?}, not where this move starts")]
    WrongStatus(CaseStatus),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// What a move needs to know about a case (private fields included: staff only).
#[derive(Debug, sqlx::FromRow)]
struct CaseFacts {
    pub registration_number: String,
    pub status: String,
    pub lang: String,
    pub author_name: String,
    pub author_email: String,
    pub body_text: String,
    pub answer_html: Option<String>,
    pub body_kk: String,
    pub body_ru: String,
    pub body_en: String,
}

impl CaseFacts {
    pub fn lang(&self) -> Lang {
        cases::stored_lang(&self.lang)
    }

    fn status(&self) -> CaseStatus {
        CaseStatus::parse(&self.status).unwrap_or(CaseStatus::Submitted)
    }

    pub fn body_name(&self) -> &str {
        match self.lang() {
            Lang::Kk => &self.body_kk,
            Lang::Ru => &self.body_ru,
            Lang::En => &self.body_en,
        }
    }

    fn expect(&self, status: CaseStatus) -> Result<(), MoveError> {
        if self.status() == status { Ok(()) } else { Err(MoveError::WrongStatus(self.status())) }
    }
}

/// The facts of a case that must be in `status` for the move to start.
async fn facts_in(tx: &mut Tx, case: CaseId, status: CaseStatus) -> Result<CaseFacts, MoveError> {
    let facts = facts(tx, case).await?;
    facts.expect(status)?;
    Ok(facts)
}

async fn facts(tx: &mut Tx, case: CaseId) -> Result<CaseFacts, MoveError> {
    let row: Option<CaseFacts> = with_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT c.registration_number, c.status, c.lang, c.author_name, c.author_email, c.body_text, \
             c.answer_html, b.name_kk AS body_kk, b.name_ru AS body_ru, \
             b.name_en AS body_en FROM cases c JOIN bodies b ON b.id = c.body_id WHERE c.id = $1",
        )
        .bind(case.0)
        .fetch_optional(conn)
        .await
    })?;
    row.ok_or(MoveError::NotFound)
}

/// Makes the change, or reports that someone else moved the case first.
async fn step(tx: &mut Tx, case: CaseId, change: Change<'_>) -> Result<(), MoveError> {
    let from = change.from.unwrap_or(CaseStatus::Submitted);
    if cases::transition(tx, case, &change).await? { Ok(()) } else { Err(MoveError::WrongStatus(from)) }
}

fn change(from: CaseStatus, to: CaseStatus, at: DateTime<Utc>, actor: Actor, public: bool) -> Change<'static> {
    Change { from: Some(from), to, at, actor, note: "", public }
}

/// Registers a confirmed question: it gets its deadline, counted in working days from the
/// registration day on `calendar`, and goes to a department (and an executor, if chosen).
pub async fn register(
    db: &crate::Db,
    case: CaseId,
    department_id: Option<i64>,
    at: DateTime<Utc>,
    actor: Actor,
    calendar: &Calendar,
    working_days: u32,
) -> Result<NaiveDate, MoveError> {
    let mut tx = db.begin().await?;
    facts_in(&mut tx, case, CaseStatus::Received).await?;
    let local_day = (at + chrono::Duration::hours(5)).date_naive();
    let deadline = calendar.deadline(local_day, working_days);
    with_tx!(&mut tx, |conn| {
        sqlx::query("UPDATE cases SET registered_at = $1, deadline = $2, department_id = $3 WHERE id = $4")
            .bind(at)
            .bind(deadline)
            .bind(department_id)
            .bind(case.0)
            .execute(conn)
            .await
            .map(drop)
    })?;
    step(&mut tx, case, change(CaseStatus::Received, CaseStatus::Assigned, at, actor, false)).await?;
    tx.commit().await?;
    Ok(deadline)
}

/// The executor's answer, waiting for approval. `answer_html` must already be sanitised.
pub async fn answer(
    db: &crate::Db,
    case: CaseId,
    answer_html: &str,
    at: DateTime<Utc>,
    actor: Actor,
) -> Result<(), MoveError> {
    let mut tx = db.begin().await?;
    facts_in(&mut tx, case, CaseStatus::Assigned).await?;
    with_tx!(&mut tx, |conn| {
        sqlx::query("UPDATE cases SET answer_html = $1, answered_at = $2 WHERE id = $3")
            .bind(answer_html)
            .bind(at)
            .bind(case.0)
            .execute(conn)
            .await
            .map(drop)
    })?;
    step(&mut tx, case, change(CaseStatus::Assigned, CaseStatus::Answered, at, actor, true)).await?;
    Ok(tx.commit().await?)
}

/// Approves and publishes the answer. `public_text` is the moderator's redacted copy of the
/// question (the original stays private). The citizen is told by email, in the question's language.
pub async fn publish(
    db: &crate::Db,
    case: CaseId,
    public_text: Option<&str>,
    at: DateTime<Utc>,
    actor: Actor,
    public_url: &str,
) -> Result<(), MoveError> {
    let mut tx = db.begin().await?;
    let facts = facts_in(&mut tx, case, CaseStatus::Answered).await?;
    // The asker rates the answer through a link only they receive.
    let (rating_token, rating_hash) = crate::antispam::new_token();
    with_tx!(&mut tx, |conn| {
        sqlx::query("UPDATE cases SET public_text = $1, published_at = $2, rating_token_hash = $3 WHERE id = $4")
            .bind(public_text)
            .bind(at)
            .bind(&rating_hash)
            .bind(case.0)
            .execute(conn)
            .await
            .map(drop)
    })?;
    step(&mut tx, case, change(CaseStatus::Answered, CaseStatus::Published, at, actor, true)).await?;
    let question = public_text.unwrap_or(&facts.body_text);
    archive::index(
        &mut tx,
        case,
        &format!("{question}\n{}", strip_tags(facts.answer_html.as_deref().unwrap_or_default())),
    )
    .await?;
    let lang = facts.lang();
    let link = format!("{public_url}/{lang}/questions/{}", case.0);
    let rate_link = format!("{public_url}/{lang}/questions/{}/rate#{rating_token}", case.0);
    let email = templates::answer_published(
        &facts.author_email,
        lang,
        &facts.author_name,
        &facts.registration_number,
        facts.body_name(),
        &link,
        &rate_link,
    );
    outbox::enqueue(&mut tx, &email, at).await?;
    Ok(tx.commit().await?)
}

/// Refuses to register a confirmed question, and tells the citizen why. A duplicate points to
/// the published answer.
pub async fn reject(
    db: &crate::Db,
    case: CaseId,
    reason: api::office::RejectReason,
    duplicate_of: Option<CaseId>,
    at: DateTime<Utc>,
    actor: Actor,
    public_url: &str,
) -> Result<(), MoveError> {
    let mut tx = db.begin().await?;
    let facts = facts_in(&mut tx, case, CaseStatus::Received).await?;
    let change = Change {
        from: Some(CaseStatus::Received),
        to: CaseStatus::Rejected,
        at,
        actor,
        note: reason.as_str(),
        public: false,
    };
    step(&mut tx, case, change).await?;
    let lang = facts.lang();
    let link = duplicate_of.map(|d| format!("{public_url}/{lang}/questions/{}", d.0));
    let email = templates::question_rejected(
        &facts.author_email,
        lang,
        &facts.author_name,
        &facts.registration_number,
        facts.body_name(),
        reason,
        link.as_deref(),
    );
    outbox::enqueue(&mut tx, &email, at).await?;
    Ok(tx.commit().await?)
}

/// The body a case belongs to, for the role check before any move.
pub async fn body_of(db: &crate::Db, case: CaseId) -> Result<Option<i64>, sqlx::Error> {
    crate::with_db!(db, |pool| sqlx::query_scalar("SELECT body_id FROM cases WHERE id = $1")
        .bind(case.0)
        .fetch_optional(pool)
        .await)
}

#[derive(sqlx::FromRow)]
struct QueueRow {
    id: i64,
    registration_number: String,
    status: String,
    category_id: Option<i64>,
    category_kk: Option<String>,
    category_ru: Option<String>,
    category_en: Option<String>,
    lang: String,
    submitted_at: DateTime<Utc>,
    deadline: Option<NaiveDate>,
    body_text: String,
}

/// A body's cases in `status`, oldest first (the one waiting longest comes first).
pub async fn queue(
    db: &crate::Db,
    body_id: i64,
    status: CaseStatus,
    limit: i64,
) -> Result<Vec<api::office::OfficeCase>, sqlx::Error> {
    let rows: Vec<QueueRow> = crate::with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT c.id, c.registration_number, c.status, c.category_id, k.name_kk AS category_kk, \
             k.name_ru AS category_ru, k.name_en AS category_en, c.lang, c.submitted_at, c.deadline, c.body_text \
             FROM cases c LEFT JOIN categories k ON k.id = c.category_id \
             WHERE c.body_id = $1 AND c.status = $2 ORDER BY c.submitted_at, c.id LIMIT $3",
        )
        .bind(body_id)
        .bind(status.as_str())
        .bind(limit)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let category = match (r.category_id, r.category_kk, r.category_ru, r.category_en) {
                (Some(id), Some(kk), Some(ru), Some(en)) => {
                    Some(api::archive::CategoryRef { id: api::CategoryId(id), name: api::Localized { kk, ru, en } })
                }
                _ => None,
            };
            Some(api::office::OfficeCase {
                id: CaseId(r.id),
                number: api::domain::RegistrationNumber::parse(&r.registration_number)?,
                status: CaseStatus::parse(&r.status)?,
                category,
                lang: r.lang.parse().ok()?,
                submitted_at: r.submitted_at.timestamp(),
                deadline: r.deadline.map(|d| d.to_string()),
                personal_data: api::domain::personal_data::kinds(&r.body_text),
                text: r.body_text,
            })
        })
        .collect())
}

/// Text of sanitised HTML, for the search index.
fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_stripped_for_the_index() {
        assert_eq!(
            strip_tags("<p>Зейнетақы &amp; жәрдемақы</p><p>Екі</p>").split_whitespace().collect::<Vec<_>>(),
            ["Зейнетақы", "&", "жәрдемақы", "Екі"]
        );
    }
}
