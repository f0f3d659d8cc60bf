//! The parting mail: the confirmation of an erasure to the person erased.
//! Their outbox rows are sealed under their own key and go with them, so
//! the confirmation is kept apart: sealed under a key derived from the
//! master key (the address and the text), never naming the subject, written
//! in the erasure's transaction before the key is destroyed, and deleted as
//! soon as it is delivered, after [`MAX_PARTING_ATTEMPTS`] failed attempts,
//! or [`KEEP_PARTING_DAYS`] days after the erasure, whichever comes first:
//! the address is never kept longer. Without SMTP it rests, as other mail
//! does, for staff to read (status `outbox`) until those days pass.

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row, Tx};
use crate::mail::Mail;
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use uuid::Uuid;

/// Failed attempts after which a parting mail is deleted unsent.
pub const MAX_PARTING_ATTEMPTS: i64 = 5;
/// Days after the erasure after which a parting mail is deleted, sent or not.
pub const KEEP_PARTING_DAYS: i64 = 7;
/// What the master-derived sealing key is for.
const PURPOSE: &str = "parting-mail";

/// A parting mail's envelope (no personal data).
#[derive(Clone, Debug)]
pub struct PartingRow {
    pub id: Uuid,
    /// `queued`, or `outbox` (no SMTP: for staff to read until it expires).
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: time::OffsetDateTime,
}

const COLS: &str = "id, status, attempts, last_error, created_at";

fn row(r: &Row) -> Result<PartingRow, StoreError> {
    Ok(PartingRow {
        id: r.get(0)?,
        status: r.get(1)?,
        attempts: r.get(2)?,
        last_error: r.get(3)?,
        created_at: from_ms(r.get(4)?),
    })
}

impl Store {
    /// Queues a parting mail inside the erasure's transaction `tx` (before
    /// the key goes); audited by its id only.
    pub(crate) async fn queue_parting_in(&self, tx: &mut Tx, ctx: &Ctx, mail: &Mail) -> Result<Uuid, StoreError> {
        let id = Uuid::now_v7();
        let sealed = self.vault.seal_secret(PURPOSE, id, &serde_json::to_vec(mail).expect("mail serialises"));
        let now = now_ms();
        tx.execute(
            "INSERT INTO parting_mail (id, sealed, status, attempts, next_at, lease_until, created_at) \
             VALUES ($1, $2, 'queued', 0, $3, 0, $3)",
            &args![id, sealed, now],
        )
        .await?;
        audit::append(tx, ctx, &[NewEntry::object("mail.parting_queue", "parting_mail", id)]).await?;
        Ok(id)
    }

    /// Claims due parting mails with a lease (as [`Store::claim_mail`]).
    /// `with_outbox` (SMTP is configured): those parked for staff while
    /// there was no SMTP are claimed too, so they are sent after all.
    /// Expired ones are never claimed; they are deleted when nothing was
    /// due (not on every tick of the mail job).
    pub async fn claim_parting(
        &self,
        limit: i64,
        lease_ms: i64,
        with_outbox: bool,
    ) -> Result<Vec<(PartingRow, Mail)>, StoreError> {
        let now = now_ms();
        let before = now - KEEP_PARTING_DAYS * 24 * 3600 * 1000;
        let statuses = if with_outbox { "('queued', 'outbox')" } else { "('queued')" };
        let mut tx = self.pools.write.begin().await?;
        let lock = match tx.engine() {
            crate::Engine::Postgres => " FOR UPDATE SKIP LOCKED",
            crate::Engine::Sqlite => "",
        };
        let sql = format!(
            "UPDATE parting_mail SET lease_until = $1, attempts = attempts + 1 WHERE id IN \
             (SELECT id FROM parting_mail WHERE status IN {statuses} AND next_at <= $2 AND lease_until <= $2 \
              AND created_at >= $4 AND attempts < $5 ORDER BY next_at LIMIT $3{lock}) \
             RETURNING {COLS}, sealed"
        );
        let rows = tx.fetch_all(&sql, &args![now + lease_ms, now, limit, before, MAX_PARTING_ATTEMPTS]).await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let pr = row(r)?;
            let opened = self
                .vault
                .open_secret(PURPOSE, pr.id, &r.get::<Vec<u8>>(5)?)
                .and_then(|plain| serde_json::from_slice::<Mail>(&plain).map_err(|_| StoreError::Corrupt("mail")));
            match opened {
                Ok(mail) => out.push((pr, mail)),
                Err(e) => {
                    // Cannot be sent, and holds what may be an address: gone.
                    tracing::error!(mail.id = %pr.id, error = %e, "a parting mail could not be opened; deleted");
                    tx.execute("DELETE FROM parting_mail WHERE id = $1", &args![pr.id]).await?;
                }
            }
        }
        tx.commit().await?;
        if rows.is_empty() {
            self.purge_parting().await?;
        }
        Ok(out)
    }

    /// A parting mail delivered: deleted at once (the address with it).
    pub async fn parting_sent(&self, ctx: &Ctx, id: Uuid) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if tx.execute("DELETE FROM parting_mail WHERE id = $1", &args![id]).await? == 1 {
            audit::append(&mut tx, ctx, &[NewEntry::object("mail.parting_sent", "parting_mail", id)]).await?;
        }
        tx.commit().await
    }

    /// No SMTP: the parting mail rests for staff to read until it expires.
    pub async fn parting_to_outbox(&self, ctx: &Ctx, id: Uuid) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute("UPDATE parting_mail SET status = 'outbox', last_error = NULL WHERE id = $1", &args![id]).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("mail.parting_outbox", "parting_mail", id)]).await?;
        tx.commit().await
    }

    /// A failed attempt: retry at `retry_at`, or (`None`, or the last
    /// attempt) delete it. `error` must not contain personal data.
    pub async fn parting_failed(&self, id: Uuid, error: &str, retry_at: Option<i64>) -> Result<(), StoreError> {
        let mut c = self.pools.write.conn().await?;
        match retry_at {
            Some(at) => {
                c.execute(
                    "UPDATE parting_mail SET next_at = $1, lease_until = 0, last_error = $2 WHERE id = $3 AND attempts < $4",
                    &args![at, error, id, MAX_PARTING_ATTEMPTS],
                )
                .await?;
                c.execute("DELETE FROM parting_mail WHERE id = $1 AND attempts >= $2", &args![id, MAX_PARTING_ATTEMPTS])
                    .await?
            }
            None => c.execute("DELETE FROM parting_mail WHERE id = $1", &args![id]).await?,
        };
        Ok(())
    }

    /// Deletes parting mails older than [`KEEP_PARTING_DAYS`] (sent or
    /// not) and those that used up their attempts; returns how many.
    pub async fn purge_parting(&self) -> Result<u64, StoreError> {
        let before = now_ms() - KEEP_PARTING_DAYS * 24 * 3600 * 1000;
        let mut c = self.pools.write.conn().await?;
        let n = c
            .execute(
                "DELETE FROM parting_mail WHERE created_at < $1 OR (attempts >= $2 AND lease_until < $3)",
                &args![before, MAX_PARTING_ATTEMPTS, now_ms()],
            )
            .await?;
        Ok(n)
    }

    /// The parting mails waiting, newest first, envelopes only.
    pub async fn parting_list(&self) -> Result<Vec<PartingRow>, StoreError> {
        let sql = format!("SELECT {COLS} FROM parting_mail ORDER BY created_at DESC, id DESC LIMIT 200");
        self.pools.read.conn().await?.fetch_all(&sql, &[]).await?.iter().map(row).collect()
    }

    /// One parting mail, opened.
    pub async fn parting_open(&self, id: Uuid) -> Result<Option<(PartingRow, Mail)>, StoreError> {
        let sql = format!("SELECT {COLS}, sealed FROM parting_mail WHERE id = $1");
        let Some(r) = self.pools.read.conn().await?.fetch_optional(&sql, &args![id]).await? else { return Ok(None) };
        let pr = row(&r)?;
        let plain = self.vault.open_secret(PURPOSE, pr.id, &r.get::<Vec<u8>>(5)?)?;
        let mail = serde_json::from_slice(&plain).map_err(|_| StoreError::Corrupt("mail"))?;
        Ok(Some((pr, mail)))
    }
}
