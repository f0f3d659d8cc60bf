//! `/ropa`: the record of processing activities (Art. 30) computed from the
//! data, its versions and exports, the controller's identity and the
//! Art. 30(2) record (read: dpo, admin, readonly; change: dpo, admin).

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path, Query};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use kith_app::registers::formats;
use kith_app::App;
use kith_domain::geo::Country;
use kith_domain::ropa::{Controller, ProcessorActivity};
use kith_domain::FieldError;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct WarningOut {
    /// The purpose (activity) it is about; null for the register as a whole.
    pub purpose_id: Option<Uuid>,
    pub message: String,
}

#[derive(Serialize, ToSchema)]
pub struct ObservedOut {
    pub purpose_id: Uuid,
    /// People the activity applies to, by lawful basis.
    #[schema(value_type = Object)]
    pub people_by_basis: Value,
    /// Disposed of under this purpose's rule at the last sweep.
    pub disposed_last_sweep: Option<u64>,
}

#[derive(Serialize, ToSchema)]
pub struct RegisterReceiptOut {
    pub recipient_id: Option<Uuid>,
    pub channel: String,
    /// People (API integrations) or messages (mail relay).
    pub count: i64,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_at: Option<time::OffsetDateTime>,
}

#[derive(Serialize, ToSchema)]
pub struct RegisterVersionOut {
    pub version: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    /// The change that made it (an audit action name).
    pub cause: String,
    /// SHA-256 of the version's canonical JSON, hex.
    pub sha256: String,
}

#[derive(Serialize, ToSchema)]
pub struct RopaOut {
    pub version: RegisterVersionOut,
    /// The declared record: controller, one activity per purpose with every Art. 30(1) item, measures, the Art. 30(2) record.
    #[schema(value_type = Object)]
    pub record: Value,
    /// Observed beside declared (absent for an `as_of` record).
    pub observed: Vec<ObservedOut>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_retention_sweep: Option<time::OffsetDateTime>,
    pub receipts: Vec<RegisterReceiptOut>,
    /// Gaps in the record and differences between declared and observed.
    pub warnings: Vec<WarningOut>,
}

fn version_out(v: &kith_app::records::RegisterVersion) -> RegisterVersionOut {
    RegisterVersionOut {
        version: v.version,
        created_at: v.created_at,
        cause: v.cause.clone(),
        sha256: v.sha256.clone(),
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AsOf {
    /// The record as it stood at the end of this day (YYYY-MM-DD, UTC).
    pub as_of: Option<String>,
}

fn end_of(field: &str, v: &str) -> Result<time::OffsetDateTime, ApiError> {
    time::Date::parse(v.trim(), time::macros::format_description!("[year]-[month]-[day]"))
        .ok()
        .and_then(|d| d.next_day())
        .map(|d| d.midnight().assume_utc() - time::Duration::milliseconds(1))
        .ok_or_else(|| ApiError::invalid(vec![FieldError::new(field, "must be a date such as 2026-06-30")]))
}

/// The record of processing now, with what is observed and the warnings; or, with `as_of`, the declared record of that day.
#[utoipa::path(operation_id = "ropa_ropa", get, path = "/ropa", tag = "registers", params(AsOf), responses((status = 200, body = RopaOut), Errors))]
async fn ropa(State(app): State<App>, Auth(p): Auth, Query(q): Query<AsOf>) -> Result<Json<RopaOut>, ApiError> {
    let to_value = |r: &kith_domain::ropa::Record| serde_json::to_value(r).unwrap_or(Value::Null);
    if let Some(d) = q.as_of.as_deref() {
        let (record, v) = app.register_as_of(&p, end_of("as_of", d)?).await?;
        return Ok(Json(RopaOut {
            version: version_out(&v),
            record: to_value(&record),
            observed: vec![],
            last_retention_sweep: None,
            receipts: vec![],
            warnings: kith_domain::ropa::gaps(&record)
                .into_iter()
                .map(|(p, m)| WarningOut { purpose_id: p.map(|p| p.0), message: m })
                .collect(),
        }));
    }
    let reg = app.register(&p).await?;
    Ok(Json(RopaOut {
        version: version_out(&reg.version),
        record: to_value(&reg.record),
        observed: reg
            .observed
            .activities
            .iter()
            .map(|(id, f)| ObservedOut {
                purpose_id: id.0,
                people_by_basis: serde_json::to_value(&f.by_basis).unwrap_or(Value::Null),
                disposed_last_sweep: f.disposed_last_sweep,
            })
            .collect(),
        last_retention_sweep: reg.observed.last_sweep,
        receipts: reg
            .observed
            .receipts
            .iter()
            .map(|r| RegisterReceiptOut {
                recipient_id: r.recipient.map(|r| r.0),
                channel: r.channel.clone(),
                count: r.count,
                last_at: r.last_at,
            })
            .collect(),
        warnings: reg
            .warnings
            .into_iter()
            .map(|(p, m)| WarningOut { purpose_id: p.map(|p| p.0), message: m })
            .collect(),
    }))
}

/// Every version of the declared record, newest first.
#[utoipa::path(operation_id = "ropa_versions", get, path = "/ropa/versions", tag = "registers", responses((status = 200, body = Vec<RegisterVersionOut>), Errors))]
async fn versions(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<RegisterVersionOut>>, ApiError> {
    Ok(Json(app.register_versions(&p).await?.iter().map(version_out).collect()))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ExportQuery {
    /// csv (CNIL template column order), json or jsonld (DPV 2.x).
    pub format: String,
    /// The record as it stood at the end of this day (YYYY-MM-DD, UTC).
    pub as_of: Option<String>,
}

/// The record as a file: CSV, JSON or DPV JSON-LD (the print-ready HTML is the staff page `/privacy/register/print`).
#[utoipa::path(operation_id = "ropa_export", get, path = "/ropa/export", tag = "registers", params(ExportQuery), responses((status = 200, description = "The record in the format asked for", content((String = "text/csv"), (Object = "application/json"), (Object = "application/ld+json"))), Errors))]
async fn export(State(app): State<App>, Auth(p): Auth, Query(q): Query<ExportQuery>) -> Result<Response, ApiError> {
    let format = q.format.trim().to_ascii_lowercase();
    if !["csv", "json", "jsonld"].contains(&format.as_str()) {
        return Err(ApiError::invalid(vec![FieldError::new("format", "one of csv, json, jsonld")]));
    }
    let (record, v) = match q.as_of.as_deref() {
        Some(d) => app.register_as_of(&p, end_of("as_of", d)?).await?,
        None => {
            let reg = app.register(&p).await?;
            (reg.record, reg.version)
        }
    };
    let (ctype, ext, body) = match format.as_str() {
        "csv" => ("text/csv; charset=utf-8", "csv", formats::to_csv(&record, &v)),
        "json" => ("application/json", "json", v.body.clone()),
        _ => ("application/ld+json", "jsonld", formats::to_jsonld(&record, &v).to_string()),
    };
    let name = format!("attachment; filename=\"record-of-processing-v{}.{ext}\"", v.version);
    Ok(([(header::CONTENT_TYPE, ctype.to_owned()), (header::CONTENT_DISPOSITION, name)], body).into_response())
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ControllerIo {
    pub name: String,
    #[serde(default)]
    pub address: String,
    /// A role address or phone for privacy matters.
    #[serde(default)]
    pub contact: String,
    /// ISO 3166-1 alpha-2 code of the main establishment.
    #[serde(default)]
    pub country: Option<String>,
    /// The Art. 27 representative, when the controller is outside the EU.
    #[serde(default)]
    pub representative: String,
    #[serde(default)]
    pub dpo_name: String,
    #[serde(default)]
    pub dpo_contact: String,
    /// The people the CRM is about (Art. 30(1)(c)).
    #[serde(default)]
    pub subject_categories: String,
}

fn controller_out(c: Controller) -> ControllerIo {
    ControllerIo {
        name: c.name,
        address: c.address,
        contact: c.contact,
        country: c.country.map(|c| c.code().to_owned()),
        representative: c.representative,
        dpo_name: c.dpo_name,
        dpo_contact: c.dpo_contact,
        subject_categories: c.subject_categories,
    }
}

/// The controller, its representative and DPO, as the register names them.
#[utoipa::path(operation_id = "ropa_controller", get, path = "/ropa/controller", tag = "registers", responses((status = 200, body = ControllerIo), Errors))]
async fn controller(State(app): State<App>, Auth(p): Auth) -> Result<Json<ControllerIo>, ApiError> {
    Ok(Json(controller_out(app.read_controller_identity(&p).await?)))
}

#[utoipa::path(operation_id = "ropa_set_controller", put, path = "/ropa/controller", tag = "registers", request_body = ControllerIo, responses((status = 200, body = ControllerIo), Errors, BodyErrors))]
async fn set_controller(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<ControllerIo>,
) -> Result<Json<ControllerIo>, ApiError> {
    let country = match b.country.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(c) => Some(Country::parse(c).map_err(|_| {
            ApiError::invalid(vec![FieldError::new("country", "not an ISO 3166-1 alpha-2 country code")])
        })?),
    };
    let c = Controller {
        name: b.name,
        address: b.address,
        contact: b.contact,
        country,
        representative: b.representative,
        dpo_name: b.dpo_name,
        dpo_contact: b.dpo_contact,
        subject_categories: b.subject_categories,
    };
    Ok(Json(controller_out(app.set_controller_identity(&p, c).await?)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcessorActivityIn {
    pub controller_name: String,
    #[serde(default)]
    pub controller_contact: String,
    #[serde(default)]
    pub representative: String,
    pub categories_of_processing: String,
    #[serde(default)]
    pub transfers: String,
    #[serde(default)]
    pub measures: String,
}

/// An Art. 30(2) entry as recorded.
#[derive(Serialize, ToSchema)]
pub struct ProcessorActivityOut {
    pub id: Uuid,
    pub controller_name: String,
    pub controller_contact: String,
    pub representative: String,
    pub categories_of_processing: String,
    pub transfers: String,
    pub measures: String,
}

fn activity_of(b: ProcessorActivityIn) -> ProcessorActivity {
    ProcessorActivity {
        controller_name: b.controller_name,
        controller_contact: b.controller_contact,
        representative: b.representative,
        categories_of_processing: b.categories_of_processing,
        transfers: b.transfers,
        measures: b.measures,
    }
}

fn activity_out(id: Uuid, a: ProcessorActivity) -> ProcessorActivityOut {
    ProcessorActivityOut {
        id,
        controller_name: a.controller_name,
        controller_contact: a.controller_contact,
        representative: a.representative,
        categories_of_processing: a.categories_of_processing,
        transfers: a.transfers,
        measures: a.measures,
    }
}

/// The Art. 30(2) record: processing carried out on behalf of other controllers.
#[utoipa::path(operation_id = "ropa_others", get, path = "/ropa/processing-for-others", tag = "registers", responses((status = 200, body = Vec<ProcessorActivityOut>), Errors))]
async fn others(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<ProcessorActivityOut>>, ApiError> {
    Ok(Json(app.processor_activities(&p).await?.into_iter().map(|(id, a)| activity_out(id, a)).collect()))
}

#[utoipa::path(operation_id = "ropa_add_other", post, path = "/ropa/processing-for-others", tag = "registers", request_body = ProcessorActivityIn, responses((status = 201, body = ProcessorActivityOut), Errors, BodyErrors))]
async fn add_other(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<ProcessorActivityIn>,
) -> Result<(StatusCode, Json<ProcessorActivityOut>), ApiError> {
    let a = activity_of(b);
    let id = app.save_processor_activity(&p, None, a.clone()).await?;
    Ok((StatusCode::CREATED, Json(activity_out(id, a.check().unwrap_or_default()))))
}

#[utoipa::path(operation_id = "ropa_put_other", put, path = "/ropa/processing-for-others/{id}", tag = "registers", params(("id" = Uuid, Path)), request_body = ProcessorActivityIn, responses((status = 200, body = ProcessorActivityOut), Errors, BodyErrors))]
async fn put_other(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<ProcessorActivityIn>,
) -> Result<Json<ProcessorActivityOut>, ApiError> {
    let a = activity_of(b);
    app.save_processor_activity(&p, Some(id), a.clone()).await?;
    Ok(Json(activity_out(id, a.check().unwrap_or_default())))
}

#[utoipa::path(operation_id = "ropa_delete_other", delete, path = "/ropa/processing-for-others/{id}", tag = "registers", params(("id" = Uuid, Path)), responses((status = 204, description = "Removed"), Errors))]
async fn delete_other(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<StatusCode, ApiError> {
    app.delete_processor_activity(&p, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(ropa))
        .routes(routes!(versions))
        .routes(routes!(export))
        .routes(routes!(controller, set_controller))
        .routes(routes!(others, add_other))
        .routes(routes!(put_other, delete_other))
}
