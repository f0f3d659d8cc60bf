-- The facets a query for the people a breach affects needs, kept in clear
-- beside each contact's sealed values (PostgreSQL). Twin of ../sqlite/0020_contact_facets.sql.
--
-- `facet_country`: the ISO 3166-1 alpha-2 code of the address's country
-- (NULL when none or not recognised). It is personal data in clear, a
-- deliberate choice (docs/decisions-accountability.md): a breach query over a million
-- people cannot open every record. `facet_fields`: the keys of the policy
-- fields that hold a value, between commas (`,emails,first_name,`), never
-- the values. Both are written in the transaction of every contact write
-- and go with the row when the person is erased. NULL `facet_fields`
-- means "not indexed yet" (written before this migration, or by an older
-- server during a rolling upgrade): a background task started with every
-- server opens those records in batches and fills both, and the query
-- reports how many are left.
ALTER TABLE contacts ADD COLUMN facet_country TEXT;
ALTER TABLE contacts ADD COLUMN facet_fields TEXT;

-- Serves the breach query's country, time and source filters. Unlike the
-- SQLite twin it leaves `facet_fields` out: a PostgreSQL b-tree entry may
-- not pass ~2.7 KB, and the field facet of a contact with many custom
-- fields can be several KB, so every write of such a contact would fail.
-- The field filter reads the rows (a LIKE cannot use a b-tree anyway).
CREATE INDEX contacts_facets ON contacts(facet_country, created_at, source_kind, id);

-- "Everyone whose record user X opened or exported between T1 and T2".
CREATE INDEX audit_log_actor_at ON audit_log(actor, at);

-- The contacts not indexed yet, for the background fill and the query's
-- "not yet indexed" count: small, since almost every row has facets.
CREATE INDEX contacts_facets_pending ON contacts(id) WHERE facet_fields IS NULL;

-- The people an import run wrote: its `import.run` entries found without
-- a scan; only those entries pay for this index (then `audit_log_actor`
-- finds the pass's writes). See docs/decisions-accountability.md.
CREATE INDEX audit_log_import_run ON audit_log(object_id) WHERE object_type = 'import_run';

-- The people who answered through a consent form.
CREATE INDEX consent_events_form ON consent_events(form_id) WHERE form_id IS NOT NULL;
