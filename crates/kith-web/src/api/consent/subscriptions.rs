//! `/subscription-types`: what a person can subscribe to, one per purpose.

use super::input::{channels, done};
use crate::api::{BodyErrors, Errors};
use crate::extract::{Auth, Json};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::purposes::SubscriptionFields;
use kith_app::records::SubscriptionType;
use kith_app::App;
use kith_domain::{Invalid, PurposeId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct SubscriptionTypeOut {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub purpose_id: Uuid,
    pub channels: Vec<String>,
}

fn sub_out(s: SubscriptionType) -> SubscriptionTypeOut {
    SubscriptionTypeOut {
        id: s.id,
        name: s.name,
        description: s.description,
        purpose_id: s.purpose.0,
        channels: s.channels.iter().map(|c| c.as_str().into()).collect(),
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubscriptionTypeIn {
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// One subscription type per purpose.
    pub purpose_id: Uuid,
    /// email, phone, sms, post.
    pub channels: Vec<String>,
}

#[utoipa::path(get, path = "/subscription-types", tag = "consent", responses((status = 200, body = Vec<SubscriptionTypeOut>), Errors))]
pub(super) async fn list_subscription_types(
    State(app): State<App>,
    Auth(_p): Auth,
) -> Result<Json<Vec<SubscriptionTypeOut>>, ApiError> {
    Ok(Json(app.subscription_types().await?.into_iter().map(sub_out).collect()))
}

/// Create a subscription type (admin, dpo).
#[utoipa::path(post, path = "/subscription-types", tag = "consent", request_body = SubscriptionTypeIn, responses((status = 201, body = SubscriptionTypeOut), (status = 409, description = "Name or purpose taken", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
pub(super) async fn create_subscription_type(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<SubscriptionTypeIn>,
) -> Result<(StatusCode, Json<SubscriptionTypeOut>), ApiError> {
    let mut inv = Invalid::default();
    let ch = channels(&mut inv, "channels", &b.channels);
    done(inv)?;
    let f =
        SubscriptionFields { name: b.name, description: b.description, purpose: PurposeId(b.purpose_id), channels: ch };
    Ok((StatusCode::CREATED, Json(sub_out(app.create_subscription_type(&p, f).await?))))
}
