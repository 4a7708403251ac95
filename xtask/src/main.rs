//! `cargo xtask <command>`: the project's own commands. The two in the README, `run` and
//! `test`, install whatever is missing on a fresh machine before they start.

mod cmd;
mod dist;
mod postgres;
mod setup;
mod tasks;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

  run      build the app and server (release) and start it on http://127.0.0.1:8080
           with the SQLite database in ./data (PORT, BIND, DATABASE_URL override)
  test     everything that decides whether main is good: formatting, clippy, unit and
           API tests on SQLite and PostgreSQL, the first-load budget, end-to-end tests
  e2e      build, then only the end-to-end tests (arguments go to Playwright;
           `--no-build` first reuses the last build)
  setup    only install the missing tools
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => tasks::run(),
        Some("test") => tasks::test(),
        Some("e2e") => tasks::e2e(&args[1..]),
        Some("setup") => setup::all(setup::Need::Test),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}
