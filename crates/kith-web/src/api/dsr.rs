//! `/dsr`: the register of data-subject requests.

use super::{parse_time, BodyErrors, Errors};
use crate::extract::{Auth, Json, Path, Query};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::dsr::{DsrAction, DsrView, NewDsr};
use kith_app::records::Step;
use kith_app::App;
use kith_domain::dsr::{DsrChannel, DsrKind, DsrStatus};
use kith_domain::{FieldError, SubjectId, UserId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct DsrOut {
    pub id: Uuid,
    pub contact_id: Uuid,
    /// access, portability, rectification, erasure, restriction, objection, withdraw_consent, information or automated_decision_review.
    pub kind: String,
    /// portal, email, phone, letter or staff.
    pub channel: String,
    #[serde(with = "time::serde::rfc3339")]
    pub received_at: time::OffsetDateTime,
    /// received, verifying, in_progress, waiting_on_subject, completed, rejected or withdrawn.
    pub status: String,
    /// unverified or verified.
    pub verified: String,
    pub verification_method: Option<String>,
    /// One month from receipt, plus any extension, plus the time the clock was paused.
    #[serde(with = "time::serde::rfc3339")]
    pub due_at: time::OffsetDateTime,
    pub paused: bool,
    pub overdue: bool,
    pub due_within_7_days: bool,
    pub extension_months: u8,
    pub extension_reason: Option<String>,
    pub assigned_to: Option<Uuid>,
    pub outcome: Option<String>,
}

fn out(v: DsrView) -> DsrOut {
    let d = v.dsr;
    DsrOut {
        id: d.id,
        contact_id: d.subject.0,
        kind: d.kind.as_str().into(),
        channel: d.channel.as_str().into(),
        received_at: d.received_at,
        status: d.status.as_str().into(),
        verified: d.verified,
        verification_method: d.verification_method,
        due_at: v.due_at,
        paused: v.paused,
        overdue: v.overdue,
        due_within_7_days: v.due_within_7_days,
        extension_months: d.extension_months,
        extension_reason: d.extension_reason,
        assigned_to: d.assigned_to.map(|u| u.0),
        outcome: d.outcome,
    }
}

#[derive(Serialize, ToSchema)]
pub struct StepOut {
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
    pub actor_user_id: Option<Uuid>,
    pub action: String,
    pub status: Option<String>,
    /// Null when there was none or the person was erased.
    pub note: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct DsrDetail {
    #[serde(flatten)]
    pub request: DsrOut,
    pub steps: Vec<StepOut>,
}

fn steps_out(s: Vec<Step>) -> Vec<StepOut> {
    s.into_iter()
        .map(|s| StepOut {
            at: s.at,
            actor_user_id: s.actor.map(|u| u.0),
            action: s.action,
            status: s.status.map(|x| x.as_str().into()),
            note: s.note,
        })
        .collect()
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct QueueParams {
    /// Only overdue requests and those due within 7 days.
    pub due_soon: Option<bool>,
    /// Only this person's requests (any status).
    pub contact_id: Option<Uuid>,
}

/// Open requests by due date (admin, dpo), or one person's requests.
#[utoipa::path(get, path = "/dsr", tag = "rights", params(QueueParams), responses((status = 200, body = Vec<DsrOut>), Errors))]
async fn list(
    State(app): State<App>,
    Auth(p): Auth,
    Query(q): Query<QueueParams>,
) -> Result<Json<Vec<DsrOut>>, ApiError> {
    let v = match q.contact_id {
        Some(c) => app.dsrs_of(&p, SubjectId(c)).await?,
        None => app.dsr_queue(&p, q.due_soon.unwrap_or(false)).await?,
    };
    Ok(Json(v.into_iter().map(out).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DsrIn {
    pub contact_id: Uuid,
    pub kind: String,
    pub channel: String,
    /// RFC 3339; defaults to now.
    pub received_at: Option<String>,
    pub note: Option<String>,
}

fn word<T>(field: &str, v: &str, parse: fn(&str) -> Option<T>, all: &[&str]) -> Result<T, ApiError> {
    parse(v)
        .ok_or_else(|| ApiError::invalid(vec![FieldError::new(field, format!("must be one of {}", all.join(", ")))]))
}

/// Register a request.
#[utoipa::path(post, path = "/dsr", tag = "rights", request_body = DsrIn, responses((status = 201, body = DsrOut), Errors, BodyErrors))]
async fn create(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<DsrIn>,
) -> Result<(StatusCode, Json<DsrOut>), ApiError> {
    let kinds: Vec<&str> = DsrKind::ALL.iter().map(|k| k.as_str()).collect();
    let channels: Vec<&str> = DsrChannel::ALL.iter().map(|k| k.as_str()).collect();
    let n = NewDsr {
        subject: SubjectId(b.contact_id),
        kind: word("kind", &b.kind, DsrKind::parse, &kinds)?,
        channel: word("channel", &b.channel, DsrChannel::parse, &channels)?,
        received_at: parse_time("received_at", b.received_at.as_deref())?.map(kith_app::records::from_ms),
        note: b.note,
    };
    Ok((StatusCode::CREATED, Json(out(app.create_dsr(&p, n).await?))))
}

/// One request with its steps.
#[utoipa::path(get, path = "/dsr/{id}", tag = "rights", params(("id" = Uuid, Path)), responses((status = 200, body = DsrDetail), Errors))]
async fn get(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<DsrDetail>, ApiError> {
    let (v, steps) = app.get_dsr(&p, id).await?;
    Ok(Json(DsrDetail { request: out(v), steps: steps_out(steps) }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionIn {
    /// status, verified, extend, assign or note.
    pub action: String,
    /// For `status`: the new status.
    pub status: Option<String>,
    /// Reason of a rejection, what was done on completion, why an extension.
    pub reason: Option<String>,
    /// For `verified`: how the identity was checked.
    pub method: Option<String>,
    /// For `extend`: 1 or 2.
    pub months: Option<u8>,
    /// For `assign`: the operator (null to unassign).
    pub user_id: Option<Uuid>,
    /// For `note`.
    pub note: Option<String>,
}

/// Act on a request (admin, dpo): change status, record verification, extend once, assign, add a note.
#[utoipa::path(post, path = "/dsr/{id}/actions", tag = "rights", params(("id" = Uuid, Path)), request_body = ActionIn, responses((status = 200, body = DsrOut), Errors, BodyErrors))]
async fn act(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<ActionIn>,
) -> Result<Json<DsrOut>, ApiError> {
    let missing = |f: &str| ApiError::invalid(vec![FieldError::new(f, "is required for this action")]);
    let a = match b.action.as_str() {
        "status" => {
            let statuses: Vec<&str> = DsrStatus::ALL.iter().map(|k| k.as_str()).collect();
            let to =
                word("status", b.status.as_deref().ok_or_else(|| missing("status"))?, DsrStatus::parse, &statuses)?;
            DsrAction::Status { to, reason: b.reason }
        }
        "verified" => DsrAction::Verified { method: b.method.ok_or_else(|| missing("method"))? },
        "extend" => DsrAction::Extend {
            months: b.months.ok_or_else(|| missing("months"))?,
            reason: b.reason.ok_or_else(|| missing("reason"))?,
        },
        "assign" => DsrAction::Assign(b.user_id.map(UserId)),
        "note" => DsrAction::Note(b.note.ok_or_else(|| missing("note"))?),
        _ => {
            return Err(ApiError::invalid(vec![FieldError::new(
                "action",
                "must be status, verified, extend, assign or note",
            )]))
        }
    };
    Ok(Json(out(app.act_on_dsr(&p, id, a).await?)))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `access` (Art. 15, everything incl. the Art. 15 information and who accessed the data) or `portability` (Art. 20).
    pub kind: Option<String>,
}

/// Everything Kith holds about the person, as JSON of the published shape `kith-access-export/1` (admin, dpo; audited).
#[utoipa::path(get, path = "/contacts/{id}/export", tag = "rights", params(("id" = Uuid, Path), ExportParams), responses((status = 200, body = Object, description = "The export document"), Errors))]
async fn export(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Query(q): Query<ExportParams>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let portability = portability(q.kind.as_deref()).map_err(|e| ApiError::invalid(vec![e]))?;
    Ok(Json(app.access_export(&p, SubjectId(id), portability).await?))
}

/// An export's `kind`: `access` (the default) or `portability`; true for portability.
pub(crate) fn portability(kind: Option<&str>) -> Result<bool, FieldError> {
    match kind {
        None | Some("access") => Ok(false),
        Some("portability") => Ok(true),
        Some(_) => Err(FieldError::new("kind", "must be access or portability")),
    }
}

/// The contact details as vCard 4.0 (admin, dpo; audited).
#[utoipa::path(get, path = "/contacts/{id}/vcard", tag = "rights", params(("id" = Uuid, Path)), responses((status = 200, content_type = "text/vcard", body = String, description = "A vCard 4.0"), Errors))]
async fn vcard(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let v = app.vcard(&p, SubjectId(id)).await?;
    Ok(([(axum::http::header::CONTENT_TYPE, "text/vcard; charset=utf-8")], v).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct PerformedOut {
    /// erased, restricted or withdrawn.
    pub performed: String,
    /// For withdrawn: how many consents.
    pub count: Option<usize>,
}

/// Do what an erasure, restriction or withdraw-consent request asks, and complete it (admin, dpo; identity verified first).
#[utoipa::path(post, path = "/dsr/{id}/perform", tag = "rights", params(("id" = Uuid, Path)), responses((status = 200, body = PerformedOut), Errors))]
async fn perform(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<PerformedOut>, ApiError> {
    use kith_app::dsr::Performed;
    Ok(Json(match app.perform_dsr(&p, id).await? {
        Performed::Erased => PerformedOut { performed: "erased".into(), count: None },
        Performed::Restricted => PerformedOut { performed: "restricted".into(), count: None },
        Performed::Withdrawn(n) => PerformedOut { performed: "withdrawn".into(), count: Some(n) },
    }))
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(perform))
        .routes(routes!(list, create))
        .routes(routes!(get))
        .routes(routes!(act))
        .routes(routes!(export))
        .routes(routes!(vcard))
}
