//! May we contact this person? Per purpose and channel, and why.

use super::input::{done, time_field, word, Rfc3339};
use crate::api::Errors;
use crate::extract::{Auth, Json, Path, Query};
use crate::problem::ApiError;
use axum::extract::State;
use kith_app::consent::PurposeStanding;
use kith_app::App;
use kith_domain::{Channel, Invalid, LawfulBasis, SubjectId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct PermissionOut {
    pub purpose_id: Uuid,
    pub purpose: String,
    pub basis: String,
    pub channel: String,
    /// none, awaiting, not_responded, given, refused, withdrawn or expired.
    pub consent: String,
    pub allowed: bool,
    pub reason: String,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PermissionParams {
    pub purpose_id: Option<Uuid>,
    /// email, phone, sms or post.
    pub channel: Option<String>,
    /// RFC 3339; defaults to now.
    pub at: Option<String>,
}

/// May we contact this person? Per purpose and channel: allowed or not, and why.
#[utoipa::path(get, path = "/contacts/{id}/permissions", tag = "consent", params(("id" = Uuid, Path), PermissionParams), responses((status = 200, body = Vec<PermissionOut>), Errors))]
pub(super) async fn permissions(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Query(q): Query<PermissionParams>,
) -> Result<Json<Vec<PermissionOut>>, ApiError> {
    let mut inv = Invalid::default();
    let channel =
        q.channel.as_deref().and_then(|c| word(&mut inv, "channel", c, Channel::parse, Channel::ALL, Channel::as_str));
    let at = time_field(&mut inv, "at", q.at.as_deref());
    done(inv)?;
    let standing = app.permissions(&p, SubjectId(id), at.unwrap_or_else(Rfc3339::now_utc)).await?;
    let mut out = Vec::new();
    for PurposeStanding { purpose, basis, channels } in standing {
        if q.purpose_id.is_some_and(|x| x != purpose.id.0) {
            continue;
        }
        for (ch, state, d) in channels {
            if channel.is_some_and(|c| c != ch) {
                continue;
            }
            out.push(PermissionOut {
                purpose_id: purpose.id.0,
                purpose: purpose.name.clone(),
                basis: basis.as_ref().map(|b| b.basis).unwrap_or(LawfulBasis::NotApplicable).as_str().into(),
                channel: ch.as_str().into(),
                consent: state.as_str().into(),
                allowed: d.allowed,
                reason: d.explain(),
            });
        }
    }
    Ok(Json(out))
}
