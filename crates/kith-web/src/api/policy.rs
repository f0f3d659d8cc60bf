//! `/field-policy`: the personal fields Kith may hold, and why.

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path};
use crate::problem::ApiError;
use axum::extract::State;
use kith_app::App;
use kith_domain::policy::{FieldCategory, FieldDef, FieldKind, Policy, SpecialCategory};
use kith_domain::{FieldError, PurposeId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct FieldOut {
    /// `first_name`… for built-in fields, `custom.<name>` for custom ones.
    pub key: String,
    pub label: String,
    /// Custom fields: text, number, date, choice or multi_choice.
    pub kind: Option<String>,
    /// identity, contact, professional, financial, demographic, preferences or other.
    pub category: String,
    pub purpose_ids: Vec<Uuid>,
    /// A special category (Art. 9/10), if the admin enabled one.
    pub special_category: Option<String>,
    pub special_reason: Option<String>,
    pub choices: Vec<String>,
    pub enabled: bool,
}

#[derive(Serialize, ToSchema)]
pub struct PolicyOut {
    pub version: i64,
    pub fields: Vec<FieldOut>,
}

fn policy_out(p: Policy) -> PolicyOut {
    PolicyOut {
        version: p.version,
        fields: p
            .fields
            .into_iter()
            .map(|f| FieldOut {
                key: f.key,
                label: f.label,
                kind: f.kind.map(|k| k.as_str().into()),
                category: f.category.as_str().into(),
                purpose_ids: f.purposes.iter().map(|p| p.0).collect(),
                special_category: f.special.as_ref().map(|(s, _)| s.as_str().into()),
                special_reason: f.special.map(|(_, r)| r),
                choices: f.choices,
                enabled: f.enabled,
            })
            .collect(),
    }
}

/// The field policy now.
#[utoipa::path(get, path = "/field-policy", tag = "policy", responses((status = 200, body = PolicyOut), Errors))]
async fn get_policy(State(app): State<App>, Auth(p): Auth) -> Result<Json<PolicyOut>, ApiError> {
    Ok(Json(policy_out(app.field_policy(&p).await?)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldIn {
    #[schema(min_length = 1, max_length = 80)]
    pub label: String,
    /// Custom fields: text, number, date, choice or multi_choice.
    pub kind: Option<String>,
    /// identity, contact, professional, financial, demographic, preferences or other.
    pub category: String,
    /// The purposes that need the field (at least one to enable it).
    #[serde(default)]
    pub purpose_ids: Vec<Uuid>,
    /// health, religion, political_opinion, ethnic_origin, trade_union, genetic, biometric, sex_life or criminal.
    pub special_category: Option<String>,
    /// Required with a special category: why Kith must hold it.
    pub special_reason: Option<String>,
    #[serde(default)]
    #[schema(max_items = 50)]
    pub choices: Vec<String>,
    pub enabled: bool,
}

fn word<T: Copy>(errs: &mut Vec<FieldError>, field: &str, v: &str, parse: fn(&str) -> Option<T>) -> Option<T> {
    let r = parse(v);
    if r.is_none() {
        errs.push(FieldError::new(field, "is not one of the listed values"));
    }
    r
}

/// Add or change a field (admin, dpo): a new version of the policy. A field is turned off by removing it.
#[utoipa::path(put, path = "/field-policy/fields/{key}", tag = "policy", params(("key" = String, Path)), request_body = FieldIn, responses((status = 200, body = PolicyOut), Errors, BodyErrors))]
async fn put_field(
    State(app): State<App>,
    Auth(p): Auth,
    Path(key): Path<String>,
    Json(b): Json<FieldIn>,
) -> Result<Json<PolicyOut>, ApiError> {
    let mut errs = Vec::new();
    let kind = b.kind.as_deref().and_then(|k| word(&mut errs, "kind", k, FieldKind::parse));
    let category = word(&mut errs, "category", &b.category, FieldCategory::parse);
    let special =
        b.special_category.as_deref().and_then(|s| word(&mut errs, "special_category", s, SpecialCategory::parse));
    if !errs.is_empty() {
        return Err(ApiError::invalid(errs));
    }
    let def = FieldDef {
        key,
        label: b.label,
        kind,
        category: category.unwrap_or(FieldCategory::Other),
        purposes: b.purpose_ids.into_iter().map(PurposeId).collect(),
        special: special.map(|s| (s, b.special_reason.unwrap_or_default())),
        choices: b.choices,
        enabled: b.enabled,
    };
    Ok(Json(policy_out(app.save_field(&p, def).await?)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RemoveIn {
    /// false: only count the contacts holding a value; true: remove the field and purge the values.
    #[serde(default)]
    pub confirm: bool,
}

#[derive(Serialize, ToSchema)]
pub struct RemoveOut {
    /// Contacts holding a value for the field.
    pub holders: u64,
    /// Values purged (0 unless confirmed).
    pub purged: u64,
    /// The policy version the removal made.
    pub version: Option<i64>,
}

/// Remove a field from the policy (admin, dpo): without `confirm` it counts the contacts holding a value; with it, it turns the field off and purges the values, each purge audited without the value.
#[utoipa::path(post, path = "/field-policy/fields/{key}/remove", tag = "policy", params(("key" = String, Path)), request_body = RemoveIn, responses((status = 200, body = RemoveOut), Errors, BodyErrors))]
async fn remove_field(
    State(app): State<App>,
    Auth(p): Auth,
    Path(key): Path<String>,
    Json(b): Json<RemoveIn>,
) -> Result<Json<RemoveOut>, ApiError> {
    let r = app.remove_field(&p, &key, b.confirm).await?;
    Ok(Json(RemoveOut { holders: r.holders, purged: r.purged, version: r.version }))
}

#[derive(Serialize, ToSchema)]
pub struct VersionOut {
    pub version: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
    pub actor: String,
    pub change: String,
}

/// The policy's versions, newest first (admin, dpo).
#[utoipa::path(get, path = "/field-policy/versions", tag = "policy", responses((status = 200, body = Vec<VersionOut>), Errors))]
async fn versions(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<VersionOut>>, ApiError> {
    let v = app.policy_versions(&p).await?;
    Ok(Json(
        v.into_iter().map(|v| VersionOut { version: v.version, at: v.at, actor: v.actor, change: v.change }).collect(),
    ))
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(get_policy))
        .routes(routes!(put_field))
        .routes(routes!(remove_field))
        .routes(routes!(versions))
}
