//! Cross-cutting accessibility: the polite live region, and the special version's switch state
//! that the pre-paint script in index.html reads back on every page load.

use leptos::prelude::*;
use std::time::Duration;

/// Messages for screen readers, read out by the layout's `role="status"` region.
#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

pub fn provide_announcer() {
    provide_context(Announcer(RwSignal::new(String::new())));
}

pub fn use_announcer() -> Announcer {
    use_context::<Announcer>().unwrap_or_else(|| Announcer(RwSignal::new(String::new())))
}

impl Announcer {
    /// Announces `text`. The region is emptied first so the same text twice is read twice.
    pub fn say(self, text: impl Into<String>) {
        let text = text.into();
        let message = self.0;
        message.set(String::new());
        set_timeout(move || message.set(text), Duration::from_millis(150));
    }

    pub fn message(self) -> Signal<String> {
        self.0.into()
    }
}

/// Moves focus to the element with this id (a field, the main content, an error summary).
/// In-page links need this because the router would treat them as navigation.
pub fn focus_by_id(id: &str) {
    if let Some(element) = document().get_element_by_id(id)
        && let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element)
    {
        let _ = element.focus();
    }
}

thread_local! {
    static FOCUS_REQUEST: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Asks the next page heading to focus this element instead of itself: after "Change" in a
/// preview, the citizen lands in the field they chose, not at the top of the form.
pub fn request_focus(id: String) {
    FOCUS_REQUEST.with(|r| *r.borrow_mut() = Some(id));
}

pub fn take_focus_request() -> Option<String> {
    FOCUS_REQUEST.with(|r| r.borrow_mut().take())
}

const SETTINGS_KEY: &str = "a11y";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn settings() -> serde_json::Map<String, serde_json::Value> {
    storage()
        .and_then(|s| s.get_item(SETTINGS_KEY).ok().flatten())
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

/// Whether the version for the visually impaired is on.
pub fn special_version_on() -> bool {
    settings().get("on").and_then(serde_json::Value::as_bool).unwrap_or(false)
}

fn save(all: serde_json::Map<String, serde_json::Value>) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(SETTINGS_KEY, &serde_json::Value::Object(all).to_string());
    }
}

/// Shows one setting to CSS as `data-a11y-<key>` on `<html>`, or removes it.
fn show(key: &str, value: Option<&str>) {
    if let Some(root) = document().document_element() {
        let attribute = format!("data-a11y-{key}");
        let _ = match value {
            Some(v) => root.set_attribute(&attribute, v),
            None => root.remove_attribute(&attribute),
        };
    }
}

/// Turns the special version on or off, now and for later visits. Other saved settings stay.
pub fn set_special_version(on: bool) {
    let mut all = settings();
    all.insert("on".into(), on.into());
    if let Some(root) = document().document_element() {
        let _ = if on { root.set_attribute("data-a11y", "on") } else { root.remove_attribute("data-a11y") };
    }
    // The saved settings stay for next time but only show while the version is on.
    for (key, _) in SETTINGS {
        show(key, all.get(key).and_then(serde_json::Value::as_str).filter(|_| on));
    }
    save(all);
}

/// Back to the defaults: every setting removed, the version itself stays on.
pub fn reset_settings() {
    let mut all = settings();
    for (key, _) in SETTINGS {
        all.remove(key);
        show(key, None);
    }
    save(all);
}

/// The special version's settings, as `(key, values)`: each is saved under its key and shown to
/// CSS as `data-a11y-<key>` on `<html>` (index.html's script applies them before first paint).
/// The first value is the default, which is stored as no attribute at all.
pub const SETTINGS: [(&str, &[&str]); 6] = [
    ("font", &["1", "2", "3", "4", "5"]),
    ("scheme", &["bw", "wb", "blue", "beige", "green"]),
    ("images", &["on", "off", "grey"]),
    ("spacing", &["1", "2", "3"]),
    ("leading", &["1", "2", "3"]),
    ("family", &["sans", "serif"]),
];

fn default_of(key: &str) -> Option<&'static str> {
    SETTINGS.iter().find(|(k, _)| *k == key).map(|(_, values)| values[0])
}

/// The saved value of one setting, or its default.
pub fn setting(key: &str) -> String {
    let saved = settings().get(key).and_then(serde_json::Value::as_str).map(str::to_owned);
    saved.or_else(|| default_of(key).map(str::to_owned)).unwrap_or_default()
}

/// Saves one setting and applies it at once. `None` (or the default) removes it.
pub fn set_setting(key: &str, value: Option<&str>) {
    let value = value.filter(|v| Some(*v) != default_of(key));
    let mut all = settings();
    match value {
        Some(v) => all.insert(key.into(), v.into()),
        None => all.remove(key),
    };
    save(all);
    show(key, value);
}
