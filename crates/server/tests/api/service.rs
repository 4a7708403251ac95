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
    let endpoints = [
        ("get", "/api/health"),
        ("get", "/api/v1/bodies"),
        ("get", "/api/v1/bodies/{slug}"),
        ("get", "/api/v1/questions/challenge"),
        ("post", "/api/v1/questions"),
        ("post", "/api/v1/questions/confirm"),
        ("get", "/api/v1/bodies/{slug}/questions"),
        ("get", "/api/v1/questions/{id}"),
        ("post", "/api/v1/questions/{id}/votes"),
        ("post", "/api/v1/questions/{id}/rating"),
        ("post", "/api/v1/auth/login"),
        ("post", "/api/v1/auth/logout"),
        ("post", "/api/v1/auth/logout-everywhere"),
        ("get", "/api/v1/auth/me"),
        ("get", "/api/v1/office/bodies/{slug}/cases"),
        ("post", "/api/v1/office/cases/{id}/register"),
        ("post", "/api/v1/office/cases/{id}/answer"),
        ("post", "/api/v1/office/cases/{id}/publish"),
        ("post", "/api/v1/office/cases/{id}/reject"),
        ("get", "/api/v1/office/cases/{id}"),
        ("get", "/api/v1/office/bodies/{slug}/executors"),
        ("post", "/api/v1/office/cases/{id}/redirect"),
        ("post", "/api/v1/office/cases/{id}/return"),
        ("get", "/api/v1/office/calendar"),
        ("put", "/api/v1/office/calendar/{date}"),
        ("delete", "/api/v1/office/calendar/{date}"),
        ("get", "/api/v1/office/bodies/{slug}/settings"),
        ("put", "/api/v1/office/bodies/{slug}/settings"),
        ("post", "/api/v1/office/cases/{id}/extend"),
        ("post", "/api/v1/office/cases/{id}/leave"),
        ("post", "/api/v1/office/cases/{id}/files"),
        ("get", "/api/v1/office/files/{id}"),
        ("post", "/api/v1/appeals/email-code"),
        ("post", "/api/v1/appeals/email-code/check"),
        ("post", "/api/v1/appeals"),
        ("post", "/api/v1/appeals/track"),
        ("post", "/api/v1/appeals/track/files/{id}"),
        ("post", "/api/v1/appeals/track/rating"),
        ("post", "/api/v1/cabinet/link"),
        ("post", "/api/v1/cabinet/open"),
        ("post", "/api/v1/cabinet"),
        ("get", "/api/v1/questions"),
        ("get", "/api/v1/bodies/{slug}/head"),
        ("get", "/api/v1/bodies/{slug}/blog"),
        ("get", "/api/v1/blog/{id}"),
        ("get", "/api/v1/bodies/{slug}/blog/feed"),
        ("get", "/api/v1/bodies/{slug}/faq"),
        ("get", "/api/v1/bodies/{slug}/schedule"),
        ("get", "/api/v1/bodies/{slug}/dialogue"),
        ("get", "/api/v1/media/{id}"),
        ("post", "/api/v1/office/bodies/{slug}/media"),
        ("get", "/api/v1/office/bodies/{slug}/head"),
        ("put", "/api/v1/office/bodies/{slug}/head"),
        ("get", "/api/v1/office/bodies/{slug}/blog"),
        ("post", "/api/v1/office/bodies/{slug}/blog"),
        ("get", "/api/v1/office/bodies/{slug}/blog/{id}"),
        ("put", "/api/v1/office/bodies/{slug}/blog/{id}"),
        ("delete", "/api/v1/office/bodies/{slug}/blog/{id}"),
        ("post", "/api/v1/office/bodies/{slug}/faq"),
        ("put", "/api/v1/office/bodies/{slug}/faq/{id}"),
        ("delete", "/api/v1/office/bodies/{slug}/faq/{id}"),
        ("get", "/api/v1/office/bodies/{slug}/schedule"),
        ("post", "/api/v1/office/bodies/{slug}/schedule"),
        ("put", "/api/v1/office/bodies/{slug}/schedule/{id}"),
        ("delete", "/api/v1/office/bodies/{slug}/schedule/{id}"),
        ("post", "/api/v1/office/bodies/{slug}/dialogue"),
        ("put", "/api/v1/office/bodies/{slug}/dialogue/{id}"),
        ("delete", "/api/v1/office/bodies/{slug}/dialogue/{id}"),
        ("get", "/api/v1/office/bodies/{slug}/indicators"),
    ];
    for (method, path) in endpoints {
        assert!(doc["paths"][path][method].is_object(), "{method} {path} is not documented");
    }
    let documented: usize =
        doc["paths"].as_object().map(|p| p.values().map(|v| v.as_object().map_or(0, |m| m.len())).sum()).unwrap_or(0);
    assert_eq!(documented, endpoints.len(), "every documented endpoint is listed here, and no other");
    for schema in [
        "Body",
        "BodyList",
        "ApiError",
        "ErrorCode",
        "Health",
        "QuestionSubmission",
        "ArchivePage",
        "OfficeCase",
        "AppealSubmission",
        "AppealTracking",
        "Cabinet",
        "PostDraft",
        "Post",
        "FaqEntry",
        "ReceptionSlot",
        "DialogueIndicators",
    ] {
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
