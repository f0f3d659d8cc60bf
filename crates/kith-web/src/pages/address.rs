//! The path and query of public pages (`/f/…`, `/n/…`, `/c/…`, `/p/…`,
//! `/u/…`, `/portal/…`): one that cannot be read (a malformed id, bytes
//! that are not UTF-8) is answered with a public page, never with the
//! framework's plain-text error nor the staff error page.

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// A path parameter of a public page; unreadable: a "not found" page.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(Unreadable))]
pub(crate) struct Seg<T>(pub T);

/// The query of a public page; unreadable: a "bad request" page.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(Unreadable))]
pub(crate) struct Params<T>(pub T);

pub(crate) struct Unreadable(StatusCode);

impl From<PathRejection> for Unreadable {
    fn from(_: PathRejection) -> Self {
        Unreadable(StatusCode::NOT_FOUND)
    }
}

impl From<QueryRejection> for Unreadable {
    fn from(_: QueryRejection) -> Self {
        Unreadable(StatusCode::BAD_REQUEST)
    }
}

impl IntoResponse for Unreadable {
    fn into_response(self) -> Response {
        super::public::unreadable(self.0)
    }
}
