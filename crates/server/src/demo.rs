//! Demo content: five real gov.kz bodies with their departments and question categories.
//! The heads' names are invented for the demo.

pub mod content;
pub mod questions;
pub mod staff;

use crate::db::Db;
use crate::store::bodies::{self, NewBody};

const BODIES: &str = include_str!("../demo/bodies.json");

pub fn bodies() -> Vec<NewBody> {
    // The file is part of the binary and a unit test parses it, so this cannot fail at run time.
    serde_json::from_str(BODIES).expect("demo/bodies.json is valid")
}

/// Fills an empty database with the demo content; leaves a database with bodies untouched.
/// Returns whether it loaded anything.
pub async fn load_if_empty(db: &Db) -> Result<bool, sqlx::Error> {
    if bodies::count(db).await? > 0 {
        return Ok(false);
    }
    for (order, body) in (0i32..).zip(bodies()) {
        bodies::insert(db, &body, order).await?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use api::Lang;

    #[test]
    fn the_demo_has_five_bodies_each_named_and_categorised_in_every_language() {
        let bodies = bodies();
        let slugs: Vec<&str> = bodies.iter().map(|b| b.slug.as_str()).collect();
        assert_eq!(slugs, ["enbek", "dsm", "edu", "minfin", "astana"]);
        for body in &bodies {
            assert!(body.categories.len() >= 5, "{}", body.slug);
            for lang in Lang::ALL {
                assert!(!body.name.get(lang).trim().is_empty());
                assert!(body.categories.iter().all(|c| !c.name.get(lang).trim().is_empty()));
                assert!(body.departments.iter().all(|d| !d.get(lang).trim().is_empty()));
            }
        }
    }

    #[test]
    fn every_demo_category_has_eight_to_fifteen_keywords() {
        for body in bodies() {
            for category in &body.categories {
                let count = category.keywords.split_whitespace().count();
                assert!((8..=15).contains(&count), "{}/{}: {count}", body.slug, category.code);
            }
        }
    }
}
