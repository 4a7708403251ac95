//! The online reception's backend: `app(state)` builds the whole HTTP service, so tests call it
//! without a socket and `main` only adds configuration, the database and the listener.

pub mod antispam;
pub mod auth;
pub mod calendar;
pub mod config;
pub mod db;
pub mod deadlines;
pub mod demo;
pub mod error;
pub mod feed;
pub mod mail;
pub mod rich_text;
pub mod routes;
pub mod search;
pub mod security;
pub mod spa;
pub mod store;
pub mod suggest;
pub mod telemetry;
pub mod uploads;

use std::path::PathBuf;
use std::sync::Arc;

pub use config::Config;
pub use db::Db;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    /// The built WebAssembly app (Trunk's `dist`), if there is one to serve.
    pub dist_dir: Option<Arc<PathBuf>>,
    pub antispam: Arc<antispam::Antispam>,
    /// Where citizens reach the site, for links in emails (no trailing slash).
    pub public_url: Arc<str>,
    pub trust_proxy: bool,
    /// Multiplies every rate limit (`RATE_LIMIT_SCALE`).
    pub rate_limit_scale: i64,
}

impl AppState {
    /// Builds the state from the configuration; the anti-spam key is shared through the database.
    pub async fn load(db: Db, config: &Config, dist_dir: Option<PathBuf>) -> Result<Self, sqlx::Error> {
        let key = store::antispam::shared_key(&db, "antispam").await?;
        // Deadlines count on the calendar; the standard holidays of the years around now are data.
        let year = chrono::Datelike::year(&chrono::Utc::now());
        store::calendar::seed_standard(&db, year - 1..=year + 2).await?;
        Ok(AppState {
            db,
            dist_dir: dist_dir.map(Arc::new),
            antispam: Arc::new(antispam::Antispam::new(key, config.pow_difficulty)),
            public_url: config.public_url.as_str().into(),
            trust_proxy: config.trust_proxy,
            rate_limit_scale: config.rate_limit_scale,
        })
    }
}

pub use routes::app;
