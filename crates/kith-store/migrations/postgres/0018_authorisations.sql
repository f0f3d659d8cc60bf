-- Persons authorised to process personal data (Art. 29, 32(4)): the
-- instructions staff act on, each version kept as published, who
-- acknowledged which version and when, and staff training records.
-- These tables name staff users, never a data subject.
-- Twin of ../sqlite/0018_authorisations.sql.

-- Each published version of the instructions; never edited (a change is
-- a new version). sha256 is the SHA-256 of body (UTF-8), hex.
CREATE TABLE staff_instructions (
    version      BIGINT PRIMARY KEY,
    body         TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    -- NULL when published from the command line.
    published_by UUID REFERENCES users(id)
);

-- A user acknowledged a version (the digest of the text they read).
CREATE TABLE staff_acknowledgements (
    user_id         UUID NOT NULL REFERENCES users(id),
    version         BIGINT NOT NULL REFERENCES staff_instructions(version),
    sha256          TEXT NOT NULL,
    acknowledged_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, version)
);

-- Training a user completed; dates as YYYY-MM-DD.
CREATE TABLE staff_training (
    id           UUID PRIMARY KEY,
    user_id      UUID NOT NULL REFERENCES users(id),
    course       TEXT NOT NULL,
    completed_on TEXT NOT NULL,
    expires_on   TEXT,
    recorded_at  BIGINT NOT NULL,
    recorded_by  UUID REFERENCES users(id)
);
CREATE INDEX staff_training_user ON staff_training(user_id);
