-- Webhooks and processor notices (issue 17, integrations). Twin of
-- ../sqlite/0023_webhooks.sql.
--
-- Nothing here holds a person's values: payloads carry ids and states.
-- `webhook_deliveries.subject_id` and `processor_notices.subject_id` name
-- the person by id only and are kept after an erasure (the erasure
-- catalogue says why).

-- An endpoint an admin registered. The signing secret is sealed under a
-- key derived from the master key (never stored in clear); `events` is a
-- JSON array of event types. `recipient_id` links the endpoint to a
-- recipient of the register: a processor's requests (Art. 19) go there.
CREATE TABLE webhook_endpoints (
    id             UUID PRIMARY KEY,
    url            TEXT NOT NULL,
    description    TEXT NOT NULL,
    events         TEXT NOT NULL,
    secret_sealed  BYTEA NOT NULL,
    recipient_id   UUID,
    active         BOOLEAN NOT NULL,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);

-- The durable outbox and delivery log: one row per event and endpoint.
-- `status` is pending, delivered or failed; a sender claims a row by
-- setting `lease_until` (once across servers), and backs off through
-- `next_at`. `last_error` never holds personal data.
CREATE TABLE webhook_deliveries (
    id            UUID PRIMARY KEY,
    endpoint_id   UUID NOT NULL REFERENCES webhook_endpoints(id),
    event_id      UUID NOT NULL,
    event_type    TEXT NOT NULL,
    subject_id    UUID,
    payload       TEXT NOT NULL,
    status        TEXT NOT NULL,
    attempts      BIGINT NOT NULL,
    next_at       BIGINT NOT NULL,
    lease_until   BIGINT NOT NULL,
    last_status   BIGINT,
    last_error    TEXT,
    created_at    BIGINT NOT NULL,
    delivered_at  BIGINT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_at);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries(endpoint_id, created_at);

-- How far the dispatcher has read the audit log: events are derived from
-- the entries after `seq`, and the watermark moves in the same transaction
-- as the deliveries it wrote. Starts at the head: history is not replayed.
CREATE TABLE webhook_cursor (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL
);
INSERT INTO webhook_cursor (id, seq) SELECT 1, seq FROM audit_head WHERE id = 1;

-- A request to a processor (Art. 19): erase, rectify, restrict, or the
-- restriction lifted, sent by webhook or by mail to the recipient's privacy
-- contact, and its acknowledgement. `request_id` is the data-subject
-- request it carries out, when there is one. `status` of the sending is
-- pending, sent or failed.
CREATE TABLE processor_notices (
    id               UUID PRIMARY KEY,
    request_id       UUID,
    recipient_id     UUID NOT NULL,
    action           TEXT NOT NULL,
    subject_id       UUID NOT NULL,
    channel          TEXT NOT NULL,
    delivery_id      UUID,
    status           TEXT NOT NULL,
    attempts         BIGINT NOT NULL,
    next_at          BIGINT NOT NULL,
    lease_until      BIGINT NOT NULL,
    last_error       TEXT,
    created_at       BIGINT NOT NULL,
    sent_at          BIGINT,
    due_at           BIGINT NOT NULL,
    acknowledged_at  BIGINT,
    acknowledged_via TEXT
);
CREATE INDEX processor_notices_request ON processor_notices(request_id);
CREATE INDEX processor_notices_due ON processor_notices(status, next_at);
CREATE INDEX processor_notices_open ON processor_notices(acknowledged_at, due_at);
