//! The staff's moves in the case pipeline. Each runs in one transaction: it checks that the case
//! is still where the move starts (so two moderators cannot both act), makes the change, writes
//! the history, and queues the email it causes.

use crate::calendar::Calendar;
use crate::db::Tx;
use crate::mail::templates;
use crate::store::cases::{self, Actor, Change};
use crate::store::{archive, outbox};
use crate::suggest::{CategoryWords, Suggester};
use crate::{with_db, with_tx};
use api::appeals::Outcome;
use api::archive::CategoryRef;
use api::cases::{CaseId, CaseStatus, PublishAs};
use api::domain::{FieldError, FieldProblem, RegistrationNumber};
use api::office::{BodySettings, CaseDetail, OfficeCase, StaffRef, UserId};
use api::{BodySlug, CategoryId, DepartmentId, Lang, Localized};
use chrono::{DateTime, NaiveDate, Utc};

/// Why a move could not be made.
#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    #[error("no such case")]
    NotFound,
    /// Someone moved it first, or the move does not start from where the case is.
    #[error("the case is {0:?}, not where this move starts")]
    WrongStatus(CaseStatus),
    /// A field of the request names something the case's body does not have.
    #[error("invalid fields")]
    Invalid(Vec<FieldError>),
    /// The move exists for questions only.
    #[error("not a move for appeals")]
    NotForAppeals,
    /// The move exists for appeals only.
    #[error("not a move for questions")]
    NotForQuestions,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// What a move needs to know about a case (private fields included: staff only).
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct CaseFacts {
    pub channel: String,
    pub body_id: i64,
    pub body_slug: String,
    pub category_id: Option<i64>,
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
    pub deadline: Option<NaiveDate>,
}

impl CaseFacts {
    pub fn lang(&self) -> Lang {
        cases::stored_lang(&self.lang)
    }

    pub(crate) fn status(&self) -> CaseStatus {
        CaseStatus::parse(&self.status).unwrap_or(CaseStatus::Submitted)
    }

    pub fn is_appeal(&self) -> bool {
        self.channel == api::cases::Channel::Appeal.as_str()
    }

    pub fn body_name(&self) -> &str {
        match self.lang() {
            Lang::Kk => &self.body_kk,
            Lang::Ru => &self.body_ru,
            Lang::En => &self.body_en,
        }
    }

    pub(crate) fn expect(&self, status: CaseStatus) -> Result<(), MoveError> {
        if self.status() == status { Ok(()) } else { Err(MoveError::WrongStatus(self.status())) }
    }
}

/// The facts of a case that must be in `status` for the move to start.
pub(crate) async fn facts_in(tx: &mut Tx, case: CaseId, status: CaseStatus) -> Result<CaseFacts, MoveError> {
    let facts = facts(tx, case).await?;
    facts.expect(status)?;
    Ok(facts)
}

pub(crate) async fn facts(tx: &mut Tx, case: CaseId) -> Result<CaseFacts, MoveError> {
    let row: Option<CaseFacts> = with_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT c.channel, c.body_id, b.slug AS body_slug, c.category_id, c.registration_number, c.status, c.lang, \
             c.author_name, c.author_email, c.body_text, c.answer_html, b.name_kk AS body_kk, b.name_ru AS body_ru, \
             b.name_en AS body_en, c.deadline FROM cases c JOIN bodies b ON b.id = c.body_id WHERE c.id = $1",
        )
        .bind(case.0)
        .fetch_optional(conn)
        .await
    })?;
    row.ok_or(MoveError::NotFound)
}

/// Makes the change, or reports that someone else moved the case first.
pub(crate) async fn step(tx: &mut Tx, case: CaseId, change: Change<'_>) -> Result<(), MoveError> {
    let from = change.from.unwrap_or(CaseStatus::Submitted);
    if cases::transition(tx, case, &change).await? { Ok(()) } else { Err(MoveError::WrongStatus(from)) }
}

pub(crate) fn change(
    from: CaseStatus,
    to: CaseStatus,
    at: DateTime<Utc>,
    actor: Actor,
    public: bool,
) -> Change<'static> {
    Change { from: Some(from), to, at, actor, note: "", public }
}

/// The date in Kazakhstan (UTC+5) at `at`: deadlines and days left count in local days.
pub fn kazakhstan_date(at: DateTime<Utc>) -> NaiveDate {
    (at + chrono::Duration::hours(5)).date_naive()
}

/// Where a registered case goes. Every id must belong to the case's body.
#[derive(Debug, Clone, Copy, Default)]
pub struct Assignment {
    pub department_id: Option<DepartmentId>,
    /// An executor of the body; without a department, the case goes to the executor's.
    pub executor_id: Option<UserId>,
    /// Sets or corrects the category; required when the case has none (after a redirection).
    pub category_id: Option<CategoryId>,
}

pub(crate) fn field(name: &str, problem: FieldProblem) -> FieldError {
    FieldError { field: name.to_owned(), problem }
}

/// Registers a confirmed question: it gets its deadline, the body's number of working days
/// (`bodies.answer_working_days`) from the registration day on `calendar`, and goes to a
/// department, an executor and a category of the body.
pub async fn register(
    db: &crate::Db,
    case: CaseId,
    assignment: &Assignment,
    at: DateTime<Utc>,
    actor: Actor,
    calendar: &Calendar,
) -> Result<NaiveDate, MoveError> {
    let mut tx = db.begin().await?;
    let facts = facts_in(&mut tx, case, CaseStatus::Received).await?;
    let department = check_assignment(&mut tx, &facts, assignment).await?;
    if facts.is_appeal() {
        // A repeated appeal goes to someone other than who handled the earlier one (002:58).
        let previous = crate::store::appeals::previous_executor(&mut tx, case).await?;
        if previous.is_some() && previous == assignment.executor_id.map(|e| e.0) {
            return Err(MoveError::Invalid(vec![field("executor_id", FieldProblem::PreviousExecutor)]));
        }
    }
    let body_days: i32 = with_tx!(&mut tx, |conn| {
        sqlx::query_scalar("SELECT answer_working_days FROM bodies WHERE id = $1")
            .bind(facts.body_id)
            .fetch_one(conn)
            .await
    })?;
    let working_days = u32::try_from(body_days).unwrap_or(BodySettings::DEFAULT_ANSWER_WORKING_DAYS.into());
    // An appeal was registered, with the law's deadline, when it was filed.
    let deadline = match (facts.is_appeal(), facts.deadline) {
        (true, Some(deadline)) => deadline,
        _ => calendar.deadline(kazakhstan_date(at), working_days),
    };
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "UPDATE cases SET registered_at = COALESCE(registered_at, $1), deadline = $2, department_id = $3, executor_id = $4, \
             category_id = COALESCE($5, category_id) WHERE id = $6",
        )
        .bind(at)
        .bind(deadline)
        .bind(department.map(|d| d.0))
        .bind(assignment.executor_id.map(|e| e.0))
        .bind(assignment.category_id.map(|c| c.0))
        .bind(case.0)
        .execute(conn)
        .await
        .map(drop)
    })?;
    step(&mut tx, case, change(CaseStatus::Received, CaseStatus::Assigned, at, actor, false)).await?;
    tx.commit().await?;
    Ok(deadline)
}

/// Checks that the assignment's department, executor and category are the case's body's, and
/// that the case will have a category; returns the department the case goes to (the
/// executor's own when none is named).
async fn check_assignment(
    tx: &mut Tx,
    facts: &CaseFacts,
    assignment: &Assignment,
) -> Result<Option<DepartmentId>, MoveError> {
    let body_id = facts.body_id;
    let mut invalid = Vec::new();
    if let Some(department) = assignment.department_id {
        let found: Option<i64> = with_tx!(&mut *tx, |conn| {
            sqlx::query_scalar("SELECT id FROM departments WHERE id = $1 AND body_id = $2")
                .bind(department.0)
                .bind(body_id)
                .fetch_optional(conn)
                .await
        })?;
        if found.is_none() {
            invalid.push(field("department_id", FieldProblem::UnknownChoice));
        }
    }
    let mut executors_department = None;
    if let Some(executor) = assignment.executor_id {
        let membership: Option<Option<i64>> = with_tx!(&mut *tx, |conn| {
            sqlx::query_scalar(
                "SELECT m.department_id FROM memberships m JOIN users u ON u.id = m.user_id \
                 WHERE m.user_id = $1 AND m.body_id = $2 AND m.role = 'executor' AND NOT u.disabled",
            )
            .bind(executor.0)
            .bind(body_id)
            .fetch_optional(conn)
            .await
        })?;
        match membership {
            Some(department) => executors_department = department.map(DepartmentId),
            None => invalid.push(field("executor_id", FieldProblem::UnknownChoice)),
        }
    }
    if let Some(category) = assignment.category_id {
        let found: Option<i64> = with_tx!(&mut *tx, |conn| {
            sqlx::query_scalar("SELECT id FROM categories WHERE id = $1 AND body_id = $2")
                .bind(category.0)
                .bind(body_id)
                .fetch_optional(conn)
                .await
        })?;
        if found.is_none() {
            invalid.push(field("category_id", FieldProblem::UnknownChoice));
        }
    } else if facts.category_id.is_none() {
        // A redirected question lost the first body's category; the archive lists by category.
        invalid.push(field("category_id", FieldProblem::Missing));
    }
    if invalid.is_empty() {
        Ok(assignment.department_id.or(executors_department))
    } else {
        Err(MoveError::Invalid(invalid))
    }
}

/// The executor's answer, waiting for approval. `answer_html` must already be sanitised.
pub async fn answer(
    db: &crate::Db,
    case: CaseId,
    answer_html: &str,
    outcome: Option<Outcome>,
    at: DateTime<Utc>,
    actor: Actor,
) -> Result<(), MoveError> {
    let mut tx = db.begin().await?;
    let facts = facts_in(&mut tx, case, CaseStatus::Assigned).await?;
    if facts.is_appeal() {
        // "Left without consideration" is its own move, with a reason instead of an answer.
        match outcome {
            Some(outcome) if outcome != Outcome::LeftWithoutConsideration => {
                crate::store::appeals::set_outcome(&mut tx, case, outcome, None).await?
            }
            _ => return Err(MoveError::Invalid(vec![field("outcome", FieldProblem::Missing)])),
        }
    }
    // After a return the draft is there: the public timeline shows the first answer only.
    let public = facts.answer_html.is_none();
    with_tx!(&mut tx, |conn| {
        sqlx::query("UPDATE cases SET answer_html = $1, answered_at = $2 WHERE id = $3")
            .bind(answer_html)
            .bind(at)
            .bind(case.0)
            .execute(conn)
            .await
            .map(drop)
    })?;
    step(&mut tx, case, change(CaseStatus::Assigned, CaseStatus::Answered, at, actor, public)).await?;
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
    if facts.is_appeal() {
        return crate::store::appeal_moves::send_decision(tx, case, &facts, at, actor, public_url).await;
    }
    if facts.channel == api::cases::Channel::Reception.as_str() {
        return reply_to_reception_request(tx, case, &facts, at, actor).await;
    }
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
        &format!("{question}\n{}", crate::rich_text::strip_tags(facts.answer_html.as_deref().unwrap_or_default())),
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

/// A request for a personal reception is answered by email (the time, or why not) and closed;
/// it is never published.
async fn reply_to_reception_request(
    mut tx: Tx,
    case: CaseId,
    facts: &CaseFacts,
    at: DateTime<Utc>,
    actor: Actor,
) -> Result<(), MoveError> {
    step(&mut tx, case, change(CaseStatus::Answered, CaseStatus::Closed, at, actor, true)).await?;
    let answer = crate::rich_text::strip_tags(facts.answer_html.as_deref().unwrap_or_default());
    let email = templates::reception_reply(
        &facts.author_email,
        facts.lang(),
        &facts.author_name,
        &facts.registration_number,
        facts.body_name(),
        answer.trim(),
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
    if facts.is_appeal() {
        // The law knows no rejection of an appeal: only "left without consideration".
        return Err(MoveError::NotForAppeals);
    }
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

/// Sends a question waiting for moderation to the competent body `to`, keeping its number. It
/// waits there for that body's moderators, without the category, department or executor of the
/// first body; the citizen is told by email.
pub async fn redirect(
    db: &crate::Db,
    case: CaseId,
    to: &BodySlug,
    at: DateTime<Utc>,
    actor: Actor,
    calendar: &Calendar,
    public_url: &str,
) -> Result<(), MoveError> {
    let mut tx = db.begin().await?;
    let facts = facts(&mut tx, case).await?;
    let target: Option<(i64, String, String, String)> = with_tx!(&mut tx, |conn| {
        sqlx::query_as("SELECT id, name_kk, name_ru, name_en FROM bodies WHERE slug = $1")
            .bind(to.as_str())
            .fetch_optional(conn)
            .await
    })?;
    let Some((target, kk, ru, en)) = target.filter(|t| t.0 != facts.body_id) else {
        return Err(MoveError::Invalid(vec![field("body", FieldProblem::UnknownChoice)]));
    };
    facts.expect(CaseStatus::Received)?;
    let moved = with_tx!(&mut tx, |conn| {
        sqlx::query(
            "UPDATE cases SET body_id = $1, category_id = NULL, department_id = NULL, executor_id = NULL \
             WHERE id = $2 AND status = $3",
        )
        .bind(target)
        .bind(case.0)
        .bind(CaseStatus::Received.as_str())
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
    })?;
    if moved != 1 {
        return Err(MoveError::WrongStatus(CaseStatus::Received));
    }
    let target_name = Localized { kk, ru, en };
    if facts.is_appeal() {
        crate::store::appeal_moves::redirected(
            &mut tx,
            case,
            &facts,
            to,
            &target_name,
            at,
            actor,
            calendar,
            public_url,
        )
        .await?;
        return Ok(tx.commit().await?);
    }
    let note = format!("{} → {}", facts.body_slug, to);
    let change =
        Change { from: Some(CaseStatus::Received), to: CaseStatus::Received, at, actor, note: &note, public: false };
    cases::record(&mut tx, case, &change).await?;
    let lang = facts.lang();
    let email = templates::question_redirected(
        &facts.author_email,
        lang,
        &facts.author_name,
        &facts.registration_number,
        facts.body_name(),
        target_name.get(lang),
    );
    outbox::enqueue(&mut tx, &email, at).await?;
    Ok(tx.commit().await?)
}

/// Sends an answer back to the executor for rework with `note`; the draft stays for editing.
pub async fn return_answer(
    db: &crate::Db,
    case: CaseId,
    note: &str,
    at: DateTime<Utc>,
    actor: Actor,
) -> Result<(), MoveError> {
    let mut tx = db.begin().await?;
    facts_in(&mut tx, case, CaseStatus::Answered).await?;
    let change = Change { from: Some(CaseStatus::Answered), to: CaseStatus::Assigned, at, actor, note, public: false };
    step(&mut tx, case, change).await?;
    Ok(tx.commit().await?)
}

/// The body a case belongs to, for the role check before any move.
pub async fn body_of(db: &crate::Db, case: CaseId) -> Result<Option<i64>, sqlx::Error> {
    with_db!(db, |pool| sqlx::query_scalar("SELECT body_id FROM cases WHERE id = $1")
        .bind(case.0)
        .fetch_optional(pool)
        .await)
}

/// The suggestion rules of the body's categories: their names and keywords.
pub async fn suggester(db: &crate::Db, body_id: i64) -> Result<Suggester, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, String)> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, name_kk, name_ru, name_en, keywords FROM categories WHERE body_id = $1 ORDER BY sort_order, id",
        )
        .bind(body_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(Suggester::new(rows.iter().map(|(id, kk, ru, en, keywords)| CategoryWords {
        id: CategoryId(*id),
        names: [kk, ru, en],
        keywords,
    })))
}

/// What an office case shows beyond the stored row: days left on the calendar, counted from
/// today in Kazakhstan, and the category the body's rules suggest.
pub struct OfficeView<'a> {
    pub calendar: &'a Calendar,
    pub today: NaiveDate,
    pub suggester: &'a Suggester,
}

/// Working days left until `deadline`: 0 on the last day; negative once it has passed, even on
/// the rest days right after it (the deadline was missed, though no working day has gone by).
pub fn working_days_left(calendar: &Calendar, today: NaiveDate, deadline: NaiveDate) -> i32 {
    let left = calendar.working_days_left(today, deadline);
    let left = if today > deadline { left.min(-1) } else { left };
    i32::try_from(left).unwrap_or(if left < 0 { i32::MIN } else { i32::MAX })
}

/// The columns of [`CaseRow`] and the joins they need, as macros so statements stay string
/// literals (sqlx 0.9 requires it).
macro_rules! case_columns {
    () => {
        "c.id, c.registration_number, c.channel, c.status, c.category_id, k.name_kk AS category_kk, \
         k.name_ru AS category_ru, k.name_en AS category_en, c.lang, c.submitted_at, c.deadline, c.body_text, \
         c.department_id, c.executor_id, u.name AS executor_name"
    };
}
macro_rules! case_joins {
    () => {
        "FROM cases c LEFT JOIN categories k ON k.id = c.category_id LEFT JOIN users u ON u.id = c.executor_id"
    };
}

#[derive(sqlx::FromRow)]
struct CaseRow {
    id: i64,
    registration_number: String,
    channel: String,
    status: String,
    category_id: Option<i64>,
    category_kk: Option<String>,
    category_ru: Option<String>,
    category_en: Option<String>,
    lang: String,
    submitted_at: DateTime<Utc>,
    deadline: Option<NaiveDate>,
    body_text: String,
    department_id: Option<i64>,
    executor_id: Option<i64>,
    executor_name: Option<String>,
}

impl CaseRow {
    /// `None` for a row holding a value no case can have.
    fn office_case(self, view: &OfficeView<'_>) -> Option<OfficeCase> {
        let category = match (self.category_id, self.category_kk, self.category_ru, self.category_en) {
            (Some(id), Some(kk), Some(ru), Some(en)) => {
                Some(CategoryRef { id: CategoryId(id), name: Localized { kk, ru, en } })
            }
            _ => None,
        };
        let status = CaseStatus::parse(&self.status)?;
        let channel = api::cases::Channel::parse(&self.channel)?;
        // An appeal's term runs from filing; a question's from registration.
        let running = matches!(status, CaseStatus::Assigned | CaseStatus::Answered)
            || (channel == api::cases::Channel::Appeal && status == CaseStatus::Received);
        Some(OfficeCase {
            id: CaseId(self.id),
            number: RegistrationNumber::parse(&self.registration_number)?,
            channel,
            status,
            category,
            lang: self.lang.parse().ok()?,
            submitted_at: self.submitted_at.timestamp(),
            deadline: self.deadline.map(|d| d.to_string()),
            personal_data: api::domain::personal_data::kinds(&self.body_text),
            suggested_category: view.suggester.suggest(&self.body_text),
            department_id: self.department_id.map(DepartmentId),
            executor: self.executor_id.zip(self.executor_name).map(|(id, name)| StaffRef { id: UserId(id), name }),
            working_days_left: self
                .deadline
                .filter(|_| running)
                .map(|deadline| working_days_left(view.calendar, view.today, deadline)),
            text: self.body_text,
        })
    }
}

/// Which of a body's cases a queue shows.
#[derive(Debug, Clone, Copy)]
pub struct QueueFilter {
    /// The case is in one of these two (the same twice for one status).
    pub statuses: (CaseStatus, CaseStatus),
    pub category: Option<CategoryId>,
    pub lang: Option<Lang>,
    /// Only cases whose deadline is before this day.
    pub deadline_before: Option<NaiveDate>,
    /// Only the cases of this executor: assigned to them, or to nobody in one of their departments.
    pub executor: Option<i64>,
    pub channel: Option<api::cases::Channel>,
}

/// A body's cases passing `filter`, oldest first (the one waiting longest comes first).
pub async fn queue(
    db: &crate::Db,
    body_id: i64,
    filter: &QueueFilter,
    limit: i64,
    view: &OfficeView<'_>,
) -> Result<Vec<OfficeCase>, sqlx::Error> {
    let rows: Vec<CaseRow> = with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            case_columns!(),
            " ",
            case_joins!(),
            " WHERE c.body_id = $1 AND c.status IN ($2, $3) AND ($4 IS NULL OR c.category_id = $4) \
             AND ($5 IS NULL OR c.lang = $5) AND ($6 IS NULL OR c.deadline < $6) \
             AND ($7 IS NULL OR c.executor_id = $7 OR (c.executor_id IS NULL AND c.department_id IN \
             (SELECT m.department_id FROM memberships m WHERE m.user_id = $7 AND m.body_id = c.body_id \
             AND m.role = 'executor'))) AND ($8 IS NULL OR c.channel = $8) \
             ORDER BY c.submitted_at, c.id LIMIT $9"
        ))
        .bind(body_id)
        .bind(filter.statuses.0.as_str())
        .bind(filter.statuses.1.as_str())
        .bind(filter.category.map(|c| c.0))
        .bind(filter.lang.map(Lang::code))
        .bind(filter.deadline_before)
        .bind(filter.executor)
        .bind(filter.channel.map(api::cases::Channel::as_str))
        .bind(limit)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().filter_map(|r| r.office_case(view)).collect())
}

#[derive(sqlx::FromRow)]
struct DetailRow {
    #[sqlx(flatten)]
    case: CaseRow,
    body_id: i64,
    body_slug: String,
    author_name: String,
    publish_as: String,
    public_text: Option<String>,
    answer_html: Option<String>,
}

/// A case with its history, as staff see it (the author's name, never their email).
pub async fn detail(
    db: &crate::Db,
    case: CaseId,
    calendar: &Calendar,
    today: NaiveDate,
) -> Result<Option<CaseDetail>, sqlx::Error> {
    let row: Option<DetailRow> = with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            case_columns!(),
            ", c.body_id, b.slug AS body_slug, c.author_name, c.publish_as, c.public_text, c.answer_html ",
            case_joins!(),
            " JOIN bodies b ON b.id = c.body_id WHERE c.id = $1"
        ))
        .bind(case.0)
        .fetch_optional(pool)
        .await
    })?;
    let Some(row) = row else { return Ok(None) };
    let suggester = suggester(db, row.body_id).await?;
    let view = OfficeView { calendar, today, suggester: &suggester };
    let bad = || sqlx::Error::Decode(format!("case {} has an invalid stored value", case.0).into());
    let history = cases::history(db, case).await?;
    Ok(Some(CaseDetail {
        case: row.case.office_case(&view).ok_or_else(bad)?,
        body: BodySlug::parse(&row.body_slug).map_err(|_| bad())?,
        author_name: row.author_name,
        publish_as: if row.publish_as == PublishAs::Anonymous.as_str() {
            PublishAs::Anonymous
        } else {
            PublishAs::Initials
        },
        public_text: row.public_text,
        answer_html: row.answer_html,
        history,
        appeal: crate::store::appeals::facts(db, case, calendar).await?,
        reception_slot: crate::store::sections::requested_slot(db, row.body_id, case).await?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("valid date")
    }

    #[test]
    fn days_left_are_zero_on_the_last_day_and_negative_once_it_has_passed() {
        let cal = Calendar::new(crate::calendar::standard_year(2026));
        // Friday 27 March 2026 is the last day; 28-29 March are the weekend.
        assert_eq!(working_days_left(&cal, date(3, 20), date(3, 27)), 2, "21-25 March are Nauryz rest days");
        assert_eq!(working_days_left(&cal, date(3, 27), date(3, 27)), 0);
        assert_eq!(working_days_left(&cal, date(3, 28), date(3, 27)), -1, "late already on Saturday");
        assert_eq!(working_days_left(&cal, date(3, 30), date(3, 27)), -1);
        assert_eq!(working_days_left(&cal, date(3, 31), date(3, 27)), -2);
    }

    #[test]
    fn the_local_date_is_kazakhstans() {
        let evening = date(3, 27).and_hms_opt(19, 30, 0).expect("time").and_utc();
        assert_eq!(kazakhstan_date(evening), date(3, 28));
        assert_eq!(kazakhstan_date(evening - chrono::Duration::hours(1)), date(3, 27));
    }

    #[test]
    fn tags_are_stripped_for_the_index() {
        assert_eq!(
            crate::rich_text::strip_tags("<p>Зейнетақы &amp; жәрдемақы</p><p>Екі</p>")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["Зейнетақы", "&", "жәрдемақы", "Екі"]
        );
    }
}
