//! The appeal is registered: its number, when, the deadline, the tracking code, and what
//! happens next.

use crate::appeals::draft::use_wizard;
use crate::appeals::fields::Step;
use crate::appeals::local_date_time;
use crate::components::status_name::shown_date;
use crate::i18n::*;
use crate::lang::use_lang;
use leptos::prelude::*;

#[component]
pub fn DoneStep() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let wizard = use_wizard();
    let Some(receipt) = wizard.receipt.get_untracked() else {
        // Opened without filing (a reload after sending): start again.
        return view! {
            <p class="lead">{t!(i18n, appeals.done_nothing)}</p>
            <p>
                <a href=move || Step::Who.href(lang.get())>{t!(i18n, appeals.new_title)}</a>
            </p>
        }
        .into_any();
    };
    let number = receipt.registration_number.to_string();
    let track_href = {
        let number = js_sys::encode_uri_component(&number).as_string().unwrap_or_default();
        let code = receipt.tracking_code.clone();
        move || format!("/{}/appeals/track#number={number}&code={code}", lang.get())
    };
    view! {
        <div class="panel-success">
            <p>{t!(i18n, ask.sent_number)}</p>
            <p class="reference">
                <strong>{number}</strong>
            </p>
        </div>
        <dl class="facts">
            <div>
                <dt>{t!(i18n, appeals.registered_at)}</dt>
                <dd>{local_date_time(receipt.registered_at)}</dd>
            </div>
            <div>
                <dt>{t!(i18n, appeals.deadline)}</dt>
                <dd>{shown_date(&receipt.deadline)}</dd>
            </div>
            <div>
                <dt>{t!(i18n, appeals.tracking_code)}</dt>
                <dd>
                    <strong class="code">{receipt.tracking_code.clone()}</strong>
                </dd>
            </div>
        </dl>
        <h2>{t!(i18n, appeals.next_title)}</h2>
        <ul>
            <li>{t!(i18n, appeals.next_email)}</li>
            <li>{t!(i18n, appeals.next_term)} " " <strong>{shown_date(&receipt.deadline)}</strong> "."</li>
            <li>{t!(i18n, appeals.next_track)}</li>
        </ul>
        <p>
            <a href=track_href>{t!(i18n, appeals.track_this)}</a>
        </p>
        <p>
            <a href=move || Step::Who.href(lang.get())>{t!(i18n, appeals.file_another)}</a>
        </p>
    }
    .into_any()
}
