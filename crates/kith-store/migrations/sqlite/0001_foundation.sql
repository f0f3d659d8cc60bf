-- Kith foundation schema (SQLite). Twin of ../postgres/0001_foundation.sql:
-- same tables, same columns, same names; only the types are spelt per engine
-- (and tables looked up by their UUID key are WITHOUT ROWID here: one B-tree
-- descent per lookup instead of two).
-- Times are Unix milliseconds (UTC). Ids are UUIDv7.
-- Personal values live only in `sealed*` columns, encrypted under the
-- subject's key from `subject_keys`.

CREATE TABLE users (
    id            BLOB PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE api_tokens (
    id         BLOB PRIMARY KEY,
    user_id    BLOB NOT NULL REFERENCES users(id),
    name       TEXT NOT NULL,
    token_hash BLOB NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- Field visibility overrides per role (defaults live in the domain).
CREATE TABLE field_visibility (
    role    TEXT NOT NULL,
    field   TEXT NOT NULL,
    visible INTEGER NOT NULL,
    PRIMARY KEY (role, field)
);

-- The vault: one wrapped data key per subject. Deleting the row shreds
-- every sealed value of that subject.
CREATE TABLE subject_keys (
    subject_id BLOB PRIMARY KEY,
    kek_id     TEXT NOT NULL,
    wrapped    BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE companies (
    id         BLOB PRIMARY KEY,
    name       TEXT NOT NULL,
    name_fold  TEXT NOT NULL,
    domain     TEXT,
    address    TEXT,
    industry   TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX companies_name ON companies(name_fold, id);

-- A contact is a data subject: its id is the subject id.
CREATE TABLE contacts (
    id         BLOB PRIMARY KEY,
    owner_id   BLOB REFERENCES users(id),
    company_id BLOB REFERENCES companies(id),
    tags       TEXT NOT NULL DEFAULT '[]',
    sealed     BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX contacts_created ON contacts(created_at, id);
CREATE INDEX contacts_updated ON contacts(updated_at, id);
CREATE INDEX contacts_owner ON contacts(owner_id, id);
CREATE INDEX contacts_company ON contacts(company_id, id);

CREATE TABLE contact_tags (
    subject_id BLOB NOT NULL REFERENCES contacts(id),
    tag        TEXT NOT NULL,
    PRIMARY KEY (subject_id, tag)
);
CREATE INDEX contact_tags_tag ON contact_tags(tag, subject_id);

-- Truncated keyed hashes (see vault.rs); no UNIQUE on the bucket.
CREATE TABLE blind_index (
    bucket     INTEGER NOT NULL,
    subject_id BLOB NOT NULL,
    PRIMARY KEY (bucket, subject_id)
) WITHOUT ROWID;
CREATE INDEX blind_index_subject ON blind_index(subject_id);

CREATE TABLE interactions (
    id          BLOB PRIMARY KEY,
    subject_id  BLOB NOT NULL REFERENCES contacts(id),
    kind        TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    author_id   BLOB REFERENCES users(id),
    sealed_body BLOB NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX interactions_subject ON interactions(subject_id, occurred_at);

CREATE TABLE deal_stages (
    key      TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL,
    closed   INTEGER NOT NULL
);
INSERT INTO deal_stages (key, name, position, closed) VALUES
    ('lead', 'Lead', 1, 0),
    ('qualified', 'Qualified', 2, 0),
    ('proposal', 'Proposal', 3, 0),
    ('negotiation', 'Negotiation', 4, 0),
    ('won', 'Won', 5, 1),
    ('lost', 'Lost', 6, 1);

CREATE TABLE deals (
    id           BLOB PRIMARY KEY,
    title        TEXT NOT NULL,
    stage        TEXT NOT NULL REFERENCES deal_stages(key),
    amount_minor INTEGER,
    currency     TEXT,
    owner_id     BLOB REFERENCES users(id),
    company_id   BLOB REFERENCES companies(id),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX deals_stage ON deals(stage, id);
CREATE INDEX deals_created ON deals(created_at, id);
CREATE INDEX deals_updated ON deals(updated_at, id);
CREATE INDEX deals_company ON deals(company_id, id);
CREATE INDEX deals_owner ON deals(owner_id, id);

CREATE TABLE deal_contacts (
    deal_id    BLOB NOT NULL REFERENCES deals(id),
    subject_id BLOB NOT NULL REFERENCES contacts(id),
    PRIMARY KEY (deal_id, subject_id)
);
CREATE INDEX deal_contacts_subject ON deal_contacts(subject_id);

CREATE TABLE deal_stage_changes (
    id         BLOB PRIMARY KEY,
    deal_id    BLOB NOT NULL REFERENCES deals(id),
    from_stage TEXT,
    to_stage   TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at INTEGER NOT NULL
);
CREATE INDEX deal_stage_changes_deal ON deal_stage_changes(deal_id, changed_at);

-- The audit chain: each entry's hash covers the previous one. No personal
-- values: actor, action, ids, request id, time.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject_id  BLOB,
    object_type TEXT NOT NULL,
    object_id   TEXT,
    request_id  TEXT NOT NULL,
    prev_hash   BLOB NOT NULL,
    hash        BLOB NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log(subject_id, seq);
CREATE INDEX audit_log_actor ON audit_log(actor, seq);

-- The head of the chain: updating it serialises appends across servers.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash BLOB NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, x'0000000000000000000000000000000000000000000000000000000000000000');

-- Idempotency-Key records: which resource a retried POST created. No
-- response bodies (they would hold personal data in clear).
CREATE TABLE idempotency_keys (
    user_id       BLOB NOT NULL,
    key           TEXT NOT NULL,
    request_hash  BLOB NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   BLOB NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
);
