//! Data-subject requests for staff: the queue (by due date, overdue and
//! due-soon highlighted), a request's page with its steps and actions, and
//! registering a request from a contact's page.

use super::form::StaffForm;
use super::session::{layout, Staff};
use super::view::{self, Layout};
use super::{render, Id, PageError, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::dsr::{DsrAction, DsrView, NewDsr};
use kith_app::export::ExportFormat;
use kith_app::App;
use kith_domain::dsr::{DsrChannel, DsrKind, DsrStatus};
use kith_domain::{SubjectId, UserId};
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/dsr", get(queue))
        .route("/dsr/{id}", get(show))
        .route("/dsr/{id}/act", post(act))
        .route("/dsr/{id}/perform", post(perform))
        .route("/dsr/{id}/export", post(export))
        .route("/exports/{id}", get(download))
        .route("/contacts/{id}/dsr", post(create))
}

/// A request as a line of a list.
pub(crate) struct Line {
    pub id: String,
    pub kind: &'static str,
    pub status: &'static str,
    pub received: String,
    pub due: String,
    pub due_iso: String,
    /// `overdue`, `soon`, `paused` or empty: how the line is highlighted.
    pub flag: &'static str,
    pub contact: String,
}

pub(crate) fn line(v: &DsrView) -> Line {
    Line {
        id: v.dsr.id.to_string(),
        kind: v.dsr.kind.label(),
        status: v.dsr.status.label(),
        received: view::date(v.dsr.received_at),
        due: if v.dsr.status.is_final() { "—".into() } else { view::date(v.due_at) },
        due_iso: view::iso(v.due_at),
        flag: if v.overdue {
            "overdue"
        } else if v.paused {
            "paused"
        } else if v.due_within_7_days {
            "soon"
        } else {
            ""
        },
        contact: v.dsr.subject.to_string(),
    }
}

#[derive(Template)]
#[template(path = "dsr_queue.html")]
struct Queue {
    l: Layout,
    lines: Vec<Line>,
    due_soon: bool,
    /// Processor requests not acknowledged by their due date (Art. 19).
    overdue_notices: Vec<NoticeLine>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct QueueParams {
    due_soon: Option<String>,
}

async fn queue(
    State(app): State<App>,
    Staff(s): Staff,
    axum::extract::Query(q): axum::extract::Query<QueueParams>,
) -> PageResult {
    let due_soon = q.due_soon.is_some();
    let lines = app.dsr_queue(&s.principal, due_soon).await?.iter().map(line).collect();
    let overdue_notices = app.overdue_processor_notices(&s.principal).await?.into_iter().map(notice_line).collect();
    Ok(render(&Queue { l: layout(&s, "dsr"), lines, due_soon, overdue_notices }))
}

#[derive(Template)]
#[template(path = "dsr.html")]
struct Page {
    l: Layout,
    r: Line,
    channel: &'static str,
    verified: String,
    extension: Option<String>,
    outcome: Option<String>,
    assigned: String,
    steps: Vec<(String, String, String, String)>,
    statuses: Vec<(&'static str, &'static str)>,
    staff: Vec<(String, String)>,
    can_act: bool,
    final_: bool,
    /// What the one-click button does, if this kind has one.
    perform: Option<&'static str>,
    /// The request is answered with the export.
    exports: bool,
    /// The person's prepared export files: (id, kind, format, available until).
    files: Vec<(String, String, String, String)>,
    /// Why an erasure may be wrong or partial (Art. 17(3)).
    exceptions: Vec<String>,
    /// What processors were asked (Art. 19) and whether they acknowledged.
    notices: Vec<NoticeLine>,
}

/// A request sent to a processor, as a line.
pub(crate) struct NoticeLine {
    pub request: String,
    pub recipient: String,
    pub action: &'static str,
    pub channel: String,
    /// Sent, waiting, or why it failed.
    pub sent: String,
    pub due: String,
    pub acknowledged: String,
    pub overdue: bool,
}

pub(crate) fn notice_line(n: kith_app::webhooks::Notice) -> NoticeLine {
    let now = time::OffsetDateTime::now_utc();
    NoticeLine {
        request: n.request_id.map(|r| r.to_string()).unwrap_or_default(),
        overdue: n.overdue(now),
        recipient: if n.recipient.is_empty() { "(no longer in the register)".into() } else { n.recipient },
        action: n.action.label(),
        channel: n.channel,
        sent: match (n.sent_at, n.status.as_str()) {
            (Some(t), _) => view::date_time(t),
            (None, "failed") => format!("failed: {}", n.last_error.unwrap_or_default()),
            (None, _) => match n.last_error {
                Some(e) => format!("not yet sent ({e})"),
                None => "not yet sent".into(),
            },
        },
        due: view::date(n.due_at),
        acknowledged: n.acknowledged_at.map(view::date_time).unwrap_or_default(),
    }
}

async fn show(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    let p = &s.principal;
    let (v, steps) = app.get_dsr(p, id).await?;
    let names = super::names::staff(&app, p).await?;
    let who = |u: Option<UserId>| u.and_then(|u| names.get(&u.0).cloned()).unwrap_or_else(|| "—".into());
    let d = &v.dsr;
    let page = Page {
        l: layout(&s, "dsr"),
        r: line(&v),
        channel: d.channel.label(),
        verified: match &d.verification_method {
            Some(m) => format!("{} ({m})", d.verified),
            None => d.verified.clone(),
        },
        extension: d.extension_reason.as_ref().map(|r| format!("{} month(s): {r}", d.extension_months)),
        outcome: d.outcome.clone(),
        assigned: who(d.assigned_to),
        steps: steps
            .into_iter()
            .map(|st| {
                (
                    view::date_time(st.at),
                    who(st.actor),
                    match st.status {
                        Some(x) => format!("{} → {}", st.action, x.label()),
                        None => st.action,
                    },
                    st.note.unwrap_or_default(),
                )
            })
            .collect(),
        statuses: DsrStatus::ALL
            .iter()
            .filter(|x| **x != DsrStatus::Received)
            .map(|x| (x.as_str(), x.label()))
            .collect(),
        staff: super::names::staff_choices(&names),
        can_act: s.role().can_manage_privacy(),
        final_: d.status.is_final(),
        perform: match d.kind {
            DsrKind::Erasure => Some("Erase the person now"),
            DsrKind::Restriction => Some("Restrict processing now"),
            DsrKind::WithdrawConsent => Some("Withdraw every consent now"),
            _ => None,
        },
        exports: matches!(d.kind, DsrKind::Access | DsrKind::Portability | DsrKind::Information),
        files: if s.role().can_manage_privacy() {
            app.exports_of(p, d.subject)
                .await
                .unwrap_or_default()
                .into_iter()
                .map(|f| (f.id.to_string(), f.kind, f.format.to_uppercase(), view::date(f.expires_at)))
                .collect()
        } else {
            Vec::new()
        },
        notices: app.processor_notices(p, d.id).await.unwrap_or_default().into_iter().map(notice_line).collect(),
        exceptions: if d.kind == DsrKind::Erasure && s.role().can_manage_privacy() && !d.status.is_final() {
            app.erasure_exceptions(p, d.subject).await.unwrap_or_default()
        } else {
            Vec::new()
        },
    };
    Ok(render(&page))
}

async fn perform(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form: _ }: StaffForm<super::form::NoFields>,
) -> PageResult {
    app.perform_dsr(&staff.principal, id).await?;
    Ok(Redirect::to(&format!("/dsr/{id}")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ExportForm {
    format: String,
}

/// Prepares the export that answers an access, portability or information
/// request: a file sealed at rest, listed on the request page until it expires.
async fn export(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<ExportForm>,
) -> PageResult {
    let format = ExportFormat::parse(&form.format).ok_or_else(|| {
        PageError::new(StatusCode::UNPROCESSABLE_ENTITY, "Please check the input", "Choose a format.")
    })?;
    let (v, _) = app.get_dsr(&staff.principal, id).await?;
    app.prepare_export(&staff.principal, v.dsr.subject, v.dsr.kind == DsrKind::Portability, format).await?;
    Ok(Redirect::to(&format!("/dsr/{id}")).into_response())
}

/// Downloads a prepared export (audited).
async fn download(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    let (f, bytes) = app.download_export(&s.principal, id).await?;
    Ok(file_response(&f, bytes))
}

/// An export file as an attachment.
pub(crate) fn file_response(f: &kith_app::export::ExportFile, bytes: Vec<u8>) -> axum::response::Response {
    use axum::http::header;
    let (media, name) = ExportFormat::media(&f.format);
    (
        [
            (header::CONTENT_TYPE, media.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ActForm {
    action: String,
    status: String,
    reason: String,
    method: String,
    months: String,
    user: String,
    note: String,
}

fn blank(s: &str) -> Option<String> {
    Some(s.trim().to_owned()).filter(|s| !s.is_empty())
}

async fn act(State(app): State<App>, Id(id): Id<Uuid>, StaffForm { staff, form }: StaffForm<ActForm>) -> PageResult {
    let bad = |m: &str| PageError::new(StatusCode::UNPROCESSABLE_ENTITY, "Please check the input", m.to_owned());
    let a = match form.action.as_str() {
        "status" => DsrAction::Status {
            to: DsrStatus::parse(&form.status).ok_or_else(|| bad("Choose a status."))?,
            reason: blank(&form.reason),
        },
        "verified" => DsrAction::Verified { method: form.method },
        "extend" => DsrAction::Extend { months: form.months.trim().parse().unwrap_or(0), reason: form.reason },
        "assign" => DsrAction::Assign(match blank(&form.user) {
            Some(u) => Some(UserId(Uuid::parse_str(&u).map_err(|_| bad("Choose an operator."))?)),
            None => None,
        }),
        "note" => DsrAction::Note(form.note),
        _ => return Err(bad("Choose what to do.")),
    };
    app.act_on_dsr(&staff.principal, id, a).await?;
    Ok(Redirect::to(&format!("/dsr/{id}")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NewForm {
    kind: String,
    channel: String,
    note: String,
}

async fn create(State(app): State<App>, Id(id): Id<Uuid>, StaffForm { staff, form }: StaffForm<NewForm>) -> PageResult {
    let bad = |m: &str| PageError::new(StatusCode::UNPROCESSABLE_ENTITY, "Please check the input", m.to_owned());
    let n = NewDsr {
        subject: SubjectId(id),
        kind: DsrKind::parse(&form.kind).ok_or_else(|| bad("Choose the kind of request."))?,
        channel: DsrChannel::parse(&form.channel).ok_or_else(|| bad("Choose how it arrived."))?,
        received_at: None,
        note: blank(&form.note),
    };
    let v = app.create_dsr(&staff.principal, n).await?;
    Ok(Redirect::to(&format!("/dsr/{}", v.dsr.id)).into_response())
}
