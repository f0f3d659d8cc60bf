-- Segments: the contact list filtered by lawful basis, consent state,
-- permission to contact, restriction, objection, notice version and review
-- (SQLite). Twin of ../postgres/0021_segments.sql.

-- The notice the consent state rests on (the event it was folded from), so
-- "consent given under an older notice" needs no replay of the ledger.
-- Written by every ledger append; filled below for the states already kept.
ALTER TABLE consent_state ADD COLUMN notice_id BLOB REFERENCES notices(id);
UPDATE consent_state SET notice_id = (
    SELECT e.notice_id FROM consent_events e
    WHERE e.subject_id = consent_state.subject_id AND e.purpose_id = consent_state.purpose_id
      AND e.at = consent_state.since
      AND e.action = CASE consent_state.state WHEN 'awaiting' THEN 'requested' WHEN 'not_responded' THEN 'requested'
                     ELSE consent_state.state END
      AND (',' || e.channels || ',') LIKE ('%,' || consent_state.channel || ',%')
    ORDER BY e.seq DESC LIMIT 1
);

-- Who may be contacted, per purpose and channel: one row where the rule
-- (kith_domain::consent::may_contact) allows contact, until `until_at`
-- (consent that expires; NULL: no end). Kept in the transaction of every
-- write the rule reads (ledger append, basis, restriction, objection, a
-- purpose's direct-marketing flag), so a segment counts a million people
-- from one index range instead of joining four tables per person.
CREATE TABLE contact_permissions (
    purpose_id BLOB NOT NULL REFERENCES purposes(id),
    channel    TEXT NOT NULL,
    subject_id BLOB NOT NULL REFERENCES contacts(id),
    until_at   BIGINT,
    PRIMARY KEY (purpose_id, channel, subject_id)
) WITHOUT ROWID;
CREATE INDEX contact_permissions_subject ON contact_permissions(subject_id);

INSERT INTO contact_permissions (purpose_id, channel, subject_id, until_at)
SELECT b.purpose_id, ch.channel, b.subject_id, CASE WHEN b.basis = 'consent' THEN s.until_at END
FROM contact_bases b
JOIN purposes p ON p.id = b.purpose_id
CROSS JOIN (SELECT 'email' AS channel UNION ALL SELECT 'phone' UNION ALL SELECT 'sms' UNION ALL SELECT 'post') ch
LEFT JOIN consent_state s ON s.subject_id = b.subject_id AND s.purpose_id = b.purpose_id AND s.channel = ch.channel
WHERE b.basis <> 'not_applicable'
  AND NOT EXISTS (SELECT 1 FROM restrictions r WHERE r.subject_id = b.subject_id)
  AND NOT EXISTS (SELECT 1 FROM objections o WHERE o.subject_id = b.subject_id AND o.purpose_id = b.purpose_id
                  AND (o.decision IN ('pending', 'upheld') OR p.direct_marketing <> 0))
  AND ((b.basis = 'consent' AND s.state = 'given')
       OR (b.basis <> 'consent' AND (s.state IS NULL OR s.state NOT IN ('refused', 'withdrawn'))));

-- A segment's first condition read as a range (the people in a consent
-- state, or with a basis) without a lookup per row.
CREATE INDEX consent_state_segment ON consent_state(purpose_id, channel, state, subject_id, until_at);
CREATE INDEX contact_bases_segment ON contact_bases(purpose_id, basis, subject_id);
CREATE INDEX objections_purpose ON objections(purpose_id, subject_id);

-- Saved segments: a contact-list query (segment conditions and plain
-- filters) under a name; the owner's, or shared with the team.
CREATE TABLE segments (
    id         BLOB PRIMARY KEY,
    name       TEXT NOT NULL,
    query      TEXT NOT NULL,
    owner_id   BLOB NOT NULL REFERENCES users(id),
    shared     INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (owner_id, name)
);
