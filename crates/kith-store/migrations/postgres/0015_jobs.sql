-- The job scheduler (issue 14): one row per periodic job, its lease (for
-- jobs that run once across servers) and its last run. No personal data.
CREATE TABLE job_runs (
    name          TEXT PRIMARY KEY,
    lease_until   BIGINT NOT NULL DEFAULT 0,
    last_started  BIGINT,
    last_finished BIGINT,
    last_ok       BOOLEAN,
    last_outcome  TEXT
);
