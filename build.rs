//! Generates the `i18n` module from locales/{kk,ru,en}.json with leptos_i18n, after checking
//! that every locale has exactly the same keys: a string missing in one language fails the build.

use leptos_i18n_build::{Config, TranslationsInfos};
use std::collections::BTreeSet;
use std::error::Error;
use std::path::PathBuf;

const LOCALES: [&str; 3] = ["kk", "ru", "en"];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    check_same_keys()?;

    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    let cfg = Config::new(LOCALES[0])?.add_locale(LOCALES[1])?.add_locale(LOCALES[2])?;
    let translations = TranslationsInfos::parse(cfg)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out)?;
    Ok(())
}

/// The dotted paths of all string leaves in a JSON tree.
fn keys(value: &serde_json::Value, prefix: &str, into: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                keys(v, &path, into);
            }
        }
        _ => {
            into.insert(prefix.to_owned());
        }
    }
}

fn check_same_keys() -> Result<(), Box<dyn Error>> {
    let mut all = Vec::new();
    for locale in LOCALES {
        let text = std::fs::read_to_string(format!("locales/{locale}.json"))?;
        let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("locales/{locale}.json: {e}"))?;
        let mut set = BTreeSet::new();
        keys(&json, "", &mut set);
        all.push((locale, set));
    }
    let union: BTreeSet<String> = all.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
    let mut problems = Vec::new();
    for (locale, set) in &all {
        for missing in union.difference(set) {
            problems.push(format!("locales/{locale}.json lacks \"{missing}\""));
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
}
