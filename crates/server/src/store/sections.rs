//! A body's FAQ, reception schedule and open dialogue links. Each list is short (tens of
//! entries), so it is read whole.

use crate::db::{Db, Tx};
use crate::{with_db, with_tx};
use api::archive::CategoryRef;
use api::content::{
    DialogueKind, DialogueLink, FaqDraft, FaqEntry, FaqId, LinkDraft, LinkId, ReceptionSlot, SlotDraft, SlotId,
};
use api::{CategoryId, Localized};
use chrono::{DateTime, Duration, Utc};

#[derive(sqlx::FromRow)]
struct FaqRow {
    id: i64,
    category_id: Option<i64>,
    category_kk: Option<String>,
    category_ru: Option<String>,
    category_en: Option<String>,
    position: i64,
    question_kk: String,
    question_ru: String,
    question_en: String,
    answer_kk: String,
    answer_ru: String,
    answer_en: String,
}

impl FaqRow {
    fn entry(self) -> FaqEntry {
        let category = match (self.category_id, self.category_kk, self.category_ru, self.category_en) {
            (Some(id), Some(kk), Some(ru), Some(en)) => {
                Some(CategoryRef { id: CategoryId(id), name: Localized { kk, ru, en } })
            }
            _ => None,
        };
        FaqEntry {
            id: FaqId(self.id),
            category,
            question: Localized { kk: self.question_kk, ru: self.question_ru, en: self.question_en },
            answer_html: Localized { kk: self.answer_kk, ru: self.answer_ru, en: self.answer_en },
            position: i32::try_from(self.position).unwrap_or(i32::MAX),
        }
    }
}

/// The body's FAQ: general entries first, then by category in the body's order, each by position.
pub async fn faq(db: &Db, body_id: i64) -> Result<Vec<FaqEntry>, sqlx::Error> {
    let rows: Vec<FaqRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT f.id, f.category_id, k.name_kk AS category_kk, k.name_ru AS category_ru, k.name_en AS category_en, \
             f.position, f.question_kk, f.question_ru, f.question_en, f.answer_kk, f.answer_ru, f.answer_en \
             FROM faq_entries f LEFT JOIN categories k ON k.id = f.category_id WHERE f.body_id = $1 \
             ORDER BY CASE WHEN k.id IS NULL THEN 0 ELSE 1 END, k.sort_order, k.id, f.position, f.id",
        )
        .bind(body_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().map(FaqRow::entry).collect())
}

/// Whether the category is the body's (an FAQ entry may only use its own body's categories).
pub async fn category_of_body(db: &Db, body_id: i64, category: CategoryId) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = with_db!(db, |pool| {
        sqlx::query_scalar("SELECT id FROM categories WHERE id = $1 AND body_id = $2")
            .bind(category.0)
            .bind(body_id)
            .fetch_optional(pool)
            .await
    })?;
    Ok(found.is_some())
}

/// Creates (`id` None) or replaces an FAQ entry from a validated, sanitised draft; the entry's
/// id, or `None` when the body has no such entry.
pub async fn save_faq(
    db: &Db,
    body_id: i64,
    id: Option<FaqId>,
    draft: &FaqDraft,
) -> Result<Option<FaqId>, sqlx::Error> {
    let (q, a) = (draft.question.to_localized(), draft.answer_html.to_localized());
    let category = draft.category_id.map(|c| c.0);
    let position = i64::from(draft.position);
    let saved: Option<i64> = match id {
        None => with_db!(db, |pool| {
            sqlx::query_scalar(
                "INSERT INTO faq_entries (body_id, category_id, position, question_kk, question_ru, question_en, \
                 answer_kk, answer_ru, answer_en) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(body_id)
            .bind(category)
            .bind(position)
            .bind(&q.kk)
            .bind(&q.ru)
            .bind(&q.en)
            .bind(&a.kk)
            .bind(&a.ru)
            .bind(&a.en)
            .fetch_optional(pool)
            .await
        })?,
        Some(id) => with_db!(db, |pool| {
            sqlx::query_scalar(
                "UPDATE faq_entries SET category_id = $2, position = $3, question_kk = $4, question_ru = $5, \
                 question_en = $6, answer_kk = $7, answer_ru = $8, answer_en = $9 WHERE id = $10 AND body_id = $1 \
                 RETURNING id",
            )
            .bind(body_id)
            .bind(category)
            .bind(position)
            .bind(&q.kk)
            .bind(&q.ru)
            .bind(&q.en)
            .bind(&a.kk)
            .bind(&a.ru)
            .bind(&a.en)
            .bind(id.0)
            .fetch_optional(pool)
            .await
        })?,
    };
    Ok(saved.map(FaqId))
}

/// One entry of the body's FAQ.
pub async fn faq_entry(db: &Db, body_id: i64, id: FaqId) -> Result<Option<FaqEntry>, sqlx::Error> {
    Ok(faq(db, body_id).await?.into_iter().find(|e| e.id == id))
}

#[derive(sqlx::FromRow)]
struct SlotRow {
    id: i64,
    official_kk: String,
    official_ru: String,
    official_en: String,
    position_kk: String,
    position_ru: String,
    position_en: String,
    starts_at: DateTime<Utc>,
    minutes: i64,
    place_kk: String,
    place_ru: String,
    place_en: String,
    online: bool,
    capacity: i64,
    requested: i64,
}

impl SlotRow {
    fn slot(self) -> ReceptionSlot {
        let small = |n: i64| u16::try_from(n.max(0)).unwrap_or(u16::MAX);
        ReceptionSlot {
            id: SlotId(self.id),
            official: Localized { kk: self.official_kk, ru: self.official_ru, en: self.official_en },
            position: Localized { kk: self.position_kk, ru: self.position_ru, en: self.position_en },
            starts_at: self.starts_at.timestamp(),
            minutes: small(self.minutes),
            place: Localized { kk: self.place_kk, ru: self.place_ru, en: self.place_en },
            online: self.online,
            capacity: small(self.capacity),
            requested: small(self.requested),
        }
    }
}

/// The body's sessions that start after `since`, soonest first, each with its live requests
/// (rejected, withdrawn and never confirmed ones do not take a place).
pub async fn schedule(db: &Db, body_id: i64, since: DateTime<Utc>) -> Result<Vec<ReceptionSlot>, sqlx::Error> {
    let rows: Vec<SlotRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT s.id, s.official_kk, s.official_ru, s.official_en, s.position_kk, s.position_ru, s.position_en, \
             s.starts_at, CAST(s.minutes AS BIGINT) AS minutes, s.place_kk, s.place_ru, s.place_en, s.online, \
             CAST(s.capacity AS BIGINT) AS capacity, \
             (SELECT COUNT(*) FROM reception_requests r JOIN cases c ON c.id = r.case_id WHERE r.slot_id = s.id \
              AND c.status NOT IN ('rejected', 'withdrawn', 'expired')) AS requested \
             FROM reception_slots s WHERE s.body_id = $1 AND s.starts_at > $2 ORDER BY s.starts_at, s.id",
        )
        .bind(body_id)
        .bind(since)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().map(SlotRow::slot).collect())
}

/// The sessions the public sees: those that have not ended yet. A session lasts at most 8
/// hours, so reading from 8 hours back and filtering is exact.
pub async fn upcoming(db: &Db, body_id: i64, now: DateTime<Utc>) -> Result<Vec<ReceptionSlot>, sqlx::Error> {
    let mut slots = schedule(db, body_id, now - Duration::hours(8)).await?;
    slots.retain(|s| s.starts_at + i64::from(s.minutes) * 60 > now.timestamp());
    Ok(slots)
}

/// Creates (`id` None) or replaces a session; its id, or `None` when the body has no such one.
pub async fn save_slot(
    db: &Db,
    body_id: i64,
    id: Option<SlotId>,
    draft: &SlotDraft,
) -> Result<Option<SlotId>, sqlx::Error> {
    let (official, position, place) =
        (draft.official.to_localized(), draft.position.to_localized(), draft.place.to_localized());
    let starts_at = DateTime::from_timestamp(draft.starts_at, 0).unwrap_or_default();
    let (minutes, capacity) = (i64::from(draft.minutes), i64::from(draft.capacity));
    let saved: Option<i64> = match id {
        None => with_db!(db, |pool| {
            sqlx::query_scalar(
                "INSERT INTO reception_slots (body_id, official_kk, official_ru, official_en, position_kk, position_ru, \
                 position_en, starts_at, minutes, place_kk, place_ru, place_en, online, capacity) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
            )
            .bind(body_id)
            .bind(&official.kk)
            .bind(&official.ru)
            .bind(&official.en)
            .bind(&position.kk)
            .bind(&position.ru)
            .bind(&position.en)
            .bind(starts_at)
            .bind(minutes)
            .bind(&place.kk)
            .bind(&place.ru)
            .bind(&place.en)
            .bind(draft.online)
            .bind(capacity)
            .fetch_optional(pool)
            .await
        })?,
        Some(id) => with_db!(db, |pool| {
            sqlx::query_scalar(
                "UPDATE reception_slots SET official_kk = $2, official_ru = $3, official_en = $4, position_kk = $5, \
                 position_ru = $6, position_en = $7, starts_at = $8, minutes = $9, place_kk = $10, place_ru = $11, \
                 place_en = $12, online = $13, capacity = $14 WHERE id = $15 AND body_id = $1 RETURNING id",
            )
            .bind(body_id)
            .bind(&official.kk)
            .bind(&official.ru)
            .bind(&official.en)
            .bind(&position.kk)
            .bind(&position.ru)
            .bind(&position.en)
            .bind(starts_at)
            .bind(minutes)
            .bind(&place.kk)
            .bind(&place.ru)
            .bind(&place.en)
            .bind(draft.online)
            .bind(capacity)
            .bind(id.0)
            .fetch_optional(pool)
            .await
        })?,
    };
    Ok(saved.map(SlotId))
}

/// One session of the body, with its requests counted.
pub async fn slot(db: &Db, body_id: i64, id: SlotId) -> Result<Option<ReceptionSlot>, sqlx::Error> {
    let since = DateTime::<Utc>::UNIX_EPOCH;
    Ok(schedule(db, body_id, since).await?.into_iter().find(|s| s.id == id))
}

/// The session a reception request asks for (`None` for other cases).
pub async fn requested_slot(
    db: &Db,
    body_id: i64,
    case: api::cases::CaseId,
) -> Result<Option<ReceptionSlot>, sqlx::Error> {
    let asked: Option<i64> = with_db!(db, |pool| {
        sqlx::query_scalar("SELECT slot_id FROM reception_requests WHERE case_id = $1")
            .bind(case.0)
            .fetch_optional(pool)
            .await
    })?;
    match asked {
        Some(id) => slot(db, body_id, SlotId(id)).await,
        None => Ok(None),
    }
}

/// Why a reception request cannot take a session.
#[derive(Debug, PartialEq, Eq)]
pub enum SlotRefusal {
    /// No such session of the body, or it has started.
    Unknown,
    Full,
}

/// Takes a place in a session for a new reception request, in the request's transaction.
/// Counting and inserting in one transaction keeps the capacity: SQLite runs one writer at a
/// time, and on PostgreSQL the session's row is locked first.
pub async fn take_place(
    tx: &mut Tx,
    body_id: i64,
    slot: SlotId,
    case_id: i64,
    now: DateTime<Utc>,
) -> Result<Result<(), SlotRefusal>, sqlx::Error> {
    let found: Option<(i64, DateTime<Utc>)> = match tx {
        Tx::Sqlite(t) => {
            sqlx::query_as(
                "SELECT CAST(capacity AS BIGINT), starts_at FROM reception_slots WHERE id = $1 AND body_id = $2",
            )
            .bind(slot.0)
            .bind(body_id)
            .fetch_optional(&mut **t)
            .await?
        }
        Tx::Postgres(t) => {
            sqlx::query_as("SELECT capacity, starts_at FROM reception_slots WHERE id = $1 AND body_id = $2 FOR UPDATE")
                .bind(slot.0)
                .bind(body_id)
                .fetch_optional(&mut **t)
                .await?
        }
    };
    let Some((capacity, _)) = found.filter(|(_, starts)| *starts > now) else {
        return Ok(Err(SlotRefusal::Unknown));
    };
    let taken: i64 = with_tx!(&mut *tx, |conn| {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM reception_requests r JOIN cases c ON c.id = r.case_id WHERE r.slot_id = $1 \
             AND c.status NOT IN ('rejected', 'withdrawn', 'expired')",
        )
        .bind(slot.0)
        .fetch_one(conn)
        .await
    })?;
    if taken >= capacity {
        return Ok(Err(SlotRefusal::Full));
    }
    with_tx!(&mut *tx, |conn| {
        sqlx::query("INSERT INTO reception_requests (case_id, slot_id) VALUES ($1, $2)")
            .bind(case_id)
            .bind(slot.0)
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(Ok(()))
}

#[derive(sqlx::FromRow)]
struct LinkRow {
    id: i64,
    kind: String,
    title_kk: String,
    title_ru: String,
    title_en: String,
    url: String,
    starts_at: Option<DateTime<Utc>>,
    ends_at: Option<DateTime<Utc>>,
}

/// The body's open dialogue links: open ones first (by start), then closed ones, latest first.
pub async fn dialogue(db: &Db, body_id: i64, now: DateTime<Utc>) -> Result<Vec<DialogueLink>, sqlx::Error> {
    let rows: Vec<LinkRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, kind, title_kk, title_ru, title_en, url, starts_at, ends_at FROM dialogue_links \
             WHERE body_id = $1 ORDER BY id",
        )
        .bind(body_id)
        .fetch_all(pool)
        .await
    })?;
    let mut links: Vec<DialogueLink> = rows
        .into_iter()
        .filter_map(|r| {
            Some(DialogueLink {
                id: LinkId(r.id),
                kind: DialogueKind::parse(&r.kind)?,
                title: Localized { kk: r.title_kk, ru: r.title_ru, en: r.title_en },
                url: r.url,
                starts_at: r.starts_at.map(|t| t.timestamp()),
                ends_at: r.ends_at.map(|t| t.timestamp()),
            })
        })
        .collect();
    let now = now.timestamp();
    let closed = |l: &DialogueLink| l.ends_at.is_some_and(|end| end < now);
    links.sort_by_key(|l| {
        let when = l.starts_at.or(l.ends_at).unwrap_or(0);
        (closed(l), if closed(l) { -when } else { when })
    });
    Ok(links)
}

/// Creates (`id` None) or replaces a link; its id, or `None` when the body has no such one.
pub async fn save_link(
    db: &Db,
    body_id: i64,
    id: Option<LinkId>,
    draft: &LinkDraft,
) -> Result<Option<LinkId>, sqlx::Error> {
    let title = draft.title.to_localized();
    let time = |t: Option<i64>| t.and_then(|t| DateTime::<Utc>::from_timestamp(t, 0));
    let saved: Option<i64> = match id {
        None => with_db!(db, |pool| {
            sqlx::query_scalar(
                "INSERT INTO dialogue_links (body_id, kind, title_kk, title_ru, title_en, url, starts_at, ends_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(body_id)
            .bind(draft.kind.as_str())
            .bind(&title.kk)
            .bind(&title.ru)
            .bind(&title.en)
            .bind(draft.url.trim())
            .bind(time(draft.starts_at))
            .bind(time(draft.ends_at))
            .fetch_optional(pool)
            .await
        })?,
        Some(id) => with_db!(db, |pool| {
            sqlx::query_scalar(
                "UPDATE dialogue_links SET kind = $2, title_kk = $3, title_ru = $4, title_en = $5, url = $6, \
                 starts_at = $7, ends_at = $8 WHERE id = $9 AND body_id = $1 RETURNING id",
            )
            .bind(body_id)
            .bind(draft.kind.as_str())
            .bind(&title.kk)
            .bind(&title.ru)
            .bind(&title.en)
            .bind(draft.url.trim())
            .bind(time(draft.starts_at))
            .bind(time(draft.ends_at))
            .bind(id.0)
            .fetch_optional(pool)
            .await
        })?,
    };
    Ok(saved.map(LinkId))
}

/// What can be deleted from a body's sections.
#[derive(Debug, Clone, Copy)]
pub enum Deletable {
    Faq(FaqId),
    Slot(SlotId),
    Link(LinkId),
}

/// Deletes an entry of the body; `false` when the body has no such entry. A session with
/// requests is kept (the database refuses: its requests point to it).
pub async fn delete(db: &Db, body_id: i64, what: Deletable) -> Result<bool, sqlx::Error> {
    let done = match what {
        Deletable::Faq(id) => with_db!(db, |pool| {
            sqlx::query("DELETE FROM faq_entries WHERE id = $1 AND body_id = $2")
                .bind(id.0)
                .bind(body_id)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        }),
        Deletable::Slot(id) => with_db!(db, |pool| {
            sqlx::query("DELETE FROM reception_slots WHERE id = $1 AND body_id = $2")
                .bind(id.0)
                .bind(body_id)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        }),
        Deletable::Link(id) => with_db!(db, |pool| {
            sqlx::query("DELETE FROM dialogue_links WHERE id = $1 AND body_id = $2")
                .bind(id.0)
                .bind(body_id)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        }),
    }?;
    Ok(done > 0)
}

/// Whether a session has requests (then it cannot be deleted).
pub async fn slot_has_requests(db: &Db, id: SlotId) -> Result<bool, sqlx::Error> {
    let n: i64 = with_db!(db, |pool| {
        sqlx::query_scalar("SELECT COUNT(*) FROM reception_requests WHERE slot_id = $1")
            .bind(id.0)
            .fetch_one(pool)
            .await
    })?;
    Ok(n > 0)
}

/// Blog questions confirmed in `[from, to)` and not rejected, and how many of them are
/// published with an answer: the Open Dialogue share (003, Table 11).
pub async fn blog_questions(
    db: &Db,
    body_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<(i64, i64), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 'published' THEN 1 ELSE 0 END), 0) FROM cases \
             WHERE body_id = $1 AND channel = 'blog' AND confirmed_at >= $2 AND confirmed_at < $3 \
             AND status NOT IN ('rejected', 'withdrawn')",
        )
        .bind(body_id)
        .bind(from)
        .bind(to)
        .fetch_one(pool)
        .await
    })
}
