//! Saved segments: the list's filters under a name, the owner's or shared
//! with the team; each opens the list, shows its count, and (for its owner
//! or an admin) can be shared, unshared or deleted.

use super::list::ListParams;
use crate::pages::form::{NoFields, StaffForm};
use crate::pages::session::{layout, Staff};
use crate::pages::view::Layout;
use crate::pages::{render, Id, PageError, PageResult};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use kith_app::segments::SegmentQuery;
use kith_app::App;
use serde::Deserialize;
use uuid::Uuid;

struct SegmentLine {
    id: String,
    name: String,
    href: String,
    count: i64,
    shared: bool,
    mine: bool,
    /// Its owner or an admin may share, unshare and delete it.
    may_change: bool,
    updated: String,
}

#[derive(Template)]
#[template(path = "segments.html")]
struct SegmentsPage {
    l: Layout,
    segments: Vec<SegmentLine>,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct Notice {
    notice: String,
}

pub(super) async fn list(
    State(app): State<App>,
    Staff(s): Staff,
    crate::pages::form::QueryForm(n): crate::pages::form::QueryForm<Notice>,
) -> PageResult {
    let p = &s.principal;
    let mut segments = Vec::new();
    for g in app.segments(p).await? {
        let count = app.segment_count(p, g.id).await?;
        segments.push(SegmentLine {
            id: g.id.to_string(),
            href: format!("/contacts?{}", g.query),
            count,
            shared: g.shared,
            mine: g.owner == p.user,
            may_change: g.owner == p.user || p.role.can_administer(),
            updated: s.tr.date(g.updated_at),
            name: g.name,
        });
    }
    let notice = match n.notice.as_str() {
        "saved" => Some(s.tr.t("contacts-segments-saved")),
        "shared" => Some(s.tr.t("contacts-segments-sharing-changed")),
        "deleted" => Some(s.tr.t("contacts-segments-deleted")),
        _ => None,
    };
    Ok(render(&SegmentsPage { l: layout(&s, "segments"), segments, notice }))
}

#[derive(Deserialize)]
pub(super) struct SaveSegment {
    #[serde(default)]
    name: String,
    #[serde(default)]
    filter: String,
    #[serde(default)]
    shared: String,
}

/// Saves the list's current filters (the segment and the owner, tag,
/// company and source filters; dates, sort and columns are not kept).
pub(super) async fn save(State(app): State<App>, StaffForm { staff, form }: StaffForm<SaveSegment>) -> PageResult {
    let params: ListParams = serde_html_form::from_str(&form.filter).map_err(|_| PageError::bad_form())?;
    let pairs = kith_domain::segment::decode_query(&params.filter_query()).ok_or_else(PageError::bad_form)?;
    let q = SegmentQuery::parse_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(kith_app::AppError::Invalid)?;
    app.create_segment(&staff.principal, &form.name, &q.to_query(), form.shared == "1").await?;
    Ok(Redirect::to("/contacts/segments?notice=saved").into_response())
}

#[derive(Deserialize)]
pub(super) struct Share {
    #[serde(default)]
    shared: String,
}

pub(super) async fn share(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<Share>,
) -> PageResult {
    app.share_segment(&staff.principal, id, form.shared == "1").await?;
    Ok(Redirect::to("/contacts/segments?notice=shared").into_response())
}

pub(super) async fn delete(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> PageResult {
    app.delete_segment(&staff.principal, id).await?;
    Ok(Redirect::to("/contacts/segments?notice=deleted").into_response())
}
