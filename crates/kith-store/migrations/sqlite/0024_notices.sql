-- What an import keeps of the old CRM, Art. 14 notices, and the erasure
-- confirmation that outlives the person's key (sqlite).
-- Twin of ../postgres/0024_notices.sql.

-- People whose "consent" an imported file claimed without its proof: the
-- count of the run's latest pass (they get no basis; ask them again).
ALTER TABLE import_runs ADD COLUMN consent_claimed BIGINT NOT NULL DEFAULT 0;

-- A person's language, as an import's language column gave it (a
-- lower-case code such as `it`): the language Kith writes to them in.
-- Erased with the person.
CREATE TABLE contact_languages (
    subject_id BLOB PRIMARY KEY REFERENCES contacts(id),
    language   TEXT NOT NULL,
    source     TEXT NOT NULL,
    set_at     BIGINT NOT NULL
);

-- The Art. 14 notice sent to a person whose data did not come from them
-- (an import, staff entry): at most one per person (the primary key), with
-- the outbox mail that carries it, the language it was written in and what
-- sent it (`import_run`: from an import's page; `auto`: the job;
-- `manual`: from the contact's page). Erased with the person.
CREATE TABLE art14_notices (
    subject_id   BLOB PRIMARY KEY REFERENCES contacts(id),
    sent_at      BIGINT NOT NULL,
    mail_id      BLOB NOT NULL,
    language     TEXT NOT NULL,
    trigger_kind TEXT NOT NULL CHECK (trigger_kind IN ('import_run', 'auto', 'manual'))
);

-- Whether the job sends Art. 14 notices by itself, and how many days after
-- a contact's creation (never later than a month: Art. 14(3)(a)).
CREATE TABLE art14_settings (
    id          BIGINT PRIMARY KEY CHECK (id = 1),
    auto        BOOLEAN NOT NULL,
    after_days  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- The confirmation of an erasure to the person erased, queued in the
-- erasure's transaction before their key is destroyed: sealed under a key
-- derived from the master key (the address and the text), never naming the
-- subject, deleted once delivered, after 5 failed attempts or 7 days.
CREATE TABLE parting_mail (
    id          BLOB PRIMARY KEY,
    sealed      BLOB NOT NULL,
    status      TEXT NOT NULL,
    attempts    BIGINT NOT NULL,
    next_at     BIGINT NOT NULL,
    lease_until BIGINT NOT NULL,
    last_error  TEXT,
    created_at  BIGINT NOT NULL
);
CREATE INDEX parting_mail_due ON parting_mail(status, next_at);
