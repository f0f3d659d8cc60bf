//! What the record of processing is computed from besides purposes and
//! recipients: the controller's identity, the Art. 30(2) record, the
//! versions of the declared record, and the facts observed (who actually
//! received data). Nothing here is about one data subject.

use crate::audit::{self, NewEntry};
use crate::db::Exec;
use crate::{args, now_ms, Ctx, Store, StoreError};
use kith_domain::{RecipientId, TokenId};
use uuid::Uuid;

/// One version of the declared record of processing.
#[derive(Clone, Debug)]
pub struct RegisterVersion {
    pub version: i64,
    pub created_at: time::OffsetDateTime,
    /// What changed (an audit action name such as `recipient.update`).
    pub cause: String,
    /// SHA-256 of `body`, hex.
    pub sha256: String,
    /// The canonical JSON.
    pub body: String,
}

/// An Art. 30(2) entry: processing done for another controller.
#[derive(Clone, Debug)]
pub struct StoredActivity {
    pub id: Uuid,
    /// JSON of the app's record.
    pub body: String,
}

/// What an API token received, from the audit trail.
#[derive(Clone, Debug)]
pub struct TokenReceipt {
    pub token: TokenId,
    pub token_name: String,
    /// The recipient the token is linked to, if any.
    pub recipient: Option<RecipientId>,
    /// Distinct people whose data the token read or exported.
    pub people: i64,
    pub last_at: time::OffsetDateTime,
}

/// The audit actions by which personal data leaves Kith to the caller.
const RECEIVING: &str = "'contact.read', 'contact.list', 'contact.export', 'consent.read', 'interaction.read', \
     'interaction.list', 'export.download', 'export.csv'";

impl Store {
    /// The controller's identity (JSON), if configured.
    pub async fn controller_identity(&self) -> Result<Option<String>, StoreError> {
        let row = self
            .pools
            .read
            .conn()
            .await?
            .fetch_optional("SELECT body FROM controller_identity WHERE id = 1", &[])
            .await?;
        row.map(|r| r.get(0)).transpose()
    }

    pub async fn set_controller_identity(&self, ctx: &Ctx, body: &str) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            "INSERT INTO controller_identity (id, body, updated_at) VALUES (1, $1, $2) \
             ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            &args![body, now_ms()],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("controller.update", "controller", 1)]).await?;
        tx.commit().await
    }

    /// The running server's posture (JSON), as `kith serve` last wrote it.
    pub async fn deployment_posture(&self) -> Result<Option<String>, StoreError> {
        let row = self
            .pools
            .read
            .conn()
            .await?
            .fetch_optional("SELECT body FROM deployment_posture WHERE id = 1", &[])
            .await?;
        row.map(|r| r.get(0)).transpose()
    }

    /// Records the server's posture; not audited (it is configuration the
    /// operator set, and the register version it causes names it).
    pub async fn set_deployment_posture(&self, body: &str) -> Result<(), StoreError> {
        let mut c = self.pools.write.conn().await?;
        c.execute(
            "INSERT INTO deployment_posture (id, body, updated_at) VALUES (1, $1, $2) \
             ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            &args![body, now_ms()],
        )
        .await?;
        Ok(())
    }

    pub async fn processor_activities(&self) -> Result<Vec<StoredActivity>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all("SELECT id, body FROM processor_activities ORDER BY created_at, id", &[])
            .await?;
        rows.iter().map(|r| Ok(StoredActivity { id: r.get(0)?, body: r.get(1)? })).collect()
    }

    /// Adds (`id` new) or replaces an Art. 30(2) entry.
    pub async fn save_processor_activity(&self, ctx: &Ctx, id: Uuid, body: &str) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let now = now_ms();
        tx.execute(
            "INSERT INTO processor_activities (id, body, created_at, updated_at) VALUES ($1, $2, $3, $3) \
             ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            &args![id, body, now],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("processing_for_others.save", "processor_activity", id)])
            .await?;
        tx.commit().await
    }

    pub async fn delete_processor_activity(&self, ctx: &Ctx, id: Uuid) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if tx.execute("DELETE FROM processor_activities WHERE id = $1", &args![id]).await? == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("processing_for_others.delete", "processor_activity", id)])
            .await?;
        tx.commit().await
    }

    /// Records `body` as the next version unless the latest already has
    /// its digest. `based_on` is the latest version the caller saw before
    /// computing `body`: if another version was recorded since, `body` may
    /// be older than it, so nothing is written and `None` tells the caller
    /// to compute again. The check and the insert are one transaction,
    /// serialised (SQLite's single writer; an advisory lock on PostgreSQL),
    /// so versions never go backwards and one body never gets two numbers.
    pub async fn record_register_version(
        &self,
        cause: &str,
        sha256: &str,
        body: &str,
        based_on: Option<i64>,
    ) -> Result<Option<RegisterVersion>, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if tx.engine() == crate::Engine::Postgres {
            tx.fetch_optional("SELECT pg_advisory_xact_lock(7474301)", &[]).await?;
        }
        let latest = tx
            .fetch_optional(
                "SELECT version, created_at, cause, sha256 FROM register_versions ORDER BY version DESC LIMIT 1",
                &[],
            )
            .await?;
        let latest = match latest {
            Some(r) => Some((r.get::<i64>(0)?, r.get::<i64>(1)?, r.get::<String>(2)?, r.get::<String>(3)?)),
            None => None,
        };
        if let Some((version, at, was, digest)) = &latest {
            if digest == sha256 {
                tx.commit().await?;
                return Ok(Some(RegisterVersion {
                    version: *version,
                    created_at: crate::from_ms(*at),
                    cause: was.clone(),
                    sha256: digest.clone(),
                    body: body.to_owned(),
                }));
            }
        }
        if latest.as_ref().map(|l| l.0) != based_on {
            tx.commit().await?;
            return Ok(None);
        }
        let next = based_on.unwrap_or(0) + 1;
        let now = now_ms();
        tx.execute(
            "INSERT INTO register_versions (version, created_at, cause, sha256, body) VALUES ($1, $2, $3, $4, $5)",
            &args![next, now, cause, sha256, body],
        )
        .await?;
        tx.commit().await?;
        Ok(Some(RegisterVersion {
            version: next,
            created_at: crate::from_ms(now),
            cause: cause.to_owned(),
            sha256: sha256.to_owned(),
            body: body.to_owned(),
        }))
    }

    pub async fn latest_register_version(&self) -> Result<Option<RegisterVersion>, StoreError> {
        self.register_version_where("1 = 1", &[]).await
    }

    /// The version in force at `at`: the last one recorded at or before it.
    pub async fn register_version_as_of(
        &self,
        at: time::OffsetDateTime,
    ) -> Result<Option<RegisterVersion>, StoreError> {
        let ms = crate::to_ms(at);
        self.register_version_where("created_at <= $1", &args![ms]).await
    }

    pub async fn register_version(&self, version: i64) -> Result<Option<RegisterVersion>, StoreError> {
        self.register_version_where("version = $1", &args![version]).await
    }

    async fn register_version_where(
        &self,
        cond: &str,
        a: &[crate::db::Value],
    ) -> Result<Option<RegisterVersion>, StoreError> {
        let sql = format!(
            "SELECT version, created_at, cause, sha256, body FROM register_versions WHERE {cond} \
             ORDER BY version DESC LIMIT 1"
        );
        let row = self.pools.read.conn().await?.fetch_optional(&sql, a).await?;
        row.map(|r| {
            Ok(RegisterVersion {
                version: r.get(0)?,
                created_at: crate::from_ms(r.get(1)?),
                cause: r.get(2)?,
                sha256: r.get(3)?,
                body: r.get(4)?,
            })
        })
        .transpose()
    }

    /// Every version, newest first, without bodies.
    pub async fn register_versions(&self) -> Result<Vec<RegisterVersion>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all("SELECT version, created_at, cause, sha256 FROM register_versions ORDER BY version DESC", &[])
            .await?;
        rows.iter()
            .map(|r| {
                Ok(RegisterVersion {
                    version: r.get(0)?,
                    created_at: crate::from_ms(r.get(1)?),
                    cause: r.get(2)?,
                    sha256: r.get(3)?,
                    body: String::new(),
                })
            })
            .collect()
    }

    /// Per API token: how many people's data it read or exported, from the
    /// audit trail (reading entries naming a person made with that token;
    /// what an integration writes into Kith is not data it received).
    pub async fn token_receipts(&self) -> Result<Vec<TokenReceipt>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                &format!(
                    "SELECT a.token_id, MAX(a.token_name), t.recipient_id, COUNT(DISTINCT a.subject_id), MAX(a.at) \
                 FROM audit_log a LEFT JOIN api_tokens t ON t.id = a.token_id \
                 WHERE a.token_id IS NOT NULL AND a.subject_id IS NOT NULL AND a.action IN ({RECEIVING}) \
                 GROUP BY a.token_id, t.recipient_id"
                ),
                &[],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(TokenReceipt {
                    token: TokenId(r.get(0)?),
                    token_name: r.get::<Option<String>>(1)?.unwrap_or_default(),
                    recipient: r.get::<Option<Uuid>>(2)?.map(RecipientId),
                    people: r.get(3)?,
                    last_at: crate::from_ms(r.get(4)?),
                })
            })
            .collect()
    }

    /// Messages handed to an SMTP relay, ever, and the last time: from the
    /// audit trail (`mail.sent`; the outbox forgets erased people's mail).
    pub async fn mails_relayed(&self) -> Result<(i64, Option<time::OffsetDateTime>), StoreError> {
        let r = self
            .pools
            .read
            .conn()
            .await?
            .fetch_optional("SELECT COUNT(*), MAX(at) FROM audit_log WHERE action = 'mail.sent'", &[])
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok((r.get(0)?, r.get::<Option<i64>>(1)?.map(crate::from_ms)))
    }
}
