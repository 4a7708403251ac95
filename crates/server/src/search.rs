//! Search text for the archive: one normalisation for what is indexed and what is asked, so
//! case and ё/е never decide whether something is found. Words match by prefix, so "пенси"
//! finds "пенсия" and "пенсионный" while the citizen types.

/// Lower-cases and folds ё to е (Kazakh letters stay as they are).
pub fn normalize(text: &str) -> String {
    text.to_lowercase().replace('ё', "е")
}

/// The words of a query: letters and digits only, so nothing in them is query syntax.
pub fn words(query: &str) -> Vec<String> {
    normalize(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_owned)
        .collect()
}

/// An FTS5 query: every word, each as a prefix.
pub fn fts5_query(words: &[String]) -> String {
    words.iter().map(|w| format!("\"{w}\"*")).collect::<Vec<_>>().join(" ")
}

/// A PostgreSQL `to_tsquery('simple', ..)` query: every word, each as a prefix.
pub fn tsquery(words: &[String]) -> String {
    words.iter().map(|w| format!("{w}:*")).collect::<Vec<_>>().join(" & ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_fold_case_and_yo_and_keep_kazakh_letters() {
        assert_eq!(words("Зейнетақы ЁЛКА, пенсия!"), ["зейнетақы", "елка", "пенсия"]);
    }

    #[test]
    fn punctuation_and_operators_never_reach_the_engine() {
        assert_eq!(words("a\" OR 1=1 -- *:"), ["a", "or", "1", "1"]);
        assert_eq!(fts5_query(&words("пенси стаж")), "\"пенси\"* \"стаж\"*");
        assert_eq!(tsquery(&words("пенси стаж")), "пенси:* & стаж:*");
        assert!(words(" !!! ").is_empty());
    }
}
