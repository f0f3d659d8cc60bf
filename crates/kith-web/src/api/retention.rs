//! Retention: a contact's expiry, legal holds, reviews, and sweep runs.

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path};
use crate::problem::ApiError;
use axum::extract::State;
use kith_app::retention::{Planned, RuleCount, Run, Standing};
use kith_app::App;
use kith_domain::retention::Verdict;
use kith_domain::{FieldError, SubjectId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct HoldOut {
    pub reason: String,
    /// The date the hold is to be reviewed (YYYY-MM-DD).
    pub review_on: String,
    pub set_by: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub set_at: time::OffsetDateTime,
}

#[derive(Serialize, ToSchema)]
pub struct RetentionOut {
    /// no_purpose, no_rule, keep, suspended or expired.
    pub status: String,
    /// When the data goes (keep), or went (suspended, expired); null while
    /// an anchor has not happened.
    #[serde(with = "time::serde::rfc3339::option")]
    pub expires_at: Option<time::OffsetDateTime>,
    /// The purpose whose rule applies.
    pub purpose_id: Option<Uuid>,
    pub purpose: Option<String>,
    /// The rule in words.
    pub rule: Option<String>,
    /// delete or anonymise.
    pub disposal: Option<String>,
    /// The explanation staff see.
    pub explanation: String,
    /// The legal hold, if any (visible to dpo and admin).
    pub legal_hold: Option<HoldOut>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub reviewed_at: Option<time::OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub review_due_at: Option<time::OffsetDateTime>,
}

fn retention_out(s: Standing) -> RetentionOut {
    let explanation = s.explain();
    let (status, expires_at, purpose_id, rule) = match &s.verdict {
        Verdict::NoPurpose => ("no_purpose", None, None, None),
        Verdict::NoRule => ("no_rule", None, None, None),
        Verdict::Keep { until, purpose, rule } => ("keep", *until, Some(purpose.0), *rule),
        Verdict::Suspended { since, purpose, rule, .. } => ("suspended", Some(*since), Some(purpose.0), Some(*rule)),
        Verdict::Expired { since, purpose, rule } => ("expired", Some(*since), Some(purpose.0), Some(*rule)),
    };
    RetentionOut {
        status: status.into(),
        expires_at,
        purpose_id,
        purpose: s.purpose,
        rule: rule.map(|r| r.describe()),
        disposal: rule.map(|r| r.disposal.as_str().into()),
        explanation,
        legal_hold: s.hold.map(|h| HoldOut {
            reason: h.reason,
            review_on: h.review_on.date().to_string(),
            set_by: h.set_by.map(|u| u.0),
            set_at: h.set_at,
        }),
        reviewed_at: s.reviewed_at,
        review_due_at: s.review_due,
    }
}

/// When the contact's data expires, under which purpose's rule, and its legal hold.
#[utoipa::path(get, path = "/contacts/{id}/retention", tag = "retention", params(("id" = Uuid, Path)), responses((status = 200, body = RetentionOut), Errors))]
async fn retention(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<RetentionOut>, ApiError> {
    Ok(Json(retention_out(app.retention_of(&p, SubjectId(id)).await?)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HoldIn {
    /// Why the data must be kept (e.g. the case it is evidence in).
    #[schema(min_length = 1, max_length = 500)]
    pub reason: String,
    /// When to review the hold: a date after today, within ten years (YYYY-MM-DD).
    pub review_on: String,
}

/// Place (or replace) a legal hold: the data is not disposed of by retention until it is released (admin, dpo).
#[utoipa::path(put, path = "/contacts/{id}/legal-hold", tag = "retention", params(("id" = Uuid, Path)), request_body = HoldIn, responses((status = 200, body = RetentionOut), Errors, BodyErrors))]
async fn hold(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<HoldIn>,
) -> Result<Json<RetentionOut>, ApiError> {
    let date = time::Date::parse(b.review_on.trim(), time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| ApiError::invalid(vec![FieldError::new("review_on", "must be a date such as 2027-06-30")]))?;
    app.set_hold(&p, SubjectId(id), &b.reason, date).await?;
    Ok(Json(retention_out(app.retention_of(&p, SubjectId(id)).await?)))
}

/// Release the legal hold (admin, dpo). An action rather than a DELETE: the contact's retention stays readable.
#[utoipa::path(post, path = "/contacts/{id}/legal-hold/release", tag = "retention", params(("id" = Uuid, Path)), responses((status = 200, body = RetentionOut), Errors))]
async fn release(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<RetentionOut>, ApiError> {
    app.release_hold(&p, SubjectId(id)).await?;
    Ok(Json(retention_out(app.retention_of(&p, SubjectId(id)).await?)))
}

/// Confirm the record is accurate and still needed (resets its review reminder).
#[utoipa::path(post, path = "/contacts/{id}/reviewed", tag = "retention", params(("id" = Uuid, Path)), responses((status = 200, body = RetentionOut), Errors))]
async fn reviewed(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<RetentionOut>, ApiError> {
    app.mark_reviewed(&p, SubjectId(id)).await?;
    Ok(Json(retention_out(app.retention_of(&p, SubjectId(id)).await?)))
}

#[derive(Serialize, ToSchema)]
pub struct ReviewOut {
    pub contact_id: Uuid,
    #[serde(with = "time::serde::rfc3339")]
    pub reviewed_at: time::OffsetDateTime,
}

/// The caller's own contacts not reviewed within the review period, longest-unreviewed first (at most 500).
#[utoipa::path(get, path = "/reviews", tag = "retention", responses((status = 200, body = Vec<ReviewOut>), Errors))]
async fn reviews(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<ReviewOut>>, ApiError> {
    let due = app.reviews_due(&p, 500).await?;
    Ok(Json(due.into_iter().map(|(s, t)| ReviewOut { contact_id: s.0, reviewed_at: t }).collect()))
}

#[derive(Serialize, ToSchema)]
pub struct RuleCountOut {
    pub purpose: String,
    pub rule: String,
    /// delete or anonymise.
    pub disposal: String,
    pub count: u64,
}

#[derive(Serialize, ToSchema)]
pub struct PlannedOut {
    pub contact_id: Uuid,
    pub purpose: String,
    pub rule: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expired_at: time::OffsetDateTime,
}

#[derive(Serialize, ToSchema)]
pub struct RunOut {
    pub id: Uuid,
    pub dry_run: bool,
    /// cli, schedule or user:<id>.
    pub started_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: time::OffsetDateTime,
    /// Null while running, or if the run stopped (the next run resumes it).
    #[serde(with = "time::serde::rfc3339::option")]
    pub finished_at: Option<time::OffsetDateTime>,
    pub checked: i64,
    /// Disposed of (or, in a dry run, who would be) per purpose id.
    pub rules: BTreeMap<String, RuleCountOut>,
    pub suspended: u64,
    pub kept: u64,
    pub no_purpose: u64,
    pub no_rule: u64,
    /// Dry run: who would go and why (at most 1,000 listed).
    pub would_go: Vec<PlannedOut>,
}

pub(crate) fn run_out(r: Run) -> RunOut {
    let rc = |c: RuleCount| RuleCountOut { purpose: c.purpose, rule: c.rule, disposal: c.disposal, count: c.count };
    let pl = |p: Planned| PlannedOut {
        contact_id: p.contact_id,
        purpose: p.purpose,
        rule: p.rule,
        expired_at: p.expired_at,
    };
    RunOut {
        id: r.id,
        dry_run: r.dry_run,
        started_by: r.started_by,
        started_at: r.started_at,
        finished_at: r.finished_at,
        checked: r.checked,
        rules: r.report.rules.into_iter().map(|(k, v)| (k, rc(v))).collect(),
        suspended: r.report.suspended,
        kept: r.report.kept,
        no_purpose: r.report.no_purpose,
        no_rule: r.report.no_rule,
        would_go: r.report.would_go.into_iter().map(pl).collect(),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RunIn {
    /// List who would go and why; change nothing.
    #[serde(default)]
    pub dry_run: bool,
}

/// Run the retention sweep now (admin, dpo): 409 while another run is in progress.
#[utoipa::path(post, path = "/retention/runs", tag = "retention", request_body = RunIn, responses((status = 200, body = RunOut), Errors, BodyErrors))]
async fn start(State(app): State<App>, Auth(p): Auth, Json(b): Json<RunIn>) -> Result<Json<RunOut>, ApiError> {
    let started_by = format!("user:{}", p.user);
    Ok(Json(run_out(app.run_retention(&p, b.dry_run, &started_by, |_| {}).await?)))
}

/// Past runs, newest first (admin, dpo).
#[utoipa::path(get, path = "/retention/runs", tag = "retention", responses((status = 200, body = Vec<RunOut>), Errors))]
async fn runs(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<RunOut>>, ApiError> {
    Ok(Json(app.retention_runs(&p, 20).await?.into_iter().map(run_out).collect()))
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(retention))
        .routes(routes!(hold))
        .routes(routes!(release))
        .routes(routes!(reviewed))
        .routes(routes!(reviews))
        .routes(routes!(start, runs))
}
