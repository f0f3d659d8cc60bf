//! `/webhooks` (admin): endpoints, their delivery log, manual redelivery
//! and a test ping; and `/dsr/{id}/processor-notices`: the requests sent to
//! processors for a data-subject request, and their acknowledgements.

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path, Query};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::webhooks::{Delivery, Endpoint, Notice, WebhookInput};
use kith_app::App;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookIn {
    /// https:// address (http:// only on a development server). Private, loopback and link-local destinations are refused.
    pub url: String,
    #[serde(default)]
    pub description: String,
    /// consent.changed, subscription.changed, contact.created, contact.updated, subject.restricted, subject.unrestricted, subject.objected, subject.erased, dsr.completed, breach.recorded.
    #[serde(default)]
    pub events: Vec<String>,
    /// A recipient of the register (a processor): its Art. 19 requests (`processor.request`) come here.
    #[serde(default)]
    pub recipient_id: Option<Uuid>,
    /// Paused endpoints keep their deliveries pending. Default: true when
    /// registering; unchanged when updating.
    #[serde(default)]
    pub active: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct WebhookOut {
    pub id: Uuid,
    pub url: String,
    pub description: String,
    pub events: Vec<String>,
    pub recipient_id: Option<Uuid>,
    pub active: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: time::OffsetDateTime,
}

/// A new endpoint with its signing secret, shown this once.
#[derive(Serialize, ToSchema)]
pub struct WebhookCreated {
    #[serde(flatten)]
    pub webhook: WebhookOut,
    /// `whsec_<base64>`: verify `webhook-signature` with it (Standard Webhooks). Kith keeps it sealed and never shows it again.
    pub secret: String,
}

#[derive(Serialize, ToSchema)]
pub struct DeliveryOut {
    pub id: Uuid,
    /// The `webhook-id` header, the same on every attempt.
    pub event_id: Uuid,
    pub event_type: String,
    /// pending, delivered or failed.
    pub status: String,
    pub attempts: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub next_at: time::OffsetDateTime,
    /// The HTTP status of the last answer.
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub delivered_at: Option<time::OffsetDateTime>,
}

#[derive(Serialize, ToSchema)]
pub struct QueuedOut {
    /// The delivery queued.
    pub delivery_id: Uuid,
}

#[derive(Serialize, ToSchema)]
pub struct ProcessorNoticeOut {
    pub id: Uuid,
    pub request_id: Option<Uuid>,
    pub recipient_id: Uuid,
    pub recipient: String,
    /// erasure, rectification, restriction or restriction_lifted.
    pub action: String,
    pub contact_id: Uuid,
    /// webhook or mail.
    pub channel: String,
    /// pending, sent or failed.
    pub status: String,
    pub last_error: Option<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub sent_at: Option<time::OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339")]
    pub due_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub acknowledged_at: Option<time::OffsetDateTime>,
    pub overdue: bool,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct LogParams {
    /// 1 to 200, default 50.
    pub limit: Option<i64>,
}

fn out(e: Endpoint) -> WebhookOut {
    WebhookOut {
        id: e.id,
        url: e.url,
        description: e.description,
        events: e.events.iter().map(|e| e.as_str().to_owned()).collect(),
        recipient_id: e.recipient.map(|r| r.0),
        active: e.active,
        created_at: e.created_at,
        updated_at: e.updated_at,
    }
}

fn delivery_out(d: Delivery) -> DeliveryOut {
    DeliveryOut {
        id: d.id,
        event_id: d.event_id,
        event_type: d.event_type,
        status: d.status,
        attempts: d.attempts,
        next_at: d.next_at,
        last_status: d.last_status,
        last_error: d.last_error,
        created_at: d.created_at,
        delivered_at: d.delivered_at,
    }
}

pub(crate) fn notice_out(n: Notice) -> ProcessorNoticeOut {
    let overdue = n.overdue(time::OffsetDateTime::now_utc());
    ProcessorNoticeOut {
        id: n.id,
        request_id: n.request_id,
        recipient_id: n.recipient_id,
        recipient: n.recipient,
        action: n.action.as_str().to_owned(),
        contact_id: n.subject.0,
        channel: n.channel,
        status: n.status,
        last_error: n.last_error,
        sent_at: n.sent_at,
        due_at: n.due_at,
        acknowledged_at: n.acknowledged_at,
        overdue,
    }
}

fn input(b: WebhookIn, active_default: bool) -> WebhookInput {
    WebhookInput {
        url: b.url,
        description: b.description,
        events: b.events,
        recipient: b.recipient_id,
        active: b.active.unwrap_or(active_default),
    }
}

/// Every endpoint (admin).
#[utoipa::path(operation_id = "webhooks_list", get, path = "/webhooks", tag = "webhooks", responses((status = 200, body = Vec<WebhookOut>), Errors))]
async fn list(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<WebhookOut>>, ApiError> {
    Ok(Json(app.webhooks(&p).await?.into_iter().map(out).collect()))
}

/// Register an endpoint; the answer holds its signing secret, shown this once.
#[utoipa::path(operation_id = "webhooks_create", post, path = "/webhooks", tag = "webhooks", request_body = WebhookIn, responses((status = 201, body = WebhookCreated), Errors, BodyErrors))]
async fn create(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<WebhookIn>,
) -> Result<(StatusCode, Json<WebhookCreated>), ApiError> {
    let (e, secret) = app.create_webhook(&p, input(b, true)).await?;
    Ok((StatusCode::CREATED, Json(WebhookCreated { webhook: out(e), secret })))
}

#[utoipa::path(operation_id = "webhooks_get", get, path = "/webhooks/{id}", tag = "webhooks", params(("id" = Uuid, Path)), responses((status = 200, body = WebhookOut), Errors))]
async fn get(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<WebhookOut>, ApiError> {
    Ok(Json(out(app.webhook(&p, id).await?)))
}

/// Replace an endpoint's settings (its secret stays).
#[utoipa::path(operation_id = "webhooks_update", put, path = "/webhooks/{id}", tag = "webhooks", params(("id" = Uuid, Path)), request_body = WebhookIn, responses((status = 200, body = WebhookOut), Errors, BodyErrors))]
async fn update(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<WebhookIn>,
) -> Result<Json<WebhookOut>, ApiError> {
    // Without `active` the endpoint stays as it is (a paused one stays paused).
    let current = match b.active {
        Some(a) => a,
        None => app.webhook(&p, id).await?.active,
    };
    Ok(Json(out(app.update_webhook(&p, id, input(b, current)).await?)))
}

/// Remove an endpoint and its delivery log.
#[utoipa::path(operation_id = "webhooks_remove", delete, path = "/webhooks/{id}", tag = "webhooks", params(("id" = Uuid, Path)), responses((status = 204, description = "Removed"), Errors))]
async fn remove(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<StatusCode, ApiError> {
    app.delete_webhook(&p, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The endpoint's deliveries, newest first: status codes and errors, never payloads.
#[utoipa::path(operation_id = "webhooks_deliveries", get, path = "/webhooks/{id}/deliveries", tag = "webhooks", params(("id" = Uuid, Path), LogParams), responses((status = 200, body = Vec<DeliveryOut>), Errors))]
async fn deliveries(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Query(q): Query<LogParams>,
) -> Result<Json<Vec<DeliveryOut>>, ApiError> {
    Ok(Json(app.webhook_deliveries(&p, id, q.limit).await?.into_iter().map(delivery_out).collect()))
}

/// Send a delivery again from its first attempt (same `webhook-id`).
#[utoipa::path(operation_id = "webhooks_redeliver", post, path = "/webhooks/{id}/deliveries/{delivery}/redeliver", tag = "webhooks", params(("id" = Uuid, Path), ("delivery" = Uuid, Path)), responses((status = 202, body = QueuedOut), Errors))]
async fn redeliver(
    State(app): State<App>,
    Auth(p): Auth,
    Path((id, delivery)): Path<(Uuid, Uuid)>,
) -> Result<(StatusCode, Json<QueuedOut>), ApiError> {
    app.redeliver_webhook(&p, id, delivery).await?;
    Ok((StatusCode::ACCEPTED, Json(QueuedOut { delivery_id: delivery })))
}

/// Queue a `ping` to the endpoint.
#[utoipa::path(operation_id = "webhooks_test", post, path = "/webhooks/{id}/test", tag = "webhooks", params(("id" = Uuid, Path)), responses((status = 202, body = QueuedOut), Errors))]
async fn test(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<(StatusCode, Json<QueuedOut>), ApiError> {
    let delivery_id = app.test_webhook(&p, id).await?;
    Ok((StatusCode::ACCEPTED, Json(QueuedOut { delivery_id })))
}

/// The requests sent to processors for a data-subject request (Art. 19), and whether each was acknowledged.
#[utoipa::path(operation_id = "webhooks_processor_notices", get, path = "/dsr/{id}/processor-notices", tag = "rights", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<ProcessorNoticeOut>), Errors))]
async fn processor_notices(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<ProcessorNoticeOut>>, ApiError> {
    app.get_dsr(&p, id).await?;
    Ok(Json(app.processor_notices(&p, id).await?.into_iter().map(notice_out).collect()))
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update, remove))
        .routes(routes!(deliveries))
        .routes(routes!(redeliver))
        .routes(routes!(test))
        .routes(routes!(processor_notices))
}
