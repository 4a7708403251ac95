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
}

impl Bundle {
    pub const ALL: [Bundle; 5] = [Bundle::Main, Bundle::Ask, Bundle::Archive, Bundle::Office, Bundle::Appeals];

    /// Where the bundle's files are served from.
    pub fn base(self) -> &'static str {
        match self {
            Bundle::Main => "/",
            Bundle::Ask => "/ask/",
            Bundle::Archive => "/archive/",
            Bundle::Office => "/office/",
            Bundle::Appeals => "/appeals/",
        }
    }
}

/// The bundle that renders `path`: `/{lang}/questions/ask` and `/confirm` are the ask bundle's;
/// `/{lang}/bodies/{slug}/questions`, `/{lang}/questions/{id}` and its `/rate` page are the
/// archive's; `/{lang}/office/...` the office's; `/{lang}/appeals/new`, `/track` and `/my` the
/// appeals bundle's (the section page `/{lang}/appeals` stays in the main one); everything else
/// is the main app's.
pub fn bundle_for_path(path: &str) -> Bundle {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    if let [lang, "office", ..] = parts.as_slice()
        && lang.parse::<Lang>().is_ok()
    {
        return Bundle::Office;
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
    fn everything_else_belongs_to_the_main_bundle() {
        for path in ["/", "/kk", "/ru/bodies/enbek", "/de/questions/1", "/kk/questions/12a"] {
            assert_eq!(bundle_for_path(path), Bundle::Main, "{path}");
        }
    }
}
