//! Consent setup: purposes, notices, subscription types and public forms.

use super::input::{blank, list, purpose_id};
use crate::pages::form::StaffForm;
use crate::pages::policy::word;
use crate::pages::session::{layout, Staff};
use crate::pages::view::{self, Layout};
use crate::pages::{render_status, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kith_app::purposes::{FormFields, NoticeFields, PurposeFields, SubscriptionFields};
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::{Channel, LawfulBasis, PurposeId};
use serde::Deserialize;
use uuid::Uuid;

#[derive(Template)]
#[template(path = "privacy_setup.html")]
struct Setup {
    l: Layout,
    errors: Vec<String>,
    purposes: Vec<(String, String, String)>,
    notices: Vec<(String, String, i64, String)>,
    subs: Vec<(String, String, String)>,
    forms: Vec<(String, String, bool, String)>,
    bases: Vec<(&'static str, String)>,
    /// The languages a notice or form may be in: code, its own name.
    languages: Vec<(&'static str, String)>,
}

/// Every shipped language, by its own name.
pub(super) fn languages() -> Vec<(&'static str, String)> {
    kith_i18n::languages().iter().map(|l| (*l, kith_i18n::language_name(l))).collect()
}

async fn setup_page(app: &App, s: &Session, status: StatusCode, errors: Vec<String>) -> PageResult {
    let p = &s.principal;
    let tr = &s.tr;
    if !s.role().can_manage_privacy() {
        return Err(AppError::Forbidden("manage consent setup").into());
    }
    let purposes = app.purposes(p).await?;
    let name_of = |id: PurposeId| purposes.iter().find(|x| x.id == id).map(|x| x.name.clone()).unwrap_or_default();
    let page = Setup {
        l: layout(s, "privacy"),
        errors,
        notices: app.notices(p).await?.into_iter().map(|n| (n.id.to_string(), n.name, n.version, n.language)).collect(),
        subs: app
            .subscription_types()
            .await?
            .into_iter()
            .map(|x| (x.id.to_string(), x.name, name_of(x.purpose)))
            .collect(),
        forms: app.consent_forms(p).await?.into_iter().map(|f| (f.slug, f.title, f.active, f.id.to_string())).collect(),
        purposes: purposes
            .iter()
            .map(|x| (x.id.to_string(), x.name.clone(), word(tr, "privacy-basis", x.default_basis.as_str())))
            .collect(),
        bases: LawfulBasis::ALL.iter().map(|b| (b.as_str(), word(tr, "privacy-basis", b.as_str()))).collect(),
        languages: languages(),
    };
    Ok(render_status(status, &page))
}

pub(super) async fn setup(State(app): State<App>, Staff(s): Staff) -> PageResult {
    setup_page(&app, &s, StatusCode::OK, vec![]).await
}

/// Re-shows the setup page with the refusal, or goes back to it.
async fn after(app: &App, s: &Session, r: Result<(), AppError>) -> PageResult {
    match r {
        Ok(()) => Ok(Redirect::to("/privacy/setup").into_response()),
        Err(AppError::Invalid(inv)) => {
            let msgs = inv.0.iter().map(|e| format!("{}: {}", view::field_label(&s.tr, &e.field), e.message)).collect();
            setup_page(app, s, StatusCode::UNPROCESSABLE_ENTITY, msgs).await
        }
        Err(AppError::Conflict(m)) => setup_page(app, s, StatusCode::CONFLICT, vec![m]).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct PurposeForm {
    pub(super) name: String,
    pub(super) description: String,
    pub(super) default_basis: String,
    pub(super) categories: String,
    pub(super) retention: String,
    pub(super) recipients: String,
    /// `yes` when ticked.
    pub(super) direct_marketing: String,
    /// The retention rule's words (all blank: no rule).
    pub(super) rule_anchor: String,
    pub(super) rule_count: String,
    pub(super) rule_unit: String,
    pub(super) rule_disposal: String,
}

impl PurposeForm {
    pub(super) fn rule(&self, tr: &kith_i18n::Tr) -> Result<Option<kith_domain::retention::Rule>, AppError> {
        let count = match self.rule_count.trim() {
            "" => None,
            n => Some(
                n.parse::<i64>()
                    .map_err(|_| kith_domain::Invalid::one("retention_period", tr.t("privacy-whole-number")))?,
            ),
        };
        Ok(kith_app::retention::rule_from(
            Some(&self.rule_anchor),
            count,
            Some(&self.rule_unit),
            Some(&self.rule_disposal),
        )?)
    }
}

pub(super) async fn add_purpose(
    State(app): State<App>,
    StaffForm { staff, form }: StaffForm<PurposeForm>,
) -> PageResult {
    let rule = match form.rule(&staff.tr) {
        Ok(r) => r,
        Err(e) => return after(&app, &staff, Err(e)).await,
    };
    let f = PurposeFields {
        rule,
        name: form.name,
        description: form.description,
        default_basis: LawfulBasis::parse(&form.default_basis).unwrap_or(LawfulBasis::NotApplicable),
        data_categories: list(&form.categories),
        retention: form.retention,
        recipients: form.recipients,
        direct_marketing: form.direct_marketing == "yes",
    };
    let r = app.create_purpose(&staff.principal, f).await.map(|_| ());
    after(&app, &staff, r).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct NoticeForm {
    name: String,
    language: String,
    url: String,
    body: String,
}

pub(super) async fn add_notice(State(app): State<App>, StaffForm { staff, form }: StaffForm<NoticeForm>) -> PageResult {
    let f = NoticeFields { name: form.name, language: form.language, url: blank(&form.url), body: form.body };
    let r = app.create_notice(&staff.principal, f).await.map(|_| ());
    after(&app, &staff, r).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct SubForm {
    name: String,
    description: String,
    purpose: String,
    channel: Vec<String>,
}

pub(super) async fn add_subscription(
    State(app): State<App>,
    StaffForm { staff, form }: StaffForm<SubForm>,
) -> PageResult {
    let f = SubscriptionFields {
        name: form.name,
        description: form.description,
        purpose: purpose_id(&form.purpose)?,
        channels: form.channel.iter().filter_map(|c| Channel::parse(c)).collect(),
    };
    let r = app.create_subscription_type(&staff.principal, f).await.map(|_| ());
    after(&app, &staff, r).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct NewForm {
    pub(super) slug: String,
    pub(super) title: String,
    pub(super) intro: String,
    pub(super) field: Vec<String>,
    pub(super) sub: Vec<String>,
    pub(super) notice: String,
    pub(super) third_parties: String,
    pub(super) button: String,
    pub(super) language: String,
    pub(super) logo_url: String,
    /// `yes` when the "active" box is ticked (edit page).
    pub(super) active: String,
}

/// The form's fields as the app takes them, or why they cannot be read.
pub(super) fn form_fields(tr: &kith_i18n::Tr, form: &NewForm, active: bool) -> Result<FormFields, String> {
    let bad = || tr.t("privacy-setup-bad-form");
    Ok(FormFields {
        slug: form.slug.trim().to_owned(),
        title: form.title.clone(),
        intro: form.intro.clone(),
        logo_url: blank(&form.logo_url),
        fields: form.field.clone(),
        subscriptions: form.sub.iter().map(|s| Uuid::parse_str(s)).collect::<Result<_, _>>().map_err(|_| bad())?,
        notice: Uuid::parse_str(&form.notice).map_err(|_| bad())?,
        third_parties: list(&form.third_parties),
        button: form.button.clone(),
        language: form.language.clone(),
        active,
    })
}

pub(super) async fn add_form(State(app): State<App>, StaffForm { staff, form }: StaffForm<NewForm>) -> PageResult {
    let f = match form_fields(&staff.tr, &form, true) {
        Ok(f) => f,
        Err(e) => return setup_page(&app, &staff, StatusCode::UNPROCESSABLE_ENTITY, vec![e]).await,
    };
    let r = app.save_form(&staff.principal, None, f).await.map(|_| ());
    after(&app, &staff, r).await
}
