//! The new-contact form.

use super::choices::{companies, owners, Choice};
use super::contact_form::ContactForm;
use super::custom_fields::{custom_inputs, custom_visible, errors_above, split_errors, CustomInput};
use super::visibility::Vis;
use crate::pages::form::{create_key, form_token, Errors, StaffForm};
use crate::pages::session::{layout, Staff};
use crate::pages::view::Layout;
use crate::pages::{render_status, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::policy::CUSTOM;
use std::collections::BTreeMap;

#[derive(Template)]
#[template(path = "contact_new.html")]
struct NewPage {
    l: Layout,
    vis: Vis,
    f: ContactForm,
    errors: Errors,
    other_errors: Vec<String>,
    custom: Vec<CustomInput>,
    owners: Vec<Choice>,
    companies: Vec<Choice>,
}

async fn new_form(
    app: &App,
    s: Session,
    f: ContactForm,
    errors: Errors,
    custom_errors: BTreeMap<String, String>,
) -> PageResult {
    if !s.role().can_write_crm() {
        return Err(AppError::Forbidden("create contacts").into());
    }
    let hidden = app.hidden_fields(&s.principal).await?;
    let policy = app.field_policy(&s.principal).await?;
    let custom = custom_inputs(&s.tr, &policy, s.role(), &f, &custom_errors);
    let (_, owners) = owners(app, &s, f.owner.as_deref().unwrap_or("")).await?;
    let (_, companies) = companies(app, &s, f.company.as_deref().unwrap_or("")).await?;
    let status = if custom_errors.is_empty() { errors.status() } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = NewPage {
        l: layout(&s, "contacts"),
        vis: Vis::of(&hidden),
        other_errors: errors_above(&errors, &Vis::of(&hidden).rendered(), &custom_errors, &custom, &policy),
        custom,
        f,
        errors,
        owners,
        companies,
    };
    Ok(render_status(status, &page))
}

pub(super) async fn new_page(State(app): State<App>, Staff(s): Staff) -> PageResult {
    let f = ContactForm { owner: Some(s.principal.user.to_string()), idem: form_token(""), ..Default::default() };
    new_form(&app, s, f, Errors::default(), BTreeMap::new()).await
}

pub(super) async fn create(State(app): State<App>, StaffForm { staff, form }: StaffForm<ContactForm>) -> PageResult {
    let policy = app.field_policy(&staff.principal).await?;
    let role = staff.role();
    let may_edit = |name: &str| policy.field(&format!("{CUSTOM}{name}")).is_none_or(|d| custom_visible(role, d));
    let result = match form.new_contact(&staff.tr, may_edit) {
        Ok(n) => app.create_contact(&staff.principal, n, create_key(&form.idem, "contact").as_ref()).await,
        Err(inv) => Err(AppError::Invalid(inv)),
    };
    match result {
        Ok(c) => Ok(Redirect::to(&format!("/contacts/{}?notice=created", c.id)).into_response()),
        Err(AppError::Invalid(inv)) => {
            let (errors, custom_errors) = split_errors(&inv);
            new_form(&app, staff, form, errors, custom_errors).await
        }
        Err(e) => Err(e.into()),
    }
}
