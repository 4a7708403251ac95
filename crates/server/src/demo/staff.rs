//! Demo staff: in each demo body one account per role (`moderator.enbek@demo.reception.kz`),
//! and a platform administrator (`admin@demo.reception.kz`) who administers every demo body.
//! All share the documented password [`DEMO_PASSWORD`]; they exist only with `DEMO_CONTENT`.

use crate::db::{Db, Tx};
use crate::store::staff;
use api::BodySlug;
use api::staff::Role;

/// The password of every demo account. Documented, so never use demo content in production.
pub const DEMO_PASSWORD: &str = "demo12345";
/// The email domain of the demo accounts.
pub const DEMO_DOMAIN: &str = "demo.reception.kz";

#[derive(Debug, thiserror::Error)]
pub enum DemoStaffError {
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Grant(#[from] staff::GrantError),
    #[error("cannot hash the demo password: {0}")]
    Hash(argon2::password_hash::Error),
}

/// The platform administrator's email.
pub fn admin_email() -> String {
    format!("admin@{DEMO_DOMAIN}")
}

/// The email of the demo account with `role` in the body `slug`.
pub fn email(role: Role, slug: &str) -> String {
    format!("{role}.{slug}@{DEMO_DOMAIN}")
}

/// Creates the demo staff when there are no accounts yet, all in one transaction; leaves
/// existing accounts alone. Returns the demo logins that exist afterwards as (email, role, body
/// slug), one per role held.
pub async fn load_staff_if_empty(db: &Db) -> Result<Vec<(String, String, String)>, DemoStaffError> {
    let mut tx = db.begin().await?;
    if staff::count_users(&mut tx).await? == 0 {
        load(&mut tx).await?;
    }
    tx.commit().await?;
    Ok(staff::logins_in_domain(db, DEMO_DOMAIN).await?)
}

async fn load(tx: &mut Tx) -> Result<(), DemoStaffError> {
    // One hash for all: every demo account has the same password anyway, and hashing is slow on purpose.
    let hash = crate::auth::hash_password(DEMO_PASSWORD).map_err(DemoStaffError::Hash)?;
    let admin = staff::create_user(tx, &admin_email(), "Demo platform administrator", &hash).await?;
    staff::set_platform_admin(tx, admin, true).await?;
    for body in super::bodies() {
        // The demo executor works in the body's first department.
        let Some((body_id, department)) = staff::body_and_first_department(tx, &body.slug).await? else { continue };
        staff::grant(tx, admin, body_id, Role::Administrator, None).await?;
        for role in Role::ALL {
            let user = staff::create_user(tx, &email(role, body.slug.as_str()), &name(role, &body.slug), &hash).await?;
            let department = (role == Role::Executor).then_some(department).flatten();
            staff::grant(tx, user, body_id, role, department).await?;
        }
    }
    Ok(())
}

fn name(role: Role, slug: &BodySlug) -> String {
    format!("Demo {role} ({slug})")
}

/// The logins as a short table for the console: one line per account and role, with its bodies.
pub fn logins_table(logins: &[(String, String, String)]) -> String {
    let mut rows: Vec<(&str, &str, Vec<&str>)> = Vec::new();
    for (email, role, body) in logins {
        match rows.iter_mut().find(|(e, r, _)| e == email && r == role) {
            Some(row) => row.2.push(body),
            None => rows.push((email, role, vec![body])),
        }
    }
    let width = rows.iter().map(|(email, _, _)| email.len()).max().unwrap_or(0);
    let mut table = format!("Demo staff logins (password for all: {DEMO_PASSWORD}):\n");
    for (email, role, bodies) in rows {
        table.push_str(&format!("  {email:<width$}  {role:<13}  {}\n", bodies.join(", ")));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_lists_each_account_once_with_all_its_bodies() {
        let row = |e: &str, r: &str, b: &str| (e.to_owned(), r.to_owned(), b.to_owned());
        let logins = [
            row("admin@demo.reception.kz", "administrator", "enbek"),
            row("moderator.enbek@demo.reception.kz", "moderator", "enbek"),
            row("admin@demo.reception.kz", "administrator", "dsm"),
        ];
        let table = logins_table(&logins);
        assert!(table.contains(DEMO_PASSWORD));
        assert_eq!(table.lines().count(), 3, "{table}");
        assert!(table.lines().any(|l| l.contains("admin@") && l.ends_with("enbek, dsm")), "{table}");
    }

    #[test]
    fn demo_emails_follow_role_dot_body() {
        assert_eq!(email(Role::Moderator, "enbek"), "moderator.enbek@demo.reception.kz");
    }
}
