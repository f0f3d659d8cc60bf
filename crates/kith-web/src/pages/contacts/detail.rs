//! A contact's page: details, the edit form, the timeline, deals and the
//! privacy panel.

use super::choices::{companies, owners, Choice};
use super::contact_form::ContactForm;
use super::custom_fields::{custom_inputs, errors_above, CustomInput};
use super::visibility::Vis;
use crate::pages::form::{Errors, QueryForm};
use crate::pages::names;
use crate::pages::session::{layout, Staff};
use crate::pages::view::{self, contact_name_tr, DealLine, Layout};
use crate::pages::Id;
use crate::pages::{render_status, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::records;
use kith_app::sessions::Session;
use kith_app::timeline::TimelineItem;
use kith_app::App;
use kith_domain::policy::CUSTOM;
use kith_domain::SubjectId;
use serde::Deserialize;
use std::collections::BTreeMap;
use uuid::Uuid;

struct Shown {
    name: String,
    emails: Vec<String>,
    phones: Vec<String>,
    address: Vec<String>,
    job_title: String,
    notes: String,
    company: String,
    company_id: String,
    owner: String,
    tags: Vec<String>,
    created: String,
    updated: String,
    /// Where the contact came from, in words, with who and when.
    source: String,
    /// Custom fields: label and value.
    custom: Vec<(String, String)>,
    /// The field policy version the fields were last written under, in words.
    policy_version: String,
}

struct Event {
    /// RFC 3339, for `<time datetime>`.
    iso: String,
    when: String,
    kind: String,
    text: String,
    link: String,
}

#[derive(Template)]
#[template(path = "contact.html")]
struct ContactPage {
    l: Layout,
    id: String,
    c: Shown,
    vis: Vis,
    f: ContactForm,
    errors: Errors,
    other_errors: Vec<String>,
    /// Inputs for the custom fields the policy allows and the role sees.
    custom: Vec<CustomInput>,
    edit_open: bool,
    owners: Vec<Choice>,
    companies: Vec<Choice>,
    events: Vec<Event>,
    deals: Vec<DealLine>,
    note_kind: String,
    note_body: String,
    note_error: Option<String>,
    note_idem: String,
    notice: Option<String>,
    can_delete: bool,
    /// Deleting erases at once (otherwise it files an erasure request).
    deletes_directly: bool,
    privacy: crate::pages::privacy::Panel,
    /// When a mail server refused one of the person's addresses for good.
    undeliverable: Vec<String>,
    /// The lawful bases: value and name, for the basis form.
    bases: Vec<(&'static str, String)>,
}

#[derive(Default)]
pub(super) struct PageState {
    pub(super) form: Option<ContactForm>,
    pub(super) errors: Errors,
    /// Errors about custom fields, by name.
    pub(super) custom_errors: BTreeMap<String, String>,
    /// Kind, text, idempotency token and error of a refused quick-add.
    pub(super) note: Option<(String, String, String, String)>,
    pub(super) notice: Option<String>,
}

pub(super) async fn contact_page(app: &App, s: Session, id: SubjectId, st: PageState) -> PageResult {
    let p = &s.principal;
    let c = app.get_contact(p, id).await?;
    let hidden = app.hidden_fields(p).await?;
    let vis = Vis::of(&hidden);
    let policy = app.field_policy(p).await?;
    let f = st.form.unwrap_or_else(|| ContactForm::of(&c));
    let custom = custom_inputs(&s.tr, &policy, p.role, &f, &st.custom_errors);
    let (owner_map, owners) = owners(app, &s, f.owner.as_deref().unwrap_or("")).await?;
    let (company_map, companies) = companies(app, &s, f.company.as_deref().unwrap_or("")).await?;
    let stages = names::stages(app, p).await?;
    let stage_name = |k: &str| names::stage(&stages, k);
    let events = app
        .contact_timeline(p, id, 50)
        .await?
        .into_iter()
        .map(|e| match e {
            TimelineItem::Interaction(i) => Event {
                iso: view::iso(i.occurred_at),
                when: s.tr.date_time(i.occurred_at),
                kind: names::word(&s.tr, "event", i.kind.as_str()),
                text: if vis.bodies { i.body } else { s.tr.t("contacts-text-hidden") },
                link: String::new(),
            },
            TimelineItem::DealStage { deal, title, change } => Event {
                iso: view::iso(change.changed_at),
                when: s.tr.date_time(change.changed_at),
                kind: s.tr.t("contacts-event-deal"),
                text: match change.from {
                    Some(from) => s.tr.t3(
                        "contacts-deal-moved",
                        "title",
                        &title,
                        "from",
                        stage_name(&from),
                        "to",
                        stage_name(&change.to),
                    ),
                    None => s.tr.t2("contacts-deal-created", "title", &title, "stage", stage_name(&change.to)),
                },
                link: format!("/deals/{deal}"),
            },
        })
        .collect();
    let deals = app
        .list_deals(p, records::DealFilter { contact: Some(id), ..Default::default() }, None, Some(20))
        .await?
        .items
        .into_iter()
        .map(|d| crate::pages::companies::deal_line(&s.tr, d, &stages))
        .collect();
    let d = &c.data;
    let address = d
        .address
        .as_ref()
        .map(|a| {
            let line2 =
                [a.postal_code.as_deref(), a.city.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
            [a.street.clone(), Some(line2), a.region.clone(), a.country.clone()]
                .into_iter()
                .flatten()
                .filter(|l| !l.trim().is_empty())
                .collect()
        })
        .unwrap_or_default();
    let shown = Shown {
        name: contact_name_tr(&s.tr, d),
        emails: d.emails.iter().map(|e| e.as_str().to_owned()).collect(),
        phones: d.phones.iter().map(|p| p.as_str().to_owned()).collect(),
        address,
        job_title: d.job_title.clone().unwrap_or_default(),
        notes: d.notes.clone().unwrap_or_default(),
        custom: d
            .custom
            .iter()
            .map(|(k, v)| {
                let label = policy.field(&format!("{CUSTOM}{k}")).map(|f| f.label.clone());
                (label.unwrap_or_else(|| k.replace('_', " ")), v.clone())
            })
            .collect(),
        policy_version: match c.policy_version {
            Some(v) => s.tr.t1("contacts-policy-version", "version", v.to_string()),
            None => s.tr.t("contacts-policy-none"),
        },
        company: c.company.and_then(|co| company_map.get(&co.0).cloned()).unwrap_or_default(),
        company_id: c.company.map(|co| co.to_string()).unwrap_or_default(),
        owner: c.owner.and_then(|o| owner_map.get(&o.0).cloned()).unwrap_or_default(),
        tags: c.tags.clone(),
        created: s.tr.date_time(c.created_at),
        updated: s.tr.date_time(c.updated_at),
        source: match &c.source {
            Some(src) => {
                let by = src.user.and_then(|u| owner_map.get(&u.0).cloned());
                let what = describe(&s.tr, src);
                match by {
                    Some(who) => {
                        s.tr.t3("contacts-source-by", "what", what, "who", who, "when", s.tr.date_time(src.at))
                    }
                    None => s.tr.t2("contacts-source-at", "what", what, "when", s.tr.date_time(src.at)),
                }
            }
            None => s.tr.t("contacts-source-none"),
        },
    };
    let (note_kind, note_body, note_idem, note_error) = match st.note {
        Some((k, b, i, e)) => (k, b, i, Some(e)),
        None => ("note".into(), String::new(), kith_app::new_secret(), None),
    };
    let form_ok = st.errors.is_empty() && st.custom_errors.is_empty();
    let status = if form_ok && note_error.is_none() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = ContactPage {
        l: layout(&s, "contacts"),
        id: id.to_string(),
        c: shown,
        vis,
        other_errors: errors_above(&st.errors, &vis.rendered(), &st.custom_errors, &custom, &policy),
        custom,
        edit_open: !form_ok,
        errors: st.errors,
        f,
        owners,
        companies,
        events,
        deals,
        note_kind,
        note_body,
        note_error,
        note_idem,
        notice: st.notice,
        can_delete: s.role().can_delete_contacts(),
        deletes_directly: s.role().can_manage_privacy() || app.deletes_directly(s.role()).await?,
        privacy: crate::pages::privacy::panel(app, &s.principal, &s.tr, id).await?,
        bases: kith_domain::LawfulBasis::ALL
            .iter()
            .map(|b| (b.as_str(), names::word(&s.tr, "basis", b.as_str())))
            .collect(),
        undeliverable: app.undeliverable(&s.principal, id).await?.into_iter().map(|u| s.tr.date_time(u.at)).collect(),
    };
    Ok(render_status(status, &page))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct Notice {
    notice: String,
}

pub(super) async fn show(
    State(app): State<App>,
    Staff(s): Staff,
    Id(id): Id<Uuid>,
    QueryForm(n): QueryForm<Notice>,
) -> PageResult {
    let notice = match n.notice.as_str() {
        "saved" => Some(s.tr.t("contacts-saved")),
        "created" => Some(s.tr.t("contacts-created-notice")),
        "added" => Some(s.tr.t("contacts-added")),
        "erasure-requested" => Some(s.tr.t("contacts-erasure-requested")),
        _ => None,
    };
    contact_page(&app, s, SubjectId(id), PageState { notice, ..Default::default() }).await
}

/// Where a contact came from, in words: the kind, the form, file or token
/// and the row or page, and when it was created in the source.
fn describe(tr: &kith_i18n::Tr, src: &kith_domain::Provenance) -> String {
    let kind = names::word(tr, "source", src.kind.as_str());
    let parts: Vec<&str> = [src.reference.as_deref(), src.detail.as_deref()].into_iter().flatten().collect();
    let what =
        if parts.is_empty() { kind } else { tr.t2("contacts-source-detail", "kind", kind, "detail", parts.join(", ")) };
    match src.created_in_source {
        Some(t) => tr.t2("contacts-source-created-in-source", "what", what, "date", tr.date(t)),
        None => what,
    }
}
