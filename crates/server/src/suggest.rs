//! The category a question's text suggests to the moderator, by keyword rules: the text's words
//! are cut to 5-letter stems (so "зейнетақымды" meets "зейнетақы" and "пенсионный" meets
//! "пенсия") and compared with each category's stems, taken from its names in kk, ru and en and
//! its keywords. A learned model may replace the rules later; the interface stays.

use crate::search::normalize;
use api::CategoryId;
use std::collections::HashSet;

/// Stems are this many letters; shorter words count whole.
const STEM_CHARS: usize = 5;

/// Shorter words are mostly prepositions and particles ("в", "на", "бе").
const MIN_WORD_CHARS: usize = 3;

/// Words of three or more letters that say nothing about the subject, in kk, ru and en.
const STOP_WORDS: &[&str] = &[
    // kk
    "және",
    "мен",
    "бен",
    "пен",
    "бұл",
    "осы",
    "сол",
    "үшін",
    "қалай",
    "неге",
    "неше",
    "қайда",
    "қашан",
    "қандай",
    "немесе",
    "туралы",
    "бойынша",
    "менің",
    "маған",
    "мені",
    "сіз",
    "сізге",
    "сіздің",
    "біз",
    "біздің",
    "олар",
    "бар",
    "жоқ",
    "болады",
    "болса",
    "бола",
    "керек",
    "мүмкін",
    "жыл",
    "жылы",
    "ретінде",
    "деген",
    "тағы",
    "бір",
    "ғана",
    "дейін",
    "кейін",
    "арқылы",
    "сәлеметсіз",
    // ru
    "для",
    "при",
    "как",
    "что",
    "это",
    "или",
    "мне",
    "мой",
    "моя",
    "мои",
    "меня",
    "его",
    "она",
    "они",
    "был",
    "была",
    "было",
    "если",
    "можно",
    "нужно",
    "какие",
    "какой",
    "когда",
    "где",
    "куда",
    "почему",
    "уже",
    "еще",
    "также",
    "этот",
    "эта",
    "чтобы",
    "себя",
    "свой",
    "быть",
    "есть",
    "год",
    "года",
    "лет",
    "через",
    "после",
    "здравствуйте",
    "пожалуйста",
    // en
    "the",
    "and",
    "for",
    "with",
    "how",
    "what",
    "when",
    "where",
    "can",
    "are",
    "was",
    "this",
    "that",
    "from",
    "have",
    "does",
    "not",
    "but",
    "you",
    "your",
    "our",
];

/// What a category is recognised by.
pub struct CategoryWords<'a> {
    pub id: CategoryId,
    /// Its names in kk, ru and en.
    pub names: [&'a str; 3],
    /// Words in any of the languages, separated by spaces or commas.
    pub keywords: &'a str,
}

/// The rules of one body's categories.
#[derive(Debug, Clone, Default)]
pub struct Suggester {
    /// In the body's sort order: on equal scores the first wins.
    categories: Vec<(CategoryId, HashSet<String>)>,
}

impl Suggester {
    /// `categories` come in the body's sort order.
    pub fn new<'a>(categories: impl IntoIterator<Item = CategoryWords<'a>>) -> Suggester {
        let categories = categories
            .into_iter()
            .map(|c| {
                let mut stems = stems(c.keywords);
                for name in c.names {
                    stems.extend(self::stems(name));
                }
                (c.id, stems)
            })
            .collect();
        Suggester { categories }
    }

    /// The category sharing the most stems with `text`; `None` when none shares any.
    pub fn suggest(&self, text: &str) -> Option<CategoryId> {
        let words = stems(text);
        let mut best: Option<(usize, CategoryId)> = None;
        for (id, stems) in &self.categories {
            let score = words.intersection(stems).count();
            if score > 0 && best.is_none_or(|(top, _)| score > top) {
                best = Some((score, *id));
            }
        }
        best.map(|(_, id)| id)
    }
}

/// The distinct stems of the meaningful words of `text`.
fn stems(text: &str) -> HashSet<String> {
    normalize(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= MIN_WORD_CHARS && w.chars().any(char::is_alphabetic))
        .filter(|w| !STOP_WORDS.contains(w))
        .map(|w| w.chars().take(STEM_CHARS).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three of the demo categories of the labour ministry, as loaded from demo/bodies.json.
    fn labour() -> Suggester {
        Suggester::new([
            CategoryWords {
                id: CategoryId(1),
                names: [
                    "Еңбек қатынастары және еңбек заңнамасының бұзылуы",
                    "Трудовые отношения и нарушения трудового законодательства",
                    "Labour relations and breaches of labour law",
                ],
                keywords: "жалақы еңбекақы жұмыс беруші еңбек шарты демалыс зарплата работодатель трудовой договор увольнение отпуск",
            },
            CategoryWords {
                id: CategoryId(2),
                names: ["Халықты жұмыспен қамту", "Занятость населения", "Employment"],
                keywords: "жұмыссыз жұмыспен бос орын кәсіпке оқыту безработный безработица вакансия трудоустройство занятость переобучение",
            },
            CategoryWords {
                id: CategoryId(4),
                names: ["Зейнетақымен қамсыздандыру", "Пенсионное обеспечение", "Pensions"],
                keywords: "зейнетақы, зейнетақылық, зейнеткер, өтілі, БЖЗҚ, пенсия, пенсионный, пенсионер, стаж, ЕНПФ, выплата",
            },
        ])
    }

    #[test]
    fn a_kazakh_question_about_a_pension_suggests_pensions() {
        let text = "Сәлеметсіз бе! Зейнетақымды қалай есептейді? Еңбек өтілім 30 жылдан асады.";
        assert_eq!(labour().suggest(text), Some(CategoryId(4)));
    }

    #[test]
    fn a_russian_question_about_unpaid_wages_suggests_labour_relations() {
        // "выплатил" also meets the pensions' "выплата", but wages and employer weigh more.
        let text = "Работодатель не выплатил зарплату за три месяца и отказывается расторгать трудовой договор.";
        assert_eq!(labour().suggest(text), Some(CategoryId(1)));
    }

    #[test]
    fn a_kazakh_question_about_finding_work_suggests_employment() {
        let text = "Мен жұмыссыз ретінде тіркелдім. Кәсіпке оқыту курстарына қалай жазылуға болады?";
        assert_eq!(labour().suggest(text), Some(CategoryId(2)));
    }

    #[test]
    fn yo_and_capitals_do_not_matter() {
        let names = ["Әлеуметтік қамсыздандыру", "Социальное обеспечение", "Social security"];
        let rules = Suggester::new([CategoryWords { id: CategoryId(5), names, keywords: "ребенка" }]);
        assert_eq!(rules.suggest("ВСЁ О РЕБЁНКЕ"), Some(CategoryId(5)));
        assert_eq!(labour().suggest("ПЕНСИОНЕРЫ ЖДУТ ПЕНСИЮ"), Some(CategoryId(4)));
    }

    #[test]
    fn equal_scores_go_to_the_category_listed_first() {
        // "жұмыс" is a labour-relations keyword; "жұмыспен" cut to its stem is the same word.
        assert_eq!(labour().suggest("жұмыс"), Some(CategoryId(1)));
    }

    #[test]
    fn a_text_sharing_no_stem_suggests_nothing() {
        assert_eq!(labour().suggest("Сәлеметсіз бе! Рахмет."), None);
        assert_eq!(labour().suggest("Как и где это можно сделать?"), None);
        assert_eq!(Suggester::default().suggest("Пенсия"), None);
    }

    #[test]
    fn stems_are_five_letters_and_short_words_stay_whole() {
        let stems = stems("Жер телімі, ИИН 061211600012 и ЖҚ");
        let expected: HashSet<String> = ["жер", "телім", "иин"].into_iter().map(str::to_owned).collect();
        assert_eq!(stems, expected);
    }
}
