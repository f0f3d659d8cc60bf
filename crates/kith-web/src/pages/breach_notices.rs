//! A breach's notices on its page: drafting one from the record, recording
//! that it was sent (the DPO submitted it to the authority, or the people's
//! mails are queued), and the print-ready authority notice.

use super::breaches::{local, show_page};
use super::form::{Errors, StaffForm};
use super::session::Staff;
use super::view;
use super::{render_status, Id, PageResult};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::breaches::notices::{NoticeRequest, NoticeView};
use kith_app::{App, AppError};
use kith_domain::breach::notice::{Audience, NoticeKind};
use kith_domain::Invalid;
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/privacy/breaches/{id}/notices", post(draft))
        .route("/privacy/breaches/{id}/notices/{notice}/send", post(send))
        .route("/privacy/breaches/{id}/notices/{notice}/print", get(print))
}

/// One notice on the breach's page.
pub(super) struct NoticeLine {
    pub id: String,
    pub audience: &'static str,
    pub is_people: bool,
    pub kind: &'static str,
    pub follows: String,
    pub authority: String,
    pub hash: String,
    pub sent: String,
    pub delay_reason: String,
    pub people: String,
    pub missing: Vec<String>,
}

impl NoticeLine {
    pub fn of(n: &NoticeView) -> NoticeLine {
        let s = &n.stored;
        let body = n.body();
        NoticeLine {
            id: s.id.to_string(),
            audience: s.audience.label(),
            is_people: s.audience == Audience::People,
            kind: s.kind.label(),
            follows: s.follows.map(|f| f.to_string()).unwrap_or_default(),
            authority: s.authority.clone().unwrap_or_default(),
            hash: n.hash_hex.clone(),
            sent: s.sent_at.map(view::date_time).unwrap_or_default(),
            delay_reason: s.delay_reason.clone().unwrap_or_default(),
            people: if s.audience == Audience::People {
                format!(
                    "{} queued, {} held in the outbox (no SMTP configured: not sent), {} sent, {} failed",
                    n.people.queued, n.people.outbox, n.people.sent, n.people.failed
                )
            } else {
                String::new()
            },
            missing: body["missing"]
                .as_array()
                .map(|a| a.iter().filter_map(|m| m.as_str().map(str::to_owned)).collect())
                .unwrap_or_default(),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DraftForm {
    audience: String,
    follows: String,
    authority: String,
}

async fn draft(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<DraftForm>,
) -> PageResult {
    let audience = Audience::parse(form.audience.trim());
    let follows = match form.follows.trim() {
        "" => Ok(None),
        f => Uuid::parse_str(f).map(Some).map_err(|_| Invalid::one("follows", "is not a valid choice")),
    };
    let r = match (audience, follows) {
        (None, _) => Err(Invalid::one("audience", "choose the authority or the people").into()),
        (_, Err(e)) => Err(e.into()),
        (Some(audience), Ok(follows)) => {
            let kind = if follows.is_some() { NoticeKind::FollowUp } else { NoticeKind::Initial };
            let authority = Some(form.authority);
            let r = NoticeRequest { audience, kind, follows, authority, bundled: Vec::new() };
            app.draft_breach_notice(&staff.principal, id, r).await
        }
    };
    match r {
        Ok(_) => Ok(Redirect::to(&format!("/privacy/breaches/{id}#notices")).into_response()),
        Err(AppError::Invalid(inv)) => {
            let e = Errors(inv.0.iter().map(|f| (format!("notice_{}", f.field), f.message.clone())).collect());
            show_page(&app, &staff, id, None, e).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SendForm {
    sent_at: String,
    delay_reason: String,
}

async fn send(
    State(app): State<App>,
    Id((id, notice)): Id<(Uuid, Uuid)>,
    StaffForm { staff, form }: StaffForm<SendForm>,
) -> PageResult {
    let mut inv = Vec::new();
    let sent_at = crate::api::breaches::time_of(&mut inv, "sent_at", local(&form.sent_at).as_deref());
    let r = if inv.is_empty() {
        app.send_breach_notice(&staff.principal, id, notice, sent_at, form.delay_reason).await
    } else {
        Err(Invalid(inv).into())
    };
    match r {
        Ok(_) => Ok(Redirect::to(&format!("/privacy/breaches/{id}#notices")).into_response()),
        Err(AppError::Invalid(inv)) => {
            let e = Errors(inv.0.iter().map(|f| (format!("send_{}", f.field), f.message.clone())).collect());
            show_page(&app, &staff, id, None, e).await
        }
        Err(AppError::Conflict(m)) => show_page(&app, &staff, id, None, Errors(vec![("send_notice".into(), m)])).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "breach_notice_print.html")]
struct PrintPage {
    reference: String,
    kind: &'static str,
    authority: String,
    hash: String,
    sent: String,
    delay_reason: String,
    follows: String,
    /// (label, value) of every item, in the order of Art. 33(3).
    items: Vec<(&'static str, String)>,
    missing: Vec<String>,
}

fn text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "—".into(),
        serde_json::Value::String(s) if s.is_empty() => "—".into(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) if a.is_empty() => "—".into(),
        serde_json::Value::Array(a) => a.iter().map(text).collect::<Vec<_>>().join(", "),
        v => v.to_string(),
    }
}

async fn print(State(app): State<App>, Id((id, notice)): Id<(Uuid, Uuid)>, Staff(s): Staff) -> PageResult {
    let n = app.breach_notice(&s.principal, id, notice).await?;
    let b = n.body();
    let line = NoticeLine::of(&n);
    let items = if n.stored.audience == Audience::Authority {
        vec![
            ("Controller", text(&b["controller"])),
            ("Data protection officer", {
                let (n, c) = (text(&b["dpo"]["name"]), text(&b["dpo"]["contact"]));
                if c == "—" {
                    n
                } else {
                    format!("{n}, {c}")
                }
            }),
            ("What happened", text(&b["description"])),
            ("Nature of the breach", text(&b["nature"])),
            ("Cause", text(&b["cause"])),
            ("Systems involved", text(&b["systems"])),
            ("Recipients involved", text(&b["recipients"])),
            ("Occurred from", text(&b["occurred_from"])),
            ("Occurred to", text(&b["occurred_to"])),
            ("Detected at", text(&b["detected_at"])),
            ("Aware at", text(&b["aware_at"])),
            ("Deadline (aware at + 72 h)", text(&b["deadline"])),
            ("Categories of people", text(&b["people_categories"])),
            ("Approximate number of people", text(&b["approx_people"])),
            ("People found by the latest frozen query", text(&b["people_found"])),
            ("Approximate number of records", text(&b["approx_records"])),
            ("Categories of data", text(&b["data_categories"])),
            ("Special categories", text(&b["special_categories"])),
            ("Countries of the people", text(&b["countries"])),
            ("Likely consequences", text(&b["consequences"])),
            ("Risk method", text(&b["risk_method"])),
            ("Risk level", text(&b["risk_level"])),
            ("Measures taken or proposed", text(&b["measures"])),
            ("The people are told", text(&b["people_decision"])),
            ("Authority case references", text(&b["authority_refs"])),
            ("Bundled breaches", text(&b["bundled"])),
        ]
    } else {
        vec![
            ("Mail in English: subject", text(&b["mail"]["en"]["subject"])),
            ("Mail in English: text", text(&b["mail"]["en"]["text"])),
            ("Mail in Italian: subject", text(&b["mail"]["it"]["subject"])),
            ("Mail in Italian: text", text(&b["mail"]["it"]["text"])),
        ]
    };
    let page = PrintPage {
        reference: text(&b["reference"]),
        kind: line.kind,
        authority: line.authority,
        hash: line.hash,
        sent: line.sent,
        delay_reason: line.delay_reason,
        follows: line.follows,
        items,
        missing: line.missing,
    };
    Ok(render_status(axum::http::StatusCode::OK, &page))
}
