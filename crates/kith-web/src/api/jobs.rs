//! `/jobs`: each periodic job's last run and outcome (admin).

use super::Errors;
use crate::extract::{Auth, Json};
use crate::problem::ApiError;
use axum::extract::State;
use kith_app::jobs::Job;
use kith_app::App;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(Serialize, ToSchema)]
pub struct JobOut {
    /// mail, upkeep, expired-exports, retention-sweep, breach-reminders, webhooks, art14-notices, consent-requests or campaign-send.
    pub name: String,
    pub every_seconds: u64,
    /// Runs on one server for all (a lease in the database) rather than on each.
    pub once_across_servers: bool,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_started: Option<time::OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_finished: Option<time::OffsetDateTime>,
    pub last_ok: Option<bool>,
    pub last_outcome: Option<String>,
}

#[utoipa::path(get, path = "/jobs", tag = "admin", responses((status = 200, body = Vec<JobOut>), Errors))]
async fn list_jobs(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<JobOut>>, ApiError> {
    let runs = app.job_runs(&p).await?;
    Ok(Json(
        Job::all(true)
            .into_iter()
            .map(|j| {
                let r = runs.iter().find(|r| r.name == j.name());
                JobOut {
                    name: j.name().into(),
                    every_seconds: j.every().as_secs(),
                    once_across_servers: j.once_across_servers(),
                    last_started: r.and_then(|r| r.last_started),
                    last_finished: r.and_then(|r| r.last_finished),
                    last_ok: r.and_then(|r| r.last_ok),
                    last_outcome: r.and_then(|r| r.last_outcome.clone()),
                }
            })
            .collect(),
    ))
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new().routes(routes!(list_jobs))
}
