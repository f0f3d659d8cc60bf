-- Data-protection impact assessments (Art. 35-36) and the DPO's screening
-- decisions per purpose. An assessment is about a processing activity: no
-- table here holds data about a data subject.
-- Twin of ../sqlite/0017_dpia.sql.

-- One assessment. The checked record (description, risks, measures, the
-- DPO's advice, views, consultation...) is `body`, JSON. A sign-off pins
-- the register version it was made against and the JSON of its purposes'
-- activities then, so what changed since can be told.
CREATE TABLE dpias (
    id                UUID PRIMARY KEY,
    title             TEXT NOT NULL,
    body              TEXT NOT NULL,
    signed_off_by     UUID,
    signed_off_at     BIGINT,
    register_version  BIGINT,
    signed_activities TEXT,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL
);

CREATE TABLE dpia_purposes (
    dpia_id    UUID NOT NULL REFERENCES dpias(id),
    purpose_id UUID NOT NULL REFERENCES purposes(id),
    PRIMARY KEY (dpia_id, purpose_id)
);
CREATE INDEX dpia_purposes_purpose ON dpia_purposes(purpose_id);

-- The DPO's decision whether a purpose needs an assessment, and why
-- (`body`, JSON: the reason and the recipients outside the EEA then).
CREATE TABLE screening_decisions (
    purpose_id UUID PRIMARY KEY REFERENCES purposes(id),
    required   BOOLEAN NOT NULL,
    body       TEXT NOT NULL,
    decided_by UUID,
    decided_at BIGINT NOT NULL
);
