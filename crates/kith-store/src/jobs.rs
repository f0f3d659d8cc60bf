//! The scheduler's bookkeeping: a job's lease (so a job that must run once
//! across servers runs on one of them) and its last run and outcome.

use crate::db::Exec;
use crate::{args, from_ms, Store, StoreError};

/// A job's last run, as the admin sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobRun {
    pub name: String,
    pub last_started: Option<time::OffsetDateTime>,
    pub last_finished: Option<time::OffsetDateTime>,
    pub last_ok: Option<bool>,
    /// What it did, in words without personal data ("3 mails sent").
    pub last_outcome: Option<String>,
}

impl Store {
    /// Takes the lease of job `name` until `until` if it is free and the
    /// job's last start is at least `every_ms` ago; records the start.
    /// Returns whether this caller may run the job now. One statement, so
    /// two servers asking at once cannot both win.
    pub async fn take_job_lease(&self, name: &str, now: i64, until: i64, every_ms: i64) -> Result<bool, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute("INSERT INTO job_runs (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", &args![name]).await?;
        let n = tx
            .execute(
                "UPDATE job_runs SET lease_until = $2, last_started = $3 \
                 WHERE name = $1 AND lease_until <= $3 AND (last_started IS NULL OR last_started <= $4)",
                &args![name, until, now, now - every_ms],
            )
            .await?;
        tx.commit().await?;
        Ok(n == 1)
    }

    /// Records that job `name` started (jobs each server runs on its own).
    pub async fn job_started(&self, name: &str, now: i64) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            "INSERT INTO job_runs (name, last_started) VALUES ($1, $2) \
             ON CONFLICT (name) DO UPDATE SET last_started = excluded.last_started",
            &args![name, now],
        )
        .await?;
        tx.commit().await
    }

    /// Records how job `name` ended and frees its lease.
    pub async fn job_finished(&self, name: &str, now: i64, ok: bool, outcome: &str) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            "UPDATE job_runs SET lease_until = 0, last_finished = $2, last_ok = $3, last_outcome = $4 WHERE name = $1",
            &args![name, now, ok, outcome],
        )
        .await?;
        tx.commit().await
    }

    /// Every job's last run, by name.
    pub async fn job_runs(&self) -> Result<Vec<JobRun>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT name, last_started, last_finished, last_ok, last_outcome FROM job_runs ORDER BY name",
                &[],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(JobRun {
                    name: r.get(0)?,
                    last_started: r.get::<Option<i64>>(1)?.map(from_ms),
                    last_finished: r.get::<Option<i64>>(2)?.map(from_ms),
                    last_ok: r.get(3)?,
                    last_outcome: r.get(4)?,
                })
            })
            .collect()
    }
}
