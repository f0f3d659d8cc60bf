//! The scheduler's jobs on both engines: a job that runs once across
//! servers runs on one of two servers sharing a database, each run's
//! outcome is recorded, and the admin sees it.

use crate::harness::on_both;
use axum::http::{Method, StatusCode};
use kith_app::jobs::Job;
use kith_app::mailer::Transport;
use kith_app::App;
use kith_domain::Role;

#[tokio::test]
async fn jobs_run_once_and_report() {
    on_both("jobs", |env| async move {
        let other_server = App::new(env.store.clone());
        let first = env.app.run_job(Job::Upkeep, &Transport::Outbox).await.unwrap();
        assert!(matches!(first, Some((true, _))), "{first:?}");
        // The other server, a moment later: the job ran within its interval.
        assert_eq!(other_server.run_job(Job::Upkeep, &Transport::Outbox).await.unwrap(), None);
        assert_eq!(env.app.run_job(Job::Upkeep, &Transport::Outbox).await.unwrap(), None);
        // Each server sends mail; the outcome says what it did.
        let (ok, outcome) = env.app.run_job(Job::ExpiredExports, &Transport::Outbox).await.unwrap().unwrap();
        assert!(ok && outcome.contains("expired export"), "{outcome}");

        let v = env.call(Method::GET, "/jobs", None, StatusCode::OK).await;
        let upkeep = v.as_array().unwrap().iter().find(|j| j["name"] == "upkeep").unwrap().clone();
        assert_eq!(upkeep["last_ok"], true, "{v}");
        assert_eq!(upkeep["once_across_servers"], true);
        assert!(upkeep["last_finished"].is_string(), "{v}");
        let sales = env.token_for(Role::Sales).await;
        env.call_as(&sales, Method::GET, "/jobs", None, StatusCode::FORBIDDEN).await;
    })
    .await;
}
