//! `/audit`: the trail, for `dpo` and `admin`.

use super::Errors;
use crate::extract::{Auth, Json, Query};
use crate::problem::ApiError;
use axum::extract::State;
use kith_app::records::Verdict;
use kith_app::App;
use kith_domain::SubjectId;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct AuditEntryOut {
    pub seq: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
    /// `user:<id>`, `cli` or `system`.
    pub actor: String,
    pub action: String,
    pub subject_id: Option<Uuid>,
    pub object_type: String,
    pub object_id: Option<String>,
    pub request_id: String,
    /// The API token the request came with (id and name), if any.
    pub token_id: Option<Uuid>,
    pub token_name: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditList {
    pub items: Vec<AuditEntryOut>,
    pub next_cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct VerifyOut {
    pub intact: bool,
    pub entries_checked: Option<i64>,
    /// The first entry that fails, if any.
    pub broken_at: Option<i64>,
    pub reason: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditParams {
    /// Entries about this contact.
    pub subject: Option<Uuid>,
    /// Entries by this user.
    pub user: Option<Uuid>,
    pub cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new().routes(routes!(list_audit)).routes(routes!(verify_audit)).routes(routes!(audit_changes))
}

/// The personal values an entry changed, before and after, opened from their sealed record: `{"field": {"before": …, "after": …}}`. Not found once the person is erased. Opening them is audited (dpo, admin).
#[utoipa::path(get, path = "/audit/{seq}/changes", tag = "audit", params(("seq" = i64, Path)), responses((status = 200, body = Object), Errors))]
async fn audit_changes(
    State(app): State<App>,
    Auth(p): Auth,
    crate::extract::Path(seq): crate::extract::Path<i64>,
) -> Result<Json<serde_json::Value>, ApiError> {
    Ok(Json(app.audit_detail(&p, seq).await?))
}

/// Audit entries, oldest first, about a subject or by a user.
#[utoipa::path(get, path = "/audit", tag = "audit", params(AuditParams), responses((status = 200, body = AuditList), Errors))]
async fn list_audit(
    State(app): State<App>,
    Auth(p): Auth,
    Query(q): Query<AuditParams>,
) -> Result<Json<AuditList>, ApiError> {
    let page = app
        .audit_entries(&p, q.subject.map(SubjectId), q.user.map(|u| format!("user:{u}")), q.cursor.as_deref(), q.limit)
        .await?;
    Ok(Json(AuditList {
        items: page
            .items
            .into_iter()
            .map(|e| AuditEntryOut {
                seq: e.seq,
                at: e.at,
                actor: e.actor,
                action: e.action,
                subject_id: e.subject_id.map(|s| s.0),
                object_type: e.object_type,
                object_id: e.object_id,
                request_id: e.request_id,
                token_id: e.token.as_ref().map(|t| t.id),
                token_name: e.token.map(|t| t.name),
            })
            .collect(),
        next_cursor: page.next_cursor,
    }))
}

/// Walk the whole chain and report the first entry that was edited, removed or reordered.
#[utoipa::path(get, path = "/audit/verify", tag = "audit", responses((status = 200, body = VerifyOut), Errors))]
async fn verify_audit(State(app): State<App>, Auth(p): Auth) -> Result<Json<VerifyOut>, ApiError> {
    Ok(Json(match app.audit_verify(&p).await? {
        Verdict::Intact { entries } => {
            VerifyOut { intact: true, entries_checked: Some(entries), broken_at: None, reason: None }
        }
        Verdict::Broken { seq, reason } => {
            VerifyOut { intact: false, entries_checked: None, broken_at: Some(seq), reason: Some(reason.into()) }
        }
    }))
}
