//! The appeal's terms in words: types, filers, outcomes.

use crate::i18n::*;
use api::appeals::{AppealType, Filer, Outcome};

type I18n = leptos_i18n::I18nContext<Locale>;

pub fn type_name(i18n: I18n, t: AppealType) -> &'static str {
    match t {
        AppealType::Statement => t_string!(i18n, appeals.type_statement),
        AppealType::Complaint => t_string!(i18n, appeals.type_complaint),
        AppealType::Request => t_string!(i18n, appeals.type_request),
        AppealType::Proposal => t_string!(i18n, appeals.type_proposal),
        AppealType::Response => t_string!(i18n, appeals.type_response),
        AppealType::Report => t_string!(i18n, appeals.type_report),
    }
}

/// One plain line on what the type is for.
pub fn type_about(i18n: I18n, t: AppealType) -> &'static str {
    match t {
        AppealType::Statement => t_string!(i18n, appeals.about_statement),
        AppealType::Complaint => t_string!(i18n, appeals.about_complaint),
        AppealType::Request => t_string!(i18n, appeals.about_request),
        AppealType::Proposal => t_string!(i18n, appeals.about_proposal),
        AppealType::Response => t_string!(i18n, appeals.about_response),
        AppealType::Report => t_string!(i18n, appeals.about_report),
    }
}

pub fn filer_name(i18n: I18n, filer: Filer) -> &'static str {
    match filer {
        Filer::Individual => t_string!(i18n, appeals.filer_individual),
        Filer::LegalEntity => t_string!(i18n, appeals.filer_legal),
    }
}

pub fn outcome_name(i18n: I18n, outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Satisfied => t_string!(i18n, appeals.outcome_satisfied),
        Outcome::Explained => t_string!(i18n, appeals.outcome_explained),
        Outcome::Refused => t_string!(i18n, appeals.outcome_refused),
        Outcome::LeftWithoutConsideration => t_string!(i18n, appeals.outcome_left),
    }
}
