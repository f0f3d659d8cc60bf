//! Which contacts a bulk change or a campaign is for: picked one by one,
//! or every contact matching filters.

use crate::api::parse_time;
use crate::problem::ApiError;
use kith_app::bulk::Selection;
use kith_app::contacts::ContactQuery;
use kith_app::records::ContactFilter;
use kith_app::{App, AppError};
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
    /// Segment conditions as a query string, the keys `GET /contacts`
    /// reads (e.g. `may=<purpose id>:email&restricted=0`).
    #[schema(max_length = 4000)]
    pub segment: Option<String>,
}

pub(super) async fn selection(app: &App, s: SelectionIn) -> Result<Selection, ApiError> {
    match (s.contact_ids, s.filter) {
        (Some(ids), None) => Ok(Selection::Ids(ids.into_iter().map(SubjectId).collect())),
        (None, Some(f)) => {
            let filter = ContactFilter {
                owner: f.owner_id.map(UserId),
                tag: f.tag,
                company: f.company_id.map(CompanyId),
                created_from: parse_time("filter.created_from", f.created_from.as_deref())?,
                created_to: parse_time("filter.created_to", f.created_to.as_deref())?,
                segment: match f.segment.as_deref() {
                    Some(q) => checked_segment(app, q).await?,
                    None => None,
                },
                ..Default::default()
            };
            Ok(Selection::Matching(Box::new(ContactQuery { filter, ..Default::default() })))
        }
        _ => Err(ApiError::invalid(vec![FieldError::new("selection", "give either contact_ids or filter")])),
    }
}

/// The segment of a selection, parsed and checked: a condition about a
/// purpose that does not exist is refused (naming `filter.segment.<key>`)
/// rather than matching everyone through a `NOT EXISTS`.
async fn checked_segment(app: &App, q: &str) -> Result<Option<kith_app::records::SegmentAt>, ApiError> {
    let seg = crate::api::segments::parse_segment("filter.segment", q)?;
    if let Some(s) = &seg {
        app.check_segment(&s.segment).await.map_err(|e| match e {
            AppError::Invalid(i) => ApiError::invalid(
                i.0.into_iter().map(|f| FieldError::new(format!("filter.segment.{}", f.field), f.message)).collect(),
            ),
            e => e.into(),
        })?;
    }
    Ok(seg)
}
