//! The built app is served with the right status and cache lifetimes, and the CSP admits
//! exactly its inline scripts.

use crate::support::{Backend, TestApp};
use base64::Engine;
use sha2::{Digest, Sha256};

const PRE_PAINT: &str = "document.documentElement.dataset.ready='1'";

fn fake_dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let html = format!("<!doctype html><html><head><script>{PRE_PAINT}</script></head><body></body></html>");
    std::fs::write(dir.path().join("index.html"), html).expect("write");
    std::fs::write(dir.path().join("app-0123456789abcdef.js"), "export {}").expect("write");
    std::fs::write(dir.path().join("robots.txt"), "User-agent: *").expect("write");
    std::fs::create_dir(dir.path().join("archive")).expect("mkdir");
    let archive = format!(
        "<!doctype html><html><head><script>{PRE_PAINT}</script><script>{ARCHIVE_LOADER}</script></head></html>"
    );
    std::fs::write(dir.path().join("archive/index.html"), archive).expect("write");
    dir
}

const ARCHIVE_LOADER: &str = "import('/archive/archive-0123456789abcdef.js')";

#[tokio::test]
async fn app_routes_get_the_page_and_other_addresses_a_404_page() {
    let dist = fake_dist();
    let app = TestApp::with_dist(Backend::Sqlite, Some(dist.path().to_owned())).await;
    for uri in ["/", "/kk", "/ru/bodies/enbek", "/en/no-such-page"] {
        let res = app.get(uri).await;
        assert_eq!(res.status, 200, "{uri}");
        assert!(res.text().contains(PRE_PAINT), "{uri}");
        assert_eq!(res.header("cache-control"), "no-cache");
    }
    for uri in ["/de/bodies", "/admin"] {
        let res = app.get(uri).await;
        assert_eq!(res.status, 404, "{uri}");
        assert!(res.text().contains("<!doctype html>"), "{uri}: the app shows its not-found page");
    }
    app.finish().await;
}

#[tokio::test]
async fn hashed_assets_are_cached_for_a_year_and_missing_files_are_404() {
    let dist = fake_dist();
    let app = TestApp::with_dist(Backend::Sqlite, Some(dist.path().to_owned())).await;
    let res = app.get("/app-0123456789abcdef.js").await;
    assert_eq!(res.status, 200);
    assert_eq!(res.header("cache-control"), "public, max-age=31536000, immutable");
    let res = app.get("/robots.txt").await;
    assert_eq!(res.status, 200);
    assert_eq!(res.header("cache-control"), "public, max-age=3600");
    assert_eq!(app.get("/app-ffffffffffffffff.js").await.status, 404);
    assert_eq!(app.get("/../Cargo.toml").await.status, 404);
    app.finish().await;
}

#[tokio::test]
async fn the_content_security_policy_admits_the_inline_script_by_hash() {
    let dist = fake_dist();
    let app = TestApp::with_dist(Backend::Sqlite, Some(dist.path().to_owned())).await;
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(PRE_PAINT.as_bytes()));
    let csp = app.get("/kk").await.header("content-security-policy").to_owned();
    assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
    assert!(!csp.contains("unsafe-inline"));
    app.finish().await;
}

#[tokio::test]
async fn archive_pages_get_the_archive_bundle_and_its_loader_is_allowed() {
    let dist = fake_dist();
    let app = TestApp::with_dist(Backend::Sqlite, Some(dist.path().to_owned())).await;
    for uri in ["/kk/bodies/enbek/questions", "/ru/questions/42"] {
        let res = app.get(uri).await;
        assert_eq!(res.status, 200, "{uri}");
        assert!(res.text().contains(ARCHIVE_LOADER), "{uri} gets the archive bundle");
    }
    assert!(!app.get("/ru/questions/ask").await.text().contains(ARCHIVE_LOADER));
    let csp = app.get("/kk").await.header("content-security-policy").to_owned();
    for script in [PRE_PAINT, ARCHIVE_LOADER] {
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()));
        assert_eq!(csp.matches(&format!("'sha256-{hash}'")).count(), 1, "{script} once in {csp}");
    }
    app.finish().await;
}
