use crate::on_both_databases;
use crate::support::TestApp;

on_both_databases!(
    health_reports_the_database_backend,
    the_openapi_document_describes_every_endpoint,
    every_response_carries_security_headers_and_a_request_id,
    health_answers_503_when_the_database_is_gone,
);

async fn health_reports_the_database_backend(app: &TestApp) {
    let res = app.get("/api/health").await;
    assert_eq!(res.status, 200);
    let json = res.json();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["database"], app.db.backend());
}

async fn the_openapi_document_describes_every_endpoint(app: &TestApp) {
    let res = app.get("/api/openapi.json").await;
    assert_eq!(res.status, 200);
    let doc = res.json();
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")), "{}", doc["openapi"]);
    for path in ["/api/health", "/api/v1/bodies", "/api/v1/bodies/{slug}"] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} is not documented");
    }
    for schema in ["Body", "BodyList", "ApiError", "ErrorCode", "Health"] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema} is not documented");
    }
}

async fn every_response_carries_security_headers_and_a_request_id(app: &TestApp) {
    for uri in ["/api/v1/bodies", "/api/nothing"] {
        let res = app.get(uri).await;
        let csp = res.header("content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"), "{uri}: {csp}");
        assert_eq!(res.header("x-content-type-options"), "nosniff");
        assert_eq!(res.header("referrer-policy"), "strict-origin-when-cross-origin");
        assert_eq!(res.header("x-request-id").len(), 36, "{uri}: a UUID request id");
    }
}

async fn health_answers_503_when_the_database_is_gone(app: &TestApp) {
    app.db.close().await;
    let res = app.get("/api/health").await;
    assert_eq!(res.status, 503);
    assert_eq!(res.json()["code"], "unavailable");
    let res = app.get("/api/v1/bodies").await;
    assert_eq!(res.status, 503);
    assert_eq!(res.json()["code"], "unavailable");
}
