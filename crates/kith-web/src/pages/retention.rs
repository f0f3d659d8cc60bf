//! Privacy → Retention: the rules, past sweeps, and a dry run or a run now
//! (dpo, admin); and each staff member's contacts due for review.

use super::form::StaffForm;
use super::policy::rule_words;
use super::session::{layout, Staff};
use super::view::{self, Layout};
use super::{render, PageResult};
use askama::Template;
use axum::extract::State;
use axum::routing::get;
use axum::Router;
use kith_app::retention::Run;
use kith_app::{App, AppError};
use kith_i18n::{ToArg, Tr};
use serde::Deserialize;

pub(super) fn router() -> Router<App> {
    Router::new().route("/privacy/retention", get(page).post(run)).route("/reviews", get(reviews))
}

/// A run as the page lists it.
struct RunLine {
    when: String,
    dry: bool,
    by: String,
    checked: i64,
    disposed: u64,
    finished: bool,
    /// Purpose, rule, disposal, count.
    rules: Vec<(String, String, String, u64)>,
    /// Contact id, purpose, rule, expired on.
    listed: Vec<(String, String, String, String)>,
    /// Kept, suspended, no purpose, no rule, in words.
    tally: String,
}

fn line(tr: &Tr, r: Run) -> RunLine {
    let tally = tr.ta(
        "privacy-retention-tally",
        &[
            ("kept", r.report.kept.to_arg()),
            ("suspended", r.report.suspended.to_arg()),
            ("none", r.report.no_purpose.to_arg()),
            ("norule", r.report.no_rule.to_arg()),
        ],
    );
    RunLine {
        tally,
        when: tr.date_time(r.started_at),
        dry: r.dry_run,
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
        listed: r
            .report
            .would_go
            .iter()
            .take(200)
            .map(|p| (p.contact_id.to_string(), p.purpose.clone(), p.rule.clone(), tr.date(p.expired_at)))
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
        .map(|p| (p.name, p.rule.map(|r| rule_words(&s.tr, &r)).unwrap_or_default()))
        .collect();
    let runs = app.retention_runs(&s.principal, 20).await?.into_iter().map(|r| line(&s.tr, r)).collect();
    Ok(render(&Page { l: layout(s, "privacy"), rules, latest: latest.map(|r| line(&s.tr, r)), runs }))
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
            Ok(c) => view::contact_name_tr(&s.tr, &c.data),
            Err(AppError::NotFound(_)) => continue,
            Err(e) => return Err(e.into()),
        };
        due.push((id.to_string(), name, s.tr.date(at)));
    }
    let days = app.settings().review_after.whole_days();
    Ok(render(&Reviews { l: layout(&s, "contacts"), due, days }))
}
