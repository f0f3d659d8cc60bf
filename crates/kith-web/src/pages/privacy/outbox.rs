//! The outbox: queued and sent mail, envelopes and one message opened.

use crate::pages::session::{layout, Staff};
use crate::pages::view::Layout;
use crate::pages::{render, Id, PageResult};
use askama::Template;
use axum::extract::State;
use kith_app::sessions::Session;
use kith_app::App;
use uuid::Uuid;

#[derive(Template)]
#[template(path = "outbox.html")]
struct Outbox {
    l: Layout,
    rows: Vec<(String, String, String, String, i64)>,
    open: Option<kith_app::records::Mail>,
    /// Confirmations of erasures: id, queued, status, attempts.
    parting: Vec<(String, String, String, i64)>,
}

async fn outbox_page(app: &App, s: &Session, open: Option<Uuid>, parting_open: Option<Uuid>) -> PageResult {
    let p = &s.principal;
    let rows = app
        .outbox(p)
        .await?
        .into_iter()
        .map(|m| (m.id.to_string(), s.tr.date_time(m.created_at), m.kind, m.status, m.attempts))
        .collect();
    let open = match (open, parting_open) {
        (Some(id), _) => Some(app.outbox_message(p, id).await?.1),
        (None, Some(id)) => Some(app.parting_message(p, id).await?),
        (None, None) => None,
    };
    let parting = app
        .parting_outbox(p)
        .await?
        .into_iter()
        .map(|m| (m.id.to_string(), s.tr.date_time(m.created_at), m.status, m.attempts))
        .collect();
    Ok(render(&Outbox { l: layout(s, "privacy"), rows, open, parting }))
}

pub(super) async fn outbox(State(app): State<App>, Staff(s): Staff) -> PageResult {
    outbox_page(&app, &s, None, None).await
}

pub(super) async fn outbox_message(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    outbox_page(&app, &s, Some(id), None).await
}

pub(super) async fn parting_message(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    outbox_page(&app, &s, None, Some(id)).await
}
