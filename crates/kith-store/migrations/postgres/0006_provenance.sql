-- Provenance: where each contact came from (PostgreSQL).
-- Twin of ../sqlite/0006_provenance.sql.

-- The kind (manual, web_form, import, api) is filterable; the details
-- (form, page, file and row, token, user, time) are sealed under the
-- person's key with the rest of their data. Contacts created before this
-- migration count as manual entries without details.
ALTER TABLE contacts ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'manual';
ALTER TABLE contacts ADD COLUMN source_sealed BYTEA;
CREATE INDEX contacts_source ON contacts(source_kind, created_at, id);
