//! `/contacts/{id}/restriction` and `/contacts/{id}/objections`: the
//! rights to restriction (Art. 18) and to object (Art. 21).

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::App;
use kith_domain::{FieldError, ObjectionDecision, PurposeId, SubjectId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct RestrictionOut {
    pub restricted: bool,
    #[serde(with = "time::serde::rfc3339::option")]
    pub since: Option<time::OffsetDateTime>,
}

async fn restriction_out(app: &App, id: Uuid) -> Result<Json<RestrictionOut>, ApiError> {
    let since = app.restricted_since(SubjectId(id)).await?;
    Ok(Json(RestrictionOut { restricted: since.is_some(), since }))
}

/// Whether processing of the contact is restricted.
#[utoipa::path(get, path = "/contacts/{id}/restriction", tag = "rights", params(("id" = Uuid, Path)), responses((status = 200, body = RestrictionOut), Errors))]
async fn get_restriction(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<RestrictionOut>, ApiError> {
    app.permissions(&p, SubjectId(id), time::OffsetDateTime::now_utc()).await?;
    restriction_out(&app, id).await
}

/// Restrict processing (admin, dpo): from now on the contact is stored and nothing else — edits, interactions, bases, consent given, bulk actions and mail are refused with 409 `restricted`.
#[utoipa::path(put, path = "/contacts/{id}/restriction", tag = "rights", params(("id" = Uuid, Path)), responses((status = 200, body = RestrictionOut), Errors))]
async fn restrict(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<RestrictionOut>, ApiError> {
    app.restrict(&p, SubjectId(id)).await?;
    restriction_out(&app, id).await
}

/// Lift the restriction (admin, dpo); recorded in the audit trail. An action rather than a DELETE: the contact's restriction state remains readable (`restricted: false`).
#[utoipa::path(post, path = "/contacts/{id}/restriction/lift", tag = "rights", params(("id" = Uuid, Path)), responses((status = 200, body = RestrictionOut), Errors))]
async fn lift(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<RestrictionOut>, ApiError> {
    app.lift_restriction(&p, SubjectId(id)).await?;
    restriction_out(&app, id).await
}

#[derive(Serialize, ToSchema)]
pub struct ObjectionOut {
    pub purpose_id: Uuid,
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
    /// pending, upheld or overridden.
    pub decision: String,
    #[serde(with = "time::serde::rfc3339::option")]
    pub decided_at: Option<time::OffsetDateTime>,
    pub decided_by: Option<Uuid>,
}

async fn objections_out(app: &App, p: &kith_app::Principal, id: Uuid) -> Result<Json<Vec<ObjectionOut>>, ApiError> {
    let list = app.objections(p, SubjectId(id)).await?;
    Ok(Json(
        list.into_iter()
            .map(|o| ObjectionOut {
                purpose_id: o.purpose.0,
                at: o.at,
                decision: o.decision.as_str().into(),
                decided_at: o.decided_at,
                decided_by: o.decided_by.map(|u| u.0),
            })
            .collect(),
    ))
}

/// The contact's objections and their decisions.
#[utoipa::path(get, path = "/contacts/{id}/objections", tag = "rights", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<ObjectionOut>), Errors))]
async fn list_objections(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<ObjectionOut>>, ApiError> {
    app.permissions(&p, SubjectId(id), time::OffsetDateTime::now_utc()).await?;
    objections_out(&app, &p, id).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectionIn {
    pub purpose_id: Uuid,
}

/// Record that the person objects to a purpose: direct marketing stops at once; other processing waits for the operator's decision.
#[utoipa::path(post, path = "/contacts/{id}/objections", tag = "rights", params(("id" = Uuid, Path)), request_body = ObjectionIn, responses((status = 201, body = Vec<ObjectionOut>), Errors, BodyErrors))]
async fn object(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<ObjectionIn>,
) -> Result<(StatusCode, Json<Vec<ObjectionOut>>), ApiError> {
    app.record_objection(&p, SubjectId(id), PurposeId(b.purpose_id)).await?;
    Ok((StatusCode::CREATED, objections_out(&app, &p, id).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionIn {
    /// upheld (processing stops) or overridden (compelling legitimate grounds; processing resumes).
    pub decision: String,
}

/// The operator's decision on an objection (admin, dpo).
#[utoipa::path(put, path = "/contacts/{id}/objections/{purpose_id}", tag = "rights", params(("id" = Uuid, Path), ("purpose_id" = Uuid, Path)), request_body = DecisionIn, responses((status = 200, body = Vec<ObjectionOut>), Errors, BodyErrors))]
async fn decide(
    State(app): State<App>,
    Auth(p): Auth,
    Path((id, purpose)): Path<(Uuid, Uuid)>,
    Json(b): Json<DecisionIn>,
) -> Result<Json<Vec<ObjectionOut>>, ApiError> {
    let decision = match ObjectionDecision::parse(&b.decision) {
        Some(d @ (ObjectionDecision::Upheld | ObjectionDecision::Overridden)) => d,
        _ => return Err(ApiError::invalid(vec![FieldError::new("decision", "must be upheld or overridden")])),
    };
    app.decide_objection(&p, SubjectId(id), PurposeId(purpose), decision).await?;
    objections_out(&app, &p, id).await
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(get_restriction, restrict))
        .routes(routes!(lift))
        .routes(routes!(list_objections, object))
        .routes(routes!(decide))
}
