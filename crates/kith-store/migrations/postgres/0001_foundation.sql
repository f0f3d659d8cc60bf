-- Kith foundation schema (PostgreSQL). Twin of ../sqlite/0001_foundation.sql:
-- same tables, same columns, same names; only the types are spelt per engine.
-- Times are Unix milliseconds (UTC). Ids are UUIDv7.
-- Personal values live only in `sealed*` columns, encrypted under the
-- subject's key from `subject_keys`.

CREATE TABLE users (
    id            UUID PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE api_tokens (
    id         UUID PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES users(id),
    name       TEXT NOT NULL,
    token_hash BYTEA NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- Field visibility overrides per role (defaults live in the domain).
CREATE TABLE field_visibility (
    role    TEXT NOT NULL,
    field   TEXT NOT NULL,
    visible BOOLEAN NOT NULL,
    PRIMARY KEY (role, field)
);

-- The vault: one wrapped data key per subject. Deleting the row shreds
-- every sealed value of that subject.
CREATE TABLE subject_keys (
    subject_id UUID PRIMARY KEY,
    kek_id     TEXT NOT NULL,
    wrapped    BYTEA NOT NULL
);

CREATE TABLE companies (
    id         UUID PRIMARY KEY,
    name       TEXT NOT NULL,
    name_fold  TEXT COLLATE "C" NOT NULL,
    domain     TEXT,
    address    TEXT,
    industry   TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX companies_name ON companies(name_fold, id);

-- A contact is a data subject: its id is the subject id.
CREATE TABLE contacts (
    id         UUID PRIMARY KEY,
    owner_id   UUID REFERENCES users(id),
    company_id UUID REFERENCES companies(id),
    tags       TEXT NOT NULL DEFAULT '[]',
    sealed     BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX contacts_created ON contacts(created_at, id);
CREATE INDEX contacts_updated ON contacts(updated_at, id);
CREATE INDEX contacts_owner ON contacts(owner_id, id);
CREATE INDEX contacts_company ON contacts(company_id, id);

CREATE TABLE contact_tags (
    subject_id UUID NOT NULL REFERENCES contacts(id),
    tag        TEXT NOT NULL,
    PRIMARY KEY (subject_id, tag)
);
CREATE INDEX contact_tags_tag ON contact_tags(tag, subject_id);

-- Truncated keyed hashes (see vault.rs); no UNIQUE on the bucket.
CREATE TABLE blind_index (
    bucket     BIGINT NOT NULL,
    subject_id UUID NOT NULL,
    PRIMARY KEY (bucket, subject_id)
);
CREATE INDEX blind_index_subject ON blind_index(subject_id);

CREATE TABLE interactions (
    id          UUID PRIMARY KEY,
    subject_id  UUID NOT NULL REFERENCES contacts(id),
    kind        TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    author_id   UUID REFERENCES users(id),
    sealed_body BYTEA NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX interactions_subject ON interactions(subject_id, occurred_at);

CREATE TABLE deal_stages (
    key      TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    position BIGINT NOT NULL,
    closed   BOOLEAN NOT NULL
);
INSERT INTO deal_stages (key, name, position, closed) VALUES
    ('lead', 'Lead', 1, FALSE),
    ('qualified', 'Qualified', 2, FALSE),
    ('proposal', 'Proposal', 3, FALSE),
    ('negotiation', 'Negotiation', 4, FALSE),
    ('won', 'Won', 5, TRUE),
    ('lost', 'Lost', 6, TRUE);

CREATE TABLE deals (
    id           UUID PRIMARY KEY,
    title        TEXT NOT NULL,
    stage        TEXT NOT NULL REFERENCES deal_stages(key),
    amount_minor BIGINT,
    currency     TEXT,
    owner_id     UUID REFERENCES users(id),
    company_id   UUID REFERENCES companies(id),
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX deals_stage ON deals(stage, id);
CREATE INDEX deals_created ON deals(created_at, id);
CREATE INDEX deals_updated ON deals(updated_at, id);
CREATE INDEX deals_company ON deals(company_id, id);
CREATE INDEX deals_owner ON deals(owner_id, id);

CREATE TABLE deal_contacts (
    deal_id    UUID NOT NULL REFERENCES deals(id),
    subject_id UUID NOT NULL REFERENCES contacts(id),
    PRIMARY KEY (deal_id, subject_id)
);
CREATE INDEX deal_contacts_subject ON deal_contacts(subject_id);

CREATE TABLE deal_stage_changes (
    id         UUID PRIMARY KEY,
    deal_id    UUID NOT NULL REFERENCES deals(id),
    from_stage TEXT,
    to_stage   TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at BIGINT NOT NULL
);
CREATE INDEX deal_stage_changes_deal ON deal_stage_changes(deal_id, changed_at);

-- The audit chain: each entry's hash covers the previous one. No personal
-- values: actor, action, ids, request id, time.
CREATE TABLE audit_log (
    seq         BIGINT PRIMARY KEY,
    at          BIGINT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject_id  UUID,
    object_type TEXT NOT NULL,
    object_id   TEXT,
    request_id  TEXT NOT NULL,
    prev_hash   BYTEA NOT NULL,
    hash        BYTEA NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log(subject_id, seq);
CREATE INDEX audit_log_actor ON audit_log(actor, seq);

-- The head of the chain: updating it serialises appends across servers.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash BYTEA NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);

-- Idempotency-Key records: which resource a retried POST created. No
-- response bodies (they would hold personal data in clear).
CREATE TABLE idempotency_keys (
    user_id       UUID NOT NULL,
    key           TEXT NOT NULL,
    request_hash  BYTEA NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   UUID NOT NULL,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (user_id, key)
);
