//! `/compliance/summary`: per purpose, contacts per basis and per consent
//! state.

use crate::api::Errors;
use crate::extract::{Auth, Json};
use crate::problem::ApiError;
use axum::extract::State;
use kith_app::App;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct SummaryOut {
    pub contacts: i64,
    pub purposes: Vec<PurposeSummaryOut>,
}

#[derive(Serialize, ToSchema)]
pub struct PurposeSummaryOut {
    pub purpose_id: Uuid,
    pub name: String,
    /// Contacts per lawful basis (not_applicable = none recorded).
    pub bases: std::collections::BTreeMap<String, i64>,
    /// Per channel, contacts per consent state.
    pub consent: std::collections::BTreeMap<String, std::collections::BTreeMap<String, i64>>,
}

/// Per purpose: contacts per basis and per consent state.
#[utoipa::path(get, path = "/compliance/summary", tag = "consent", responses((status = 200, body = SummaryOut), Errors))]
pub(super) async fn summary(State(app): State<App>, Auth(p): Auth) -> Result<Json<SummaryOut>, ApiError> {
    let s = app.compliance_summary(&p).await?;
    Ok(Json(SummaryOut {
        contacts: s.contacts,
        purposes: s
            .purposes
            .into_iter()
            .map(|(pu, b, c)| PurposeSummaryOut {
                purpose_id: pu.id.0,
                name: pu.name,
                bases: b.into_iter().map(|(k, v)| (k.as_str().to_owned(), v)).collect(),
                consent: c
                    .into_iter()
                    .map(|(ch, m)| (ch.as_str().to_owned(), m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
                    .collect(),
            })
            .collect(),
    }))
}
