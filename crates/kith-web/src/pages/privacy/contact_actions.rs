//! What staff record from a contact's privacy panel: lawful bases,
//! consent by phone or paper, restriction, holds, reviews, objections, and
//! the consent receipt download.

use super::input::{blank, purpose_id};
use crate::pages::form::StaffForm;
use crate::pages::session::Staff;
use crate::pages::{Id, PageError, PageResult};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kith_app::consent::{BasisAssignment, ConsentInput};
use kith_app::App;
use kith_domain::consent::BasisSource;
use kith_domain::{Channel, ConsentAction, ConsentMethod, LawfulBasis, PurposeId, SubjectId};
use serde::Deserialize;
use uuid::Uuid;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct BasisForm {
    purpose: String,
    basis: String,
    lia_ref: String,
    /// `YYYY-MM-DD`: when the contract (or other basis) ends, if known.
    ends_on: String,
}

pub(super) async fn set_basis(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<BasisForm>,
) -> PageResult {
    let basis = LawfulBasis::parse(&form.basis).ok_or_else(|| {
        PageError::new(StatusCode::UNPROCESSABLE_ENTITY, "Please check the input", "Choose a lawful basis.")
    })?;
    let ends_at = match form.ends_on.trim() {
        "" => None,
        d => Some(
            time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]"))
                .map_err(|_| {
                    PageError::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "Please check the input",
                        "The end date must be a date such as 2027-06-30.",
                    )
                })?
                .midnight()
                .assume_utc(),
        ),
    };
    let a = BasisAssignment {
        purpose: purpose_id(&form.purpose)?,
        basis,
        source: BasisSource::Manual,
        source_name: None,
        lia_ref: blank(&form.lia_ref),
        effective_at: None,
        ends_at,
    };
    app.set_basis(&staff.principal, SubjectId(id), &a).await?;
    Ok(Redirect::to(&format!("/contacts/{id}#privacy")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ConsentForm {
    purpose: String,
    action: String,
    method: String,
    channel: Vec<String>,
    affirmative_act: String,
    evidence_ref: String,
}

pub(super) async fn record_consent(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<ConsentForm>,
) -> PageResult {
    let c = ConsentInput {
        purpose: Some(purpose_id(&form.purpose)?),
        action: ConsentAction::parse(&form.action),
        channels: form.channel.iter().filter_map(|c| Channel::parse(c)).collect(),
        method: ConsentMethod::parse(&form.method),
        affirmative_act: blank(&form.affirmative_act),
        evidence_ref: blank(&form.evidence_ref),
        ..Default::default()
    };
    app.record_consent(&staff.principal, SubjectId(id), c).await?;
    Ok(Redirect::to(&format!("/contacts/{id}#privacy")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct RestrictionForm {
    /// `on` restricts, anything else lifts.
    restrict: String,
}

pub(super) async fn set_restriction(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<RestrictionForm>,
) -> PageResult {
    if form.restrict == "on" {
        app.restrict(&staff.principal, SubjectId(id)).await?;
    } else {
        app.lift_restriction(&staff.principal, SubjectId(id)).await?;
    }
    Ok(Redirect::to(&format!("/contacts/{id}#privacy")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct HoldForm {
    /// `place` or `release`.
    action: String,
    reason: String,
    /// `YYYY-MM-DD`.
    review_on: String,
}

pub(super) async fn set_hold(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<HoldForm>,
) -> PageResult {
    if form.action == "release" {
        app.release_hold(&staff.principal, SubjectId(id)).await?;
    } else {
        let date = time::Date::parse(form.review_on.trim(), time::macros::format_description!("[year]-[month]-[day]"))
            .map_err(|_| {
                PageError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "Please check the input",
                    "The review date must be a date such as 2027-06-30.",
                )
            })?;
        app.set_hold(&staff.principal, SubjectId(id), &form.reason, date).await?;
    }
    Ok(Redirect::to(&format!("/contacts/{id}#privacy")).into_response())
}

pub(super) async fn mark_reviewed(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, .. }: StaffForm<HoldForm>,
) -> PageResult {
    app.mark_reviewed(&staff.principal, SubjectId(id)).await?;
    Ok(Redirect::to(&format!("/contacts/{id}#privacy")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ObjectForm {
    purpose: String,
    decision: String,
}

pub(super) async fn object(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<ObjectForm>,
) -> PageResult {
    app.record_objection(&staff.principal, SubjectId(id), purpose_id(&form.purpose)?).await?;
    Ok(Redirect::to(&format!("/contacts/{id}#privacy")).into_response())
}

pub(super) async fn decide(
    State(app): State<App>,
    Id((id, purpose)): Id<(Uuid, Uuid)>,
    StaffForm { staff, form }: StaffForm<ObjectForm>,
) -> PageResult {
    let decision = match kith_domain::ObjectionDecision::parse(&form.decision) {
        Some(d @ (kith_domain::ObjectionDecision::Upheld | kith_domain::ObjectionDecision::Overridden)) => d,
        _ => {
            return Err(PageError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "Please check the input",
                "Choose upheld or overridden.",
            ))
        }
    };
    app.decide_objection(&staff.principal, SubjectId(id), PurposeId(purpose), decision).await?;
    Ok(Redirect::to(&format!("/contacts/{id}#privacy")).into_response())
}

/// A consent receipt as a JSON download (reading it is audited).
pub(super) async fn receipt(State(app): State<App>, Staff(s): Staff, Id((id, seq)): Id<(Uuid, i64)>) -> PageResult {
    let r = app.consent_receipt(&s.principal, SubjectId(id), seq).await?;
    Ok(([(axum::http::header::CONTENT_DISPOSITION, "attachment; filename=\"consent-receipt.json\"")], axum::Json(r))
        .into_response())
}
