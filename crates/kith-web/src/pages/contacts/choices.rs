//! The owner and company choices of the list's filters and the contact forms.

use crate::pages::names;
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::CompanyId;
use std::collections::HashMap;
use uuid::Uuid;

pub(super) struct Choice {
    pub(super) value: String,
    pub(super) label: String,
    pub(super) selected: bool,
}

/// Id → email of every staff member, and the owner choices.
pub(super) async fn owners(
    app: &App,
    s: &Session,
    selected: &str,
) -> Result<(HashMap<Uuid, String>, Vec<Choice>), AppError> {
    let map = names::staff(app, &s.principal).await?;
    let choices = names::staff_choices(&map)
        .into_iter()
        .map(|(value, label)| Choice { selected: value == selected, value, label })
        .collect();
    Ok((map, choices))
}

/// The first companies by name, for choosing one (and names for display).
pub(super) async fn companies(
    app: &App,
    s: &Session,
    selected: &str,
) -> Result<(HashMap<Uuid, String>, Vec<Choice>), AppError> {
    let page = app.list_companies(&s.principal, None, None, Some(kith_app::MAX_LIMIT)).await?;
    let listed: HashMap<Uuid, String> = page.items.iter().map(|c| (c.id.0, c.name.clone())).collect();
    let selected_id = Uuid::parse_str(selected).ok().map(CompanyId);
    let map = names::companies(app, &s.principal, selected_id.into_iter().collect(), &listed).await?;
    let mut choices: Vec<Choice> = map
        .iter()
        .map(|(id, name)| Choice { selected: id.to_string() == selected, value: id.to_string(), label: name.clone() })
        .collect();
    choices.sort_by_key(|c| c.label.to_lowercase());
    Ok((map, choices))
}
