//! `/campaigns`: newsletter campaigns — a saved template sent to an audience
//! (a saved segment or a contact-list filter, always with "may email for the
//! purpose") for one subscription type; scheduled, paused, resumed,
//! cancelled; the delivery log per recipient. Marketing and admins run
//! them; the dpo reads them.

use super::templates::RenderedOut;
use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path, Query};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::newsletters::{NewsletterInput, NewsletterView};
use kith_app::App;
use kith_domain::newsletter::{CampaignAction, RecipientStatus};
use kith_domain::{FieldError, SubjectId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CampaignIn {
    #[schema(max_length = 200)]
    pub name: String,
    /// The subscription type (and so the purpose) the campaign is for.
    pub subscription_type_id: Uuid,
    /// A saved newsletter template.
    pub template_id: Uuid,
    /// A saved segment as the audience (or give `query`).
    #[serde(default)]
    pub segment_id: Option<Uuid>,
    /// A contact-list filter as the audience, spelled as the contacts
    /// list's query string (`tag=vip&may=<purpose>:email`); none: everyone
    /// who may be emailed for the purpose.
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub query: Option<String>,
    /// Messages per minute (default 600).
    #[serde(default)]
    #[schema(minimum = 1, maximum = 60000)]
    pub rate_per_minute: Option<i64>,
}

/// Recipients per delivery state.
#[derive(Serialize, ToSchema)]
pub struct CampaignCountsOut {
    pub audience: i64,
    pub pending: i64,
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
    pub skipped: i64,
}

#[derive(Serialize, ToSchema)]
pub struct CampaignOut {
    pub id: Uuid,
    pub name: String,
    pub subscription_type_id: Uuid,
    pub purpose_id: Uuid,
    pub channel: String,
    pub template_id: Uuid,
    pub segment_id: Option<Uuid>,
    /// The audience's filter (frozen when scheduled).
    pub query: String,
    /// draft, scheduled, sending, paused, done or cancelled.
    pub status: String,
    #[serde(with = "time::serde::rfc3339::option")]
    pub scheduled_at: Option<time::OffsetDateTime>,
    pub rate_per_minute: i64,
    pub counts: CampaignCountsOut,
    pub created_by: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub started_at: Option<time::OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub finished_at: Option<time::OffsetDateTime>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleIn {
    /// When to send; absent: now.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub at: Option<time::OffsetDateTime>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CampaignPreviewIn {
    /// The contact whose values fill the merge fields.
    pub contact: Uuid,
}

#[derive(Serialize, ToSchema)]
pub struct CampaignTestSendOut {
    /// Your own address, where the test went.
    pub sent_to: String,
}

#[derive(Serialize, ToSchema)]
pub struct AudienceCountOut {
    /// People the campaign would go to now (each is checked again when sent).
    pub audience: i64,
}

/// One line of the delivery log.
#[derive(Serialize, ToSchema)]
pub struct CampaignRecipientOut {
    pub contact_id: Uuid,
    /// pending, queued, sent, failed or skipped.
    pub status: String,
    /// Why it was skipped or failed, in words.
    pub reason: Option<String>,
    pub mail_id: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: time::OffsetDateTime,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RecipientParams {
    /// pending, queued, sent, failed or skipped.
    pub status: Option<String>,
    /// The last contact id of the previous page.
    pub after: Option<Uuid>,
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
}

fn out(v: NewsletterView) -> CampaignOut {
    let (c, n) = (v.campaign, v.counts);
    CampaignOut {
        id: c.id,
        name: c.name,
        subscription_type_id: c.subscription_type,
        purpose_id: c.purpose.0,
        channel: c.channel,
        template_id: c.template,
        segment_id: c.segment,
        query: c.audience,
        status: c.status.as_str().to_owned(),
        scheduled_at: c.scheduled_at,
        rate_per_minute: c.rate_per_minute,
        counts: CampaignCountsOut {
            audience: n.audience(),
            pending: n.pending,
            queued: n.queued,
            sent: n.sent,
            failed: n.failed,
            skipped: n.skipped,
        },
        created_by: c.created_by,
        created_at: c.created_at,
        started_at: c.started_at,
        finished_at: c.finished_at,
    }
}

fn input(b: CampaignIn) -> NewsletterInput {
    NewsletterInput {
        name: b.name,
        subscription_type: b.subscription_type_id,
        template: b.template_id,
        segment: b.segment_id,
        query: b.query,
        rate_per_minute: b.rate_per_minute,
    }
}

/// Every campaign with its counts, newest first.
#[utoipa::path(operation_id = "newsletters_list", get, path = "/campaigns", tag = "campaigns", responses((status = 200, body = Vec<CampaignOut>), Errors))]
async fn list(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<CampaignOut>>, ApiError> {
    Ok(Json(app.newsletters(&p).await?.into_iter().map(out).collect()))
}

/// Create a draft campaign (marketing, admin).
#[utoipa::path(operation_id = "newsletters_create", post, path = "/campaigns", tag = "campaigns", request_body = CampaignIn, responses((status = 201, body = CampaignOut), Errors, BodyErrors))]
async fn create(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<CampaignIn>,
) -> Result<(StatusCode, Json<CampaignOut>), ApiError> {
    Ok((StatusCode::CREATED, Json(out(app.create_newsletter(&p, &input(b)).await?))))
}

#[utoipa::path(operation_id = "newsletters_get", get, path = "/campaigns/{id}", tag = "campaigns", params(("id" = Uuid, Path)), responses((status = 200, body = CampaignOut), Errors))]
async fn get(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<CampaignOut>, ApiError> {
    Ok(Json(out(app.newsletter(&p, id).await?)))
}

/// Replace a draft's fields (409 once scheduled).
#[utoipa::path(operation_id = "newsletters_update", put, path = "/campaigns/{id}", tag = "campaigns", params(("id" = Uuid, Path)), request_body = CampaignIn, responses((status = 200, body = CampaignOut), Errors, BodyErrors))]
async fn update(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<CampaignIn>,
) -> Result<Json<CampaignOut>, ApiError> {
    Ok(Json(out(app.update_newsletter(&p, id, &input(b)).await?)))
}

/// Delete a draft (409 once scheduled).
#[utoipa::path(operation_id = "newsletters_delete", delete, path = "/campaigns/{id}", tag = "campaigns", params(("id" = Uuid, Path)), responses((status = 204, description = "Deleted"), Errors))]
async fn remove(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<StatusCode, ApiError> {
    app.delete_newsletter(&p, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// How many people the campaign would go to now.
#[utoipa::path(operation_id = "newsletters_audience", get, path = "/campaigns/{id}/audience", tag = "campaigns", params(("id" = Uuid, Path)), responses((status = 200, body = AudienceCountOut), Errors))]
async fn audience(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<AudienceCountOut>, ApiError> {
    Ok(Json(AudienceCountOut { audience: app.newsletter_audience_count(&p, id).await? }))
}

/// Schedule a draft for `at`, or now: the audience is frozen now.
#[utoipa::path(operation_id = "newsletters_schedule", post, path = "/campaigns/{id}/schedule", tag = "campaigns", params(("id" = Uuid, Path)), request_body = ScheduleIn, responses((status = 200, body = CampaignOut), Errors, BodyErrors))]
async fn schedule(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<ScheduleIn>,
) -> Result<Json<CampaignOut>, ApiError> {
    Ok(Json(out(app.schedule_newsletter(&p, id, b.at).await?)))
}

async fn act(app: &App, p: &kith_app::Principal, id: Uuid, a: CampaignAction) -> Result<Json<CampaignOut>, ApiError> {
    Ok(Json(out(app.act_on_newsletter(p, id, a).await?)))
}

/// Pause a scheduled or sending campaign.
#[utoipa::path(operation_id = "newsletters_pause", post, path = "/campaigns/{id}/pause", tag = "campaigns", params(("id" = Uuid, Path)), responses((status = 200, body = CampaignOut), Errors))]
async fn pause(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<CampaignOut>, ApiError> {
    act(&app, &p, id, CampaignAction::Pause).await
}

/// Resume a paused campaign where it was.
#[utoipa::path(operation_id = "newsletters_resume", post, path = "/campaigns/{id}/resume", tag = "campaigns", params(("id" = Uuid, Path)), responses((status = 200, body = CampaignOut), Errors))]
async fn resume(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<CampaignOut>, ApiError> {
    act(&app, &p, id, CampaignAction::Resume).await
}

/// Cancel a campaign: recipients not yet taken are skipped.
#[utoipa::path(operation_id = "newsletters_cancel", post, path = "/campaigns/{id}/cancel", tag = "campaigns", params(("id" = Uuid, Path)), responses((status = 200, body = CampaignOut), Errors))]
async fn cancel(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<CampaignOut>, ApiError> {
    act(&app, &p, id, CampaignAction::Cancel).await
}

/// The delivery log: contact ids, states and reasons (no personal values), in contact-id order.
#[utoipa::path(operation_id = "newsletters_recipients", get, path = "/campaigns/{id}/recipients", tag = "campaigns", params(("id" = Uuid, Path), RecipientParams), responses((status = 200, body = Vec<CampaignRecipientOut>), Errors))]
async fn recipients(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Query(q): Query<RecipientParams>,
) -> Result<Json<Vec<CampaignRecipientOut>>, ApiError> {
    let status = match q.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(RecipientStatus::parse(s).ok_or_else(|| {
            ApiError::invalid(vec![FieldError::new("status", "must be pending, queued, sent, failed or skipped")])
        })?),
    };
    let rows = app.newsletter_log(&p, id, status, q.after, q.limit.unwrap_or(100)).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| CampaignRecipientOut {
                contact_id: r.subject.0,
                status: r.status.as_str().to_owned(),
                reason: r.reason,
                mail_id: r.mail_id,
                updated_at: r.updated_at,
            })
            .collect(),
    ))
}

/// The campaign's mail for a real contact (an audited read; links acting as the person hidden).
#[utoipa::path(operation_id = "newsletters_preview", post, path = "/campaigns/{id}/preview", tag = "campaigns", params(("id" = Uuid, Path)), request_body = CampaignPreviewIn, responses((status = 200, body = RenderedOut), Errors, BodyErrors))]
async fn preview(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<CampaignPreviewIn>,
) -> Result<Json<RenderedOut>, ApiError> {
    Ok(Json(super::templates::rendered_out(app.preview_newsletter(&p, id, SubjectId(b.contact)).await?)))
}

/// Send the campaign's mail with sample values to your own address (409 without SMTP).
#[utoipa::path(operation_id = "newsletters_test_send", post, path = "/campaigns/{id}/test-send", tag = "campaigns", params(("id" = Uuid, Path)), responses((status = 200, body = CampaignTestSendOut), Errors))]
async fn test_send(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<CampaignTestSendOut>, ApiError> {
    Ok(Json(CampaignTestSendOut { sent_to: app.test_send_newsletter(&p, id).await? }))
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update, remove))
        .routes(routes!(audience))
        .routes(routes!(schedule))
        .routes(routes!(pause))
        .routes(routes!(resume))
        .routes(routes!(cancel))
        .routes(routes!(recipients))
        .routes(routes!(preview))
        .routes(routes!(test_send))
}
