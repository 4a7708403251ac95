//! The safe rich-text subset of answers: paragraphs, line breaks, lists, emphasis and links.
//! Everything else (scripts, styles, event handlers, images, frames) is removed on the server.

use std::collections::HashSet;

pub fn sanitize(html: &str) -> String {
    let tags: HashSet<&str> = ["p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a", "blockquote"].into();
    ammonia::Builder::default()
        .tags(tags)
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_styles_are_removed_and_the_text_stays() {
        let dirty = r#"<p onclick="steal()">Жауап <script>alert(1)</script><b style="x">маңызды</b></p><img src=x onerror=alert(1)><a href="javascript:alert(1)">сілтеме</a>"#;
        let clean = sanitize(dirty);
        assert_eq!(clean, r#"<p>Жауап <b>маңызды</b></p><a rel="noopener noreferrer nofollow">сілтеме</a>"#);
    }

    #[test]
    fn safe_links_and_lists_are_kept() {
        let html = r#"<ul><li><a href="https://egov.kz">eGov</a></li></ul>"#;
        assert_eq!(
            sanitize(html),
            r#"<ul><li><a href="https://egov.kz" rel="noopener noreferrer nofollow">eGov</a></li></ul>"#
        );
    }
}
