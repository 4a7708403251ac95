//! What a body publishes besides answers: the head's profile and blog, the FAQ, the reception
//! schedule and the open dialogue links (PRODUCT.md, "The sections"). Staff write it in the
//! office; anyone reads it. The drafts' `validate` is the one check both the office's forms and
//! the server run.

use crate::archive::{BodyRef, CategoryRef};
use crate::domain::{FieldError, FieldProblem, char_len as char_count};
use crate::{CategoryId, Lang, Localized};
use serde::{Deserialize, Serialize};

macro_rules! content_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(pub i64);
    };
}

content_id!(
    /// A blog post.
    PostId
);
content_id!(
    /// An uploaded image (a head's photo, a post's cover).
    MediaId
);
content_id!(
    /// An FAQ entry.
    FaqId
);
content_id!(
    /// A dated reception session of an official.
    SlotId
);
content_id!(
    /// An open dialogue link (a poll, a conference).
    LinkId
);

/// Limits, shared by the forms and the server.
pub const TITLE_MAX: usize = 200;
pub const POST_MAX: usize = 20_000;
pub const BIOGRAPHY_MAX: usize = 4_000;
pub const ALT_MAX: usize = 300;
pub const FAQ_QUESTION_MAX: usize = 500;
pub const FAQ_ANSWER_MAX: usize = 5_000;
pub const NAME_MAX: usize = 200;
pub const PLACE_MAX: usize = 300;
pub const URL_MAX: usize = 500;
/// An image's largest size in bytes.
pub const IMAGE_MAX_BYTES: usize = 5 * 1024 * 1024;

/// An image with its text alternative in each language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Image {
    pub id: MediaId,
    /// Where the browser loads it: `/api/v1/media/{id}`.
    pub url: String,
    pub alt: Localized,
}

/// The head of a body as the blog presents them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HeadProfile {
    pub body: BodyRef,
    pub name: Localized,
    pub position: Localized,
    /// Plain text; paragraphs are separated by blank lines.
    pub biography: Localized,
    pub photo: Option<Image>,
}

/// What staff send to change the head's profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HeadProfileDraft {
    pub name: LocalizedDraft,
    pub position: LocalizedDraft,
    pub biography: LocalizedDraft,
    /// An uploaded image, or none.
    pub photo: Option<MediaId>,
    /// Required with a photo.
    pub photo_alt: LocalizedDraft,
}

/// A text in each language as a form sends it: Kazakh and Russian are required wherever the
/// text is, English may be left empty (the Russian text is shown in its place).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocalizedDraft {
    #[serde(default)]
    pub kk: String,
    #[serde(default)]
    pub ru: String,
    #[serde(default)]
    pub en: String,
}

impl LocalizedDraft {
    /// Checks each language's text; `field` names it in errors as `{field}.kk` and so on.
    /// A required text needs Kazakh and Russian.
    pub fn check(&self, field: &str, required: bool, max: usize, errors: &mut Vec<FieldError>) {
        for (lang, text) in [("kk", &self.kk), ("ru", &self.ru), ("en", &self.en)] {
            let text = text.trim();
            let problem = if text.is_empty() && required && lang != "en" {
                Some(FieldProblem::Missing)
            } else if char_count(text) > max {
                Some(FieldProblem::TooLong)
            } else {
                None
            };
            if let Some(problem) = problem {
                errors.push(FieldError { field: format!("{field}.{lang}"), problem });
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.kk.trim().is_empty() && self.ru.trim().is_empty() && self.en.trim().is_empty()
    }

    /// The stored texts: trimmed, English falling back to Russian.
    pub fn to_localized(&self) -> Localized {
        let en = if self.en.trim().is_empty() { self.ru.trim() } else { self.en.trim() };
        Localized { kk: self.kk.trim().to_owned(), ru: self.ru.trim().to_owned(), en: en.to_owned() }
    }
}

impl HeadProfileDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        self.name.check("name", true, NAME_MAX, &mut errors);
        self.position.check("position", true, NAME_MAX, &mut errors);
        self.biography.check("biography", false, BIOGRAPHY_MAX, &mut errors);
        self.photo_alt.check("photo_alt", self.photo.is_some(), ALT_MAX, &mut errors);
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

/// One language's text of a post. A post has a text in at least one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostText {
    pub lang: Lang,
    pub title: String,
    /// The safe rich-text subset (paragraphs, lists, links, emphasis); the server sanitises it.
    pub body_html: String,
}

/// A post in a list: the page's language only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostSummary {
    pub id: PostId,
    pub title: String,
    /// The beginning of the text, without markup.
    pub excerpt: String,
    /// Unix seconds.
    pub published_at: i64,
    pub cover: Option<Image>,
}

/// A page of a body's blog in one language, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostPage {
    pub items: Vec<PostSummary>,
    /// An opaque cursor for `?after=`; absent on the last page.
    pub next: Option<String>,
    /// Published posts with no text in this language.
    pub in_other_languages: i64,
}

/// A published post. `text` is in the asked language, or absent when the post has none in it;
/// `langs` lists the languages it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Post {
    pub id: PostId,
    pub body: BodyRef,
    pub text: Option<PostText>,
    pub langs: Vec<Lang>,
    /// Unix seconds.
    pub published_at: i64,
    pub cover: Option<Image>,
}

/// Whether a post waits as a draft or is (or will be) public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PostState {
    Draft,
    /// Public from `publish_at` on (now, when absent or past).
    Published,
}

/// What staff send to create or change a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostDraft {
    pub texts: Vec<PostText>,
    pub state: PostState,
    /// Unix seconds: a future time schedules the publication.
    pub publish_at: Option<i64>,
    pub cover: Option<MediaId>,
    /// Required with a cover, in each language the post has.
    #[serde(default)]
    pub cover_alt: LocalizedDraft,
}

impl PostDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut push = |field: String, problem| errors.push(FieldError { field, problem });
        if self.texts.is_empty() {
            push("texts".into(), FieldProblem::Missing);
        }
        for (i, text) in self.texts.iter().enumerate() {
            let lang = text.lang.code();
            if self.texts[..i].iter().any(|t| t.lang == text.lang) {
                push(format!("texts.{lang}"), FieldProblem::TooMany);
            }
            match char_count(text.title.trim()) {
                0 => push(format!("texts.{lang}.title"), FieldProblem::Missing),
                n if n > TITLE_MAX => push(format!("texts.{lang}.title"), FieldProblem::TooLong),
                _ => {}
            }
            match char_count(text.body_html.trim()) {
                0 => push(format!("texts.{lang}.body_html"), FieldProblem::Missing),
                n if n > POST_MAX => push(format!("texts.{lang}.body_html"), FieldProblem::TooLong),
                _ => {}
            }
            if self.cover.is_some() {
                let alt = match text.lang {
                    Lang::Kk => &self.cover_alt.kk,
                    Lang::Ru => &self.cover_alt.ru,
                    Lang::En => &self.cover_alt.en,
                };
                match char_count(alt.trim()) {
                    0 => push(format!("cover_alt.{lang}"), FieldProblem::Missing),
                    n if n > ALT_MAX => push(format!("cover_alt.{lang}"), FieldProblem::TooLong),
                    _ => {}
                }
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

/// A post as staff see it: every language, drafts and scheduled ones included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficePost {
    pub id: PostId,
    pub texts: Vec<PostText>,
    pub state: PostState,
    /// Unix seconds; in the future for a scheduled post.
    pub publish_at: Option<i64>,
    pub cover: Option<Image>,
    /// Unix seconds.
    pub updated_at: i64,
}

/// One FAQ entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaqEntry {
    pub id: FaqId,
    /// The body's question category it belongs to; `None` for "general".
    pub category: Option<CategoryRef>,
    pub question: Localized,
    /// Sanitised HTML of the safe subset.
    pub answer_html: Localized,
    /// The order within its category, smallest first.
    pub position: i32,
}

/// What staff send to create or change an FAQ entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaqDraft {
    pub category_id: Option<CategoryId>,
    pub question: LocalizedDraft,
    pub answer_html: LocalizedDraft,
    #[serde(default)]
    pub position: i32,
}

impl FaqDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        self.question.check("question", true, FAQ_QUESTION_MAX, &mut errors);
        self.answer_html.check("answer_html", true, FAQ_ANSWER_MAX, &mut errors);
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

/// A dated reception session: who receives citizens, when, and where or online.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceptionSlot {
    pub id: SlotId,
    pub official: Localized,
    pub position: Localized,
    /// Unix seconds.
    pub starts_at: i64,
    pub minutes: u16,
    /// The address and room, or how to join when `online`.
    pub place: Localized,
    pub online: bool,
    /// How many citizens the session can receive.
    pub capacity: u16,
    /// Requests already made (not counting rejected ones).
    pub requested: u16,
}

/// What staff send to create or change a reception session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlotDraft {
    pub official: LocalizedDraft,
    pub position: LocalizedDraft,
    /// Unix seconds.
    pub starts_at: i64,
    pub minutes: u16,
    pub place: LocalizedDraft,
    pub online: bool,
    pub capacity: u16,
}

impl SlotDraft {
    pub fn validate(&self, now: i64) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        self.official.check("official", true, NAME_MAX, &mut errors);
        self.position.check("position", true, NAME_MAX, &mut errors);
        self.place.check("place", true, PLACE_MAX, &mut errors);
        let mut push = |field: &str, problem| errors.push(FieldError { field: field.into(), problem });
        if self.starts_at <= now {
            push("starts_at", FieldProblem::TooEarly);
        }
        if !(5..=480).contains(&self.minutes) {
            push("minutes", FieldProblem::BadFormat);
        }
        if !(1..=200).contains(&self.capacity) {
            push("capacity", FieldProblem::BadFormat);
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

/// What kind of open dialogue a link leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DialogueKind {
    Poll,
    Conference,
    Other,
}

impl DialogueKind {
    pub const ALL: [DialogueKind; 3] = [DialogueKind::Poll, DialogueKind::Conference, DialogueKind::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            DialogueKind::Poll => "poll",
            DialogueKind::Conference => "conference",
            DialogueKind::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Option<DialogueKind> {
        DialogueKind::ALL.into_iter().find(|k| k.as_str() == raw)
    }
}

/// A link to a poll, an online conference or another open dialogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DialogueLink {
    pub id: LinkId,
    pub kind: DialogueKind,
    pub title: Localized,
    /// An `https://` address.
    pub url: String,
    /// Unix seconds: when it opens or takes place, if it has a date.
    pub starts_at: Option<i64>,
    /// Unix seconds: when it closes; a closed link is listed under "past".
    pub ends_at: Option<i64>,
}

/// What staff send to create or change a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkDraft {
    pub kind: DialogueKind,
    pub title: LocalizedDraft,
    pub url: String,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
}

impl LinkDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        self.title.check("title", true, TITLE_MAX, &mut errors);
        let mut push = |field: &str, problem| errors.push(FieldError { field: field.into(), problem });
        let url = self.url.trim();
        if url.is_empty() {
            push("url", FieldProblem::Missing);
        } else if url.len() > URL_MAX {
            push("url", FieldProblem::TooLong);
        } else if !is_https_address(url) {
            push("url", FieldProblem::BadFormat);
        }
        if let (Some(start), Some(end)) = (self.starts_at, self.ends_at)
            && end < start
        {
            push("ends_at", FieldProblem::TooEarly);
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

/// An `https://host/...` address with no spaces or quotes: the only links staff may publish.
pub fn is_https_address(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.contains('.')
        && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == ':')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\'))
}

/// Blog posts in one language in a year, and the Open Dialogue points they earn (003, Table 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LangPosts {
    pub lang: Lang,
    pub posts: i64,
    /// Points times ten (15 = 1.5 points), so no rounding creeps in.
    pub points_tenths: i64,
}

/// The body's Open Dialogue indicators for a calendar year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DialogueIndicators {
    pub year: i32,
    pub posts: Vec<LangPosts>,
    /// Blog questions registered in the year (confirmed, not rejected as spam).
    pub blog_questions: i64,
    /// Of those, answered (answer approved and published).
    pub blog_answered: i64,
    /// Answered share in whole percent; 100 when there were no questions.
    pub answered_percent: i64,
    /// Under the 90 % threshold of 003, Table 11.
    pub below_threshold: bool,
}

/// The points for `posts` entries in a year in one language (003, Table 6): more than 50
/// earns 1.5, more than 25 earns 1, more than 10 earns 0.5, anything else 0.3.
pub fn blog_points_tenths(posts: i64) -> i64 {
    match posts {
        p if p > 50 => 15,
        p if p > 25 => 10,
        p if p > 10 => 5,
        _ => 3,
    }
}

/// The share of blog questions answered, in whole percent rounded down, and whether it is under
/// the 90 % threshold.
pub fn answered_share(questions: i64, answered: i64) -> (i64, bool) {
    if questions <= 0 {
        return (100, false);
    }
    let percent = answered.clamp(0, questions) * 100 / questions;
    (percent, answered * 10 < questions * 9)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blog_points_follow_the_thresholds_of_table_6() {
        assert_eq!([0, 10, 11, 25, 26, 50, 51, 300].map(blog_points_tenths), [3, 3, 5, 5, 10, 10, 15, 15]);
    }

    #[test]
    fn the_answered_share_warns_under_ninety_percent() {
        assert_eq!(answered_share(0, 0), (100, false));
        assert_eq!(answered_share(10, 9), (90, false));
        assert_eq!(answered_share(1000, 899), (89, true));
        assert_eq!(answered_share(3, 2), (66, true));
    }

    #[test]
    fn kazakh_and_russian_are_required_and_english_falls_back() {
        let mut errors = Vec::new();
        let text = LocalizedDraft { kk: " ".into(), ru: "Вопрос".into(), en: String::new() };
        text.check("question", true, 10, &mut errors);
        assert_eq!(errors, vec![FieldError { field: "question.kk".into(), problem: FieldProblem::Missing }]);
        assert_eq!(text.to_localized().en, "Вопрос");
    }

    #[test]
    fn a_post_needs_a_title_and_text_and_alt_text_for_its_cover() {
        let draft = PostDraft {
            texts: vec![
                PostText { lang: Lang::Kk, title: "Тақырып".into(), body_html: "<p>Мәтін</p>".into() },
                PostText { lang: Lang::Ru, title: String::new(), body_html: "<p>Текст</p>".into() },
            ],
            state: PostState::Published,
            publish_at: None,
            cover: Some(MediaId(1)),
            cover_alt: LocalizedDraft { kk: "Сурет".into(), ..Default::default() },
        };
        let fields: Vec<String> = draft.validate().expect_err("invalid").into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["texts.ru.title", "cover_alt.ru"]);
    }

    #[test]
    fn only_plain_https_links_are_published() {
        assert!(is_https_address("https://dialog.egov.kz/polls/123"));
        for bad in [
            "http://egov.kz",
            "javascript:alert(1)",
            "https://",
            "https://localhost",
            "https://a.kz/\"x",
            "https://a .kz",
        ] {
            assert!(!is_https_address(bad), "{bad}");
        }
    }
}
