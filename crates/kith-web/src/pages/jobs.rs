//! **Admin → Jobs**: each periodic job's last run and outcome.

use super::session::{layout, Staff};
use super::view::{self, Layout};
use super::{render, PageResult};
use askama::Template;
use axum::extract::State;
use axum::routing::get;
use axum::Router;
use kith_app::jobs::Job;
use kith_app::App;

pub(super) fn router() -> Router<App> {
    Router::new().route("/admin/jobs", get(jobs))
}

struct Row {
    name: String,
    every: String,
    scope: &'static str,
    started: String,
    finished: String,
    state: &'static str,
    outcome: String,
}

#[derive(Template)]
#[template(path = "admin_jobs.html")]
struct JobsPage {
    l: Layout,
    rows: Vec<Row>,
}

fn every(d: std::time::Duration) -> String {
    match d.as_secs() {
        s if s % 3600 == 0 => format!("every {} h", s / 3600),
        s if s % 60 == 0 => format!("every {} min", s / 60),
        s => format!("every {s} s"),
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
                every: every(j.every()),
                scope: if j.once_across_servers() { "one server" } else { "each server" },
                started: r.and_then(|r| r.last_started).map(view::date_time).unwrap_or_else(|| "never".into()),
                finished: r.and_then(|r| r.last_finished).map(view::date_time).unwrap_or_default(),
                state: match r.and_then(|r| r.last_ok) {
                    Some(true) => "ok",
                    Some(false) => "failed",
                    None => "—",
                },
                outcome: r.and_then(|r| r.last_outcome.clone()).unwrap_or_default(),
            }
        })
        .collect();
    Ok(render(&JobsPage { l: layout(&s, "admin"), rows }))
}
