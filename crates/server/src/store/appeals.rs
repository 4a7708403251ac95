//! Electronic appeals: storing a filed appeal with its files, the applicant's access by number
//! and code (or by the confirmed address of "my appeals"), what the applicant and staff read,
//! and the rating. Everything here is private; nothing reaches the public archive.

use crate::db::{Db, Tx};
use crate::store::cases::{self, Actor, Change};
use crate::{with_db, with_tx};
use api::appeals::{AppealFile, AppealType, Extension, FileId, FileKind, Filer, Outcome, ValidAppeal, ValidFiler};
use api::archive::{BodyRef, TimelineEntry};
use api::cases::{CaseId, CaseStatus, Channel};
use api::domain::RegistrationNumber;
use api::office::{AppealFacts, StaffRef, UserId};
use api::tracking::{AppealTracking, CabinetCase};
use api::{BodySlug, Localized};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// A file that passed the checks, ready to store.
#[derive(Debug, Clone)]
pub struct Upload {
    pub name: String,
    pub kind: FileKind,
    pub bytes: Vec<u8>,
}

/// A filed appeal: registered at once, with its number's day and deadline already counted.
pub struct NewAppeal<'a> {
    pub appeal: &'a ValidAppeal,
    pub body_id: i64,
    pub earlier_case_id: Option<i64>,
    pub tracking_code_hash: &'a str,
    pub registration_day: NaiveDate,
    pub deadline: NaiveDate,
    pub idempotency_key: Option<&'a str>,
}

/// The applicant's name as staff and emails use it: the person, or the representative.
pub fn applicant_name(filer: &ValidFiler) -> String {
    let name = match filer {
        ValidFiler::Individual { name, .. } | ValidFiler::LegalEntity { representative: name, .. } => name,
    };
    let mut parts = vec![name.surname.as_str(), name.given_name.as_str()];
    if let Some(patronymic) = &name.patronymic {
        parts.push(patronymic.as_str());
    }
    parts.join(" ")
}

/// Stores the appeal, its first history entry and its files; returns its id and number.
pub async fn create(
    tx: &mut Tx,
    new: &NewAppeal<'_>,
    files: &[Upload],
    now: DateTime<Utc>,
) -> Result<(CaseId, RegistrationNumber), sqlx::Error> {
    let a = new.appeal;
    let filer = match a.filer {
        ValidFiler::Individual { .. } => Filer::Individual,
        ValidFiler::LegalEntity { .. } => Filer::LegalEntity,
    };
    let number = cases::next_registration_number(tx, filer.number_kind(), now.year()).await?;
    let id: i64 = with_tx!(&mut *tx, |conn| {
        sqlx::query_scalar(
            "INSERT INTO cases (registration_number, channel, body_id, category_id, lang, status, author_name, \
             author_email, body_text, publish_as, public_author, submitted_at, confirmed_at, registered_at, deadline, \
             idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'anonymous', '', $10, $10, $10, $11, $12) \
             RETURNING id",
        )
        .bind(number.as_str())
        .bind(Channel::Appeal.as_str())
        .bind(new.body_id)
        .bind(a.category_id.0)
        .bind(a.lang.code())
        .bind(CaseStatus::Received.as_str())
        .bind(applicant_name(&a.filer))
        .bind(a.email.as_str())
        .bind(a.text.as_str())
        .bind(now)
        .bind(new.deadline)
        .bind(new.idempotency_key)
        .fetch_one(conn)
        .await
    })?;
    let (iin, bin, organisation) = match &a.filer {
        ValidFiler::Individual { iin, .. } => (iin.as_str(), None, None),
        ValidFiler::LegalEntity { bin, organisation, representative_iin, .. } => {
            (representative_iin.as_str(), Some(bin.as_str()), Some(organisation.as_str()))
        }
    };
    with_tx!(&mut *tx, |conn| {
        sqlx::query(
            "INSERT INTO appeals (case_id, appeal_type, filer, iin, bin, organisation, phone, address, \
             earlier_case_id, tracking_code_hash, registration_day) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(id)
        .bind(a.appeal_type.as_str())
        .bind(if filer == Filer::Individual { "individual" } else { "legal_entity" })
        .bind(iin)
        .bind(bin)
        .bind(organisation)
        .bind(a.phone.as_str())
        .bind(a.address.as_deref())
        .bind(new.earlier_case_id)
        .bind(new.tracking_code_hash)
        .bind(new.registration_day)
        .execute(conn)
        .await
        .map(drop)
    })?;
    let case = CaseId(id);
    let change =
        Change { from: None, to: CaseStatus::Received, at: now, actor: Actor::Citizen, note: "", public: true };
    cases::record(tx, case, &change).await?;
    for file in files {
        add_file(tx, case, file, false, now).await?;
    }
    Ok((case, number))
}

/// The receipt of the appeal filed with this idempotency key, without its tracking code (only
/// its hash is kept; the code is in the registration email).
pub async fn receipt_by_key(db: &Db, key: &str) -> Result<Option<api::appeals::AppealReceipt>, sqlx::Error> {
    type Row = (String, Option<DateTime<Utc>>, NaiveDate, Option<NaiveDate>);
    let row: Option<Row> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT c.registration_number, c.registered_at, a.registration_day, c.deadline FROM cases c \
             JOIN appeals a ON a.case_id = c.id WHERE c.idempotency_key = $1",
        )
        .bind(key)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.and_then(|(number, registered_at, day, deadline)| {
        Some(api::appeals::AppealReceipt {
            registration_number: RegistrationNumber::parse(&number)?,
            registered_at: registered_at?.timestamp(),
            registration_day: day.to_string(),
            deadline: deadline?.to_string(),
            tracking_code: String::new(),
        })
    }))
}

/// Stores one file of the applicant's or of the body's decision.
pub async fn add_file(
    tx: &mut Tx,
    case: CaseId,
    file: &Upload,
    from_body: bool,
    now: DateTime<Utc>,
) -> Result<FileId, sqlx::Error> {
    let size = i64::try_from(file.bytes.len()).unwrap_or(i64::MAX);
    let id: i64 = with_tx!(tx, |conn| {
        sqlx::query_scalar(
            "INSERT INTO attachments (case_id, from_body, file_name, kind, size, content, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(case.0)
        .bind(from_body)
        .bind(&file.name)
        .bind(file.kind.as_str())
        .bind(size)
        .bind(&file.bytes)
        .bind(now)
        .fetch_one(conn)
        .await
    })?;
    Ok(FileId(id))
}

/// How many files the body attached to the case's decision.
pub async fn body_file_count(tx: &mut Tx, case: CaseId) -> Result<i64, sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query_scalar("SELECT COUNT(*) FROM attachments WHERE case_id = $1 AND from_body")
            .bind(case.0)
            .fetch_one(conn)
            .await
    })
}

#[derive(sqlx::FromRow)]
struct FileRow {
    id: i64,
    file_name: String,
    kind: String,
    size: i64,
    from_body: bool,
}

async fn files(db: &Db, case: CaseId) -> Result<Vec<AppealFile>, sqlx::Error> {
    let rows: Vec<FileRow> = with_db!(db, |pool| {
        sqlx::query_as("SELECT id, file_name, kind, size, from_body FROM attachments WHERE case_id = $1 ORDER BY id")
            .bind(case.0)
            .fetch_all(pool)
            .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(AppealFile {
                id: FileId(r.id),
                name: r.file_name,
                kind: FileKind::parse(&r.kind)?,
                size: r.size,
                from_body: r.from_body,
            })
        })
        .collect())
}

/// A stored file's name and content, with the case and body it belongs to.
pub struct StoredFile {
    pub case_id: CaseId,
    pub body_id: i64,
    pub name: String,
    pub bytes: Vec<u8>,
}

pub async fn file(db: &Db, id: FileId) -> Result<Option<StoredFile>, sqlx::Error> {
    let row: Option<(i64, i64, String, Vec<u8>)> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT f.case_id, c.body_id, f.file_name, f.content FROM attachments f JOIN cases c ON c.id = f.case_id \
             WHERE f.id = $1",
        )
        .bind(id.0)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.map(|(case_id, body_id, name, bytes)| StoredFile { case_id: CaseId(case_id), body_id, name, bytes }))
}

/// The appeal `number` of the applicant with the email `email`, for linking a repeated appeal
/// or a complaint to it; `None` when there is no such appeal of theirs.
pub async fn earlier_of(tx: &mut Tx, number: &str, email: &str) -> Result<Option<i64>, sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query_scalar(
            "SELECT id FROM cases WHERE registration_number = $1 AND channel = 'appeal' \
             AND lower(author_email) = lower($2)",
        )
        .bind(number)
        .bind(email)
        .fetch_optional(conn)
        .await
    })
}

/// How the applicant proves the appeal is theirs.
pub enum Access<'a> {
    /// The hash of the tracking code from the registration email.
    CodeHash(&'a str),
    /// The address of an open "my appeals" session.
    Email(&'a str),
}

/// The appeal with this number, if `access` opens it.
pub async fn find(db: &Db, number: &str, access: &Access<'_>) -> Result<Option<CaseId>, sqlx::Error> {
    let row: Option<(i64, String, String)> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT c.id, a.tracking_code_hash, c.author_email FROM cases c JOIN appeals a ON a.case_id = c.id \
             WHERE c.registration_number = $1",
        )
        .bind(number)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.and_then(|(id, code_hash, email)| {
        let opens = match access {
            Access::CodeHash(hash) => code_hash == *hash,
            Access::Email(address) => email.to_lowercase() == address.to_lowercase(),
        };
        opens.then_some(CaseId(id))
    }))
}

#[derive(sqlx::FromRow)]
struct AppealRow {
    registration_number: String,
    status: String,
    lang: String,
    body_text: String,
    answer_html: Option<String>,
    registered_at: Option<DateTime<Utc>>,
    deadline: Option<NaiveDate>,
    rating: Option<i32>,
    rating_comment: Option<String>,
    body_slug: String,
    body_kk: String,
    body_ru: String,
    body_en: String,
    appeal_type: String,
    filer: String,
    iin: String,
    bin: Option<String>,
    organisation: Option<String>,
    phone: String,
    address: Option<String>,
    earlier_case_id: Option<i64>,
    registration_day: NaiveDate,
    extension_reason: Option<String>,
    extension_decided_on: Option<NaiveDate>,
    extension_noticed_at: Option<DateTime<Utc>>,
    outcome: Option<String>,
    outcome_reason: Option<String>,
}

async fn row(db: &Db, case: CaseId) -> Result<Option<AppealRow>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT c.registration_number, c.status, c.lang, c.body_text, c.answer_html, c.registered_at, c.deadline, \
             c.rating, c.rating_comment, b.slug AS body_slug, b.name_kk AS body_kk, \
             b.name_ru AS body_ru, b.name_en AS body_en, a.appeal_type, a.filer, a.iin, a.bin, a.organisation, \
             a.phone, a.address, a.earlier_case_id, a.registration_day, a.extension_reason, a.extension_decided_on, \
             a.extension_noticed_at, a.outcome, a.outcome_reason \
             FROM cases c JOIN appeals a ON a.case_id = c.id JOIN bodies b ON b.id = c.body_id WHERE c.id = $1",
        )
        .bind(case.0)
        .fetch_optional(pool)
        .await
    })
}

fn extension(row: &AppealRow, calendar: &crate::calendar::Calendar) -> Option<Extension> {
    let (reason, decided_on, noticed_at) =
        (row.extension_reason.clone()?, row.extension_decided_on?, row.extension_noticed_at?);
    Some(Extension {
        reason,
        decided_on: decided_on.to_string(),
        noticed_at: noticed_at.timestamp(),
        notice_late: crate::deadlines::notice_late(
            decided_on,
            crate::store::workflow::kazakhstan_date(noticed_at),
            calendar,
        ),
    })
}

fn decode_error(case: CaseId) -> sqlx::Error {
    sqlx::Error::Decode(format!("appeal {} has an invalid stored value", case.0).into())
}

/// The appeal as its applicant follows it.
pub async fn tracking(
    db: &Db,
    case: CaseId,
    calendar: &crate::calendar::Calendar,
) -> Result<Option<AppealTracking>, sqlx::Error> {
    let Some(row) = row(db, case).await? else { return Ok(None) };
    let bad = || decode_error(case);
    let timeline: Vec<(String, DateTime<Utc>)> = with_db!(db, |pool| {
        sqlx::query_as("SELECT to_status, at FROM case_history WHERE case_id = $1 AND public ORDER BY id")
            .bind(case.0)
            .fetch_all(pool)
            .await
    })?;
    let status = CaseStatus::parse(&row.status).ok_or_else(bad)?;
    let decided = matches!(status, CaseStatus::Closed | CaseStatus::LeftWithoutConsideration);
    Ok(Some(AppealTracking {
        number: RegistrationNumber::parse(&row.registration_number).ok_or_else(bad)?,
        appeal_type: AppealType::parse(&row.appeal_type).ok_or_else(bad)?,
        status,
        body: BodyRef {
            slug: BodySlug::parse(&row.body_slug).map_err(|_| bad())?,
            name: Localized { kk: row.body_kk.clone(), ru: row.body_ru.clone(), en: row.body_en.clone() },
        },
        lang: cases::stored_lang(&row.lang),
        registered_at: row.registered_at.map(|t| t.timestamp()).unwrap_or_default(),
        registration_day: row.registration_day.to_string(),
        deadline: row.deadline.map(|d| d.to_string()).unwrap_or_default(),
        extension: extension(&row, calendar),
        timeline: timeline
            .into_iter()
            .filter_map(|(s, at)| Some(TimelineEntry { status: CaseStatus::parse(&s)?, at: at.timestamp() }))
            .collect(),
        text: row.body_text.clone(),
        outcome: row.outcome.as_deref().and_then(Outcome::parse).filter(|_| decided),
        outcome_reason: row.outcome_reason.clone().filter(|_| decided),
        // A draft waiting for approval is not the body's answer yet.
        answer_html: row.answer_html.clone().filter(|_| status == CaseStatus::Closed),
        files: files(db, case).await?.into_iter().filter(|f| !f.from_body || decided).collect(),
        rating: row.rating.and_then(|r| u8::try_from(r).ok()),
        may_rate: decided && row.rating.is_none(),
    }))
}

/// Stores the applicant's rating of a decided appeal, once.
pub async fn rate(db: &Db, case: CaseId, score: u8, comment: &str, now: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let changed = with_db!(db, |pool| {
        sqlx::query(
            "UPDATE cases SET rating = $1, rating_comment = $2, rated_at = $3 \
             WHERE id = $4 AND status IN ('closed', 'left_without_consideration') AND rating IS NULL",
        )
        .bind(i32::from(score))
        .bind(Some(comment).filter(|c| !c.is_empty()))
        .bind(now)
        .bind(case.0)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(changed == 1)
}

/// All but the last four digits hidden: staff see who it is without copying the whole number.
fn masked(iin: &str) -> String {
    let keep = iin.len().saturating_sub(4);
    format!("{}{}", "•".repeat(keep), &iin[keep..])
}

/// The appeal's facts for staff, or `None` for a case of another channel.
pub async fn facts(
    db: &Db,
    case: CaseId,
    calendar: &crate::calendar::Calendar,
) -> Result<Option<AppealFacts>, sqlx::Error> {
    let Some(row) = row(db, case).await? else { return Ok(None) };
    let bad = || decode_error(case);
    let earlier: Option<(String, Option<i64>, Option<String>)> = match row.earlier_case_id {
        Some(earlier) => with_db!(db, |pool| {
            sqlx::query_as(
                "SELECT c.registration_number, c.executor_id, u.name FROM cases c LEFT JOIN users u ON u.id = c.executor_id \
                 WHERE c.id = $1",
            )
            .bind(earlier)
            .fetch_optional(pool)
            .await
        })?,
        None => None,
    };
    let (earlier_number, earlier_executor) = match earlier {
        Some((number, executor, name)) => {
            (RegistrationNumber::parse(&number), executor.zip(name).map(|(id, name)| StaffRef { id: UserId(id), name }))
        }
        None => (None, None),
    };
    Ok(Some(AppealFacts {
        appeal_type: AppealType::parse(&row.appeal_type).ok_or_else(bad)?,
        filer: if row.filer == "legal_entity" { Filer::LegalEntity } else { Filer::Individual },
        iin_masked: masked(&row.iin),
        bin: row.bin.clone(),
        organisation: row.organisation.clone(),
        phone: row.phone.clone(),
        address: row.address.clone(),
        earlier_number,
        earlier_executor,
        registration_day: row.registration_day.to_string(),
        redirect_by: crate::deadlines::redirect_by(row.registration_day, calendar).to_string(),
        max_deadline: crate::deadlines::max_extended_deadline(row.registration_day).to_string(),
        extension: extension(&row, calendar),
        outcome: row.outcome.as_deref().and_then(Outcome::parse),
        outcome_reason: row.outcome_reason.clone(),
        files: files(db, case).await?,
        rating: row.rating.and_then(|r| u8::try_from(r).ok()),
        rating_comment: row.rating_comment.clone(),
    }))
}

/// The executor who handled the earlier appeal a repeated one refers to: they may not take it.
pub async fn previous_executor(tx: &mut Tx, case: CaseId) -> Result<Option<i64>, sqlx::Error> {
    let found: Option<Option<i64>> = with_tx!(tx, |conn| {
        sqlx::query_scalar(
            "SELECT e.executor_id FROM appeals a JOIN cases e ON e.id = a.earlier_case_id WHERE a.case_id = $1",
        )
        .bind(case.0)
        .fetch_optional(conn)
        .await
    })?;
    Ok(found.flatten())
}

/// The facts an appeal's move needs: its type, registration day and current deadline.
pub struct Terms {
    pub appeal_type: AppealType,
    pub registration_day: NaiveDate,
    pub deadline: NaiveDate,
}

pub async fn terms(tx: &mut Tx, case: CaseId) -> Result<Option<Terms>, sqlx::Error> {
    let row: Option<(String, NaiveDate, Option<NaiveDate>)> = with_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT a.appeal_type, a.registration_day, c.deadline FROM appeals a JOIN cases c ON c.id = a.case_id \
             WHERE a.case_id = $1",
        )
        .bind(case.0)
        .fetch_optional(conn)
        .await
    })?;
    Ok(row.and_then(|(kind, registration_day, deadline)| {
        Some(Terms { appeal_type: AppealType::parse(&kind)?, registration_day, deadline: deadline? })
    }))
}

/// Counts the appeal's term afresh at the competent body after a redirection.
pub async fn restart_term(
    tx: &mut Tx,
    case: CaseId,
    registration_day: NaiveDate,
    deadline: NaiveDate,
) -> Result<(), sqlx::Error> {
    with_tx!(&mut *tx, |conn| {
        sqlx::query("UPDATE appeals SET registration_day = $1 WHERE case_id = $2")
            .bind(registration_day)
            .bind(case.0)
            .execute(conn)
            .await
            .map(drop)
    })?;
    with_tx!(tx, |conn| {
        sqlx::query("UPDATE cases SET deadline = $1 WHERE id = $2")
            .bind(deadline)
            .bind(case.0)
            .execute(conn)
            .await
            .map(drop)
    })
}

/// Records the head's extension and when the applicant's notice went out.
pub async fn extend(
    tx: &mut Tx,
    case: CaseId,
    deadline: NaiveDate,
    reason: &str,
    decided_on: NaiveDate,
    noticed_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    with_tx!(&mut *tx, |conn| {
        sqlx::query(
            "UPDATE appeals SET extension_reason = $1, extension_decided_on = $2, extension_noticed_at = $3 \
             WHERE case_id = $4",
        )
        .bind(reason)
        .bind(decided_on)
        .bind(noticed_at)
        .bind(case.0)
        .execute(conn)
        .await
        .map(drop)
    })?;
    with_tx!(tx, |conn| {
        sqlx::query("UPDATE cases SET deadline = $1 WHERE id = $2")
            .bind(deadline)
            .bind(case.0)
            .execute(conn)
            .await
            .map(drop)
    })
}

/// Records how the appeal was decided (and why, when left without consideration).
pub async fn set_outcome(tx: &mut Tx, case: CaseId, outcome: Outcome, reason: Option<&str>) -> Result<(), sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query("UPDATE appeals SET outcome = $1, outcome_reason = $2 WHERE case_id = $3")
            .bind(outcome.as_str())
            .bind(reason)
            .bind(case.0)
            .execute(conn)
            .await
            .map(drop)
    })
}

/// Whether any case was filed with `email` (one that reached the body).
pub async fn has_cases(db: &Db, email: &str) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT id FROM cases WHERE lower(author_email) = lower($1) AND status NOT IN ('submitted', 'expired') \
             LIMIT 1",
        )
        .bind(email)
        .fetch_optional(pool)
        .await
    })?;
    Ok(found.is_some())
}

/// Every case filed with `email` (appeals and questions), newest first.
pub async fn cabinet_cases(db: &Db, email: &str) -> Result<Vec<CabinetCase>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        registration_number: String,
        channel: String,
        appeal_type: Option<String>,
        status: String,
        body_kk: String,
        body_ru: String,
        body_en: String,
        submitted_at: DateTime<Utc>,
        deadline: Option<NaiveDate>,
        body_text: String,
    }
    let rows: Vec<Row> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT c.id, c.registration_number, c.channel, a.appeal_type, c.status, b.name_kk AS body_kk, \
             b.name_ru AS body_ru, b.name_en AS body_en, c.submitted_at, c.deadline, c.body_text \
             FROM cases c JOIN bodies b ON b.id = c.body_id LEFT JOIN appeals a ON a.case_id = c.id \
             WHERE lower(c.author_email) = lower($1) AND c.status NOT IN ('submitted', 'expired') \
             ORDER BY c.submitted_at DESC, c.id DESC LIMIT 500",
        )
        .bind(email)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(CabinetCase {
                id: CaseId(r.id),
                number: RegistrationNumber::parse(&r.registration_number)?,
                channel: Channel::parse(&r.channel)?,
                appeal_type: r.appeal_type.as_deref().and_then(AppealType::parse),
                status: CaseStatus::parse(&r.status)?,
                body: Localized { kk: r.body_kk, ru: r.body_ru, en: r.body_en },
                submitted_at: r.submitted_at.timestamp(),
                deadline: r.deadline.map(|d| d.to_string()),
                excerpt: r.body_text.chars().take(160).collect(),
            })
        })
        .collect())
}

/// One-time email codes of the filing form: one live code per address (by its hash).
pub mod codes {
    use super::*;

    /// Stores a new code for the address, replacing any earlier one, and forgets expired codes.
    pub async fn issue(
        tx: &mut Tx,
        email_hash: &str,
        code_hash: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        with_tx!(&mut *tx, |conn| {
            sqlx::query("DELETE FROM email_codes WHERE expires_at < $1").bind(now).execute(conn).await.map(drop)
        })?;
        with_tx!(tx, |conn| {
            sqlx::query(
                "INSERT INTO email_codes (email_hash, code_hash, expires_at, attempts) VALUES ($1, $2, $3, 0) \
                 ON CONFLICT (email_hash) DO UPDATE SET code_hash = $2, expires_at = $3, attempts = 0",
            )
            .bind(email_hash)
            .bind(code_hash)
            .bind(expires_at)
            .execute(conn)
            .await
            .map(drop)
        })
    }

    /// Whether `code_hash` is the address's live code; a wrong try counts, and after
    /// `max_attempts` wrong tries the code stops working.
    pub async fn check(
        tx: &mut Tx,
        email_hash: &str,
        code_hash: &str,
        now: DateTime<Utc>,
        max_attempts: i64,
    ) -> Result<bool, sqlx::Error> {
        let row: Option<(String, DateTime<Utc>, i64)> = with_tx!(&mut *tx, |conn| {
            sqlx::query_as(
                "SELECT code_hash, expires_at, CAST(attempts AS BIGINT) FROM email_codes WHERE email_hash = $1",
            )
            .bind(email_hash)
            .fetch_optional(conn)
            .await
        })?;
        let Some((stored, expires_at, attempts)) = row else { return Ok(false) };
        if expires_at < now || attempts >= max_attempts {
            return Ok(false);
        }
        if stored == code_hash {
            return Ok(true);
        }
        with_tx!(tx, |conn| {
            sqlx::query("UPDATE email_codes SET attempts = attempts + 1 WHERE email_hash = $1")
                .bind(email_hash)
                .execute(conn)
                .await
                .map(drop)
        })?;
        Ok(false)
    }

    /// The code is spent once the appeal is filed.
    pub async fn spend(tx: &mut Tx, email_hash: &str) -> Result<(), sqlx::Error> {
        with_tx!(tx, |conn| {
            sqlx::query("DELETE FROM email_codes WHERE email_hash = $1").bind(email_hash).execute(conn).await.map(drop)
        })
    }
}

/// The one-time links of "my appeals" and the sessions they open.
pub mod cabinet {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Kind {
        Link,
        Session,
    }

    impl Kind {
        fn as_str(self) -> &'static str {
            match self {
                Kind::Link => "link",
                Kind::Session => "session",
            }
        }
    }

    pub async fn create(
        tx: &mut Tx,
        kind: Kind,
        token_hash: &str,
        email: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        with_tx!(tx, |conn| {
            sqlx::query("INSERT INTO cabinet_tokens (token_hash, kind, email, expires_at) VALUES ($1, $2, $3, $4)")
                .bind(token_hash)
                .bind(kind.as_str())
                .bind(email)
                .bind(expires_at)
                .execute(conn)
                .await
                .map(drop)
        })
    }

    /// Spends a one-time link: its address, if it was live; it never works again.
    pub async fn spend_link(tx: &mut Tx, token_hash: &str, now: DateTime<Utc>) -> Result<Option<String>, sqlx::Error> {
        let email: Option<(String, DateTime<Utc>)> = with_tx!(&mut *tx, |conn| {
            sqlx::query_as(
                "DELETE FROM cabinet_tokens WHERE token_hash = $1 AND kind = 'link' RETURNING email, expires_at",
            )
            .bind(token_hash)
            .fetch_optional(conn)
            .await
        })?;
        Ok(email.filter(|(_, expires_at)| *expires_at >= now).map(|(email, _)| email))
    }

    /// The address of a live session and when the session ends.
    pub async fn session(
        db: &Db,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(String, DateTime<Utc>)>, sqlx::Error> {
        with_db!(db, |pool| {
            sqlx::query_as(
                "SELECT email, expires_at FROM cabinet_tokens WHERE token_hash = $1 AND kind = 'session' \
                 AND expires_at >= $2",
            )
            .bind(token_hash)
            .bind(now)
            .fetch_optional(pool)
            .await
        })
    }

    /// Removes expired links and sessions.
    pub async fn sweep(db: &Db, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
        with_db!(db, |pool| {
            sqlx::query("DELETE FROM cabinet_tokens WHERE expires_at < $1").bind(now).execute(pool).await.map(drop)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iin_shows_only_its_last_four_digits() {
        assert_eq!(masked("061211600012"), "••••••••0012");
    }
}
