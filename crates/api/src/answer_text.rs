//! The executor writes an answer as plain text; it travels as HTML of the safe subset the
//! server keeps. Blank lines separate paragraphs, lines starting with "- " make a list, and
//! addresses starting with http(s):// become links. A draft comes back as the same text.

/// The answer's HTML: every character escaped, so typed markup stays text.
pub fn to_html(text: &str) -> String {
    let mut html = String::new();
    for block in text.replace("\r\n", "\n").split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        let lines: Vec<&str> = block.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if lines.iter().all(|l| l.starts_with("- ")) {
            html.push_str("<ul>");
            for line in lines {
                html.push_str(&format!("<li>{}</li>", inline(line.trim_start_matches("- ").trim())));
            }
            html.push_str("</ul>");
        } else {
            let joined: Vec<String> = lines.iter().map(|l| inline(l)).collect();
            html.push_str(&format!("<p>{}</p>", joined.join("<br>")));
        }
    }
    html
}

/// Escapes a line and turns its web addresses into links.
fn inline(line: &str) -> String {
    line.split(' ')
        .map(|word| {
            let url = word.trim_end_matches(['.', ',', ';', ')']);
            if (url.starts_with("https://") || url.starts_with("http://")) && url.len() > 8 {
                let rest = &word[url.len()..];
                format!("<a href=\"{0}\">{0}</a>{1}", escape(url), escape(rest))
            } else {
                escape(word)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The text of an answer's HTML, for editing a draft again: paragraphs become blank-line
/// separated, list items "- " lines, and links their address.
pub fn from_html(html: &str) -> String {
    let marked = html
        .replace("</p>", "\n\n")
        .replace("<br>", "\n")
        .replace("<br/>", "\n")
        .replace("<li>", "- ")
        .replace("</li>", "\n")
        .replace("</ul>", "\n")
        .replace("</ol>", "\n");
    let mut text = String::with_capacity(marked.len());
    let mut in_tag = false;
    for c in marked.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
    let text = text.replace("&amp;", "&");
    let blocks: Vec<String> = text
        .split("\n\n")
        .map(|b| b.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n"))
        .filter(|b| !b.is_empty())
        .collect();
    blocks.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_links_become_html() {
        let text = "Құрметті өтініш беруші!\n\nҚұжаттар:\n\n- жеке куәлік;\n- анықтама.\n\nТолығырақ: https://egov.kz/services.";
        assert_eq!(
            to_html(text),
            "<p>Құрметті өтініш беруші!</p><p>Құжаттар:</p><ul><li>жеке куәлік;</li><li>анықтама.</li></ul>\
             <p>Толығырақ: <a href=\"https://egov.kz/services\">https://egov.kz/services</a>.</p>"
        );
    }

    #[test]
    fn typed_markup_stays_text() {
        assert_eq!(
            to_html("<script>alert(1)</script> & \"x\""),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</p>"
        );
    }

    #[test]
    fn a_draft_comes_back_as_the_text_it_was_written_as() {
        let text =
            "Сообщаем следующее.\nВторая строка.\n\n- первое;\n- второе.\n\nСм. https://adilet.zan.kz/rus & <b>.";
        assert_eq!(from_html(&to_html(text)), text);
    }
}
