//! `/instructions` and `/staff-authorisations`: persons authorised to
//! process personal data (Art. 29, 32(4)). Everyone reads the instructions
//! and acknowledges the current version for themself; the admin publishes
//! them; dpo and admin record training; dpo, admin and readonly read the
//! register.

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::authorisations::StaffAuthorisation;
use kith_app::App;
use kith_domain::authorisation::Instructions;
use kith_domain::{FieldError, UserId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct InstructionsOut {
    pub version: i64,
    pub text: String,
    /// RFC 3339.
    pub published_at: String,
    /// The admin who published it; null from the command line.
    pub published_by: Option<Uuid>,
    /// SHA-256 of the text (UTF-8), hex.
    pub sha256: String,
}

#[derive(Serialize, ToSchema)]
pub struct InstructionsList {
    /// The version everyone must have acknowledged; null before any is published.
    pub current: Option<InstructionsOut>,
    /// Every version, newest first (the current one included).
    pub versions: Vec<InstructionsOut>,
    /// The current version if the caller has yet to acknowledge it.
    pub to_acknowledge: Option<i64>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishIn {
    /// 20 to 20,000 characters.
    pub text: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcknowledgeIn {
    /// The version read: it must be the current one.
    pub version: i64,
}

#[derive(Serialize, ToSchema)]
pub struct TrainingOut {
    pub id: Uuid,
    pub course: String,
    /// YYYY-MM-DD.
    pub completed_on: String,
    /// YYYY-MM-DD; null for a course that does not expire.
    pub expires_on: Option<String>,
    /// current, expiring (within 30 days) or expired.
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct StaffAuthorisationOut {
    pub user_id: Uuid,
    pub email: String,
    pub role: String,
    pub disabled: bool,
    /// What the role gives access to, and the fields hidden from it.
    pub scope: String,
    /// current, older, never, or not_required (nothing published).
    pub acknowledgement: String,
    /// The latest version acknowledged.
    pub acknowledged_version: Option<i64>,
    /// RFC 3339.
    pub acknowledged_at: Option<String>,
    /// current, expiring, expired or none: the worst of the latest record of each course.
    pub training: String,
    pub trainings: Vec<TrainingOut>,
    /// What is due, in words.
    pub reminders: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct StaffRegisterOut {
    /// The current version of the instructions; null before any is published.
    pub current_version: Option<i64>,
    pub staff: Vec<StaffAuthorisationOut>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingIn {
    /// 1 to 200 characters.
    pub course: String,
    /// YYYY-MM-DD, not in the future.
    pub completed_on: String,
    /// YYYY-MM-DD after completed_on; omit for a course that does not expire.
    #[serde(default)]
    pub expires_on: Option<String>,
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

fn instructions_out(i: Instructions) -> InstructionsOut {
    InstructionsOut {
        version: i.version,
        text: i.text,
        published_at: rfc3339(i.published_at),
        published_by: i.published_by.map(|u| u.0),
        sha256: i.sha256,
    }
}

fn staff_out(s: StaffAuthorisation) -> StaffAuthorisationOut {
    let today = time::OffsetDateTime::now_utc().date();
    StaffAuthorisationOut {
        user_id: s.user.0,
        email: s.email,
        role: s.role.as_str().to_owned(),
        disabled: s.disabled,
        scope: s.scope,
        acknowledgement: s.ack.as_str().to_owned(),
        acknowledged_version: s.acknowledged.as_ref().map(|a| a.version),
        acknowledged_at: s.acknowledged.as_ref().map(|a| rfc3339(a.at)),
        training: s.training.as_str().to_owned(),
        trainings: s
            .trainings
            .into_iter()
            .map(|t| TrainingOut {
                id: t.id,
                status: t.training.status(today).as_str().to_owned(),
                course: t.training.course,
                completed_on: t.training.completed_on.to_string(),
                expires_on: t.training.expires_on.map(|d| d.to_string()),
            })
            .collect(),
        reminders: s.reminders,
    }
}

fn date(inv: &mut Vec<FieldError>, field: &str, v: &str) -> Option<time::Date> {
    match time::Date::parse(v.trim(), time::macros::format_description!("[year]-[month]-[day]")) {
        Ok(d) => Some(d),
        Err(_) => {
            inv.push(FieldError::new(field, "must be a date such as 2027-06-30"));
            None
        }
    }
}

/// The instructions: the current version, every version, and whether the caller has yet to acknowledge the current one.
#[utoipa::path(operation_id = "authorisations_list", get, path = "/instructions", tag = "registers", responses((status = 200, body = InstructionsList), Errors))]
async fn list(State(app): State<App>, Auth(p): Auth) -> Result<Json<InstructionsList>, ApiError> {
    let versions = app.instructions(&p).await?;
    let to_acknowledge = app.needs_acknowledgement(&p).await?;
    let current = versions.first().cloned().map(instructions_out);
    Ok(Json(InstructionsList {
        current,
        versions: versions.into_iter().map(instructions_out).collect(),
        to_acknowledge,
    }))
}

/// Publish a new version of the instructions (admin). Everyone must acknowledge it before using personal data again.
#[utoipa::path(operation_id = "authorisations_publish", post, path = "/instructions", tag = "registers", request_body = PublishIn, responses((status = 201, body = InstructionsOut), Errors, BodyErrors))]
async fn publish(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<PublishIn>,
) -> Result<(StatusCode, Json<InstructionsOut>), ApiError> {
    let version = app.publish_instructions(&p, &b.text).await?;
    let published = app.instructions(&p).await?.into_iter().find(|i| i.version == version);
    let published = published.ok_or_else(ApiError::not_found)?;
    Ok((StatusCode::CREATED, Json(instructions_out(published))))
}

/// Acknowledge the current instructions as the token's user: "I have read and will follow these instructions". A version that is no longer current is a 409.
#[utoipa::path(operation_id = "authorisations_acknowledge", post, path = "/instructions/acknowledge", tag = "registers", request_body = AcknowledgeIn, responses((status = 204, description = "Acknowledged"), Errors, BodyErrors))]
async fn acknowledge(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<AcknowledgeIn>,
) -> Result<StatusCode, ApiError> {
    app.acknowledge_instructions(&p, b.version).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The register of persons authorised to process personal data: each staff member's role, scope, acknowledgement and training, with reminders.
#[utoipa::path(operation_id = "authorisations_register", get, path = "/staff-authorisations", tag = "registers", responses((status = 200, body = StaffRegisterOut), Errors))]
async fn register(State(app): State<App>, Auth(p): Auth) -> Result<Json<StaffRegisterOut>, ApiError> {
    let r = app.authorisation_register(&p).await?;
    Ok(Json(StaffRegisterOut {
        current_version: r.current.map(|c| c.version),
        staff: r.staff.into_iter().map(staff_out).collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: Uuid,
}

/// Record a training of a staff member (admin, dpo).
#[utoipa::path(operation_id = "authorisations_add_training", post, path = "/staff-authorisations/{user_id}/training", tag = "registers", params(("user_id" = Uuid, Path)), request_body = TrainingIn, responses((status = 201, body = Created), Errors, BodyErrors))]
async fn add_training(
    State(app): State<App>,
    Auth(p): Auth,
    Path(user): Path<Uuid>,
    Json(b): Json<TrainingIn>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let mut inv = Vec::new();
    let completed = date(&mut inv, "completed_on", &b.completed_on);
    let expires = match b.expires_on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => date(&mut inv, "expires_on", s),
        None => None,
    };
    let Some(completed) = completed.filter(|_| inv.is_empty()) else { return Err(ApiError::invalid(inv)) };
    let id = app.add_training(&p, UserId(user), &b.course, completed, expires).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// Remove a training record entered by mistake (admin, dpo).
#[utoipa::path(operation_id = "authorisations_remove_training", delete, path = "/staff-authorisations/{user_id}/training/{id}", tag = "registers", params(("user_id" = Uuid, Path), ("id" = Uuid, Path)), responses((status = 204, description = "Removed"), Errors))]
async fn remove_training(
    State(app): State<App>,
    Auth(p): Auth,
    Path((user, id)): Path<(Uuid, Uuid)>,
) -> Result<StatusCode, ApiError> {
    app.remove_training(&p, UserId(user), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(list, publish))
        .routes(routes!(acknowledge))
        .routes(routes!(register))
        .routes(routes!(add_training))
        .routes(routes!(remove_training))
}
