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

/// The text of sanitised HTML, for search indexes, excerpts and feeds.
pub fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The beginning of a text, cut at a word's end near `len` characters, with an ellipsis.
pub fn excerpt(text: &str, len: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= len {
        return text;
    }
    let cut: String = text.chars().take(len).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end())
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
