-- Mail templates: a subject and a body per language, with merge fields
-- (`{{first_name}}`…) filled in per person when a mail is made. The
-- automatic consent request rules, per purpose, that use them. None of
-- these tables names a data subject.
-- Twin of ../sqlite/0022_templates.sql.

CREATE TABLE mail_templates (
    id         UUID PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    -- 'newsletter' | 'consent_request' | 'notice'
    kind       TEXT NOT NULL,
    -- NULL when made from the command line.
    created_by UUID REFERENCES users(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- One text per language (en, it, fr, bg, de, es).
CREATE TABLE mail_template_texts (
    template_id UUID NOT NULL REFERENCES mail_templates(id),
    language    TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    PRIMARY KEY (template_id, language)
);

-- Which template a consent request campaign used (NULL: free text). Not a
-- foreign key: the campaign keeps its own copy of the text, and the record
-- of what was sent outlives the template.
ALTER TABLE consent_campaigns ADD COLUMN template_id UUID;

-- Per purpose, optionally: ask new contacts entered by staff or imported
-- without a basis for the purpose, and with an email, for consent. A job
-- scans contacts created after scanned_to (set to the moment the rule is
-- switched on, then moved forward by each scan), never before enabled_at
-- (contacts older than the rule are never asked by it).
CREATE TABLE consent_auto_rules (
    purpose_id  UUID PRIMARY KEY REFERENCES purposes(id),
    template_id UUID NOT NULL REFERENCES mail_templates(id),
    notice_id   UUID NOT NULL REFERENCES notices(id),
    wait_days   BIGINT NOT NULL,
    enabled     BOOLEAN NOT NULL,
    enabled_at  BIGINT NOT NULL,
    scanned_to  BIGINT NOT NULL,
    created_by  UUID REFERENCES users(id),
    updated_at  BIGINT NOT NULL
);
CREATE INDEX consent_auto_rules_template ON consent_auto_rules(template_id);
