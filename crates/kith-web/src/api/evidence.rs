//! `/evidence`: the signed evidence pack for a supervisory authority (dpo,
//! admin), and the key that verifies it. The format is
//! `docs/evidence-pack.md`.

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use kith_app::evidence::{parse_day, EvidenceRequest};
use kith_app::App;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// What to put in the pack. Every field is optional: the pack as of now,
/// every purpose, the whole history.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct EvidencePackIn {
    /// The day the pack states things as of (YYYY-MM-DD, UTC; its end, or now for today).
    #[serde(default)]
    pub as_of: Option<String>,
    /// Restrict the purpose-bound sections to these purposes (names or ids).
    #[serde(default)]
    pub purposes: Vec<String>,
    /// First day of the period of the logs (requests, consent events, breaches, retention runs).
    #[serde(default)]
    pub from: Option<String>,
    /// Last day of the period (defaults to the as-of day).
    #[serde(default)]
    pub to: Option<String>,
}

/// The key that verifies evidence packs.
#[derive(Serialize, ToSchema)]
pub struct EvidenceKeyOut {
    /// The public key as a JWK (also at `/.well-known/kith-evidence-key.json`).
    #[schema(value_type = Object)]
    pub jwk: Value,
    /// Its RFC 7638 thumbprint (base64url of SHA-256).
    pub thumbprint: String,
}

fn day(field: &str, v: Option<&str>, end: bool) -> Result<Option<time::OffsetDateTime>, ApiError> {
    match v.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => parse_day(field, v, end).map(Some).map_err(|i| ApiError::invalid(i.0)),
    }
}

/// Builds a signed evidence pack: a ZIP archive with the registers, logs, chain heads and a signed manifest.
#[utoipa::path(operation_id = "evidence_pack", post, path = "/evidence", tag = "evidence", request_body = EvidencePackIn, responses((status = 200, description = "The pack (verify it with `kith evidence verify`)", content_type = "application/zip", body = Vec<u8>), Errors, BodyErrors))]
async fn pack(State(app): State<App>, Auth(p): Auth, Json(b): Json<EvidencePackIn>) -> Result<Response, ApiError> {
    let req = EvidenceRequest {
        as_of: day("as_of", b.as_of.as_deref(), true)?,
        purposes: b.purposes,
        from: day("from", b.from.as_deref(), false)?,
        to: day("to", b.to.as_deref(), true)?,
    };
    let pack = app.evidence_pack(&p, &req, crate::pages::register_print_for_pack).await?;
    let name = format!("attachment; filename=\"{}\"", pack.file_name);
    Ok(([(header::CONTENT_TYPE, "application/zip".to_owned()), (header::CONTENT_DISPOSITION, name)], pack.bytes)
        .into_response())
}

/// The public key that verifies evidence packs, with its thumbprint.
#[utoipa::path(operation_id = "evidence_key", get, path = "/evidence/key", tag = "evidence", responses((status = 200, body = EvidenceKeyOut), Errors))]
async fn key(State(app): State<App>, Auth(p): Auth) -> Result<Json<EvidenceKeyOut>, ApiError> {
    let o = app.evidence_overview(&p).await?;
    Ok(Json(EvidenceKeyOut { jwk: app.evidence_public_jwk(), thumbprint: o.thumbprint }))
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new().routes(routes!(pack)).routes(routes!(key))
}
