-- Export files, rectification details, suppression list and processor
-- events (GDPR Art. 15-17, 19, 20) (PostgreSQL).
-- Twin of ../sqlite/0005_exports.sql.

-- Prepared access/portability exports, sealed under the person's key (so
-- an erasure makes any surviving copy unreadable) and deleted when they
-- expire.
CREATE TABLE export_files (
    id          UUID PRIMARY KEY,
    subject_id  UUID NOT NULL REFERENCES contacts(id),
    kind        TEXT NOT NULL,
    format      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    created_by  TEXT NOT NULL,
    size        BIGINT NOT NULL,
    sealed      BYTEA NOT NULL
);
CREATE INDEX export_files_subject ON export_files(subject_id, created_at);
CREATE INDEX export_files_expiry ON export_files(expires_at);

-- The personal values an audit entry changed, before and after, sealed
-- under the person's key. The audit chain itself holds no personal data.
CREATE TABLE audit_details (
    seq        BIGINT PRIMARY KEY,
    subject_id UUID NOT NULL,
    sealed     BYTEA NOT NULL
);
CREATE INDEX audit_details_subject ON audit_details(subject_id);

-- Keyed hashes of the email addresses of erased people who had
-- unsubscribed, so an import cannot silently add them back.
CREATE TABLE suppressions (
    hash       BYTEA PRIMARY KEY,
    created_at BIGINT NOT NULL
);

-- Events for processors (Art. 19), e.g. subject.erased; no personal data.
-- `seq` is the sequence number of the audit entry written in the same
-- transaction: appends to the audit chain are serialised, so events become
-- visible in `seq` order and a reader paging by `seq` never skips one.
CREATE TABLE processor_events (
    seq          BIGINT PRIMARY KEY,
    id           UUID NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    subject_id   UUID NOT NULL,
    at           BIGINT NOT NULL
);
