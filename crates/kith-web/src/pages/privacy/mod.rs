//! Privacy pages: the compliance overview, consent setup (purposes,
//! notices, subscription types, forms), the outbox, and on each contact the
//! privacy panel (badges, lawful bases, recording consent by phone or paper).

mod chart;
mod contact_actions;
mod edit;
mod input;
mod outbox;
mod overview;
mod panel;
mod setup;
mod standing;

pub(crate) use panel::{panel, Panel};

use axum::routing::{get, post};
use axum::Router;
use kith_app::App;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/privacy", get(overview::overview))
        .route("/privacy/setup", get(setup::setup))
        .route("/privacy/purposes", post(setup::add_purpose))
        .route("/privacy/notices", post(setup::add_notice))
        .route("/privacy/subscriptions", post(setup::add_subscription))
        .route("/privacy/forms", post(setup::add_form))
        .route("/privacy/forms/{id}", get(edit::edit_form_page).post(edit::save_form))
        .route("/privacy/purposes/{id}", get(edit::edit_purpose_page).post(edit::save_purpose))
        .route("/outbox", get(outbox::outbox))
        .route("/outbox/{id}", get(outbox::outbox_message))
        .route("/outbox/parting/{id}", get(outbox::parting_message))
        .route("/contacts/{id}/basis", post(contact_actions::set_basis))
        .route("/contacts/{id}/consent", post(contact_actions::record_consent))
        .route("/contacts/{id}/receipts/{seq}", get(contact_actions::receipt))
        .route("/contacts/{id}/restriction", post(contact_actions::set_restriction))
        .route("/contacts/{id}/hold", post(contact_actions::set_hold))
        .route("/contacts/{id}/reviewed", post(contact_actions::mark_reviewed))
        .route("/contacts/{id}/objections", post(contact_actions::object))
        .route("/contacts/{id}/objections/{purpose}", post(contact_actions::decide))
}
