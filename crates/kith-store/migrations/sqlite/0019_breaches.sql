-- The breach register (Art. 33-34): every personal-data breach, notified or
-- not (Art. 33(5)), its history, its notices, the queries that found the
-- people affected and the link to them. Twin of ../postgres/0019_breaches.sql.
--
-- No table here holds a person's values. `breach_affected` and
-- `breach_notice_people` link a breach to people by subject id: they are
-- erased with the person (the erasure catalogue), while the counts frozen
-- in `breach_queries` stay.

-- One breach. The checked record (authority case references, occurred
-- window, nature, cause, systems and recipients involved, data and special
-- categories, approximate numbers, categories and countries of people, the
-- risk assessment and the decisions) is `body`, JSON. `aware_at` is a
-- column because the 72-hour clock runs from it (deadline = aware_at + 72 h,
-- computed, never stored); once set it changes only through a correction
-- with a reason, which `breach_history` keeps with the old value.
CREATE TABLE breaches (
    id             BLOB PRIMARY KEY,
    reference      TEXT NOT NULL UNIQUE,
    title          TEXT NOT NULL,
    body           TEXT NOT NULL,
    detected_at    BIGINT,
    aware_at       BIGINT,
    aware_by       BLOB,
    aware_evidence TEXT,
    status         TEXT NOT NULL,
    closed_at      BIGINT,
    created_by     BLOB,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX breaches_status ON breaches(status, aware_at);

-- Every change to a breach, appended: who, when, what (`change`, a short
-- action name) and the detail (`detail`, JSON: old and new values of the
-- record, the reason of a correction). Never updated or deleted.
CREATE TABLE breach_history (
    breach_id BLOB NOT NULL REFERENCES breaches(id),
    seq       BIGINT NOT NULL,
    at        BIGINT NOT NULL,
    actor     TEXT NOT NULL,
    change    TEXT NOT NULL,
    detail    TEXT NOT NULL,
    PRIMARY KEY (breach_id, seq)
);

-- A notice: to the authority (initial, follow-up referencing the first
-- through `follows`, or bundled), to the people (Art. 34) or public. `body`
-- is the JSON drafted from the record as it was sent; `content_hash` its
-- SHA-256; a notice sent after the deadline carries `delay_reason`.
CREATE TABLE breach_notices (
    id           BLOB PRIMARY KEY,
    breach_id    BLOB NOT NULL REFERENCES breaches(id),
    audience     TEXT NOT NULL,
    kind         TEXT NOT NULL,
    follows      BLOB REFERENCES breach_notices(id),
    authority    TEXT,
    body         TEXT NOT NULL,
    content_hash BLOB NOT NULL,
    sent_at      BIGINT,
    sent_by      BLOB,
    delay_reason TEXT,
    created_at   BIGINT NOT NULL
);
CREATE INDEX breach_notices_breach ON breach_notices(breach_id, created_at);

-- The people's mails of a notice: one row per person and notice (so never
-- twice), with the outbox row that carries it; sent or failed is read from
-- the outbox. Erased with the person, before the contact (the reference
-- makes a row naming an erased person impossible).
CREATE TABLE breach_notice_people (
    notice_id  BLOB NOT NULL REFERENCES breach_notices(id),
    subject_id BLOB NOT NULL REFERENCES contacts(id),
    status     TEXT NOT NULL,
    outbox_id  BLOB,
    at         BIGINT NOT NULL,
    PRIMARY KEY (notice_id, subject_id)
);
CREATE INDEX breach_notice_people_subject ON breach_notice_people(subject_id);

-- A query that found affected people, frozen into the record: the query
-- (JSON), the count, the breakdown by data category and country and the
-- authorities concerned (JSON), and the SHA-256 of the sorted result ids.
CREATE TABLE breach_queries (
    id          BLOB PRIMARY KEY,
    breach_id   BLOB NOT NULL REFERENCES breaches(id),
    query       TEXT NOT NULL,
    people      BIGINT NOT NULL,
    breakdown   TEXT NOT NULL,
    result_hash BLOB NOT NULL,
    frozen_by   BLOB,
    frozen_at   BIGINT NOT NULL
);
CREATE INDEX breach_queries_breach ON breach_queries(breach_id, frozen_at);

-- The people a frozen query found (the Art. 34 list). Erased with the
-- person; the frozen count stays.
CREATE TABLE breach_affected (
    breach_id  BLOB NOT NULL REFERENCES breaches(id),
    -- A link to a person on record: a freeze racing an erasure fails (and
    -- is retried) rather than linking someone already erased.
    subject_id BLOB NOT NULL REFERENCES contacts(id),
    PRIMARY KEY (breach_id, subject_id)
);
CREATE INDEX breach_affected_subject ON breach_affected(subject_id);

-- Which deadline reminders were claimed (24 and 4 hours before the
-- deadline, epoch ms: a corrected aware at is a new deadline with its own
-- reminders): the primary key makes each fire once across servers. A claim
-- whose send failed is deleted so the next run retries.
CREATE TABLE breach_reminders (
    breach_id    BLOB NOT NULL REFERENCES breaches(id),
    deadline     BIGINT NOT NULL,
    hours_before BIGINT NOT NULL,
    sent_at      BIGINT NOT NULL,
    PRIMARY KEY (breach_id, deadline, hours_before)
);
