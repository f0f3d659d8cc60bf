//! Privacy → Breaches (Art. 33–34), for dpo and admin: the list with each
//! breach's 72-hour clock, a new breach, and a breach's page (the record
//! with the risk and the decisions, the awareness moment and its
//! correction, the notices, the history, a link to find the affected
//! people). The notices' forms and print page are in `breach_notices`.

use super::breach_notices::{clock_text, word};
use super::form::{Errors, StaffForm};
use super::session::{layout, Staff};
use super::view::Layout;
use super::{render_status, Id, PageResult};
use crate::api::breaches::{record_fields, rfc, BreachIn};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::breaches::{BreachView, NewBreach};
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::breach::risk::SCALE;
use kith_domain::breach::{Art34Ground, AuthorityDecision, BreachStatus, Nature, PeopleDecision};
use kith_domain::{FieldError, Invalid};
use kith_i18n::Tr;
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/privacy/breaches", get(list).post(create))
        .route("/privacy/breaches/new", get(new))
        .route("/privacy/breaches/{id}", get(page).post(save))
        .route("/privacy/breaches/{id}/aware-at", post(correct))
        .merge(super::breach_notices::router())
}

/// The record as the form posts it: every value a string.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub(super) struct BreachForm {
    pub reference: String,
    pub title: String,
    pub authority_refs: String,
    pub occurred_from: String,
    pub occurred_to: String,
    pub detected_at: String,
    pub aware_at: String,
    pub aware_evidence: String,
    pub nature: Vec<String>,
    pub cause: String,
    pub systems: String,
    /// Category labels ticked (the field policy's categories).
    pub data_categories: Vec<String>,
    /// Special categories ticked (Art. 9-10).
    pub special_categories: Vec<String>,
    pub approx_records: String,
    pub approx_people: String,
    pub people_categories: String,
    pub countries: String,
    pub consequences: String,
    pub likelihood: String,
    pub severity: String,
    pub measures: String,
    pub dpo_view: String,
    pub authority_decision: String,
    pub authority_reason: String,
    pub people_decision: String,
    pub people_ground: String,
    pub people_reason: String,
    pub values_sealed: String,
    pub master_key_exposed: String,
    pub status: String,
    /// Recipients involved, ticked from the recipient register.
    pub recipient_ids: Vec<String>,
}

/// A `datetime-local` value (`2027-03-01T10:00`) read as UTC; RFC 3339 as is.
pub(super) fn local(s: &str) -> Option<String> {
    let s = s.trim();
    match s.len() {
        0 => None,
        16 => Some(format!("{s}:00Z")),
        19 if !s.ends_with('Z') => Some(format!("{s}Z")),
        _ => Some(s.to_owned()),
    }
}

/// A time for a `datetime-local` input (UTC).
fn local_of(t: Option<time::OffsetDateTime>) -> String {
    t.map(|t| rfc(t).chars().take(16).collect()).unwrap_or_default()
}

fn ticked(v: Vec<String>) -> Vec<String> {
    v.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

fn list_of(s: &str) -> Vec<String> {
    s.split([',', '\n']).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned).collect()
}

fn number<T: std::str::FromStr>(tr: &Tr, inv: &mut Vec<FieldError>, field: &str, s: &str) -> Option<T> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    s.parse().map_err(|_| inv.push(FieldError::new(field, tr.t("breaches-err-whole-number")))).ok()
}

impl BreachForm {
    fn into_input(self, tr: &Tr) -> Result<BreachIn, Vec<FieldError>> {
        let mut inv = Vec::new();
        let mut recipient_ids = Vec::new();
        for r in &self.recipient_ids {
            match Uuid::parse_str(r.trim()) {
                Ok(u) => recipient_ids.push(u),
                Err(_) => inv.push(FieldError::new("recipient_ids", tr.t("breaches-err-choice"))),
            }
        }
        let b = BreachIn {
            reference: self.reference,
            title: self.title,
            authority_refs: list_of(&self.authority_refs),
            occurred_from: local(&self.occurred_from),
            occurred_to: local(&self.occurred_to),
            detected_at: local(&self.detected_at),
            aware_at: local(&self.aware_at),
            aware_evidence: self.aware_evidence,
            nature: self.nature,
            cause: self.cause,
            systems: self.systems,
            recipient_ids,
            data_categories: ticked(self.data_categories),
            special_categories: ticked(self.special_categories),
            approx_records: number(tr, &mut inv, "approx_records", &self.approx_records),
            approx_people: number(tr, &mut inv, "approx_people", &self.approx_people),
            people_categories: self.people_categories,
            countries: list_of(&self.countries),
            consequences: self.consequences,
            likelihood: number(tr, &mut inv, "likelihood", &self.likelihood),
            severity: number(tr, &mut inv, "severity", &self.severity),
            measures: self.measures,
            dpo_view: self.dpo_view,
            authority_decision: Some(self.authority_decision),
            authority_reason: self.authority_reason,
            people_decision: Some(self.people_decision),
            people_ground: Some(self.people_ground),
            people_reason: self.people_reason,
            values_sealed: !self.values_sealed.is_empty(),
            master_key_exposed: !self.master_key_exposed.is_empty(),
            status: Some(self.status),
        };
        if inv.is_empty() {
            Ok(b)
        } else {
            Err(inv)
        }
    }

    fn of(v: &BreachView) -> BreachForm {
        let b = &v.stored.breach;
        let num = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
        let lvl = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
        BreachForm {
            reference: v.stored.reference.clone(),
            title: b.title.clone(),
            authority_refs: b.authority_refs.join(", "),
            occurred_from: local_of(b.occurred_from),
            occurred_to: local_of(b.occurred_to),
            detected_at: local_of(b.detected_at),
            aware_at: local_of(v.stored.aware.as_ref().map(|a| a.at)),
            aware_evidence: v.stored.aware.as_ref().map(|a| a.evidence.clone()).unwrap_or_default(),
            nature: b.nature.iter().map(|n| n.as_str().to_owned()).collect(),
            cause: b.cause.clone(),
            systems: b.systems.clone(),
            data_categories: b.data_categories.clone(),
            special_categories: b.special_categories.clone(),
            approx_records: num(b.approx_records),
            approx_people: num(b.approx_people),
            people_categories: b.people_categories.clone(),
            countries: b.countries.iter().map(|c| c.code()).collect::<Vec<_>>().join(", "),
            consequences: b.consequences.clone(),
            likelihood: lvl(b.likelihood),
            severity: lvl(b.severity),
            measures: b.measures.clone(),
            dpo_view: b.dpo_view.clone(),
            authority_decision: b.authority_decision.as_str().into(),
            authority_reason: b.authority_reason.clone(),
            people_decision: b.people_decision.as_str().into(),
            people_ground: b.people_ground.map(|g| g.as_str().to_owned()).unwrap_or_default(),
            people_reason: b.people_reason.clone(),
            values_sealed: if b.values_sealed { "on".into() } else { String::new() },
            master_key_exposed: if b.master_key_exposed { "on".into() } else { String::new() },
            status: b.status.as_str().into(),
            recipient_ids: b.recipients.iter().map(|r| r.0.to_string()).collect(),
        }
    }

    pub fn has(&self, nature: &str) -> bool {
        self.nature.iter().any(|n| n == nature)
    }

    /// Whether a category (or special category, or recipient id) is ticked.
    pub fn ticks(&self, list: &[String], item: &str) -> bool {
        list.iter().any(|x| x.eq_ignore_ascii_case(item))
    }

    /// Categories recorded that the choices do not offer (older records,
    /// or set through the API), kept as ticked boxes.
    pub fn others(&self, list: &[String], offered: &[(&str, String)]) -> Vec<String> {
        list.iter().filter(|x| !offered.iter().any(|o| o.0.eq_ignore_ascii_case(x))).cloned().collect()
    }
}

/// The words the form's choices offer.
pub(super) struct Choices {
    pub natures: Vec<(&'static str, String)>,
    pub levels: Vec<(String, String)>,
    pub authority: Vec<(&'static str, String)>,
    pub people: Vec<(&'static str, String)>,
    pub grounds: Vec<(&'static str, String)>,
    pub statuses: Vec<(&'static str, String)>,
    /// The field policy's categories and the special categories: the
    /// stored label (the value) and the reader's words.
    pub categories: Vec<(&'static str, String)>,
    pub specials: Vec<(&'static str, String)>,
    /// (id, legal name) of the recipient register.
    pub recipients: Vec<(String, String)>,
}

/// The form's choices, the recipient register's included.
async fn choices_for(app: &App, s: &Session) -> Result<Choices, AppError> {
    let mut c = choices(&s.tr);
    c.recipients =
        app.recipients(&s.principal).await?.into_iter().map(|r| (r.id.0.to_string(), r.recipient.legal_name)).collect();
    Ok(c)
}

fn choices(tr: &Tr) -> Choices {
    use kith_domain::policy::{FieldCategory, SpecialCategory};
    Choices {
        categories: FieldCategory::ALL.iter().map(|c| (c.label(), word(tr, "category", c.as_str()))).collect(),
        specials: SpecialCategory::ALL.iter().map(|c| (c.label(), word(tr, "special", c.as_str()))).collect(),
        recipients: Vec::new(),
        natures: Nature::ALL.iter().map(|n| (n.as_str(), word(tr, "nature", n.as_str()))).collect(),
        levels: SCALE.iter().map(|(n, _)| (n.to_string(), word(tr, "level", &n.to_string()))).collect(),
        authority: AuthorityDecision::ALL.iter().map(|n| (n.as_str(), word(tr, "authority", n.as_str()))).collect(),
        people: PeopleDecision::ALL.iter().map(|n| (n.as_str(), word(tr, "people", n.as_str()))).collect(),
        grounds: Art34Ground::ALL.iter().map(|n| (n.as_str(), word(tr, "ground", n.as_str()))).collect(),
        statuses: BreachStatus::ALL.iter().map(|n| (n.as_str(), word(tr, "status", n.as_str()))).collect(),
    }
}

/// One breach in the list.
struct Line {
    id: String,
    reference: String,
    title: String,
    status: String,
    aware_at: String,
    deadline: String,
    clock: String,
    overdue: bool,
    notified: bool,
}

#[derive(Template)]
#[template(path = "breaches.html")]
struct ListPage {
    l: Layout,
    lines: Vec<Line>,
}

async fn list(State(app): State<App>, Staff(s): Staff) -> PageResult {
    let tr = &s.tr;
    let lines = app
        .breaches(&s.principal)
        .await?
        .iter()
        .map(|v| Line {
            id: v.stored.id.to_string(),
            reference: v.stored.reference.clone(),
            title: v.stored.breach.title.clone(),
            status: word(tr, "status", v.stored.breach.status.as_str()),
            aware_at: v.stored.aware.as_ref().map(|a| tr.date_time(a.at)).unwrap_or_else(|| tr.t("breaches-not-set")),
            deadline: v.deadline.map(|d| tr.date_time(d)).unwrap_or_else(|| "—".into()),
            clock: if v.notified || v.stored.breach.status == BreachStatus::Closed {
                "—".into()
            } else {
                clock_text(tr, v.time_left)
            },
            overdue: v.time_left.is_some_and(|l| l.is_negative()) && !v.notified,
            notified: v.notified,
        })
        .collect();
    Ok(render_status(axum::http::StatusCode::OK, &ListPage { l: layout(&s, "privacy"), lines }))
}

#[derive(Template)]
#[template(path = "breach_new.html")]
struct NewPage {
    l: Layout,
    f: BreachForm,
    c: Choices,
    errors: Errors,
}

async fn show_new(app: &App, s: &Session, f: BreachForm, errors: Errors) -> PageResult {
    let page = NewPage { l: layout(s, "privacy"), f, c: choices_for(app, s).await?, errors };
    Ok(render_status(page.errors.status(), &page))
}

async fn new(State(app): State<App>, Staff(s): Staff) -> PageResult {
    // Only who keeps the register sees the form.
    app.breaches(&s.principal).await?;
    let f = BreachForm {
        authority_decision: "undecided".into(),
        people_decision: "undecided".into(),
        status: "open".into(),
        ..BreachForm::default()
    };
    show_new(&app, &s, f, Errors::default()).await
}

async fn create(State(app): State<App>, StaffForm { staff, form }: StaffForm<BreachForm>) -> PageResult {
    let r = match form.clone().into_input(&staff.tr).and_then(record_fields) {
        Ok((reference, breach, aware_at, aware_evidence)) => {
            app.create_breach(&staff.principal, NewBreach { reference, breach, aware_at, aware_evidence }).await
        }
        Err(e) => Err(Invalid(e).into()),
    };
    match r {
        Ok(id) => Ok(Redirect::to(&format!("/privacy/breaches/{id}")).into_response()),
        Err(AppError::Invalid(inv)) => show_new(&app, &staff, form, Errors::from_invalid(&inv)).await,
        Err(AppError::Conflict(m)) => show_new(&app, &staff, form, Errors(vec![("reference".into(), m)])).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "breach.html")]
pub(super) struct BreachPage {
    pub l: Layout,
    pub v: BreachView,
    pub f: BreachForm,
    pub c: Choices,
    pub errors: Errors,
    pub risk: String,
    pub proposed: String,
    pub aware_at: String,
    pub deadline: String,
    /// The 72-hour clock in words.
    pub clock: String,
    pub aware_by: String,
    pub people_found: String,
    /// (id, label) of the notices a follow-up may follow.
    pub followable: Vec<(String, String)>,
    pub notices: Vec<super::breach_notices::NoticeLine>,
    pub history: Vec<(String, String, String, String)>,
}

pub(super) async fn show_page(
    app: &App,
    s: &Session,
    id: Uuid,
    form: Option<BreachForm>,
    errors: Errors,
) -> PageResult {
    let v = app.breach(&s.principal, id).await?;
    let b = &v.stored.breach;
    let tr = &s.tr;
    let page = BreachPage {
        l: layout(s, "privacy"),
        f: form.unwrap_or_else(|| BreachForm::of(&v)),
        c: choices_for(app, s).await?,
        errors,
        risk: match b.risk_level() {
            Some(l) => tr.t2(
                "breaches-risk-value",
                "level",
                word(tr, "risk", l.as_str()),
                "method",
                word(tr, "method", b.risk_method.as_str()),
            ),
            None => tr.t("breaches-risk-unassessed"),
        },
        proposed: b.proposed_ground().map(|g| word(tr, "ground", g.as_str())).unwrap_or_default(),
        aware_at: v.stored.aware.as_ref().map(|a| tr.date_time(a.at)).unwrap_or_default(),
        deadline: v.deadline.map(|d| tr.date_time(d)).unwrap_or_default(),
        clock: clock_text(tr, v.time_left),
        aware_by: v.stored.aware.as_ref().and_then(|a| a.by).map(|u| u.to_string()).unwrap_or_else(|| "—".into()),
        people_found: v
            .people_found
            .map(|(n, at)| tr.t2("breaches-people-found", "n", n, "at", tr.date_time(at)))
            .unwrap_or_default(),
        followable: v
            .notices
            .iter()
            .filter(|n| n.stored.audience == kith_domain::breach::notice::Audience::Authority)
            .map(|n| {
                (
                    n.stored.id.to_string(),
                    tr.t2(
                        "breaches-followable",
                        "kind",
                        word(tr, "kind", n.stored.kind.as_str()),
                        "at",
                        tr.date_time(n.stored.created_at),
                    ),
                )
            })
            .collect(),
        notices: v.notices.iter().map(|n| super::breach_notices::NoticeLine::of(tr, n)).collect(),
        history: v
            .history
            .iter()
            .map(|h| (tr.date_time(h.at), h.actor.clone(), h.change.clone(), history_text(tr, &h.detail)))
            .collect(),
        v,
    };
    Ok(render_status(page.errors.status(), &page))
}

async fn page(State(app): State<App>, Id(id): Id<Uuid>, Staff(s): Staff) -> PageResult {
    show_page(&app, &s, id, None, Errors::default()).await
}

async fn save(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<BreachForm>,
) -> PageResult {
    let r = match form.clone().into_input(&staff.tr).and_then(record_fields) {
        Ok((_, breach, aware_at, aware_evidence)) => {
            app.update_breach(&staff.principal, id, breach, aware_at, aware_evidence).await
        }
        Err(e) => Err(Invalid(e).into()),
    };
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/privacy/breaches/{id}")).into_response()),
        Err(AppError::Invalid(inv)) => show_page(&app, &staff, id, Some(form), Errors::from_invalid(&inv)).await,
        Err(AppError::Conflict(m)) => {
            show_page(&app, &staff, id, Some(form), Errors(vec![("aware_at".into(), m)])).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CorrectForm {
    aware_at: String,
    evidence: String,
    reason: String,
}

async fn correct(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<CorrectForm>,
) -> PageResult {
    let mut inv = Vec::new();
    let at = crate::api::breaches::time_of(&mut inv, "aware_at", local(&form.aware_at).as_deref());
    let r = match at {
        Some(at) => app.correct_breach_aware_at(&staff.principal, id, at, form.evidence, form.reason).await,
        None if inv.is_empty() => Err(Invalid::one("aware_at", staff.tr.t("breaches-err-required")).into()),
        None => Err(Invalid(inv).into()),
    };
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/privacy/breaches/{id}#history")).into_response()),
        Err(AppError::Invalid(inv)) => {
            let e = Errors(inv.0.iter().map(|f| (format!("correct_{}", f.field), f.message.clone())).collect());
            show_page(&app, &staff, id, None, e).await
        }
        Err(e) => Err(e.into()),
    }
}

/// A history line's detail in words: `field: old → new` for a change,
/// `field: value` otherwise; times (fields ending in `_at`, kept as
/// milliseconds) as dates.
fn history_text(tr: &Tr, detail: &serde_json::Value) -> String {
    use serde_json::Value;
    fn word(tr: &Tr, key: &str, v: &Value) -> String {
        match v {
            Value::Null => "—".into(),
            Value::String(s) if s.is_empty() => "—".into(),
            Value::String(s) => s.clone(),
            Value::Number(n) if key.ends_with("_at") => n
                .as_i64()
                .and_then(|ms| time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok())
                .map(|t| tr.date_time(t))
                .unwrap_or_else(|| n.to_string()),
            Value::Array(a) if a.is_empty() => "—".into(),
            Value::Array(a) => a.iter().map(|x| word(tr, key, x)).collect::<Vec<_>>().join(", "),
            other => other.to_string(),
        }
    }
    let Some(fields) = detail.as_object() else { return word(tr, "", detail) };
    fields
        .iter()
        .map(|(k, v)| match v.as_object() {
            Some(c) if c.len() == 2 && c.contains_key("old") && c.contains_key("new") => {
                format!("{k}: {} → {}", word(tr, k, &c["old"]), word(tr, k, &c["new"]))
            }
            _ => format!("{k}: {}", word(tr, k, v)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}
