//! Spots personal data in free text (IIN, phone numbers, email addresses, card numbers), so the
//! citizen is warned in the preview and the moderator can redact the public copy.

use super::Iin;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PersonalDataKind {
    Iin,
    Phone,
    Email,
    CardNumber,
}

/// Where in the text personal data was found: byte offsets `start..end`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Finding {
    pub kind: PersonalDataKind,
    pub start: usize,
    pub end: usize,
}

/// All personal data in `text`, in order of appearance.
pub fn find(text: &str) -> Vec<Finding> {
    let mut found = numbers(text);
    found.extend(emails(text));
    found.sort_by_key(|f| f.start);
    found
}

/// The kinds found, each once, for a warning.
pub fn kinds(text: &str) -> Vec<PersonalDataKind> {
    let mut kinds: Vec<PersonalDataKind> = Vec::new();
    for finding in find(text) {
        if !kinds.contains(&finding.kind) {
            kinds.push(finding.kind);
        }
    }
    kinds
}

/// `text` with every finding replaced by `mask`.
pub fn redact(text: &str, mask: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for finding in find(text) {
        if finding.start < last {
            continue;
        }
        out.push_str(&text[last..finding.start]);
        out.push_str(mask);
        last = finding.end;
    }
    out.push_str(&text[last..]);
    out
}

/// Runs of digits that may contain single separators, as people write numbers:
/// `+7 (701) 123-45-67`, `4400 4301 2345 6789`.
fn numbers(text: &str) -> Vec<Finding> {
    let bytes = text.as_bytes();
    let is_sep = |b: u8| matches!(b, b' ' | b'-' | b'(' | b')' | b'.');
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let plus = bytes[i] == b'+' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !(bytes[i].is_ascii_digit() || plus) || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        let mut end = i + usize::from(plus);
        let mut j = end;
        while j < bytes.len() {
            if bytes[j].is_ascii_digit() {
                digits.push(char::from(bytes[j]));
                j += 1;
                end = j;
            } else if is_sep(bytes[j]) && (j + 1..j + 3).any(|k| bytes.get(k).is_some_and(u8::is_ascii_digit)) {
                j += 1;
            } else {
                break;
            }
        }
        if let Some(kind) = classify(&digits, plus) {
            found.push(Finding { kind, start, end });
        }
        i = end.max(start + 1);
    }
    found
}

fn classify(digits: &str, plus: bool) -> Option<PersonalDataKind> {
    let n = digits.len();
    if n == 12 && Iin::is_valid(digits) {
        return Some(PersonalDataKind::Iin);
    }
    if (13..=19).contains(&n) && luhn(digits) {
        return Some(PersonalDataKind::CardNumber);
    }
    let kz_mobile =
        (n == 11 && (digits.starts_with("77") || digits.starts_with("87"))) || (n == 10 && digits.starts_with('7'));
    if kz_mobile || (plus && (11..=15).contains(&n)) {
        return Some(PersonalDataKind::Phone);
    }
    None
}

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn emails(text: &str) -> Vec<Finding> {
    let bytes = text.as_bytes();
    let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let domain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
    let mut found = Vec::new();
    for (at, _) in text.match_indices('@') {
        let start = (0..at).rev().take_while(|&k| local(bytes[k])).last().unwrap_or(at);
        let mut end = (at + 1..bytes.len()).take_while(|&k| domain(bytes[k])).last().map_or(at + 1, |k| k + 1);
        while end > at + 1 && bytes[end - 1] == b'.' {
            end -= 1;
        }
        let host = &text[at + 1..end];
        if start < at && host.contains('.') && !host.starts_with('.') {
            found.push(Finding { kind: PersonalDataKind::Email, start, end });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use PersonalDataKind::*;

    #[test]
    fn an_iin_in_a_sentence_is_found() {
        assert_eq!(kinds("Менің ЖСН 061211600012, көмектесіңіз."), vec![Iin]);
        // Twelve digits with a wrong control digit are not an IIN.
        assert_eq!(kinds("Өтінім нөмірі 061211600013"), Vec::<PersonalDataKind>::new());
    }

    #[test]
    fn kazakh_phone_numbers_in_common_spellings_are_found() {
        for text in ["Звоните +7 (701) 123-45-67", "тел. 87011234567", "моб 8 701 123 45 67", "WhatsApp: 7011234567"]
        {
            assert_eq!(kinds(text), vec![Phone], "{text}");
        }
    }

    #[test]
    fn card_numbers_are_found_only_when_they_pass_luhn() {
        assert_eq!(kinds("Карта 4400 4301 2345 6789 списание"), vec![CardNumber]);
        assert_eq!(kinds("Номер 4400 4301 2345 6781"), Vec::<PersonalDataKind>::new());
    }

    #[test]
    fn email_addresses_are_found() {
        let text = "Жауапты aigul.s@mail.kz поштасына жіберіңіз.";
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "aigul.s@mail.kz");
    }

    #[test]
    fn ordinary_numbers_dates_and_law_references_are_not_personal_data() {
        let text = "Согласно статье 76 АППК от 29.06.2020 № 350-VI, срок 15 рабочих дней, 2026 год, 100 000 тенге.";
        assert_eq!(kinds(text), Vec::<PersonalDataKind>::new());
    }

    #[test]
    fn redaction_replaces_every_finding_and_keeps_the_rest() {
        let text = "ИИН 061211600012, тел. +7 701 123 45 67, почта a@b.kz.";
        assert_eq!(redact(text, "[скрыто]"), "ИИН [скрыто], тел. [скрыто], почта [скрыто].");
    }
}
