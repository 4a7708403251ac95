//! Configuration: defaults in code, each overridden by an environment variable.

use secrecy::{ExposeSecret, SecretString};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

#[derive(Debug)]
pub struct Config {
    /// `BIND`: the address to listen on.
    pub bind: IpAddr,
    /// `PORT`.
    pub port: u16,
    /// `DATABASE_URL`: `sqlite://path` (the default) or `postgres://...`; may hold a password.
    pub database_url: SecretString,
    /// `SMTP_URL`: where email goes out; used from the Q&A issue on.
    pub smtp_url: Option<SecretString>,
    /// `PUBLIC_URL`: the address citizens reach, used in links sent by email.
    pub public_url: String,
    /// `DIST_DIR`: the built app to serve.
    pub dist_dir: PathBuf,
    /// `DEMO_CONTENT`: load the demo bodies into an empty database.
    pub demo_content: bool,
    /// `OUTBOX_DIR`: without `SMTP_URL`, email is written here as files for a person to read.
    pub outbox_dir: PathBuf,
    /// `POW_DIFFICULTY`: leading zero bits the anti-spam proof of work needs (about 2^n hashes).
    pub pow_difficulty: u32,
    /// `TRUST_PROXY`: take the client address from `X-Forwarded-For` (only behind your own proxy).
    pub trust_proxy: bool,
    /// `RATE_LIMIT_SCALE`: multiplies every per-address and per-email limit (1 to 1000; 1 by
    /// default). End-to-end tests send many forms from one address.
    pub rate_limit_scale: i64,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("{name} has an invalid value {value:?}: {expected}")]
    Invalid { name: &'static str, value: String, expected: &'static str },
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup`, so tests can supply their own environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let bind = match lookup("BIND") {
            Some(v) => v.parse().map_err(|_| invalid("BIND", v, "an IP address such as 127.0.0.1"))?,
            None => IpAddr::V4(Ipv4Addr::LOCALHOST),
        };
        let port = match lookup("PORT") {
            Some(v) => v.parse().map_err(|_| invalid("PORT", v, "a port number 0-65535"))?,
            None => 8080,
        };
        let demo_content = flag(&lookup, "DEMO_CONTENT")?;
        let trust_proxy = flag(&lookup, "TRUST_PROXY")?;
        let pow_difficulty = match lookup("POW_DIFFICULTY") {
            Some(v) => {
                v.parse().ok().filter(|d| *d <= 32).ok_or_else(|| invalid("POW_DIFFICULTY", v, "a number 0-32"))?
            }
            None => 16,
        };
        let rate_limit_scale = match lookup("RATE_LIMIT_SCALE") {
            Some(v) => v
                .parse()
                .ok()
                .filter(|s| (1..=1000).contains(s))
                .ok_or_else(|| invalid("RATE_LIMIT_SCALE", v, "a number 1-1000"))?,
            None => 1,
        };
        let public_url = lookup("PUBLIC_URL").unwrap_or_else(|| format!("http://{}", SocketAddr::new(bind, port)));
        Ok(Config {
            bind,
            port,
            database_url: lookup("DATABASE_URL").unwrap_or_else(|| "sqlite://data/reception.db".into()).into(),
            smtp_url: lookup("SMTP_URL").map(SecretString::from),
            public_url: public_url.trim_end_matches('/').to_owned(),
            dist_dir: lookup("DIST_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("dist")),
            demo_content,
            outbox_dir: lookup("OUTBOX_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("data/outbox")),
            pow_difficulty,
            trust_proxy,
            rate_limit_scale,
        })
    }

    pub fn socket_addr(&self) -> SocketAddr {
        SocketAddr::new(self.bind, self.port)
    }

    pub fn database_url(&self) -> &str {
        self.database_url.expose_secret()
    }
}

fn flag(lookup: &impl Fn(&str) -> Option<String>, name: &'static str) -> Result<bool, ConfigError> {
    match lookup(name).as_deref() {
        None | Some("" | "0" | "false") => Ok(false),
        Some("1" | "true") => Ok(true),
        Some(other) => Err(invalid(name, other.to_owned(), "true or false")),
    }
}

fn invalid(name: &'static str, value: String, expected: &'static str) -> ConfigError {
    ConfigError::Invalid { name, value, expected }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let env: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|name| env.get(name).cloned())
    }

    #[test]
    fn defaults_serve_sqlite_on_localhost_8080() {
        let c = config(&[]).expect("defaults are valid");
        assert_eq!(c.socket_addr().to_string(), "127.0.0.1:8080");
        assert_eq!(c.database_url(), "sqlite://data/reception.db");
        assert_eq!(c.public_url, "http://127.0.0.1:8080");
        assert!(!c.demo_content);
    }

    #[test]
    fn environment_variables_override_the_defaults() {
        let c = config(&[
            ("PORT", "9000"),
            ("BIND", "0.0.0.0"),
            ("PUBLIC_URL", "https://gov.example/"),
            ("DEMO_CONTENT", "1"),
        ])
        .expect("valid");
        assert_eq!(c.socket_addr().to_string(), "0.0.0.0:9000");
        assert_eq!(c.public_url, "https://gov.example");
        assert!(c.demo_content);
    }

    #[test]
    fn a_bad_port_is_reported_by_name() {
        let err = config(&[("PORT", "eighty")]).expect_err("invalid");
        assert!(err.to_string().starts_with("PORT has an invalid value"), "{err}");
    }

    #[test]
    fn the_database_password_never_prints() {
        let c = config(&[("DATABASE_URL", "postgres://u:hunter2@db/x")]).expect("valid");
        assert!(!format!("{c:?}").contains("hunter2"));
    }
}
