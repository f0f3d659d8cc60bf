-- Newsletter campaigns: one message to a segment for one subscription type,
-- sent by the `campaign-send` job at a rate, each recipient checked again at
-- the moment of sending. Twin of ../sqlite/0025_campaigns.sql.
--
-- No table here holds a person's values. `campaign_recipients` and
-- `undeliverable` name people by subject id and are erased with them (the erasure catalogue).

-- One campaign. `segment_query` is the audience's contact filter (JSON),
-- frozen when the campaign is scheduled (from the saved segment
-- `segment_id` or the filter given); "may email for the campaign's purpose"
-- is always part of it. `audience_after` is where materialising the
-- audience into `campaign_recipients` got to (resumable); `audience_done`
-- says it is complete.
CREATE TABLE campaigns (
    id                   UUID PRIMARY KEY,
    name                 TEXT NOT NULL,
    subscription_type_id UUID NOT NULL REFERENCES subscription_types(id),
    purpose_id           UUID NOT NULL REFERENCES purposes(id),
    channel              TEXT NOT NULL,
    template_id          UUID NOT NULL,
    segment_id           UUID,
    segment_query        TEXT NOT NULL,
    status               TEXT NOT NULL,
    scheduled_at         BIGINT,
    rate_per_minute      BIGINT NOT NULL,
    audience_after       UUID,
    audience_done        BIGINT NOT NULL DEFAULT 0,
    created_by           UUID,
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL,
    started_at           BIGINT,
    finished_at          BIGINT
);
CREATE INDEX campaigns_due ON campaigns(status, scheduled_at);

-- The delivery log: one row per person of the audience. `pending` until the
-- sender takes it; then `queued` (with the outbox mail `mail_id`, in the
-- same transaction as the mail) or `skipped` with `reason` in words; the
-- outbox marks `sent` or `failed`.
CREATE TABLE campaign_recipients (
    campaign_id UUID NOT NULL REFERENCES campaigns(id),
    subject_id  UUID NOT NULL,
    status      TEXT NOT NULL,
    reason      TEXT,
    mail_id     UUID,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, subject_id)
);
CREATE INDEX campaign_recipients_status ON campaign_recipients(campaign_id, status, subject_id);
CREATE INDEX campaign_recipients_mail ON campaign_recipients(mail_id);
CREATE INDEX campaign_recipients_subject ON campaign_recipients(subject_id);

-- Addresses a mail server refused permanently (SMTP 5xx): the keyed hash of
-- the address (as in `email_keys`), never the address. Campaigns skip them.
CREATE TABLE undeliverable (
    subject_id  UUID NOT NULL,
    address_key BYTEA NOT NULL,
    at          BIGINT NOT NULL,
    code        TEXT NOT NULL,
    PRIMARY KEY (subject_id, address_key)
);
