//! The online reception's backend: `app(state)` builds the whole HTTP service, so tests call it
//! without a socket and `main` only adds configuration, the database and the listener.

pub mod calendar;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod mail;
pub mod routes;
pub mod security;
pub mod spa;
pub mod store;
pub mod telemetry;

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
}

impl AppState {
    pub fn new(db: Db, dist_dir: Option<PathBuf>) -> Self {
        AppState { db, dist_dir: dist_dir.map(Arc::new) }
    }
}

pub use routes::app;
