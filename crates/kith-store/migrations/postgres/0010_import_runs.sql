-- Imports started from the upload page, run in the background (PostgreSQL).
-- Twin of ../sqlite/0010_import_runs.sql.

-- One uploaded file and what became of it. The file, its name, the options
-- chosen (column names, which a file without a header line fills with a
-- person's data) and the error of the last pass are sealed under the run's
-- own key (wrapped by the master key); the file is dropped once imported,
-- discarded, or a day old. Counts and the last line written are saved as
-- the run goes, so the page shows progress and an interrupted run resumes
-- after that line. `pass_id` names the pass that holds the run: only it
-- may save progress or finish.
CREATE TABLE import_runs (
    id          UUID PRIMARY KEY,
    created_by  UUID,
    created_at  BIGINT NOT NULL,
    wrapped     BYTEA NOT NULL,
    sealed_name BYTEA NOT NULL,
    sealed_file BYTEA,
    file_bytes  BIGINT NOT NULL,
    sealed_options BYTEA NOT NULL,
    phase       TEXT NOT NULL,
    dry_run     BOOLEAN NOT NULL DEFAULT FALSE,
    read_bytes  BIGINT NOT NULL DEFAULT 0,
    created     BIGINT NOT NULL DEFAULT 0,
    updated     BIGINT NOT NULL DEFAULT 0,
    skipped     BIGINT NOT NULL DEFAULT 0,
    rejected    BIGINT NOT NULL DEFAULT 0,
    last_line   BIGINT NOT NULL DEFAULT 0,
    sealed_error BYTEA,
    pass_id     UUID,
    heartbeat   BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX import_runs_created ON import_runs(created_at);

-- The lines of a run's latest pass that were not simply created: outcome
-- and reason (reasons never repeat a value from the file).
CREATE TABLE import_run_lines (
    run_id  UUID NOT NULL REFERENCES import_runs(id),
    line    BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    reason  TEXT NOT NULL,
    PRIMARY KEY (run_id, line)
);
