//! The app ships as several WebAssembly bundles so that no page downloads code it does not use:
//! the light public pages, asking a question, the archive of answers, and the staff office. The
//! server serves each path the bundle that renders it; each app hands paths of another bundle to
//! the browser as a full load.

use crate::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// Home, bodies, sections.
    Main,
    /// Asking a question and confirming it.
    Ask,
    /// A body's published questions and each question's page.
    Archive,
    /// The staff office: everything under `/{lang}/office`.
    Office,
    /// Electronic appeals: filing, tracking, "my appeals".
    Appeals,
    /// A body's head and blog, FAQ, reception schedule and open dialogue.
    Sections,
    /// The office's content editor: the blog, the head's profile, FAQ, schedule, open dialogue
    /// and the Open Dialogue indicators, under `/{lang}/office/{slug}/...`.
    Editor,
}

impl Bundle {
    pub const ALL: [Bundle; 7] =
        [Bundle::Main, Bundle::Ask, Bundle::Archive, Bundle::Office, Bundle::Appeals, Bundle::Sections, Bundle::Editor];

    /// Where the bundle's files are served from.
    pub fn base(self) -> &'static str {
        match self {
            Bundle::Main => "/",
            Bundle::Ask => "/ask/",
            Bundle::Archive => "/archive/",
            Bundle::Office => "/office/",
            Bundle::Appeals => "/appeals/",
            Bundle::Sections => "/sections/",
            Bundle::Editor => "/editor/",
        }
    }
}

/// The bundle that renders `path`: `/{lang}/questions/ask` and `/confirm` are the ask bundle's;
/// `/{lang}/bodies/{slug}/questions`, `/{lang}/questions/{id}` and its `/rate` page are the
/// archive's; `/{lang}/office/...` the office's; `/{lang}/appeals/new`, `/track` and `/my` the
/// appeals bundle's (the section page `/{lang}/appeals` stays in the main one);
/// `/{lang}/bodies/{slug}/blog|faq|schedule|dialogue` (and a post, `blog/{id}`) the sections';
/// `/{lang}/office/{slug}/blog|profile|faq|schedule|dialogue|indicators...` the editor's;
/// `/{lang}/search` the archive's; everything else is the main app's.
pub fn bundle_for_path(path: &str) -> Bundle {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let Some(lang_ok) = parts.first().map(|lang| lang.parse::<Lang>().is_ok()) else { return Bundle::Main };
    if !lang_ok {
        return Bundle::Main;
    }
    match parts.as_slice() {
        [_, "office", _, "blog" | "profile" | "faq" | "schedule" | "dialogue" | "indicators", ..] => {
            return Bundle::Editor;
        }
        [_, "office", ..] => return Bundle::Office,
        [_, "bodies", _, "blog" | "faq" | "schedule" | "dialogue"] => return Bundle::Sections,
        [_, "bodies", _, "blog", id] if is_id(id) => return Bundle::Sections,
        [_, "search"] => return Bundle::Archive,
        _ => {}
    }
    if let [lang, "appeals", "new" | "track" | "my"] = parts.as_slice()
        && lang.parse::<Lang>().is_ok()
    {
        return Bundle::Appeals;
    }
    if let [lang, "questions", "ask" | "confirm"] = parts.as_slice()
        && lang.parse::<Lang>().is_ok()
    {
        return Bundle::Ask;
    }
    let archive = match parts.as_slice() {
        [lang, "bodies", _, "questions"] => lang.parse::<Lang>().is_ok(),
        [lang, "questions", id] | [lang, "questions", id, "rate"] => {
            lang.parse::<Lang>().is_ok() && !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    };
    if archive { Bundle::Archive } else { Bundle::Main }
}

fn is_id(raw: &str) -> bool {
    !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_pages_belong_to_the_archive_bundle() {
        assert_eq!(bundle_for_path("/kk/bodies/enbek/questions"), Bundle::Archive);
        assert_eq!(bundle_for_path("/ru/questions/123"), Bundle::Archive);
        assert_eq!(bundle_for_path("/en/bodies/dsm/questions/"), Bundle::Archive);
        assert_eq!(bundle_for_path("/kk/questions/7/rate"), Bundle::Archive);
        assert_eq!(bundle_for_path("/kk/questions/7/rate"), Bundle::Archive);
    }

    #[test]
    fn asking_and_confirming_belong_to_the_ask_bundle() {
        assert_eq!(bundle_for_path("/ru/questions/ask"), Bundle::Ask);
        assert_eq!(bundle_for_path("/kk/questions/confirm"), Bundle::Ask);
        assert_eq!(bundle_for_path("/xx/questions/ask"), Bundle::Main);
    }

    #[test]
    fn office_pages_belong_to_the_office_bundle() {
        for path in ["/kk/office", "/ru/office/", "/en/office/login", "/kk/office/cases/12", "/ru/office/enbek/cases"] {
            assert_eq!(bundle_for_path(path), Bundle::Office, "{path}");
        }
        assert_eq!(bundle_for_path("/de/office"), Bundle::Main);
    }

    #[test]
    fn filing_tracking_and_my_appeals_belong_to_the_appeals_bundle() {
        for path in ["/kk/appeals/new", "/ru/appeals/track", "/en/appeals/my", "/kk/appeals/new/"] {
            assert_eq!(bundle_for_path(path), Bundle::Appeals, "{path}");
        }
    }

    #[test]
    fn the_appeals_section_page_stays_in_the_main_bundle() {
        for path in ["/kk/appeals", "/ru/appeals/", "/en/appeals/other", "/xx/appeals/new", "/kk/appeals/new/1"] {
            assert_eq!(bundle_for_path(path), Bundle::Main, "{path}");
        }
    }

    #[test]
    fn a_bodys_blog_faq_schedule_and_dialogue_belong_to_the_sections_bundle() {
        for path in [
            "/kk/bodies/enbek/blog",
            "/ru/bodies/dsm/faq",
            "/en/bodies/astana/schedule/",
            "/kk/bodies/x/dialogue",
            "/ru/bodies/enbek/blog/12",
        ] {
            assert_eq!(bundle_for_path(path), Bundle::Sections, "{path}");
        }
        assert_eq!(bundle_for_path("/ru/bodies/enbek/blog/12a"), Bundle::Main);
        assert_eq!(bundle_for_path("/xx/bodies/enbek/blog"), Bundle::Main);
    }

    #[test]
    fn the_content_editor_has_its_own_bundle_and_the_search_is_the_archives() {
        for path in [
            "/kk/office/enbek/blog",
            "/ru/office/enbek/blog/new",
            "/en/office/dsm/blog/4",
            "/kk/office/x/indicators",
            "/ru/office/x/profile",
            "/kk/office/x/faq",
        ] {
            assert_eq!(bundle_for_path(path), Bundle::Editor, "{path}");
        }
        assert_eq!(bundle_for_path("/kk/office/enbek/cases"), Bundle::Office);
        assert_eq!(bundle_for_path("/ru/search"), Bundle::Archive);
    }

    #[test]
    fn everything_else_belongs_to_the_main_bundle() {
        for path in ["/", "/kk", "/ru/bodies/enbek", "/de/questions/1", "/kk/questions/12a"] {
            assert_eq!(bundle_for_path(path), Bundle::Main, "{path}");
        }
    }
}
