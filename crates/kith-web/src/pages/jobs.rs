//! **Admin → Jobs**: each periodic job's last run and outcome.

use super::session::{layout, Staff};
use super::view::Layout;
use super::{render, PageResult};
use askama::Template;
use axum::extract::State;
use axum::routing::get;
use axum::Router;
use kith_app::jobs::Job;
use kith_app::App;
use kith_i18n::Tr;

pub(super) fn router() -> Router<App> {
    Router::new().route("/admin/jobs", get(jobs))
}

struct Row {
    name: String,
    every: String,
    scope: String,
    started: String,
    finished: String,
    state: String,
    outcome: String,
}

#[derive(Template)]
#[template(path = "admin_jobs.html")]
struct JobsPage {
    l: Layout,
    rows: Vec<Row>,
}

fn every(tr: &Tr, d: std::time::Duration) -> String {
    match d.as_secs() {
        s if s % 3600 == 0 => tr.t1("admin-jobs-every-hours", "n", s / 3600),
        s if s % 60 == 0 => tr.t1("admin-jobs-every-minutes", "n", s / 60),
        s => tr.t1("admin-jobs-every-seconds", "n", s),
    }
}

async fn jobs(State(app): State<App>, Staff(s): Staff) -> PageResult {
    let runs = app.job_runs(&s.principal).await?;
    let rows = Job::all(true)
        .into_iter()
        .map(|j| {
            let r = runs.iter().find(|r| r.name == j.name());
            Row {
                name: j.name().into(),
                every: every(&s.tr, j.every()),
                scope: s.tr.t(if j.once_across_servers() { "admin-jobs-one-server" } else { "admin-jobs-each-server" }),
                started: r
                    .and_then(|r| r.last_started)
                    .map(|t| s.tr.date_time(t))
                    .unwrap_or_else(|| s.tr.t("admin-users-never")),
                finished: r.and_then(|r| r.last_finished).map(|t| s.tr.date_time(t)).unwrap_or_default(),
                state: match r.and_then(|r| r.last_ok) {
                    Some(true) => s.tr.t("admin-jobs-ok"),
                    Some(false) => s.tr.t("admin-jobs-failed"),
                    None => "—".to_owned(),
                },
                outcome: r.and_then(|r| r.last_outcome.clone()).unwrap_or_default(),
            }
        })
        .collect();
    Ok(render(&JobsPage { l: layout(&s, "admin"), rows }))
}
