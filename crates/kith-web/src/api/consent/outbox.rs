//! `/outbox`: the queued and sent messages, envelopes only.

use crate::api::Errors;
use crate::extract::{Auth, Json};
use crate::problem::ApiError;
use axum::extract::State;
use kith_app::App;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct MailOut {
    pub id: Uuid,
    pub contact_id: Uuid,
    pub kind: String,
    /// queued, sent, outbox, cancelled (a consent request the person may no longer receive) or failed.
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
}

/// The newest 200 queued or sent messages, envelopes only (admin, dpo).
#[utoipa::path(get, path = "/outbox", tag = "consent", responses((status = 200, body = Vec<MailOut>), Errors))]
pub(super) async fn outbox(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<MailOut>>, ApiError> {
    Ok(Json(
        app.outbox(&p)
            .await?
            .into_iter()
            .map(|m| MailOut {
                id: m.id,
                contact_id: m.subject.0,
                kind: m.kind,
                status: m.status,
                attempts: m.attempts,
                last_error: m.last_error,
                created_at: m.created_at,
            })
            .collect(),
    ))
}
