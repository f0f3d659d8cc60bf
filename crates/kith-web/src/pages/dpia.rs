//! Privacy → DPIAs (Art. 35–36): the screening of every purpose with the
//! DPO's decision, the impact assessments edited one section at a time,
//! an "outdated: what changed" banner, sign-off, a print-ready document
//! and a JSON download (read: dpo, admin, readonly; change: dpo, admin).

use super::dpia_form::{DpiaForm, MeasureRow, RiskRow};
use super::form::{Errors, NoFields, QueryForm, StaffForm};
use super::session::{layout, Staff};
use super::view::{field_label, Layout};
use super::{render, render_status, Id, PageError, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::dpia::{DpiaView, ScreeningRow};
use kith_app::{App, AppError};
use kith_domain::dpia::screening::Criterion;
use kith_domain::dpia::screening::Outcome;
use kith_domain::dpia::{Dpia, MeasureStatus, Reminder, LEVELS};
use kith_domain::ropa::Controller;
use kith_domain::{Invalid, PurposeId};
use kith_i18n::Tr;
use serde::Deserialize;
use std::collections::HashMap;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/privacy/dpias", get(list).post(create))
        .route("/privacy/dpias/screening/{purpose}", post(decide))
        .route("/privacy/dpias/{id}", get(page).post(save))
        .route("/privacy/dpias/{id}/sign-off", post(sign_off))
        .route("/privacy/dpias/{id}/print", get(print))
        .route("/privacy/dpias/{id}/export", get(export))
}

/// One assessment in the list.
struct Line {
    id: String,
    title: String,
    purposes: String,
    status: String,
    outdated: bool,
    residual: String,
    reminders: Vec<String>,
}

fn status(tr: &Tr, v: &DpiaView) -> String {
    match &v.stored.sign_off {
        None => tr.t("dpia-status-draft"),
        Some(s) => tr.t2("dpia-status-signed", "date", tr.date(s.at), "version", s.register_version),
    }
}

/// A level of the CNIL scale (1 to 4) in words.
fn level(tr: &Tr, n: u8) -> String {
    if (1..=4).contains(&n) {
        tr.t(&format!("dpia-level-{n}"))
    } else {
        "—".into()
    }
}

fn worst(tr: &Tr, d: &Dpia) -> String {
    match d.worst() {
        None => "—".into(),
        Some((_, r)) => {
            let id = if d.residual_high() { "dpia-worst-high" } else { "dpia-worst" };
            tr.t2(id, "severity", level(tr, r.severity), "likelihood", level(tr, r.likelihood))
        }
    }
}

/// Something to do about an assessment, in the reader's words.
fn reminder(tr: &Tr, r: &Reminder) -> String {
    match r {
        Reminder::NotSignedOff => tr.t("dpia-remind-not-signed"),
        Reminder::ConsultationNeeded => tr.t("dpia-remind-consult"),
        Reminder::ConsultationPending => tr.t("dpia-remind-pending"),
        Reminder::ReviewDue(d) => tr.t1("dpia-remind-review", "date", tr.day(*d)),
        Reminder::MeasuresLate(n) => tr.t1("dpia-remind-late", "n", *n),
    }
}

#[derive(Template)]
#[template(path = "dpias.html")]
struct ListPage {
    l: Layout,
    lines: Vec<Line>,
    rows: Vec<ScreeningRow>,
    can_change: bool,
    /// Purpose id, name: for a new assessment.
    purposes: Vec<(String, String)>,
    errors: Errors,
    /// The purpose a decision error is about.
    error_purpose: String,
    /// Kith's threshold of "large scale" (people).
    large_scale: String,
}

impl ListPage {
    fn met(r: &ScreeningRow) -> Vec<&kith_domain::dpia::screening::Finding> {
        r.screening.findings.iter().filter(|f| f.outcome == Outcome::Met).collect()
    }

    fn unseen(tr: &Tr, r: &ScreeningRow) -> String {
        let unseen = r.screening.findings.iter().filter(|f| f.outcome == Outcome::NotObserved);
        unseen.map(|f| tr.t(Self::criterion(&f.criterion))).collect::<Vec<_>>().join("; ")
    }

    /// The message of a screening criterion.
    fn criterion(c: &Criterion) -> &'static str {
        match c {
            Criterion::Scoring => "dpia-criterion-scoring",
            Criterion::Monitoring => "dpia-criterion-monitoring",
            Criterion::Sensitive => "dpia-criterion-sensitive",
            Criterion::LargeScale => "dpia-criterion-large-scale",
            Criterion::Matching => "dpia-criterion-matching",
            Criterion::Vulnerable => "dpia-criterion-vulnerable",
            Criterion::Transfers => "dpia-criterion-transfers",
        }
    }

    fn new_countries(r: &ScreeningRow) -> String {
        r.new_third_countries.iter().map(|(n, c)| format!("{n} ({})", c.name())).collect::<Vec<_>>().join(", ")
    }
}

async fn show_list(app: &App, s: &kith_app::sessions::Session, errors: Errors, error_purpose: String) -> PageResult {
    let tr = &s.tr;
    let rows = app.dpia_screening(&s.principal).await?;
    let lines = app
        .dpias(&s.principal)
        .await?
        .iter()
        .map(|v| Line {
            id: v.stored.id.to_string(),
            title: v.stored.dpia.title.clone(),
            purposes: v.purposes.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", "),
            status: status(tr, v),
            outdated: v.outdated(),
            residual: worst(tr, &v.stored.dpia),
            reminders: v.reminders.iter().map(|r| reminder(tr, r)).collect(),
        })
        .collect();
    let page = ListPage {
        l: layout(s, "privacy"),
        lines,
        purposes: rows.iter().map(|r| (r.purpose_id.to_string(), r.purpose.clone())).collect(),
        rows,
        can_change: s.role().can_manage_privacy(),
        errors,
        error_purpose,
        large_scale: tr.number(i128::from(kith_domain::dpia::screening::LARGE_SCALE)),
    };
    Ok(render_status(page.errors.status(), &page))
}

async fn list(State(app): State<App>, Staff(s): Staff) -> PageResult {
    show_list(&app, &s, Errors::default(), String::new()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NewForm {
    title: String,
    purposes: Vec<String>,
}

async fn create(State(app): State<App>, StaffForm { staff, form }: StaffForm<NewForm>) -> PageResult {
    let mut inv = Invalid::default();
    let purposes: Vec<PurposeId> = form
        .purposes
        .iter()
        .filter_map(|p| match Uuid::parse_str(p.trim()) {
            Ok(u) => Some(PurposeId(u)),
            Err(_) => {
                inv.push("purposes", staff.tr.t("dpia-err-choice"));
                None
            }
        })
        .collect();
    let r = match inv.into_result() {
        Ok(()) => app.create_dpia(&staff.principal, Dpia::draft(&form.title, purposes)).await,
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(id) => Ok(Redirect::to(&format!("/privacy/dpias/{id}")).into_response()),
        Err(AppError::Invalid(inv)) => show_list(&app, &staff, Errors::from_invalid(&inv), String::new()).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DecisionForm {
    required: String,
    reason: String,
}

async fn decide(
    State(app): State<App>,
    Id(purpose): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<DecisionForm>,
) -> PageResult {
    let required = match form.required.as_str() {
        "yes" => true,
        "no" => false,
        _ => {
            let inv = Invalid::one("required", staff.tr.t("dpia-err-required-choice"));
            return show_list(&app, &staff, Errors::from_invalid(&inv), purpose.to_string()).await;
        }
    };
    match app.decide_screening(&staff.principal, PurposeId(purpose), required, form.reason).await {
        Ok(()) => Ok(Redirect::to("/privacy/dpias#screening").into_response()),
        Err(AppError::Invalid(inv)) => show_list(&app, &staff, Errors::from_invalid(&inv), purpose.to_string()).await,
        Err(e) => Err(e.into()),
    }
}

/// Field errors for the assessment's page: a risk's or a measure's named
/// by its row ("risk 2, residual likelihood").
fn errors_of(tr: &Tr, inv: &Invalid) -> Errors {
    Errors(
        inv.0
            .iter()
            .map(|f| {
                let row = ["risks", "measures"].into_iter().find_map(|list| {
                    let rest = f.field.strip_prefix(list)?.strip_prefix('[')?;
                    let (i, what) = rest.split_once(']')?;
                    let n = i.parse::<usize>().ok()? + 1;
                    let what = what.trim_start_matches('.').replace(['.', '_'], " ");
                    let id = if list == "risks" { "dpia-error-risk" } else { "dpia-error-measure" };
                    Some((list, tr.t3(id, "n", n, "what", what, "message", f.message.as_str())))
                });
                match row {
                    Some((list, msg)) => (list.to_owned(), msg),
                    None => match f.field.split_once('.') {
                        Some((key, rest)) => (key.to_owned(), format!("{}: {}", field_label(tr, rest), f.message)),
                        None => (f.field.clone(), f.message.clone()),
                    },
                }
            })
            .collect(),
    )
}

#[derive(Template)]
#[template(path = "dpia.html")]
struct DpiaPage {
    l: Layout,
    v: DpiaView,
    f: DpiaForm,
    risks: Vec<RiskRow>,
    measures: Vec<MeasureRow>,
    errors: Errors,
    can_change: bool,
    status: String,
    signed_by: String,
    /// Purpose id, name: every purpose in the record.
    all_purposes: Vec<(String, String)>,
    levels: Vec<(String, String)>,
    statuses: Vec<(&'static str, String)>,
    /// What to do about the assessment, in words.
    reminders: Vec<String>,
    /// A notice after saving (the sign-off was withdrawn…).
    notice: String,
}

impl DpiaPage {
    fn has(list: &[String], v: &str) -> bool {
        list.iter().any(|x| x == v)
    }
}

async fn show(
    app: &App,
    s: &kith_app::sessions::Session,
    v: DpiaView,
    f: Option<DpiaForm>,
    errors: Errors,
    notice: String,
) -> PageResult {
    let tr = &s.tr;
    let staff: HashMap<Uuid, String> = super::names::staff(app, &s.principal).await.unwrap_or_default();
    let signed_by = match v.stored.sign_off.as_ref().map(|o| o.by) {
        Some(Some(u)) => staff.get(&u.0).cloned().unwrap_or_else(|| tr.t("dpia-by-staff")),
        Some(None) => tr.t("dpia-by-cli"),
        None => String::new(),
    };
    let rows = app.dpia_screening(&s.principal).await?;
    let f = f.unwrap_or_else(|| DpiaForm::of(&v.stored.dpia));
    let page = DpiaPage {
        l: layout(s, "privacy"),
        risks: f.risk_rows(),
        measures: f.measure_rows(),
        f,
        status: status(tr, &v),
        signed_by,
        reminders: v.reminders.iter().map(|r| reminder(tr, r)).collect(),
        v,
        can_change: s.role().can_manage_privacy(),
        all_purposes: rows.into_iter().map(|r| (r.purpose_id.to_string(), r.purpose)).collect(),
        levels: LEVELS.iter().map(|(n, _)| (n.to_string(), level(tr, *n))).collect(),
        statuses: MeasureStatus::ALL.iter().map(|m| (m.as_str(), measure_status(tr, *m))).collect(),
        notice,
        errors,
    };
    Ok(render_status(page.errors.status(), &page))
}

async fn page(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    let v = app.dpia(&s.principal, id).await?;
    show(&app, &s, v, None, Errors::default(), String::new()).await
}

/// Saves the section posted over the stored record.
async fn save(State(app): State<App>, Id(id): Id<Uuid>, StaffForm { staff, form }: StaffForm<DpiaForm>) -> PageResult {
    let v = app.dpia(&staff.principal, id).await?;
    let merged = DpiaForm::of(&v.stored.dpia).merge(form);
    let section = merged.section.clone();
    let r = match merged.parse(&staff.tr) {
        Ok(d) => app.update_dpia(&staff.principal, id, d).await,
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(withdrawn) => {
            let v = app.dpia(&staff.principal, id).await?;
            let tr = &staff.tr;
            let notice = if withdrawn {
                tr.t("dpia-saved-withdrawn")
            } else {
                let known = ["general", "risks", "measures", "opinion", "consultation"];
                let section = if known.contains(&section.as_str()) { section.as_str() } else { "general" };
                tr.t1("dpia-saved", "section", tr.t(&format!("dpia-section-{section}")))
            };
            show(&app, &staff, v, None, Errors::default(), notice).await
        }
        Err(AppError::Invalid(inv)) => {
            show(&app, &staff, v, Some(merged), errors_of(&staff.tr, &inv), String::new()).await
        }
        Err(AppError::Conflict(m)) => {
            show(&app, &staff, v, Some(merged), Errors(vec![(String::new(), m)]), String::new()).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn sign_off(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> PageResult {
    match app.sign_off_dpia(&staff.principal, id).await {
        Ok(_) => Ok(Redirect::to(&format!("/privacy/dpias/{id}")).into_response()),
        Err(AppError::Invalid(inv)) => {
            let v = app.dpia(&staff.principal, id).await?;
            let notice = staff.tr.t("dpia-not-signed-yet");
            show(&app, &staff, v, None, errors_of(&staff.tr, &inv), notice).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "dpia_print.html")]
struct PrintPage<'a> {
    tr: Tr,
    v: &'a DpiaView,
    controller: &'a Controller,
    status: String,
    printed: String,
}

impl PrintPage<'_> {
    fn level(&self, n: &u8) -> String {
        format!("{n} {}", level(&self.tr, *n))
    }

    fn measure_status(&self, m: &MeasureStatus) -> String {
        measure_status(&self.tr, *m)
    }
}

/// Where a measure stands, in words.
fn measure_status(tr: &Tr, m: MeasureStatus) -> String {
    tr.t(&format!("dpia-measure-{}", m.as_str().replace('_', "-")))
}

/// The assessment as a print-ready HTML document for `tr` (English for the
/// API's export).
pub(crate) fn dpia_document(v: &DpiaView, controller: &Controller) -> Result<String, askama::Error> {
    print_page(Tr::default(), v, controller).render()
}

fn print_page<'a>(tr: Tr, v: &'a DpiaView, controller: &'a Controller) -> PrintPage<'a> {
    let printed = tr.date(time::OffsetDateTime::now_utc());
    PrintPage { status: status(&tr, v), tr, v, controller, printed }
}

async fn print(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    let v = app.dpia(&s.principal, id).await?;
    let controller = app.read_controller_identity(&s.principal).await?;
    Ok(render(&print_page(s.tr.clone(), &v, &controller)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ExportQuery {
    format: String,
}

/// The assessment as a JSON download.
async fn export(
    State(app): State<App>,
    Staff(s): Staff,
    Id(id): Id<Uuid>,
    QueryForm(q): QueryForm<ExportQuery>,
) -> PageResult {
    if q.format != "json" {
        return Err(PageError::new(StatusCode::BAD_REQUEST, "Unknown format", "Choose JSON, or the print view."));
    }
    let v = app.dpia(&s.principal, id).await?;
    let body = kith_app::dpia::to_json(&v).to_string();
    let name = format!("attachment; filename=\"dpia-{id}.json\"");
    Ok(([(header::CONTENT_TYPE, "application/json".to_owned()), (header::CONTENT_DISPOSITION, name)], body)
        .into_response())
}
