use crate::client::FetchError;
use crate::i18n::*;
use api::ErrorCode;
use leptos::prelude::*;

/// Explains why data did not load and offers to try again. It is an alert, so screen readers
/// hear it at once.
#[component]
pub fn LoadError(error: FetchError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || match &error {
        FetchError::Network => t_string!(i18n, error_network),
        FetchError::Server(ErrorCode::Unavailable) => t_string!(i18n, error_unavailable),
        FetchError::Server(_) | FetchError::Invalid(_) => t_string!(i18n, error_internal),
    };
    view! {
        <div class="status-error" role="alert">
            <p>{text}</p>
            <button type="button" on:click=move |_| on_retry.run(())>
                {t!(i18n, retry)}
            </button>
        </div>
    }
}
