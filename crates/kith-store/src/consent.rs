//! Lawful bases per contact and purpose, and the consent ledger: an
//! append-only, hash-chained table whose personal proof is sealed under the
//! subject's key, plus the materialised fold that makes counting fast.

use crate::audit::{self, chain_hash, Chain, NewEntry, Verdict};
use crate::contacts::{lock_contacts, Lock};
use crate::db::{fetch_in, values_placeholders, Exec, Row, Tx, Value, MAX_PARAMS};
use crate::keys::subject_keys;
use crate::mail::{self, NewMail};
use crate::vault::{Place, SubjectKey};
use crate::{args, from_ms, now_ms, to_ms, Ctx, Store, StoreError};
use kith_domain::consent::{channels_text, fold_all, parse_channels, BasisSource, ConsentFact};
use kith_domain::{Channel, ConsentAction, ConsentMethod, LawfulBasis, PurposeId, SubjectId, UserId};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use uuid::Uuid;

/// The basis recorded for one contact and purpose.
#[derive(Clone, Debug)]
pub struct BasisRecord {
    pub purpose: PurposeId,
    pub basis: LawfulBasis,
    pub source: BasisSource,
    /// The form, file or API client it came from.
    pub source_name: Option<String>,
    /// Reference to the legitimate-interest assessment.
    pub lia_ref: Option<String>,
    pub effective_at: time::OffsetDateTime,
    /// When the contract (or other basis) ends, if known: a retention anchor.
    pub ends_at: Option<time::OffsetDateTime>,
    pub set_by: Option<UserId>,
    pub set_at: time::OffsetDateTime,
}

/// The personal part of a consent event's proof, sealed.
#[derive(Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct SealedProof {
    /// What the person did to say yes (or no), in words.
    pub affirmative_act: Option<String>,
    pub evidence_ref: Option<String>,
    pub third_parties: Vec<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// The purpose as worded when the event was recorded (purposes are
    /// edited in place; a receipt must state what was agreed to). Filled
    /// in by [`Store::write_consent`].
    #[serde(default)]
    pub purpose: Option<PurposeSnapshot>,
}

/// A purpose's wording at one moment.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct PurposeSnapshot {
    pub name: String,
    pub description: String,
    pub data_categories: Vec<String>,
}

impl std::fmt::Debug for SealedProof {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealedProof(<personal>)")
    }
}

/// A ledger event to append.
#[derive(Clone, Debug)]
pub struct NewConsentEvent {
    pub id: Uuid,
    pub subject: SubjectId,
    pub purpose: PurposeId,
    pub action: ConsentAction,
    pub channels: Vec<Channel>,
    pub method: ConsentMethod,
    pub at: time::OffsetDateTime,
    /// Expiry of a `given`, answer deadline of a `requested`.
    pub until: Option<time::OffsetDateTime>,
    pub notice: Option<Uuid>,
    pub form: Option<Uuid>,
    pub actor_user: Option<UserId>,
    /// The browser sent `Sec-GPC: 1`.
    pub gpc: bool,
    /// The request this event belongs to or answers.
    pub request: Option<Uuid>,
    pub proof: SealedProof,
}

/// A ledger event as stored; `proof` is `None` once the subject's key is gone.
#[derive(Clone, Debug)]
pub struct ConsentEvent {
    pub seq: i64,
    pub id: Uuid,
    pub subject: SubjectId,
    pub purpose: PurposeId,
    pub action: ConsentAction,
    pub channels: Vec<Channel>,
    pub method: ConsentMethod,
    pub at: time::OffsetDateTime,
    pub until: Option<time::OffsetDateTime>,
    pub notice: Option<Uuid>,
    pub form: Option<Uuid>,
    pub actor_user: Option<UserId>,
    pub gpc: bool,
    pub proof: Option<SealedProof>,
    pub recorded_at: time::OffsetDateTime,
    pub request: Option<Uuid>,
}

impl ConsentEvent {
    pub fn fact(&self) -> ConsentFact {
        ConsentFact {
            seq: self.seq,
            at: self.at,
            action: self.action,
            channels: self.channels.clone(),
            until: self.until,
        }
    }
}

/// Everything one consent change writes, in one transaction.
#[derive(Debug, Default)]
pub struct ConsentWrite {
    pub events: Vec<NewConsentEvent>,
    /// A single-use token to spend (its id and expiry): a second spend fails
    /// with [`StoreError::Conflict`]`("used token")` and writes nothing.
    pub spend_token: Option<(Vec<u8>, i64)>,
    /// On `given`, make consent the purpose's basis where none is recorded.
    pub consent_becomes_basis: Option<(BasisSource, Option<String>)>,
    pub mails: Vec<NewMail>,
    /// A contact to create first, in the same transaction (a public form's new person).
    pub new_contact: Option<crate::contacts::ContactInput>,
}

/// Per purpose: contacts per basis, and per channel contacts per consent state.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    pub contacts: i64,
    pub bases: BTreeMap<PurposeId, BTreeMap<String, i64>>,
    pub consent: BTreeMap<PurposeId, BTreeMap<String, BTreeMap<String, i64>>>,
}

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

const BASIS_COLS: &str = "purpose_id, basis, source, source_name, lia_ref, effective_at, set_by, set_at, ends_at";

fn decode_basis(r: &Row) -> Result<BasisRecord, StoreError> {
    let (basis, source): (String, String) = (r.get(1)?, r.get(2)?);
    Ok(BasisRecord {
        purpose: PurposeId(r.get(0)?),
        basis: LawfulBasis::parse(&basis).ok_or(StoreError::Corrupt("basis"))?,
        source: BasisSource::parse(&source).ok_or(StoreError::Corrupt("basis source"))?,
        source_name: r.get(3)?,
        lia_ref: r.get(4)?,
        effective_at: from_ms(r.get(5)?),
        set_by: r.get::<Option<Uuid>>(6)?.map(UserId),
        set_at: from_ms(r.get(7)?),
        ends_at: r.get::<Option<i64>>(8)?.map(from_ms),
    })
}

/// Writes each subject's basis, replacing what was there (with
/// `only_if_unset`, only where none is set). One row per subject and purpose.
pub(crate) async fn upsert_bases(
    tx: &mut Tx,
    rows: &[(Uuid, &BasisRecord)],
    only_if_unset: bool,
) -> Result<(), StoreError> {
    const COLS: usize = 10;
    for chunk in rows.chunks(MAX_PARAMS / COLS) {
        let mut vals = Vec::with_capacity(chunk.len() * COLS);
        for (s, b) in chunk {
            vals.extend(args![
                *s,
                b.purpose.0,
                b.basis.as_str(),
                b.source.as_str(),
                b.source_name.clone(),
                b.lia_ref.clone(),
                to_ms(b.effective_at),
                b.set_by.map(|u| u.0),
                to_ms(b.set_at),
                b.ends_at.map(to_ms)
            ]);
        }
        let guard = if only_if_unset { " WHERE contact_bases.basis = 'not_applicable'" } else { "" };
        let sql = format!(
            "INSERT INTO contact_bases (subject_id, {BASIS_COLS}) VALUES {} ON CONFLICT (subject_id, purpose_id) DO UPDATE SET \
             basis = excluded.basis, source = excluded.source, source_name = excluded.source_name, lia_ref = excluded.lia_ref, \
             effective_at = excluded.effective_at, set_by = excluded.set_by, set_at = excluded.set_at, \
             ends_at = excluded.ends_at{guard}",
            values_placeholders(tx.engine(), chunk.len(), COLS)
        );
        tx.execute(&sql, &vals).await?;
    }
    Ok(())
}

impl Store {
    /// Records `basis` on every subject in one transaction (one audit entry
    /// each). Fails with `MissingRef("contact")` if any subject is missing.
    pub async fn set_bases(&self, ctx: &Ctx, subjects: &[SubjectId], basis: &BasisRecord) -> Result<u64, StoreError> {
        let mut ids: Vec<Uuid> = subjects.iter().map(|s| s.0).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut tx = self.pools.write.begin().await?;
        // Lock the contacts so an erasure cannot remove one between this
        // check and the write.
        if lock_contacts(&mut tx, &ids, Lock::Write).await?.len() != ids.len() {
            return Err(StoreError::MissingRef("contact"));
        }
        let rows: Vec<(Uuid, &BasisRecord)> = ids.iter().map(|s| (*s, basis)).collect();
        upsert_bases(&mut tx, &rows, false).await?;
        let entries: Vec<NewEntry> = ids
            .iter()
            .map(|s| NewEntry {
                action: "basis.set",
                subject: Some(SubjectId(*s)),
                object_type: "purpose",
                object_id: Some(basis.purpose.to_string()),
            })
            .collect();
        audit::append(&mut tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(ids.len() as u64)
    }

    /// The bases recorded for a subject (purposes without a row are not applicable).
    pub async fn bases_of(&self, subject: SubjectId) -> Result<Vec<BasisRecord>, StoreError> {
        let sql = format!("SELECT {BASIS_COLS} FROM contact_bases WHERE subject_id = $1");
        self.pools.read.conn().await?.fetch_all(&sql, &args![subject.0]).await?.iter().map(decode_basis).collect()
    }

    /// Appends consent events (and what goes with them) in one transaction:
    /// spends the token, locks the contacts, chains and seals the events,
    /// refreshes the materialised state, sets bases, queues mail, audits.
    pub async fn write_consent(&self, ctx: &Ctx, w: ConsentWrite) -> Result<Vec<i64>, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        // The ledger head first, always: every path that appends takes it
        // before the audit head, so two appends never wait on each other
        // in opposite order (a contact created here appends audit entries).
        tx.execute("UPDATE consent_head SET seq = seq WHERE id = 1", &[]).await?;
        if let Some((id, expires)) = &w.spend_token {
            let n = tx
                .execute(
                    "INSERT INTO used_tokens (id, used_at, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    &args![id.clone(), now_ms(), *expires],
                )
                .await?;
            if n == 0 {
                return Err(StoreError::Conflict("used token"));
            }
        }
        if let Some(c) = &w.new_contact {
            self.insert_contacts_in(&mut tx, ctx, std::slice::from_ref(c)).await?;
        }
        let seqs = self.append_consent_in(&mut tx, ctx, &w.events, w.consent_becomes_basis.as_ref(), &w.mails).await?;
        tx.commit().await?;
        Ok(seqs)
    }

    /// The body of [`Store::write_consent`] inside a caller's transaction,
    /// which has taken the ledger head first.
    pub(crate) async fn append_consent_in(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        events: &[NewConsentEvent],
        consent_becomes_basis: Option<&(BasisSource, Option<String>)>,
        mails: &[NewMail],
    ) -> Result<Vec<i64>, StoreError> {
        let subjects: BTreeSet<Uuid> =
            events.iter().map(|e| e.subject.0).chain(mails.iter().map(|m| m.subject.0)).collect();
        // Lock the contacts first (as updates and erasure do): an erasure
        // cannot slip between reading a key and writing under it.
        let ids: Vec<Uuid> = subjects.iter().copied().collect();
        if lock_contacts(tx, &ids, Lock::Write).await?.len() != ids.len() {
            return Err(StoreError::NotFound);
        }
        // A restricted person's refusals and withdrawals are recorded;
        // nothing that would lead to processing is.
        let processing: Vec<Uuid> = events
            .iter()
            .filter(|e| matches!(e.action, ConsentAction::Given | ConsentAction::Requested))
            .map(|e| e.subject.0)
            .collect::<BTreeSet<Uuid>>()
            .into_iter()
            .collect();
        if !processing.is_empty() {
            crate::rights::refuse_restricted(tx, &processing).await?;
        }
        let keys = subject_keys(self, tx, &subjects).await?;
        let mut events = events.to_vec();
        // Each purpose's wording is read once, however many events name it.
        let mut wording: HashMap<Uuid, PurposeSnapshot> = HashMap::new();
        for e in events.iter_mut().filter(|e| e.proof.purpose.is_none()) {
            if let Some(w) = wording.get(&e.purpose.0) {
                e.proof.purpose = Some(w.clone());
                continue;
            }
            let r = tx
                .fetch_optional(
                    "SELECT name, description, data_categories FROM purposes WHERE id = $1",
                    &args![e.purpose.0],
                )
                .await?
                .ok_or(StoreError::MissingRef("purpose_id"))?;
            let cats: String = r.get(2)?;
            let w = PurposeSnapshot {
                name: r.get(0)?,
                description: r.get(1)?,
                data_categories: serde_json::from_str(&cats).map_err(|_| StoreError::Corrupt("purpose categories"))?,
            };
            wording.insert(e.purpose.0, w.clone());
            e.proof.purpose = Some(w);
        }
        let seqs = append_events(tx, &keys, &events).await?;
        let pairs: BTreeSet<(Uuid, Uuid)> = events.iter().map(|e| (e.subject.0, e.purpose.0)).collect();
        refresh_states(tx, &pairs).await?;
        if let Some((source, name)) = consent_becomes_basis {
            // Where no basis is set, the first consent given becomes it.
            let mut first: BTreeMap<(Uuid, Uuid), BasisRecord> = BTreeMap::new();
            for e in events.iter().filter(|e| e.action == ConsentAction::Given) {
                first.entry((e.subject.0, e.purpose.0)).or_insert_with(|| BasisRecord {
                    purpose: e.purpose,
                    basis: LawfulBasis::Consent,
                    source: *source,
                    source_name: name.clone(),
                    lia_ref: None,
                    effective_at: e.at,
                    ends_at: None,
                    set_by: e.actor_user,
                    set_at: from_ms(now_ms()),
                });
            }
            let rows: Vec<(Uuid, &BasisRecord)> = first.iter().map(|((s, _), b)| (*s, b)).collect();
            upsert_bases(tx, &rows, true).await?;
        }
        mail::enqueue(tx, &keys, mails).await?;
        let mut entries: Vec<NewEntry> = events
            .iter()
            .zip(&seqs)
            .map(|(e, seq)| NewEntry {
                action: "consent.record",
                subject: Some(e.subject),
                object_type: "consent_event",
                object_id: Some(seq.to_string()),
            })
            .collect();
        entries.extend(mails.iter().map(|m| NewEntry {
            action: "mail.queue",
            subject: Some(m.subject),
            object_type: "mail",
            object_id: Some(m.id.to_string()),
        }));
        audit::append(tx, ctx, &entries).await?;
        Ok(seqs)
    }

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

    /// Contacts per purpose and basis, and per purpose, channel and consent
    /// state as of `now` (expiry and answer deadlines applied in the query).
    pub async fn consent_counts(&self, now: time::OffsetDateTime) -> Result<Counts, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let mut out = Counts {
            contacts: c
                .fetch_optional("SELECT COUNT(*) FROM contacts", &[])
                .await?
                .ok_or(StoreError::NotFound)?
                .get(0)?,
            ..Counts::default()
        };
        for r in
            c.fetch_all("SELECT purpose_id, basis, COUNT(*) FROM contact_bases GROUP BY purpose_id, basis", &[]).await?
        {
            out.bases.entry(PurposeId(r.get(0)?)).or_default().insert(r.get(1)?, r.get(2)?);
        }
        let sql = "SELECT purpose_id, channel, CASE \
                   WHEN state = 'given' AND until_at IS NOT NULL AND until_at <= $1 THEN 'expired' \
                   WHEN state = 'awaiting' AND until_at IS NOT NULL AND until_at <= $1 THEN 'not_responded' \
                   ELSE state END AS s, COUNT(*) FROM consent_state GROUP BY purpose_id, channel, s";
        for r in c.fetch_all(sql, &args![to_ms(now)]).await? {
            out.consent
                .entry(PurposeId(r.get(0)?))
                .or_default()
                .entry(r.get(1)?)
                .or_default()
                .insert(r.get(2)?, r.get(3)?);
        }
        Ok(out)
    }
}

/// Chains and inserts `events`, returning their sequence numbers.
async fn append_events(
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

/// Re-folds each subject × purpose from its events and stores the result
/// per channel (events read, and states written, many per statement).
async fn refresh_states(tx: &mut Tx, pairs: &BTreeSet<(Uuid, Uuid)>) -> Result<(), StoreError> {
    let subjects: Vec<Uuid> = pairs.iter().map(|(s, _)| *s).collect::<BTreeSet<_>>().into_iter().collect();
    let mut facts: BTreeMap<(Uuid, Uuid), Vec<ConsentFact>> = pairs.iter().map(|p| (*p, Vec::new())).collect();
    let sql = "SELECT subject_id, purpose_id, seq, at, action, channels, until_at FROM consent_events WHERE subject_id IN ({in})";
    for r in fetch_in(tx, sql, &subjects).await? {
        let Some(list) = facts.get_mut(&(r.get(0)?, r.get(1)?)) else { continue };
        let (action, channels): (String, String) = (r.get(4)?, r.get(5)?);
        list.push(ConsentFact {
            seq: r.get(2)?,
            at: from_ms(r.get(3)?),
            action: ConsentAction::parse(&action).ok_or(StoreError::Corrupt("consent action"))?,
            channels: parse_channels(&channels).ok_or(StoreError::Corrupt("consent channels"))?,
            until: r.get::<Option<i64>>(6)?.map(from_ms),
        });
    }
    const COLS: usize = 6;
    let mut states: Vec<Value> = Vec::new();
    for ((subject, purpose), f) in &facts {
        for ch in Channel::ALL {
            let s = fold_all(f, *ch);
            let Some(since) = s.since() else { continue };
            states.extend(args![*subject, *purpose, ch.as_str(), s.as_str(), to_ms(since), s.until().map(to_ms)]);
        }
    }
    for chunk in states.chunks(COLS * (MAX_PARAMS / COLS)) {
        let sql = format!(
            "INSERT INTO consent_state (subject_id, purpose_id, channel, state, since, until_at) VALUES {} \
             ON CONFLICT (subject_id, purpose_id, channel) DO UPDATE SET state = excluded.state, since = excluded.since, until_at = excluded.until_at",
            values_placeholders(tx.engine(), chunk.len() / COLS, COLS)
        );
        tx.execute(&sql, chunk).await?;
    }
    Ok(())
}
