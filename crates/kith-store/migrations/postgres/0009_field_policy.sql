-- The field policy: which personal fields Kith may hold, why, and of what
-- kind; every change is a new version (PostgreSQL). Twin of
-- ../sqlite/0009_field_policy.sql.

CREATE TABLE field_policy (
    key            TEXT PRIMARY KEY,
    label          TEXT NOT NULL,
    kind           TEXT,
    category       TEXT NOT NULL,
    -- JSON array of purpose ids.
    purposes       TEXT NOT NULL,
    special        TEXT,
    special_reason TEXT,
    -- JSON array of choices.
    choices        TEXT NOT NULL,
    enabled        BOOLEAN NOT NULL,
    updated_at     BIGINT NOT NULL
);

-- The built-in fields start allowed (Kith held them before the policy
-- existed); the policy page asks for the purposes that need them.
INSERT INTO field_policy (key, label, kind, category, purposes, special, special_reason, choices, enabled, updated_at) VALUES
    ('first_name', 'First name', NULL, 'identity', '[]', NULL, NULL, '[]', TRUE, 0),
    ('last_name', 'Last name', NULL, 'identity', '[]', NULL, NULL, '[]', TRUE, 0),
    ('emails', 'Email addresses', NULL, 'contact', '[]', NULL, NULL, '[]', TRUE, 0),
    ('phones', 'Phone numbers', NULL, 'contact', '[]', NULL, NULL, '[]', TRUE, 0),
    ('address', 'Postal address', NULL, 'contact', '[]', NULL, NULL, '[]', TRUE, 0),
    ('job_title', 'Job title', NULL, 'professional', '[]', NULL, NULL, '[]', TRUE, 0),
    ('notes', 'Notes', NULL, 'other', '[]', NULL, NULL, '[]', TRUE, 0);

-- Every version of the policy: who changed what, and the whole policy after.
CREATE TABLE field_policy_versions (
    version  BIGINT PRIMARY KEY,
    at       BIGINT NOT NULL,
    actor    TEXT NOT NULL,
    change   TEXT NOT NULL,
    snapshot TEXT NOT NULL
);
INSERT INTO field_policy_versions (version, at, actor, change, snapshot)
    VALUES (1, 0, 'migration', 'built-in fields allowed', '[]');

-- The policy version under which a contact's fields were last written
-- (none: before the policy existed).
ALTER TABLE contacts ADD COLUMN policy_version BIGINT;
