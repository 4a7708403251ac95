//! The office's first page: what the signed-in staff member can do, body by body.

use crate::client;
use crate::components::page_heading::PageHeading;
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::use_session;
use api::BodySlug;
use api::bundles::{Bundle, bundle_for_path};
use api::staff::Role;
use leptos::prelude::*;

/// One link of a body's work list.
struct Task {
    href: String,
    label: &'static str,
}

#[component]
pub fn OfficeHome() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let session = use_session();
    let title = Signal::derive(move || t_string!(i18n, office.home_title).to_owned());
    let bodies = LocalResource::new(client::bodies);
    let my_bodies = move || {
        let mut slugs: Vec<BodySlug> =
            session.0.with(|me| me.iter().flat_map(|m| m.memberships.iter().map(|m| m.body.clone())).collect());
        slugs.sort();
        slugs.dedup();
        slugs
    };
    let tasks = move |slug: &str| {
        let base = format!("/{}/office/{slug}", lang.get());
        let mut tasks = Vec::new();
        if session.may(slug, &[Role::Moderator]) {
            tasks.push(Task {
                href: format!("{base}/cases?status=received&channel=question"),
                label: t_string!(i18n, office.task_moderate),
            });
        }
        if session.may(slug, &[Role::Executor]) {
            tasks.push(Task {
                href: format!("{base}/cases?status=assigned&mine=true"),
                label: t_string!(i18n, office.task_mine),
            });
        }
        if session.may(slug, &[Role::Moderator, Role::Head]) {
            tasks.push(Task {
                href: format!("{base}/cases?status=received&channel=appeal"),
                label: t_string!(i18n, office.task_appeals),
            });
            tasks.push(Task {
                href: format!("{base}/cases?status=answered"),
                label: t_string!(i18n, office.task_approve),
            });
            tasks.push(Task {
                href: format!("{base}/cases?status=assigned&overdue=true"),
                label: t_string!(i18n, office.task_overdue),
            });
            // What the body publishes besides answers: the editor bundle's pages.
            for part in crate::editor::Part::ALL {
                tasks.push(Task { href: format!("{base}/{}", part.path()), label: part.name(i18n) });
            }
        }
        if session.may(slug, &[Role::Administrator]) {
            tasks.push(Task { href: format!("{base}/settings"), label: t_string!(i18n, office.task_settings) });
        }
        tasks
    };
    let roles = move |slug: &str| {
        session.0.with(|me| {
            me.iter()
                .flat_map(|m| m.memberships.iter())
                .filter(|m| m.body.as_str() == slug)
                .map(|m| role_name(i18n, m.role))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let body_name = move |slug: &BodySlug| {
        bodies
            .get()
            .and_then(Result::ok)
            .and_then(|list| list.into_iter().find(|b| &b.slug == slug))
            .map(|b| b.name.get(lang.get()).to_owned())
            .unwrap_or_else(|| slug.to_string())
    };

    view! {
        <PageHeading text=title />
        <p class="lead">{t!(i18n, office.home_intro)}</p>
        {move || {
            session
                .platform_admin()
                .then(|| {
                    view! {
                        <section aria-labelledby="platform-heading">
                            <h2 id="platform-heading">{t!(i18n, office.platform)}</h2>
                            <ul class="plain-list">
                                <li>
                                    <a href=move || {
                                        format!("/{}/office/calendar", lang.get())
                                    }>{t!(i18n, office.task_calendar)}</a>
                                </li>
                            </ul>
                        </section>
                    }
                })
        }}
        {move || {
            my_bodies()
                .into_iter()
                .map(|slug| {
                    let heading_id = format!("body-{slug}");
                    let labelled_by = heading_id.clone();
                    view! {
                        <section class="office-body" aria-labelledby=labelled_by>
                            <h2 id=heading_id>{body_name(&slug)}</h2>
                            <p>{t!(i18n, office.your_roles)} ": " {roles(slug.as_str())}</p>
                            <ul class="plain-list">
                                {tasks(slug.as_str())
                                    .into_iter()
                                    .map(|task| {
                                        view! {
                                            <li>
                                                // Another bundle's page is a full page load.
                                                <a
                                                    rel=(bundle_for_path(&task.href) != Bundle::Office)
                                                        .then_some("external")
                                                    href=task.href
                                                >
                                                    {task.label}
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()
        }}
    }
}

pub fn role_name(i18n: leptos_i18n::I18nContext<Locale>, role: Role) -> &'static str {
    match role {
        Role::Administrator => t_string!(i18n, office.role_administrator),
        Role::Moderator => t_string!(i18n, office.role_moderator),
        Role::Executor => t_string!(i18n, office.role_executor),
        Role::Head => t_string!(i18n, office.role_head),
    }
}
