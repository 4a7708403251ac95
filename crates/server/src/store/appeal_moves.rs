//! The staff's moves that only appeals have, and the appeal side of the shared ones: sending
//! the decision, redirection with a fresh term at the competent body, the head's extension, and
//! "left without consideration". Each tells the applicant by email in the same transaction.

use crate::calendar::Calendar;
use crate::db::Tx;
use crate::deadlines::{self, ExtensionError};
use crate::mail::appeal_templates;
use crate::store::appeals::{self, Upload};
use crate::store::cases::{self, Actor, Change};
use crate::store::outbox;
use crate::store::workflow::{CaseFacts, MoveError, change, facts, field, kazakhstan_date, step};
use api::appeals::{AppealFile, FileId, MAX_FILES, Outcome};
use api::cases::{CaseId, CaseStatus};
use api::domain::FieldProblem;
use api::{BodySlug, Localized};
use chrono::{DateTime, NaiveDate, Utc};

/// The tracking page in the applicant's language; the code stays in the registration email.
fn tracking_link(public_url: &str, facts: &CaseFacts) -> String {
    format!("{public_url}/{}/appeals/track", facts.lang())
}

/// Dates in emails read as in Kazakhstan: DD.MM.YYYY.
pub fn local_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// Approves the executor's decision and sends it: the appeal is closed, never published.
pub(crate) async fn send_decision(
    mut tx: Tx,
    case: CaseId,
    facts: &CaseFacts,
    at: DateTime<Utc>,
    actor: Actor,
    public_url: &str,
) -> Result<(), MoveError> {
    step(&mut tx, case, change(CaseStatus::Answered, CaseStatus::Closed, at, actor, true)).await?;
    let email = appeal_templates::appeal_decided(
        &facts.author_email,
        facts.lang(),
        &facts.author_name,
        &facts.registration_number,
        facts.body_name(),
        &tracking_link(public_url, facts),
    );
    outbox::enqueue(&mut tx, &email, at).await?;
    Ok(tx.commit().await?)
}

/// The appeal side of a redirection (the case already moved to `to`): the term counts afresh from
/// its registration at the competent body, the history notes a redirection later than the law's
/// three working days, and the applicant is told.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn redirected(
    tx: &mut Tx,
    case: CaseId,
    facts: &CaseFacts,
    to: &BodySlug,
    to_name: &Localized,
    at: DateTime<Utc>,
    actor: Actor,
    calendar: &Calendar,
    public_url: &str,
) -> Result<(), MoveError> {
    let terms = appeals::terms(tx, case).await?.ok_or(MoveError::NotFound)?;
    let late = kazakhstan_date(at) > deadlines::redirect_by(terms.registration_day, calendar);
    let day = deadlines::registration_day(at, calendar);
    appeals::restart_term(tx, case, day, deadlines::answer_deadline(terms.appeal_type, day, calendar)).await?;
    let note = format!("{} → {}{}", facts.body_slug, to, if late { " (late)" } else { "" });
    let change =
        Change { from: Some(CaseStatus::Received), to: CaseStatus::Received, at, actor, note: &note, public: true };
    cases::record(tx, case, &change).await?;
    let lang = facts.lang();
    let email = appeal_templates::appeal_redirected(
        &facts.author_email,
        lang,
        &facts.author_name,
        &facts.registration_number,
        facts.body_name(),
        to_name.get(lang),
        &tracking_link(public_url, facts),
    );
    outbox::enqueue(tx, &email, at).await?;
    Ok(())
}

/// The head's extension of an open appeal.
pub struct ExtensionDecision<'a> {
    pub deadline: NaiveDate,
    pub reason: &'a str,
    pub decided_on: NaiveDate,
}

/// Extends the deadline, at most to two months from registration in total, and tells the
/// applicant now; the notice counts as late when it goes out more than three working days after
/// the decision.
pub async fn extend(
    db: &crate::Db,
    case: CaseId,
    decision: &ExtensionDecision<'_>,
    at: DateTime<Utc>,
    actor: Actor,
    public_url: &str,
) -> Result<NaiveDate, MoveError> {
    let mut tx = db.begin().await?;
    let facts = open_appeal(&mut tx, case).await?;
    let terms = appeals::terms(&mut tx, case).await?.ok_or(MoveError::NotFound)?;
    deadlines::check_extension(terms.registration_day, terms.deadline, decision.deadline).map_err(|e| {
        let problem = match e {
            ExtensionError::NotLater { .. } => FieldProblem::TooEarly,
            ExtensionError::BeyondCap { .. } => FieldProblem::TooLate,
        };
        MoveError::Invalid(vec![field("deadline", problem)])
    })?;
    appeals::extend(&mut tx, case, decision.deadline, decision.reason, decision.decided_on, at).await?;
    let status = facts.status();
    let note = format!("{} → {}: {}", terms.deadline, decision.deadline, decision.reason);
    cases::record(&mut tx, case, &Change { from: Some(status), to: status, at, actor, note: &note, public: true })
        .await?;
    let email = appeal_templates::appeal_extended(
        &facts.author_email,
        facts.lang(),
        &facts.author_name,
        &facts.registration_number,
        &local_date(decision.deadline),
        decision.reason,
        &tracking_link(public_url, &facts),
    );
    outbox::enqueue(&mut tx, &email, at).await?;
    tx.commit().await?;
    Ok(decision.deadline)
}

/// Leaves an appeal without consideration (no substance), with the reason sent to the applicant.
pub async fn leave(
    db: &crate::Db,
    case: CaseId,
    reason: &str,
    at: DateTime<Utc>,
    actor: Actor,
    public_url: &str,
) -> Result<(), MoveError> {
    let mut tx = db.begin().await?;
    let facts = open_appeal(&mut tx, case).await?;
    let from = facts.status();
    if !matches!(from, CaseStatus::Received | CaseStatus::Assigned) {
        return Err(MoveError::WrongStatus(from));
    }
    appeals::set_outcome(&mut tx, case, Outcome::LeftWithoutConsideration, Some(reason)).await?;
    let change =
        Change { from: Some(from), to: CaseStatus::LeftWithoutConsideration, at, actor, note: reason, public: true };
    step(&mut tx, case, change).await?;
    let email = appeal_templates::appeal_left(
        &facts.author_email,
        facts.lang(),
        &facts.author_name,
        &facts.registration_number,
        reason,
        &tracking_link(public_url, &facts),
    );
    outbox::enqueue(&mut tx, &email, at).await?;
    Ok(tx.commit().await?)
}

/// Attaches a file to the decision the executor is writing (at most five).
pub async fn add_decision_file(
    db: &crate::Db,
    case: CaseId,
    file: &Upload,
    at: DateTime<Utc>,
) -> Result<AppealFile, MoveError> {
    let mut tx = db.begin().await?;
    let facts = facts(&mut tx, case).await?;
    if !facts.is_appeal() {
        return Err(MoveError::NotForQuestions);
    }
    facts.expect(CaseStatus::Assigned)?;
    if appeals::body_file_count(&mut tx, case).await? >= i64::try_from(MAX_FILES).unwrap_or(i64::MAX) {
        return Err(MoveError::Invalid(vec![field("file", FieldProblem::TooMany)]));
    }
    let FileId(id) = appeals::add_file(&mut tx, case, file, true, at).await?;
    tx.commit().await?;
    Ok(AppealFile {
        id: FileId(id),
        name: file.name.clone(),
        kind: file.kind,
        size: i64::try_from(file.bytes.len()).unwrap_or(i64::MAX),
        from_body: true,
    })
}

/// The facts of an appeal that is still open (registered, assigned, or its answer waiting).
async fn open_appeal(tx: &mut Tx, case: CaseId) -> Result<CaseFacts, MoveError> {
    let facts = facts(tx, case).await?;
    if !facts.is_appeal() {
        return Err(MoveError::NotForQuestions);
    }
    match facts.status() {
        CaseStatus::Received | CaseStatus::Assigned | CaseStatus::Answered => Ok(facts),
        status => Err(MoveError::WrongStatus(status)),
    }
}
