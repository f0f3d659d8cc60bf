//! Art. 14 notices on the pages: from an import's page, "send the notice
//! to the people of this run who have not had it" (a confirmation, then
//! queued in pages of 500); from a contact's page, to that person; the
//! automatic mode's setting on the privacy overview.

use super::form::StaffForm;
use super::session::{layout, Staff};
use super::view::Layout;
use super::{render, Id, PageError, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::import_runs::{phase, RunView};
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/import/{id}/art14", get(confirm).post(send_run))
        .route("/contacts/{id}/art14", post(send_one))
        .route("/privacy/art14", post(settings))
}

/// The import page's panel: how many of the run's people have not had the notice.
pub(crate) struct RunNotice {
    pub pending: i64,
}

/// The panel for a run that imported contacts, for those who may send.
pub(crate) async fn run_notice(app: &App, s: &Session, v: &RunView) -> Result<Option<RunNotice>, PageError> {
    if !s.role().can_manage_privacy() || v.run.dry_run || v.run.phase != phase::IMPORTED {
        return Ok(None);
    }
    Ok(Some(RunNotice { pending: app.art14_run_pending(&s.principal, v.run.id).await? }))
}

#[derive(Template)]
#[template(path = "art14_confirm.html")]
struct Confirm {
    l: Layout,
    id: String,
    file: String,
    pending: i64,
    /// What sending does, the count in bold.
    summary: String,
}

async fn confirm(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    let v = app.import_run(&s.principal, id).await?;
    let pending = app.art14_run_pending(&s.principal, id).await?;
    let summary = super::templates::rich(
        &s.tr,
        "import-art14-summary",
        &[("n", kith_i18n::Arg::Num(pending as f64))],
        &[("count", format!("<strong>{}</strong>", s.tr.number(i128::from(pending))))],
    );
    Ok(render(&Confirm { l: layout(&s, "privacy"), id: id.to_string(), file: v.run.file_name, pending, summary }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Empty {}

async fn send_run(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff: s, .. }: StaffForm<Empty>,
) -> PageResult {
    app.import_run(&s.principal, id).await?;
    let sent = app.send_art14_for_run(&s.principal, id).await?;
    Ok(Redirect::to(&format!(
        "/import/{id}?art14={}&no_address={}&restricted={}",
        sent.queued, sent.no_address, sent.restricted
    ))
    .into_response())
}

async fn send_one(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff: s, .. }: StaffForm<Empty>,
) -> PageResult {
    match app.send_art14_to(&s.principal, kith_domain::SubjectId(id)).await {
        Ok(_) => Ok(Redirect::to(&format!("/contacts/{id}")).into_response()),
        Err(AppError::Invalid(inv)) => Err(PageError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "The notice was not sent",
            inv.0.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; "),
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SettingsForm {
    auto: String,
    after_days: String,
}

async fn settings(State(app): State<App>, StaffForm { staff: s, form }: StaffForm<SettingsForm>) -> PageResult {
    let bad =
        || PageError::new(StatusCode::UNPROCESSABLE_ENTITY, "Please check the input", s.tr.t("import-art14-days"));
    let days: i64 = form.after_days.trim().parse().map_err(|_| bad())?;
    match app.set_art14_settings(&s.principal, form.auto == "on", days).await {
        Ok(()) => Ok(Redirect::to("/privacy").into_response()),
        Err(AppError::Invalid(_)) => Err(bad()),
        Err(e) => Err(e.into()),
    }
}
