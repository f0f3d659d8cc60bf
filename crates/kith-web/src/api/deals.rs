//! `/deals` and `/pipeline/stages`.

use super::{double_option, parse_time, BodyErrors, Errors};
use crate::extract::{Auth, IdemHeader, Json, Path, Query};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::deals::{DealFields, DealPatch};
use kith_app::records::{Deal, DealFilter};
use kith_app::App;
use kith_domain::{CompanyId, DealId, SubjectId, UserId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct DealOut {
    pub id: Uuid,
    pub title: String,
    pub stage: String,
    /// Amount in the currency's minor unit (cents).
    pub amount_minor: Option<i64>,
    pub currency: Option<String>,
    pub owner_id: Option<Uuid>,
    pub company_id: Option<Uuid>,
    pub contact_ids: Vec<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: time::OffsetDateTime,
}

fn out(d: Deal) -> DealOut {
    DealOut {
        id: d.id.0,
        title: d.title,
        stage: d.stage,
        amount_minor: d.amount_minor,
        currency: d.currency,
        owner_id: d.owner.map(|u| u.0),
        company_id: d.company.map(|c| c.0),
        contact_ids: d.contacts.into_iter().map(|c| c.0).collect(),
        created_at: d.created_at,
        updated_at: d.updated_at,
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DealIn {
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    /// A stage key from `/pipeline/stages`; `lead` if absent.
    pub stage: Option<String>,
    /// In minor units (cents), at most 10^15.
    #[schema(minimum = 0, maximum = 1_000_000_000_000_000_i64)]
    pub amount_minor: Option<i64>,
    /// ISO 4217 code, required with an amount.
    pub currency: Option<String>,
    pub owner_id: Option<Uuid>,
    pub company_id: Option<Uuid>,
    #[serde(default)]
    #[schema(max_items = 100)]
    pub contact_ids: Vec<Uuid>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DealPatchIn {
    #[schema(min_length = 1, max_length = 200)]
    pub title: Option<String>,
    pub stage: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i64>, nullable, minimum = 0, maximum = 1_000_000_000_000_000_i64)]
    pub amount_minor: Option<Option<i64>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub currency: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>, nullable)]
    pub owner_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>, nullable)]
    pub company_id: Option<Option<Uuid>>,
    #[schema(max_items = 100)]
    pub contact_ids: Option<Vec<Uuid>>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveIn {
    pub stage: String,
}

#[derive(Serialize, ToSchema)]
pub struct DealList {
    pub items: Vec<DealOut>,
    pub next_cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct StageOut {
    pub key: String,
    pub name: String,
    pub position: i64,
    /// Won or lost: the deal is over.
    pub closed: bool,
}

#[derive(Serialize, ToSchema)]
pub struct StageChangeOut {
    pub from: Option<String>,
    pub to: String,
    pub changed_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub changed_at: time::OffsetDateTime,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DealParams {
    pub stage: Option<String>,
    pub owner: Option<Uuid>,
    pub company: Option<Uuid>,
    pub contact: Option<Uuid>,
    pub created_from: Option<String>,
    pub created_to: Option<String>,
    pub updated_from: Option<String>,
    pub updated_to: Option<String>,
    pub cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(list_stages))
        .routes(routes!(list_deals, create_deal))
        .routes(routes!(get_deal, update_deal, delete_deal))
        .routes(routes!(move_deal))
        .routes(routes!(deal_history))
}

/// The pipeline's stages in order.
#[utoipa::path(get, path = "/pipeline/stages", tag = "deals", responses((status = 200, body = Vec<StageOut>), Errors))]
async fn list_stages(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<StageOut>>, ApiError> {
    let stages = app.stages(&p).await?;
    Ok(Json(
        stages
            .into_iter()
            .map(|s| StageOut { key: s.key, name: s.name, position: s.position, closed: s.closed })
            .collect(),
    ))
}

/// Deals in creation order, filtered.
#[utoipa::path(get, path = "/deals", tag = "deals", params(DealParams), responses((status = 200, body = DealList), Errors))]
async fn list_deals(
    State(app): State<App>,
    Auth(p): Auth,
    Query(q): Query<DealParams>,
) -> Result<Json<DealList>, ApiError> {
    let f = DealFilter {
        stage: q.stage,
        owner: q.owner.map(UserId),
        company: q.company.map(CompanyId),
        contact: q.contact.map(SubjectId),
        created_from: parse_time("created_from", q.created_from.as_deref())?,
        created_to: parse_time("created_to", q.created_to.as_deref())?,
        updated_from: parse_time("updated_from", q.updated_from.as_deref())?,
        updated_to: parse_time("updated_to", q.updated_to.as_deref())?,
    };
    let page = app.list_deals(&p, f, q.cursor.as_deref(), q.limit).await?;
    Ok(Json(DealList { items: page.items.into_iter().map(out).collect(), next_cursor: page.next_cursor }))
}

#[utoipa::path(post, path = "/deals", tag = "deals", request_body = DealIn,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retried create return the first result")),
    responses((status = 201, body = DealOut), Errors, BodyErrors))]
async fn create_deal(
    State(app): State<App>,
    Auth(p): Auth,
    idem: IdemHeader,
    Json(b): Json<DealIn>,
) -> Result<(StatusCode, Json<DealOut>), ApiError> {
    let key = idem.key("/deals", &b)?;
    let f = DealFields {
        title: b.title,
        stage: b.stage,
        amount_minor: b.amount_minor,
        currency: b.currency,
        owner: b.owner_id.map(UserId),
        company: b.company_id.map(CompanyId),
        contacts: b.contact_ids.into_iter().map(SubjectId).collect(),
    };
    Ok((StatusCode::CREATED, Json(out(app.create_deal(&p, f, key.as_ref()).await?))))
}

#[utoipa::path(get, path = "/deals/{id}", tag = "deals", params(("id" = Uuid, Path)), responses((status = 200, body = DealOut), Errors))]
async fn get_deal(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<DealOut>, ApiError> {
    Ok(Json(out(app.get_deal(&p, DealId(id)).await?)))
}

#[utoipa::path(patch, path = "/deals/{id}", tag = "deals", params(("id" = Uuid, Path)), request_body = DealPatchIn,
    responses((status = 200, body = DealOut), Errors, BodyErrors))]
async fn update_deal(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<DealPatchIn>,
) -> Result<Json<DealOut>, ApiError> {
    let patch = DealPatch {
        title: b.title,
        stage: b.stage,
        amount_minor: b.amount_minor,
        currency: b.currency,
        owner: b.owner_id.map(|o| o.map(UserId)),
        company: b.company_id.map(|c| c.map(CompanyId)),
        contacts: b.contact_ids.map(|v| v.into_iter().map(SubjectId).collect()),
    };
    Ok(Json(out(app.update_deal(&p, DealId(id), patch).await?)))
}

/// Move a deal to another stage; the change is recorded in its history.
#[utoipa::path(post, path = "/deals/{id}/move", tag = "deals", params(("id" = Uuid, Path)), request_body = MoveIn,
    responses((status = 200, body = DealOut), Errors, BodyErrors))]
async fn move_deal(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<MoveIn>,
) -> Result<Json<DealOut>, ApiError> {
    Ok(Json(out(app.move_deal(&p, DealId(id), b.stage).await?)))
}

/// The deal's stage changes, oldest first.
#[utoipa::path(get, path = "/deals/{id}/history", tag = "deals", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<StageChangeOut>), Errors))]
async fn deal_history(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<StageChangeOut>>, ApiError> {
    let h = app.deal_history(&p, DealId(id)).await?;
    Ok(Json(
        h.into_iter()
            .map(|c| StageChangeOut { from: c.from, to: c.to, changed_by: c.changed_by, changed_at: c.changed_at })
            .collect(),
    ))
}

#[utoipa::path(delete, path = "/deals/{id}", tag = "deals", params(("id" = Uuid, Path)), responses((status = 204, description = "Deleted"), Errors))]
async fn delete_deal(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<StatusCode, ApiError> {
    app.delete_deal(&p, DealId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}
