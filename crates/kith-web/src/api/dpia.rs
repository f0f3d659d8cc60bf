//! `/dpias`: data-protection impact assessments (Art. 35–36), the
//! screening of every purpose and the DPO's decisions (read: dpo, admin,
//! readonly; change: dpo, admin).

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path, Query};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use kith_app::dpia::{DpiaView, ScreeningRow};
use kith_app::App;
use kith_domain::dpia::{Consultation, Dpia, Measure, MeasureStatus, Risk, Score};
use kith_domain::{FieldError, PurposeId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

/// Severity and likelihood on the CNIL scale: 1 negligible, 2 limited, 3 significant, 4 maximum.
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct ScoreIo {
    pub severity: u8,
    pub likelihood: u8,
}

#[derive(Serialize, Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RiskIo {
    /// The risk source (an outsider, an employee, a processor…).
    pub source: String,
    /// What could happen to the data.
    pub threat: String,
    /// What it would do to the people.
    pub impact: String,
    /// Before the measures.
    pub inherent: ScoreIo,
    /// After the measures; severity and likelihood both 3 or more is high (Art. 36).
    pub residual: ScoreIo,
}

#[derive(Serialize, Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct MeasureIo {
    pub text: String,
    /// A role or team, not a person's name.
    #[serde(default)]
    pub owner: String,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub due_on: Option<String>,
    /// planned, in_progress or done.
    #[serde(default = "planned")]
    pub status: String,
}

fn planned() -> String {
    "planned".into()
}

/// Prior consultation of the supervisory authority (Art. 36).
#[derive(Serialize, Deserialize, ToSchema, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct ConsultationIo {
    /// YYYY-MM-DD.
    #[serde(default)]
    pub asked_on: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub answered_on: Option<String>,
    /// The authority's reference or advice.
    #[serde(default)]
    pub outcome: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DpiaIn {
    pub title: String,
    /// The purposes (processing activities) it assesses.
    pub purpose_ids: Vec<Uuid>,
    /// Art. 35(7)(a): the processing and its purposes.
    #[serde(default)]
    pub description: String,
    /// Art. 35(7)(b): necessity and proportionality.
    #[serde(default)]
    pub necessity: String,
    #[serde(default)]
    pub risks: Vec<RiskIo>,
    #[serde(default)]
    pub measures: Vec<MeasureIo>,
    /// Art. 35(2): the DPO's advice.
    #[serde(default)]
    pub dpo_opinion: String,
    /// Whether the advice was followed; null while undecided.
    #[serde(default)]
    pub opinion_followed: Option<bool>,
    /// Why it was not followed (required then), or how it was.
    #[serde(default)]
    pub opinion_note: String,
    /// Art. 35(9): the people's views were sought.
    #[serde(default)]
    pub views_sought: bool,
    /// Their views, or why they were not sought.
    #[serde(default)]
    pub views: String,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub next_review: Option<String>,
    #[serde(default)]
    pub consultation: ConsultationIo,
}

#[derive(Serialize, ToSchema)]
pub struct PurposeRef {
    pub id: Uuid,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct SignOffOut {
    /// The staff user who signed it off (null: the command line).
    pub by: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
    /// The version of the record of processing it was made against.
    pub register_version: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ChangeOut {
    pub purpose_id: Uuid,
    pub purpose: String,
    pub what: String,
}

#[derive(Serialize, ToSchema)]
pub struct DpiaOut {
    pub id: Uuid,
    pub title: String,
    pub purposes: Vec<PurposeRef>,
    pub description: String,
    pub necessity: String,
    pub risks: Vec<RiskIo>,
    pub measures: Vec<MeasureIo>,
    pub dpo_opinion: String,
    pub opinion_followed: Option<bool>,
    pub opinion_note: String,
    pub views_sought: bool,
    pub views: String,
    pub next_review: Option<String>,
    pub consultation: ConsultationIo,
    /// Some residual risk has severity and likelihood both 3 or more: prior consultation (Art. 36).
    pub residual_risk_high: bool,
    pub sign_off: Option<SignOffOut>,
    /// A purpose, its data, recipients, transfers or retention changed since sign-off.
    pub outdated: bool,
    /// What changed since sign-off.
    pub changes: Vec<ChangeOut>,
    /// Not signed off, consultation needed or pending, review due, measures late.
    pub reminders: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: time::OffsetDateTime,
}

fn date(inv: &mut Vec<FieldError>, field: &str, v: Option<&str>) -> Option<time::Date> {
    let v = v.map(str::trim).filter(|s| !s.is_empty())?;
    match time::Date::parse(v, time::macros::format_description!("[year]-[month]-[day]")) {
        Ok(d) => Some(d),
        Err(_) => {
            inv.push(FieldError::new(field, "must be a date such as 2027-06-30"));
            None
        }
    }
}

fn day(d: Option<time::Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// The request as a domain record; malformed values named by field.
fn dpia_of(b: DpiaIn) -> Result<Dpia, ApiError> {
    let mut inv = Vec::new();
    let score = |s: ScoreIo| Score { severity: s.severity, likelihood: s.likelihood };
    let risks = b
        .risks
        .into_iter()
        .map(|r| Risk {
            source: r.source,
            threat: r.threat,
            impact: r.impact,
            inherent: score(r.inherent),
            residual: score(r.residual),
        })
        .collect();
    let mut measures = Vec::new();
    for (i, m) in b.measures.into_iter().enumerate() {
        let status = MeasureStatus::parse(m.status.trim()).unwrap_or_else(|| {
            inv.push(FieldError::new(format!("measures[{i}].status"), "one of planned, in_progress, done"));
            MeasureStatus::Planned
        });
        let due_on = date(&mut inv, &format!("measures[{i}].due_on"), m.due_on.as_deref());
        measures.push(Measure { text: m.text, owner: m.owner, due_on, status });
    }
    let consultation = Consultation {
        asked_on: date(&mut inv, "consultation.asked_on", b.consultation.asked_on.as_deref()),
        answered_on: date(&mut inv, "consultation.answered_on", b.consultation.answered_on.as_deref()),
        outcome: b.consultation.outcome,
    };
    let next_review = date(&mut inv, "next_review", b.next_review.as_deref());
    if !inv.is_empty() {
        return Err(ApiError::invalid(inv));
    }
    Ok(Dpia {
        title: b.title,
        purposes: b.purpose_ids.into_iter().map(PurposeId).collect(),
        description: b.description,
        necessity: b.necessity,
        risks,
        measures,
        dpo_opinion: b.dpo_opinion,
        opinion_followed: b.opinion_followed,
        opinion_note: b.opinion_note,
        views_sought: b.views_sought,
        views: b.views,
        next_review,
        consultation,
    })
}

/// The domain names the purposes `purposes`; the API calls them `purpose_ids`.
fn api_names(e: kith_app::AppError) -> ApiError {
    match e {
        kith_app::AppError::Invalid(mut inv) => {
            for f in &mut inv.0 {
                if f.field == "purposes" {
                    f.field = "purpose_ids".into();
                }
            }
            kith_app::AppError::Invalid(inv).into()
        }
        e => e.into(),
    }
}

fn dpia_out(v: DpiaView) -> DpiaOut {
    let outdated = v.outdated();
    let s = v.stored;
    let d = s.dpia;
    let score = |s: Score| ScoreIo { severity: s.severity, likelihood: s.likelihood };
    DpiaOut {
        id: s.id,
        residual_risk_high: d.residual_high(),
        title: d.title,
        purposes: v.purposes.into_iter().map(|(id, name)| PurposeRef { id: id.0, name }).collect(),
        description: d.description,
        necessity: d.necessity,
        risks: d
            .risks
            .into_iter()
            .map(|r| RiskIo {
                source: r.source,
                threat: r.threat,
                impact: r.impact,
                inherent: score(r.inherent),
                residual: score(r.residual),
            })
            .collect(),
        measures: d
            .measures
            .into_iter()
            .map(|m| MeasureIo {
                text: m.text,
                owner: m.owner,
                due_on: day(m.due_on),
                status: m.status.as_str().into(),
            })
            .collect(),
        dpo_opinion: d.dpo_opinion,
        opinion_followed: d.opinion_followed,
        opinion_note: d.opinion_note,
        views_sought: d.views_sought,
        views: d.views,
        next_review: day(d.next_review),
        consultation: ConsultationIo {
            asked_on: day(d.consultation.asked_on),
            answered_on: day(d.consultation.answered_on),
            outcome: d.consultation.outcome,
        },
        sign_off: s.sign_off.map(|o| SignOffOut {
            by: o.by.map(|u| u.0),
            at: o.at,
            register_version: o.register_version,
        }),
        outdated,
        changes: v
            .changes
            .into_iter()
            .map(|c| ChangeOut { purpose_id: c.purpose_id.0, purpose: c.purpose, what: c.what })
            .collect(),
        reminders: v.reminders.iter().map(|r| r.describe()).collect(),
        created_at: s.created_at,
        updated_at: s.updated_at,
    }
}

/// Every impact assessment, newest first, each with whether it is outdated and why.
#[utoipa::path(operation_id = "dpia_list", get, path = "/dpias", tag = "registers", responses((status = 200, body = Vec<DpiaOut>), Errors))]
async fn list(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<DpiaOut>>, ApiError> {
    Ok(Json(app.dpias(&p).await?.into_iter().map(dpia_out).collect()))
}

/// Start an impact assessment (a title and its purposes suffice for a draft).
#[utoipa::path(operation_id = "dpia_create", post, path = "/dpias", tag = "registers", request_body = DpiaIn, responses((status = 201, body = DpiaOut), Errors, BodyErrors))]
async fn create(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<DpiaIn>,
) -> Result<(StatusCode, Json<DpiaOut>), ApiError> {
    let id = app.create_dpia(&p, dpia_of(b)?).await.map_err(api_names)?;
    Ok((StatusCode::CREATED, Json(dpia_out(app.dpia(&p, id).await?))))
}

#[utoipa::path(operation_id = "dpia_get", get, path = "/dpias/{id}", tag = "registers", params(("id" = Uuid, Path)), responses((status = 200, body = DpiaOut), Errors))]
async fn get(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<DpiaOut>, ApiError> {
    Ok(Json(dpia_out(app.dpia(&p, id).await?)))
}

/// Replace an assessment. Changing what was assessed withdraws its sign-off; measures' progress, the consultation and the next review do not.
#[utoipa::path(operation_id = "dpia_update", put, path = "/dpias/{id}", tag = "registers", params(("id" = Uuid, Path)), request_body = DpiaIn, responses((status = 200, body = DpiaOut), Errors, BodyErrors))]
async fn update(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<DpiaIn>,
) -> Result<Json<DpiaOut>, ApiError> {
    app.update_dpia(&p, id, dpia_of(b)?).await.map_err(api_names)?;
    Ok(Json(dpia_out(app.dpia(&p, id).await?)))
}

/// Sign off against the current version of the record of processing. Refused (422 naming the fields) while an Art. 35(7) item, the DPO's advice, the people's views or the next review is missing; a high residual risk is not refused but reminded (prior consultation, Art. 36).
#[utoipa::path(operation_id = "dpia_sign_off", post, path = "/dpias/{id}/sign-off", tag = "registers", params(("id" = Uuid, Path)), responses((status = 200, body = DpiaOut), Errors))]
async fn sign_off(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<DpiaOut>, ApiError> {
    Ok(Json(dpia_out(app.sign_off_dpia(&p, id).await.map_err(api_names)?)))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ExportQuery {
    /// json or html (a print-ready document).
    pub format: String,
}

/// The assessment as a JSON document (with the activities it was signed off against) or a print-ready HTML document.
#[utoipa::path(operation_id = "dpia_export", get, path = "/dpias/{id}/export", tag = "registers", params(("id" = Uuid, Path), ExportQuery), responses((status = 200, description = "The assessment in the format asked for", content((Object = "application/json"), (String = "text/html"))), Errors))]
async fn export(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, ApiError> {
    let format = q.format.trim().to_ascii_lowercase();
    if !["json", "html"].contains(&format.as_str()) {
        return Err(ApiError::invalid(vec![FieldError::new("format", "one of json, html")]));
    }
    let v = app.dpia(&p, id).await?;
    let (ctype, ext, body) = if format == "json" {
        ("application/json", "json", kith_app::dpia::to_json(&v).to_string())
    } else {
        let controller = app.read_controller_identity(&p).await?;
        let html = crate::pages::dpia_document(&v, &controller)
            .map_err(|_| ApiError::from(kith_app::AppError::Conflict("the document could not be rendered".into())))?;
        ("text/html; charset=utf-8", "html", html)
    };
    let name = format!("attachment; filename=\"dpia-{id}.{ext}\"");
    Ok(([(header::CONTENT_TYPE, ctype.to_owned()), (header::CONTENT_DISPOSITION, name)], body).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct FindingOut {
    /// evaluation_scoring, systematic_monitoring, sensitive_data, large_scale, matching_datasets, vulnerable_subjects, third_country_transfers.
    pub criterion: String,
    pub label: String,
    /// met, not_met or not_observed (Kith cannot see it: say so in the decision).
    pub outcome: String,
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct DecisionOut {
    pub required: bool,
    pub reason: String,
    pub decided_by: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub decided_at: time::OffsetDateTime,
}

#[derive(Serialize, ToSchema)]
pub struct ScreeningOut {
    pub purpose_id: Uuid,
    pub purpose: String,
    pub findings: Vec<FindingOut>,
    /// Two or more criteria met (WP248's rule of thumb): an assessment is likely required.
    pub likely_required: bool,
    pub reasons: Vec<String>,
    pub decision: Option<DecisionOut>,
    /// Recipients outside the EEA added since the decision ("name (country)").
    pub new_third_countries: Vec<String>,
    pub dpia_ids: Vec<Uuid>,
}

fn screening_out(r: ScreeningRow) -> ScreeningOut {
    ScreeningOut {
        purpose_id: r.purpose_id.0,
        purpose: r.purpose,
        findings: r
            .screening
            .findings
            .into_iter()
            .map(|f| FindingOut {
                criterion: f.criterion.as_str().into(),
                label: f.criterion.label().into(),
                outcome: f.outcome.as_str().into(),
                reason: f.reason,
            })
            .collect(),
        likely_required: r.screening.likely_required,
        reasons: r.screening.reasons,
        decision: r.decision.map(|d| DecisionOut {
            required: d.decision.required,
            reason: d.decision.reason,
            decided_by: d.decided_by.map(|u| u.0),
            decided_at: d.decided_at,
        }),
        new_third_countries: r.new_third_countries.iter().map(|(n, c)| format!("{n} ({})", c.name())).collect(),
        dpia_ids: r.dpias,
    }
}

/// Every purpose screened against the WP248 criteria Kith can see in its data (large scale: 10,000 people or more, Kith's threshold; WP248 names none), with the DPO's decision.
#[utoipa::path(operation_id = "dpia_screening", get, path = "/dpias/screening", tag = "registers", responses((status = 200, body = Vec<ScreeningOut>), Errors))]
async fn screening(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<ScreeningOut>>, ApiError> {
    Ok(Json(app.dpia_screening(&p).await?.into_iter().map(screening_out).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScreeningDecisionIn {
    /// Whether the purpose needs an impact assessment.
    pub required: bool,
    /// Why (at least 10 characters).
    pub reason: String,
}

/// Record the DPO's decision whether a purpose needs an impact assessment, and why.
#[utoipa::path(operation_id = "dpia_decide", put, path = "/dpias/screening/{purpose_id}", tag = "registers", params(("purpose_id" = Uuid, Path)), request_body = ScreeningDecisionIn, responses((status = 200, body = ScreeningOut), Errors, BodyErrors))]
async fn decide(
    State(app): State<App>,
    Auth(p): Auth,
    Path(purpose_id): Path<Uuid>,
    Json(b): Json<ScreeningDecisionIn>,
) -> Result<Json<ScreeningOut>, ApiError> {
    let purpose = PurposeId(purpose_id);
    app.decide_screening(&p, purpose, b.required, b.reason).await?;
    let row = app.dpia_screening(&p).await?.into_iter().find(|r| r.purpose_id == purpose);
    row.map(|r| Json(screening_out(r))).ok_or_else(|| kith_app::AppError::NotFound("purpose").into())
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(screening))
        .routes(routes!(decide))
        .routes(routes!(get, update))
        .routes(routes!(sign_off))
        .routes(routes!(export))
}
