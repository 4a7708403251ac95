use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use server::{AppState, Db, app, demo};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use tower::ServiceExt;

#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A fresh database with the demo content, and the app on top of it.
pub struct TestApp {
    pub db: Db,
    router: Router,
    /// Keeps the SQLite file alive for the test's duration.
    _dir: tempfile::TempDir,
    /// The PostgreSQL database to drop afterwards, and the server's admin URL.
    pg: Option<(String, String)>,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl TestResponse {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
    }
}

/// Where PostgreSQL tests create their databases. `cargo xtask test` sets it up and exports it.
fn postgres_admin_url() -> String {
    std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A database name made only of our own digits and letters, so it is safe to put into SQL.
fn unique_name() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    format!("reception_test_{}_{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed), nanos)
}

impl TestApp {
    pub async fn new(backend: Backend) -> TestApp {
        Self::with_dist(backend, None).await
    }

    pub async fn with_dist(backend: Backend, dist: Option<PathBuf>) -> TestApp {
        // Server logs show up in the output of a failing test.
        server::telemetry::init_with_default("warn,sqlx=warn");
        let dir = tempfile::tempdir().expect("temporary folder");
        let (url, pg) = match backend {
            Backend::Sqlite => (format!("sqlite://{}", dir.path().join("test.db").display()), None),
            Backend::Postgres => {
                let admin = postgres_admin_url();
                let name = unique_name();
                let pool = sqlx::PgPool::connect(&admin)
                    .await
                    .unwrap_or_else(|e| panic!("PostgreSQL at TEST_DATABASE_URL ({admin}) is needed: {e}"));
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&pool)
                    .await
                    .expect("create database");
                pool.close().await;
                let (base, _) = admin.rsplit_once('/').expect("URL with a database name");
                (format!("{base}/{name}"), Some((name, admin)))
            }
        };
        let db = Db::connect(&url).await.expect("connect and migrate");
        demo::load_if_empty(&db).await.expect("demo content");
        let config = server::Config::from_lookup(|name| (name == "POW_DIFFICULTY").then(|| "4".to_owned()))
            .expect("test configuration");
        let state = AppState::load(db.clone(), &config, dist).await.expect("state");
        let router = app(state);
        TestApp { db, router, _dir: dir, pg }
    }

    pub async fn request(&self, request: Request<Body>) -> TestResponse {
        let response = self.router.clone().oneshot(request).await.expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await.expect("body").to_bytes().to_vec();
        TestResponse { status, headers, body }
    }

    pub async fn get(&self, uri: &str) -> TestResponse {
        self.request(Request::get(uri).body(Body::empty()).expect("request")).await
    }

    pub async fn post_json(&self, uri: &str, body: &serde_json::Value, headers: &[(&str, &str)]) -> TestResponse {
        let mut request = Request::post(uri).header("content-type", "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.request(request.body(Body::from(body.to_string())).expect("request")).await
    }

    /// Closes the pool and drops a PostgreSQL test database.
    pub async fn finish(self) {
        self.db.close().await;
        if let Some((name, admin)) = self.pg {
            let pool = sqlx::PgPool::connect(&admin).await.expect("admin connection");
            sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")))
                .execute(&pool)
                .await
                .expect("drop");
            pool.close().await;
        }
    }
}

/// Declares each listed `async fn name(app: &TestApp)` as two tests, `sqlite::name` and
/// `postgres::name`, each on its own fresh database.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let app = $crate::support::TestApp::new($crate::support::Backend::Sqlite).await;
                    super::$name(&app).await;
                    app.finish().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    let app = $crate::support::TestApp::new($crate::support::Backend::Postgres).await;
                    super::$name(&app).await;
                    app.finish().await;
                }
            )*
        }
    };
}

impl TestApp {
    /// Sends a request without a body, with these headers (a `cookie`, an `x-csrf-token`...).
    pub async fn send(&self, method: &str, uri: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut request = Request::builder().method(method).uri(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.request(request.body(Body::empty()).expect("request")).await
    }
}
