//! Problem details in the reader's language: an API client that sends
//! `Accept-Language` gets the `title` and `detail` of a problem in that
//! language; the `type` slug (and the per-field `errors`, which name API
//! fields) stay as they are, so programs keep matching on them.

use axum::body::Body;
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;

use crate::problem::{DetailMsg, Problem};

/// What a problem says, kept on its response until the language is known.
#[derive(Clone)]
pub(crate) struct Words {
    pub(crate) slug: &'static str,
    pub(crate) detail: Option<DetailMsg>,
    pub(crate) problem: Problem,
}

/// Rewrites a problem's title and detail when the request asked for a
/// language other than English (English is what the handlers wrote).
pub(crate) async fn localize(req: Request, next: Next) -> Response {
    let lang = crate::pages::accept_language(req.headers());
    let mut res = next.run(req).await;
    let Some(words) = res.extensions_mut().remove::<Words>() else { return res };
    let Some(lang) = lang.filter(|l| *l != kith_i18n::DEFAULT) else { return res };
    let mut problem = words.problem;
    let title_id = format!("problem-{}", words.slug);
    if kith_i18n::has_message(&title_id) {
        problem.title = kith_i18n::t(lang, &title_id);
    }
    if let Some((id, args)) = words.detail {
        problem.detail = kith_i18n::t_args(lang, id, &args);
    }
    if let Ok(body) = serde_json::to_vec(&problem) {
        res.headers_mut().remove(header::CONTENT_LENGTH);
        res.headers_mut().insert(header::CONTENT_LANGUAGE, header::HeaderValue::from_static(lang));
        *res.body_mut() = Body::from(body);
    }
    res
}
