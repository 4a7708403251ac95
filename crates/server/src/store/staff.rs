//! Staff accounts, their roles per body, sessions and the sign-in throttle.
//!
//! Emails are stored lower-cased; passwords only as argon2id hashes; session tokens only as their
//! SHA-256; throttle buckets only as hashes of the email or client address.

use crate::db::{Db, Tx};
use crate::{with_db, with_tx};
use api::staff::Role;
use api::{BodySlug, DepartmentId};
use chrono::{DateTime, Duration, Utc};

/// One address is one account, whatever capitals it was typed with.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Creates an account; `password_hash` comes from [`crate::auth::hash_password`].
pub async fn create_user(tx: &mut Tx, email: &str, name: &str, password_hash: &str) -> Result<i64, sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query_scalar("INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id")
            .bind(normalize_email(email))
            .bind(name)
            .bind(password_hash)
            .fetch_one(conn)
            .await
    })
}

/// Makes `user_id` a platform administrator: they edit the working-day calendar.
pub async fn set_platform_admin(tx: &mut Tx, user_id: i64, platform_admin: bool) -> Result<(), sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query("UPDATE users SET platform_admin = $1 WHERE id = $2")
            .bind(platform_admin)
            .bind(user_id)
            .execute(conn)
            .await
            .map(drop)
    })
}

/// Why a role was not given.
#[derive(Debug, thiserror::Error)]
pub enum GrantError {
    /// A role tied to a department of another body would let its holder into that body's work.
    #[error("the department does not belong to the body")]
    DepartmentOfAnotherBody,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Gives `user_id` a role in a body, tied to one of the body's departments if given; giving it
/// again changes nothing.
pub async fn grant(
    tx: &mut Tx,
    user_id: i64,
    body_id: i64,
    role: Role,
    department_id: Option<DepartmentId>,
) -> Result<(), GrantError> {
    if let Some(department) = department_id {
        let in_body: Option<i64> = with_tx!(tx, |conn| {
            sqlx::query_scalar("SELECT id FROM departments WHERE id = $1 AND body_id = $2")
                .bind(department.0)
                .bind(body_id)
                .fetch_optional(conn)
                .await
        })?;
        if in_body.is_none() {
            return Err(GrantError::DepartmentOfAnotherBody);
        }
    }
    with_tx!(tx, |conn| {
        sqlx::query(
            "INSERT INTO memberships (user_id, body_id, role, department_id) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (user_id, body_id, role) DO NOTHING",
        )
        .bind(user_id)
        .bind(body_id)
        .bind(role.as_str())
        .bind(department_id.map(|d| d.0))
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

/// The id of the body `slug` and of its first department, if it has any.
pub async fn body_and_first_department(
    tx: &mut Tx,
    slug: &BodySlug,
) -> Result<Option<(i64, Option<DepartmentId>)>, sqlx::Error> {
    let row: Option<(i64, Option<i64>)> = with_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT b.id, (SELECT d.id FROM departments d WHERE d.body_id = b.id ORDER BY d.sort_order, d.id LIMIT 1) \
             FROM bodies b WHERE b.slug = $1",
        )
        .bind(slug.as_str())
        .fetch_optional(conn)
        .await
    })?;
    Ok(row.map(|(body, department)| (body, department.map(DepartmentId))))
}

/// How many accounts exist; the demo loader only fills an empty table.
pub async fn count_users(tx: &mut Tx) -> Result<i64, sqlx::Error> {
    with_tx!(tx, |conn| sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(conn).await)
}

/// The enabled accounts holding the executor role in the body, with their department, by name.
pub async fn executors(db: &Db, body_id: i64) -> Result<Vec<api::office::Executor>, sqlx::Error> {
    let rows: Vec<(i64, String, Option<i64>)> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT u.id, u.name, m.department_id FROM memberships m JOIN users u ON u.id = m.user_id \
             WHERE m.body_id = $1 AND m.role = 'executor' AND NOT u.disabled ORDER BY u.name, u.id",
        )
        .bind(body_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, name, department)| api::office::Executor {
            id: api::office::UserId(id),
            name,
            department_id: department.map(DepartmentId),
        })
        .collect())
}

/// An account as signing in sees it.
#[derive(sqlx::FromRow)]
pub struct Account {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub password_hash: String,
    pub disabled: bool,
    pub platform_admin: bool,
}

pub async fn account_by_email(db: &Db, email: &str) -> Result<Option<Account>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as("SELECT id, name, email, password_hash, disabled, platform_admin FROM users WHERE email = $1")
            .bind(normalize_email(email))
            .fetch_optional(pool)
            .await
    })
}

/// One role of a staff member in one body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub body_id: i64,
    pub body: BodySlug,
    pub role: Role,
    pub department_id: Option<DepartmentId>,
}

/// Every role of `user_id`, in the order the site lists bodies.
pub async fn grants(db: &Db, user_id: i64) -> Result<Vec<Grant>, sqlx::Error> {
    let rows: Vec<(i64, String, String, Option<i64>)> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT m.body_id, b.slug, m.role, m.department_id FROM memberships m \
             JOIN bodies b ON b.id = m.body_id WHERE m.user_id = $1 ORDER BY b.sort_order, b.id, m.role",
        )
        .bind(user_id)
        .fetch_all(pool)
        .await
    })?;
    rows.into_iter()
        .map(|(body_id, slug, role, department)| {
            let decode = |what: &str| sqlx::Error::Decode(format!("stored {what} of membership").into());
            Ok(Grant {
                body_id,
                body: BodySlug::parse(&slug).map_err(|_| decode("body slug"))?,
                role: role.parse().map_err(|()| decode("role"))?,
                department_id: department.map(DepartmentId),
            })
        })
        .collect()
}

/// A session as the cookie's token hash finds it.
pub struct NewSession<'a> {
    pub id_hash: &'a str,
    pub user_id: i64,
    pub csrf_token: &'a str,
    pub now: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// Stores a new session, and drops sessions that can no longer be used by anyone.
pub async fn create_session(db: &Db, session: &NewSession<'_>, idle: Duration) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
            .bind(session.now)
            .bind(session.now - idle)
            .execute(pool)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, csrf_token) \
             VALUES ($1, $2, $3, $3, $4, $5)",
        )
        .bind(session.id_hash)
        .bind(session.user_id)
        .bind(session.now)
        .bind(session.expires_at)
        .bind(session.csrf_token)
        .execute(pool)
        .await
        .map(drop)
    })
}

/// A live session and the account behind it.
#[derive(sqlx::FromRow)]
pub struct LiveSession {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub csrf_token: String,
    pub last_seen_at: DateTime<Utc>,
    pub platform_admin: bool,
}

/// The session with this token hash, unless it expired, sat idle too long or its account is disabled.
pub async fn live_session(
    db: &Db,
    id_hash: &str,
    now: DateTime<Utc>,
    idle: Duration,
) -> Result<Option<LiveSession>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT s.user_id, u.name, u.email, s.csrf_token, s.last_seen_at, u.platform_admin FROM sessions s \
             JOIN users u ON u.id = s.user_id \
             WHERE s.id_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND NOT u.disabled",
        )
        .bind(id_hash)
        .bind(now)
        .bind(now - idle)
        .fetch_optional(pool)
        .await
    })
}

/// Notes activity on a session, which keeps it from timing out.
pub async fn touch_session(db: &Db, id_hash: &str, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
            .bind(now)
            .bind(id_hash)
            .execute(pool)
            .await
            .map(drop)
    })
}

pub async fn delete_session(db: &Db, id_hash: &str) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(id_hash).execute(pool).await.map(drop)
    })
}

/// Ends every session of one account ("sign out everywhere").
pub async fn delete_user_sessions(db: &Db, user_id: i64) -> Result<u64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })
}

/// How many failed sign-ins each bucket may have within the window before it is locked.
#[derive(Debug, Clone, Copy)]
pub struct Throttle {
    pub window: Duration,
    pub per_email: i64,
    pub per_address: i64,
}

/// Counts a sign-in attempt as failed before the password is even checked, so parallel guesses
/// cannot slip past the limit; [`forgive_attempt`] takes it back when the password was right.
/// Returns `None` (and counts nothing) while either bucket is locked, else the attempt's id.
pub async fn begin_attempt(
    db: &Db,
    email_bucket: &str,
    address_bucket: &str,
    now: DateTime<Utc>,
    throttle: Throttle,
) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.begin().await?;
    // SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL needs a lock per bucket.
    if let Tx::Postgres(t) = &mut tx {
        for bucket in [email_bucket, address_bucket] {
            sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))").bind(bucket).execute(&mut **t).await?;
        }
    }
    let attempt = with_tx!(&mut tx, |conn| {
        sqlx::query("DELETE FROM login_attempts WHERE at < $1").bind(now - throttle.window).execute(&mut *conn).await?;
        let failures = |bucket: &str| {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM login_attempts WHERE bucket = $1")
                .bind(bucket.to_owned())
        };
        let by_email = failures(email_bucket).fetch_one(&mut *conn).await?;
        let by_address = failures(address_bucket).fetch_one(&mut *conn).await?;
        if by_email >= throttle.per_email || by_address >= throttle.per_address {
            None
        } else {
            sqlx::query("INSERT INTO login_attempts (bucket, at) VALUES ($1, $2)")
                .bind(email_bucket)
                .bind(now)
                .execute(&mut *conn)
                .await?;
            let id: i64 = sqlx::query_scalar("INSERT INTO login_attempts (bucket, at) VALUES ($1, $2) RETURNING id")
                .bind(address_bucket)
                .bind(now)
                .fetch_one(&mut *conn)
                .await?;
            Some(id)
        }
    });
    tx.commit().await?;
    Ok(attempt)
}

/// After a right password: clears the email's failures and takes back this attempt's count
/// for the address (earlier failures from the address stay counted).
pub async fn forgive_attempt(db: &Db, email_bucket: &str, attempt_id: i64) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM login_attempts WHERE bucket = $1 OR id = $2")
            .bind(email_bucket)
            .bind(attempt_id)
            .execute(pool)
            .await
            .map(drop)
    })
}

/// Every (email, role, body slug) of the accounts whose email ends in `@domain`.
pub async fn logins_in_domain(db: &Db, domain: &str) -> Result<Vec<(String, String, String)>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT u.email, m.role, b.slug FROM users u JOIN memberships m ON m.user_id = u.id \
             JOIN bodies b ON b.id = m.body_id WHERE u.email LIKE $1 ORDER BY b.sort_order, b.id, u.email",
        )
        .bind(format!("%@{domain}"))
        .fetch_all(pool)
        .await
    })
}
