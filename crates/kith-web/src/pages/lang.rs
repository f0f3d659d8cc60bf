//! Which language a page is written in: the staff member's choice, else the
//! browser's `Accept-Language`, else English.

use axum::http::{header, HeaderMap};
use kith_i18n::Tr;

/// The best language of the request's `Accept-Language` Kith speaks.
pub(crate) fn accept_language(headers: &HeaderMap) -> Option<&'static str> {
    headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(kith_i18n::from_accept_language)
}

/// The reader of a page no one is signed in to (sign-in, errors): the
/// browser's language in the server's zone.
pub(crate) fn browser_reader(headers: &HeaderMap) -> Tr {
    Tr::new(accept_language(headers).unwrap_or(kith_i18n::DEFAULT)).in_zone(&kith_i18n::server_zone())
}
