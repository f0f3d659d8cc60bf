//! The staff web application: server-rendered pages (askama templates,
//! escaped by default) over the same `kith_app` use cases the API calls.
//! Forms work without JavaScript; `kith.js` only adds conveniences.
//! Every page is sent with a strict Content-Security-Policy.

mod account;
mod ack;
mod address;
mod admin;
mod affected;
mod art14;
mod audit;
mod authorisations;
mod breach_notices;
mod breaches;
mod companies;
mod consent_requests;
mod contacts;
mod deals;
mod dpia;
mod dpia_form;
mod dsr;
mod error_page;
pub use error_page::error_pages;
pub(crate) use error_page::{try_again, PageError};
mod evidence;
pub use evidence::register_print_for_pack;
mod field_words;
mod jobs;
mod lang;
pub(crate) use dpia::dpia_document;
pub(crate) use dsr::file_response as export_file_response;
mod form;
mod import;
mod names;
mod policy;
mod portal;
mod privacy;
mod public;
mod public_lang;
mod recipients;
mod registers;
pub use registers::print_html as register_print_html;
mod newsletters;
mod retention;
mod session;
mod templates;
mod view;
mod webhooks;

use askama::Template;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use kith_app::App;

pub(crate) use lang::accept_language;
pub use lang::with_reader;
pub use session::WebConfig;

/// The page for an address nothing answers.
pub fn not_found() -> impl IntoResponse {
    PageError::not_found()
}

/// The page for a method an address does not take (a form's address
/// opened from the history, say).
pub fn method_not_allowed() -> impl IntoResponse {
    PageError::msg(StatusCode::METHOD_NOT_ALLOWED, "errors-nothing-here-title", "errors-nothing-here-text")
}

/// An id in a page address; a malformed one is a "not found" page.
#[derive(axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(PageError))]
pub(crate) struct Id<T>(pub T);

impl From<axum::extract::rejection::PathRejection> for PageError {
    fn from(_: axum::extract::rejection::PathRejection) -> Self {
        PageError::not_found()
    }
}

/// Content-Security-Policy of every page: only our own script and style,
/// no inline code, no framing, forms post only to us.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; \
     connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const CSS: &str = include_str!("../../assets/kith.css");
const JS: &str = include_str!("../../assets/kith.js");

pub fn router() -> Router<App> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/contacts") }))
        .route("/assets/kith.css", get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], CSS) }))
        .route("/assets/kith.js", get(|| async { ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], JS) }))
        .merge(session::router())
        .merge(account::router())
        .merge(contacts::router())
        .merge(companies::router())
        .merge(deals::router())
        .merge(audit::router())
        .merge(admin::router())
        .merge(jobs::router())
        .merge(public::router())
        .merge(policy::router())
        .merge(privacy::router())
        .merge(retention::router())
        .merge(recipients::router())
        .merge(registers::router())
        .merge(authorisations::router())
        .merge(dpia::router())
        .merge(breaches::router())
        .merge(affected::router())
        .merge(dsr::router())
        .merge(evidence::router())
        .merge(import::router())
        .merge(art14::router())
        .merge(portal::router())
        .merge(webhooks::router())
        .merge(ack::router())
        .merge(templates::router())
        .merge(newsletters::router())
        .merge(consent_requests::router())
}

/// Security headers for every response that is not API JSON.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let mut res = next.run(req).await;
    if !api {
        let h = res.headers_mut();
        h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    }
    res
}

/// Renders a template as an HTML response.
pub(crate) fn render(t: &impl Template) -> Response {
    render_status(StatusCode::OK, t)
}

pub(crate) fn render_status(status: StatusCode, t: &impl Template) -> Response {
    match t.render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed to render");
            PageError::internal().into_response()
        }
    }
}

pub(crate) type PageResult = Result<Response, PageError>;

#[cfg(test)]
mod tests {
    use super::PageError;
    use crate::problem::ApiError;
    use kith_app::AppError;
    use kith_domain::Invalid;

    /// The API and the pages answer every kind of error with the same status.
    #[test]
    fn one_classification_for_the_api_and_the_pages() {
        let all = || {
            vec![
                AppError::Unauthenticated,
                AppError::Forbidden("do that"),
                AppError::NotFound("contact"),
                AppError::Invalid(Invalid::one("email", "is not valid")),
                AppError::Conflict("taken".into()),
                AppError::Restricted,
                AppError::IdempotencyMismatch,
                AppError::TooManyAttempts { retry_after_secs: 3 },
                AppError::Unavailable,
                AppError::Internal(kith_app::records::StoreError::Crypto),
            ]
        };
        for (a, b) in all().into_iter().zip(all()) {
            let want = a.status();
            let api = ApiError::from(a).status().as_u16();
            let page = PageError::from(b).status.as_u16();
            assert_eq!((api, page), (want, want));
        }
        assert_eq!(AppError::IdempotencyMismatch.status(), 422);
    }
}
