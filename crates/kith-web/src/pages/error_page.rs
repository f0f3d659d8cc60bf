//! Failures shown as readable pages, in the reader's language. A
//! [`PageError`] knows no request: its response carries a marker
//! ([`ErrorMarker`]) and [`error_pages`], a middleware that knows the
//! request, writes the page in the signed-in staff member's language, else
//! the browser's.

use super::session::{session_secret, WebConfig};
use crate::extract::RequestId;
use askama::Template;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use kith_app::{App, AppError};
use kith_i18n::{Arg, Tr};

/// Words of an error page: a message of the catalogue (with its
/// variables), or text as it is (details the domain wrote in English).
#[derive(Clone, Debug)]
pub(crate) enum Text {
    Id(&'static str, Vec<(&'static str, Arg)>),
    Plain(String),
}

impl Text {
    fn read(&self, tr: &Tr) -> String {
        match self {
            Text::Id(id, args) => tr.ta(id, args),
            // A caller may pass a message id as the text.
            Text::Plain(s) if kith_i18n::has_message(s) => tr.t(s),
            Text::Plain(s) => s.clone(),
        }
    }
}

/// A failure shown as a readable page (never a stack trace). Signed-out
/// users are sent to the sign-in page instead.
#[derive(Debug)]
pub(crate) struct PageError {
    pub(super) status: StatusCode,
    /// A message id (or, from code not yet converted, English text).
    title: &'static str,
    message: Text,
}

/// What [`error_pages`] needs to write the page of a [`PageError`].
#[derive(Clone, Debug)]
pub(crate) struct ErrorMarker {
    status: StatusCode,
    title: &'static str,
    message: Text,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    tr: &'a Tr,
    title: &'a str,
    message: &'a str,
    status: u16,
}

impl PageError {
    /// `title` and `message` are message ids, or text shown as it is.
    pub(crate) fn new(status: StatusCode, title: &'static str, message: impl Into<String>) -> Self {
        PageError { status, title, message: Text::Plain(message.into()) }
    }

    /// A page of two messages (ids).
    pub(crate) fn msg(status: StatusCode, title: &'static str, message: &'static str) -> Self {
        PageError { status, title, message: Text::Id(message, Vec::new()) }
    }

    /// A page whose message has variables.
    pub(crate) fn msg_args(
        status: StatusCode,
        title: &'static str,
        message: &'static str,
        args: Vec<(&'static str, Arg)>,
    ) -> Self {
        PageError { status, title, message: Text::Id(message, args) }
    }

    /// "Please check the input" with a message id.
    pub(crate) fn check(message: &'static str) -> Self {
        Self::msg(StatusCode::UNPROCESSABLE_ENTITY, "errors-check-input-title", message)
    }

    pub(crate) fn bad_form() -> Self {
        Self::msg(StatusCode::BAD_REQUEST, "errors-bad-form-title", "errors-bad-form-text")
    }

    /// Sends the browser elsewhere (a page that must come first).
    pub(crate) fn redirect(to: &'static str) -> Self {
        Self::new(StatusCode::SEE_OTHER, "Redirect", to)
    }

    pub(crate) fn not_found() -> Self {
        Self::msg(StatusCode::NOT_FOUND, "errors-not-found-title", "errors-not-found-text")
    }

    pub(super) fn internal() -> Self {
        Self::msg(StatusCode::INTERNAL_SERVER_ERROR, "errors-internal-title", "errors-internal-text")
    }

    fn marker(&self) -> ErrorMarker {
        ErrorMarker { status: self.status, title: self.title, message: self.message.clone() }
    }
}

fn secs(n: i64) -> Arg {
    #[allow(clippy::cast_precision_loss)]
    Arg::Num(n as f64)
}

impl From<AppError> for PageError {
    /// The status comes from the one classification (`AppError::status`);
    /// the title and message are the pages' words. Details the domain
    /// writes (invalid fields, conflicts) are shown as written.
    fn from(e: AppError) -> Self {
        let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let id = |title, message| PageError::msg(status, title, message);
        match e {
            AppError::Unauthenticated => id("errors-sign-in-title", "errors-sign-in-text"),
            AppError::Forbidden(what) => PageError::msg_args(
                status,
                "errors-forbidden-title",
                "errors-forbidden-text",
                vec![("what", Arg::Str(what.to_owned()))],
            ),
            AppError::NotFound(what) => PageError::msg_args(
                status,
                "errors-not-found-title",
                "errors-no-such-record",
                vec![("what", Arg::Str(what.to_owned()))],
            ),
            AppError::Invalid(inv) => PageError::new(
                status,
                "errors-check-input-title",
                inv.0
                    .iter()
                    .map(|f| {
                        let tr = super::lang::reader();
                        let message = super::field_words::field_message(&tr, &f.message);
                        format!("{}: {message}", super::view::field_label(&tr, &f.field))
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            AppError::Conflict(m) => PageError::new(status, "errors-not-done-title", m),
            AppError::Restricted => id("errors-restricted-title", "errors-restricted-text"),
            AppError::IdempotencyMismatch => id("errors-not-done-title", "errors-idempotency-text"),
            AppError::TooManyAttempts { retry_after_secs } => {
                let (message, n) = try_again_parts(retry_after_secs);
                PageError::msg_args(status, "errors-too-many-title", message, vec![("n", secs(n))])
            }
            AppError::Unavailable => id("errors-busy-title", "errors-busy-text"),
            AppError::Internal(source) => {
                tracing::error!(error = %crate::problem::error_chain(&source), "internal error");
                PageError::internal()
            }
        }
    }
}

/// The error page of `m` for `tr`.
fn page(tr: &Tr, m: &ErrorMarker) -> Response {
    let title = if kith_i18n::has_message(m.title) { tr.t(m.title) } else { m.title.to_owned() };
    let message = m.message.read(tr);
    let page = ErrorPage { tr, title: &title, message: &message, status: m.status.as_u16() };
    match page.render() {
        Ok(body) => (m.status, Html(body)).into_response(),
        Err(_) => (m.status, title).into_response(),
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        if self.status == StatusCode::UNAUTHORIZED {
            return Redirect::to("/login").into_response();
        }
        if self.status == StatusCode::SEE_OTHER {
            if let Text::Plain(to) = &self.message {
                return Redirect::to(to).into_response();
            }
        }
        // English until `error_pages` rewrites it for the reader.
        let marker = self.marker();
        let mut res = page(&Tr::default(), &marker);
        res.extensions_mut().insert(marker);
        res
    }
}

/// Rewrites error pages in the reader's language: the signed-in staff
/// member's, else the browser's (`Accept-Language`).
pub async fn error_pages(State(app): State<App>, req: Request, next: Next) -> Response {
    let headers = req.headers().clone();
    let cfg = req.extensions().get::<WebConfig>().copied().unwrap_or_default();
    let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
    let mut res = next.run(req).await;
    let Some(marker) = res.extensions_mut().remove::<ErrorMarker>() else { return res };
    let tr = reader(&app, cfg, &headers, request_id).await;
    let mut fresh = page(&tr, &marker);
    // Keep what the handler set besides the body (cookies, say).
    for (k, v) in res.headers() {
        if k != axum::http::header::CONTENT_LENGTH && k != axum::http::header::CONTENT_TYPE {
            fresh.headers_mut().append(k.clone(), v.clone());
        }
    }
    fresh
}

/// The reader of a request: its staff member's language and zone, else
/// the browser's language in the server's zone.
async fn reader(app: &App, cfg: WebConfig, headers: &HeaderMap, request_id: String) -> Tr {
    let secret = session_secret(cfg, headers);
    if !secret.is_empty() {
        if let Ok(s) = app.session(secret, request_id).await {
            return match (&s.language, super::lang::accept_language(headers)) {
                (None, Some(lang)) => Tr::new(lang).in_zone(s.tr.zone()),
                _ => s.tr,
            };
        }
    }
    super::lang::browser_reader(headers)
}

/// The message id and number of a lock-out's wait.
fn try_again_parts(retry_after_secs: i64) -> (&'static str, i64) {
    if retry_after_secs < 60 {
        ("errors-try-again-seconds", retry_after_secs)
    } else {
        ("errors-try-again-minutes", (retry_after_secs + 59) / 60)
    }
}

/// What a locked-out person reads.
pub(crate) fn try_again(tr: &Tr, retry_after_secs: i64) -> String {
    let (id, n) = try_again_parts(retry_after_secs);
    tr.t1(id, "n", n)
}
