//! `/companies`: organisations (not personal data).

use super::{double_option, BodyErrors, Errors};
use crate::extract::{Auth, IdemHeader, Json, Path, Query};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::companies::{CompanyFields, CompanyPatch};
use kith_app::records::Company;
use kith_app::App;
use kith_domain::CompanyId;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct CompanyOut {
    pub id: Uuid,
    pub name: String,
    pub domain: Option<String>,
    pub address: Option<String>,
    pub industry: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: time::OffsetDateTime,
}

fn out(c: Company) -> CompanyOut {
    CompanyOut {
        id: c.id.0,
        name: c.name,
        domain: c.domain,
        address: c.address,
        industry: c.industry,
        created_at: c.created_at,
        updated_at: c.updated_at,
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyIn {
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// A domain name such as example.com.
    pub domain: Option<String>,
    #[schema(max_length = 500)]
    pub address: Option<String>,
    #[schema(max_length = 100)]
    pub industry: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyPatchIn {
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub domain: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable, max_length = 500)]
    pub address: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable, max_length = 100)]
    pub industry: Option<Option<String>>,
}

#[derive(Serialize, ToSchema)]
pub struct CompanyList {
    pub items: Vec<CompanyOut>,
    pub next_cursor: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CompanyParams {
    /// Name prefix (case- and accent-insensitive).
    #[param(max_length = 200)]
    pub q: Option<String>,
    pub cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new().routes(routes!(list_companies, create_company)).routes(routes!(
        get_company,
        update_company,
        delete_company
    ))
}

/// Companies in name order.
#[utoipa::path(get, path = "/companies", tag = "companies", params(CompanyParams), responses((status = 200, body = CompanyList), Errors))]
async fn list_companies(
    State(app): State<App>,
    Auth(p): Auth,
    Query(q): Query<CompanyParams>,
) -> Result<Json<CompanyList>, ApiError> {
    let page = app.list_companies(&p, q.q.as_deref(), q.cursor.as_deref(), q.limit).await?;
    Ok(Json(CompanyList { items: page.items.into_iter().map(out).collect(), next_cursor: page.next_cursor }))
}

#[utoipa::path(post, path = "/companies", tag = "companies", request_body = CompanyIn,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retried create return the first result")),
    responses((status = 201, body = CompanyOut), Errors, BodyErrors))]
async fn create_company(
    State(app): State<App>,
    Auth(p): Auth,
    idem: IdemHeader,
    Json(b): Json<CompanyIn>,
) -> Result<(StatusCode, Json<CompanyOut>), ApiError> {
    let key = idem.key("/companies", &b)?;
    let f = CompanyFields { name: b.name, domain: b.domain, address: b.address, industry: b.industry };
    Ok((StatusCode::CREATED, Json(out(app.create_company(&p, f, key.as_ref()).await?))))
}

#[utoipa::path(get, path = "/companies/{id}", tag = "companies", params(("id" = Uuid, Path)), responses((status = 200, body = CompanyOut), Errors))]
async fn get_company(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<CompanyOut>, ApiError> {
    Ok(Json(out(app.get_company(&p, CompanyId(id)).await?)))
}

#[utoipa::path(patch, path = "/companies/{id}", tag = "companies", params(("id" = Uuid, Path)), request_body = CompanyPatchIn,
    responses((status = 200, body = CompanyOut), Errors, BodyErrors))]
async fn update_company(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<CompanyPatchIn>,
) -> Result<Json<CompanyOut>, ApiError> {
    let patch = CompanyPatch { name: b.name, domain: b.domain, address: b.address, industry: b.industry };
    Ok(Json(out(app.update_company(&p, CompanyId(id), patch).await?)))
}

/// Delete a company; its contacts and deals stay, without a company.
#[utoipa::path(delete, path = "/companies/{id}", tag = "companies", params(("id" = Uuid, Path)), responses((status = 204, description = "Deleted"), Errors))]
async fn delete_company(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<StatusCode, ApiError> {
    app.delete_company(&p, CompanyId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}
