//! Companies: the list (search by name, paging), a company's page (its
//! contacts and deals, edit) and creating one. Company data is not
//! personal, so its search text may sit in the address.

use super::form::{create_key, enc, form_token, non_blank, Errors, QueryForm, StaffForm};
use super::session::{layout, Staff};
use super::view::{contact_name_tr, DealLine, Layout};
use super::{render_status, Id, PageResult};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use axum::Router;
use kith_app::companies::{CompanyFields, CompanyPatch};
use kith_app::contacts::ContactQuery;
use kith_app::records::ContactFilter;
use kith_app::records::DealFilter;
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::CompanyId;
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new().route("/companies", get(list).post(create)).route("/companies/{id}", get(show).post(update))
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct ListParams {
    q: String,
    cursor: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct CompanyForm {
    idem: String,
    name: String,
    domain: String,
    industry: String,
    address: String,
}

struct Row {
    id: String,
    name: String,
    domain: String,
    industry: String,
}

#[derive(Template)]
#[template(path = "companies.html")]
struct ListPage {
    l: Layout,
    p: ListParams,
    rows: Vec<Row>,
    next: Option<String>,
    f: CompanyForm,
    errors: Errors,
}

async fn list_page(app: &App, s: Session, p: ListParams, f: CompanyForm, errors: Errors) -> PageResult {
    let mut list_errors = Errors::default();
    let page = match app
        .list_companies(&s.principal, non_blank(&p.q).as_deref(), non_blank(&p.cursor).as_deref(), Some(50))
        .await
    {
        Ok(page) => Some(page),
        Err(AppError::Invalid(inv)) => {
            list_errors = Errors::from_invalid(&inv);
            None
        }
        Err(e) => return Err(e.into()),
    };
    let (rows, next) = match page {
        Some(pg) => (
            pg.items
                .into_iter()
                .map(|c| Row {
                    id: c.id.to_string(),
                    name: c.name,
                    domain: c.domain.unwrap_or_default(),
                    industry: c.industry.unwrap_or_default(),
                })
                .collect(),
            pg.next_cursor.map(|n| format!("/companies?q={}&cursor={}", enc(&p.q), enc(&n))),
        ),
        None => (Vec::new(), None),
    };
    let mut errors = errors;
    errors.0.extend(list_errors.0);
    let status = errors.status();
    Ok(render_status(status, &ListPage { l: layout(&s, "companies"), p, rows, next, f, errors }))
}

async fn list(State(app): State<App>, Staff(s): Staff, QueryForm(p): QueryForm<ListParams>) -> PageResult {
    list_page(&app, s, p, CompanyForm { idem: form_token(""), ..Default::default() }, Errors::default()).await
}

fn fields(f: &CompanyForm) -> CompanyFields {
    CompanyFields {
        name: f.name.clone(),
        domain: non_blank(&f.domain),
        address: non_blank(&f.address),
        industry: non_blank(&f.industry),
    }
}

async fn create(State(app): State<App>, StaffForm { staff, form }: StaffForm<CompanyForm>) -> PageResult {
    match app.create_company(&staff.principal, fields(&form), create_key(&form.idem, "company").as_ref()).await {
        Ok(c) => Ok(Redirect::to(&format!("/companies/{}", c.id)).into_response()),
        Err(AppError::Invalid(inv)) => {
            let form = CompanyForm { idem: form_token(&form.idem), ..form };
            list_page(&app, staff, ListParams::default(), form, Errors::from_invalid(&inv)).await
        }
        Err(e) => Err(e.into()),
    }
}

struct ContactLine {
    id: String,
    name: String,
}

#[derive(Template)]
#[template(path = "company.html")]
struct CompanyPage {
    l: Layout,
    id: String,
    name: String,
    domain: String,
    industry: String,
    address: String,
    contacts: Vec<ContactLine>,
    more_contacts: bool,
    deals: Vec<DealLine>,
    f: CompanyForm,
    errors: Errors,
    edit_open: bool,
}

async fn company_page(app: &App, s: Session, id: CompanyId, form: Option<CompanyForm>, errors: Errors) -> PageResult {
    let p = &s.principal;
    let c = app.get_company(p, id).await?;
    let q = ContactQuery {
        filter: ContactFilter { company: Some(id), ..Default::default() },
        limit: Some(25),
        ..Default::default()
    };
    let contacts = app.list_contacts(p, q).await?;
    let stages = super::names::stages(app, p).await?;
    let deals = app.list_deals(p, DealFilter { company: Some(id), ..Default::default() }, None, Some(50)).await?;
    let f = form.unwrap_or_else(|| CompanyForm {
        idem: String::new(),
        name: c.name.clone(),
        domain: c.domain.clone().unwrap_or_default(),
        industry: c.industry.clone().unwrap_or_default(),
        address: c.address.clone().unwrap_or_default(),
    });
    let status = errors.status();
    let page = CompanyPage {
        l: layout(&s, "companies"),
        id: id.to_string(),
        name: c.name,
        domain: c.domain.unwrap_or_default(),
        industry: c.industry.unwrap_or_default(),
        address: c.address.unwrap_or_default(),
        more_contacts: contacts.next_cursor.is_some(),
        contacts: contacts
            .items
            .iter()
            .map(|c| ContactLine { id: c.id.to_string(), name: contact_name_tr(&s.tr, &c.data) })
            .collect(),
        deals: deals.items.into_iter().map(|d| deal_line(&s.tr, d, &stages)).collect(),
        edit_open: !errors.is_empty(),
        f,
        errors,
    };
    Ok(render_status(status, &page))
}

/// A deal in the company's list, its amount in the reader's format.
pub(super) fn deal_line(
    tr: &kith_i18n::Tr,
    d: kith_app::records::Deal,
    stages: &std::collections::HashMap<String, String>,
) -> DealLine {
    DealLine {
        id: d.id.to_string(),
        stage: super::names::stage(stages, &d.stage),
        amount: super::names::amount(tr, d.amount_minor, d.currency.as_deref()),
        title: d.title,
    }
}

async fn show(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    company_page(&app, s, CompanyId(id), None, Errors::default()).await
}

async fn update(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<CompanyForm>,
) -> PageResult {
    let id = CompanyId(id);
    let patch = CompanyPatch {
        name: Some(form.name.clone()),
        domain: Some(non_blank(&form.domain)),
        address: Some(non_blank(&form.address)),
        industry: Some(non_blank(&form.industry)),
    };
    match app.update_company(&staff.principal, id, patch).await {
        Ok(_) => Ok(Redirect::to(&format!("/companies/{id}")).into_response()),
        Err(AppError::Invalid(inv)) => company_page(&app, staff, id, Some(form), Errors::from_invalid(&inv)).await,
        Err(e) => Err(e.into()),
    }
}
