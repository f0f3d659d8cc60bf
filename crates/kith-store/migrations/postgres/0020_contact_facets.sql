-- The facets a query for the people a breach affects needs, kept in clear
-- beside each contact's sealed values (PostgreSQL). Twin of ../sqlite/0020_contact_facets.sql.
--
-- `facet_country`: the ISO 3166-1 alpha-2 code of the address's country
-- (NULL when none or not recognised). It is personal data in clear, a
-- deliberate choice (docs/decisions.md): a breach query over a million
-- people cannot open every record. `facet_fields`: the keys of the policy
-- fields that hold a value, between commas (`,emails,first_name,`), never
-- the values. Both are written in the transaction of every contact write
-- and go with the row when the person is erased. NULL `facet_fields`
-- means "written before this migration": the start-up backfill opens those
-- records once and fills both.
ALTER TABLE contacts ADD COLUMN facet_country TEXT;
ALTER TABLE contacts ADD COLUMN facet_fields TEXT;

-- Serves the breach query without reading the sealed rows: counts and the
-- breakdown by country and fields scan this index only.
CREATE INDEX contacts_facets ON contacts(facet_country, facet_fields, created_at, source_kind, id);

-- "Everyone whose record user X opened or exported between T1 and T2".
CREATE INDEX audit_log_actor_at ON audit_log(actor, at);

-- Whether the backfill finished: later start-ups skip the scan.
CREATE TABLE contact_facets_backfill (done BIGINT NOT NULL);
INSERT INTO contact_facets_backfill (done) VALUES (0);
