//! `/ack/{token}`: a processor acknowledges a request under Art. 19 (an
//! erasure, rectification, restriction or its lifting) through the link it
//! was sent by mail or in its webhook. A GET shows the request and a
//! button and records nothing (mail scanners follow links); the POST
//! records the acknowledgement, once. The link is the credential; it names
//! the person by id only. In the processor's language (`?lang=`, else
//! `Accept-Language`): the reader is an organisation.

use super::address::{Params, Seg};
use super::public::{here, say_ids};
use super::public_lang::Public;
use super::render;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use kith_app::public::LinkError;
use kith_app::App;

pub(super) fn router() -> Router<App> {
    Router::new().route("/ack/{token}", get(show).post(acknowledge))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct LangQuery {
    lang: Option<String>,
}

#[derive(Template)]
#[template(path = "public_ack.html")]
struct AckPage<'a> {
    l: Public,
    title: String,
    token: &'a str,
    action: String,
    subject: String,
    reference: String,
    due: String,
    acknowledged: Option<String>,
}

fn refused(l: Public, e: LinkError) -> Response {
    match e {
        LinkError::Invalid => say_ids(StatusCode::NOT_FOUND, l, "public-invalid-link-title", "public-ack-invalid-text"),
        LinkError::Expired => say_ids(StatusCode::GONE, l, "public-expired-link-title", "public-ack-expired-text"),
        LinkError::App(e) => axum::response::IntoResponse::into_response(super::PageError::from(e)),
    }
}

async fn show(
    State(app): State<App>,
    Seg(token): Seg<String>,
    Params(q): Params<LangQuery>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let l = here(&uri, q.lang.as_deref(), &headers);
    let n = match app.processor_notice_by_link(&token).await {
        Ok(n) => n,
        Err(e) => return refused(l, e),
    };
    render(&AckPage {
        title: l.t("public-ack-title"),
        token: &token,
        action: l.t(&format!("public-ack-action-{}", n.action.as_str().replace('_', "-"))),
        subject: n.subject.to_string(),
        reference: n.request_id.unwrap_or(n.id).to_string(),
        due: l.date(n.due_at),
        acknowledged: n.acknowledged_at.map(|t| l.date_time(t)),
        l,
    })
}

async fn acknowledge(
    State(app): State<App>,
    Seg(token): Seg<String>,
    Params(q): Params<LangQuery>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    // The answer's switcher leads back to the request's page.
    let l = Public::at(super::public_lang::choose(q.lang.as_deref(), &headers), uri.path(), None);
    match app.acknowledge_processor_notice(&token).await {
        Ok(true) => say_ids(StatusCode::OK, l, "public-ack-recorded-title", "public-ack-recorded-text"),
        Ok(false) => say_ids(StatusCode::OK, l, "public-ack-already-title", "public-ack-already-text"),
        Err(e) => refused(l, e),
    }
}

#[cfg(test)]
mod tests {
    use kith_domain::webhooks::ProcessorAction;

    #[test]
    fn every_action_asked_of_a_processor_has_words() {
        for a in ProcessorAction::ALL {
            assert!(kith_i18n::has_message(&format!("public-ack-action-{}", a.as_str().replace('_', "-"))), "{a:?}");
        }
    }
}
