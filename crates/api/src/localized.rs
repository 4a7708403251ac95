use crate::Lang;
use serde::{Deserialize, Serialize};

/// A text written in each of the three languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Localized {
    pub kk: String,
    pub ru: String,
    pub en: String,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_gets_its_own_text() {
        let text = Localized { kk: "Сәлем".into(), ru: "Привет".into(), en: "Hello".into() };
        assert_eq!(text.get(Lang::Kk), "Сәлем");
        assert_eq!(text.get(Lang::Ru), "Привет");
        assert_eq!(text.get(Lang::En), "Hello");
    }
}
