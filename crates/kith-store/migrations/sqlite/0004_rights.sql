-- Restriction and objection (GDPR Art. 18 and 21) (SQLite).
-- Twin of ../postgres/0004_rights.sql.

-- An objection to a direct-marketing purpose is absolute.
ALTER TABLE purposes ADD COLUMN direct_marketing INTEGER NOT NULL DEFAULT 0;

-- A restricted person: everything but storage is refused.
CREATE TABLE restrictions (
    subject_id BLOB PRIMARY KEY REFERENCES contacts(id),
    since      BIGINT NOT NULL,
    set_by     BLOB
);

-- Objections per person and purpose, and the operator's decision.
CREATE TABLE objections (
    subject_id  BLOB NOT NULL REFERENCES contacts(id),
    purpose_id  BLOB NOT NULL REFERENCES purposes(id),
    at          BIGINT NOT NULL,
    decision    TEXT NOT NULL,
    decided_at  BIGINT,
    decided_by  BLOB,
    PRIMARY KEY (subject_id, purpose_id)
);
