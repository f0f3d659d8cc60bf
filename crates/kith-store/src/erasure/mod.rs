//! The erasure of a person, in one place.
//!
//! Every way a person goes — an Art. 17 request carried out, staff
//! deleting, a retention disposal, an erasure re-applied after a restore —
//! runs [`Store::erase_in`]: inside the caller's transaction, with the
//! contacts already locked by the caller, it keeps what must outlive the
//! person (suppression of an address that had unsubscribed, an event for
//! processors, the audit entries), deletes the person's key first and every
//! row [`ERASED`] names, and drops the kept uploads of the import page,
//! which could bring the person back. The caller then hands the
//! transaction to [`Store::commit_erasure`], which journals the ids before
//! committing (see [`journal`]), commits, and scrubs the SQLite WAL.
//!
//! Beside the tables erased, [`KEPT`] lists the tables deliberately kept,
//! each with its reason. The storage contract reads the database catalog
//! and fails when a table that can name a person (a `subject_id` or
//! `contact_id` column, or a foreign key to `contacts`) is in neither list.

mod aftermath;
mod anonymise;
pub mod catalog;
pub mod journal;

pub(crate) use aftermath::queue_processor_event;
pub use aftermath::ProcessorEvent;
pub use anonymise::AnonymisedRecord;

use crate::audit::{self, NewEntry};
use crate::db::{fetch_in, ids_values, list_placeholders, Exec, Tx, MAX_PARAMS};
use crate::{args, Ctx, Store, StoreError};
use kith_domain::SubjectId;
use uuid::Uuid;

/// A table an erasure empties of a person.
#[derive(Clone, Copy, Debug)]
pub struct Erases {
    pub table: &'static str,
    /// The column naming the person.
    pub column: &'static str,
    /// A further condition (`AND …`), for tables that name other things too.
    pub also: &'static str,
}

const fn by_subject(table: &'static str) -> Erases {
    Erases { table, column: "subject_id", also: "" }
}

/// The tables an erasure empties of a person, in order: the key first
/// (without it no copy of a sealed value opens again), the contact row last.
pub const ERASED: &[Erases] = &[
    by_subject("subject_keys"),
    Erases { table: "idempotency_keys", column: "resource_id", also: " AND resource_type = 'contact'" },
    by_subject("blind_index"),
    by_subject("email_keys"),
    by_subject("contact_tags"),
    by_subject("interactions"),
    by_subject("deal_contacts"),
    by_subject("contact_bases"),
    by_subject("consent_state"),
    by_subject("contact_permissions"),
    by_subject("mail_outbox"),
    by_subject("restrictions"),
    by_subject("objections"),
    by_subject("export_files"),
    by_subject("audit_details"),
    by_subject("legal_holds"),
    by_subject("breach_affected"),
    by_subject("breach_notice_people"),
    by_subject("contact_languages"),
    by_subject("art14_notices"),
    by_subject("campaign_recipients"),
    by_subject("undeliverable"),
    Erases { table: "contacts", column: "id", also: "" },
];

/// The tables an erasure keeps on purpose, and why. Those naming the
/// person by id hold no personal data beside the id, or hold it sealed
/// under the person's key, which the erasure destroys.
pub const KEPT: &[(&str, &str)] = &[
    (
        "audit_log",
        "accountability (Art. 5(2)): ids, actions and times, no personal values (those are in audit_details)",
    ),
    ("audit_head", "the head of the audit hash chain; names no one"),
    ("consent_events", "the consent ledger, proof of consent (Art. 7(1)); its proof is sealed under the erased key"),
    ("consent_head", "the head of the consent ledger's hash chain; names no one"),
    ("dsr_requests", "the register of requests, the controller's proof of handling them (Art. 12, 5(2)); id only"),
    ("dsr_steps", "the steps of a registered request; free-text notes are sealed under the erased key"),
    ("processor_events", "tells processors of the erasure (Art. 19); id and time only"),
    ("anonymised_records", "what an anonymisation keeps: no identifier, months only"),
    ("suppressions", "keyed hashes of unsubscribed addresses, so an import cannot add the person back"),
    ("used_tokens", "ids of spent one-time links, refused until they expire; names no one"),
    ("import_runs", "the record of an import stays; its kept upload is dropped by every erasure"),
    ("import_run_lines", "per-line outcomes of an import; reasons never repeat a value from the file"),
    ("retention_runs", "counts per rule, no ids"),
    ("recipients", "the register of recipients (Art. 30(1)(d), 28): organisations, no data about a data subject"),
    ("purpose_recipients", "which recipients a purpose names; no data about a data subject"),
    ("controller_identity", "the controller and its DPO (Art. 30(1)(a)); no data about a data subject"),
    (
        "deployment_posture",
        "the server's configuration the register's measures come from; no data about a data subject",
    ),
    ("processor_activities", "the Art. 30(2) record; no data about a data subject"),
    ("register_versions", "versions of the record of processing (Art. 30); no data about a data subject"),
    ("staff_instructions", "the instructions staff act on, each version as published (Art. 29, 32(4)); names staff, not data subjects"),
    ("staff_acknowledgements", "which staff acknowledged which instructions, and when (accountability for Art. 29, 32(4)); staff, not data subjects"),
    ("staff_training", "staff training records (accountability for Art. 32(4)); staff, not data subjects"),
    ("dpias", "impact assessments (Art. 35) are about processing activities; no data about a data subject"),
    ("dpia_purposes", "which purposes an impact assessment covers; no data about a data subject"),
    (
        "screening_decisions",
        "the DPO's decision whether a purpose needs an impact assessment; no data about a data subject",
    ),
    (
        "breaches",
        "the breach register (Art. 33(5)) describes the breach: categories and approximate numbers, no data about a data subject",
    ),
    ("breach_history", "every change to a breach record (Art. 33(5), 5(2)); record fields, no data about a data subject"),
    (
        "breach_notices",
        "the notices as sent to the authority and the people (Art. 33-34); drafted from the record, no data about a data subject",
    ),
    (
        "breach_queries",
        "the queries that found the affected people, with counts and a hash of the result; the ids are in breach_affected, erased",
    ),
    ("breach_reminders", "which deadline reminders went out; names no one"),
    (
        "webhook_deliveries",
        "the webhook outbox and log: ids and states, never a person's values; a subject.erased event must outlive the person",
    ),
    (
        "processor_notices",
        "requests to processors and their acknowledgements (Art. 19, 5(2)), like the request register; id only",
    ),
    (
        "parting_mail",
        "the confirmation of an erasure to the person erased (their address and the text sealed under a master-derived key, no subject id): deleted once delivered, after 5 failed attempts or 7 days",
    ),
    ("art14_settings", "whether Art. 14 notices go out by themselves, and after how many days; names no one"),
];

/// Why a person is erased: names the audit entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// Staff deleting, or an Art. 17 request carried out.
    Delete,
    /// A retention rule expired, with an anonymous record kept or not.
    Retention { anonymise: bool },
    /// Re-applied from the journal after a restore.
    Reapply,
}

impl Cause {
    fn action(self) -> &'static str {
        match self {
            Cause::Delete | Cause::Reapply => "contact.delete",
            Cause::Retention { anonymise: true } => "retention.anonymise",
            Cause::Retention { anonymise: false } => "retention.delete",
        }
    }
}

/// What stops a deletion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Nothing (an erasure re-applied after a restore).
    Anything,
    /// A legal hold (an Art. 17 request carried out: the person's own
    /// restriction does not keep their data against their erasure request).
    Hold,
    /// A legal hold or a restriction (staff deleting).
    HoldOrRestriction,
}

/// What an erasure did, not yet committed.
#[derive(Debug, Default)]
#[must_use = "commit it with Store::commit_erasure"]
pub struct Erased {
    /// The people erased, in the order given.
    pub subjects: Vec<SubjectId>,
    /// Kept uploads of the import page dropped.
    pub uploads_dropped: usize,
}

/// Deletes the rows [`ERASED`] names for `ids` inside `tx`.
async fn erase_rows(tx: &mut Tx, ids: &[Uuid]) -> Result<(), StoreError> {
    for chunk in ids.chunks(MAX_PARAMS) {
        let ph = list_placeholders(tx.engine(), chunk.len());
        let vals = ids_values(chunk);
        for e in ERASED {
            tx.execute(&format!("DELETE FROM {} WHERE {} IN ({ph}){}", e.table, e.column, e.also), &vals).await?;
        }
    }
    Ok(())
}

impl Store {
    /// Erases `people` inside `tx`: the caller has locked their contacts
    /// (and checked they exist and may go). Audit entries follow the order
    /// given, each with its processor event under the entry's number.
    pub(crate) async fn erase_in(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        people: &[(SubjectId, Cause)],
    ) -> Result<Erased, StoreError> {
        if people.is_empty() {
            return Ok(Erased::default());
        }
        let ids: Vec<Uuid> = people.iter().map(|(s, _)| s.0).collect();
        // Before the key goes: keep the addresses of those who had unsubscribed.
        let opted_out: Vec<Uuid> = fetch_in(
            tx,
            "SELECT DISTINCT subject_id FROM consent_state WHERE subject_id IN ({in}) AND channel = 'email' \
             AND state IN ('withdrawn', 'refused')",
            &ids,
        )
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect::<Result<_, _>>()?;
        for s in opted_out {
            self.suppress_if_unsubscribed(tx, SubjectId(s)).await?;
        }
        erase_rows(tx, &ids).await?;
        // Before the audit head: an import pass finishing holds its run's
        // row, then takes the head.
        let dropped = crate::import_runs::drop_uploads(tx).await?;
        let entries: Vec<NewEntry> = people.iter().map(|(s, c)| NewEntry::subject(c.action(), *s)).collect();
        let last = audit::append_seq(tx, ctx, &entries).await?;
        let first = last - people.len() as i64 + 1;
        for (i, (s, _)) in people.iter().enumerate() {
            queue_processor_event(tx, first + i as i64, "subject.erased", *s).await?;
        }
        audit::append(tx, ctx, &dropped).await?;
        Ok(Erased { subjects: people.iter().map(|(s, _)| *s).collect(), uploads_dropped: dropped.len() })
    }

    /// Commits a transaction holding `erased`: the journal's intent entry
    /// first (flushed to disk; if it cannot be written the transaction
    /// rolls back and nothing is erased), then the commit, then the
    /// journal's done entry and the scrub of the SQLite WAL.
    pub(crate) async fn commit_erasure(&self, tx: Tx, erased: &Erased) -> Result<(), StoreError> {
        if erased.subjects.is_empty() {
            return tx.commit().await;
        }
        if let Some(path) = &self.journal {
            if let Err(e) = journal::append(path, journal::Mark::Intent, &erased.subjects) {
                drop(tx);
                tracing::error!(error = %e, people = erased.subjects.len(), "the erasure journal could not be written; the erasure was rolled back");
                return Err(StoreError::Journal(e));
            }
        }
        // A failed commit leaves the intent pending: it is settled at the
        // next start (see journal::Mark).
        tx.commit().await?;
        if let Some(path) = &self.journal {
            if let Err(e) = journal::append(path, journal::Mark::Done, &erased.subjects) {
                // The intent already covers a restore; only the start-up settling reads done.
                tracing::warn!(error = %e, "could not mark an erasure done in the journal; its intent entry stands");
            }
        }
        self.scrub_after_erasure().await;
        Ok(())
    }

    /// Deletes a contact and everything personal about it in one
    /// transaction — its key first among equals: without it no copy of its
    /// sealed values can be opened again — and drops the kept uploads of
    /// the import page, which could bring the person back; then checkpoints
    /// SQLite so the bytes are gone from the file and the WAL.
    pub async fn delete_contact(&self, ctx: &Ctx, id: SubjectId) -> Result<(), StoreError> {
        self.delete_contact_unless(ctx, id, Standing::Anything).await
    }

    /// Deletes a contact unless what `unless` names stands, checked under
    /// the contact's lock (a hold or restriction placed a moment before the
    /// deletion stops it).
    pub async fn delete_contact_unless(&self, ctx: &Ctx, id: SubjectId, unless: Standing) -> Result<(), StoreError> {
        let cause = if unless == Standing::Anything { Cause::Reapply } else { Cause::Delete };
        self.erase_one(ctx, id, unless, cause, None).await
    }

    /// Erases a person on their own request (Art. 17) unless a legal hold
    /// stands, and queues `parting` — the confirmation to them — in the same
    /// transaction, before their key goes (see [`crate::parting`]).
    pub async fn erase_on_request(
        &self,
        ctx: &Ctx,
        id: SubjectId,
        parting: Option<&crate::mail::Mail>,
    ) -> Result<(), StoreError> {
        self.erase_one(ctx, id, Standing::Hold, Cause::Delete, parting).await
    }

    async fn erase_one(
        &self,
        ctx: &Ctx,
        id: SubjectId,
        unless: Standing,
        cause: Cause,
        parting: Option<&crate::mail::Mail>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        // Lock the contact first, as update_contact does, so the two never
        // deadlock and an update cannot re-add index rows behind an erasure.
        let n = tx.execute("UPDATE contacts SET updated_at = updated_at WHERE id = $1", &args![id.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        if unless != Standing::Anything
            && tx.fetch_optional("SELECT 1 FROM legal_holds WHERE subject_id = $1", &args![id.0]).await?.is_some()
        {
            return Err(StoreError::Conflict(
                "the contact is under a legal hold: it cannot be deleted until the hold is released",
            ));
        }
        if unless == Standing::HoldOrRestriction
            && tx.fetch_optional("SELECT 1 FROM restrictions WHERE subject_id = $1", &args![id.0]).await?.is_some()
        {
            return Err(StoreError::Conflict(
                "processing of the contact is restricted (GDPR Art. 18): it cannot be deleted until the restriction is lifted",
            ));
        }
        if let Some(m) = parting {
            self.queue_parting_in(&mut tx, ctx, m).await?;
        }
        let erased = self.erase_in(&mut tx, ctx, &[(id, cause)]).await?;
        self.commit_erasure(tx, &erased).await
    }
}
