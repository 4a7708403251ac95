use crate::on_both_databases;
use crate::support::TestApp;
use axum::Router;
use axum::body::Body;
use axum::http::Request;
use axum::routing::{get, post};
use http_body_util::BodyExt;
use server::error::ApiJson;
use tower::ServiceExt;

on_both_databases!(an_unknown_api_address_is_a_json_404, a_wrong_method_is_a_json_405);

async fn an_unknown_api_address_is_a_json_404(app: &TestApp) {
    for uri in ["/api", "/api/v1", "/api/v1/nothing-here", "/api/v2/bodies"] {
        let res = app.get(uri).await;
        assert_eq!(res.status, 404, "{uri}");
        assert_eq!(res.json()["code"], "not_found", "{uri}");
    }
}

async fn a_wrong_method_is_a_json_405(app: &TestApp) {
    let res = app.request(Request::delete("/api/v1/bodies").body(Body::empty()).expect("request")).await;
    assert_eq!(res.status, 405);
    assert_eq!(res.json()["code"], "method_not_allowed");
}

#[derive(serde::Deserialize, serde::Serialize)]
struct Greeting {
    name: String,
    age: u8,
}

/// A router that uses the app's JSON extractor the way every write endpoint does.
fn echo_router() -> Router {
    Router::new().route("/echo", post(|ApiJson(g): ApiJson<Greeting>| async move { ApiJson(g) }))
}

async fn post_echo(content_type: Option<&str>, body: &str) -> (u16, serde_json::Value) {
    let mut request = Request::post("/echo");
    if let Some(ct) = content_type {
        request = request.header("content-type", ct);
    }
    let response =
        echo_router().oneshot(request.body(Body::from(body.to_owned())).expect("request")).await.expect("infallible");
    let status = response.status().as_u16();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null))
}

#[tokio::test]
async fn malformed_json_is_a_400_in_the_apps_error_shape() {
    let (status, json) = post_echo(Some("application/json"), "{\"name\": \"Айгүл\",").await;
    assert_eq!(status, 400);
    assert_eq!(json["code"], "malformed_json");
    assert!(json["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[tokio::test]
async fn json_with_a_wrong_field_type_is_a_422() {
    let (status, json) = post_echo(Some("application/json"), "{\"name\": \"Айгүл\", \"age\": \"many\"}").await;
    assert_eq!(status, 422);
    assert_eq!(json["code"], "invalid_input");
}

#[tokio::test]
async fn a_body_that_is_not_declared_as_json_is_refused_with_the_apps_error_shape() {
    let (status, json) = post_echo(None, "{\"name\": \"A\", \"age\": 3}").await;
    assert_eq!(status, 400);
    assert_eq!(json["code"], "malformed_json");
}

#[tokio::test]
async fn valid_json_passes_through() {
    let (status, json) = post_echo(Some("application/json"), "{\"name\": \"Айгүл\", \"age\": 30}").await;
    assert_eq!(status, 200);
    assert_eq!(json["name"], "Айгүл");
}

/// Stands in for any bug in a handler.
async fn buggy_handler() -> &'static str {
    panic!("a bug in a handler")
}

#[tokio::test]
async fn a_panicking_handler_answers_a_json_500_and_the_server_lives_on() {
    let router = server::telemetry::layers(Router::new().route("/boom", get(buggy_handler)));
    let response =
        router.clone().oneshot(Request::get("/boom").body(Body::empty()).expect("request")).await.expect("infallible");
    assert_eq!(response.status(), 500);
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    let json: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    assert_eq!(json["code"], "internal");
    assert!(!json["message"].as_str().unwrap_or_default().contains("a bug in a handler"));
}
