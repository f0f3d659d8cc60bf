//! Which contacts a bulk change or a campaign is for: picked one by one,
//! or every contact matching filters.

use crate::api::parse_time;
use crate::problem::ApiError;
use kith_app::bulk::Selection;
use kith_app::contacts::ContactQuery;
use kith_app::records::ContactFilter;
use kith_domain::{CompanyId, FieldError, SubjectId, UserId};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SelectionIn {
    /// Contacts picked one by one…
    pub contact_ids: Option<Vec<Uuid>>,
    /// …or every contact matching these filters.
    pub filter: Option<FilterIn>,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct FilterIn {
    pub owner_id: Option<Uuid>,
    pub tag: Option<String>,
    pub company_id: Option<Uuid>,
    pub created_from: Option<String>,
    pub created_to: Option<String>,
}

pub(super) fn selection(s: SelectionIn) -> Result<Selection, ApiError> {
    match (s.contact_ids, s.filter) {
        (Some(ids), None) => Ok(Selection::Ids(ids.into_iter().map(SubjectId).collect())),
        (None, Some(f)) => {
            let filter = ContactFilter {
                owner: f.owner_id.map(UserId),
                tag: f.tag,
                company: f.company_id.map(CompanyId),
                created_from: parse_time("filter.created_from", f.created_from.as_deref())?,
                created_to: parse_time("filter.created_to", f.created_to.as_deref())?,
                ..Default::default()
            };
            Ok(Selection::Matching(Box::new(ContactQuery { filter, ..Default::default() })))
        }
        _ => Err(ApiError::invalid(vec![FieldError::new("selection", "give either contact_ids or filter")])),
    }
}
