//! The six sections of a gov.kz online reception (004:778-785).

use crate::i18n::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Appeals,
    Questions,
    Schedule,
    Dialogue,
    Blog,
    Faq,
}

impl Section {
    pub const ALL: [Section; 6] =
        [Section::Appeals, Section::Questions, Section::Schedule, Section::Dialogue, Section::Blog, Section::Faq];

    pub fn slug(self) -> &'static str {
        match self {
            Section::Appeals => "appeals",
            Section::Questions => "questions",
            Section::Schedule => "schedule",
            Section::Dialogue => "dialogue",
            Section::Blog => "blog",
            Section::Faq => "faq",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn name(self, i18n: leptos_i18n::I18nContext<Locale>) -> &'static str {
        match self {
            Section::Appeals => t_string!(i18n, section.appeals.name),
            Section::Questions => t_string!(i18n, section.questions.name),
            Section::Schedule => t_string!(i18n, section.schedule.name),
            Section::Dialogue => t_string!(i18n, section.dialogue.name),
            Section::Blog => t_string!(i18n, section.blog.name),
            Section::Faq => t_string!(i18n, section.faq.name),
        }
    }

    pub fn about(self, i18n: leptos_i18n::I18nContext<Locale>) -> &'static str {
        match self {
            Section::Appeals => t_string!(i18n, section.appeals.about),
            Section::Questions => t_string!(i18n, section.questions.about),
            Section::Schedule => t_string!(i18n, section.schedule.about),
            Section::Dialogue => t_string!(i18n, section.dialogue.about),
            Section::Blog => t_string!(i18n, section.blog.about),
            Section::Faq => t_string!(i18n, section.faq.about),
        }
    }
}
