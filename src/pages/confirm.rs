use crate::client::{self, FetchError};
use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::i18n::*;
use crate::lang::use_lang;
use api::ErrorCode;
use leptos::prelude::*;

/// Opened from the confirmation email: the token travels in the address's fragment, which
/// browsers never send to a server, so it appears in no log.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let token = window().location().hash().unwrap_or_default().trim_start_matches('#').to_owned();
    let result = LocalResource::new(move || client::confirm_question(token.clone()));
    let checking = move || view! { <p role="status">{t!(i18n, confirm.checking)}</p> };
    view! {
        <Transition fallback=checking>
            {move || Suspend::new(async move {
                match result.await {
                    Ok(receipt) => {
                        let number = receipt.registration_number.to_string();
                        view! {
                            <PageHeading text=Signal::derive(move || t_string!(i18n, confirm.ok_title).to_owned()) />
                            <div class="panel-success">
                                <p>{t!(i18n, ask.sent_number)}</p>
                                <p class="reference">
                                    <strong>{number}</strong>
                                </p>
                            </div>
                            <p class="lead">{t!(i18n, confirm.ok_text)}</p>
                            <p>{t!(i18n, ask.sent_after)}</p>
                        }
                            .into_any()
                    }
                    Err(FetchError::Server(ErrorCode::LinkInvalid)) => {
                        view! {
                            <PageHeading text=Signal::derive(move || t_string!(i18n, confirm.bad_title).to_owned()) />
                            <p class="lead">{t!(i18n, confirm.bad_text)}</p>
                            <p>
                                <a href=move || format!("/{}/questions/ask", lang.get())>{t!(i18n, ask.again)}</a>
                            </p>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <LoadError error on_retry=move || result.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}
