//! `/ack/{token}`: a processor acknowledges a request under Art. 19 (an
//! erasure, rectification, restriction or its lifting) through the link it
//! was sent by mail or in its webhook. A GET shows the request and a
//! button and records nothing (mail scanners follow links); the POST
//! records the acknowledgement, once. The link is the credential; it names
//! the person by id only. In English: the processor is an organisation.

use super::address::Seg;
use super::public::message;
use super::render;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use kith_app::public::LinkError;
use kith_app::App;

pub(super) fn router() -> Router<App> {
    Router::new().route("/ack/{token}", get(show).post(acknowledge))
}

#[derive(Template)]
#[template(path = "public_ack.html")]
struct AckPage<'a> {
    lang: &'a str,
    title: &'a str,
    token: &'a str,
    action: &'static str,
    subject: String,
    reference: String,
    due: String,
    acknowledged: Option<String>,
}

fn refused(e: LinkError) -> Response {
    match e {
        LinkError::Invalid => message(
            StatusCode::NOT_FOUND,
            "en",
            "This link is not valid",
            "Check that the whole link was copied from the message.",
        ),
        LinkError::Expired => {
            message(StatusCode::GONE, "en", "This link has expired", "Ask the controller for a new request.")
        }
        LinkError::App(e) => axum::response::IntoResponse::into_response(super::PageError::from(e)),
    }
}

async fn show(State(app): State<App>, Seg(token): Seg<String>) -> Response {
    let n = match app.processor_notice_by_link(&token).await {
        Ok(n) => n,
        Err(e) => return refused(e),
    };
    render(&AckPage {
        lang: "en",
        title: "Acknowledge a data-protection request",
        token: &token,
        action: n.action.label(),
        subject: n.subject.to_string(),
        reference: n.request_id.unwrap_or(n.id).to_string(),
        due: super::view::date(n.due_at),
        acknowledged: n.acknowledged_at.map(super::view::date_time),
    })
}

async fn acknowledge(State(app): State<App>, Seg(token): Seg<String>) -> Response {
    match app.acknowledge_processor_notice(&token).await {
        Ok(true) => message(
            StatusCode::OK,
            "en",
            "Acknowledgement recorded",
            "Thank you: the controller's record of the request now shows that you carried it out.",
        ),
        Ok(false) => message(StatusCode::OK, "en", "Already acknowledged", "This request was acknowledged before."),
        Err(e) => refused(e),
    }
}
