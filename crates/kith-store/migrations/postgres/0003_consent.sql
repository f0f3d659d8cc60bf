-- Purposes, lawful bases, the consent ledger, subscriptions, consent forms
-- and the mail outbox (PostgreSQL). Twin of ../sqlite/0003_consent.sql.

-- Why personal data is processed. The record of processing grows from here.
CREATE TABLE purposes (
    id              UUID PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    description     TEXT NOT NULL,
    default_basis   TEXT NOT NULL,
    data_categories TEXT NOT NULL,
    retention       TEXT NOT NULL,
    recipients      TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);

-- Privacy notices: each version is its own row, never edited; the hash is
-- of the exact text the person saw.
CREATE TABLE notices (
    id         UUID PRIMARY KEY,
    name       TEXT NOT NULL,
    version    BIGINT NOT NULL,
    language   TEXT NOT NULL,
    url        TEXT,
    body       TEXT NOT NULL,
    sha256     BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (name, version)
);

-- The lawful basis per contact and purpose. No row = not applicable.
CREATE TABLE contact_bases (
    subject_id   UUID NOT NULL REFERENCES contacts(id),
    purpose_id   UUID NOT NULL REFERENCES purposes(id),
    basis        TEXT NOT NULL,
    source       TEXT NOT NULL,
    source_name  TEXT,
    lia_ref      TEXT,
    effective_at BIGINT NOT NULL,
    set_by       UUID,
    set_at       BIGINT NOT NULL,
    PRIMARY KEY (subject_id, purpose_id)
);
CREATE INDEX contact_bases_purpose ON contact_bases(purpose_id, basis);

-- The consent ledger: append-only, hash-chained like the audit trail.
-- Personal proof (IP address, user agent, the act in words, evidence
-- reference, third parties) is sealed under the subject's key. No foreign
-- key to contacts: the chain outlives an erasure, its sealed parts do not.
CREATE TABLE consent_events (
    seq         BIGINT PRIMARY KEY,
    id          UUID NOT NULL UNIQUE,
    subject_id  UUID NOT NULL,
    purpose_id  UUID NOT NULL REFERENCES purposes(id),
    action      TEXT NOT NULL,
    channels    TEXT NOT NULL,
    method      TEXT NOT NULL,
    at          BIGINT NOT NULL,
    until_at    BIGINT,
    notice_id   UUID REFERENCES notices(id),
    form_id     UUID,
    -- Ties a request to its answer (one form submission or campaign mail).
    request_ref UUID,
    actor_user  UUID,
    gpc         BOOLEAN NOT NULL,
    sealed      BYTEA NOT NULL,
    recorded_at BIGINT NOT NULL,
    prev_hash   BYTEA NOT NULL,
    hash        BYTEA NOT NULL
);
CREATE INDEX consent_events_subject ON consent_events(subject_id, purpose_id, seq);

CREATE TABLE consent_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash BYTEA NOT NULL
);
INSERT INTO consent_head (id, seq, hash) VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);

-- The fold of the ledger per contact, purpose and channel, kept in the
-- transaction that appends, so counts need no replay. `until_at` is when
-- time alone changes the state (consent expiry, answer deadline).
CREATE TABLE consent_state (
    subject_id UUID NOT NULL REFERENCES contacts(id),
    purpose_id UUID NOT NULL REFERENCES purposes(id),
    channel    TEXT NOT NULL,
    state      TEXT NOT NULL,
    since      BIGINT NOT NULL,
    until_at   BIGINT,
    PRIMARY KEY (subject_id, purpose_id, channel)
);
CREATE INDEX consent_state_purpose ON consent_state(purpose_id, channel, state, until_at);

-- Person-facing names of subscribable purposes (one per purpose).
CREATE TABLE subscription_types (
    id          UUID PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL,
    purpose_id  UUID NOT NULL UNIQUE REFERENCES purposes(id),
    channels    TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

-- Public consent forms at /f/{slug}.
CREATE TABLE consent_forms (
    id            UUID PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    intro         TEXT NOT NULL,
    logo_url      TEXT,
    fields        TEXT NOT NULL,
    subscriptions TEXT NOT NULL,
    notice_id     UUID NOT NULL REFERENCES notices(id),
    third_parties TEXT NOT NULL,
    button        TEXT NOT NULL,
    language      TEXT NOT NULL,
    active        BOOLEAN NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);

-- Single-use tokens already spent (confirmation links).
CREATE TABLE used_tokens (
    id         BYTEA PRIMARY KEY,
    used_at    BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

-- Mail to send, sealed under the recipient's key. Without SMTP configured
-- messages stay here with status 'outbox' for staff to read.
CREATE TABLE mail_outbox (
    id          UUID PRIMARY KEY,
    subject_id  UUID NOT NULL REFERENCES contacts(id),
    kind        TEXT NOT NULL,
    sealed      BYTEA NOT NULL,
    status      TEXT NOT NULL,
    attempts    BIGINT NOT NULL,
    next_at     BIGINT NOT NULL,
    lease_until BIGINT NOT NULL,
    last_error  TEXT,
    created_at  BIGINT NOT NULL,
    sent_at     BIGINT
);
CREATE INDEX mail_outbox_due ON mail_outbox(status, next_at);
CREATE INDEX mail_outbox_subject ON mail_outbox(subject_id);

-- Consent request campaigns to existing contacts.
CREATE TABLE consent_campaigns (
    id         UUID PRIMARY KEY,
    purpose_id UUID NOT NULL REFERENCES purposes(id),
    name       TEXT NOT NULL,
    mail_subject TEXT NOT NULL,
    mail_body  TEXT NOT NULL,
    wait_days  BIGINT NOT NULL,
    created_by UUID,
    created_at BIGINT NOT NULL,
    requested  BIGINT NOT NULL,
    skipped    BIGINT NOT NULL
);

-- The sign-in throttle now also limits public form submissions: a name for
-- what it holds (attempts per keyed hash), not for one of its users.
ALTER TABLE sign_in_failures RENAME TO attempt_counters;
