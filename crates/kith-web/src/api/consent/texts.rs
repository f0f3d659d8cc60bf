//! `/purposes/{id}/texts` and `/subscription-types/{id}/texts`: the name and
//! description people read, per language (admin, dpo write; anyone reads).

use crate::api::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path};
use crate::problem::ApiError;
use axum::extract::State;
use kith_app::texts::{Text, TextOwner};
use kith_app::App;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A name and description in one language. An empty name and description
/// remove that language's text.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TextIn {
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// A name and description in one language.
#[derive(Serialize, ToSchema)]
pub struct TextOut {
    /// One of the shipped languages (`en`, `it`, `fr`, `bg`, `de`, `es`).
    pub language: String,
    pub name: String,
    pub description: String,
}

fn out(texts: Vec<Text>) -> Json<Vec<TextOut>> {
    Json(
        texts.into_iter().map(|t| TextOut { language: t.language, name: t.name, description: t.description }).collect(),
    )
}

/// A purpose's name and description in every language it has.
#[utoipa::path(get, path = "/purposes/{id}/texts", tag = "consent", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<TextOut>), Errors))]
pub(super) async fn purpose_texts(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<TextOut>>, ApiError> {
    Ok(out(app.texts(&p, TextOwner::Purpose, id).await?))
}

/// Set (or, empty, remove) a purpose's name and description in a language (admin, dpo).
#[utoipa::path(put, path = "/purposes/{id}/texts/{language}", tag = "consent", params(("id" = Uuid, Path), ("language" = String, Path)), request_body = TextIn, responses((status = 200, body = Vec<TextOut>), Errors, BodyErrors))]
pub(super) async fn set_purpose_text(
    State(app): State<App>,
    Auth(p): Auth,
    Path((id, language)): Path<(Uuid, String)>,
    Json(b): Json<TextIn>,
) -> Result<Json<Vec<TextOut>>, ApiError> {
    app.set_text(&p, TextOwner::Purpose, id, &language, &b.name, &b.description).await?;
    Ok(out(app.texts(&p, TextOwner::Purpose, id).await?))
}

/// A subscription type's name and description in every language it has.
#[utoipa::path(get, path = "/subscription-types/{id}/texts", tag = "consent", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<TextOut>), Errors))]
pub(super) async fn subscription_texts(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<TextOut>>, ApiError> {
    Ok(out(app.texts(&p, TextOwner::SubscriptionType, id).await?))
}

/// Set (or, empty, remove) a subscription type's name and description in a language (admin, dpo).
#[utoipa::path(put, path = "/subscription-types/{id}/texts/{language}", tag = "consent", params(("id" = Uuid, Path), ("language" = String, Path)), request_body = TextIn, responses((status = 200, body = Vec<TextOut>), Errors, BodyErrors))]
pub(super) async fn set_subscription_text(
    State(app): State<App>,
    Auth(p): Auth,
    Path((id, language)): Path<(Uuid, String)>,
    Json(b): Json<TextIn>,
) -> Result<Json<Vec<TextOut>>, ApiError> {
    app.set_text(&p, TextOwner::SubscriptionType, id, &language, &b.name, &b.description).await?;
    Ok(out(app.texts(&p, TextOwner::SubscriptionType, id).await?))
}
