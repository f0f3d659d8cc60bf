-- Exact-match keys of contacts' email addresses (SQLite).
-- Twin of ../postgres/0007_email_keys.sql.

-- HMAC-SHA256 (first 16 bytes) of each normalised address under a key
-- derived from the master key, which never enters the database. Imports
-- check a whole batch of addresses against it in one statement instead of
-- opening every candidate of the truncated blind index. Deleted with the
-- contact.
CREATE TABLE email_keys (
    hash       BLOB NOT NULL,
    subject_id BLOB NOT NULL REFERENCES contacts(id),
    PRIMARY KEY (hash, subject_id)
) WITHOUT ROWID;
CREATE INDEX email_keys_subject ON email_keys(subject_id);

-- Contacts created before this migration get their keys once, at startup.
CREATE TABLE email_keys_backfill (done INTEGER NOT NULL);
INSERT INTO email_keys_backfill (done) VALUES (0);
