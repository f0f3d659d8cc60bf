//! Privacy → Record of processing (Art. 30): the register computed from the
//! data with what is observed beside it, any version as of a date, a
//! print-ready document, CSV / JSON / DPV JSON-LD downloads, the
//! controller's identity and the Art. 30(2) record.

use super::form::{Errors, NoFields, QueryForm, StaffForm};
use super::policy::word;
use super::session::{layout, Staff};
use super::view::Layout;
use super::{render, render_status, Id, PageError, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::records::RegisterVersion;
use kith_app::registers::{formats, Observed};
use kith_app::{App, AppError};
use kith_domain::geo::Country;
use kith_domain::ropa::{Activity, Controller, ProcessorActivity, Record};
use kith_domain::Invalid;
use kith_i18n::{ToArg, Tr};
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/privacy/register", get(page))
        .route("/privacy/register/print", get(print))
        .route("/privacy/register/export", get(export))
        .route("/privacy/register/controller", get(controller_page).post(save_controller))
        .route("/privacy/register/others", post(add_other))
        .route("/privacy/register/others/{id}/delete", post(delete_other))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AsOfQuery {
    as_of: String,
    format: String,
}

/// The end of the day `v` (UTC), or a field error.
fn as_of(v: &str) -> Result<Option<time::OffsetDateTime>, PageError> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    time::Date::parse(v, time::macros::format_description!("[year]-[month]-[day]"))
        .ok()
        .and_then(|d| d.next_day())
        .map(|d| Some(d.midnight().assume_utc() - time::Duration::milliseconds(1)))
        .ok_or_else(|| {
            PageError::new(StatusCode::BAD_REQUEST, "This date is not valid", "Pick a date such as 2026-06-30.")
        })
}

/// One activity as the page shows it, its vocabulary in the reader's words.
struct ActivityView {
    a: Activity,
    basis: String,
    /// Art. 9 lines.
    specials: Vec<String>,
    /// Category: fields.
    data: Vec<String>,
    /// Name (role; countries).
    recipients: Vec<String>,
    /// Name (role), for the printed record.
    recipients_short: Vec<String>,
    transfers: Vec<String>,
    /// The rule the sweep enforces, as the record states it.
    rule: Option<String>,
    /// Basis label, people.
    people: Vec<(String, i64)>,
    disposed: Option<u64>,
    warnings: Vec<String>,
}

fn country_list(cs: &[Country]) -> String {
    cs.iter().map(|c| c.code()).collect::<Vec<_>>().join(", ")
}

fn view_of(tr: &Tr, a: &Activity) -> ActivityView {
    let role = |r: &kith_domain::ropa::RecipientLine| word(tr, "recipients-role", r.role.as_str());
    ActivityView {
        basis: word(tr, "privacy-basis", a.lawful_basis.as_str()),
        specials: a
            .special_categories
            .iter()
            .map(|s| {
                tr.t3(
                    "register-special",
                    "category",
                    word(tr, "privacy-special", s.category.as_str()),
                    "field",
                    &s.field,
                    "condition",
                    &s.condition,
                )
            })
            .collect(),
        data: a
            .data_categories
            .iter()
            .map(|c| {
                let category = word(tr, "privacy-category", c.category.as_str());
                tr.t2("register-data-line", "category", category, "fields", c.fields.join(", "))
            })
            .collect(),
        recipients: a
            .recipients
            .iter()
            .map(|r| {
                if r.countries.is_empty() {
                    tr.t2("register-recipient-line", "name", &r.legal_name, "role", role(r))
                } else {
                    let countries = country_list(&r.countries);
                    tr.t3(
                        "register-recipient-line-countries",
                        "name",
                        &r.legal_name,
                        "role",
                        role(r),
                        "countries",
                        countries,
                    )
                }
            })
            .collect(),
        recipients_short: a
            .recipients
            .iter()
            .map(|r| tr.t2("register-recipient-line", "name", &r.legal_name, "role", role(r)))
            .collect(),
        transfers: a
            .transfers
            .iter()
            .map(|t| {
                let (who, country) = (&t.recipient, t.country.name());
                if t.tia_ref.is_empty() {
                    tr.t3("register-transfer-line", "recipient", who, "country", country, "ground", &t.ground)
                } else {
                    let args = [
                        ("recipient", who.to_arg()),
                        ("country", country.to_arg()),
                        ("ground", t.ground.to_arg()),
                        ("tia", t.tia_ref.to_arg()),
                    ];
                    tr.ta("register-transfer-line-tia", &args)
                }
            })
            .collect(),
        rule: a.retention_rule.clone(),
        a: a.clone(),
        people: Vec::new(),
        disposed: None,
        warnings: Vec::new(),
    }
}

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterPage {
    l: Layout,
    record: Record,
    activities: Vec<ActivityView>,
    version: RegisterVersion,
    version_at: String,
    /// The day shown, when not today.
    as_of: String,
    warnings: Vec<String>,
    last_sweep: String,
    /// Channel, recipient name, count, last.
    receipts: Vec<(String, String, i64, String)>,
    /// Version, date, cause, digest.
    versions: Vec<(i64, String, String, String)>,
    others: Vec<(String, ProcessorActivity)>,
    can_change: bool,
    other_form: ProcessorActivity,
    other_errors: Errors,
}

fn activities(
    tr: &Tr,
    record: &Record,
    observed: Option<&Observed>,
    warnings: &[(Option<kith_domain::PurposeId>, String)],
) -> Vec<ActivityView> {
    record
        .activities
        .iter()
        .map(|a| {
            let facts = observed.and_then(|o| o.activities.get(&a.purpose_id));
            let people = facts
                .map(|f| {
                    f.by_basis
                        .iter()
                        .map(|(b, n)| {
                            let label = match kith_domain::LawfulBasis::parse(b) {
                                Some(b) => word(tr, "privacy-basis", b.as_str()),
                                None => tr.t("register-basis-other"),
                            };
                            (label, *n)
                        })
                        .collect()
                })
                .unwrap_or_default();
            ActivityView {
                people,
                disposed: facts.and_then(|f| f.disposed_last_sweep),
                warnings: warnings.iter().filter(|(p, _)| *p == Some(a.purpose_id)).map(|(_, w)| w.clone()).collect(),
                ..view_of(tr, a)
            }
        })
        .collect()
}

async fn show(
    app: &App,
    s: &kith_app::sessions::Session,
    q: &AsOfQuery,
    other_form: ProcessorActivity,
    other_errors: Errors,
) -> PageResult {
    let p = &s.principal;
    let tr = &s.tr;
    let versions = app
        .register_versions(p)
        .await?
        .into_iter()
        .map(|v| (v.version, tr.date_time(v.created_at), v.cause, v.sha256))
        .collect();
    let (record, version, observed, warnings) = match as_of(&q.as_of)? {
        Some(at) => {
            let (record, v) = app.register_as_of(p, at).await?;
            let w = kith_domain::ropa::gaps(&record);
            (record, v, None, w)
        }
        None => {
            let r = app.register(p).await?;
            (r.record, r.version, Some(r.observed), r.warnings)
        }
    };
    let names = app.recipients(p).await?;
    let name = |id: Option<kith_domain::RecipientId>| {
        id.and_then(|id| names.iter().find(|r| r.id == id))
            .map(|r| r.recipient.legal_name.clone())
            .unwrap_or_else(|| tr.t("register-no-recipient"))
    };
    let page = RegisterPage {
        l: layout(s, "privacy"),
        activities: activities(tr, &record, observed.as_ref(), &warnings),
        version_at: tr.date_time(version.created_at),
        as_of: q.as_of.trim().to_owned(),
        warnings: warnings.iter().filter(|(p, _)| p.is_none()).map(|(_, w)| w.clone()).collect(),
        last_sweep: observed.as_ref().and_then(|o| o.last_sweep).map(|t| tr.date_time(t)).unwrap_or_default(),
        receipts: observed
            .as_ref()
            .map(|o| {
                o.receipts
                    .iter()
                    .map(|r| {
                        (
                            r.channel.clone(),
                            name(r.recipient),
                            r.count,
                            r.last_at.map(|t| tr.date_time(t)).unwrap_or_default(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
        versions,
        others: app.processor_activities(p).await?.into_iter().map(|(id, a)| (id.to_string(), a)).collect(),
        can_change: s.role().can_manage_privacy(),
        record,
        version,
        other_form,
        other_errors,
    };
    Ok(render_status(page.other_errors.status(), &page))
}

async fn page(State(app): State<App>, Staff(s): Staff, QueryForm(q): QueryForm<AsOfQuery>) -> PageResult {
    show(&app, &s, &q, ProcessorActivity::default(), Errors::default()).await
}

#[derive(Template)]
#[template(path = "register_print.html")]
struct PrintPage {
    tr: Tr,
    record: Record,
    activities: Vec<ActivityView>,
    version: RegisterVersion,
    /// The running head of every printed page.
    running: String,
    /// The day the version was recorded.
    recorded: String,
}

impl PrintPage {
    fn new(tr: Tr, record: Record, version: RegisterVersion, as_of: &str) -> PrintPage {
        let printed = tr.date(time::OffsetDateTime::now_utc());
        let name = record.controller.name.clone();
        let running = if as_of.is_empty() {
            tr.t3("register-print-running", "controller", name, "version", version.version, "printed", printed)
        } else {
            let args = [
                ("controller", name.to_arg()),
                ("version", version.version.to_arg()),
                ("date", as_of.to_arg()),
                ("printed", printed.to_arg()),
            ];
            tr.ta("register-print-running-as-of", &args)
        };
        PrintPage {
            activities: activities(&tr, &record, None, &[]),
            recorded: tr.date(version.created_at),
            running,
            record,
            version,
            tr,
        }
    }
}

/// The print-ready document of a record (what `kith ropa export --format
/// html` writes): the page below without a session, in English.
pub fn print_html(record: Record, version: RegisterVersion, as_of: &str) -> Result<String, askama::Error> {
    PrintPage::new(Tr::default(), record, version, as_of).render()
}

/// The record as a document: no navigation, the controller, date and
/// version on every printed page.
async fn print(State(app): State<App>, Staff(s): Staff, QueryForm(q): QueryForm<AsOfQuery>) -> PageResult {
    let (record, version) = match as_of(&q.as_of)? {
        Some(at) => app.register_as_of(&s.principal, at).await?,
        None => {
            let r = app.register(&s.principal).await?;
            (r.record, r.version)
        }
    };
    let page = PrintPage::new(s.tr.clone(), record, version, q.as_of.trim());
    Ok(render(&page))
}

/// CSV, JSON or DPV JSON-LD, as a download.
async fn export(State(app): State<App>, Staff(s): Staff, QueryForm(q): QueryForm<AsOfQuery>) -> PageResult {
    let (record, v) = match as_of(&q.as_of)? {
        Some(at) => app.register_as_of(&s.principal, at).await?,
        None => {
            let r = app.register(&s.principal).await?;
            (r.record, r.version)
        }
    };
    let (ctype, ext, body) = match q.format.as_str() {
        "csv" => ("text/csv; charset=utf-8", "csv", formats::to_csv(&record, &v)),
        "json" => ("application/json", "json", v.body.clone()),
        "jsonld" => ("application/ld+json", "jsonld", formats::to_jsonld(&record, &v).to_string()),
        _ => return Err(PageError::new(StatusCode::BAD_REQUEST, "Unknown format", "Choose CSV, JSON or JSON-LD.")),
    };
    let name = format!("attachment; filename=\"record-of-processing-v{}.{ext}\"", v.version);
    Ok(([(header::CONTENT_TYPE, ctype.to_owned()), (header::CONTENT_DISPOSITION, name)], body).into_response())
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct ControllerForm {
    name: String,
    address: String,
    contact: String,
    country: String,
    representative: String,
    dpo_name: String,
    dpo_contact: String,
    subject_categories: String,
}

#[derive(Template)]
#[template(path = "register_controller.html")]
struct ControllerPage {
    l: Layout,
    f: ControllerForm,
    errors: Errors,
}

async fn controller_page(State(app): State<App>, Staff(s): Staff) -> PageResult {
    if !s.role().can_manage_privacy() {
        return Err(AppError::Forbidden("change the registers").into());
    }
    let c = app.read_controller_identity(&s.principal).await?;
    let f = ControllerForm {
        name: c.name,
        address: c.address,
        contact: c.contact,
        country: c.country.map(|c| c.code().to_owned()).unwrap_or_default(),
        representative: c.representative,
        dpo_name: c.dpo_name,
        dpo_contact: c.dpo_contact,
        subject_categories: c.subject_categories,
    };
    Ok(render(&ControllerPage { l: layout(&s, "privacy"), f, errors: Errors::default() }))
}

async fn save_controller(State(app): State<App>, StaffForm { staff, form }: StaffForm<ControllerForm>) -> PageResult {
    let country = match form.country.trim() {
        "" => Ok(None),
        c => Country::parse(c).map(Some).map_err(|_| Invalid::one("country", staff.tr.t("register-not-iso"))),
    };
    let r = match country {
        Ok(country) => {
            let c = Controller {
                name: form.name.clone(),
                address: form.address.clone(),
                contact: form.contact.clone(),
                country,
                representative: form.representative.clone(),
                dpo_name: form.dpo_name.clone(),
                dpo_contact: form.dpo_contact.clone(),
                subject_categories: form.subject_categories.clone(),
            };
            app.set_controller_identity(&staff.principal, c).await.map(|_| ())
        }
        Err(inv) => Err(inv.into()),
    };
    match r {
        Ok(()) => Ok(Redirect::to("/privacy/register").into_response()),
        Err(AppError::Invalid(inv)) => {
            let errors = Errors::from_invalid(&inv);
            let page = ControllerPage { l: layout(&staff, "privacy"), f: form, errors };
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct OtherForm {
    controller_name: String,
    controller_contact: String,
    representative: String,
    categories_of_processing: String,
    transfers: String,
    measures: String,
}

async fn add_other(State(app): State<App>, StaffForm { staff, form }: StaffForm<OtherForm>) -> PageResult {
    let a = ProcessorActivity {
        controller_name: form.controller_name,
        controller_contact: form.controller_contact,
        representative: form.representative,
        categories_of_processing: form.categories_of_processing,
        transfers: form.transfers,
        measures: form.measures,
    };
    match app.save_processor_activity(&staff.principal, None, a.clone()).await {
        Ok(_) => Ok(Redirect::to("/privacy/register#processing-for-others").into_response()),
        Err(AppError::Invalid(inv)) => show(&app, &staff, &AsOfQuery::default(), a, Errors::from_invalid(&inv)).await,
        Err(e) => Err(e.into()),
    }
}

async fn delete_other(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> PageResult {
    app.delete_processor_activity(&staff.principal, id).await?;
    Ok(Redirect::to("/privacy/register#processing-for-others").into_response())
}
