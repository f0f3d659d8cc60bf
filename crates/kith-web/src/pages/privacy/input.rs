//! Reading the privacy forms' input.

use crate::pages::PageError;
use axum::http::StatusCode;
use kith_domain::PurposeId;
use uuid::Uuid;

pub(super) fn purpose_id(s: &str) -> Result<PurposeId, PageError> {
    Uuid::parse_str(s)
        .map(PurposeId)
        .map_err(|_| PageError::new(StatusCode::UNPROCESSABLE_ENTITY, "Please check the input", "Choose a purpose."))
}

pub(super) fn blank(s: &str) -> Option<String> {
    Some(s.trim().to_owned()).filter(|s| !s.is_empty())
}

pub(super) fn list(s: &str) -> Vec<String> {
    s.split(',').map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned).collect()
}
