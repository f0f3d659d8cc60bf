//! Saved views: a name for the list's filters, sort and columns.

use super::list::ListParams;
use crate::pages::form::{NoFields, StaffForm};
use crate::pages::{Id, PageError, PageResult};
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use kith_app::App;
use serde::Deserialize;
use uuid::Uuid;

#[derive(Deserialize)]
pub(super) struct SaveView {
    #[serde(default)]
    name: String,
    #[serde(default)]
    filter: String,
}

pub(super) async fn save_view(State(app): State<App>, StaffForm { staff, form }: StaffForm<SaveView>) -> PageResult {
    // Re-built from parsed parameters: whatever was posted, only filters,
    // sort and columns are kept.
    let params: ListParams = serde_html_form::from_str(&form.filter).map_err(|_| PageError::bad_form())?;
    let query = params.filter_query();
    app.save_view(&staff.principal, &form.name, &query).await?;
    let sep = if query.is_empty() { "" } else { "&" };
    Ok(Redirect::to(&format!("/contacts?{query}{sep}notice=view-saved")).into_response())
}

pub(super) async fn delete_view(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> PageResult {
    app.delete_view(&staff.principal, id).await?;
    Ok(Redirect::to("/contacts?notice=view-deleted").into_response())
}
