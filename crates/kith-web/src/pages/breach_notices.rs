//! A breach's notices on its page: drafting one from the record, recording
//! that it was sent (the DPO submitted it to the authority, or the people's
//! mails are queued), and the print-ready authority notice.

use super::breaches::{local, show_page};
use super::form::{Errors, StaffForm};
use super::session::Staff;
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
use kith_i18n::{ToArg, Tr};
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/privacy/breaches/{id}/notices", post(draft))
        .route("/privacy/breaches/{id}/notices/{notice}/send", post(send))
        .route("/privacy/breaches/{id}/notices/{notice}/print", get(print))
}

/// A closed vocabulary's word in the reader's language: the message
/// `breaches-<what>-<stored spelling>` (`breaches-status-open`).
pub(crate) fn word(tr: &Tr, what: &str, value: &str) -> String {
    tr.t(&format!("breaches-{what}-{}", value.replace('_', "-")))
}

/// A 72-hour clock in words: "41 h 12 min left", "overdue by 3 h 5 min".
pub(crate) fn clock_text(tr: &Tr, left: Option<time::Duration>) -> String {
    let Some(left) = left else { return tr.t("breaches-clock-unset") };
    let mins = left.whole_minutes().abs();
    let id = if left.is_negative() { "breaches-clock-overdue" } else { "breaches-clock-left" };
    tr.t2(id, "h", mins / 60, "m", mins % 60)
}

/// One notice on the breach's page.
pub(super) struct NoticeLine {
    pub id: String,
    pub audience: String,
    pub is_people: bool,
    pub kind: String,
    pub follows: String,
    pub authority: String,
    pub hash: String,
    pub sent: String,
    pub delay_reason: String,
    pub people: String,
    pub missing: Vec<String>,
}

impl NoticeLine {
    pub fn of(tr: &Tr, n: &NoticeView) -> NoticeLine {
        let s = &n.stored;
        let body = n.body();
        NoticeLine {
            id: s.id.to_string(),
            audience: word(tr, "audience", s.audience.as_str()),
            is_people: s.audience == Audience::People,
            kind: word(tr, "kind", s.kind.as_str()),
            follows: s.follows.map(|f| f.to_string()).unwrap_or_default(),
            authority: s.authority.clone().unwrap_or_default(),
            hash: n.hash_hex.clone(),
            sent: s.sent_at.map(|t| tr.date_time(t)).unwrap_or_default(),
            delay_reason: s.delay_reason.clone().unwrap_or_default(),
            people: if s.audience == Audience::People {
                tr.ta(
                    "breaches-notice-mail-counts",
                    &[
                        ("queued", n.people.queued.to_arg()),
                        ("outbox", n.people.outbox.to_arg()),
                        ("sent", n.people.sent.to_arg()),
                        ("failed", n.people.failed.to_arg()),
                    ],
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
        f => Uuid::parse_str(f).map(Some).map_err(|_| Invalid::one("follows", staff.tr.t("breaches-err-choice"))),
    };
    let r = match (audience, follows) {
        (None, _) => Err(Invalid::one("audience", staff.tr.t("breaches-err-audience")).into()),
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
    tr: Tr,
    reference: String,
    kind: String,
    authority: String,
    hash: String,
    sent: String,
    delay_reason: String,
    follows: String,
    /// (label, value) of every item, in the order of Art. 33(3).
    items: Vec<(String, String)>,
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

/// A people notice's mails as drafted, one subject and text per language:
/// the shipped languages first in their order, then any other the body holds.
fn people_mail_items(tr: &Tr, b: &serde_json::Value) -> Vec<(String, String)> {
    let Some(mail) = b["mail"].as_object() else { return Vec::new() };
    let mut langs: Vec<&str> = kith_i18n::languages().iter().copied().filter(|l| mail.contains_key(*l)).collect();
    langs.extend(mail.keys().map(String::as_str).filter(|l| !kith_i18n::languages().contains(l)));
    let mut out = Vec::new();
    for l in langs {
        let name = kith_i18n::language_name(l);
        out.push((tr.t1("breach-mail-print-subject", "language", name.as_str()), text(&mail[l]["subject"])));
        out.push((tr.t1("breach-mail-print-text", "language", name.as_str()), text(&mail[l]["text"])));
    }
    out
}

async fn print(State(app): State<App>, Id((id, notice)): Id<(Uuid, Uuid)>, Staff(s): Staff) -> PageResult {
    let n = app.breach_notice(&s.principal, id, notice).await?;
    let b = n.body();
    let tr = &s.tr;
    let line = NoticeLine::of(tr, &n);
    let items = if n.stored.audience == Audience::Authority {
        vec![
            ("breaches-item-controller", text(&b["controller"])),
            ("breaches-item-dpo", {
                let (n, c) = (text(&b["dpo"]["name"]), text(&b["dpo"]["contact"]));
                if c == "—" {
                    n
                } else {
                    format!("{n}, {c}")
                }
            }),
            ("breaches-item-description", text(&b["description"])),
            ("breaches-item-nature", text(&b["nature"])),
            ("breaches-item-cause", text(&b["cause"])),
            ("breaches-item-systems", text(&b["systems"])),
            ("breaches-item-recipients", text(&b["recipients"])),
            ("breaches-item-occurred-from", text(&b["occurred_from"])),
            ("breaches-item-occurred-to", text(&b["occurred_to"])),
            ("breaches-item-detected", text(&b["detected_at"])),
            ("breaches-item-aware", text(&b["aware_at"])),
            ("breaches-item-deadline", text(&b["deadline"])),
            ("breaches-item-people-categories", text(&b["people_categories"])),
            ("breaches-item-approx-people", text(&b["approx_people"])),
            ("breaches-item-people-found", text(&b["people_found"])),
            ("breaches-item-approx-records", text(&b["approx_records"])),
            ("breaches-item-data-categories", text(&b["data_categories"])),
            ("breaches-item-specials", text(&b["special_categories"])),
            ("breaches-item-countries", text(&b["countries"])),
            ("breaches-item-consequences", text(&b["consequences"])),
            ("breaches-item-risk-method", text(&b["risk_method"])),
            ("breaches-item-risk-level", text(&b["risk_level"])),
            ("breaches-item-measures", text(&b["measures"])),
            ("breaches-item-people-decision", text(&b["people_decision"])),
            ("breaches-item-authority-refs", text(&b["authority_refs"])),
            ("breaches-item-bundled", text(&b["bundled"])),
        ]
    } else {
        Vec::new()
    };
    let mut items: Vec<(String, String)> = items.into_iter().map(|(id, v)| (tr.t(id), v)).collect();
    items.extend(people_mail_items(tr, &b));
    let page = PrintPage {
        tr: s.tr.clone(),
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
