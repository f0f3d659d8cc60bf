//! The people a breach affects: the query over the contacts' clear facets
//! (country, fields held), the audit trail, the lawful bases and consent
//! given for a recipient's purposes, the consent ledger's forms and the
//! import runs; and its freezing into the breach record (the query, the
//! count, the breakdown, the hash of the result and the people). Nothing
//! here opens a sealed value.

use crate::audit::{self, NewEntry};
use crate::db::{values_placeholders, Exec, Value, MAX_PARAMS};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::{SubjectId, UserId};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Who opened or exported records, and when (`[from, to)`, Unix ms).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Access {
    /// The audit actor (`user:<id>`).
    pub actor: String,
    pub from: i64,
    pub to: i64,
    /// The audit actions that count as opening or exporting a record.
    pub actions: Vec<&'static str>,
}

/// A query resolved into what the SQL needs. Every part is optional; they
/// combine with AND.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AffectedFilter {
    /// The people whose record existed before this time (Unix ms).
    pub created_before: Option<i64>,
    pub access: Option<Access>,
    /// The people holding a value in one of these fields (`Some(empty)`:
    /// no field is of the categories asked, so nobody).
    pub fields: Option<Vec<String>>,
    pub recipient: Option<Uuid>,
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<String>,
    pub source_kind: Option<String>,
    pub import_run: Option<Uuid>,
    pub form: Option<Uuid>,
}

/// The people of a result grouped by country and fields held (the field
/// facet, `,a,b,`), with the first page of their ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counted {
    pub groups: Vec<(Option<String>, String, i64)>,
    pub first: Vec<SubjectId>,
    /// How many contacts have no facets yet (the result may miss them).
    pub not_indexed: i64,
}

/// A query frozen into a breach record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrozenQuery {
    pub id: Uuid,
    pub breach_id: Uuid,
    /// The query as JSON.
    pub query: String,
    pub people: i64,
    /// The breakdown by data category and country and the authorities, JSON.
    pub breakdown: String,
    /// SHA-256 of the result's ids (16 bytes each), in ascending order.
    pub result_hash: Vec<u8>,
    pub frozen_by: Option<UserId>,
    pub frozen_at: time::OffsetDateTime,
}

/// SHA-256 of ids in ascending order, 16 bytes each: what a frozen query's
/// `result_hash` is, so anyone holding the list can check it.
pub fn result_hash(ids: &[Uuid]) -> Vec<u8> {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    for id in &sorted {
        ctx.update(id.as_bytes());
    }
    ctx.finish().as_ref().to_vec()
}

/// `%`, `_` and `\` taken literally in a `LIKE … ESCAPE '\'` pattern.
fn like_literal(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// The filter as conditions on `contacts c` (each begins with ` AND`).
fn where_sql(f: &AffectedFilter, vals: &mut Vec<Value>) -> String {
    let mut sql = String::new();
    let p = |v: Value, vals: &mut Vec<Value>| {
        vals.push(v);
        format!("${}", vals.len())
    };
    if let Some(t) = f.created_before {
        sql.push_str(&format!(" AND c.created_at < {}", p(t.into(), vals)));
    }
    if let Some(a) = &f.access {
        let actor = p(a.actor.as_str().into(), vals);
        let (from, to) = (p(a.from.into(), vals), p(a.to.into(), vals));
        let actions: Vec<String> = a.actions.iter().map(|x| p((*x).into(), vals)).collect();
        sql.push_str(&format!(
            " AND c.id IN (SELECT a.subject_id FROM audit_log a WHERE a.actor = {actor} AND a.at >= {from} \
             AND a.at < {to} AND a.action IN ({}))",
            actions.join(", ")
        ));
    }
    if let Some(fields) = &f.fields {
        if fields.is_empty() {
            sql.push_str(" AND 1 = 0");
        } else {
            let likes: Vec<String> = fields
                .iter()
                .map(|k| {
                    format!("c.facet_fields LIKE {} ESCAPE '\\'", p(format!("%,{},%", like_literal(k)).into(), vals))
                })
                .collect();
            sql.push_str(&format!(" AND ({})", likes.join(" OR ")));
        }
    }
    if let Some(r) = f.recipient {
        let (r1, r2) = (p(r.into(), vals), p(r.into(), vals));
        sql.push_str(&format!(
            " AND c.id IN (SELECT b.subject_id FROM contact_bases b JOIN purpose_recipients pr ON pr.purpose_id = b.purpose_id \
             WHERE pr.recipient_id = {r1} UNION SELECT s.subject_id FROM consent_state s JOIN purpose_recipients ps \
             ON ps.purpose_id = s.purpose_id WHERE ps.recipient_id = {r2} AND s.state = 'given')"
        ));
    }
    if !f.countries.is_empty() {
        let cs: Vec<String> = f.countries.iter().map(|c| p(c.as_str().into(), vals)).collect();
        sql.push_str(&format!(" AND c.facet_country IN ({})", cs.join(", ")));
    }
    if let Some(k) = &f.source_kind {
        sql.push_str(&format!(" AND c.source_kind = {}", p(k.as_str().into(), vals)));
    }
    if let Some(run) = f.import_run {
        // The contacts a pass of the run wrote share the audit actor and
        // request id of the pass's `import.run` entry, and come after it:
        // the entry is found by `audit_log_import_run` (partial, on the
        // run's entries only), the writes by `audit_log_actor`.
        let run = p(run.to_string().into(), vals);
        sql.push_str(&format!(
            " AND c.id IN (SELECT a.subject_id FROM audit_log r JOIN audit_log a ON a.actor = r.actor \
             AND a.request_id = r.request_id AND a.seq > r.seq WHERE r.object_type = 'import_run' AND r.object_id = {run} \
             AND r.action = 'import.run' AND a.action IN ('contact.create', 'contact.update'))"
        ));
    }
    if let Some(form) = f.form {
        // `consent_events_form` (partial: events through a form only).
        sql.push_str(&format!(
            " AND c.id IN (SELECT e.subject_id FROM consent_events e WHERE e.form_id = {})",
            p(form.into(), vals)
        ));
    }
    sql
}

async fn count_groups<E: Exec>(
    c: &mut E,
    f: &AffectedFilter,
) -> Result<Vec<(Option<String>, String, i64)>, StoreError> {
    let mut vals = Vec::new();
    let cond = where_sql(f, &mut vals);
    let sql = format!(
        "SELECT c.facet_country, COALESCE(c.facet_fields, ''), COUNT(*) FROM contacts c WHERE 1 = 1{cond} \
         GROUP BY c.facet_country, c.facet_fields"
    );
    c.fetch_all(&sql, &vals).await?.iter().map(|r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).collect()
}

async fn not_indexed<E: Exec>(c: &mut E) -> Result<i64, StoreError> {
    c.fetch_optional("SELECT COUNT(*) FROM contacts WHERE facet_fields IS NULL", &[])
        .await?
        .ok_or(StoreError::NotFound)?
        .get(0)
}

async fn ids<E: Exec>(
    c: &mut E,
    f: &AffectedFilter,
    after: Option<Uuid>,
    limit: Option<i64>,
) -> Result<Vec<Uuid>, StoreError> {
    let mut vals = Vec::new();
    let mut sql = format!("SELECT c.id FROM contacts c WHERE 1 = 1{}", where_sql(f, &mut vals));
    if let Some(a) = after {
        vals.push(a.into());
        sql.push_str(&format!(" AND c.id > ${}", vals.len()));
    }
    sql.push_str(" ORDER BY c.id");
    if let Some(l) = limit {
        vals.push(l.into());
        sql.push_str(&format!(" LIMIT ${}", vals.len()));
    }
    c.fetch_all(&sql, &vals).await?.iter().map(|r| r.get(0)).collect()
}

const QUERY_COLS: &str = "id, breach_id, query, people, breakdown, result_hash, frozen_by, frozen_at";

fn frozen(r: &crate::db::Row) -> Result<FrozenQuery, StoreError> {
    Ok(FrozenQuery {
        id: r.get(0)?,
        breach_id: r.get(1)?,
        query: r.get(2)?,
        people: r.get(3)?,
        breakdown: r.get(4)?,
        result_hash: r.get(5)?,
        frozen_by: r.get::<Option<Uuid>>(6)?.map(UserId),
        frozen_at: from_ms(r.get(7)?),
    })
}

/// Which references of a query name nothing (the field names, for a 422).
#[derive(Clone, Debug, Default)]
pub struct QueryRefs {
    pub actor: Option<UserId>,
    pub recipient: Option<Uuid>,
    pub import_run: Option<Uuid>,
    pub form: Option<Uuid>,
}

impl Store {
    /// Whether a breach is on record.
    pub async fn breach_on_record(&self, breach: Uuid) -> Result<bool, StoreError> {
        let mut c = self.pools.read.conn().await?;
        Ok(c.fetch_optional("SELECT 1 FROM breaches WHERE id = $1", &args![breach]).await?.is_some())
    }

    /// The fields of `refs` that name nothing on record.
    pub async fn unknown_refs(&self, refs: &QueryRefs) -> Result<Vec<&'static str>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let mut out = Vec::new();
        for (field, table, id) in [
            ("actor", "users", refs.actor.map(|u| u.0)),
            ("recipient", "recipients", refs.recipient),
            ("import_run", "import_runs", refs.import_run),
            ("form", "consent_forms", refs.form),
        ] {
            if let Some(id) = id {
                let sql = format!("SELECT 1 FROM {table} WHERE id = $1");
                if c.fetch_optional(&sql, &args![id]).await?.is_none() {
                    out.push(field);
                }
            }
        }
        Ok(out)
    }

    /// Counts the people a query finds, grouped by country and fields held,
    /// and lists the first `limit` of their ids (id order).
    pub async fn affected_preview(&self, f: &AffectedFilter, limit: i64) -> Result<Counted, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let groups = count_groups(&mut c, f).await?;
        let first = ids(&mut c, f, None, Some(limit)).await?.into_iter().map(SubjectId).collect();
        let not_indexed = not_indexed(&mut c).await?;
        Ok(Counted { groups, first, not_indexed })
    }

    /// Freezes a query into a breach record, in one transaction with the
    /// breach row locked: runs it once (one statement, so one snapshot: the
    /// ids with their facets), links exactly those people to the breach
    /// (`breach_affected`, the Art. 34 list; people already linked by an
    /// earlier query stay once; a person erased meanwhile fails the link's
    /// foreign key and the freeze, nothing written), and computes the
    /// count, the groups `breakdown` turns into the breakdown JSON (with the
    /// contacts not indexed yet) and the hash of the sorted ids from that
    /// same id set, so the three always agree. Records the query, appends
    /// `affected.frozen` to the breach's history (query id, count, hash; no
    /// ids of people) and `breach.affected` to the audit trail.
    pub async fn freeze_affected<F>(
        &self,
        ctx: &Ctx,
        breach: Uuid,
        f: &AffectedFilter,
        query: &str,
        frozen_by: Option<UserId>,
        breakdown: F,
    ) -> Result<FrozenQuery, StoreError>
    where
        F: FnOnce(&[(Option<String>, String, i64)], i64) -> Result<String, StoreError>,
    {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("UPDATE breaches SET updated_at = updated_at WHERE id = $1", &args![breach]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        let mut vals = Vec::new();
        let sql = format!(
            "SELECT c.id, c.facet_country, COALESCE(c.facet_fields, '') FROM contacts c WHERE 1 = 1{} ORDER BY c.id",
            where_sql(f, &mut vals)
        );
        let mut found = Vec::new();
        let mut by_facets: BTreeMap<(Option<String>, String), i64> = BTreeMap::new();
        for r in tx.fetch_all(&sql, &vals).await? {
            found.push(r.get::<Uuid>(0)?);
            *by_facets.entry((r.get(1)?, r.get(2)?)).or_default() += 1;
        }
        for chunk in found.chunks(MAX_PARAMS / 2) {
            let sql = format!(
                "INSERT INTO breach_affected (breach_id, subject_id) VALUES {} ON CONFLICT (breach_id, subject_id) DO NOTHING",
                values_placeholders(tx.engine(), chunk.len(), 2)
            );
            let vals: Vec<Value> = chunk.iter().flat_map(|id| [Value::Uuid(breach), Value::Uuid(*id)]).collect();
            tx.execute(&sql, &vals).await?;
        }
        let groups: Vec<(Option<String>, String, i64)> = by_facets.into_iter().map(|((c, k), n)| (c, k, n)).collect();
        let pending = not_indexed(&mut tx).await?;
        let q = FrozenQuery {
            id: Uuid::now_v7(),
            breach_id: breach,
            query: query.to_owned(),
            people: found.len() as i64,
            breakdown: breakdown(&groups, pending)?,
            result_hash: result_hash(&found),
            frozen_by,
            frozen_at: from_ms(now_ms()),
        };
        tx.execute(
            &format!("INSERT INTO breach_queries ({QUERY_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"),
            &args![
                q.id,
                breach,
                q.query.as_str(),
                q.people,
                q.breakdown.as_str(),
                q.result_hash.clone(),
                frozen_by.map(|u| u.0),
                crate::to_ms(q.frozen_at)
            ],
        )
        .await?;
        // The breach's history, as every change to a breach (seq per breach).
        let seq: i64 = tx
            .fetch_optional("SELECT COALESCE(MAX(seq), 0) FROM breach_history WHERE breach_id = $1", &args![breach])
            .await?
            .ok_or(StoreError::NotFound)?
            .get(0)?;
        let detail = serde_json::json!({
            "query": q.id,
            "people": q.people,
            "not_indexed": pending,
            "result_hash": q.result_hash.iter().map(|b| format!("{b:02x}")).collect::<String>(),
        });
        tx.execute(
            "INSERT INTO breach_history (breach_id, seq, at, actor, change, detail) VALUES ($1, $2, $3, $4, $5, $6)",
            &args![
                breach,
                seq + 1,
                crate::to_ms(q.frozen_at),
                ctx.actor.as_str(),
                "affected.frozen",
                detail.to_string()
            ],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("breach.affected", "breach", breach)]).await?;
        tx.commit().await?;
        Ok(q)
    }

    /// The queries frozen into a breach record, newest first.
    pub async fn breach_queries(&self, breach: Uuid) -> Result<Vec<FrozenQuery>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let sql =
            format!("SELECT {QUERY_COLS} FROM breach_queries WHERE breach_id = $1 ORDER BY frozen_at DESC, id DESC");
        c.fetch_all(&sql, &args![breach]).await?.iter().map(frozen).collect()
    }

    /// The people linked to a breach by its frozen queries (the Art. 34
    /// list), in id order after `after`.
    pub async fn breach_affected(
        &self,
        breach: Uuid,
        after: Option<Uuid>,
        limit: i64,
    ) -> Result<Vec<SubjectId>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = c
            .fetch_all(
                "SELECT subject_id FROM breach_affected WHERE breach_id = $1 AND subject_id > $2 ORDER BY subject_id LIMIT $3",
                &args![breach, after.unwrap_or(Uuid::nil()), limit],
            )
            .await?;
        rows.iter().map(|r| Ok(SubjectId(r.get(0)?))).collect()
    }
}

#[doc(hidden)]
impl Store {
    /// Tests only: a contact's stored facets (country, fields), read as stored.
    pub async fn raw_facets(&self, id: SubjectId) -> Result<Option<(Option<String>, Option<String>)>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let r =
            c.fetch_optional("SELECT facet_country, facet_fields FROM contacts WHERE id = $1", &args![id.0]).await?;
        r.map(|r| Ok((r.get(0)?, r.get(1)?))).transpose()
    }
}

/// A plain scan for the benchmark's baseline: the same rows a query reads,
/// counted without joins, facets or grouping.
#[derive(Clone, Debug)]
pub enum PlainScan {
    /// The audit entries of an actor in `[from, to)`.
    AuditOf { actor: String, from: i64, to: i64 },
    /// Every contact row.
    Contacts,
    /// Every lawful-basis row.
    Bases,
}

impl Store {
    /// Counts the rows of a [`PlainScan`] (the benchmark's baseline).
    pub async fn plain_scan(&self, scan: &PlainScan) -> Result<i64, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let r = match scan {
            PlainScan::AuditOf { actor, from, to } => {
                c.fetch_optional(
                    "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND at >= $2 AND at < $3",
                    &args![actor.as_str(), *from, *to],
                )
                .await?
            }
            PlainScan::Contacts => c.fetch_optional("SELECT COUNT(*) FROM contacts", &[]).await?,
            PlainScan::Bases => c.fetch_optional("SELECT COUNT(*) FROM contact_bases", &[]).await?,
        };
        r.ok_or(StoreError::NotFound)?.get(0)
    }
}
