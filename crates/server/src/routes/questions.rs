//! The citizen's side of questions and answers: the anti-spam challenge, sending a question,
//! and confirming the email address from the link in the confirmation email.

use crate::AppState;
use crate::antispam::{new_token, token_hash};
use crate::error::{ApiJson, AppError};
use crate::mail::templates;
use crate::routes::ClientAddr;
use crate::routes::office::field_error;
use crate::store::cases::{self, Actor, Change, NewQuestion};
use crate::store::sections::{self, SlotRefusal};
use crate::store::{antispam, outbox};
use api::cases::{CaseStatus, Challenge, ConfirmRequest, QuestionReceipt, QuestionSubmission};
use api::domain::{FieldError, FieldProblem, RegistrationNumber};
use api::{ApiError, ErrorCode};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use chrono::{DateTime, Duration, Utc};

/// How long the confirmation link works; the email's wording says three days.
pub const CONFIRM_WITHIN: Duration = Duration::days(3);
/// Questions per client address per hour, and per email address per day.
const PER_ADDRESS_PER_HOUR: i64 = 10;
const PER_EMAIL_PER_DAY: i64 = 5;

fn spam_check_failed() -> AppError {
    AppError::new(
        ErrorCode::SpamCheckFailed,
        "The automatic anti-spam check did not pass. Reload the page and send again.",
    )
}

fn receipt(number: RegistrationNumber, status: CaseStatus, confirm_by: DateTime<Utc>) -> QuestionReceipt {
    QuestionReceipt { registration_number: number, status, confirm_by: confirm_by.timestamp() }
}

/// A fresh anti-spam challenge; the app solves it in the background while the citizen writes.
#[utoipa::path(
    get,
    path = "/questions/challenge",
    tag = "questions",
    responses((status = 200, description = "A challenge, valid for two hours", body = Challenge))
)]
pub async fn challenge(State(state): State<AppState>) -> Json<Challenge> {
    Json(state.antispam.challenge(Utc::now()))
}

/// Sends a question. It reaches moderators after the email address is confirmed through the link
/// sent to it; unconfirmed questions expire after three days. A retry with the same
/// `Idempotency-Key` header returns the first answer and creates nothing.
#[utoipa::path(
    post,
    path = "/questions",
    tag = "questions",
    request_body = QuestionSubmission,
    params(("Idempotency-Key" = Option<String>, Header, description = "Set by the app once per form; up to 100 characters")),
    responses(
        (status = 201, description = "Received; a confirmation email is on its way", body = QuestionReceipt),
        (status = 200, description = "The same request was received before", body = QuestionReceipt),
        (status = 422, description = "A field needs correcting (`invalid_input`, with `fields`) or the anti-spam check failed (`spam_check_failed`)", body = ApiError),
        (status = 429, description = "Too many questions from this address or email (`rate_limited`)", body = ApiError)
    )
)]
pub async fn submit(
    State(state): State<AppState>,
    client: ClientAddr,
    headers: HeaderMap,
    ApiJson(submission): ApiJson<QuestionSubmission>,
) -> Result<(StatusCode, Json<QuestionReceipt>), AppError> {
    let now = Utc::now();
    if !submission.form.website.trim().is_empty() {
        return Err(spam_check_failed());
    }
    let question = submission.form.validate().map_err(AppError::invalid_fields)?;
    let Some((body_id, body_name)) =
        cases::body_of_category(&state.db, question.body.as_str(), question.category_id).await?
    else {
        let unknown = FieldError { field: "category_id".into(), problem: FieldProblem::UnknownChoice };
        return Err(AppError::invalid_fields(vec![unknown]));
    };

    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).filter(|k| !k.is_empty() && k.len() <= 100);
    if let Some(earlier) = earlier_answer(&state, key).await? {
        return Ok((StatusCode::OK, Json(earlier)));
    }

    let proof = &submission.proof_of_work;
    if !state.antispam.verify(proof, now) {
        return Err(spam_check_failed());
    }
    let mut tx = state.db.begin().await?;
    if !antispam::use_nonce(&mut tx, &proof.challenge.nonce, crate::antispam::Antispam::expires(proof), now).await? {
        return Err(spam_check_failed());
    }
    let email_bucket = format!("email:{}", &token_hash(&question.email.as_str().to_lowercase())[..32]);
    let allowed = antispam::allow(
        &mut tx,
        &format!("addr:{}", client.0),
        now,
        Duration::hours(1),
        PER_ADDRESS_PER_HOUR * state.rate_limit_scale,
    )
    .await?
        && antispam::allow(&mut tx, &email_bucket, now, Duration::days(1), PER_EMAIL_PER_DAY * state.rate_limit_scale)
            .await?;
    if !allowed {
        return Err(AppError::new(
            ErrorCode::RateLimited,
            "Too many questions were sent from here recently. Please try again later.",
        ));
    }

    let (token, hash) = new_token();
    let confirm_by = now + CONFIRM_WITHIN;
    let new = NewQuestion {
        question: &question,
        body_id,
        channel: question.channel,
        confirm_token_hash: &hash,
        confirm_by,
        idempotency_key: key,
    };
    let (case_id, number) = match cases::create_question(&mut tx, &new, now).await {
        Ok(created) => created,
        // The same request raced in twice: answer with the first one's receipt.
        Err(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) && key.is_some() => {
            drop(tx);
            let earlier = earlier_answer(&state, key).await?.ok_or_else(|| AppError::from(e))?;
            return Ok((StatusCode::OK, Json(earlier)));
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(slot) = question.slot {
        match sections::take_place(&mut tx, body_id, slot, case_id.0, now).await? {
            Ok(()) => {}
            Err(SlotRefusal::Unknown) => return Err(field_error("slot", FieldProblem::UnknownChoice)),
            Err(SlotRefusal::Full) => return Err(field_error("slot", FieldProblem::TooMany)),
        }
    }
    let lang = question.lang;
    let link = format!("{}/{lang}/questions/confirm#{token}", state.public_url);
    let email = templates::confirm_question(
        question.email.as_str(),
        lang,
        question.name.as_str(),
        number.as_str(),
        body_name.get(lang),
        &link,
    );
    outbox::enqueue(&mut tx, &email, now).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(receipt(number, CaseStatus::Submitted, confirm_by))))
}

async fn earlier_answer(state: &AppState, key: Option<&str>) -> Result<Option<QuestionReceipt>, AppError> {
    let Some(key) = key else { return Ok(None) };
    let Some((number, status, confirm_by)) = cases::by_idempotency_key(&state.db, key).await? else { return Ok(None) };
    let number =
        RegistrationNumber::parse(&number).ok_or_else(|| AppError::new(ErrorCode::Internal, "bad stored number"))?;
    Ok(Some(receipt(number, CaseStatus::parse(&status).unwrap_or(CaseStatus::Submitted), confirm_by)))
}

/// Confirms the email address from the link; the question then waits for a moderator.
/// Opening the link again answers the same.
#[utoipa::path(
    post,
    path = "/questions/confirm",
    tag = "questions",
    request_body = ConfirmRequest,
    responses(
        (status = 200, description = "Confirmed: the question is with the moderators", body = QuestionReceipt),
        (status = 410, description = "The link is unknown or has expired (`link_invalid`)", body = ApiError)
    )
)]
pub async fn confirm(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<ConfirmRequest>,
) -> Result<Json<QuestionReceipt>, AppError> {
    let now = Utc::now();
    let invalid = || AppError::new(ErrorCode::LinkInvalid, "This link is unknown or has expired.");
    let mut tx = state.db.begin().await?;
    let case = cases::by_confirm_token(&mut tx, &token_hash(request.token.trim())).await?.ok_or_else(invalid)?;
    let number = RegistrationNumber::parse(&case.registration_number).ok_or_else(invalid)?;
    let confirm_by = case.confirm_expires_at.unwrap_or(now);
    match CaseStatus::parse(&case.status) {
        Some(CaseStatus::Submitted) if confirm_by >= now => {
            let id = api::cases::CaseId(case.id);
            let change = Change {
                from: Some(CaseStatus::Submitted),
                to: CaseStatus::Received,
                at: now,
                actor: Actor::Citizen,
                note: "",
                public: true,
            };
            cases::transition(&mut tx, id, &change).await?;
            cases::set_confirmed_at(&mut tx, id, now).await?;
            tx.commit().await?;
            Ok(Json(receipt(number, CaseStatus::Received, confirm_by)))
        }
        Some(CaseStatus::Submitted | CaseStatus::Expired) | None => Err(invalid()),
        Some(status) => Ok(Json(receipt(number, status, confirm_by))),
    }
}
