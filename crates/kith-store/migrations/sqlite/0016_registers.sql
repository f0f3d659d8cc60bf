-- Accountability registers (issue 15): recipients and their transfers, the
-- purposes they serve, the controller's identity, the Art. 30(2) record
-- and the versions of the record of processing. No table here holds data
-- about a data subject.
-- Twin of ../postgres/0016_registers.sql.

-- Processors, sub-processors, joint controllers and other recipients. The
-- checked record (countries, transfers, agreement...) is `body`, JSON.
CREATE TABLE recipients (
    id          BLOB PRIMARY KEY,
    legal_name  TEXT NOT NULL,
    role        TEXT NOT NULL,
    parent_id   BLOB REFERENCES recipients(id),
    body        TEXT NOT NULL,
    mail_relay  BOOLEAN NOT NULL DEFAULT FALSE,
    -- Migrated from a purpose's free-text recipients: to be completed.
    needs_review BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE purpose_recipients (
    purpose_id   BLOB NOT NULL REFERENCES purposes(id),
    recipient_id BLOB NOT NULL REFERENCES recipients(id),
    PRIMARY KEY (purpose_id, recipient_id)
);
CREATE INDEX purpose_recipients_recipient ON purpose_recipients(recipient_id);

-- An API token used by a recipient's integration: what it reads is what
-- that recipient received (observed beside declared in the register).
ALTER TABLE api_tokens ADD COLUMN recipient_id BLOB REFERENCES recipients(id);

-- The controller, its representative and DPO (Art. 30(1)(a)); one row.
CREATE TABLE controller_identity (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    body TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- How the running server protects data (key location, HTTPS, second
-- factor, mail relay host): the register's measures are generated from
-- it, so every process computes the same record. Written by `kith serve`.
CREATE TABLE deployment_posture (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    body TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Art. 30(2): processing carried out on behalf of other controllers.
CREATE TABLE processor_activities (
    id         BLOB PRIMARY KEY,
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Each version of the declared record of processing: its canonical JSON
-- and the SHA-256 of it; a new version whenever what is declared changes.
CREATE TABLE register_versions (
    version    BIGINT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    cause      TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    body       TEXT NOT NULL
);

-- The free-text recipients of purposes become register entries (done
-- once, by the application, which generates ids).
CREATE TABLE recipients_backfill (id INTEGER PRIMARY KEY CHECK (id = 1), done INTEGER NOT NULL);
