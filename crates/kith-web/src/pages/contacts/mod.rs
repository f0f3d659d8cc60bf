//! Contacts: the list (search, filters, sort, paging, columns, saved views,
//! bulk actions), a contact's page (details, edit in place, timeline,
//! quick-add, privacy panel) and the new-contact form.
//!
//! Search text is personal data, so it never goes into a URL: the list's
//! form is a POST; without search text it redirects to the shareable GET
//! address of the filters, with search text it answers with the results.

mod actions;
mod bulk;
mod choices;
mod contact_form;
mod custom_fields;
mod detail;
mod list;
mod new_contact;
mod saved_views;
mod segment_panel;
mod segments;
mod visibility;

use axum::routing::{get, post};
use axum::Router;
use kith_app::App;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/contacts", get(list::list).post(list::search))
        .route("/contacts/new", get(new_contact::new_page).post(new_contact::create))
        .route("/contacts/bulk", post(bulk::bulk_preview))
        .route("/contacts/bulk/apply", post(bulk::bulk_apply))
        .route("/contacts/views", post(saved_views::save_view))
        .route("/contacts/views/{id}/delete", post(saved_views::delete_view))
        .route("/contacts/segments", get(segments::list).post(segments::save))
        .route("/contacts/segments/{id}/share", post(segments::share))
        .route("/contacts/segments/{id}/delete", post(segments::delete))
        .route("/contacts/{id}", get(detail::show).post(actions::update))
        .route("/contacts/{id}/interactions", post(actions::add_interaction))
        .route("/contacts/{id}/delete", post(actions::delete))
}

/// The segment conditions' kinds, for the check that each has its words.
#[cfg(test)]
pub(crate) fn segment_kinds() -> &'static [&'static str] {
    &segment_panel::KINDS
}
