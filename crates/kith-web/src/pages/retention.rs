//! Privacy → Retention: the rules, past sweeps, and a dry run or a run now
//! (dpo, admin); and each staff member's contacts due for review.

use super::form::StaffForm;
use super::session::{layout, Staff};
use super::view::{self, Layout};
use super::{render, PageResult};
use askama::Template;
use axum::extract::State;
use axum::routing::get;
use axum::Router;
use kith_app::retention::Run;
use kith_app::{App, AppError};
use serde::Deserialize;

pub(super) fn router() -> Router<App> {
    Router::new().route("/privacy/retention", get(page).post(run)).route("/reviews", get(reviews))
}

/// A run as the page lists it.
struct RunLine {
    when: String,
    what: &'static str,
    by: String,
    checked: i64,
    disposed: u64,
    finished: bool,
    /// Purpose, rule, disposal, count.
    rules: Vec<(String, String, String, u64)>,
    kept: u64,
    suspended: u64,
    no_purpose: u64,
    no_rule: u64,
    /// Contact id, purpose, rule, expired on.
    listed: Vec<(String, String, String, String)>,
}

fn line(r: Run) -> RunLine {
    RunLine {
        when: view::date_time(r.started_at),
        what: if r.dry_run { "Dry run" } else { "Run" },
        by: r.started_by,
        checked: r.checked,
        disposed: r.report.disposed(),
        finished: r.finished_at.is_some(),
        rules: r
            .report
            .rules
            .values()
            .map(|c| (c.purpose.clone(), c.rule.clone(), c.disposal.clone(), c.count))
            .collect(),
        kept: r.report.kept,
        suspended: r.report.suspended,
        no_purpose: r.report.no_purpose,
        no_rule: r.report.no_rule,
        listed: r
            .report
            .would_go
            .iter()
            .take(200)
            .map(|p| (p.contact_id.to_string(), p.purpose.clone(), p.rule.clone(), view::date(p.expired_at)))
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "retention.html")]
struct Page {
    l: Layout,
    /// Purpose, its rule in words (empty: none).
    rules: Vec<(String, String)>,
    /// The run just made, shown first.
    latest: Option<RunLine>,
    runs: Vec<RunLine>,
}

async fn show(app: &App, s: &kith_app::sessions::Session, latest: Option<Run>) -> PageResult {
    if !s.role().can_manage_privacy() {
        return Err(AppError::Forbidden("see retention").into());
    }
    let rules = app
        .purposes(&s.principal)
        .await?
        .into_iter()
        .map(|p| (p.name, p.rule.map(|r| r.describe()).unwrap_or_default()))
        .collect();
    let runs = app.retention_runs(&s.principal, 20).await?.into_iter().map(line).collect();
    Ok(render(&Page { l: layout(s, "privacy"), rules, latest: latest.map(line), runs }))
}

async fn page(State(app): State<App>, Staff(s): Staff) -> PageResult {
    show(&app, &s, None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RunForm {
    /// `dry` or `real`.
    mode: String,
}

async fn run(State(app): State<App>, StaffForm { staff, form }: StaffForm<RunForm>) -> PageResult {
    let by = format!("user:{}", staff.principal.user);
    let r = app.run_retention(&staff.principal, form.mode != "real", &by, |_| {}).await?;
    show(&app, &staff, Some(r)).await
}

#[derive(Template)]
#[template(path = "reviews.html")]
struct Reviews {
    l: Layout,
    /// Contact id, name, last reviewed.
    due: Vec<(String, String, String)>,
    days: i64,
}

async fn reviews(State(app): State<App>, Staff(s): Staff) -> PageResult {
    let mut due = Vec::new();
    for (id, at) in app.reviews_due(&s.principal, 100).await? {
        let name = match app.get_contact(&s.principal, id).await {
            Ok(c) => view::contact_name(&c.data),
            Err(AppError::NotFound(_)) => continue,
            Err(e) => return Err(e.into()),
        };
        due.push((id.to_string(), name, view::date(at)));
    }
    let days = app.settings().review_after.whole_days();
    Ok(render(&Reviews { l: layout(&s, "contacts"), due, days }))
}
