//! Prepared export files (Art. 15 and 20), erasure exceptions (Art. 17(3))
//! and the events queued for processors (Art. 19).

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path, Query};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::export::{ExportFile, ExportFormat};
use kith_app::App;
use kith_domain::{FieldError, SubjectId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct ExportFileOut {
    pub id: Uuid,
    pub contact_id: Uuid,
    /// access or portability.
    pub kind: String,
    /// json, csv (a zip of CSV files) or vcard.
    pub format: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    /// The file is deleted at this time.
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: time::OffsetDateTime,
    /// Bytes.
    pub size: i64,
}

impl From<ExportFile> for ExportFileOut {
    fn from(f: ExportFile) -> Self {
        ExportFileOut {
            id: f.id,
            contact_id: f.subject.0,
            kind: f.kind,
            format: f.format,
            created_at: f.created_at,
            expires_at: f.expires_at,
            size: f.size,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportIn {
    /// access (default) or portability.
    pub kind: Option<String>,
    /// json (default), csv or vcard.
    pub format: Option<String>,
}

/// Prepare an export file for the person: sealed at rest under their key, deleted automatically when it expires (admin, dpo; audited).
#[utoipa::path(post, path = "/contacts/{id}/exports", tag = "rights", params(("id" = Uuid, Path)), request_body = ExportIn, responses((status = 201, body = ExportFileOut), Errors, BodyErrors))]
async fn prepare(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<ExportIn>,
) -> Result<(StatusCode, Json<ExportFileOut>), ApiError> {
    let mut errors = Vec::new();
    let portability = super::dsr::portability(b.kind.as_deref()).unwrap_or_else(|e| {
        errors.push(e);
        false
    });
    let format = match b.format.as_deref() {
        None => Some(ExportFormat::Json),
        Some(s) => ExportFormat::parse(s),
    };
    let Some(format) = format else {
        errors.push(FieldError::new("format", "must be json, csv or vcard"));
        return Err(ApiError::invalid(errors));
    };
    if !errors.is_empty() {
        return Err(ApiError::invalid(errors));
    }
    let f = app.prepare_export(&p, SubjectId(id), portability, format).await?;
    Ok((StatusCode::CREATED, Json(f.into())))
}

/// The person's prepared export files that have not expired (admin, dpo).
#[utoipa::path(get, path = "/contacts/{id}/exports", tag = "rights", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<ExportFileOut>), Errors))]
async fn list(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<ExportFileOut>>, ApiError> {
    Ok(Json(app.exports_of(&p, SubjectId(id)).await?.into_iter().map(Into::into).collect()))
}

/// Download a prepared export file (admin, dpo; audited).
#[utoipa::path(get, path = "/exports/{id}", tag = "rights", params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The file: JSON of the shape kith-access-export/1, a zip of CSV files, or a vCard 4.0", content(
        (Object = "application/json"), (Vec<u8> = "application/zip"), (String = "text/vcard"))),
    Errors))]
async fn download(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<axum::response::Response, ApiError> {
    let (f, bytes) = app.download_export(&p, id).await?;
    Ok(crate::pages::export_file_response(&f, bytes))
}

/// Why erasing the person may be wrong or partial (Art. 17(3)): purposes under a legal obligation or a contract, open deals (admin, dpo).
#[utoipa::path(get, path = "/contacts/{id}/erasure-exceptions", tag = "rights", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<String>), Errors))]
async fn exceptions(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<String>>, ApiError> {
    Ok(Json(app.erasure_exceptions(&p, SubjectId(id)).await?))
}

#[derive(Serialize, ToSchema)]
pub struct ProcessorEventOut {
    /// Read events in this order; pass the last one as `after`.
    pub seq: i64,
    pub id: Uuid,
    /// subject.erased
    pub kind: String,
    pub contact_id: Uuid,
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EventParams {
    /// Events after this sequence number.
    #[param(minimum = 0)]
    pub after: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

/// Events for processors, oldest first: `subject.erased` tells them to erase the person too (dpo, admin).
#[utoipa::path(get, path = "/processor-events", tag = "rights", params(EventParams), responses((status = 200, body = Vec<ProcessorEventOut>), Errors))]
async fn events(
    State(app): State<App>,
    Auth(p): Auth,
    Query(q): Query<EventParams>,
) -> Result<Json<Vec<ProcessorEventOut>>, ApiError> {
    let list = app.processor_events(&p, q.after, q.limit).await?;
    Ok(Json(
        list.into_iter()
            .map(|e| ProcessorEventOut { seq: e.seq, id: e.id, kind: e.kind, contact_id: e.subject_id, at: e.at })
            .collect(),
    ))
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(prepare, list))
        .routes(routes!(download))
        .routes(routes!(exceptions))
        .routes(routes!(events))
}
