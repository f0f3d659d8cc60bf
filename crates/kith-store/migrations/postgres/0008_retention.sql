-- Retention: rules per purpose, contract end dates, legal holds, review
-- dates, sweep runs and the anonymous statistics kept of anonymised people
-- (PostgreSQL). Twin of ../sqlite/0008_retention.sql.

-- A purpose's rule: keep for count × unit after the anchor, then dispose.
-- All four are set together or none is (no rule).
ALTER TABLE purposes ADD COLUMN retention_anchor TEXT;
ALTER TABLE purposes ADD COLUMN retention_count BIGINT;
ALTER TABLE purposes ADD COLUMN retention_unit TEXT;
ALTER TABLE purposes ADD COLUMN retention_disposal TEXT;

-- When the contract (or another basis) ends, if known.
ALTER TABLE contact_bases ADD COLUMN ends_at BIGINT;

-- When staff last confirmed the record accurate and needed; none means
-- not since it was created (reviews are listed per owner, through
-- contacts_owner).
ALTER TABLE contacts ADD COLUMN reviewed_at BIGINT;

-- A legal hold suspends retention's disposal. The reason is sealed under
-- the person's key.
CREATE TABLE legal_holds (
    subject_id    UUID PRIMARY KEY REFERENCES contacts(id),
    sealed_reason BYTEA NOT NULL,
    review_on     BIGINT NOT NULL,
    set_by        UUID,
    set_at        BIGINT NOT NULL
);

-- Sweeps, dry or real. A real run's report (counts per rule, no personal
-- data) grows batch by batch in the transactions that dispose.
CREATE TABLE retention_runs (
    id          UUID PRIMARY KEY,
    dry_run     BOOLEAN NOT NULL,
    started_by  TEXT NOT NULL,
    started_at  BIGINT NOT NULL,
    finished_at BIGINT,
    checked     BIGINT NOT NULL DEFAULT 0,
    report      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX retention_runs_started ON retention_runs(started_at);

-- Leases on jobs several servers could run: one holder at a time.
CREATE TABLE job_leases (
    name       TEXT PRIMARY KEY,
    holder     UUID NOT NULL,
    expires_at BIGINT NOT NULL
);

-- What an anonymisation keeps: no identifier, dates truncated to the month.
CREATE TABLE anonymised_records (
    id                    UUID PRIMARY KEY,
    purpose_id            UUID,
    created_month         TEXT NOT NULL,
    last_interaction_month TEXT,
    disposed_month        TEXT NOT NULL,
    interactions          BIGINT NOT NULL,
    deals                 BIGINT NOT NULL,
    deals_won             BIGINT NOT NULL,
    source_kind           TEXT NOT NULL
);
