//! Lawful bases on contacts: one contact's, and many at once.

use super::input::{basis, done, time_field, word, Rfc3339};
use super::selection::{selection, SelectionIn};
use crate::api::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::bulk::BulkAction;
use kith_app::consent::BasisAssignment;
use kith_app::records::BasisRecord;
use kith_app::App;
use kith_domain::consent::BasisSource;
use kith_domain::{Invalid, LawfulBasis, PurposeId, SubjectId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct BasisOut {
    pub purpose_id: Uuid,
    pub basis: String,
    /// web_form, import, manual or api_client.
    pub source: String,
    pub source_name: Option<String>,
    pub lia_ref: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub effective_at: time::OffsetDateTime,
    /// When the contract (or other basis) ends, if known.
    #[serde(with = "time::serde::rfc3339::option")]
    pub ends_at: Option<time::OffsetDateTime>,
    pub set_by: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub set_at: time::OffsetDateTime,
}

fn basis_out(b: BasisRecord) -> BasisOut {
    BasisOut {
        purpose_id: b.purpose.0,
        basis: b.basis.as_str().into(),
        source: b.source.as_str().into(),
        source_name: b.source_name,
        lia_ref: b.lia_ref,
        effective_at: b.effective_at,
        ends_at: b.ends_at,
        set_by: b.set_by.map(|u| u.0),
        set_at: b.set_at,
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BasisIn {
    pub purpose_id: Uuid,
    pub basis: String,
    /// web_form, import, manual or api_client.
    pub source: String,
    /// The form, file or API client (required unless manual).
    pub source_name: Option<String>,
    /// Reference to the legitimate-interest assessment (required for legitimate_interests).
    pub lia_ref: Option<String>,
    /// RFC 3339; defaults to now.
    pub effective_at: Option<String>,
    /// RFC 3339: when the contract (or other basis) ends, if known — the
    /// anchor of retention rules that run from the end of the contract.
    pub ends_at: Option<String>,
}

fn assignment(b: &BasisIn) -> Result<BasisAssignment, ApiError> {
    let mut inv = Invalid::default();
    let l = basis(&mut inv, "basis", &b.basis);
    let s = word(&mut inv, "source", &b.source, BasisSource::parse, BasisSource::ALL, BasisSource::as_str);
    let at = time_field(&mut inv, "effective_at", b.effective_at.as_deref());
    let ends_at = time_field(&mut inv, "ends_at", b.ends_at.as_deref());
    done(inv)?;
    Ok(BasisAssignment {
        purpose: PurposeId(b.purpose_id),
        basis: l.unwrap_or(LawfulBasis::NotApplicable),
        source: s.unwrap_or(BasisSource::Manual),
        source_name: b.source_name.clone(),
        lia_ref: b.lia_ref.clone(),
        effective_at: at,
        ends_at,
    })
}

/// Set the lawful basis of a contact for a purpose.
#[utoipa::path(put, path = "/contacts/{id}/bases", tag = "consent", params(("id" = Uuid, Path)), request_body = BasisIn, responses((status = 204, description = "Recorded"), Errors, BodyErrors))]
pub(super) async fn set_basis(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<BasisIn>,
) -> Result<StatusCode, ApiError> {
    app.set_basis(&p, SubjectId(id), &assignment(&b)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BulkBasisIn {
    pub selection: SelectionIn,
    /// The basis to record on each selected contact.
    pub basis: BasisIn,
    /// Only count the contacts; change nothing.
    #[serde(default)]
    pub dry_run: bool,
}

#[derive(Serialize, ToSchema)]
pub struct CountOut {
    pub count: u64,
}

/// Set a basis on many contacts at once (≤ 50,000, all or nothing); `dry_run` previews the count.
#[utoipa::path(post, path = "/bases/bulk", tag = "consent", request_body = BulkBasisIn, responses((status = 200, body = CountOut), (status = 409, description = "A contact changed at the same moment; retry", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
pub(super) async fn bulk_basis(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<BulkBasisIn>,
) -> Result<Json<CountOut>, ApiError> {
    let action = BulkAction::SetBasis(assignment(&b.basis)?);
    let sel = selection(&app, b.selection).await?;
    let count =
        if b.dry_run { app.bulk_count(&p, &sel, &action).await? } else { app.bulk_apply(&p, &sel, &action).await? };
    Ok(Json(CountOut { count }))
}

/// The contact's lawful bases (purposes without one are not applicable).
#[utoipa::path(get, path = "/contacts/{id}/bases", tag = "consent", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<BasisOut>), Errors))]
pub(super) async fn list_bases(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<BasisOut>>, ApiError> {
    let s = app.permissions(&p, SubjectId(id), Rfc3339::now_utc()).await?;
    Ok(Json(s.into_iter().filter_map(|s| s.basis).map(basis_out).collect()))
}
