//! Privacy pages: the compliance overview, consent setup (purposes,
//! notices, subscription types, forms), the outbox, and on each contact the
//! privacy panel (badges, lawful bases, recording consent by phone or paper).

use super::form::StaffForm;
use super::session::{layout, Staff};
use super::view::{self, Layout};
use super::{render, render_status, Id, PageError, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::consent::{BasisAssignment, ConsentInput, PurposeStanding};
use kith_app::purposes::{FormFields, NoticeFields, PurposeFields, SubscriptionFields};
use kith_app::sessions::Session;
use kith_app::{App, AppError, Principal};
use kith_domain::consent::BasisSource;
use kith_domain::{Channel, ConsentAction, ConsentMethod, ConsentState, LawfulBasis, PurposeId, SubjectId};
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/privacy", get(overview))
        .route("/privacy/setup", get(setup))
        .route("/privacy/purposes", post(add_purpose))
        .route("/privacy/notices", post(add_notice))
        .route("/privacy/subscriptions", post(add_subscription))
        .route("/privacy/forms", post(add_form))
        .route("/privacy/forms/{id}", get(edit_form_page).post(save_form))
        .route("/privacy/purposes/{id}", get(edit_purpose_page).post(save_purpose))
        .route("/outbox", get(outbox))
        .route("/outbox/{id}", get(outbox_message))
        .route("/contacts/{id}/basis", post(set_basis))
        .route("/contacts/{id}/consent", post(record_consent))
        .route("/contacts/{id}/receipts/{seq}", get(receipt))
        .route("/contacts/{id}/restriction", post(set_restriction))
        .route("/contacts/{id}/hold", post(set_hold))
        .route("/contacts/{id}/reviewed", post(mark_reviewed))
        .route("/contacts/{id}/objections", post(object))
        .route("/contacts/{id}/objections/{purpose}", post(decide))
}

// ------------------------------------------------------ the contact's panel

/// One badge: a CSS class (`ok`, `no`, `wait`) and its words.
pub(crate) struct Badge {
    pub class: &'static str,
    pub text: String,
}

pub(crate) struct PanelRow {
    pub purpose: String,
    pub basis: String,
    pub detail: String,
    pub badges: Vec<Badge>,
}

/// One ledger event as the contact page lists it.
pub(crate) struct HistoryRow {
    pub seq: i64,
    pub when: String,
    pub iso: String,
    pub purpose: String,
    pub action: &'static str,
    pub channels: String,
    pub method: &'static str,
    pub receipt: bool,
}

/// What the contact page shows in its privacy panel.
#[derive(Default)]
pub(crate) struct Panel {
    pub rows: Vec<PanelRow>,
    pub purposes: Vec<(String, String)>,
    pub can_record: bool,
    /// Newest first.
    pub history: Vec<HistoryRow>,
    /// When processing was restricted (Art. 18), if it is.
    pub restricted_since: Option<String>,
    /// May restrict, lift, and decide on objections.
    pub can_manage: bool,
    /// Purpose id, purpose name, decision words, still pending.
    pub objections: Vec<(String, String, &'static str, bool)>,
    /// The person's data-subject requests, newest first.
    pub requests: Vec<super::dsr::Line>,
    pub dsr_kinds: Vec<(&'static str, &'static str)>,
    pub dsr_channels: Vec<(&'static str, &'static str)>,
    /// When the data expires and why, in words (none for roles that may not see it).
    pub retention: Option<String>,
    /// The legal hold's reason and review date.
    pub hold: Option<(String, String)>,
    /// Last reviewed, and whether a review is due.
    pub reviewed: Option<(String, bool)>,
    pub can_review: bool,
}

fn badge(ch: Channel, purpose: &str, state: ConsentState, allowed: bool) -> Option<Badge> {
    let verb = match ch {
        Channel::Email => "email",
        Channel::Phone => "call",
        Channel::Sms => "text",
        Channel::Post => "write",
    };
    Some(match state {
        ConsentState::Refused { .. } | ConsentState::Withdrawn { .. } => {
            Badge { class: "no", text: format!("Do not {verb}: {purpose}") }
        }
        ConsentState::Awaiting { since, .. } => {
            Badge { class: "wait", text: format!("{}: {purpose} — awaiting since {}", ch.label(), view::date(since)) }
        }
        ConsentState::NotResponded { .. } => {
            Badge { class: "no", text: format!("{}: {purpose} — not responded", ch.label()) }
        }
        ConsentState::Expired { .. } => {
            Badge { class: "no", text: format!("{}: {purpose} — consent expired", ch.label()) }
        }
        _ if allowed => Badge { class: "ok", text: format!("{}: {purpose} ✓", ch.label()) },
        _ => return None,
    })
}

pub(crate) async fn panel(app: &App, p: &Principal, id: SubjectId) -> Result<Panel, AppError> {
    let standing = app.permissions(p, id, time::OffsetDateTime::now_utc()).await?;
    let purposes: Vec<(String, String)> =
        standing.iter().map(|s| (s.purpose.id.to_string(), s.purpose.name.clone())).collect();
    let staff = super::names::staff(app, p).await?;
    let rows = standing
        .into_iter()
        .map(|PurposeStanding { purpose, basis, channels }| {
            let badges =
                channels.into_iter().filter_map(|(ch, st, d)| badge(ch, &purpose.name, st, d.allowed)).collect();
            let (b, detail) = match basis {
                Some(b) => (
                    b.basis.label().to_owned(),
                    format!(
                        "{} {}{}, since {}, set by {}",
                        b.source.label(),
                        b.source_name.map(|n| format!("“{n}”")).unwrap_or_default(),
                        b.lia_ref.map(|r| format!(", assessment {r}")).unwrap_or_default(),
                        view::date(b.effective_at),
                        b.set_by.and_then(|u| staff.get(&u.0).cloned()).unwrap_or_else(|| "the system".into()),
                    ),
                ),
                None => (LawfulBasis::NotApplicable.label().to_owned(), String::new()),
            };
            PanelRow { purpose: purpose.name, basis: b, detail, badges }
        })
        .collect();
    let names: std::collections::HashMap<String, String> = purposes.iter().cloned().collect();
    let history = app
        .consent_timeline(p, id)
        .await?
        .into_iter()
        .rev()
        .map(|e| HistoryRow {
            seq: e.seq,
            when: view::date_time(e.at),
            iso: view::iso(e.at),
            purpose: names.get(&e.purpose.to_string()).cloned().unwrap_or_default(),
            action: e.action.label(),
            channels: e.channels.iter().map(|c| c.label()).collect::<Vec<_>>().join(", "),
            method: e.method.label(),
            receipt: matches!(e.action, ConsentAction::Given | ConsentAction::Withdrawn),
        })
        .collect();
    let objections = app
        .objections(p, id)
        .await?
        .into_iter()
        .map(|o| {
            let name = names.get(&o.purpose.to_string()).cloned().unwrap_or_default();
            (o.purpose.to_string(), name, o.decision.label(), o.decision == kith_domain::ObjectionDecision::Pending)
        })
        .collect();
    let standing = match app.retention_of(p, id).await {
        Ok(s) => Some(s),
        Err(AppError::Forbidden(_)) => None,
        Err(e) => return Err(e),
    };
    let now = time::OffsetDateTime::now_utc();
    Ok(Panel {
        retention: standing.as_ref().map(|s| s.explain()),
        hold: standing.as_ref().and_then(|s| s.hold.as_ref()).map(|h| (h.reason.clone(), view::date(h.review_on))),
        reviewed: standing
            .as_ref()
            .and_then(|s| s.reviewed_at.map(|r| (view::date(r), s.review_due.is_some_and(|d| d <= now)))),
        can_review: p.role.can_write_crm(),
        rows,
        purposes,
        can_record: p.role.can_record_consent(),
        history,
        restricted_since: app.restricted_since(id).await?.map(view::date_time),
        can_manage: p.role.can_manage_privacy(),
        objections,
        requests: if p.role.can_record_consent() || p.role.can_read_audit() {
            app.dsrs_of(p, id).await?.iter().map(super::dsr::line).collect()
        } else {
            vec![]
        },
        dsr_kinds: kith_domain::dsr::DsrKind::ALL.iter().map(|k| (k.as_str(), k.label())).collect(),
        dsr_channels: kith_domain::dsr::DsrChannel::ALL
            .iter()
            .filter(|c| **c != kith_domain::dsr::DsrChannel::Portal)
            .map(|c| (c.as_str(), c.label()))
            .collect(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct BasisForm {
    purpose: String,
    basis: String,
    lia_ref: String,
    /// `YYYY-MM-DD`: when the contract (or other basis) ends, if known.
    ends_on: String,
}

fn purpose_id(s: &str) -> Result<PurposeId, PageError> {
    Uuid::parse_str(s)
        .map(PurposeId)
        .map_err(|_| PageError::new(StatusCode::UNPROCESSABLE_ENTITY, "Please check the input", "Choose a purpose."))
}

fn blank(s: &str) -> Option<String> {
    Some(s.trim().to_owned()).filter(|s| !s.is_empty())
}

async fn set_basis(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<BasisForm>,
) -> PageResult {
    let basis = LawfulBasis::parse(&form.basis).ok_or_else(|| {
        PageError::new(StatusCode::UNPROCESSABLE_ENTITY, "Please check the input", "Choose a lawful basis.")
    })?;
    let ends_at = match form.ends_on.trim() {
        "" => None,
        d => Some(
            time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]"))
                .map_err(|_| {
                    PageError::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "Please check the input",
                        "The end date must be a date such as 2027-06-30.",
                    )
                })?
                .midnight()
                .assume_utc(),
        ),
    };
    let a = BasisAssignment {
        purpose: purpose_id(&form.purpose)?,
        basis,
        source: BasisSource::Manual,
        source_name: None,
        lia_ref: blank(&form.lia_ref),
        effective_at: None,
        ends_at,
    };
    app.set_basis(&staff.principal, SubjectId(id), &a).await?;
    Ok(Redirect::to(&format!("/contacts/{id}#privacy")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ConsentForm {
    purpose: String,
    action: String,
    method: String,
    channel: Vec<String>,
    affirmative_act: String,
    evidence_ref: String,
}

async fn record_consent(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<ConsentForm>,
) -> PageResult {
    let c = ConsentInput {
        purpose: Some(purpose_id(&form.purpose)?),
        action: ConsentAction::parse(&form.action),
        channels: form.channel.iter().filter_map(|c| Channel::parse(c)).collect(),
        method: ConsentMethod::parse(&form.method),
        affirmative_act: blank(&form.affirmative_act),
        evidence_ref: blank(&form.evidence_ref),
        ..Default::default()
    };
    app.record_consent(&staff.principal, SubjectId(id), c).await?;
    Ok(Redirect::to(&format!("/contacts/{id}#privacy")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RestrictionForm {
    /// `on` restricts, anything else lifts.
    restrict: String,
}

async fn set_restriction(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<RestrictionForm>,
) -> PageResult {
    if form.restrict == "on" {
        app.restrict(&staff.principal, SubjectId(id)).await?;
    } else {
        app.lift_restriction(&staff.principal, SubjectId(id)).await?;
    }
    Ok(Redirect::to(&format!("/contacts/{id}#privacy")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct HoldForm {
    /// `place` or `release`.
    action: String,
    reason: String,
    /// `YYYY-MM-DD`.
    review_on: String,
}

async fn set_hold(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<HoldForm>,
) -> PageResult {
    if form.action == "release" {
        app.release_hold(&staff.principal, SubjectId(id)).await?;
    } else {
        let date = time::Date::parse(form.review_on.trim(), time::macros::format_description!("[year]-[month]-[day]"))
            .map_err(|_| {
                PageError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "Please check the input",
                    "The review date must be a date such as 2027-06-30.",
                )
            })?;
        app.set_hold(&staff.principal, SubjectId(id), &form.reason, date).await?;
    }
    Ok(Redirect::to(&format!("/contacts/{id}#privacy")).into_response())
}

async fn mark_reviewed(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, .. }: StaffForm<HoldForm>,
) -> PageResult {
    app.mark_reviewed(&staff.principal, SubjectId(id)).await?;
    Ok(Redirect::to(&format!("/contacts/{id}#privacy")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ObjectForm {
    purpose: String,
    decision: String,
}

async fn object(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<ObjectForm>,
) -> PageResult {
    app.record_objection(&staff.principal, SubjectId(id), purpose_id(&form.purpose)?).await?;
    Ok(Redirect::to(&format!("/contacts/{id}#privacy")).into_response())
}

async fn decide(
    State(app): State<App>,
    Id((id, purpose)): Id<(Uuid, Uuid)>,
    StaffForm { staff, form }: StaffForm<ObjectForm>,
) -> PageResult {
    let decision = match kith_domain::ObjectionDecision::parse(&form.decision) {
        Some(d @ (kith_domain::ObjectionDecision::Upheld | kith_domain::ObjectionDecision::Overridden)) => d,
        _ => {
            return Err(PageError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "Please check the input",
                "Choose upheld or overridden.",
            ))
        }
    };
    app.decide_objection(&staff.principal, SubjectId(id), PurposeId(purpose), decision).await?;
    Ok(Redirect::to(&format!("/contacts/{id}#privacy")).into_response())
}

/// A consent receipt as a JSON download (reading it is audited).
async fn receipt(State(app): State<App>, Staff(s): Staff, Id((id, seq)): Id<(Uuid, i64)>) -> PageResult {
    let r = app.consent_receipt(&s.principal, SubjectId(id), seq).await?;
    Ok(([(axum::http::header::CONTENT_DISPOSITION, "attachment; filename=\"consent-receipt.json\"")], axum::Json(r))
        .into_response())
}

// ---------------------------------------------------------------- overview

/// A purpose's name, its counts per basis, and per channel its counts per state.
type OverviewRow = (String, Vec<i64>, Vec<(&'static str, Vec<i64>)>);

#[derive(Template)]
#[template(path = "privacy.html")]
struct Overview {
    l: Layout,
    contacts: i64,
    bases: Vec<&'static str>,
    states: Vec<&'static str>,
    rows: Vec<OverviewRow>,
    can_manage: bool,
}

async fn overview(State(app): State<App>, Staff(s): Staff) -> PageResult {
    let sum = app.compliance_summary(&s.principal).await?;
    let rows = sum
        .purposes
        .into_iter()
        .map(|(pu, b, c)| {
            let chans = c
                .into_iter()
                .filter(|(ch, st)| *ch == Channel::Email || st.iter().any(|(k, n)| *k != "none" && *n > 0))
                .map(|(ch, st)| (ch.label(), st.into_iter().map(|(_, n)| n).collect()))
                .collect();
            (pu.name, b.into_iter().map(|(_, n)| n).collect(), chans)
        })
        .collect();
    Ok(render(&Overview {
        l: layout(&s, "privacy"),
        contacts: sum.contacts,
        bases: LawfulBasis::ALL.iter().map(|b| b.label()).collect(),
        states: ConsentState::NAMES.to_vec(),
        rows,
        can_manage: s.role().can_manage_privacy(),
    }))
}

// ------------------------------------------------------------------- setup

#[derive(Template)]
#[template(path = "privacy_setup.html")]
struct Setup {
    l: Layout,
    errors: Vec<String>,
    purposes: Vec<(String, String, &'static str)>,
    notices: Vec<(String, String, i64, String)>,
    subs: Vec<(String, String, String)>,
    forms: Vec<(String, String, bool, String)>,
    bases: Vec<(&'static str, &'static str)>,
}

async fn setup_page(app: &App, s: &Session, status: StatusCode, errors: Vec<String>) -> PageResult {
    let p = &s.principal;
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
        purposes: purposes.iter().map(|x| (x.id.to_string(), x.name.clone(), x.default_basis.label())).collect(),
        bases: LawfulBasis::ALL.iter().map(|b| (b.as_str(), b.label())).collect(),
    };
    Ok(render_status(status, &page))
}

async fn setup(State(app): State<App>, Staff(s): Staff) -> PageResult {
    setup_page(&app, &s, StatusCode::OK, vec![]).await
}

/// Re-shows the setup page with the refusal, or goes back to it.
async fn after(app: &App, s: &Session, r: Result<(), AppError>) -> PageResult {
    match r {
        Ok(()) => Ok(Redirect::to("/privacy/setup").into_response()),
        Err(AppError::Invalid(inv)) => {
            let msgs = inv.0.iter().map(|e| format!("{}: {}", view::label(&e.field), e.message)).collect();
            setup_page(app, s, StatusCode::UNPROCESSABLE_ENTITY, msgs).await
        }
        Err(AppError::Conflict(m)) => setup_page(app, s, StatusCode::CONFLICT, vec![m]).await,
        Err(e) => Err(e.into()),
    }
}

fn list(s: &str) -> Vec<String> {
    s.split(',').map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned).collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PurposeForm {
    name: String,
    description: String,
    default_basis: String,
    categories: String,
    retention: String,
    recipients: String,
    /// `yes` when ticked.
    direct_marketing: String,
    /// The retention rule's words (all blank: no rule).
    rule_anchor: String,
    rule_count: String,
    rule_unit: String,
    rule_disposal: String,
}

impl PurposeForm {
    fn rule(&self) -> Result<Option<kith_domain::retention::Rule>, AppError> {
        let count = match self.rule_count.trim() {
            "" => None,
            n => Some(
                n.parse::<i64>()
                    .map_err(|_| kith_domain::Invalid::one("retention_period", "must be a whole number"))?,
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

async fn add_purpose(State(app): State<App>, StaffForm { staff, form }: StaffForm<PurposeForm>) -> PageResult {
    let rule = match form.rule() {
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
struct NoticeForm {
    name: String,
    language: String,
    url: String,
    body: String,
}

async fn add_notice(State(app): State<App>, StaffForm { staff, form }: StaffForm<NoticeForm>) -> PageResult {
    let f = NoticeFields { name: form.name, language: form.language, url: blank(&form.url), body: form.body };
    let r = app.create_notice(&staff.principal, f).await.map(|_| ());
    after(&app, &staff, r).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SubForm {
    name: String,
    description: String,
    purpose: String,
    channel: Vec<String>,
}

async fn add_subscription(State(app): State<App>, StaffForm { staff, form }: StaffForm<SubForm>) -> PageResult {
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
struct NewForm {
    slug: String,
    title: String,
    intro: String,
    field: Vec<String>,
    sub: Vec<String>,
    notice: String,
    third_parties: String,
    button: String,
    language: String,
    logo_url: String,
    /// `yes` when the "active" box is ticked (edit page).
    active: String,
}

/// The form's fields as the app takes them, or why they cannot be read.
fn form_fields(form: &NewForm, active: bool) -> Result<FormFields, String> {
    let bad = || "Choose a notice and at least one subscription type.".to_owned();
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

async fn add_form(State(app): State<App>, StaffForm { staff, form }: StaffForm<NewForm>) -> PageResult {
    let f = match form_fields(&form, true) {
        Ok(f) => f,
        Err(e) => return setup_page(&app, &staff, StatusCode::UNPROCESSABLE_ENTITY, vec![e]).await,
    };
    let r = app.save_form(&staff.principal, None, f).await.map(|_| ());
    after(&app, &staff, r).await
}

// ------------------------------------------------------------ edit pages

#[derive(Template)]
#[template(path = "privacy_form_edit.html")]
struct EditForm {
    l: Layout,
    id: String,
    errors: Vec<String>,
    f: NewForm,
    active: bool,
    fields: Vec<(&'static str, &'static str, bool)>,
    subs: Vec<(String, String, bool)>,
    notices: Vec<(String, String, bool)>,
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
    let page = EditForm {
        l: layout(s, "privacy"),
        id: id.to_string(),
        errors,
        fields: [("first_name", "First name"), ("last_name", "Last name"), ("phone", "Phone")]
            .into_iter()
            .map(|(k, label)| (k, label, f.field.iter().any(|x| x == k)))
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
            .map(|n| (n.id.to_string(), format!("{} v{}", n.name, n.version), f.notice == n.id.to_string()))
            .collect(),
        f,
        active,
    };
    Ok(render_status(status, &page))
}

async fn edit_form_page(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
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

async fn save_form(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<NewForm>,
) -> PageResult {
    let active = form.active == "yes";
    let fields = match form_fields(&form, active) {
        Ok(f) => f,
        Err(e) => {
            return edit_form_view(&app, &staff, id, form, active, StatusCode::UNPROCESSABLE_ENTITY, vec![e]).await
        }
    };
    match app.save_form(&staff.principal, Some(id), fields).await {
        Ok(_) => Ok(Redirect::to("/privacy/setup").into_response()),
        Err(AppError::Invalid(inv)) => {
            let msgs = inv.0.iter().map(|e| format!("{}: {}", view::label(&e.field), e.message)).collect();
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
    bases: Vec<(&'static str, &'static str, bool)>,
    anchors: Vec<(&'static str, &'static str, bool)>,
    units: Vec<(&'static str, &'static str, bool)>,
    disposals: Vec<(&'static str, &'static str, bool)>,
}

fn purpose_view(s: &Session, id: Uuid, f: PurposeForm, status: StatusCode, errors: Vec<String>) -> PageResult {
    use kith_domain::retention::{Anchor, Disposal, PeriodUnit};
    let bases = LawfulBasis::ALL.iter().map(|b| (b.as_str(), b.label(), f.default_basis == b.as_str())).collect();
    let anchors = Anchor::ALL.iter().map(|a| (a.as_str(), a.label(), f.rule_anchor == a.as_str())).collect();
    let units = PeriodUnit::ALL.iter().map(|a| (a.as_str(), a.label(), f.rule_unit == a.as_str())).collect();
    let disposals = Disposal::ALL.iter().map(|a| (a.as_str(), a.label(), f.rule_disposal == a.as_str())).collect();
    let page = EditPurpose { l: layout(s, "privacy"), id: id.to_string(), errors, f, bases, anchors, units, disposals };
    Ok(render_status(status, &page))
}

async fn edit_purpose_page(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
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

async fn save_purpose(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<PurposeForm>,
) -> PageResult {
    let rule = match form.rule() {
        Ok(r) => r,
        Err(AppError::Invalid(inv)) => {
            let msgs = inv.0.iter().map(|e| format!("{}: {}", view::label(&e.field), e.message)).collect();
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
            let msgs = inv.0.iter().map(|e| format!("{}: {}", view::label(&e.field), e.message)).collect();
            purpose_view(&staff, id, form, StatusCode::UNPROCESSABLE_ENTITY, msgs)
        }
        Err(AppError::Conflict(m)) => purpose_view(&staff, id, form, StatusCode::CONFLICT, vec![m]),
        Err(e) => Err(e.into()),
    }
}

// ------------------------------------------------------------------ outbox

#[derive(Template)]
#[template(path = "outbox.html")]
struct Outbox {
    l: Layout,
    rows: Vec<(String, String, String, String, i64)>,
    open: Option<kith_app::records::Mail>,
}

async fn outbox_page(app: &App, s: &Session, open: Option<Uuid>) -> PageResult {
    let p = &s.principal;
    let rows = app
        .outbox(p)
        .await?
        .into_iter()
        .map(|m| (m.id.to_string(), view::date_time(m.created_at), m.kind, m.status, m.attempts))
        .collect();
    let open = match open {
        Some(id) => Some(app.outbox_message(p, id).await?.1),
        None => None,
    };
    Ok(render(&Outbox { l: layout(s, "privacy"), rows, open }))
}

async fn outbox(State(app): State<App>, Staff(s): Staff) -> PageResult {
    outbox_page(&app, &s, None).await
}

async fn outbox_message(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    outbox_page(&app, &s, Some(id)).await
}
