//! The applicant's side of electronic appeals: the one-time code that confirms the email
//! address, filing with attachments (registered at once: number, deadline, tracking code), the
//! tracking page with its downloads, and the rating of the decision.

use crate::AppState;
use crate::antispam::{random_bytes, token_hash};
use crate::deadlines;
use crate::error::{ApiJson, AppError};
use crate::mail::appeal_templates::{self, Registered};
use crate::routes::ClientAddr;
use crate::store::appeal_moves::local_date;
use crate::store::appeals::{self, Access, NewAppeal, Upload, codes};
use crate::store::{antispam, calendar, cases, outbox};
use crate::uploads::{self, Refused};
use api::appeals::{AppealReceipt, AppealSubmission, EmailCodeCheck, EmailCodeRequest, FileId, MAX_FILES};
use api::domain::{Email, FieldError, FieldProblem, RegistrationNumber};
use api::tracking::{AppealRatingRequest, AppealTracking, TrackRequest};
use api::{ApiError, ErrorCode};
use axum::Json;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Duration, Utc};

/// How long an email code works, and how many wrong tries it takes.
pub const CODE_VALID_FOR: Duration = Duration::minutes(30);
const CODE_MAX_ATTEMPTS: i64 = 5;
/// Codes per client address per hour and per email address per hour.
const CODES_PER_ADDRESS: i64 = 10;
const CODES_PER_EMAIL: i64 = 5;
/// Appeals per client address per hour and per email address per day.
const APPEALS_PER_ADDRESS: i64 = 10;
const APPEALS_PER_EMAIL: i64 = 10;
/// Tracking and code checks per client address per hour: plenty for a person, too few to guess.
const LOOKUPS_PER_ADDRESS: i64 = 60;
/// The longest rating comment, in characters.
const COMMENT_MAX: usize = 1000;

fn field(name: &str, problem: FieldProblem) -> FieldError {
    FieldError { field: name.to_owned(), problem }
}

fn rate_limited() -> AppError {
    AppError::new(ErrorCode::RateLimited, "Too many requests from here recently. Please try again later.")
}

/// The rate-limit bucket of an email address, without the address itself.
fn email_bucket(kind: &str, email: &str) -> String {
    format!("{kind}:{}", &token_hash(&email.to_lowercase())[..32])
}

/// The stored form of a code: bound to its address, so one code cannot open another's.
fn code_hash(email: &str, code: &str) -> String {
    token_hash(&format!("{}:{}", email.to_lowercase(), code.trim()))
}

fn parse_email(raw: &str) -> Result<Email, AppError> {
    Email::parse(raw).map_err(|problem| AppError::invalid_fields(vec![field("email", problem)]))
}

async fn allow(state: &AppState, bucket: &str, window: Duration, max: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let allowed = antispam::allow(&mut tx, bucket, Utc::now(), window, max).await?;
    tx.commit().await?;
    if allowed { Ok(()) } else { Err(rate_limited()) }
}

/// Sends a six-digit code to the address; it confirms the address when the appeal is filed.
#[utoipa::path(
    post,
    path = "/appeals/email-code",
    tag = "appeals",
    request_body = EmailCodeRequest,
    responses(
        (status = 202, description = "The code is on its way; valid for 30 minutes, 5 tries"),
        (status = 422, description = "The address is not valid (field `email`)", body = ApiError),
        (status = 429, description = "Too many codes for this address or from here (`rate_limited`)", body = ApiError)
    )
)]
pub async fn email_code(
    State(state): State<AppState>,
    client: ClientAddr,
    ApiJson(request): ApiJson<EmailCodeRequest>,
) -> Result<StatusCode, AppError> {
    let email = parse_email(&request.email)?;
    let now = Utc::now();
    let mut tx = state.db.begin().await?;
    let allowed = antispam::allow(
        &mut tx,
        &format!("code:{}", client.0),
        now,
        Duration::hours(1),
        CODES_PER_ADDRESS * state.rate_limit_scale,
    )
    .await?
        && antispam::allow(
            &mut tx,
            &email_bucket("code", email.as_str()),
            now,
            Duration::hours(1),
            CODES_PER_EMAIL * state.rate_limit_scale,
        )
        .await?;
    if !allowed {
        return Err(rate_limited());
    }
    let code = format!("{:06}", u32::from_le_bytes(random_bytes::<4>()) % 1_000_000);
    let address_hash = email_bucket("email", email.as_str());
    codes::issue(&mut tx, &address_hash, &code_hash(email.as_str(), &code), now, now + CODE_VALID_FOR).await?;
    outbox::enqueue(&mut tx, &appeal_templates::email_code(email.as_str(), request.lang, &code), now).await?;
    tx.commit().await?;
    Ok(StatusCode::ACCEPTED)
}

/// Checks the code from the email without spending it, so the form can say at once whether it
/// is right.
#[utoipa::path(
    post,
    path = "/appeals/email-code/check",
    tag = "appeals",
    request_body = EmailCodeCheck,
    responses(
        (status = 204, description = "The code is right"),
        (status = 422, description = "Wrong, expired or tried too often (field `email_code`, `wrong_code`)", body = ApiError),
        (status = 429, description = "Too many checks from here (`rate_limited`)", body = ApiError)
    )
)]
pub async fn check_code(
    State(state): State<AppState>,
    client: ClientAddr,
    ApiJson(request): ApiJson<EmailCodeCheck>,
) -> Result<StatusCode, AppError> {
    let email = parse_email(&request.email)?;
    allow(&state, &format!("lookup:{}", client.0), Duration::hours(1), LOOKUPS_PER_ADDRESS * state.rate_limit_scale)
        .await?;
    let mut tx = state.db.begin().await?;
    let right = codes::check(
        &mut tx,
        &email_bucket("email", email.as_str()),
        &code_hash(email.as_str(), &request.code),
        Utc::now(),
        CODE_MAX_ATTEMPTS,
    )
    .await?;
    tx.commit().await?;
    if right { Ok(StatusCode::NO_CONTENT) } else { Err(wrong_code()) }
}

fn wrong_code() -> AppError {
    AppError::invalid_fields(vec![field("email_code", FieldProblem::WrongCode)])
}

/// The parts of the filing form: the appeal itself and the files that passed, with a problem per
/// refused file (`files.N`, N counting the file parts from 0).
struct Parts {
    submission: AppealSubmission,
    files: Vec<Upload>,
    problems: Vec<FieldError>,
}

async fn read_parts(multipart: Result<Multipart, MultipartRejection>) -> Result<Parts, AppError> {
    let mut multipart = multipart.map_err(|_| {
        AppError::new(ErrorCode::MalformedJson, "Send the appeal as multipart/form-data with an `appeal` part.")
    })?;
    let mut submission = None;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut count = 0;
    while let Some(part) = multipart.next_field().await.map_err(uploads::multipart_error)? {
        match part.name() {
            Some("appeal") => {
                let bytes = part.bytes().await.map_err(uploads::multipart_error)?;
                submission = Some(serde_json::from_slice::<AppealSubmission>(&bytes).map_err(|e| {
                    AppError::new(ErrorCode::MalformedJson, format!("The `appeal` part is not a valid appeal: {e}"))
                })?);
            }
            Some("file") => {
                let index = count;
                count += 1;
                if count > MAX_FILES {
                    // Read past it so the rest of the form still arrives.
                    uploads::read_file(part).await?.ok();
                    continue;
                }
                match uploads::read_file(part).await? {
                    Ok(upload) => files.push(upload),
                    Err(Refused::TooLarge) => problems.push(field(&format!("files.{index}"), FieldProblem::TooLarge)),
                    Err(Refused::NotAccepted) => {
                        problems.push(field(&format!("files.{index}"), FieldProblem::FileType))
                    }
                }
            }
            _ => {}
        }
    }
    if count > MAX_FILES {
        problems.push(field("files", FieldProblem::TooMany));
    }
    let submission = submission.ok_or_else(|| {
        AppError::new(ErrorCode::MalformedJson, "Send the appeal as multipart/form-data with an `appeal` part.")
    })?;
    Ok(Parts { submission, files, problems })
}

/// Files an appeal with up to five files (PDF, JPEG, PNG, DOCX, 10 MB each, known by their
/// content). It is registered at once: the answer holds the number, the deadline by law and the
/// tracking code, which the confirmation email repeats. A retry with the same `Idempotency-Key`
/// answers with the first registration (without the code, which only the email holds).
#[utoipa::path(
    post,
    path = "/appeals",
    tag = "appeals",
    request_body(content_type = "multipart/form-data", description = "A part `appeal` (JSON `AppealSubmission`) and up to five parts `file`"),
    params(("Idempotency-Key" = Option<String>, Header, description = "Set by the app once per form; up to 100 characters")),
    responses(
        (status = 201, description = "Registered; the confirmation email is on its way", body = AppealReceipt),
        (status = 200, description = "The same request was registered before (no tracking code)", body = AppealReceipt),
        (status = 413, description = "The request is too large (`payload_too_large`)", body = ApiError),
        (status = 422, description = "Fields to correct (`invalid_input`): any form field, `email_code`, `files` (too many), `files.N` (too large, or not PDF/JPEG/PNG/DOCX)", body = ApiError),
        (status = 429, description = "Too many appeals from here or for this address (`rate_limited`)", body = ApiError)
    )
)]
pub async fn submit(
    State(state): State<AppState>,
    client: ClientAddr,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<AppealReceipt>), AppError> {
    let now = Utc::now();
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).filter(|k| !k.is_empty() && k.len() <= 100);
    let Parts { submission, files, mut problems } = read_parts(multipart).await?;
    if let Some(key) = key
        && let Some(earlier) = appeals::receipt_by_key(&state.db, key).await?
    {
        return Ok((StatusCode::OK, Json(earlier)));
    }
    let appeal = match submission.form.validate() {
        Ok(appeal) => Some(appeal),
        Err(fields) => {
            problems.splice(0..0, fields);
            None
        }
    };
    let body = match &appeal {
        Some(a) => cases::body_of_category(&state.db, a.body.as_str(), a.category_id).await?,
        None => None,
    };
    if appeal.is_some() && body.is_none() {
        problems.push(field("category_id", FieldProblem::UnknownChoice));
    }
    let (Some(appeal), Some((body_id, body_name)), true) = (appeal, body, problems.is_empty()) else {
        return Err(AppError::invalid_fields(problems));
    };

    let mut tx = state.db.begin().await?;
    let email = appeal.email.as_str();
    let allowed = antispam::allow(
        &mut tx,
        &format!("appeal:{}", client.0),
        now,
        Duration::hours(1),
        APPEALS_PER_ADDRESS * state.rate_limit_scale,
    )
    .await?
        && antispam::allow(
            &mut tx,
            &email_bucket("appeal", email),
            now,
            Duration::days(1),
            APPEALS_PER_EMAIL * state.rate_limit_scale,
        )
        .await?;
    if !allowed {
        return Err(AppError::new(
            ErrorCode::RateLimited,
            "Too many appeals were filed from here recently. Please try again later.",
        ));
    }
    let address_hash = email_bucket("email", email);
    if !codes::check(&mut tx, &address_hash, &code_hash(email, &submission.email_code), now, CODE_MAX_ATTEMPTS).await? {
        // The wrong try counts.
        tx.commit().await?;
        return Err(wrong_code());
    }
    let earlier_case_id = match &appeal.earlier {
        Some(number) => Some(
            appeals::earlier_of(&mut tx, number.as_str(), email)
                .await?
                .ok_or_else(|| AppError::invalid_fields(vec![field("earlier_number", FieldProblem::UnknownChoice)]))?,
        ),
        None => None,
    };
    let cal = calendar::load(&state.db).await?;
    let registration_day = deadlines::registration_day(now, &cal);
    let deadline = deadlines::answer_deadline(appeal.appeal_type, registration_day, &cal);
    let code = tracking_code();
    let new = NewAppeal {
        appeal: &appeal,
        body_id,
        earlier_case_id,
        tracking_code_hash: &token_hash(&code),
        registration_day,
        deadline,
        idempotency_key: key,
    };
    let (_, number) = appeals::create(&mut tx, &new, &files, now).await?;
    codes::spend(&mut tx, &address_hash).await?;
    let lang = appeal.lang;
    let link = format!(
        "{}/{lang}/appeals/track#number={}&code={code}",
        state.public_url,
        percent_encoding::utf8_percent_encode(number.as_str(), percent_encoding::NON_ALPHANUMERIC)
    );
    let registered = Registered {
        name: &appeals::applicant_name(&appeal.filer),
        number: number.as_str(),
        body_name: body_name.get(lang),
        registered_at: &kazakhstan_time(now),
        deadline: &local_date(deadline),
        code: &code,
        link: &link,
    };
    outbox::enqueue(&mut tx, &appeal_templates::appeal_registered(email, lang, &registered), now).await?;
    tx.commit().await?;
    let receipt = AppealReceipt {
        registration_number: number,
        registered_at: now.timestamp(),
        registration_day: registration_day.to_string(),
        deadline: deadline.to_string(),
        tracking_code: code,
    };
    Ok((StatusCode::CREATED, Json(receipt)))
}

/// `DD.MM.YYYY HH:MM` in Kazakhstan (UTC+5).
fn kazakhstan_time(at: DateTime<Utc>) -> String {
    (at + Duration::hours(5)).format("%d.%m.%Y %H:%M").to_string()
}

/// Ten characters without look-alikes (no 0/O, 1/I): about 50 bits, read aloud or typed easily.
const CODE_ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

fn tracking_code() -> String {
    random_bytes::<10>().iter().map(|b| char::from(CODE_ALPHABET[usize::from(b % 32)])).collect()
}

/// What the applicant typed, as the code was issued: capitals, no spaces or dashes.
fn normalise_code(raw: &str) -> String {
    raw.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound, "No appeal has this number and code.")
}

/// The appeal the request opens, after the rate limit; one answer for a wrong number and a
/// wrong code.
async fn open(state: &AppState, client: &ClientAddr, request: &TrackRequest) -> Result<api::cases::CaseId, AppError> {
    allow(state, &format!("lookup:{}", client.0), Duration::hours(1), LOOKUPS_PER_ADDRESS * state.rate_limit_scale)
        .await?;
    let number = RegistrationNumber::parse(request.number.trim()).ok_or_else(not_found)?;
    let email = match request.cabinet.trim() {
        "" => None,
        session => {
            appeals::cabinet::session(&state.db, &token_hash(session), Utc::now()).await?.map(|(email, _)| email)
        }
    };
    let code_hash = token_hash(&normalise_code(&request.code));
    let access = match &email {
        Some(email) => Access::Email(email),
        None => Access::CodeHash(&code_hash),
    };
    appeals::find(&state.db, number.as_str(), &access).await?.ok_or_else(not_found)
}

/// The appeal as its applicant follows it: status, the body now responsible, the deadline, the
/// timeline, and the decision once sent.
#[utoipa::path(
    post,
    path = "/appeals/track",
    tag = "appeals",
    request_body = TrackRequest,
    responses(
        (status = 200, description = "The appeal", body = AppealTracking),
        (status = 404, description = "No appeal has this number and code (one answer for both)", body = ApiError),
        (status = 429, description = "Too many lookups from here (`rate_limited`)", body = ApiError)
    )
)]
pub async fn track(
    State(state): State<AppState>,
    client: ClientAddr,
    ApiJson(request): ApiJson<TrackRequest>,
) -> Result<Json<AppealTracking>, AppError> {
    let case = open(&state, &client, &request).await?;
    let cal = calendar::load(&state.db).await?;
    Ok(Json(appeals::tracking(&state.db, case, &cal).await?.ok_or_else(not_found)?))
}

/// One of the appeal's files, as a download, for its applicant.
#[utoipa::path(
    post,
    path = "/appeals/track/files/{id}",
    tag = "appeals",
    params(("id" = i64, Path, description = "The file")),
    request_body = TrackRequest,
    responses(
        (status = 200, description = "The file, as an attachment", content_type = "application/octet-stream"),
        (status = 404, description = "No such file of this appeal", body = ApiError)
    )
)]
pub async fn track_file(
    State(state): State<AppState>,
    client: ClientAddr,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<TrackRequest>,
) -> Result<Response, AppError> {
    let case = open(&state, &client, &request).await?;
    let id = FileId(id.parse().map_err(|_| not_found())?);
    let cal = calendar::load(&state.db).await?;
    // Only the files the tracking page lists: the body's decision files once it is sent.
    let listed = appeals::tracking(&state.db, case, &cal).await?.is_some_and(|t| t.files.iter().any(|f| f.id == id));
    let file = appeals::file(&state.db, id).await?.filter(|f| listed && f.case_id == case).ok_or_else(not_found)?;
    Ok(uploads::download(&file.name, file.bytes))
}

/// The applicant's 1–5 rating of the decision, once; the comment is for the body only.
#[utoipa::path(
    post,
    path = "/appeals/track/rating",
    tag = "appeals",
    request_body = AppealRatingRequest,
    responses(
        (status = 204, description = "Thank you: the rating is saved"),
        (status = 404, description = "No appeal has this number and code", body = ApiError),
        (status = 409, description = "Rated already, or not decided yet (`conflict`)", body = ApiError),
        (status = 422, description = "The score is not 1 to 5, or the comment is too long", body = ApiError)
    )
)]
pub async fn rate(
    State(state): State<AppState>,
    client: ClientAddr,
    ApiJson(request): ApiJson<AppealRatingRequest>,
) -> Result<StatusCode, AppError> {
    let case = open(&state, &client, &request.access).await?;
    if !(1..=5).contains(&request.score) {
        return Err(AppError::invalid_fields(vec![field("score", FieldProblem::UnknownChoice)]));
    }
    let comment = request.comment.trim();
    if comment.chars().count() > COMMENT_MAX {
        return Err(AppError::invalid_fields(vec![field("comment", FieldProblem::TooLong)]));
    }
    if appeals::rate(&state.db, case, request.score, comment, Utc::now()).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::new(ErrorCode::Conflict, "This decision was rated already, or is not ready yet."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_codes_are_ten_unambiguous_characters_and_typing_is_forgiven() {
        let code = tracking_code();
        assert_eq!(code.len(), 10);
        assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)), "{code}");
        assert_ne!(tracking_code(), code);
        assert_eq!(normalise_code(" k7m2-qx9p 4t "), "K7M2QX9P4T");
    }

    #[test]
    fn the_registration_time_is_astanas() {
        let at =
            chrono::NaiveDate::from_ymd_opt(2026, 3, 20).and_then(|d| d.and_hms_opt(20, 30, 0)).map(|t| t.and_utc());
        assert_eq!(at.map(kazakhstan_time).as_deref(), Some("21.03.2026 01:30"));
    }
}
