//! Installs what a fresh machine lacks. Each check is cheap, so every run repeats them.

use crate::cmd::{self, Result};
use std::path::Path;
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const LEPTOSFMT_VERSION: &str = "0.1.33";
pub const AIOSMTPD_VERSION: &str = "1.4.6";

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Enough to build and start the product.
    Run,
    /// Also the formatters, the browser and the test tools.
    Test,
}

pub fn all(need: Need) -> Result {
    cmd::step("set-up: tools");
    wasm_target()?;
    trunk()?;
    wasm_bindgen_cli()?;
    npm_packages()?;
    if need == Need::Test {
        leptosfmt()?;
        chromium()?;
        aiosmtpd()?;
    }
    // Trunk builds offline (this machine reaches only the registries), so fetch crates first.
    cmd::run(cmd::new("cargo").args(["fetch", "--quiet"]))
}

fn wasm_target() -> Result {
    let installed = cmd::output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    cmd::run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The version of `tool` on the tool PATH, from `tool --version`.
fn version_of(tool: &str) -> Option<String> {
    cmd::output(cmd::new(tool).arg("--version"))
}

fn cargo_install(krate: &str, version: &str, locked: bool) -> Result {
    let mut c = cmd::new("cargo");
    c.args(["install", krate, "--version", version]);
    if locked {
        c.arg("--locked");
    }
    cmd::run(&mut c)
}

fn trunk() -> Result {
    if version_of("trunk").is_some_and(|v| v.contains(TRUNK_VERSION)) {
        return Ok(());
    }
    // 0.22 needs a newer compiler than these machines have.
    cargo_install("trunk", TRUNK_VERSION, true)
}

fn leptosfmt() -> Result {
    if version_of("leptosfmt").is_some_and(|v| v.contains(LEPTOSFMT_VERSION)) {
        return Ok(());
    }
    cargo_install("leptosfmt", LEPTOSFMT_VERSION, true)
}

/// The wasm-bindgen CLI must equal the library in Cargo.lock exactly.
fn wasm_bindgen_cli() -> Result {
    let version = locked_version("wasm-bindgen")?;
    if version_of("wasm-bindgen").is_some_and(|v| v.split_whitespace().nth(1) == Some(version.as_str())) {
        return Ok(());
    }
    // Without --locked: the CLI's own lock file pins a crate the registry no longer serves.
    cargo_install("wasm-bindgen-cli", &version, false)
}

/// The version of `krate` recorded in Cargo.lock.
pub fn locked_version(krate: &str) -> Result<String> {
    let lock = std::fs::read_to_string(cmd::root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{krate}\"")
            && let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_owned());
        }
    }
    Err(format!("{krate} is not in Cargo.lock"))
}

/// Playwright, axe-core and binaryen's wasm-opt (Debian's is too old), from e2e/package-lock.json.
fn npm_packages() -> Result {
    if cmd::output(Command::new("npm").arg("--version")).is_none() {
        cmd::apt_install(&["nodejs", "npm"])?;
    }
    let e2e = cmd::root().join("e2e");
    if is_newer(&e2e.join("package-lock.json"), &e2e.join("node_modules/.package-lock.json")) {
        cmd::run(cmd::new("npm").current_dir(&e2e).args(["ci", "--no-audit", "--no-fund"]))?;
    }
    Ok(())
}

/// Debian's Chromium: Playwright cannot download its own browser here.
fn chromium() -> Result {
    if Path::new("/usr/bin/chromium").exists() {
        return Ok(());
    }
    cmd::apt_install(&["chromium"])
}

/// The SMTP server the mail tests deliver to, on loopback.
fn aiosmtpd() -> Result {
    if cmd::output(Command::new("python3").args(["-c", "import aiosmtpd"])).is_some() {
        return Ok(());
    }
    let package = format!("aiosmtpd=={AIOSMTPD_VERSION}");
    cmd::run(Command::new("python3").args(["-m", "pip", "install", "--quiet", &package]))
}

/// Whether `source` changed after `stamp` was written (or `stamp` does not exist).
fn is_newer(source: &Path, stamp: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(source), modified(stamp)) {
        (Some(s), Some(t)) => s > t,
        _ => true,
    }
}
