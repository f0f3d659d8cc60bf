//! Marketing → Campaigns: newsletter campaigns with their counts, a form
//! for a new one (name, subscription type, saved segment or a contact-list
//! filter, template, send now or at a time, rate) with the audience counted
//! before sending, and a campaign's page: counts, pause / resume / cancel,
//! the delivery log page by page with contact names for staff who may see
//! them. Marketing and admins run campaigns; the dpo reads them.

use super::form::{NoFields, StaffForm};
use super::session::{layout, Staff};
use super::templates::{code, link, rich};
use super::view::Layout;
use super::{render, render_status, Id, PageResult};
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::newsletters::{NewsletterInput, NewsletterView};
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::newsletter::{CampaignAction, CampaignStatus, RecipientStatus, DEFAULT_RATE};
use kith_domain::template::TemplateKind;
use kith_domain::Invalid;
use kith_i18n::Tr;
use serde::Deserialize;
use time::OffsetDateTime;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/campaigns", get(list).post(create))
        .route("/campaigns/new", get(new))
        .route("/campaigns/{id}", get(show))
        .route("/campaigns/{id}/schedule", post(schedule))
        .route("/campaigns/{id}/pause", post(pause))
        .route("/campaigns/{id}/resume", post(resume))
        .route("/campaigns/{id}/cancel", post(cancel))
}

/// Rows of the delivery log per page.
const LOG_PAGE: i64 = 50;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct NewForm {
    name: String,
    subscription_type: String,
    template: String,
    segment: String,
    query: String,
    /// `now`, `at` or `draft`.
    when: String,
    /// `YYYY-MM-DDTHH:MM`, UTC.
    at: String,
    rate: String,
}

struct Row {
    id: String,
    name: String,
    status: String,
    audience: String,
    queued: String,
    sent: String,
    failed: String,
    skipped: String,
}

fn row(tr: &Tr, v: &NewsletterView) -> Row {
    let (c, n) = (&v.campaign, &v.counts);
    let num = |x: i64| tr.number(i128::from(x));
    Row {
        id: c.id.to_string(),
        name: c.name.clone(),
        status: tr.t(&format!("campaigns-status-{}", c.status.as_str())),
        audience: num(n.audience()),
        queued: num(n.queued + n.pending),
        sent: num(n.sent),
        failed: num(n.failed),
        skipped: num(n.skipped),
    }
}

/// A recipient's status as the reader reads it.
fn recipient_status(tr: &Tr, s: RecipientStatus) -> String {
    tr.t(&format!("campaigns-recipient-{}", s.as_str()))
}

#[derive(askama::Template)]
#[template(path = "campaigns.html")]
struct ListPage {
    l: Layout,
    rows: Vec<Row>,
    can_send: bool,
}

#[derive(askama::Template)]
#[template(path = "campaign_new.html")]
struct NewPage {
    l: Layout,
    f: NewForm,
    types: Vec<(String, String)>,
    templates: Vec<(String, String)>,
    segments: Vec<(String, String)>,
    errors: Vec<String>,
    /// "No newsletter template yet: write one." with its link.
    no_template: String,
    /// The filter's label with its example.
    query_label: String,
}

struct LogLine {
    contact: String,
    name: String,
    status: String,
    reason: String,
}

#[derive(askama::Template)]
#[template(path = "campaign.html")]
struct ShowPage {
    l: Layout,
    r: Row,
    status: &'static str,
    purpose: String,
    scheduled: String,
    rate: i64,
    query: String,
    /// Counted now for a draft (those who may be emailed for the purpose).
    audience_now: Option<i64>,
    can_schedule: bool,
    can_pause: bool,
    can_resume: bool,
    can_cancel: bool,
    log: Vec<LogLine>,
    filter: String,
    statuses: Vec<(&'static str, String)>,
    next: Option<String>,
    notice: Option<String>,
}

fn can_send(s: &Session) -> bool {
    s.role().can_send_campaigns()
}

async fn list(State(app): State<App>, Staff(s): Staff) -> PageResult {
    let rows = app.newsletters(&s.principal).await?.iter().map(|v| row(&s.tr, v)).collect();
    Ok(render(&ListPage { l: layout(&s, "campaigns"), rows, can_send: can_send(&s) }))
}

async fn new_page(app: &App, s: &Session, f: NewForm, errors: Vec<String>) -> PageResult {
    if !can_send(s) {
        return Err(AppError::Forbidden("create a newsletter campaign").into());
    }
    let types = app
        .subscription_types()
        .await?
        .into_iter()
        .filter(|t| t.channels.contains(&kith_domain::Channel::Email))
        .map(|t| (t.id.to_string(), t.name))
        .collect();
    let templates = app
        .templates(&s.principal)
        .await?
        .into_iter()
        .filter(|t| t.kind == TemplateKind::Newsletter)
        .map(|t| (t.id.to_string(), t.name))
        .collect();
    let segments = app.segments(&s.principal).await?.into_iter().map(|x| (x.id.to_string(), x.name)).collect();
    let status =
        if errors.is_empty() { axum::http::StatusCode::OK } else { axum::http::StatusCode::UNPROCESSABLE_ENTITY };
    let no_template =
        rich(&s.tr, "campaigns-no-template", &[], &[("link", link("/templates/new", &s.tr.t("campaigns-write-one")))]);
    let query_label = rich(&s.tr, "campaigns-query", &[], &[("example", code("tag=vip"))]);
    let page = NewPage { l: layout(s, "campaigns"), f, types, templates, segments, errors, no_template, query_label };
    Ok(render_status(status, &page))
}

async fn new(State(app): State<App>, Staff(s): Staff) -> PageResult {
    let f = NewForm { when: "draft".into(), rate: DEFAULT_RATE.to_string(), ..Default::default() };
    new_page(&app, &s, f, Vec::new()).await
}

fn words(inv: &Invalid) -> Vec<String> {
    inv.0
        .iter()
        .map(|e| if e.field.is_empty() { e.message.clone() } else { format!("{}: {}", e.field, e.message) })
        .collect()
}

/// "Send now" (`Some(None)`), "at" a UTC time (`Some(Some(t))`), or keep a draft (`None`).
fn parse_when(tr: &Tr, when: &str, at: &str) -> Result<Option<Option<OffsetDateTime>>, Invalid> {
    match when {
        "now" => Ok(Some(None)),
        "at" => {
            let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
            time::PrimitiveDateTime::parse(at.trim(), &fmt)
                .map(|t| Some(Some(t.assume_utc())))
                .map_err(|_| Invalid::one("at", tr.t("campaigns-give-time")))
        }
        _ => Ok(None),
    }
}

fn parse_form(tr: &Tr, f: &NewForm) -> Result<(NewsletterInput, Option<Option<OffsetDateTime>>), Invalid> {
    let mut inv = Invalid::default();
    let id = |inv: &mut Invalid, field: &str, v: &str| match Uuid::parse_str(v.trim()) {
        Ok(u) => Some(u),
        Err(_) => {
            inv.push(field, tr.t("campaigns-choose-one"));
            None
        }
    };
    let st = id(&mut inv, "subscription_type_id", &f.subscription_type);
    let tpl = id(&mut inv, "template_id", &f.template);
    let segment = match f.segment.trim() {
        "" => None,
        s => id(&mut inv, "segment_id", s),
    };
    let rate = match f.rate.trim() {
        "" => None,
        r => match r.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                inv.push("rate_per_minute", tr.t("campaigns-whole-number"));
                None
            }
        },
    };
    let when = match parse_when(tr, &f.when, &f.at) {
        Ok(w) => w,
        Err(e) => {
            inv.check("", Err::<(), _>(e));
            None
        }
    };
    inv.into_result()?;
    Ok((
        NewsletterInput {
            name: f.name.clone(),
            subscription_type: st.unwrap_or_default(),
            template: tpl.unwrap_or_default(),
            segment,
            query: Some(f.query.clone()).filter(|q| !q.trim().is_empty()),
            rate_per_minute: rate,
        },
        when,
    ))
}

async fn create(State(app): State<App>, StaffForm { staff, form }: StaffForm<NewForm>) -> PageResult {
    let p = &staff.principal;
    let r = match parse_form(&staff.tr, &form) {
        Err(inv) => Err(AppError::Invalid(inv)),
        Ok((input, when)) => match app.create_newsletter(p, &input).await {
            Err(e) => Err(e),
            Ok(v) => {
                let id = v.campaign.id;
                if let Some(at) = when {
                    if let Err(e) = app.schedule_newsletter(p, id, at).await {
                        let msg = match e {
                            AppError::Invalid(inv) => words(&inv).join("; "),
                            AppError::Conflict(m) => m,
                            e => return Err(e.into()),
                        };
                        let to = format!(
                            "/campaigns/{id}?notice={}",
                            urlencoding(&staff.tr.t1("campaigns-saved-draft", "why", msg))
                        );
                        return Ok(Redirect::to(&to).into_response());
                    }
                }
                Ok(id)
            }
        },
    };
    match r {
        Ok(id) => Ok(Redirect::to(&format!("/campaigns/{id}")).into_response()),
        Err(AppError::Invalid(inv)) => new_page(&app, &staff, form, words(&inv)).await,
        Err(AppError::Conflict(m)) => new_page(&app, &staff, form, vec![m]).await,
        Err(e) => Err(e.into()),
    }
}

fn urlencoding(s: &str) -> String {
    kith_domain::segment::encode_component(s)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ShowQuery {
    status: String,
    after: String,
    notice: String,
}

async fn show(
    State(app): State<App>,
    Staff(s): Staff,
    Id(id): Id<Uuid>,
    axum::extract::Query(q): axum::extract::Query<ShowQuery>,
) -> PageResult {
    let p = &s.principal;
    let v = app.newsletter(p, id).await?;
    let c = &v.campaign;
    let status = RecipientStatus::parse(q.status.trim());
    let after = Uuid::parse_str(q.after.trim()).ok();
    let rows = app.newsletter_log(p, id, status, after, LOG_PAGE).await?;
    let next = (rows.len() as i64 == LOG_PAGE).then(|| rows.last().map(|r| r.subject.to_string())).flatten();
    let mut log = Vec::with_capacity(rows.len());
    for r in rows {
        // Names as the role may see them (an audited read); none once erased.
        let name = match app.get_contact(p, r.subject).await {
            Ok(c) => [c.data.first_name, c.data.last_name].into_iter().flatten().collect::<Vec<_>>().join(" "),
            Err(_) => String::new(),
        };
        log.push(LogLine {
            contact: r.subject.to_string(),
            name,
            status: recipient_status(&s.tr, r.status),
            reason: r.reason.unwrap_or_default(),
        });
    }
    let purpose = app.get_purpose(p, c.purpose).await.map(|x| x.name).unwrap_or_default();
    let audience_now = match c.status {
        CampaignStatus::Draft => app.newsletter_audience_count(p, id).await.ok(),
        _ => None,
    };
    let send = can_send(&s);
    let page = ShowPage {
        l: layout(&s, "campaigns"),
        r: row(&s.tr, &v),
        status: c.status.as_str(),
        purpose,
        scheduled: c.scheduled_at.map(|t| s.tr.date_time(t)).unwrap_or_default(),
        rate: c.rate_per_minute,
        query: c.audience.clone(),
        audience_now,
        can_schedule: send && c.status == CampaignStatus::Draft,
        can_pause: send && matches!(c.status, CampaignStatus::Scheduled | CampaignStatus::Sending),
        can_resume: send && c.status == CampaignStatus::Paused,
        can_cancel: send
            && matches!(
                c.status,
                CampaignStatus::Draft | CampaignStatus::Scheduled | CampaignStatus::Sending | CampaignStatus::Paused
            ),
        log,
        filter: status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        statuses: RecipientStatus::ALL.iter().map(|x| (x.as_str(), recipient_status(&s.tr, *x))).collect(),
        next,
        notice: Some(q.notice).filter(|n| !n.trim().is_empty()),
    };
    Ok(render(&page))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ScheduleForm {
    when: String,
    at: String,
}

async fn schedule(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<ScheduleForm>,
) -> PageResult {
    let at = match parse_when(&staff.tr, &form.when, &form.at) {
        Ok(Some(at)) => at,
        Ok(None) => None,
        Err(inv) => return Err(AppError::Invalid(inv).into()),
    };
    app.schedule_newsletter(&staff.principal, id, at).await?;
    Ok(Redirect::to(&format!("/campaigns/{id}")).into_response())
}

async fn act(app: &App, s: &Session, id: Uuid, a: CampaignAction) -> PageResult {
    app.act_on_newsletter(&s.principal, id, a).await?;
    Ok(Redirect::to(&format!("/campaigns/{id}")).into_response())
}

async fn pause(State(app): State<App>, Id(id): Id<Uuid>, StaffForm { staff, .. }: StaffForm<NoFields>) -> PageResult {
    act(&app, &staff, id, CampaignAction::Pause).await
}

async fn resume(State(app): State<App>, Id(id): Id<Uuid>, StaffForm { staff, .. }: StaffForm<NoFields>) -> PageResult {
    act(&app, &staff, id, CampaignAction::Resume).await
}

async fn cancel(State(app): State<App>, Id(id): Id<Uuid>, StaffForm { staff, .. }: StaffForm<NoFields>) -> PageResult {
    act(&app, &staff, id, CampaignAction::Cancel).await
}
