//! `/settings/direct-deletion`: which roles delete contacts directly.

use super::admin::RoleDto;
use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json};
use crate::problem::ApiError;
use axum::extract::State;
use kith_app::App;
use kith_domain::Role;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Roles besides admin and dpo whose deletions erase at once. Other roles
/// allowed to delete (sales, support) file an erasure request instead.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DirectDeletion {
    /// Only `sales` and `support` may be listed.
    pub roles: Vec<RoleDto>,
}

fn out(roles: Vec<Role>) -> DirectDeletion {
    DirectDeletion { roles: roles.into_iter().filter_map(RoleDto::from_role).collect() }
}

#[utoipa::path(get, path = "/settings/direct-deletion", tag = "admin", responses((status = 200, body = DirectDeletion), Errors))]
async fn get_direct_deletion(State(app): State<App>, Auth(p): Auth) -> Result<Json<DirectDeletion>, ApiError> {
    Ok(Json(out(app.direct_deletion_roles(&p).await?)))
}

#[utoipa::path(put, path = "/settings/direct-deletion", tag = "admin", request_body = DirectDeletion,
    responses((status = 200, body = DirectDeletion), Errors, BodyErrors))]
async fn set_direct_deletion(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<DirectDeletion>,
) -> Result<Json<DirectDeletion>, ApiError> {
    let roles: Vec<Role> = b.roles.into_iter().map(Into::into).collect();
    app.set_direct_deletion_roles(&p, &roles).await?;
    Ok(Json(out(app.direct_deletion_roles(&p).await?)))
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new().routes(routes!(get_direct_deletion, set_direct_deletion))
}
