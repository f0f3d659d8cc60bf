-- The name and description of a purpose or a subscription type in another
-- language than the one it was written in: people read the forms, the
-- preference centre, the portal and their receipts in their own language.
-- No personal data.
CREATE TABLE texts (
    owner_kind  TEXT NOT NULL,
    owner_id    BLOB NOT NULL,
    language    TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (owner_kind, owner_id, language)
);
