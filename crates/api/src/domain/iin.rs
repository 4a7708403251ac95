use super::FieldProblem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An individual identification number (ЖСН / ИИН), or a business one (БСН / БИН): 12 digits whose
/// last digit is a control digit. The date part is not checked (PRODUCT.md).
#[derive(Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "061211600012"))]
#[serde(transparent)]
pub struct Iin(String);

const FIRST_WEIGHTS: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// The control digit of the first 11 digits, or `None` when no valid one exists.
fn control_digit(digits: &[u32]) -> Option<u32> {
    let sum = |weights: &[u32; 11]| digits.iter().zip(weights).map(|(d, w)| d * w).sum::<u32>() % 11;
    match sum(&FIRST_WEIGHTS) {
        10 => Some(sum(&SECOND_WEIGHTS)).filter(|&s| s != 10),
        s => Some(s),
    }
}

impl Iin {
    pub fn parse(input: &str) -> Result<Iin, FieldProblem> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(FieldProblem::Missing);
        }
        let digits: Vec<u32> =
            trimmed.chars().map(|c| c.to_digit(10)).collect::<Option<_>>().ok_or(FieldProblem::BadFormat)?;
        match digits.len() {
            12 => {}
            n if n < 12 => return Err(FieldProblem::TooShort),
            _ => return Err(FieldProblem::TooLong),
        }
        if control_digit(&digits[..11]) != Some(digits[11]) {
            return Err(FieldProblem::BadChecksum);
        }
        Ok(Iin(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As staff without the right to see it read it: `0612******12`.
    pub fn masked(&self) -> String {
        format!("{}******{}", &self.0[..4], &self.0[10..])
    }

    /// Whether 12 digits carry a valid control digit (used to spot IINs in free text).
    pub fn is_valid(candidate: &str) -> bool {
        Iin::parse(candidate).is_ok()
    }
}

/// Personal data: debug output shows only the masked form.
impl fmt::Debug for Iin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Iin({})", self.masked())
    }
}

impl<'de> Deserialize<'de> for Iin {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Iin::parse(&raw).map_err(|_| serde::de::Error::custom("invalid IIN"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_from_the_product_rules_is_valid() {
        assert!(Iin::parse("061211600012").is_ok());
    }

    #[test]
    fn an_iin_with_a_wrong_check_digit_is_rejected() {
        assert_eq!(Iin::parse("061211600013").map(|i| i.0), Err(FieldProblem::BadChecksum));
    }

    #[test]
    fn the_second_weights_are_used_when_the_first_sum_gives_ten() {
        // Find 11 digits whose first weighted sum is 10 and whose second is not.
        let mut found = None;
        for n in 0..100_000u32 {
            let digits: Vec<u32> = format!("{n:011}").chars().filter_map(|c| c.to_digit(10)).collect();
            let first = digits.iter().zip(FIRST_WEIGHTS).map(|(d, w)| d * w).sum::<u32>() % 11;
            let second = digits.iter().zip(SECOND_WEIGHTS).map(|(d, w)| d * w).sum::<u32>() % 11;
            if first == 10 && second != 10 {
                found = Some(format!("{n:011}{second}"));
                break;
            }
        }
        let iin = found.expect("such numbers exist");
        assert!(Iin::parse(&iin).is_ok(), "{iin}");
    }

    #[test]
    fn a_number_with_no_possible_control_digit_is_rejected() {
        let mut rejected = 0;
        for n in 0..200_000u32 {
            let digits: Vec<u32> = format!("{n:011}").chars().filter_map(|c| c.to_digit(10)).collect();
            if control_digit(&digits).is_none() {
                for last in 0..10 {
                    assert!(Iin::parse(&format!("{n:011}{last}")).is_err());
                }
                rejected += 1;
            }
        }
        assert!(rejected > 0);
    }

    #[test]
    fn length_and_characters_are_checked() {
        assert_eq!(Iin::parse("06121160001").map(|i| i.0), Err(FieldProblem::TooShort));
        assert_eq!(Iin::parse("0612116000123").map(|i| i.0), Err(FieldProblem::TooLong));
        assert_eq!(Iin::parse("06121160001A").map(|i| i.0), Err(FieldProblem::BadFormat));
        assert_eq!(Iin::parse("").map(|i| i.0), Err(FieldProblem::Missing));
    }

    #[test]
    fn the_date_part_is_not_checked() {
        // Month 13 does not exist; the number is still accepted when its control digit is right.
        let digits: Vec<u32> = "06131160001".chars().filter_map(|c| c.to_digit(10)).collect();
        if let Some(c) = control_digit(&digits) {
            assert!(Iin::parse(&format!("06131160001{c}")).is_ok());
        }
    }

    #[test]
    fn debug_output_masks_the_number() {
        let iin = Iin::parse("061211600012").expect("valid");
        assert_eq!(format!("{iin:?}"), "Iin(0612******12)");
    }
}
