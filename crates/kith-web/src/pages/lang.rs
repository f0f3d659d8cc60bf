//! Which language a page is written in: the staff member's choice, else the
//! browser's `Accept-Language`, else English.

use axum::http::{header, HeaderMap};
use kith_i18n::Tr;

/// The best language of the request's `Accept-Language` Kith speaks.
pub(crate) fn accept_language(headers: &HeaderMap) -> Option<&'static str> {
    headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(kith_i18n::from_accept_language)
}

/// A staff member's reader: their chosen language, else the browser's,
/// else English; their chosen zone, else the server's.
pub(crate) fn staff_reader(language: Option<&str>, time_zone: Option<&str>, headers: &HeaderMap) -> Tr {
    let lang =
        language.and_then(kith_i18n::supported).or_else(|| accept_language(headers)).unwrap_or(kith_i18n::DEFAULT);
    let zone = time_zone.map_or_else(kith_i18n::server_zone, str::to_owned);
    Tr::new(lang).in_zone(&zone)
}

/// The reader of a page no one is signed in to (sign-in, errors): the
/// browser's language in the server's zone.
pub(crate) fn browser_reader(headers: &HeaderMap) -> Tr {
    Tr::new(accept_language(headers).unwrap_or(kith_i18n::DEFAULT)).in_zone(&kith_i18n::server_zone())
}

tokio::task_local! {
    /// The reader of the request being served: the browser's until the
    /// staff extractor knows the signed-in member's choice.
    static READER: std::cell::RefCell<Tr>;
}

/// Serves a request with its reader known to code that has no session at
/// hand (the field errors of a form, [`super::form::Errors`]).
pub async fn with_reader(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let tr = browser_reader(req.headers());
    READER.scope(std::cell::RefCell::new(tr), next.run(req)).await
}

/// Makes `tr` the reader of the rest of this request.
pub(crate) fn set_reader(tr: &Tr) {
    let _ = READER.try_with(|r| *r.borrow_mut() = tr.clone());
}

/// The reader of the request being served (English outside a request).
pub(crate) fn reader() -> Tr {
    READER.try_with(|r| r.borrow().clone()).unwrap_or_default()
}
