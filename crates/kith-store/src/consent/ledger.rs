//! The consent ledger: events chained by hash, their proof sealed under
//! the person's key; appended, read back and verified.

use super::{ConsentEvent, NewConsentEvent};
use crate::audit::{chain_hash, Chain, Verdict};
use crate::db::{values_placeholders, Exec, Row, Tx, Value, MAX_PARAMS};
use crate::vault::{Place, SubjectKey};
use crate::{args, from_ms, now_ms, to_ms, Store, StoreError};
use kith_domain::consent::{channels_text, parse_channels};
use kith_domain::{ConsentAction, ConsentMethod, PurposeId, SubjectId, UserId};
use std::collections::HashMap;
use uuid::Uuid;

fn place(id: Uuid, subject: SubjectId) -> Place<'static> {
    Place { table: "consent_events", column: "sealed", row: id, subject }
}

const EVENT_COLS: &str =
    "seq, id, subject_id, purpose_id, action, channels, method, at, until_at, notice_id, form_id, \
                          actor_user, gpc, sealed, recorded_at, request_ref, prev_hash, hash";

/// A ledger row's hashed columns: every column but the hashes, in order.
struct Hashed<'a> {
    seq: i64,
    id: Uuid,
    subject: Uuid,
    purpose: Uuid,
    action: &'a str,
    channels: &'a str,
    method: &'a str,
    at: i64,
    until: Option<i64>,
    notice: Option<Uuid>,
    form: Option<Uuid>,
    actor: Option<Uuid>,
    gpc: bool,
    sealed: &'a [u8],
    recorded: i64,
    request: Option<Uuid>,
}

impl Hashed<'_> {
    fn hash(&self, prev: &[u8]) -> Vec<u8> {
        let uuid = |u: Option<Uuid>| u.map(|u| u.as_bytes().to_vec()).unwrap_or_else(|| b"-".to_vec());
        let until = self.until.map(|v| v.to_be_bytes().to_vec()).unwrap_or_else(|| b"-".to_vec());
        chain_hash(
            prev,
            &[
                &self.seq.to_be_bytes(),
                self.id.as_bytes(),
                self.subject.as_bytes(),
                self.purpose.as_bytes(),
                self.action.as_bytes(),
                self.channels.as_bytes(),
                self.method.as_bytes(),
                &self.at.to_be_bytes(),
                &until,
                &uuid(self.notice),
                &uuid(self.form),
                &uuid(self.actor),
                &[u8::from(self.gpc)],
                self.sealed,
                &self.recorded.to_be_bytes(),
                &uuid(self.request),
            ],
        )
    }
}

/// Recomputes a stored row's hash (for verification).
fn event_hash(prev: &[u8], r: &Row) -> Result<Vec<u8>, StoreError> {
    let (action, channels, method): (String, String, String) = (r.get(4)?, r.get(5)?, r.get(6)?);
    let sealed: Vec<u8> = r.get(13)?;
    Ok(Hashed {
        seq: r.get(0)?,
        id: r.get(1)?,
        subject: r.get(2)?,
        purpose: r.get(3)?,
        action: &action,
        channels: &channels,
        method: &method,
        at: r.get(7)?,
        until: r.get(8)?,
        notice: r.get(9)?,
        form: r.get(10)?,
        actor: r.get(11)?,
        gpc: r.get(12)?,
        sealed: &sealed,
        recorded: r.get(14)?,
        request: r.get(15)?,
    }
    .hash(prev))
}

fn decode_event(r: &Row, key: Option<&SubjectKey>) -> Result<ConsentEvent, StoreError> {
    let id: Uuid = r.get(1)?;
    let subject = SubjectId(r.get(2)?);
    let (action, channels, method): (String, String, String) = (r.get(4)?, r.get(5)?, r.get(6)?);
    let sealed: Vec<u8> = r.get(13)?;
    let proof = match key {
        Some(k) => Some(
            serde_json::from_slice(&k.open(&place(id, subject), &sealed)?)
                .map_err(|_| StoreError::Corrupt("consent proof"))?,
        ),
        None => None,
    };
    Ok(ConsentEvent {
        seq: r.get(0)?,
        id,
        subject,
        purpose: PurposeId(r.get(3)?),
        action: ConsentAction::parse(&action).ok_or(StoreError::Corrupt("consent action"))?,
        channels: parse_channels(&channels).ok_or(StoreError::Corrupt("consent channels"))?,
        method: ConsentMethod::parse(&method).ok_or(StoreError::Corrupt("consent method"))?,
        at: from_ms(r.get(7)?),
        until: r.get::<Option<i64>>(8)?.map(from_ms),
        notice: r.get(9)?,
        form: r.get(10)?,
        actor_user: r.get::<Option<Uuid>>(11)?.map(UserId),
        gpc: r.get(12)?,
        proof,
        recorded_at: from_ms(r.get(14)?),
        request: r.get(15)?,
    })
}

impl Store {
    /// A subject's ledger events, oldest first, proof opened.
    pub async fn consent_events(&self, subject: SubjectId) -> Result<Vec<ConsentEvent>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let key = match c
            .fetch_optional("SELECT wrapped FROM subject_keys WHERE subject_id = $1", &args![subject.0])
            .await?
        {
            Some(r) => Some(self.vault.unwrap_key(subject, &r.get::<Vec<u8>>(0)?)?),
            None => None,
        };
        let sql = format!("SELECT {EVENT_COLS} FROM consent_events WHERE subject_id = $1 ORDER BY seq");
        c.fetch_all(&sql, &args![subject.0]).await?.iter().map(|r| decode_event(r, key.as_ref())).collect()
    }

    /// One ledger event by sequence number, proof opened.
    pub async fn consent_event(&self, seq: i64) -> Result<Option<ConsentEvent>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let cols: Vec<String> = EVENT_COLS.split(',').map(|c| format!("e.{}", c.trim())).collect();
        let sql = format!(
            "SELECT {}, k.wrapped FROM consent_events e LEFT JOIN subject_keys k ON k.subject_id = e.subject_id WHERE e.seq = $1",
            cols.join(", ")
        );
        let Some(r) = c.fetch_optional(&sql, &args![seq]).await? else { return Ok(None) };
        let subject = SubjectId(r.get(2)?);
        let key = r.get::<Option<Vec<u8>>>(18)?.map(|w| self.vault.unwrap_key(subject, &w)).transpose()?;
        decode_event(&r, key.as_ref()).map(Some)
    }

    /// Checks the whole consent ledger's hash chain.
    pub async fn consent_verify(&self) -> Result<Verdict, StoreError> {
        let chain = Chain { head: "consent_head", log: "consent_events", cols: EVENT_COLS };
        self.verify_chain(&chain, event_hash).await
    }
}

/// Chains and inserts `events`, returning their sequence numbers.
pub(super) async fn append_events(
    tx: &mut Tx,
    keys: &HashMap<Uuid, SubjectKey>,
    events: &[NewConsentEvent],
) -> Result<Vec<i64>, StoreError> {
    if events.is_empty() {
        return Ok(vec![]);
    }
    let n = events.len() as i64;
    let head = tx
        .fetch_optional("UPDATE consent_head SET seq = seq + $1 WHERE id = 1 RETURNING seq, hash", &args![n])
        .await?
        .ok_or(StoreError::Corrupt("consent head missing"))?;
    let last: i64 = head.get(0)?;
    let mut prev: Vec<u8> = head.get(1)?;
    let recorded = now_ms();
    let mut seqs = Vec::with_capacity(events.len());
    // The ledger's columns, one row per event, written many rows per statement.
    const COLS: usize = 18;
    let mut rows: Vec<Value> = Vec::with_capacity(events.len() * COLS);
    for (i, e) in events.iter().enumerate() {
        let seq = last - n + 1 + i as i64;
        let plain = serde_json::to_vec(&e.proof).expect("proof serialises");
        let sealed = keys[&e.subject.0].seal(&place(e.id, e.subject), &plain);
        let channels = channels_text(&e.channels);
        let h = Hashed {
            seq,
            id: e.id,
            subject: e.subject.0,
            purpose: e.purpose.0,
            action: e.action.as_str(),
            channels: &channels,
            method: e.method.as_str(),
            at: to_ms(e.at),
            until: e.until.map(to_ms),
            notice: e.notice,
            form: e.form,
            actor: e.actor_user.map(|u| u.0),
            gpc: e.gpc,
            sealed: &sealed,
            recorded,
            request: e.request,
        };
        let hash = h.hash(&prev);
        rows.extend(args![
            seq,
            h.id,
            h.subject,
            h.purpose,
            h.action,
            channels.as_str(),
            h.method,
            h.at,
            h.until,
            h.notice,
            h.form,
            h.actor,
            h.gpc,
            sealed.clone(),
            recorded,
            h.request,
            prev.clone(),
            hash.clone()
        ]);
        prev = hash;
        seqs.push(seq);
    }
    for chunk in rows.chunks(COLS * (MAX_PARAMS / COLS)) {
        let sql = format!(
            "INSERT INTO consent_events ({EVENT_COLS}) VALUES {}",
            values_placeholders(tx.engine(), chunk.len() / COLS, COLS)
        );
        tx.execute(&sql, chunk).await?;
    }
    tx.execute("UPDATE consent_head SET hash = $1 WHERE id = 1", &args![prev]).await?;
    Ok(seqs)
}
