//! One consent change written: the token spent, the contacts locked, the
//! events appended with the purpose's wording, the state refreshed, bases
//! set, mail queued and the audit entries appended, in one transaction.

use super::bases::upsert_bases;
use super::ledger::append_events;
use super::state::refresh_states;
use super::{BasisRecord, ConsentWrite, NewConsentEvent, PurposeSnapshot};
use crate::audit::{self, NewEntry};
use crate::contacts::{lock_contacts, Lock};
use crate::db::{Exec, Tx};
use crate::keys::subject_keys;
use crate::mail::{self, NewMail};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::consent::BasisSource;
use kith_domain::{ConsentAction, LawfulBasis};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use uuid::Uuid;

impl Store {
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
}
