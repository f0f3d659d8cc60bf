//! `/contacts/{id}/interactions`: a contact's timeline.

use super::{BodyErrors, Errors};
use crate::extract::{Auth, IdemHeader, Json, Path, Query};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::interactions::{InteractionPatch, NewInteraction};
use kith_app::records::Interaction;
use kith_app::App;
use kith_domain::{InteractionId, InteractionKind, SubjectId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum KindDto {
    Note,
    Call,
    Email,
    Meeting,
}

impl From<KindDto> for InteractionKind {
    fn from(k: KindDto) -> Self {
        match k {
            KindDto::Note => InteractionKind::Note,
            KindDto::Call => InteractionKind::Call,
            KindDto::Email => InteractionKind::Email,
            KindDto::Meeting => InteractionKind::Meeting,
        }
    }
}

impl From<InteractionKind> for KindDto {
    fn from(k: InteractionKind) -> Self {
        match k {
            InteractionKind::Note => KindDto::Note,
            InteractionKind::Call => KindDto::Call,
            InteractionKind::Email => KindDto::Email,
            InteractionKind::Meeting => KindDto::Meeting,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct InteractionOut {
    pub id: Uuid,
    pub contact_id: Uuid,
    pub kind: KindDto,
    #[serde(with = "time::serde::rfc3339")]
    pub occurred_at: time::OffsetDateTime,
    pub author_id: Option<Uuid>,
    /// Absent when the caller's role may not see interaction bodies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: time::OffsetDateTime,
}

fn out(i: Interaction) -> InteractionOut {
    InteractionOut {
        id: i.id.0,
        contact_id: i.subject.0,
        kind: i.kind.into(),
        occurred_at: i.occurred_at,
        author_id: i.author.map(|a| a.0),
        body: Some(i.body).filter(|b| !b.is_empty()),
        created_at: i.created_at,
        updated_at: i.updated_at,
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InteractionIn {
    pub kind: KindDto,
    /// When it happened (RFC 3339); now if absent.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub occurred_at: Option<time::OffsetDateTime>,
    #[schema(min_length = 1, max_length = 20000)]
    pub body: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InteractionPatchIn {
    pub kind: Option<KindDto>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub occurred_at: Option<time::OffsetDateTime>,
    #[schema(min_length = 1, max_length = 20000)]
    pub body: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct InteractionList {
    pub items: Vec<InteractionOut>,
    pub next_cursor: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    pub cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new().routes(routes!(list_interactions, create_interaction)).routes(routes!(
        get_interaction,
        update_interaction,
        delete_interaction
    ))
}

/// A contact's interactions, newest first.
#[utoipa::path(get, path = "/contacts/{id}/interactions", tag = "interactions", params(("id" = Uuid, Path), PageParams),
    responses((status = 200, body = InteractionList), Errors))]
async fn list_interactions(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Query(q): Query<PageParams>,
) -> Result<Json<InteractionList>, ApiError> {
    let page = app.list_interactions(&p, SubjectId(id), q.cursor.as_deref(), q.limit).await?;
    Ok(Json(InteractionList { items: page.items.into_iter().map(out).collect(), next_cursor: page.next_cursor }))
}

/// Record a note, call, email or meeting.
#[utoipa::path(post, path = "/contacts/{id}/interactions", tag = "interactions", params(("id" = Uuid, Path),
    ("Idempotency-Key" = Option<String>, Header, description = "Makes a retried create return the first result")),
    request_body = InteractionIn, responses((status = 201, body = InteractionOut), Errors, BodyErrors))]
async fn create_interaction(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    idem: IdemHeader,
    Json(b): Json<InteractionIn>,
) -> Result<(StatusCode, Json<InteractionOut>), ApiError> {
    let key = idem.key(&format!("/contacts/{id}/interactions"), &b)?;
    let n = NewInteraction { kind: b.kind.into(), occurred_at: b.occurred_at, body: b.body };
    let i = app.create_interaction(&p, SubjectId(id), n, key.as_ref()).await?;
    Ok((StatusCode::CREATED, Json(out(i))))
}

#[utoipa::path(get, path = "/contacts/{id}/interactions/{interaction_id}", tag = "interactions",
    params(("id" = Uuid, Path), ("interaction_id" = Uuid, Path)), responses((status = 200, body = InteractionOut), Errors))]
async fn get_interaction(
    State(app): State<App>,
    Auth(p): Auth,
    Path((id, iid)): Path<(Uuid, Uuid)>,
) -> Result<Json<InteractionOut>, ApiError> {
    Ok(Json(out(app.get_interaction(&p, SubjectId(id), InteractionId(iid)).await?)))
}

#[utoipa::path(patch, path = "/contacts/{id}/interactions/{interaction_id}", tag = "interactions",
    params(("id" = Uuid, Path), ("interaction_id" = Uuid, Path)), request_body = InteractionPatchIn,
    responses((status = 200, body = InteractionOut), Errors, BodyErrors))]
async fn update_interaction(
    State(app): State<App>,
    Auth(p): Auth,
    Path((id, iid)): Path<(Uuid, Uuid)>,
    Json(b): Json<InteractionPatchIn>,
) -> Result<Json<InteractionOut>, ApiError> {
    let patch = InteractionPatch { kind: b.kind.map(Into::into), occurred_at: b.occurred_at, body: b.body };
    Ok(Json(out(app.update_interaction(&p, SubjectId(id), InteractionId(iid), patch).await?)))
}

#[utoipa::path(delete, path = "/contacts/{id}/interactions/{interaction_id}", tag = "interactions",
    params(("id" = Uuid, Path), ("interaction_id" = Uuid, Path)), responses((status = 204, description = "Deleted"), Errors))]
async fn delete_interaction(
    State(app): State<App>,
    Auth(p): Auth,
    Path((id, iid)): Path<(Uuid, Uuid)>,
) -> Result<StatusCode, ApiError> {
    app.delete_interaction(&p, SubjectId(id), InteractionId(iid)).await?;
    Ok(StatusCode::NO_CONTENT)
}
