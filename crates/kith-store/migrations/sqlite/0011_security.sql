-- Security fixes of issue 13 (sqlite). Twin of ../postgres/0011_security.sql.

-- Email keys change meaning: the local part is no longer folded (case kept
-- except at providers known to ignore it, no accents stripped) and the
-- domain is compared in its IDNA ASCII form. The keys are recomputed from
-- the sealed addresses at the next start (the backfill, one page of 500
-- contacts per transaction); old keys are under another label and would
-- never match, so they go now.
DELETE FROM email_keys;
UPDATE email_keys_backfill SET done = 0;

-- The key check: a value sealed under the master key at the first
-- migration. A server whose key does not open it refuses to start, instead
-- of sealing new data under a second key.
CREATE TABLE key_check (
    id         BIGINT PRIMARY KEY CHECK (id = 1),
    kek_id     TEXT NOT NULL,
    sealed     BLOB NOT NULL,
    created_at BIGINT NOT NULL
);

-- Roles the admin lets delete contacts directly. Other roles allowed to
-- delete (sales, support) file an erasure request instead, for the privacy
-- team to carry out; admin and dpo always delete directly.
CREATE TABLE direct_deletion (
    role       TEXT PRIMARY KEY,
    allowed_at BIGINT NOT NULL
);
