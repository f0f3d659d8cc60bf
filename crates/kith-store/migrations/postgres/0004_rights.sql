-- Restriction and objection (GDPR Art. 18 and 21) (PostgreSQL).
-- Twin of ../sqlite/0004_rights.sql.

-- An objection to a direct-marketing purpose is absolute.
ALTER TABLE purposes ADD COLUMN direct_marketing BOOLEAN NOT NULL DEFAULT FALSE;

-- A restricted person: everything but storage is refused.
CREATE TABLE restrictions (
    subject_id UUID PRIMARY KEY REFERENCES contacts(id),
    since      BIGINT NOT NULL,
    set_by     UUID
);

-- Objections per person and purpose, and the operator's decision.
CREATE TABLE objections (
    subject_id  UUID NOT NULL REFERENCES contacts(id),
    purpose_id  UUID NOT NULL REFERENCES purposes(id),
    at          BIGINT NOT NULL,
    decision    TEXT NOT NULL,
    decided_at  BIGINT,
    decided_by  UUID,
    PRIMARY KEY (subject_id, purpose_id)
);

-- The register of data-subject requests. No foreign key to contacts: the
-- register outlives an erasure (it is the controller's proof of handling).
CREATE TABLE dsr_requests (
    id                  UUID PRIMARY KEY,
    subject_id          UUID NOT NULL,
    kind                TEXT NOT NULL,
    channel             TEXT NOT NULL,
    received_at         BIGINT NOT NULL,
    status              TEXT NOT NULL,
    verified            TEXT NOT NULL,
    verification_method TEXT,
    extension_months    BIGINT NOT NULL,
    extension_reason    TEXT,
    assigned_to         UUID,
    outcome             TEXT,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);
CREATE INDEX dsr_requests_status ON dsr_requests(status, received_at);
CREATE INDEX dsr_requests_subject ON dsr_requests(subject_id, received_at);

-- Every step of a request, with its operator. Free-text notes are sealed
-- under the person's key.
CREATE TABLE dsr_steps (
    id          UUID PRIMARY KEY,
    request_id  UUID NOT NULL REFERENCES dsr_requests(id),
    at          BIGINT NOT NULL,
    actor_user  UUID,
    action      TEXT NOT NULL,
    status      TEXT,
    sealed_note BYTEA
);
CREATE INDEX dsr_steps_request ON dsr_steps(request_id, at);
