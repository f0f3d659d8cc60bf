//! Data-subject requests for staff: the queue (by due date, overdue and
//! due-soon highlighted), a request's page with its steps and actions, and
//! registering a request from a contact's page.

use super::form::StaffForm;
use super::session::{layout, Staff};
use super::view::{self, Layout};
use super::{render, Id, PageError, PageResult};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::dsr::{DsrAction, DsrView, NewDsr};
use kith_app::export::ExportFormat;
use kith_app::App;
use kith_domain::dsr::{DsrChannel, DsrKind, DsrStatus};
use kith_domain::{SubjectId, UserId};
use kith_i18n::Tr;
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
    pub kind: String,
    pub status: String,
    pub received: String,
    pub due: String,
    pub due_iso: String,
    /// `overdue`, `soon`, `paused` or empty: how the line is highlighted.
    pub flag: &'static str,
    pub contact: String,
}

/// A request as a line, in English (pages not yet in the reader's language).
pub(crate) fn line(v: &DsrView) -> Line {
    line_in(&Tr::default(), v)
}

/// The name of a kind of request (`dsr-kind-*`).
pub(crate) fn kind_name(tr: &Tr, k: DsrKind) -> String {
    tr.t(&format!("dsr-kind-{}", k.as_str().replace('_', "-")))
}

/// The name of a request's status (`dsr-status-*`).
pub(crate) fn status_name(tr: &Tr, st: DsrStatus) -> String {
    tr.t(&format!("dsr-status-{}", st.as_str().replace('_', "-")))
}

/// A request as a line, in the reader's language.
pub(crate) fn line_in(tr: &Tr, v: &DsrView) -> Line {
    Line {
        id: v.dsr.id.to_string(),
        kind: kind_name(tr, v.dsr.kind),
        status: status_name(tr, v.dsr.status),
        received: tr.date(v.dsr.received_at),
        due: if v.dsr.status.is_final() { "—".into() } else { tr.date(v.due_at) },
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
    let lines = app.dsr_queue(&s.principal, due_soon).await?.iter().map(|v| line_in(&s.tr, v)).collect();
    let overdue_notices =
        app.overdue_processor_notices(&s.principal).await?.into_iter().map(|n| notice_line(&s.tr, n)).collect();
    Ok(render(&Queue { l: layout(&s, "dsr"), lines, due_soon, overdue_notices }))
}

#[derive(Template)]
#[template(path = "dsr.html")]
struct Page {
    l: Layout,
    r: Line,
    channel: String,
    verified: String,
    extension: Option<String>,
    outcome: Option<String>,
    assigned: String,
    steps: Vec<(String, String, String, String)>,
    statuses: Vec<(&'static str, String)>,
    staff: Vec<(String, String)>,
    can_act: bool,
    final_: bool,
    /// What the one-click button does, if this kind has one.
    perform: Option<String>,
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
    pub action: String,
    pub channel: String,
    /// Sent, waiting, or why it failed.
    pub sent: String,
    pub due: String,
    pub acknowledged: String,
    pub overdue: bool,
}

pub(crate) fn notice_line(tr: &Tr, n: kith_app::webhooks::Notice) -> NoticeLine {
    let now = time::OffsetDateTime::now_utc();
    NoticeLine {
        request: n.request_id.map(|r| r.to_string()).unwrap_or_default(),
        overdue: n.overdue(now),
        recipient: if n.recipient.is_empty() { tr.t("dsr-processor-gone") } else { n.recipient },
        action: tr.t(&format!("dsr-processor-action-{}", n.action.as_str().replace('_', "-"))),
        channel: n.channel,
        sent: match (n.sent_at, n.status.as_str()) {
            (Some(t), _) => tr.date_time(t),
            (None, "failed") => tr.t1("dsr-notice-failed", "error", n.last_error.unwrap_or_default()),
            (None, _) => match n.last_error {
                Some(e) => tr.t1("dsr-notice-not-sent-error", "error", e),
                None => tr.t("dsr-notice-not-sent"),
            },
        },
        due: tr.date(n.due_at),
        acknowledged: n.acknowledged_at.map(|t| tr.date_time(t)).unwrap_or_default(),
    }
}

/// A step's action as the reader reads it (the code if it has no message).
fn step_action(tr: &Tr, action: &str) -> String {
    let id = format!("dsr-step-{action}");
    if kith_i18n::has_message(&id) {
        tr.t(&id)
    } else {
        action.to_owned()
    }
}

async fn show(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    let p = &s.principal;
    let (v, steps) = app.get_dsr(p, id).await?;
    let names = super::names::staff(&app, p).await?;
    let who = |u: Option<UserId>| u.and_then(|u| names.get(&u.0).cloned()).unwrap_or_else(|| "—".into());
    let d = &v.dsr;
    let tr = &s.tr;
    let verified = match d.verified.as_str() {
        "verified" => tr.t("dsr-identity-verified"),
        "unverified" => tr.t("dsr-identity-unverified"),
        other => other.to_owned(),
    };
    let page = Page {
        l: layout(&s, "dsr"),
        r: line_in(tr, &v),
        channel: tr.t(&format!("dsr-channel-{}", d.channel.as_str())),
        verified: match &d.verification_method {
            Some(m) => tr.t2("dsr-identity-how", "state", verified, "method", m),
            None => verified,
        },
        extension: d
            .extension_reason
            .as_ref()
            .map(|r| tr.t2("dsr-extension-text", "n", d.extension_months, "reason", r)),
        outcome: d.outcome.clone(),
        assigned: who(d.assigned_to),
        steps: steps
            .into_iter()
            .map(|st| {
                (
                    tr.date_time(st.at),
                    who(st.actor),
                    match st.status {
                        Some(x) => format!("{} → {}", step_action(tr, &st.action), status_name(tr, x)),
                        None => step_action(tr, &st.action),
                    },
                    st.note.unwrap_or_default(),
                )
            })
            .collect(),
        statuses: DsrStatus::ALL
            .iter()
            .filter(|x| **x != DsrStatus::Received)
            .map(|x| (x.as_str(), status_name(tr, *x)))
            .collect(),
        staff: super::names::staff_choices(&names),
        can_act: s.role().can_manage_privacy(),
        final_: d.status.is_final(),
        perform: match d.kind {
            DsrKind::Erasure => Some(tr.t("dsr-perform-erasure")),
            DsrKind::Restriction => Some(tr.t("dsr-perform-restriction")),
            DsrKind::WithdrawConsent => Some(tr.t("dsr-perform-withdraw-consent")),
            _ => None,
        },
        exports: matches!(d.kind, DsrKind::Access | DsrKind::Portability | DsrKind::Information),
        files: if s.role().can_manage_privacy() {
            app.exports_of(p, d.subject)
                .await
                .unwrap_or_default()
                .into_iter()
                .map(|f| (f.id.to_string(), f.kind, f.format.to_uppercase(), tr.date(f.expires_at)))
                .collect()
        } else {
            Vec::new()
        },
        notices: app
            .processor_notices(p, d.id)
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|n| notice_line(tr, n))
            .collect(),
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
    let format = ExportFormat::parse(&form.format).ok_or_else(|| PageError::check("dsr-choose-format"))?;
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
    let bad = PageError::check;
    let a = match form.action.as_str() {
        "status" => DsrAction::Status {
            to: DsrStatus::parse(&form.status).ok_or_else(|| bad("dsr-choose-status"))?,
            reason: blank(&form.reason),
        },
        "verified" => DsrAction::Verified { method: form.method },
        "extend" => DsrAction::Extend { months: form.months.trim().parse().unwrap_or(0), reason: form.reason },
        "assign" => DsrAction::Assign(match blank(&form.user) {
            Some(u) => Some(UserId(Uuid::parse_str(&u).map_err(|_| bad("dsr-choose-operator"))?)),
            None => None,
        }),
        "note" => DsrAction::Note(form.note),
        _ => return Err(bad("dsr-choose-action")),
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
    let bad = PageError::check;
    let n = NewDsr {
        subject: SubjectId(id),
        kind: DsrKind::parse(&form.kind).ok_or_else(|| bad("dsr-choose-kind"))?,
        channel: DsrChannel::parse(&form.channel).ok_or_else(|| bad("dsr-choose-channel"))?,
        received_at: None,
        note: blank(&form.note),
    };
    let v = app.create_dsr(&staff.principal, n).await?;
    Ok(Redirect::to(&format!("/dsr/{}", v.dsr.id)).into_response())
}
