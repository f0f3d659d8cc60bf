//! `/breaches/{id}/affected`: the people a breach affects (Art. 33(3)(a),
//! 34). A POST previews a query (count, breakdown by data category and
//! country, the authorities concerned, the first people by id) or, with
//! `freeze`, records it in the breach record with the hash of its result
//! and links the people (the Art. 34 list). For dpo and admin.

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path, Query};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kith_app::affected::FrozenQuery;
use kith_app::App;
use kith_domain::breach_query::{AffectedQuery, Breakdown, QueryInput};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

/// A query for the people a breach affects. Every dimension is optional; they combine with AND.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct AffectedQueryIn {
    /// Start of the time window (RFC 3339 or a date), inclusive.
    pub from: Option<String>,
    /// End of the time window, exclusive; must be after `from`.
    pub to: Option<String>,
    /// A staff user's id: the people whose record this user opened or exported in the window (the audit trail). Needs `from` and `to`. Without it, the window selects the people whose record existed in it.
    pub actor: Option<String>,
    /// Data categories (identity, contact, professional, financial, demographic, preferences, other, or a special category such as health): the people holding a value in a field of one of them.
    #[serde(default)]
    pub categories: Vec<String>,
    /// A recipient's id (the recipient register): the people with a basis or a given consent for a purpose it receives data for.
    pub recipient: Option<String>,
    /// ISO 3166-1 alpha-2 codes of the people's address countries.
    #[serde(default)]
    pub countries: Vec<String>,
    /// How the contacts entered Kith: manual, web_form, import or api.
    pub source: Option<String>,
    /// An import run's id: the people its passes created or updated.
    pub import_run: Option<String>,
    /// A consent form's id: the people who answered through it.
    pub form: Option<String>,
    /// List each affected country's authority even when the controller has a lead authority.
    #[serde(default)]
    pub per_country: bool,
    /// Record the query, its count, breakdown and result hash in the breach record, and link its people (the Art. 34 list). Without it, a preview.
    #[serde(default)]
    pub freeze: bool,
    /// How many people to list (0 to 200, default 50).
    pub limit: Option<i64>,
}

/// How many people of a result hold data of a category.
#[derive(Serialize, ToSchema)]
pub struct AffectedCategoryOut {
    pub category: String,
    pub label: String,
    pub people: i64,
}

/// How many people of a result live in a country (null: unknown).
#[derive(Serialize, ToSchema)]
pub struct AffectedCountryOut {
    pub country: Option<String>,
    pub people: i64,
}

/// A supervisory authority concerned by the breach.
#[derive(Serialize, ToSchema)]
pub struct AffectedAuthorityOut {
    pub country: String,
    pub name: String,
    pub website: String,
    /// The lead authority (the controller's EEA establishment).
    pub lead: bool,
    /// The affected people in its country.
    pub people: i64,
}

/// A query's result, previewed or frozen.
#[derive(Serialize, ToSchema)]
pub struct AffectedOut {
    /// How many people the query finds.
    pub people: i64,
    /// How many contacts have no breach-query facets yet (written before
    /// them or by an older server; filled in the background): when not 0
    /// the result may be incomplete.
    pub not_indexed: i64,
    pub by_category: Vec<AffectedCategoryOut>,
    pub by_country: Vec<AffectedCountryOut>,
    pub authorities: Vec<AffectedAuthorityOut>,
    /// The first people, by id (id order).
    pub first: Vec<Uuid>,
    /// The frozen query, when `freeze` was asked.
    pub frozen: Option<FrozenQueryOut>,
}

/// A query frozen into a breach record.
#[derive(Serialize, ToSchema)]
pub struct FrozenQueryOut {
    pub id: Uuid,
    pub breach_id: Uuid,
    /// The query as recorded.
    #[schema(value_type = Object)]
    pub query: serde_json::Value,
    pub people: i64,
    /// The breakdown by data category and country, with the authorities.
    #[schema(value_type = Object)]
    pub breakdown: serde_json::Value,
    /// SHA-256 (hex) of the result's ids, 16 bytes each, in ascending order.
    pub result_hash: String,
    pub frozen_by: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub frozen_at: time::OffsetDateTime,
}

pub(crate) fn frozen_out(f: FrozenQuery) -> FrozenQueryOut {
    FrozenQueryOut {
        id: f.id,
        breach_id: f.breach_id,
        query: serde_json::from_str(&f.query).unwrap_or(serde_json::Value::Null),
        people: f.people,
        breakdown: serde_json::from_str(&f.breakdown).unwrap_or(serde_json::Value::Null),
        result_hash: f.result_hash.iter().map(|b| format!("{b:02x}")).collect(),
        frozen_by: f.frozen_by.map(|u| u.0),
        frozen_at: f.frozen_at,
    }
}

fn breakdown_out(b: Breakdown, first: Vec<Uuid>, frozen: Option<FrozenQueryOut>) -> AffectedOut {
    AffectedOut {
        people: b.people,
        not_indexed: b.not_indexed,
        by_category: b
            .by_category
            .into_iter()
            .map(|c| AffectedCategoryOut {
                category: c.category.as_str().into(),
                label: c.category.label().into(),
                people: c.people,
            })
            .collect(),
        by_country: b
            .by_country
            .into_iter()
            .map(|c| AffectedCountryOut { country: c.country.map(|k| k.code().to_owned()), people: c.people })
            .collect(),
        authorities: b
            .authorities
            .into_iter()
            .map(|a| AffectedAuthorityOut {
                country: a.authority.country.into(),
                name: a.authority.name.into(),
                website: a.authority.website.into(),
                lead: a.lead,
                people: a.people,
            })
            .collect(),
        first,
        frozen,
    }
}

/// The query of a request body, checked (422 naming the field).
pub(crate) fn query_of(b: &AffectedQueryIn) -> Result<AffectedQuery, ApiError> {
    let i = QueryInput {
        from: b.from.clone(),
        to: b.to.clone(),
        actor: b.actor.clone(),
        categories: b.categories.clone(),
        recipient: b.recipient.clone(),
        countries: b.countries.clone(),
        source: b.source.clone(),
        import_run: b.import_run.clone(),
        form: b.form.clone(),
        per_country: b.per_country,
    };
    AffectedQuery::check(&i).map_err(|inv| kith_app::AppError::Invalid(inv).into())
}

/// Find the people a breach affects: a preview (count, breakdown by data category and country, authorities concerned, the first people by id), or with `freeze` the query recorded in the breach record with its count, breakdown and result hash, and its people linked to the breach (the Art. 34 list). 404 for an unknown breach; 422 naming the field for a window that ends before it starts, an unknown category, country code, source, user, recipient, form or import run.
#[utoipa::path(operation_id = "affected_query", post, path = "/breaches/{id}/affected", tag = "breaches", params(("id" = Uuid, Path)), request_body = AffectedQueryIn, responses((status = 200, description = "A preview", body = AffectedOut), (status = 201, description = "Frozen into the breach record", body = AffectedOut), Errors, BodyErrors))]
async fn query(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<AffectedQueryIn>,
) -> Result<Response, ApiError> {
    let q = query_of(&b)?;
    let limit = b.limit.unwrap_or(50);
    if !(0..=200).contains(&limit) {
        return Err(ApiError::invalid(vec![kith_domain::FieldError::new("limit", "from 0 to 200")]));
    }
    let preview = app.affected_preview(&p, id, &q, limit, false).await?;
    let first = preview.first.iter().map(|(s, _)| s.0).collect();
    if b.freeze {
        let frozen = app.affected_freeze(&p, id, &q).await?;
        // The frozen record is what counts (computed in the freezing
        // transaction); the breakdown beside it is the preview's.
        let mut out = breakdown_out(preview.breakdown, first, None);
        out.people = frozen.people;
        out.frozen = Some(frozen_out(frozen));
        return Ok((StatusCode::CREATED, Json(out)).into_response());
    }
    Ok(Json(breakdown_out(preview.breakdown, first, None)).into_response())
}

/// The queries frozen into a breach record, newest first, with their counts and result hashes.
#[utoipa::path(operation_id = "affected_frozen", get, path = "/breaches/{id}/affected", tag = "breaches", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<FrozenQueryOut>), Errors))]
async fn frozen(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<FrozenQueryOut>>, ApiError> {
    Ok(Json(app.affected_queries(&p, id).await?.into_iter().map(frozen_out).collect()))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AffectedPeopleQuery {
    /// The last id of the previous page.
    pub after: Option<Uuid>,
    /// 1 to 1000, default 100.
    pub limit: Option<i64>,
}

/// The people linked to the breach by its frozen queries (the Art. 34 list), by id, in id order. An erased person is no longer listed.
#[utoipa::path(operation_id = "affected_people", get, path = "/breaches/{id}/affected/people", tag = "breaches", params(("id" = Uuid, Path), AffectedPeopleQuery), responses((status = 200, body = Vec<Uuid>), Errors))]
async fn people(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Query(q): Query<AffectedPeopleQuery>,
) -> Result<Json<Vec<Uuid>>, ApiError> {
    let limit = q.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::invalid(vec![kith_domain::FieldError::new("limit", "from 1 to 1000")]));
    }
    Ok(Json(app.affected_people(&p, id, q.after, limit).await?.into_iter().map(|s| s.0).collect()))
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new().routes(routes!(query, frozen)).routes(routes!(people))
}
