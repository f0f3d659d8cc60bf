//! Privacy → Recipients: processors, sub-processors, joint controllers and
//! other recipients, with their agreements and transfers out of the EEA
//! (read: dpo, admin, readonly; change: dpo, admin).

use super::form::{non_blank, Errors, NoFields, StaffForm};
use super::policy::word;
use super::session::{layout, Staff};
use super::view::Layout;
use super::{render, render_status, Id, PageResult};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::records::StoredRecipient;
use kith_app::{App, AppError};
use kith_domain::geo::Country;
use kith_domain::policy::FieldCategory;
use kith_domain::recipients::{
    Agreement, Derogation, Mechanism, Recipient, RecipientRole, Reminder, Transfer, DPA_ITEMS, SCC_MODULES,
};
use kith_domain::{Invalid, PurposeId, RecipientId};
use kith_i18n::Tr;
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/privacy/recipients", get(list).post(create))
        .route("/privacy/recipients/new", get(new))
        .route("/privacy/recipients/{id}", get(edit).post(update))
        .route("/privacy/recipients/{id}/delete", post(delete))
}

/// The form as posted (and as shown again after an error).
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct RecipientForm {
    legal_name: String,
    role: String,
    parent: String,
    privacy_contact: String,
    service: String,
    purposes: Vec<String>,
    categories: Vec<String>,
    processing_countries: String,
    storage_countries: String,
    dpf_certified: String,
    t_country: Vec<String>,
    t_mechanism: Vec<String>,
    t_scc_module: Vec<String>,
    t_derogation: Vec<String>,
    t_reason: Vec<String>,
    t_tia: Vec<String>,
    agreement_version: String,
    agreement_signed_on: String,
    agreement_expires_on: String,
    agreement_reference: String,
    items: Vec<String>,
    breach_notice_hours: String,
    dsr_assistance: String,
    review_on: String,
    mail_relay: String,
}

/// One transfer row of the form.
#[derive(Clone, Default)]
struct TransferRow {
    country: String,
    mechanism: String,
    scc_module: String,
    derogation: String,
    reason: String,
    tia: String,
}

fn codes(s: &str) -> Vec<String> {
    s.split([',', ' ', ';']).map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty()).collect()
}

impl RecipientForm {
    fn of(r: &Recipient) -> Self {
        let join = |v: &[Country]| v.iter().map(|c| c.code()).collect::<Vec<_>>().join(", ");
        let date = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        RecipientForm {
            legal_name: r.legal_name.clone(),
            role: r.role.as_str().into(),
            parent: r.parent.map(|p| p.to_string()).unwrap_or_default(),
            privacy_contact: r.privacy_contact.clone(),
            service: r.service.clone(),
            purposes: r.purposes.iter().map(|p| p.to_string()).collect(),
            categories: r.categories.iter().map(|c| c.as_str().to_owned()).collect(),
            processing_countries: join(&r.processing_countries),
            storage_countries: join(&r.storage_countries),
            dpf_certified: if r.dpf_certified { "yes".into() } else { String::new() },
            t_country: r.transfers.iter().map(|t| t.country.code().to_owned()).collect(),
            t_mechanism: r.transfers.iter().map(|t| t.mechanism.as_str().to_owned()).collect(),
            t_scc_module: r.transfers.iter().map(|t| t.scc_module.map(|m| m.to_string()).unwrap_or_default()).collect(),
            t_derogation: r
                .transfers
                .iter()
                .map(|t| t.derogation.map(|d| d.as_str().to_owned()).unwrap_or_default())
                .collect(),
            t_reason: r.transfers.iter().map(|t| t.reason.clone()).collect(),
            t_tia: r.transfers.iter().map(|t| t.tia_ref.clone()).collect(),
            agreement_version: r.agreement.version.clone(),
            agreement_signed_on: date(r.agreement.signed_on),
            agreement_expires_on: date(r.agreement.expires_on),
            agreement_reference: r.agreement.reference.clone(),
            items: r.agreement.items.iter().cloned().collect(),
            breach_notice_hours: r.breach_notice_hours.map(|h| h.to_string()).unwrap_or_default(),
            dsr_assistance: if r.dsr_assistance { "yes".into() } else { String::new() },
            review_on: date(r.review_on),
            mail_relay: if r.mail_relay { "yes".into() } else { String::new() },
        }
    }

    /// The transfer rows to show: those posted, plus an empty row for
    /// each third country entered without one, plus one spare.
    fn rows(&self) -> Vec<TransferRow> {
        let at = |v: &Vec<String>, i: usize| v.get(i).cloned().unwrap_or_default();
        let mut rows: Vec<TransferRow> = (0..self.t_country.len())
            .map(|i| TransferRow {
                country: at(&self.t_country, i),
                mechanism: at(&self.t_mechanism, i),
                scc_module: at(&self.t_scc_module, i),
                derogation: at(&self.t_derogation, i),
                reason: at(&self.t_reason, i),
                tia: at(&self.t_tia, i),
            })
            .filter(|r| !r.country.trim().is_empty())
            .collect();
        let mut all = codes(&self.processing_countries);
        all.extend(codes(&self.storage_countries));
        for c in all {
            let third = Country::parse(&c).is_ok_and(|c| !c.in_eea());
            if third && !rows.iter().any(|r| r.country.eq_ignore_ascii_case(&c)) {
                rows.push(TransferRow { country: c, ..Default::default() });
            }
        }
        rows.push(TransferRow::default());
        rows
    }

    /// The form as a domain record; malformed values named by field.
    fn parse(&self, tr: &Tr) -> Result<Recipient, Invalid> {
        let mut inv = Invalid::default();
        let role = RecipientRole::parse(&self.role).unwrap_or_else(|| {
            inv.push("role", tr.t("recipients-choose-role"));
            RecipientRole::Other
        });
        let mut countries = |field: &str, s: &str| {
            let mut out = Vec::new();
            for c in codes(s) {
                match Country::parse(&c) {
                    Ok(c) => out.push(c),
                    Err(_) => inv.push(field, tr.t1("recipients-not-iso", "code", &c)),
                }
            }
            out
        };
        let processing_countries = countries("processing_countries", &self.processing_countries);
        let storage_countries = countries("storage_countries", &self.storage_countries);
        let mut transfers = Vec::new();
        for row in self.rows().into_iter().filter(|r| !r.mechanism.trim().is_empty()) {
            let Ok(country) = Country::parse(&row.country) else {
                inv.push("transfers", tr.t1("recipients-not-iso", "code", &row.country));
                continue;
            };
            let Some(mechanism) = Mechanism::parse(&row.mechanism) else {
                inv.push(format!("transfers.{}.mechanism", country.code()), tr.t("recipients-choose-mechanism"));
                continue;
            };
            transfers.push(Transfer {
                country,
                mechanism,
                scc_module: row.scc_module.trim().parse().ok(),
                derogation: Derogation::parse(row.derogation.trim()),
                reason: row.reason,
                tia_ref: row.tia,
            });
        }
        let mut date = |field: &str, v: &str| {
            let v = v.trim();
            if v.is_empty() {
                return None;
            }
            let d = time::Date::parse(v, time::macros::format_description!("[year]-[month]-[day]")).ok();
            if d.is_none() {
                inv.push(field, tr.t("recipients-bad-date"));
            }
            d
        };
        let signed_on = date("agreement.signed_on", &self.agreement_signed_on);
        let expires_on = date("agreement.expires_on", &self.agreement_expires_on);
        let review_on = date("review_on", &self.review_on);
        let breach_notice_hours = match non_blank(&self.breach_notice_hours) {
            None => None,
            Some(h) => match h.parse() {
                Ok(h) => Some(h),
                Err(_) => {
                    inv.push("breach_notice_hours", tr.t("recipients-bad-hours"));
                    None
                }
            },
        };
        let mut purposes = Vec::new();
        for p in &self.purposes {
            match Uuid::parse_str(p.trim()) {
                Ok(u) => purposes.push(PurposeId(u)),
                Err(_) => inv.push("purposes", tr.t("recipients-bad-choice")),
            }
        }
        let parent = match non_blank(&self.parent) {
            None => None,
            Some(p) => match Uuid::parse_str(&p) {
                Ok(u) => Some(RecipientId(u)),
                Err(_) => {
                    inv.push("parent", tr.t("recipients-bad-choice"));
                    None
                }
            },
        };
        inv.into_result()?;
        Ok(Recipient {
            legal_name: self.legal_name.clone(),
            role,
            parent,
            privacy_contact: self.privacy_contact.clone(),
            service: self.service.clone(),
            purposes,
            categories: self.categories.iter().filter_map(|c| FieldCategory::parse(c)).collect(),
            processing_countries,
            storage_countries,
            dpf_certified: self.dpf_certified == "yes",
            transfers,
            agreement: Agreement {
                version: self.agreement_version.clone(),
                signed_on,
                expires_on,
                reference: self.agreement_reference.clone(),
                items: self.items.iter().cloned().collect(),
            },
            breach_notice_hours,
            dsr_assistance: self.dsr_assistance == "yes",
            review_on,
            mail_relay: self.mail_relay == "yes",
        })
    }
}

/// A recipient as the list shows it.
struct Line {
    id: String,
    name: String,
    role: String,
    parent: String,
    countries: String,
    transfers: Vec<String>,
    agreement: String,
    reminders: Vec<String>,
    needs_review: bool,
}

#[derive(Template)]
#[template(path = "recipients.html")]
struct ListPage {
    l: Layout,
    lines: Vec<Line>,
    can_change: bool,
}

/// Field errors for the form; a transfer's are named by its country.
fn errors_of(inv: &Invalid) -> Errors {
    let mut e = Errors::from_invalid(inv);
    for (f, (key, msg)) in inv.0.iter().zip(e.0.iter_mut()) {
        if let Some(rest) = f.field.strip_prefix("transfers.") {
            let code = rest.split('.').next().unwrap_or("");
            if let Ok(c) = Country::parse(code) {
                *key = "transfers".into();
                *msg = format!("{}: {}", c.name(), f.message);
            }
        }
    }
    e
}

/// A reminder in the reader's words.
fn reminder(tr: &Tr, r: &Reminder) -> String {
    match r {
        Reminder::AgreementExpiring(d) => tr.t1("recipients-reminder-expiring", "date", tr.day(*d)),
        Reminder::AgreementExpired(d) => tr.t1("recipients-reminder-expired", "date", tr.day(*d)),
        Reminder::ReviewDue(d) => tr.t1("recipients-reminder-review", "date", tr.day(*d)),
        Reminder::NoAgreement => tr.t("recipients-reminder-no-agreement"),
        Reminder::AgreementIncomplete => tr.t("recipients-reminder-incomplete"),
    }
}

fn line(tr: &Tr, r: &StoredRecipient, all: &[StoredRecipient]) -> Line {
    let today = time::OffsetDateTime::now_utc().date();
    let x = &r.recipient;
    Line {
        id: r.id.to_string(),
        name: x.legal_name.clone(),
        role: word(tr, "recipients-role", x.role.as_str()),
        parent: x
            .parent
            .and_then(|p| all.iter().find(|o| o.id == p))
            .map(|o| o.recipient.legal_name.clone())
            .unwrap_or_default(),
        countries: x.countries().iter().map(|c| format!("{} ({})", c.name(), c.code())).collect::<Vec<_>>().join(", "),
        transfers: x.transfers.iter().map(|t| format!("{}: {}", t.country.name(), t.ground())).collect(),
        agreement: match (&x.agreement.signed_on, &x.agreement.expires_on) {
            (Some(s), Some(e)) => tr.t2("recipients-signed-expires", "signed", tr.day(*s), "expires", tr.day(*e)),
            (Some(s), None) => tr.t1("recipients-signed", "signed", tr.day(*s)),
            _ => String::new(),
        },
        reminders: x.reminders(today).iter().map(|r| reminder(tr, r)).collect(),
        needs_review: r.needs_review,
    }
}

async fn list(State(app): State<App>, Staff(s): Staff) -> PageResult {
    let all = app.recipients(&s.principal).await?;
    let lines = all.iter().map(|r| line(&s.tr, r, &all)).collect();
    Ok(render(&ListPage { l: layout(&s, "privacy"), lines, can_change: s.role().can_manage_privacy() }))
}

#[derive(Template)]
#[template(path = "recipient_edit.html")]
struct EditPage {
    l: Layout,
    /// Empty for a new recipient.
    id: String,
    f: RecipientForm,
    rows: Vec<TransferRow>,
    errors: Errors,
    others: Vec<String>,
    roles: Vec<(&'static str, String)>,
    /// Processors that may be a parent: id, name.
    parents: Vec<(String, String)>,
    /// Purpose id, name.
    purposes: Vec<(String, String)>,
    categories: Vec<(&'static str, String)>,
    mechanisms: Vec<(&'static str, String)>,
    derogations: Vec<(&'static str, String)>,
    modules: Vec<(String, String)>,
    items: Vec<(&'static str, String)>,
}

impl EditPage {
    fn has(list: &[String], v: &str) -> bool {
        list.iter().any(|x| x == v)
    }
}

const SHOWN: &[&str] = &[
    "legal_name",
    "role",
    "parent",
    "privacy_contact",
    "service",
    "purposes",
    "processing_countries",
    "storage_countries",
    "transfers",
    "agreement",
    "breach_notice_hours",
    "review_on",
];

async fn form_page(
    app: &App,
    s: &kith_app::sessions::Session,
    id: Option<RecipientId>,
    f: RecipientForm,
    errors: Errors,
) -> PageResult {
    if !s.role().can_manage_privacy() {
        return Err(AppError::Forbidden("change the registers").into());
    }
    let all = app.recipients(&s.principal).await?;
    let parents = all
        .iter()
        .filter(|r| {
            Some(r.id) != id && matches!(r.recipient.role, RecipientRole::Processor | RecipientRole::SubProcessor)
        })
        .map(|r| (r.id.to_string(), r.recipient.legal_name.clone()))
        .collect();
    let purposes = app.purposes(&s.principal).await?.into_iter().map(|p| (p.id.to_string(), p.name)).collect();
    let status = errors.status();
    let tr = &s.tr;
    let page = EditPage {
        l: layout(s, "privacy"),
        id: id.map(|i| i.to_string()).unwrap_or_default(),
        rows: f.rows(),
        f,
        others: errors.others(SHOWN),
        errors,
        roles: RecipientRole::ALL.iter().map(|r| (r.as_str(), word(tr, "recipients-role", r.as_str()))).collect(),
        parents,
        purposes,
        categories: FieldCategory::ALL.iter().map(|c| (c.as_str(), word(tr, "privacy-category", c.as_str()))).collect(),
        mechanisms: Mechanism::ALL.iter().map(|m| (m.as_str(), word(tr, "recipients-mechanism", m.as_str()))).collect(),
        derogations: Derogation::ALL
            .iter()
            .map(|d| (d.as_str(), word(tr, "recipients-derogation", d.as_str())))
            .collect(),
        modules: SCC_MODULES.iter().map(|(n, _)| (n.to_string(), tr.t(&format!("recipients-scc-{n}")))).collect(),
        items: DPA_ITEMS.iter().map(|(k, _)| (*k, word(tr, "recipients-item", k))).collect(),
    };
    Ok(render_status(status, &page))
}

async fn new(State(app): State<App>, Staff(s): Staff) -> PageResult {
    let f = RecipientForm { role: "processor".into(), ..Default::default() };
    form_page(&app, &s, None, f, Errors::default()).await
}

async fn create(State(app): State<App>, StaffForm { staff, form }: StaffForm<RecipientForm>) -> PageResult {
    let parsed = form.parse(&staff.tr);
    let r = match parsed {
        Ok(r) => app.create_recipient(&staff.principal, r).await,
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(_) => Ok(Redirect::to("/privacy/recipients").into_response()),
        Err(AppError::Invalid(inv)) => form_page(&app, &staff, None, form, errors_of(&inv)).await,
        Err(AppError::Conflict(m)) => form_page(&app, &staff, None, form, Errors(vec![(String::new(), m)])).await,
        Err(e) => Err(e.into()),
    }
}

async fn edit(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    let id = RecipientId(id);
    let r = app.recipient(&s.principal, id).await?;
    form_page(&app, &s, Some(id), RecipientForm::of(&r.recipient), Errors::default()).await
}

async fn update(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<RecipientForm>,
) -> PageResult {
    let id = RecipientId(id);
    let r = match form.parse(&staff.tr) {
        Ok(r) => app.update_recipient(&staff.principal, id, r).await,
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(()) => Ok(Redirect::to("/privacy/recipients").into_response()),
        Err(AppError::Invalid(inv)) => form_page(&app, &staff, Some(id), form, errors_of(&inv)).await,
        Err(AppError::Conflict(m)) => form_page(&app, &staff, Some(id), form, Errors(vec![(String::new(), m)])).await,
        Err(e) => Err(e.into()),
    }
}

async fn delete(State(app): State<App>, Id(id): Id<Uuid>, StaffForm { staff, .. }: StaffForm<NoFields>) -> PageResult {
    app.delete_recipient(&staff.principal, RecipientId(id)).await?;
    Ok(Redirect::to("/privacy/recipients").into_response())
}
