//! The audit chain: append-only, each entry's hash covering the previous
//! entry's hash and its own fields. It holds ids, never personal values.

use crate::db::{values_placeholders, Exec, Row, Tx, Value, MAX_PARAMS};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::SubjectId;
use ring::digest;
use uuid::Uuid;

/// What a new entry says; the store adds sequence, time and hashes.
#[derive(Clone, Debug)]
pub struct NewEntry {
    pub action: &'static str,
    pub subject: Option<SubjectId>,
    pub object_type: &'static str,
    pub object_id: Option<String>,
}

impl NewEntry {
    pub fn subject(action: &'static str, subject: SubjectId) -> Self {
        NewEntry { action, subject: Some(subject), object_type: "contact", object_id: Some(subject.to_string()) }
    }

    pub fn object(action: &'static str, object_type: &'static str, id: impl ToString) -> Self {
        NewEntry { action, subject: None, object_type, object_id: Some(id.to_string()) }
    }
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct Entry {
    pub seq: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
    pub actor: String,
    pub action: String,
    pub subject_id: Option<SubjectId>,
    pub object_type: String,
    pub object_id: Option<String>,
    pub request_id: String,
    /// The API token the request came with (`None` for pages, the CLI and
    /// the system).
    pub token: Option<crate::AuditToken>,
}

struct Fields<'a> {
    seq: i64,
    at: i64,
    actor: &'a str,
    action: &'a str,
    subject: Option<Uuid>,
    object_type: &'a str,
    object_id: Option<&'a str>,
    request_id: &'a str,
    token: Option<(Uuid, &'a str)>,
}

/// SHA-256 over the previous hash and every part, each length-prefixed so
/// no two different entries encode alike. Shared by the audit chain and the
/// consent ledger.
pub(crate) fn chain_hash(prev: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let mut ctx = digest::Context::new(&digest::SHA256);
    for b in std::iter::once(prev).chain(parts.iter().copied()) {
        ctx.update(&(b.len() as u64).to_be_bytes());
        ctx.update(b);
    }
    ctx.finish().as_ref().to_vec()
}

/// An entry without a token hashes exactly as entries did before tokens
/// were recorded (so older chains still verify); one with a token adds its
/// id and name as two more parts. Parts are length-prefixed, so the two
/// shapes can never encode alike.
fn entry_hash(prev: &[u8], f: &Fields<'_>) -> Vec<u8> {
    let seq = f.seq.to_be_bytes();
    let at = f.at.to_be_bytes();
    let mut parts: Vec<&[u8]> = vec![
        &seq,
        &at,
        f.actor.as_bytes(),
        f.action.as_bytes(),
        f.subject.as_ref().map(|u| u.as_bytes().as_slice()).unwrap_or(b"-"),
        f.object_type.as_bytes(),
        f.object_id.unwrap_or("-").as_bytes(),
        f.request_id.as_bytes(),
    ];
    if let Some((id, name)) = &f.token {
        parts.push(id.as_bytes());
        parts.push(name.as_bytes());
    }
    chain_hash(prev, &parts)
}

/// Appends `entries` inside `tx`. Taking the head row's lock (by updating
/// it) serialises appends across transactions and servers.
pub(crate) async fn append(tx: &mut Tx, ctx: &Ctx, entries: &[NewEntry]) -> Result<(), StoreError> {
    append_seq(tx, ctx, entries).await.map(|_| ())
}

/// [`append`], returning the sequence number of the last entry (0 if none).
pub(crate) async fn append_seq(tx: &mut Tx, ctx: &Ctx, entries: &[NewEntry]) -> Result<i64, StoreError> {
    if entries.is_empty() {
        return Ok(0);
    }
    let n = entries.len() as i64;
    let head = tx
        .fetch_optional("UPDATE audit_head SET seq = seq + $1 WHERE id = 1 RETURNING seq, hash", &args![n])
        .await?
        .ok_or(StoreError::Corrupt("audit head missing"))?;
    let last: i64 = head.get(0)?;
    let mut prev: Vec<u8> = head.get(1)?;
    let at = now_ms();
    const COLS: usize = 12;
    let token_id = ctx.token.as_ref().map(|t| t.id);
    let token_name = ctx.token.as_ref().map(|t| t.name.clone());
    for chunk_start in (0..entries.len()).step_by(MAX_PARAMS / COLS) {
        let chunk = &entries[chunk_start..entries.len().min(chunk_start + MAX_PARAMS / COLS)];
        let mut vals: Vec<Value> = Vec::with_capacity(chunk.len() * COLS);
        for (i, e) in chunk.iter().enumerate() {
            let seq = last - n + 1 + (chunk_start + i) as i64;
            let object_id = e.object_id.clone();
            let f = Fields {
                seq,
                at,
                actor: &ctx.actor,
                action: e.action,
                subject: e.subject.map(|s| s.0),
                object_type: e.object_type,
                object_id: object_id.as_deref(),
                request_id: &ctx.request_id,
                token: ctx.token.as_ref().map(|t| (t.id, t.name.as_str())),
            };
            let hash = entry_hash(&prev, &f);
            vals.extend(args![
                seq,
                at,
                ctx.actor.as_str(),
                e.action,
                e.subject.map(|s| s.0),
                e.object_type,
                object_id,
                ctx.request_id.as_str(),
                prev.clone(),
                hash.clone(),
                token_id,
                token_name.clone()
            ]);
            prev = hash;
        }
        let sql = format!(
            "INSERT INTO audit_log (seq, at, actor, action, subject_id, object_type, object_id, request_id, prev_hash, hash, token_id, token_name) VALUES {}",
            values_placeholders(tx.engine(), chunk.len(), COLS)
        );
        tx.execute(&sql, &vals).await?;
    }
    tx.execute("UPDATE audit_head SET hash = $1 WHERE id = 1", &args![prev]).await?;
    Ok(last)
}

/// Where the sealed before/after values of audit entry `seq` live.
pub(crate) fn detail_place(seq: i64, subject: SubjectId) -> crate::vault::Place<'static> {
    crate::vault::Place { table: "audit_details", column: "sealed", row: Uuid::from_u64_pair(0, seq as u64), subject }
}

/// A hash-chained table and its head row.
pub(crate) struct Chain {
    pub head: &'static str,
    pub log: &'static str,
    pub cols: &'static str,
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every entry checks out; `entries` were checked.
    Intact { entries: i64 },
    /// The first entry that fails, and why.
    Broken { seq: i64, reason: &'static str },
}

/// Which entries to list.
#[derive(Clone, Debug, Default)]
pub struct AuditQuery {
    pub subject: Option<SubjectId>,
    pub actor: Option<String>,
    /// Entries with a sequence number above this.
    pub after: Option<i64>,
    pub limit: i64,
}

impl Store {
    /// Appends entries in a transaction of their own (for reads and exports).
    pub async fn audit(&self, ctx: &Ctx, entries: &[NewEntry]) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        append(&mut tx, ctx, entries).await?;
        tx.commit().await
    }

    pub async fn audit_entries(&self, q: &AuditQuery) -> Result<Vec<Entry>, StoreError> {
        let mut sql = String::from(
            "SELECT seq, at, actor, action, subject_id, object_type, object_id, request_id, token_id, token_name FROM audit_log WHERE seq > $1",
        );
        let mut vals = args![q.after.unwrap_or(0)].to_vec();
        if let Some(s) = q.subject {
            vals.push(s.0.into());
            sql.push_str(&format!(" AND subject_id = ${}", vals.len()));
        }
        if let Some(a) = &q.actor {
            vals.push(a.as_str().into());
            sql.push_str(&format!(" AND actor = ${}", vals.len()));
        }
        vals.push(q.limit.into());
        sql.push_str(&format!(" ORDER BY seq LIMIT ${}", vals.len()));
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &vals).await?;
        rows.iter()
            .map(|r| {
                Ok(Entry {
                    seq: r.get(0)?,
                    at: from_ms(r.get(1)?),
                    actor: r.get(2)?,
                    action: r.get(3)?,
                    subject_id: r.get::<Option<Uuid>>(4)?.map(SubjectId),
                    object_type: r.get(5)?,
                    object_id: r.get(6)?,
                    request_id: r.get(7)?,
                    token: match (r.get::<Option<Uuid>>(8)?, r.get::<Option<String>>(9)?) {
                        (Some(id), Some(name)) => Some(crate::AuditToken { id, name }),
                        _ => None,
                    },
                })
            })
            .collect()
    }

    /// The person and the personal values entry `seq` changed
    /// (`{"field": {"before", "after"}}`), opened; `None` if it changed none
    /// or the person was erased.
    pub async fn audit_detail(&self, seq: i64) -> Result<Option<(SubjectId, serde_json::Value)>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let Some(r) = c
            .fetch_optional(
                "SELECT d.subject_id, d.sealed, k.wrapped FROM audit_details d JOIN subject_keys k ON k.subject_id = d.subject_id WHERE d.seq = $1",
                &args![seq],
            )
            .await?
        else {
            return Ok(None);
        };
        let subject = SubjectId(r.get(0)?);
        let key = self.vault.unwrap_key(subject, &r.get::<Vec<u8>>(2)?)?;
        let plain = key.open(&detail_place(seq, subject), &r.get::<Vec<u8>>(1)?)?;
        let v = serde_json::from_slice(&plain).map_err(|_| StoreError::Corrupt("audit detail"))?;
        Ok(Some((subject, v)))
    }

    /// Walks the whole chain in order and names the first entry that was
    /// edited, removed or reordered (or a head that no longer matches).
    pub async fn audit_verify(&self) -> Result<Verdict, StoreError> {
        let chain = Chain {
            head: "audit_head",
            log: "audit_log",
            cols: "seq, at, actor, action, subject_id, object_type, object_id, request_id, token_id, token_name, prev_hash, hash",
        };
        self.verify_chain(&chain, |prev, r| {
            let actor: String = r.get(2)?;
            let action: String = r.get(3)?;
            let object_type: String = r.get(5)?;
            let object_id: Option<String> = r.get(6)?;
            let request_id: String = r.get(7)?;
            let token_id: Option<Uuid> = r.get(8)?;
            let token_name: Option<String> = r.get(9)?;
            let token = match (token_id, token_name.as_deref()) {
                (None, None) => None,
                (Some(id), Some(name)) => Some((id, name)),
                // Half a token was written or erased behind the chain's back.
                _ => return Ok(Vec::new()),
            };
            let f = Fields {
                seq: r.get(0)?,
                at: r.get(1)?,
                actor: &actor,
                action: &action,
                subject: r.get(4)?,
                object_type: &object_type,
                object_id: object_id.as_deref(),
                request_id: &request_id,
                token,
            };
            Ok(entry_hash(prev, &f))
        })
        .await
    }

    /// Verifies a hash chain: `chain.cols` starts with `seq` and ends with
    /// `prev_hash, hash`; `hash_row` recomputes a row's hash from the
    /// previous one.
    pub(crate) async fn verify_chain(
        &self,
        chain: &Chain,
        hash_row: impl Fn(&[u8], &Row) -> Result<Vec<u8>, StoreError>,
    ) -> Result<Verdict, StoreError> {
        let mut conn = self.pools.read.conn().await?;
        let head_sql = format!("SELECT seq, hash FROM {} WHERE id = 1", chain.head);
        // Read the head first and check the chain up to it: entries appended
        // while the walk runs are not mistaken for tampering.
        let head = conn.fetch_optional(&head_sql, &[]).await?.ok_or(StoreError::Corrupt("chain head missing"))?;
        let head_seq: i64 = head.get(0)?;
        let head_hash: Vec<u8> = head.get(1)?;
        let n = chain.cols.split(',').count();
        let page_sql =
            format!("SELECT {} FROM {} WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT 5000", chain.cols, chain.log);
        let mut prev = vec![0u8; 32];
        let mut expected_seq = 1i64;
        while expected_seq <= head_seq {
            let rows = conn.fetch_all(&page_sql, &args![expected_seq, head_seq]).await?;
            if rows.is_empty() {
                break;
            }
            for r in &rows {
                let seq: i64 = r.get(0)?;
                if seq != expected_seq {
                    return Ok(Verdict::Broken { seq, reason: "an entry before this one was removed" });
                }
                let stored_prev: Vec<u8> = r.get(n - 2)?;
                let stored_hash: Vec<u8> = r.get(n - 1)?;
                if stored_prev != prev {
                    return Ok(Verdict::Broken {
                        seq,
                        reason: "does not follow the entry before it (removed or reordered)",
                    });
                }
                let h = hash_row(&prev, r)?;
                if h != stored_hash {
                    return Ok(Verdict::Broken { seq, reason: "its content was edited" });
                }
                prev = h;
                expected_seq += 1;
            }
        }
        if head_seq != expected_seq - 1 || head_hash != prev {
            return Ok(Verdict::Broken { seq: expected_seq, reason: "entries at the end of the chain were removed" });
        }
        // Rows past the head (as read now) were inserted behind the chain's back.
        let now_head: i64 =
            conn.fetch_optional(&head_sql, &[]).await?.ok_or(StoreError::Corrupt("chain head missing"))?.get(0)?;
        let after_sql = format!("SELECT seq FROM {} WHERE seq > $1 ORDER BY seq LIMIT 1", chain.log);
        if let Some(r) = conn.fetch_optional(&after_sql, &args![now_head]).await? {
            return Ok(Verdict::Broken { seq: r.get(0)?, reason: "this entry was inserted outside the chain" });
        }
        Ok(Verdict::Intact { entries: expected_seq - 1 })
    }

    /// The current head hash, hex-encoded: record it elsewhere to anchor the chain.
    pub async fn audit_head(&self) -> Result<(i64, String), StoreError> {
        let mut conn = self.pools.read.conn().await?;
        let head = conn
            .fetch_optional("SELECT seq, hash FROM audit_head WHERE id = 1", &[])
            .await?
            .ok_or(StoreError::Corrupt("audit head missing"))?;
        let hash: Vec<u8> = head.get(1)?;
        Ok((head.get(0)?, hash.iter().map(|b| format!("{b:02x}")).collect()))
    }
}
