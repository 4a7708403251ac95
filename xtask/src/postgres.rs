//! A PostgreSQL server for the API tests: the one already running on this machine if it
//! answers, otherwise Debian's, installed and started here.

use crate::cmd::{self, Result};
use std::process::Command;

const DEFAULT_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";
/// Debian's fresh cluster asks for a password over TCP; we give the superuser this one.
const PASSWORD_URL: &str = "postgres://postgres:postgres@127.0.0.1:5432/postgres";

/// Returns an admin URL of a running server and drops test databases left by killed runs.
pub fn ensure() -> Result<String> {
    cmd::step("PostgreSQL for the API tests");
    let url = std::env::var("TEST_DATABASE_URL")
        .ok()
        .or_else(|| [DEFAULT_URL, PASSWORD_URL].into_iter().find(|u| answers(u)).map(str::to_owned));
    let url = match url {
        Some(url) => url,
        None => {
            install_and_start()?;
            [DEFAULT_URL, PASSWORD_URL]
                .into_iter()
                .find(|u| answers(u))
                .ok_or("PostgreSQL does not answer after start")?
                .to_owned()
        }
    };
    if !answers(&url) {
        return Err(format!("PostgreSQL does not answer at {url}"));
    }
    drop_leftovers(&url);
    println!("using {}", url.replace(":postgres@", ":***@"));
    Ok(url)
}

fn psql(url: &str, sql: &str) -> Option<String> {
    cmd::output(
        Command::new("psql").args([url, "-AtX", "-v", "ON_ERROR_STOP=1", "-c", sql]).env("PGCONNECT_TIMEOUT", "3"),
    )
}

fn answers(url: &str) -> bool {
    psql(url, "SELECT 1").is_some_and(|o| o.trim() == "1")
}

fn drop_leftovers(url: &str) {
    let names = psql(url, "SELECT datname FROM pg_database WHERE datname LIKE 'reception_test_%'").unwrap_or_default();
    for name in names.lines().filter(|n| !n.is_empty()) {
        let _ = psql(url, &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
    }
}

fn install_and_start() -> Result {
    if cmd::output(Command::new("pg_lsclusters").arg("-h")).is_none() {
        cmd::apt_install(&["postgresql", "postgresql-client"])?;
    }
    let clusters = cmd::output(Command::new("pg_lsclusters").arg("-h")).unwrap_or_default();
    let Some(version) = clusters.split_whitespace().next().map(str::to_owned) else {
        return Err("no PostgreSQL cluster exists after installing PostgreSQL".into());
    };
    if !clusters.contains("online") {
        cmd::run(Command::new("pg_ctlcluster").args(["--skip-systemctl-redirect", &version, "main", "start"]))?;
    }
    if !answers(DEFAULT_URL) && !answers(PASSWORD_URL) {
        // A fresh cluster trusts only the local `postgres` user; give it a password for TCP.
        cmd::run(Command::new("runuser").args([
            "-u",
            "postgres",
            "--",
            "psql",
            "-c",
            "ALTER USER postgres PASSWORD 'postgres'",
        ]))?;
    }
    Ok(())
}
