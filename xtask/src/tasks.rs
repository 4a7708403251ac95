//! The commands: `run`, `test` and `e2e`.

use crate::cmd::{self, Result};
use crate::setup::{self, Need};
use crate::{dist, postgres};
use std::net::TcpListener;
use std::time::Instant;

/// Builds everything (release) and starts the server on the embedded SQLite database.
pub fn run() -> Result {
    setup::all(Need::Run)?;
    dist::build()?;
    cmd::step("start");
    let mut server = cmd::new(&dist::server_binary().to_string_lossy());
    server.env("DIST_DIR", dist::dist_dir());
    if std::env::var_os("DEMO_CONTENT").is_none() {
        server.env("DEMO_CONTENT", "true");
    }
    cmd::run(&mut server)
}

/// Everything that decides whether main is good; stops at the first failure.
pub fn test() -> Result {
    let started = Instant::now();
    setup::all(Need::Test)?;

    cmd::step("rustfmt");
    cmd::run(cmd::new("cargo").args(["fmt", "--all", "--check"]))?;
    cmd::step("leptosfmt");
    cmd::run(cmd::new("leptosfmt").args(["--check", "--quiet", "src"]))?;

    cmd::step("clippy: server, shared types, xtask");
    cmd::run(cmd::new("cargo").args([
        "clippy",
        "-p",
        "api",
        "-p",
        "server",
        "-p",
        "xtask",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    cmd::step("clippy: the app (wasm32)");
    cmd::run(cmd::new("cargo").args([
        "clippy",
        "-p",
        "app",
        "-p",
        "api",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;

    let pg = postgres::ensure()?;
    cmd::step("unit and API tests (SQLite and PostgreSQL)");
    cmd::run(
        cmd::new("cargo")
            .args(["test", "-p", "api", "-p", "server", "-p", "xtask", "-p", "app"])
            .env("TEST_DATABASE_URL", &pg),
    )?;

    dist::build()?;
    dist::check_budget()?;
    end_to_end(&[])?;
    println!("\nxtask test: all passed in {:.0?}", started.elapsed());
    Ok(())
}

/// Builds, then runs only the end-to-end tests.
/// `--no-build` first reuses the last build, for running tests again while writing them.
pub fn e2e(args: &[String]) -> Result {
    setup::all(Need::Test)?;
    match args.split_first() {
        Some((first, rest)) if first == "--no-build" => end_to_end(rest),
        _ => {
            dist::build()?;
            end_to_end(args)
        }
    }
}

/// Playwright in headless Chromium against the release server on a free port with a fresh
/// database (the config in e2e/ starts it).
fn end_to_end(args: &[String]) -> Result {
    cmd::step("end-to-end tests (Chromium, axe-core)");
    let data = cmd::target_dir().join("e2e-data");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).map_err(|e| format!("{}: {e}", data.display()))?;
    let free_port =
        || TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).map_err(|e| e.to_string());
    let (port, smtp_port) = (free_port()?, free_port()?);
    let mut playwright = cmd::new("npx");
    playwright
        .current_dir(cmd::root().join("e2e"))
        .args(["playwright", "test"])
        .args(args)
        .env("E2E_PORT", port.to_string())
        .env("E2E_SMTP_PORT", smtp_port.to_string())
        .env("E2E_MAILDIR", data.join("maildir"))
        .env("E2E_SERVER_BIN", dist::server_binary())
        .env("E2E_DIST_DIR", dist::dist_dir())
        .env("E2E_DATABASE_URL", format!("sqlite://{}", data.join("e2e.db").display()));
    cmd::run(&mut playwright)
}
