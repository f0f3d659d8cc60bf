//! Privacy → Staff authorisations (Art. 29, 32(4)): every staff member's
//! role, scope, acknowledgement of the instructions and training, with
//! reminders (read: dpo, admin, readonly); the admin publishes new
//! instructions, dpo and admin record training. And My account →
//! Instructions, where each staff member reads and acknowledges the
//! current version (the gate in [`super::session`] sends them there).

use super::form::{non_blank, Errors, NoFields, StaffForm};
use super::session::{layout, Staff};
use super::view::{field_label, Layout};
use super::{render_status, Id, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::authorisations::StaffAuthorisation;
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::authorisation::{Instructions, INSTRUCTIONS_MAX, INSTRUCTIONS_MIN};
use kith_domain::{Invalid, UserId};
use kith_i18n::Tr;
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/privacy/staff", get(register))
        .route("/privacy/staff/instructions", post(publish))
        .route("/privacy/staff/training", post(add_training))
        .route("/privacy/staff/{user}/training/{id}/delete", post(remove_training))
        .route("/account/instructions", get(instructions).post(acknowledge))
}

/// One training record as the register shows it.
struct TrainingLine {
    id: String,
    course: String,
    completed_on: String,
    expires_on: String,
    status: String,
    overdue: bool,
}

/// One staff member as the register shows them.
struct Line {
    id: String,
    email: String,
    role: String,
    disabled: bool,
    scope: String,
    ack: String,
    ack_ok: bool,
    acknowledged: String,
    training: String,
    training_ok: bool,
    trainings: Vec<TrainingLine>,
    reminders: Vec<String>,
}

/// A closed vocabulary's word: `authorisations-<what>-<stored spelling>`.
fn word(tr: &Tr, what: &str, value: &str) -> String {
    tr.t(&format!("authorisations-{what}-{}", value.replace('_', "-")))
}

/// What the role gives access to, in the reader's words, with the fields
/// hidden from it (the register gives them after "; hidden from the role: ").
fn scope(tr: &Tr, s: &StaffAuthorisation) -> String {
    let role = word(tr, "scope", s.role.as_str());
    match s.scope.split_once("; hidden from the role: ") {
        Some((_, hidden)) => {
            let fields: Vec<String> = hidden.split(", ").map(|f| field_label(tr, &f.replace(' ', "_"))).collect();
            tr.t2("authorisations-scope-hidden", "scope", role, "fields", fields.join(", "))
        }
        None => role,
    }
}

/// What is due, in the reader's words: the instructions not acknowledged,
/// no training, a course expired or expiring (as the register reckons it).
fn reminders(tr: &Tr, current: Option<i64>, s: &StaffAuthorisation) -> Vec<String> {
    use kith_domain::authorisation::{latest_per_course, AckStatus, TrainingStatus};
    if s.disabled {
        return Vec::new();
    }
    let today = time::OffsetDateTime::now_utc().date();
    let mut out = Vec::new();
    match (s.ack, current, s.acknowledged.as_ref().map(|a| a.version)) {
        (AckStatus::Never, Some(c), _) => out.push(tr.t1("authorisations-remind-never", "version", c)),
        (AckStatus::Older, Some(c), Some(a)) => {
            out.push(tr.t2("authorisations-remind-older", "version", a, "current", c))
        }
        _ => {}
    }
    let courses: Vec<_> = s.trainings.iter().map(|t| t.training.clone()).collect();
    let latest = latest_per_course(&courses);
    if latest.is_empty() {
        out.push(tr.t("authorisations-training-none"));
    }
    for t in latest {
        match (t.status(today), t.expires_on) {
            (TrainingStatus::Expired, Some(e)) => {
                out.push(tr.t2("authorisations-remind-expired", "course", t.course.as_str(), "on", tr.day(e)))
            }
            (TrainingStatus::Expiring, Some(e)) => {
                out.push(tr.t2("authorisations-remind-expiring", "course", t.course.as_str(), "on", tr.day(e)))
            }
            _ => {}
        }
    }
    out
}

fn line(tr: &Tr, current: Option<i64>, s: StaffAuthorisation) -> Line {
    use kith_domain::authorisation::{AckStatus, TrainingStatus};
    let today = time::OffsetDateTime::now_utc().date();
    Line {
        id: s.user.to_string(),
        role: tr.t(&format!("role-{}", s.role.as_str())),
        scope: scope(tr, &s),
        reminders: reminders(tr, current, &s),
        email: s.email,
        disabled: s.disabled,
        ack: word(tr, "ack", s.ack.as_str()),
        ack_ok: matches!(s.ack, AckStatus::Current | AckStatus::NotRequired),
        acknowledged: s
            .acknowledged
            .map(|a| tr.t2("authorisations-acknowledged-on", "version", a.version, "at", tr.date_time(a.at)))
            .unwrap_or_default(),
        training: word(tr, "training", s.training.as_str()),
        training_ok: s.training == TrainingStatus::Current,
        trainings: s
            .trainings
            .into_iter()
            .map(|t| {
                let status = t.training.status(today);
                TrainingLine {
                    id: t.id.to_string(),
                    course: t.training.course,
                    completed_on: tr.day(t.training.completed_on),
                    expires_on: t.training.expires_on.map(|d| tr.day(d)).unwrap_or_default(),
                    status: word(tr, "training", status.as_str()),
                    overdue: status != TrainingStatus::Current,
                }
            })
            .collect(),
    }
}

/// The form to publish instructions, as posted.
#[derive(Deserialize, Default)]
#[serde(default)]
struct PublishForm {
    text: String,
}

/// The form to record a training, as posted.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct TrainingForm {
    user: String,
    course: String,
    completed_on: String,
    expires_on: String,
}

#[derive(Template)]
#[template(path = "staff_authorisations.html")]
struct RegisterPage {
    l: Layout,
    current: Option<Instructions>,
    published: String,
    lines: Vec<Line>,
    /// (id, email) of staff who can be given a training record.
    users: Vec<(String, String)>,
    can_publish: bool,
    can_train: bool,
    /// The instructions text being published (shown again after an error).
    text: String,
    t: TrainingForm,
    publish_errors: Errors,
    training_errors: Errors,
    min: usize,
    max: usize,
}

async fn show(
    app: &App,
    s: &Session,
    text: Option<String>,
    t: TrainingForm,
    publish_errors: Errors,
    training_errors: Errors,
) -> PageResult {
    let r = app.authorisation_register(&s.principal).await?;
    let users = r.staff.iter().filter(|x| !x.disabled).map(|x| (x.user.to_string(), x.email.clone())).collect();
    let status = if publish_errors.is_empty() { training_errors.status() } else { publish_errors.status() };
    let page = RegisterPage {
        l: layout(s, "privacy"),
        published: r.current.as_ref().map(|c| s.tr.date_time(c.published_at)).unwrap_or_default(),
        text: text.or_else(|| r.current.as_ref().map(|c| c.text.clone())).unwrap_or_default(),
        lines: {
            let version = r.current.as_ref().map(|c| c.version);
            r.staff.into_iter().map(|x| line(&s.tr, version, x)).collect()
        },
        current: r.current,
        users,
        can_publish: s.role().can_administer(),
        can_train: s.role().can_manage_privacy(),
        t,
        publish_errors,
        training_errors,
        min: INSTRUCTIONS_MIN,
        max: INSTRUCTIONS_MAX,
    };
    Ok(render_status(status, &page))
}

async fn register(State(app): State<App>, Staff(s): Staff) -> PageResult {
    show(&app, &s, None, TrainingForm::default(), Errors::default(), Errors::default()).await
}

async fn publish(State(app): State<App>, StaffForm { staff, form }: StaffForm<PublishForm>) -> PageResult {
    match app.publish_instructions(&staff.principal, &form.text).await {
        Ok(_) => Ok(Redirect::to("/account/instructions").into_response()),
        Err(AppError::Invalid(inv)) => {
            let e = Errors::from_invalid(&inv);
            show(&app, &staff, Some(form.text), TrainingForm::default(), e, Errors::default()).await
        }
        Err(AppError::Conflict(m)) => {
            let e = Errors::from_invalid(&Invalid::one("text", m));
            show(&app, &staff, Some(form.text), TrainingForm::default(), e, Errors::default()).await
        }
        Err(e) => Err(e.into()),
    }
}

fn parse_date(tr: &Tr, inv: &mut Invalid, field: &str, v: &str) -> Option<time::Date> {
    let v = non_blank(v)?;
    let d = time::Date::parse(&v, time::macros::format_description!("[year]-[month]-[day]")).ok();
    if d.is_none() {
        inv.push(field, tr.t1("authorisations-err-date", "example", "2027-06-30"));
    }
    d
}

async fn add_training(State(app): State<App>, StaffForm { staff, form }: StaffForm<TrainingForm>) -> PageResult {
    let mut inv = Invalid::default();
    let user = match Uuid::parse_str(form.user.trim()) {
        Ok(u) => Some(UserId(u)),
        Err(_) => {
            inv.push("user", staff.tr.t("authorisations-err-user"));
            None
        }
    };
    let completed = parse_date(&staff.tr, &mut inv, "completed_on", &form.completed_on);
    if completed.is_none() && non_blank(&form.completed_on).is_none() {
        inv.push("completed_on", staff.tr.t("authorisations-err-required"));
    }
    let expires = parse_date(&staff.tr, &mut inv, "expires_on", &form.expires_on);
    let result = match (user, completed) {
        (Some(u), Some(c)) if inv.0.is_empty() => {
            app.add_training(&staff.principal, u, &form.course, c, expires).await.map(|_| ())
        }
        _ => Err(AppError::Invalid(inv)),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/privacy/staff#training").into_response()),
        Err(AppError::Invalid(inv)) => {
            let e = Errors::from_invalid(&inv);
            show(&app, &staff, None, form, Errors::default(), e).await
        }
        Err(AppError::NotFound(_)) => {
            let e = Errors::from_invalid(&Invalid::one("user", staff.tr.t("authorisations-err-no-user")));
            show(&app, &staff, None, form, Errors::default(), e).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn remove_training(
    State(app): State<App>,
    Id((user, id)): Id<(Uuid, Uuid)>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> PageResult {
    app.remove_training(&staff.principal, UserId(user), id).await?;
    Ok(Redirect::to("/privacy/staff#training").into_response())
}

#[derive(Template)]
#[template(path = "account_instructions.html")]
struct InstructionsPage {
    l: Layout,
    current: Option<Instructions>,
    published: String,
    /// The current version must still be acknowledged.
    pending: bool,
    error: Option<String>,
}

async fn instructions_page(app: &App, s: &Session, error: Option<(StatusCode, String)>) -> PageResult {
    let current = app.instructions(&s.principal).await?.into_iter().next();
    let pending = app.needs_acknowledgement(&s.principal).await?.is_some();
    let (status, error) = match error {
        Some((status, e)) => (status, Some(e)),
        None => (StatusCode::OK, None),
    };
    let page = InstructionsPage {
        l: layout(s, "account"),
        published: current.as_ref().map(|c| s.tr.date_time(c.published_at)).unwrap_or_default(),
        current,
        pending,
        error,
    };
    Ok(render_status(status, &page))
}

async fn instructions(State(app): State<App>, Staff(s): Staff) -> PageResult {
    instructions_page(&app, &s, None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AckForm {
    version: String,
}

async fn acknowledge(State(app): State<App>, StaffForm { staff, form }: StaffForm<AckForm>) -> PageResult {
    let Ok(version) = form.version.trim().parse::<i64>() else {
        return instructions_page(
            &app,
            &staff,
            Some((StatusCode::UNPROCESSABLE_ENTITY, staff.tr.t("authorisations-form-unreadable"))),
        )
        .await;
    };
    match app.acknowledge_instructions(&staff.principal, version).await {
        Ok(()) => Ok(Redirect::to("/contacts").into_response()),
        Err(AppError::Conflict(m)) => {
            let e = staff.tr.t1("authorisations-not-recorded", "reason", m);
            instructions_page(&app, &staff, Some((StatusCode::CONFLICT, e))).await
        }
        Err(AppError::NotFound(_)) => {
            let e = staff.tr.t("authorisations-none-published-error");
            instructions_page(&app, &staff, Some((StatusCode::NOT_FOUND, e))).await
        }
        Err(e) => Err(e.into()),
    }
}
