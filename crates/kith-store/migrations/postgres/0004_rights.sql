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
