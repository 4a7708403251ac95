//! The appeal being filed: kept in a context signal above the router and in the tab's
//! sessionStorage, so "Back", a reload or an error never loses what was typed. Files stay in
//! memory only (the browser cannot store them).

use crate::client;
use api::appeals::{AppealForm, AppealReceipt};
use api::domain::FieldError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

const STORAGE_KEY: &str = "appeal-draft";

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Draft {
    pub form: AppealForm,
    /// The one-time code from the email.
    pub email_code: String,
    /// The address the last code went to.
    pub code_sent_to: String,
    /// The address and code the server accepted.
    pub checked: Option<(String, String)>,
    /// One key per appeal, so a retried send never files it twice.
    pub key: String,
}

impl Draft {
    fn fresh() -> Draft {
        Draft { key: client::random_id(), ..Draft::default() }
    }

    pub fn code_checked(&self) -> bool {
        self.checked.as_ref().is_some_and(|(email, code)| *email == self.form.email && *code == self.email_code)
    }
}

/// Everything the wizard's steps share.
#[derive(Clone, Copy)]
pub struct Wizard {
    pub draft: RwSignal<Draft>,
    pub files: RwSignal<Vec<web_sys::File>, LocalStorage>,
    /// Errors for the step the wizard is going to (a refused send).
    pub pending: RwSignal<Vec<FieldError>>,
    pub receipt: RwSignal<Option<AppealReceipt>>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Creates the wizard's state (restoring a draft of this tab) and shares it with every page.
pub fn provide_wizard() -> Wizard {
    let saved = storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|raw| serde_json::from_str::<Draft>(&raw).ok())
        .filter(|d| !d.key.is_empty());
    let draft = RwSignal::new(saved.unwrap_or_else(Draft::fresh));
    Effect::new(move |_| {
        draft.with(|d| {
            if let (Some(storage), Ok(raw)) = (storage(), serde_json::to_string(d)) {
                // Private browsing may refuse; the draft still lives in memory.
                let _ = storage.set_item(STORAGE_KEY, &raw);
            }
        })
    });
    let wizard = Wizard {
        draft,
        files: RwSignal::new_local(Vec::new()),
        pending: RwSignal::new(Vec::new()),
        receipt: RwSignal::new(None),
    };
    provide_context(wizard);
    wizard
}

pub fn use_wizard() -> Wizard {
    use_context::<Wizard>().unwrap_or_else(provide_wizard)
}

impl Wizard {
    /// After filing: an empty form with a new key; the receipt stays to be shown.
    pub fn start_over(self) {
        let lang = self.draft.with_untracked(|d| d.form.lang);
        self.draft.set(Draft { form: AppealForm { lang, ..AppealForm::default() }, ..Draft::fresh() });
        self.files.set(Vec::new());
    }
}
