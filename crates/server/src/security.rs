//! Security headers on every response. The Content-Security-Policy allows the app's own files,
//! WebAssembly compilation, and exactly the inline scripts of the built `index.html` (the
//! pre-paint settings script and Trunk's loader), each by its SHA-256 hash.

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;
use tower_http::set_header::SetResponseHeaderLayer;

/// The `'sha256-...'` sources of every inline `<script>` in `html`.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let Some(close) = after.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            let content = &after[tag_end + 1..close];
            let digest = Sha256::digest(content.as_bytes());
            hashes.push(format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest)));
        }
        rest = &after[close + "</script>".len()..];
    }
    hashes
}

pub fn content_security_policy(dist_dir: Option<&Path>) -> String {
    let pages = api::bundles::Bundle::ALL
        .map(|b| dist_dir.and_then(|d| std::fs::read_to_string(d.join(crate::spa::index_of(b))).ok()));
    let mut hashes: Vec<String> = pages.iter().flatten().flat_map(|html| inline_script_hashes(html)).collect();
    hashes.sort();
    hashes.dedup();
    let scripts = hashes.join(" ");
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {scripts}; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

pub fn headers(router: Router, csp: &str) -> Router {
    let csp = HeaderValue::from_str(csp).unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
    let set = |name: HeaderName, value: HeaderValue| SetResponseHeaderLayer::if_not_present(name, value);
    router
        .layer(set(header::CONTENT_SECURITY_POLICY, csp))
        .layer(set(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(set(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin")))
        .layer(set(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(set(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inline_scripts_are_hashed() {
        let html =
            r#"<head><script>a()</script><script src="/x.js"></script><script type="module">b()</script></head>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 2);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"a()"));
        assert_eq!(hashes[0], format!("'sha256-{expected}'"));
    }

    #[test]
    fn the_policy_forbids_framing_and_allows_wasm() {
        let csp = content_security_policy(None);
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(!csp.contains("'unsafe-inline'"));
    }
}
