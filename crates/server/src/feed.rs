//! The blog's Atom feed (RFC 4287) per body and language, written with `atom_syndication`.

use crate::store::blog::FeedEntry;
use api::Lang;
use api::content::HeadProfile;
use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use chrono::{DateTime, Utc};

fn blog_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "Басшының блогы",
        Lang::Ru => "Блог руководителя",
        Lang::En => "The head's blog",
    }
}

fn time(at: DateTime<Utc>) -> FixedDateTime {
    at.fixed_offset()
}

fn link(href: String, rel: &str, mime: Option<&str>) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(mime.map(str::to_owned));
    link
}

/// The feed's XML: entries newest first, each linking its page in the app.
pub fn atom(public_url: &str, head: &HeadProfile, lang: Lang, entries: &[FeedEntry]) -> String {
    let slug = head.body.slug.as_str();
    let blog_url = format!("{public_url}/{lang}/bodies/{slug}/blog");
    let mut author = Person::default();
    author.set_name(head.name.get(lang));
    let items: Vec<Entry> = entries
        .iter()
        .map(|e| {
            let url = format!("{blog_url}/{}", e.id);
            let mut entry = Entry::default();
            entry.set_id(url.clone());
            entry.set_title(Text::plain(e.title.clone()));
            entry.set_published(Some(time(e.publish_at)));
            entry.set_updated(time(e.updated_at.max(e.publish_at)));
            entry.set_links(vec![link(url, "alternate", Some("text/html"))]);
            entry.set_authors(vec![author.clone()]);
            entry.set_summary(Some(Text::plain(e.excerpt.clone())));
            let mut content = Content::default();
            content.set_content_type(Some("html".to_owned()));
            content.set_value(Some(e.body_html.clone()));
            entry.set_content(Some(content));
            entry
        })
        .collect();
    let updated = entries.iter().map(|e| e.updated_at.max(e.publish_at)).max().unwrap_or(DateTime::UNIX_EPOCH);
    let mut feed = Feed::default();
    feed.set_id(blog_url.clone());
    feed.set_title(Text::plain(format!("{}: {}", head.body.name.get(lang), blog_word(lang))));
    feed.set_lang(Some(lang.code().to_owned()));
    feed.set_updated(time(updated));
    feed.set_authors(vec![author]);
    feed.set_links(vec![
        link(blog_url.clone(), "alternate", Some("text/html")),
        link(format!("{public_url}/api/v1/bodies/{slug}/blog/feed?lang={lang}"), "self", Some("application/atom+xml")),
    ]);
    feed.set_entries(items);
    feed.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use api::archive::BodyRef;
    use api::{BodySlug, Localized};

    fn text(s: &str) -> Localized {
        Localized { kk: s.into(), ru: s.into(), en: s.into() }
    }

    #[test]
    fn the_feed_is_atom_with_each_post_linked_and_its_markup_escaped() {
        let head = HeadProfile {
            body: BodyRef {
                slug: BodySlug::parse("enbek").expect("slug"), name: text("Еңбек министрлігі")
            },
            name: text("Әсел Сейітова"),
            position: text("Министр"),
            biography: text(""),
            photo: None,
        };
        let at = DateTime::from_timestamp(1_780_000_000, 0).expect("time");
        let entry = FeedEntry {
            id: 7,
            title: "Жаңа бағдарлама & <жоспар>".into(),
            body_html: "<p>Мәтін</p>".into(),
            excerpt: "Мәтін".into(),
            publish_at: at,
            updated_at: at,
        };
        let xml = atom("https://reception.kz", &head, Lang::Kk, &[entry]);
        assert!(xml.starts_with("<?xml"), "{xml}");
        assert!(xml.contains(r#"<feed xmlns="http://www.w3.org/2005/Atom""#), "{xml}");
        assert!(xml.contains("<title>Еңбек министрлігі: Басшының блогы</title>"), "{xml}");
        assert!(xml.contains(r#"href="https://reception.kz/kk/bodies/enbek/blog/7""#), "{xml}");
        assert!(xml.contains("Жаңа бағдарлама &amp; &lt;жоспар&gt;"), "{xml}");
        assert!(xml.contains("&lt;p&gt;Мәтін&lt;/p&gt;"), "{xml}");
    }
}
