//! The edit pages of a consent form and of a purpose.

use super::input::list;
use super::setup::{form_fields, languages, NewForm, PurposeForm};
use crate::pages::form::StaffForm;
use crate::pages::policy::word;
use crate::pages::session::{layout, Staff};
use crate::pages::view::{self, Layout};
use crate::pages::{render_status, Id, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kith_app::purposes::PurposeFields;
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::{LawfulBasis, PurposeId};
use uuid::Uuid;

#[derive(Template)]
#[template(path = "privacy_form_edit.html")]
struct EditForm {
    l: Layout,
    id: String,
    errors: Vec<String>,
    f: NewForm,
    active: bool,
    fields: Vec<(&'static str, String, bool)>,
    subs: Vec<(String, String, bool)>,
    notices: Vec<(String, String, bool)>,
    languages: Vec<(&'static str, String)>,
}

async fn edit_form_view(
    app: &App,
    s: &Session,
    id: Uuid,
    f: NewForm,
    active: bool,
    status: StatusCode,
    errors: Vec<String>,
) -> PageResult {
    let p = &s.principal;
    let tr = &s.tr;
    let page = EditForm {
        l: layout(s, "privacy"),
        id: id.to_string(),
        errors,
        fields: [("first_name", "field-first-name"), ("last_name", "field-last-name"), ("phone", "privacy-form-phone")]
            .into_iter()
            .map(|(k, id)| (k, tr.t(id), f.field.iter().any(|x| x == k)))
            .collect(),
        subs: app
            .subscription_types()
            .await?
            .into_iter()
            .map(|x| (x.id.to_string(), x.name, f.sub.contains(&x.id.to_string())))
            .collect(),
        notices: app
            .notices(p)
            .await?
            .into_iter()
            .map(|n| {
                let label = tr.t2("privacy-notice-version", "name", &n.name, "version", n.version);
                (n.id.to_string(), label, f.notice == n.id.to_string())
            })
            .collect(),
        f,
        active,
        languages: languages(),
    };
    Ok(render_status(status, &page))
}

pub(super) async fn edit_form_page(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    let form = app
        .consent_forms(&s.principal)
        .await?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or(AppError::NotFound("consent form"))?;
    let f = NewForm {
        slug: form.slug,
        title: form.title,
        intro: form.intro,
        field: form.fields,
        sub: form.subscriptions.iter().map(|u| u.to_string()).collect(),
        notice: form.notice.to_string(),
        third_parties: form.third_parties.join(", "),
        button: form.button,
        language: form.language,
        logo_url: form.logo_url.unwrap_or_default(),
        active: String::new(),
    };
    edit_form_view(&app, &s, id, f, form.active, StatusCode::OK, vec![]).await
}

pub(super) async fn save_form(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<NewForm>,
) -> PageResult {
    let active = form.active == "yes";
    let fields = match form_fields(&staff.tr, &form, active) {
        Ok(f) => f,
        Err(e) => {
            return edit_form_view(&app, &staff, id, form, active, StatusCode::UNPROCESSABLE_ENTITY, vec![e]).await
        }
    };
    match app.save_form(&staff.principal, Some(id), fields).await {
        Ok(_) => Ok(Redirect::to("/privacy/setup").into_response()),
        Err(AppError::Invalid(inv)) => {
            let msgs =
                inv.0.iter().map(|e| format!("{}: {}", view::field_label(&staff.tr, &e.field), e.message)).collect();
            edit_form_view(&app, &staff, id, form, active, StatusCode::UNPROCESSABLE_ENTITY, msgs).await
        }
        Err(AppError::Conflict(m)) => {
            edit_form_view(&app, &staff, id, form, active, StatusCode::CONFLICT, vec![m]).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "privacy_purpose_edit.html")]
struct EditPurpose {
    l: Layout,
    id: String,
    errors: Vec<String>,
    f: PurposeForm,
    bases: Vec<(&'static str, String, bool)>,
    anchors: Vec<(&'static str, String, bool)>,
    units: Vec<(&'static str, String, bool)>,
    disposals: Vec<(&'static str, String, bool)>,
}

fn purpose_view(s: &Session, id: Uuid, f: PurposeForm, status: StatusCode, errors: Vec<String>) -> PageResult {
    use kith_domain::retention::{Anchor, Disposal, PeriodUnit};
    let tr = &s.tr;
    let w = |prefix: &str, v: &'static str, chosen: &str| (v, word(tr, prefix, v), chosen == v);
    let bases = LawfulBasis::ALL.iter().map(|b| w("privacy-basis", b.as_str(), &f.default_basis)).collect();
    let anchors = Anchor::ALL.iter().map(|a| w("privacy-anchor", a.as_str(), &f.rule_anchor)).collect();
    let units = PeriodUnit::ALL.iter().map(|a| w("privacy-unit", a.as_str(), &f.rule_unit)).collect();
    let disposals = Disposal::ALL.iter().map(|a| w("privacy-disposal", a.as_str(), &f.rule_disposal)).collect();
    let page = EditPurpose { l: layout(s, "privacy"), id: id.to_string(), errors, f, bases, anchors, units, disposals };
    Ok(render_status(status, &page))
}

pub(super) async fn edit_purpose_page(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    if !s.role().can_manage_privacy() {
        return Err(AppError::Forbidden("manage purposes").into());
    }
    let p = app.get_purpose(&s.principal, PurposeId(id)).await?;
    let f = PurposeForm {
        name: p.name,
        description: p.description,
        default_basis: p.default_basis.as_str().into(),
        categories: p.data_categories.join(", "),
        retention: p.retention,
        recipients: p.recipients,
        direct_marketing: if p.direct_marketing { "yes".into() } else { String::new() },
        rule_anchor: p.rule.map(|r| r.anchor.as_str().to_owned()).unwrap_or_default(),
        rule_count: p.rule.map(|r| r.period.count.to_string()).unwrap_or_default(),
        rule_unit: p.rule.map(|r| r.period.unit.as_str().to_owned()).unwrap_or_else(|| "years".into()),
        rule_disposal: p.rule.map(|r| r.disposal.as_str().to_owned()).unwrap_or_default(),
    };
    purpose_view(&s, id, f, StatusCode::OK, vec![])
}

pub(super) async fn save_purpose(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<PurposeForm>,
) -> PageResult {
    let rule = match form.rule(&staff.tr) {
        Ok(r) => r,
        Err(AppError::Invalid(inv)) => {
            let msgs =
                inv.0.iter().map(|e| format!("{}: {}", view::field_label(&staff.tr, &e.field), e.message)).collect();
            return purpose_view(&staff, id, form, StatusCode::UNPROCESSABLE_ENTITY, msgs);
        }
        Err(e) => return Err(e.into()),
    };
    let f = PurposeFields {
        rule,
        name: form.name.clone(),
        description: form.description.clone(),
        default_basis: LawfulBasis::parse(&form.default_basis).unwrap_or(LawfulBasis::NotApplicable),
        data_categories: list(&form.categories),
        retention: form.retention.clone(),
        recipients: form.recipients.clone(),
        direct_marketing: form.direct_marketing == "yes",
    };
    match app.update_purpose(&staff.principal, PurposeId(id), f).await {
        Ok(_) => Ok(Redirect::to("/privacy/setup").into_response()),
        Err(AppError::Invalid(inv)) => {
            let msgs =
                inv.0.iter().map(|e| format!("{}: {}", view::field_label(&staff.tr, &e.field), e.message)).collect();
            purpose_view(&staff, id, form, StatusCode::UNPROCESSABLE_ENTITY, msgs)
        }
        Err(AppError::Conflict(m)) => purpose_view(&staff, id, form, StatusCode::CONFLICT, vec![m]),
        Err(e) => Err(e.into()),
    }
}
