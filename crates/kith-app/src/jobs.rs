//! One small scheduler for everything periodic. A job has a name, an
//! interval, whether it must run once across servers (a lease in the
//! database decides which server), and a run function; each run records its
//! outcome, which the admin sees (**Admin → Jobs**, `GET /api/v1/jobs`).
//! Jobs are idempotent: a run cut short is simply run again.

use crate::mailer::Transport;
use crate::{App, Principal, Result};
use kith_store::jobs::JobRun;
use std::time::Duration;

/// Kith's periodic jobs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Job {
    /// Sends queued mail (also woken at once when mail is queued).
    Mail,
    /// Expired idempotency keys, spent link tokens, stale uploads and old
    /// import records go.
    Upkeep,
    /// Prepared export files past their days go.
    ExpiredExports,
    /// The daily retention sweep (it takes its own lease and decides
    /// whether a day has passed; asked hourly).
    RetentionSweep,
    /// Mails dpo and admins 24 and 4 hours before an open breach's
    /// 72-hour deadline; each reminder is claimed once across servers.
    BreachReminders,
    /// Derives webhook events from the audit log, delivers them and mails
    /// processor requests (each row claimed once across servers).
    Webhooks,
    /// Sends Art. 14 notices by themselves when the automatic mode is on.
    Art14Notices,
    /// Asks new contacts for consent where a purpose's automatic request
    /// rule is on (see [`crate::consent_requests`]).
    ConsentRequests,
    /// Sends due newsletter campaigns at their rate (one server at a time).
    CampaignSend,
}

impl Job {
    /// Every job `kith serve` runs (`retention`: whether the sweep is on).
    pub fn all(retention: bool) -> Vec<Job> {
        let mut v = vec![
            Job::Mail,
            Job::Upkeep,
            Job::ExpiredExports,
            Job::BreachReminders,
            Job::Webhooks,
            Job::Art14Notices,
            Job::ConsentRequests,
            Job::CampaignSend,
        ];
        if retention {
            v.push(Job::RetentionSweep);
        }
        v
    }

    pub fn name(self) -> &'static str {
        match self {
            Job::Mail => "mail",
            Job::Upkeep => "upkeep",
            Job::ExpiredExports => "expired-exports",
            Job::RetentionSweep => "retention-sweep",
            Job::BreachReminders => "breach-reminders",
            Job::Webhooks => "webhooks",
            Job::Art14Notices => "art14-notices",
            Job::CampaignSend => "campaign-send",
            Job::ConsentRequests => "consent-requests",
        }
    }

    /// How often it runs.
    pub fn every(self) -> Duration {
        match self {
            Job::Mail | Job::Webhooks => Duration::from_secs(5),
            Job::CampaignSend => crate::newsletters::send::TICK,
            Job::BreachReminders => Duration::from_secs(300),
            Job::ConsentRequests => Duration::from_secs(60),
            Job::Upkeep | Job::ExpiredExports | Job::RetentionSweep | Job::Art14Notices => Duration::from_secs(3600),
        }
    }

    /// Whether one server runs it for all (the others skip that turn).
    /// Mail is claimed message by message, so every server sends.
    pub fn once_across_servers(self) -> bool {
        matches!(self, Job::Upkeep | Job::ExpiredExports | Job::Art14Notices | Job::ConsentRequests | Job::CampaignSend)
    }

    async fn run(self, app: &App, transport: &Transport) -> Result<String> {
        Ok(match self {
            Job::Mail => {
                let mut sent = 0;
                // A full batch means more may wait.
                loop {
                    let n = app.deliver_mail(transport).await?;
                    sent += n;
                    if n < 20 {
                        break;
                    }
                }
                format!("{sent} mail(s) handled")
            }
            Job::Upkeep => {
                app.housekeeping().await?;
                "expired keys, tokens, uploads and import records removed".into()
            }
            Job::ExpiredExports => format!("{} expired export file(s) deleted", app.purge_expired_exports().await?),
            Job::BreachReminders => app.breach_reminders(transport).await?.to_string(),
            Job::Webhooks => app.run_webhooks(transport).await?.to_string(),
            Job::Art14Notices => app.art14_auto().await?,
            Job::CampaignSend => app.send_newsletters(self.every()).await?.to_string(),
            Job::ConsentRequests => app.run_auto_requests().await?.to_string(),
            Job::RetentionSweep => match app.scheduled_retention().await? {
                Some(run) => format!("sweep {} checked {}, disposed of {}", run.id, run.checked, run.report.disposed()),
                None => "not due".into(),
            },
        })
    }
}

/// Whether a frequent job's outcome says it did nothing (every count 0).
fn idle(outcome: &str) -> bool {
    outcome.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).all(|n| n == "0")
}

impl App {
    /// Runs `job` now if it is due on this server: takes its lease first
    /// when it runs once across servers. Returns its outcome, or `None`
    /// when another server holds it or ran it within its interval.
    pub async fn run_job(&self, job: Job, transport: &Transport) -> Result<Option<(bool, String)>> {
        let now = kith_store::now_ms();
        let every = job.every().as_millis() as i64;
        if job.once_across_servers() {
            // The lease outlives any honest run; a server that died holding
            // it lets the next one in after that.
            // The campaign sender's runs stop taking recipients after a
            // minute, so a crashed server's campaigns resume two minutes on.
            let lease = if job == Job::CampaignSend { 120_000 } else { every.max(15 * 60 * 1000) };
            let until = now + lease;
            if !self.store.take_job_lease(job.name(), now, until, every).await? {
                return Ok(None);
            }
        } else if job != Job::Mail && job != Job::Webhooks {
            self.store.job_started(job.name(), now).await?;
        }
        let (ok, outcome) = match job.run(self, transport).await {
            Ok(o) => (true, o),
            Err(e) => {
                tracing::warn!(job = job.name(), error = %e, "a job failed; it runs again at its next turn");
                (false, format!("failed: {e}"))
            }
        };
        // Mail and webhooks run every few seconds: recorded when they did
        // something or failed.
        let frequent = matches!(job, Job::Mail | Job::Webhooks);
        if !(frequent && ok && idle(&outcome)) {
            if frequent {
                self.store.job_started(job.name(), now).await?;
            }
            self.store.job_finished(job.name(), kith_store::now_ms(), ok, &outcome).await?;
        }
        Ok(Some((ok, outcome)))
    }

    /// Runs `jobs` at their intervals until `shutdown`; mail also runs at
    /// once when a use case queues some. Each run is a task of its own, so
    /// a long sweep never holds up mail; a job is not started again while
    /// its previous run is still going.
    pub async fn run_scheduler(
        self,
        jobs: Vec<Job>,
        transport: Transport,
        shutdown: impl std::future::Future<Output = ()>,
    ) {
        tokio::pin!(shutdown);
        let start = tokio::time::Instant::now();
        let mut next: Vec<tokio::time::Instant> = jobs.iter().map(|_| start).collect();
        let mut running: Vec<Option<tokio::task::JoinHandle<()>>> = jobs.iter().map(|_| None).collect();
        loop {
            for (i, job) in jobs.iter().copied().enumerate() {
                let busy = running[i].as_ref().is_some_and(|h| !h.is_finished());
                if busy || next[i] > tokio::time::Instant::now() {
                    continue;
                }
                let (app, transport) = (self.clone(), transport.clone());
                running[i] = Some(tokio::spawn(async move {
                    if let Err(e) = app.run_job(job, &transport).await {
                        tracing::warn!(job = job.name(), error = %e, "the scheduler could not run a job");
                    }
                }));
                next[i] = tokio::time::Instant::now() + job.every();
            }
            // Wake for the next due job, and at least every second to see a
            // run that has finished.
            let soonest = next.iter().min().copied().unwrap_or(start);
            let wake = soonest.min(tokio::time::Instant::now() + Duration::from_secs(1));
            tokio::select! {
                _ = &mut shutdown => return,
                _ = self.mail_wake.notified() => {
                    if let Some(i) = jobs.iter().position(|j| *j == Job::Mail) {
                        next[i] = tokio::time::Instant::now();
                    }
                }
                _ = tokio::time::sleep_until(wake) => {}
            }
        }
    }

    /// Every job's last run (admin).
    pub async fn job_runs(&self, p: &Principal) -> Result<Vec<JobRun>> {
        p.require(p.role.can_administer(), "see the jobs")?;
        Ok(self.store.job_runs().await?)
    }
}
