//! `/notices`: privacy notice versions, published once and never edited.

use crate::api::{BodyErrors, Errors};
use crate::extract::{Auth, Json};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::purposes::NoticeFields;
use kith_app::records::Notice;
use kith_app::App;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct NoticeOut {
    pub id: Uuid,
    pub name: String,
    pub version: i64,
    pub language: String,
    pub url: Option<String>,
    pub body: String,
    /// SHA-256 of the exact body, hex.
    pub sha256: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn notice_out(n: Notice) -> NoticeOut {
    NoticeOut {
        id: n.id,
        name: n.name,
        version: n.version,
        language: n.language,
        url: n.url,
        body: n.body,
        sha256: hex(&n.sha256),
        created_at: n.created_at,
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeIn {
    /// Publishing under an existing name adds its next version.
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    /// en or it.
    pub language: String,
    pub url: Option<String>,
    #[schema(min_length = 1, max_length = 50000)]
    pub body: String,
}

/// Every notice version, newest version first per name.
#[utoipa::path(get, path = "/notices", tag = "consent", responses((status = 200, body = Vec<NoticeOut>), Errors))]
pub(super) async fn list_notices(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<NoticeOut>>, ApiError> {
    Ok(Json(app.notices(&p).await?.into_iter().map(notice_out).collect()))
}

/// Publish a notice version (never edited afterwards; admin, dpo).
#[utoipa::path(post, path = "/notices", tag = "consent", request_body = NoticeIn, responses((status = 201, body = NoticeOut), (status = 409, description = "Published concurrently; retry", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
pub(super) async fn create_notice(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<NoticeIn>,
) -> Result<(StatusCode, Json<NoticeOut>), ApiError> {
    let f = NoticeFields { name: b.name, language: b.language, url: b.url, body: b.body };
    Ok((StatusCode::CREATED, Json(notice_out(app.create_notice(&p, f).await?))))
}
