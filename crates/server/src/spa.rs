//! Serves the built WebAssembly app: its hashed assets with long cache lifetimes, and
//! `index.html` for every app route so the client-side router takes over.

use crate::AppState;
use crate::error::AppError;
use api::Lang;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeFile;

/// Trunk names built assets `name-<hex hash>.ext` (the wasm `name-<hash>_bg.wasm`); such a
/// file never changes, so browsers may keep it for a year.
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let stem = file.split('.').next().unwrap_or_default().trim_end_matches("_bg");
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| (12..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Whether the app has a page here: `/` and everything under a known language prefix.
/// Other addresses still get the app (it shows its not-found page) but with status 404.
fn is_app_route(path: &str) -> bool {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or_default();
    first.is_empty() || first.parse::<Lang>().is_ok()
}

/// The page that starts each bundle, relative to the built app's folder.
pub fn index_of(bundle: api::bundles::Bundle) -> &'static str {
    match bundle {
        api::bundles::Bundle::Main => "index.html",
        api::bundles::Bundle::Ask => "ask/index.html",
        api::bundles::Bundle::Archive => "archive/index.html",
        api::bundles::Bundle::Office => "office/index.html",
        api::bundles::Bundle::Appeals => "appeals/index.html",
        api::bundles::Bundle::Sections => "sections/index.html",
        api::bundles::Bundle::Editor => "editor/index.html",
    }
}

pub async fn serve(State(state): State<AppState>, request: Request) -> Response {
    let Some(dist) = state.dist_dir.clone() else {
        return AppError::not_found().into_response();
    };
    let path = request.uri().path().to_owned();
    let last_segment = path.rsplit('/').next().unwrap_or_default();

    if last_segment.contains('.') && !path.contains("..") {
        let file = dist.join(path.trim_start_matches('/'));
        if file.is_file() {
            let mut response = ServeFile::new(&file)
                .precompressed_br()
                .precompressed_gzip()
                .oneshot(request)
                .await
                .map(IntoResponse::into_response)
                .unwrap_or_else(|never| match never {});
            let cache =
                if is_hashed_asset(&path) { "public, max-age=31536000, immutable" } else { "public, max-age=3600" };
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
            return response;
        }
        return (StatusCode::NOT_FOUND, "Not found").into_response();
    }

    let status = if is_app_route(&path) { StatusCode::OK } else { StatusCode::NOT_FOUND };
    let index = dist.join(index_of(api::bundles::bundle_for_path(&path)));
    match tokio::fs::read(index).await {
        Ok(html) => Response::builder()
            .status(status)
            .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
            // The page names the current hashed assets, so it must be revalidated every time.
            .header(header::CACHE_CONTROL, "no-cache")
            .body(Body::from(html))
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response()),
        Err(e) => {
            tracing::error!(error = %e, "the built app has no index.html");
            AppError::new(api::ErrorCode::Unavailable, "The app is not built.").into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_hashed_files_are_recognised() {
        assert!(is_hashed_asset("/app-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed_asset("/app-1a2b3c4d5e6f7a8b.js"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/favicon.ico"));
        assert!(!is_hashed_asset("/robots.txt"));
    }

    #[test]
    fn language_prefixes_are_app_routes_and_others_are_not() {
        for path in ["/", "/kk", "/ru/", "/en/bodies/enbek", "/kk/no-such-page"] {
            assert!(is_app_route(path), "{path}");
        }
        for path in ["/de", "/fr/bodies", "/admin", "/KK"] {
            assert!(!is_app_route(path), "{path}");
        }
    }
}
