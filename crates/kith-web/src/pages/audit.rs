//! The audit trail for `dpo` and `admin`: entries about a person or by a
//! user, and verification of the hash chain on request.

use super::form::{enc, non_blank, Errors, QueryForm, StaffForm};
use super::session::{layout, Staff};
use super::view::Layout;
use super::{render_status, PageResult};
use askama::Template;
use axum::extract::State;
use axum::routing::{get, post};
use axum::Router;
use kith_app::records::Verdict;
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::{Invalid, SubjectId};
use kith_i18n::Tr;
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/audit", get(entries))
        .route("/audit/verify", post(verify))
        .route("/audit/{seq}/changes", get(changes))
}

#[derive(Template)]
#[template(path = "audit_changes.html")]
struct ChangesPage {
    l: Layout,
    seq: i64,
    /// (field, before, after)
    rows: Vec<(String, String, String)>,
}

/// What one change did to the person's values, opened from its sealed
/// record (rectification, Art. 16); the opening is audited.
async fn changes(State(app): State<App>, Staff(s): Staff, super::Id(seq): super::Id<i64>) -> PageResult {
    let detail = app.audit_detail(&s.principal, seq).await?;
    let show = |v: &serde_json::Value| match v {
        serde_json::Value::Null => "—".to_owned(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let rows = detail
        .as_object()
        .map(|m| m.iter().map(|(k, v)| (changed_field(&s.tr, k), show(&v["before"]), show(&v["after"]))).collect())
        .unwrap_or_default();
    Ok(super::render(&ChangesPage { l: layout(&s, "audit"), seq, rows }))
}

/// A changed field's name in the table of changes (`audit-changed-*`).
fn changed_field(tr: &Tr, field: &str) -> String {
    let id = format!("audit-changed-{}", field.replace('_', "-"));
    if kith_i18n::has_message(&id) {
        tr.t(&id)
    } else {
        field.replace('_', " ")
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct Params {
    subject: String,
    user: String,
    cursor: String,
}

struct Row {
    seq: i64,
    at: String,
    actor: String,
    action: String,
    subject: String,
    object: String,
    request: String,
    /// "token name (id)" when the request came with an API token.
    token: String,
    /// The entry changed personal values, kept sealed.
    changed: bool,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    l: Layout,
    p: Params,
    users: Vec<(String, String)>,
    rows: Vec<Row>,
    next: Option<String>,
    errors: Errors,
    verdict: Option<(bool, String)>,
}

fn verdict_text(tr: &Tr, v: &Verdict) -> (bool, String) {
    match v {
        Verdict::Intact { entries } => (true, tr.t1("audit-chain-intact", "n", *entries)),
        // The reason is the store's own words (English).
        Verdict::Broken { seq, reason } => (false, tr.t2("audit-chain-broken", "seq", *seq, "reason", reason)),
    }
}

async fn page(app: &App, s: Session, p: Params, verdict: Option<(bool, String)>) -> PageResult {
    let principal = &s.principal;
    let users = super::names::staff(app, principal).await?;
    let mut inv = Invalid::default();
    let subject = non_blank(&p.subject).and_then(|v| match Uuid::parse_str(&v) {
        Ok(u) => Some(SubjectId(u)),
        Err(_) => {
            inv.push("subject", s.tr.t("audit-subject-invalid"));
            None
        }
    });
    let actor = super::form::parse_uuid(&mut inv, "user", &p.user).map(|u| format!("user:{u}"));
    for f in inv.0.iter_mut().filter(|f| f.field == "user") {
        f.message = s.tr.t("audit-user-invalid");
    }
    let mut errors = Errors::from_invalid(&inv);
    let mut rows = Vec::new();
    let mut next = None;
    if errors.is_empty() {
        match app.audit_entries(principal, subject, actor, non_blank(&p.cursor).as_deref(), Some(100)).await {
            Ok(pg) => {
                let email = |actor: &str| {
                    actor
                        .strip_prefix("user:")
                        .and_then(|id| Uuid::parse_str(id).ok())
                        .and_then(|u| users.get(&u).cloned())
                        .unwrap_or_else(|| actor.to_owned())
                };
                rows = pg
                    .items
                    .into_iter()
                    .map(|e| Row {
                        seq: e.seq,
                        at: s.tr.date_time(e.at),
                        actor: email(&e.actor),
                        changed: e.action == "contact.update",
                        action: e.action,
                        subject: e.subject_id.map(|s| s.to_string()).unwrap_or_default(),
                        object: format!("{} {}", e.object_type, e.object_id.unwrap_or_default()),
                        request: e.request_id,
                        token: e.token.map(|t| format!("{} ({})", t.name, t.id)).unwrap_or_default(),
                    })
                    .collect();
                next = pg
                    .next_cursor
                    .map(|c| format!("/audit?subject={}&user={}&cursor={}", enc(&p.subject), enc(&p.user), enc(&c)));
            }
            Err(AppError::Invalid(inv)) => errors = Errors::from_invalid(&inv),
            Err(e) => return Err(e.into()),
        }
    }
    let status = errors.status();
    let users = super::names::staff_choices(&users);
    Ok(render_status(status, &AuditPage { l: layout(&s, "audit"), p, users, rows, next, errors, verdict }))
}

async fn entries(State(app): State<App>, Staff(s): Staff, QueryForm(p): QueryForm<Params>) -> PageResult {
    if !s.role().can_read_audit() {
        return Err(AppError::Forbidden("read the audit trail").into());
    }
    page(&app, s, p, None).await
}

async fn verify(State(app): State<App>, StaffForm { staff, form }: StaffForm<Params>) -> PageResult {
    let v = app.audit_verify(&staff.principal).await?;
    let verdict = Some(verdict_text(&staff.tr, &v));
    page(&app, staff, form, verdict).await
}
