//! Demo content of each body besides its answers (demo/content/{slug}.json): the head's
//! biography and photo, blog posts (one a draft, one scheduled), the FAQ, reception sessions,
//! open dialogue links, and questions citizens asked the head on the blog. The images are
//! illustrations made for the demo (demo/images).

use crate::db::Db;
use crate::demo::questions::DemoQuestion;
use crate::store::{blog, sections};
use crate::with_db;
use api::content::{
    DialogueKind, FaqDraft, HeadProfileDraft, LinkDraft, LocalizedDraft, MediaId, PostDraft, PostState, PostText,
    SlotDraft,
};
use api::{BodySlug, Lang};
use chrono::{DateTime, Duration, NaiveTime, Utc};

const SLUGS: [&str; 5] = ["enbek", "dsm", "edu", "minfin", "astana"];

macro_rules! demo_files {
    ($($slug:literal),*) => {
        /// Each body's content file, by slug.
        const FILES: [(&str, &str); 5] = [$(($slug, include_str!(concat!("../../demo/content/", $slug, ".json")))),*];
        /// Each body's images, by file name.
        const IMAGES: [(&str, &[u8]); 20] = [$(
            (concat!($slug, "-head.png"), include_bytes!(concat!("../../demo/images/", $slug, "-head.png"))),
            (concat!($slug, "-cover-1.png"), include_bytes!(concat!("../../demo/images/", $slug, "-cover-1.png"))),
            (concat!($slug, "-cover-2.png"), include_bytes!(concat!("../../demo/images/", $slug, "-cover-2.png"))),
            (concat!($slug, "-cover-3.png"), include_bytes!(concat!("../../demo/images/", $slug, "-cover-3.png"))),
        )*];
    };
}
demo_files!("enbek", "dsm", "edu", "minfin", "astana");

#[derive(Debug, serde::Deserialize)]
struct Texts {
    kk: String,
    ru: String,
    en: String,
}

impl Texts {
    fn draft(&self) -> LocalizedDraft {
        LocalizedDraft { kk: self.kk.clone(), ru: self.ru.clone(), en: self.en.clone() }
    }
}

#[derive(Debug, serde::Deserialize)]
struct DemoPostText {
    title: String,
    body_html: String,
}

#[derive(Debug, serde::Deserialize)]
struct DemoPost {
    days_ago: i64,
    #[serde(default)]
    draft: bool,
    cover: Option<String>,
    cover_alt: Option<Texts>,
    texts: PostTexts,
}

#[derive(Debug, serde::Deserialize)]
struct PostTexts {
    kk: Option<DemoPostText>,
    ru: Option<DemoPostText>,
    en: Option<DemoPostText>,
}

impl PostTexts {
    fn each(&self) -> impl Iterator<Item = (Lang, &DemoPostText)> {
        [(Lang::Kk, &self.kk), (Lang::Ru, &self.ru), (Lang::En, &self.en)]
            .into_iter()
            .filter_map(|(lang, text)| Some((lang, text.as_ref()?)))
    }
}

#[derive(Debug, serde::Deserialize)]
struct DemoFaq {
    category: Option<String>,
    question: Texts,
    answer_html: Texts,
}

#[derive(Debug, serde::Deserialize)]
struct DemoSlot {
    official: Texts,
    position: Texts,
    in_days: i64,
    time: String,
    minutes: u16,
    place: Texts,
    online: bool,
    capacity: u16,
}

#[derive(Debug, serde::Deserialize)]
struct DemoLink {
    kind: String,
    title: Texts,
    url: String,
    starts_in_days: Option<i64>,
    ends_in_days: Option<i64>,
}

#[derive(Debug, serde::Deserialize)]
struct DemoBlogQuestion {
    category: String,
    lang: Lang,
    author: String,
    question: String,
    answer: String,
    days_ago: i64,
}

#[derive(Debug, serde::Deserialize)]
struct BodyContent {
    biography: Texts,
    photo: String,
    photo_alt: Texts,
    posts: Vec<DemoPost>,
    faq: Vec<DemoFaq>,
    schedule: Vec<DemoSlot>,
    dialogue: Vec<DemoLink>,
    blog_questions: Vec<DemoBlogQuestion>,
}

fn content(slug: &str) -> Option<BodyContent> {
    let (_, raw) = FILES.iter().find(|(s, _)| *s == slug)?;
    // Part of the binary and parsed by a unit test, so this cannot fail at run time.
    Some(serde_json::from_str(raw).expect("demo content is valid"))
}

fn image(name: &str) -> Option<&'static [u8]> {
    IMAGES.iter().find(|(n, _)| *n == name).map(|(_, bytes)| *bytes)
}

/// Today at `time` (HH:MM, Astana time, UTC+5) plus `days`.
fn astana_time(now: DateTime<Utc>, days: i64, time: &str) -> DateTime<Utc> {
    let day = crate::store::workflow::kazakhstan_date(now) + Duration::days(days);
    let time = NaiveTime::parse_from_str(time, "%H:%M").unwrap_or_default();
    day.and_time(time).and_utc() - Duration::hours(5)
}

/// The questions citizens asked the heads on their blogs, as demo questions of the blog
/// channel, answered some working days after they were asked.
pub fn blog_questions(today: chrono::NaiveDate) -> Vec<DemoQuestion> {
    SLUGS
        .into_iter()
        .filter_map(|slug| Some((slug, content(slug)?)))
        .flat_map(|(slug, content)| {
            content.blog_questions.into_iter().enumerate().map(move |(n, q)| DemoQuestion {
                body: slug.to_owned(),
                category: q.category,
                lang: q.lang,
                author: q.author,
                question: q.question,
                answer: q.answer,
                // Old enough that the answer is published before today.
                asked: today - Duration::days(q.days_ago.max(30)),
                answered_working_days: 4 + (n as u32 % 6),
                satisfied: 3 + (n as i64 * 7) % 11,
                unsatisfied: (n as i64 * 3) % 4,
                blog: true,
            })
        })
        .collect()
}

/// Loads each body's content unless some body already has a blog post. Returns whether it did.
pub async fn load_if_empty(db: &Db, now: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let posts: i64 = with_db!(db, |pool| sqlx::query_scalar("SELECT COUNT(*) FROM blog_posts").fetch_one(pool).await)?;
    if posts > 0 {
        return Ok(false);
    }
    for slug in SLUGS {
        let (Ok(parsed), Some(content)) = (BodySlug::parse(slug), content(slug)) else { continue };
        let Some(body) = crate::store::bodies::id_of(db, &parsed).await? else { continue };
        load_body(db, body, &content, now).await?;
    }
    Ok(true)
}

async fn add_image(db: &Db, body: i64, name: &str, now: DateTime<Utc>) -> Result<Option<MediaId>, sqlx::Error> {
    match image(name) {
        Some(bytes) => Ok(Some(MediaId(blog::add_media(db, body, "png", bytes, now).await?))),
        None => Ok(None),
    }
}

async fn load_body(db: &Db, body: i64, content: &BodyContent, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    if let Some(head) = blog::head_profile(db, body).await? {
        let profile = HeadProfileDraft {
            name: LocalizedDraft { kk: head.name.kk, ru: head.name.ru, en: head.name.en },
            position: LocalizedDraft { kk: head.position.kk, ru: head.position.ru, en: head.position.en },
            biography: content.biography.draft(),
            photo: add_image(db, body, &content.photo, now).await?,
            photo_alt: content.photo_alt.draft(),
        };
        blog::save_head_profile(db, body, &profile).await?;
    }
    // Oldest first, so ids grow with the dates as they do in real use.
    let mut posts: Vec<&DemoPost> = content.posts.iter().collect();
    posts.sort_by_key(|p| std::cmp::Reverse(p.days_ago));
    for post in posts {
        let cover = match &post.cover {
            Some(name) => add_image(db, body, name, now).await?,
            None => None,
        };
        let draft = PostDraft {
            texts: post
                .texts
                .each()
                .map(|(lang, t)| PostText {
                    lang,
                    title: t.title.clone(),
                    body_html: crate::rich_text::sanitize(&t.body_html),
                })
                .collect(),
            state: if post.draft { PostState::Draft } else { PostState::Published },
            publish_at: Some(astana_time(now, -post.days_ago, "11:00").timestamp()),
            cover,
            cover_alt: post.cover_alt.as_ref().map(Texts::draft).unwrap_or_default(),
        };
        blog::create_post(db, body, &draft, astana_time(now, -post.days_ago.max(0), "10:00")).await?;
    }
    let categories: Vec<(String, i64)> = with_db!(db, |pool| {
        sqlx::query_as("SELECT code, id FROM categories WHERE body_id = $1").bind(body).fetch_all(pool).await
    })?;
    for (position, entry) in (0i32..).zip(&content.faq) {
        let category = entry.category.as_ref().and_then(|code| categories.iter().find(|(c, _)| c == code));
        let draft = FaqDraft {
            category_id: category.map(|(_, id)| api::CategoryId(*id)),
            question: entry.question.draft(),
            answer_html: LocalizedDraft {
                kk: crate::rich_text::sanitize(&entry.answer_html.kk),
                ru: crate::rich_text::sanitize(&entry.answer_html.ru),
                en: crate::rich_text::sanitize(&entry.answer_html.en),
            },
            position,
        };
        sections::save_faq(db, body, None, &draft).await?;
    }
    for slot in &content.schedule {
        let draft = SlotDraft {
            official: slot.official.draft(),
            position: slot.position.draft(),
            starts_at: astana_time(now, slot.in_days, &slot.time).timestamp(),
            minutes: slot.minutes,
            place: slot.place.draft(),
            online: slot.online,
            capacity: slot.capacity,
        };
        sections::save_slot(db, body, None, &draft).await?;
    }
    for link in &content.dialogue {
        let draft = LinkDraft {
            kind: DialogueKind::parse(&link.kind).unwrap_or(DialogueKind::Other),
            title: link.title.draft(),
            url: link.url.clone(),
            starts_at: link.starts_in_days.map(|d| astana_time(now, d, "09:00").timestamp()),
            ends_at: link.ends_in_days.map(|d| astana_time(now, d, "18:00").timestamp()),
        };
        sections::save_link(db, body, None, &draft).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_body_has_a_head_profile_posts_faq_schedule_and_links_that_pass_the_editors_checks() {
        let now = Utc::now();
        for slug in SLUGS {
            let content = content(slug).expect(slug);
            assert!(image(&content.photo).is_some(), "{slug}: photo {}", content.photo);
            assert!(content.posts.len() >= 12, "{slug}: {} posts", content.posts.len());
            let in_both = content.posts.iter().filter(|p| p.texts.kk.is_some() && p.texts.ru.is_some());
            assert!(in_both.count() >= 12, "{slug}: posts in kk and ru");
            assert!(content.posts.iter().any(|p| p.texts.en.is_some()), "{slug}: some posts in en");
            for post in &content.posts {
                if let Some(cover) = &post.cover {
                    assert!(image(cover).is_some(), "{slug}: cover {cover}");
                }
            }
            assert!(content.faq.len() >= 10, "{slug}: {} FAQ entries", content.faq.len());
            for entry in &content.faq {
                let draft = FaqDraft {
                    category_id: None,
                    question: entry.question.draft(),
                    answer_html: entry.answer_html.draft(),
                    position: 0,
                };
                assert_eq!(draft.validate(), Ok(()), "{slug}: {:?}", entry.question.ru);
            }
            assert!(!content.schedule.is_empty(), "{slug}: schedule");
            for slot in &content.schedule {
                let draft = SlotDraft {
                    official: slot.official.draft(),
                    position: slot.position.draft(),
                    starts_at: astana_time(now, slot.in_days, &slot.time).timestamp(),
                    minutes: slot.minutes,
                    place: slot.place.draft(),
                    online: slot.online,
                    capacity: slot.capacity,
                };
                assert_eq!(draft.validate(now.timestamp()), Ok(()), "{slug}: {:?}", slot.official.ru);
            }
            for link in &content.dialogue {
                assert!(DialogueKind::parse(&link.kind).is_some(), "{slug}: {}", link.kind);
                assert!(api::content::is_https_address(&link.url), "{slug}: {}", link.url);
            }
        }
    }

    #[test]
    fn demo_blog_questions_name_real_categories_and_carry_no_personal_data() {
        let bodies = super::super::bodies();
        let questions = blog_questions(Utc::now().date_naive());
        for slug in SLUGS {
            assert!(questions.iter().filter(|q| q.body == slug).count() >= 5, "{slug}");
        }
        for q in &questions {
            let body = bodies.iter().find(|b| b.slug.as_str() == q.body).expect("body");
            assert!(body.categories.iter().any(|c| c.code == q.category), "{} / {}", q.body, q.category);
            assert!(api::domain::personal_data::find(&q.question).is_empty(), "personal data in: {}", q.question);
        }
    }
}
