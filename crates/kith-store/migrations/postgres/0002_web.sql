-- Staff web sessions, sign-in throttling and saved list views (PostgreSQL).
-- Twin of ../sqlite/0002_web.sql.

-- A signed-in browser. Only a hash of the cookie's secret is stored.
CREATE TABLE web_sessions (
    token_hash   BYTEA PRIMARY KEY,
    user_id      UUID NOT NULL REFERENCES users(id),
    csrf         TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX web_sessions_user ON web_sessions(user_id);
CREATE INDEX web_sessions_expiry ON web_sessions(expires_at);

-- Failed sign-ins per key (a keyed hash of the email typed, or of the
-- client address): never the email itself.
CREATE TABLE sign_in_failures (
    key_hash     BYTEA PRIMARY KEY,
    failures     BIGINT NOT NULL,
    window_start BIGINT NOT NULL,
    locked_until BIGINT NOT NULL
);

-- A user's named contact-list view: filters, sort and columns as a query
-- string (never search text, which may be personal data).
CREATE TABLE saved_views (
    id         UUID PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES users(id),
    name       TEXT NOT NULL,
    query      TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (user_id, name)
);

-- The pipeline board shows each stage's most recently changed deals.
CREATE INDEX deals_stage_updated ON deals(stage, updated_at);
