//! `/purposes`: what personal data is processed for, on which default
//! basis, and for how long.

use super::input::{basis, done};
use crate::api::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::purposes::PurposeFields;
use kith_app::records::Purpose;
use kith_app::App;
use kith_domain::{Invalid, LawfulBasis, PurposeId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct PurposeOut {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    /// not_applicable, consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests.
    pub default_basis: String,
    pub data_categories: Vec<String>,
    pub retention: String,
    /// The rule the retention sweep enforces; null: none.
    pub retention_rule: Option<RuleOut>,
    pub recipients: String,
    /// Direct marketing: an objection to it is absolute (Art. 21(3)).
    pub direct_marketing: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: time::OffsetDateTime,
}

fn purpose_out(p: Purpose) -> PurposeOut {
    PurposeOut {
        id: p.id.0,
        name: p.name,
        description: p.description,
        default_basis: p.default_basis.as_str().into(),
        data_categories: p.data_categories,
        retention: p.retention,
        retention_rule: p.rule.map(|r| RuleOut {
            anchor: r.anchor.as_str().into(),
            period: i64::from(r.period.count),
            unit: r.period.unit.as_str().into(),
            disposal: r.disposal.as_str().into(),
            description: r.describe(),
        }),
        recipients: p.recipients,
        direct_marketing: p.direct_marketing,
        created_at: p.created_at,
        updated_at: p.updated_at,
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PurposeIn {
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    #[schema(min_length = 1, max_length = 2000)]
    pub description: String,
    /// not_applicable, consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests.
    pub default_basis: String,
    #[serde(default)]
    pub data_categories: Vec<String>,
    /// Retention in words, as shown to people (the access export quotes it).
    #[serde(default)]
    pub retention: String,
    /// The rule the retention sweep enforces; absent or null: none.
    #[serde(default)]
    pub retention_rule: Option<RuleIn>,
    /// Recipients (processors, third parties) in words.
    #[serde(default)]
    pub recipients: String,
    /// Direct marketing: an objection to it is absolute (Art. 21(3)).
    #[serde(default)]
    pub direct_marketing: bool,
}

/// A retention rule: keep for `period` `unit` after `anchor`, then `disposal`.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleIn {
    /// last_interaction, created, contract_end, consent_withdrawn or deal_closed.
    pub anchor: String,
    #[schema(minimum = 0, maximum = 36525)]
    pub period: i64,
    /// days, months or years.
    pub unit: String,
    /// delete or anonymise.
    pub disposal: String,
}

#[derive(Serialize, ToSchema)]
pub struct RuleOut {
    pub anchor: String,
    pub period: i64,
    pub unit: String,
    pub disposal: String,
    /// The rule in words.
    pub description: String,
}

fn purpose_fields(b: PurposeIn) -> Result<PurposeFields, ApiError> {
    let mut inv = Invalid::default();
    let default_basis = basis(&mut inv, "default_basis", &b.default_basis);
    let rule = match &b.retention_rule {
        None => None,
        Some(r) => inv
            .check(
                "retention_rule",
                kith_app::retention::rule_from(Some(&r.anchor), Some(r.period), Some(&r.unit), Some(&r.disposal)),
            )
            .flatten(),
    };
    done(inv)?;
    Ok(PurposeFields {
        name: b.name,
        description: b.description,
        default_basis: default_basis.unwrap_or(LawfulBasis::NotApplicable),
        data_categories: b.data_categories,
        retention: b.retention,
        rule,
        recipients: b.recipients,
        direct_marketing: b.direct_marketing,
    })
}

/// Every purpose.
#[utoipa::path(get, path = "/purposes", tag = "consent", responses((status = 200, body = Vec<PurposeOut>), Errors))]
pub(super) async fn list_purposes(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<PurposeOut>>, ApiError> {
    Ok(Json(app.purposes(&p).await?.into_iter().map(purpose_out).collect()))
}

/// Define a purpose (admin, dpo).
#[utoipa::path(post, path = "/purposes", tag = "consent", request_body = PurposeIn, responses((status = 201, body = PurposeOut), (status = 409, description = "Name taken", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
pub(super) async fn create_purpose(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<PurposeIn>,
) -> Result<(StatusCode, Json<PurposeOut>), ApiError> {
    let f = purpose_fields(b)?;
    Ok((StatusCode::CREATED, Json(purpose_out(app.create_purpose(&p, f).await?))))
}

#[utoipa::path(get, path = "/purposes/{id}", tag = "consent", params(("id" = Uuid, Path)), responses((status = 200, body = PurposeOut), Errors))]
pub(super) async fn get_purpose(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<PurposeOut>, ApiError> {
    Ok(Json(purpose_out(app.get_purpose(&p, PurposeId(id)).await?)))
}

/// Replace a purpose's definition (admin, dpo).
#[utoipa::path(put, path = "/purposes/{id}", tag = "consent", params(("id" = Uuid, Path)), request_body = PurposeIn, responses((status = 200, body = PurposeOut), (status = 409, description = "Name taken", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
pub(super) async fn update_purpose(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<PurposeIn>,
) -> Result<Json<PurposeOut>, ApiError> {
    let f = purpose_fields(b)?;
    Ok(Json(purpose_out(app.update_purpose(&p, PurposeId(id), f).await?)))
}
