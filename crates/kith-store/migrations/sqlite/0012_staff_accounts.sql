-- Staff accounts: disabling, password resets, last sign-in, a second
-- factor (TOTP) with recovery codes, and the API token in audit entries
-- (SQLite). Twin of ../postgres/0012_staff_accounts.sql.

-- An admin reset sets a temporary password: the user must choose a new one
-- before any other page opens.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
-- When the user last signed in to the staff pages (Unix ms).
ALTER TABLE users ADD COLUMN last_sign_in_at BIGINT;
-- The TOTP secret, sealed under a key derived from the master key (bound to
-- the user's id): confirmed, and one being enrolled (not yet confirmed).
ALTER TABLE users ADD COLUMN totp_sealed BLOB;
ALTER TABLE users ADD COLUMN totp_pending BLOB;
-- The last TOTP time step accepted: a code is never accepted twice.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

-- One-time recovery codes of a user's second factor: keyed hashes only.
CREATE TABLE recovery_codes (
    code_hash BLOB PRIMARY KEY,
    user_id   BLOB NOT NULL REFERENCES users(id),
    used_at   BIGINT
) WITHOUT ROWID;
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);

-- A sign-in whose password was right and whose second factor is awaited:
-- only a hash of the cookie secret is stored; it lasts minutes.
CREATE TABLE sign_in_challenges (
    token_hash BLOB PRIMARY KEY,
    user_id    BLOB NOT NULL REFERENCES users(id),
    expires_at BIGINT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sign_in_challenges_user ON sign_in_challenges(user_id);

-- The API token a request came with (its id and name), beside the user in
-- the actor column. Both are covered by the entry's hash when present.
ALTER TABLE audit_log ADD COLUMN token_id BLOB;
ALTER TABLE audit_log ADD COLUMN token_name TEXT;
