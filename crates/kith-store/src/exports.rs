//! Prepared export files (Art. 15 and 20): sealed under the person's key,
//! so an erasure makes any surviving copy unreadable, and deleted when they
//! expire.

use crate::audit::{self, NewEntry};
use crate::db::Exec;
use crate::vault::Place;
use crate::{args, from_ms, now_ms, to_ms, Ctx, Store, StoreError};
use kith_domain::SubjectId;
use std::collections::BTreeSet;
use uuid::Uuid;

/// What is known about a prepared export without opening it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ExportFile {
    pub id: Uuid,
    pub subject: SubjectId,
    /// `access` or `portability`.
    pub kind: String,
    /// `json`, `csv` (a zip of CSV files) or `vcard`.
    pub format: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: time::OffsetDateTime,
    pub size: i64,
}

fn place(id: Uuid, subject: SubjectId) -> Place<'static> {
    Place { table: "export_files", column: "sealed", row: id, subject }
}

const COLS: &str = "id, subject_id, kind, format, created_at, expires_at, size";

fn decode(r: &crate::db::Row) -> Result<ExportFile, StoreError> {
    Ok(ExportFile {
        id: r.get(0)?,
        subject: SubjectId(r.get(1)?),
        kind: r.get(2)?,
        format: r.get(3)?,
        created_at: from_ms(r.get(4)?),
        expires_at: from_ms(r.get(5)?),
        size: r.get(6)?,
    })
}

impl Store {
    /// Stores a prepared export, sealed, with its audit entry.
    pub async fn insert_export(&self, ctx: &Ctx, f: &ExportFile, bytes: &[u8]) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        // Lock the contact first, as every writer does, so an erasure running
        // at the same moment goes either before (not found) or after.
        let n = tx.execute("UPDATE contacts SET updated_at = updated_at WHERE id = $1", &args![f.subject.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        let keys = crate::keys::subject_keys(self, &mut tx, &BTreeSet::from([f.subject.0])).await?;
        let sealed = keys[&f.subject.0].seal(&place(f.id, f.subject), bytes);
        tx.execute(
            &format!(
                "INSERT INTO export_files ({COLS}, created_by, sealed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
            ),
            &args![
                f.id,
                f.subject.0,
                f.kind.as_str(),
                f.format.as_str(),
                to_ms(f.created_at),
                to_ms(f.expires_at),
                f.size,
                ctx.actor.as_str(),
                sealed
            ],
        )
        .await?;
        audit::append(
            &mut tx,
            ctx,
            &[NewEntry {
                action: "export.create",
                subject: Some(f.subject),
                object_type: "export",
                object_id: Some(f.id.to_string()),
            }],
        )
        .await?;
        tx.commit().await
    }

    /// The person's prepared exports that have not expired, newest first.
    pub async fn exports_of(&self, subject: SubjectId) -> Result<Vec<ExportFile>, StoreError> {
        let sql = format!(
            "SELECT {COLS} FROM export_files WHERE subject_id = $1 AND expires_at > $2 ORDER BY created_at DESC, id DESC"
        );
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &args![subject.0, now_ms()]).await?;
        rows.iter().map(decode).collect()
    }

    /// One unexpired export and its opened content; the download is audited.
    pub async fn open_export(&self, ctx: &Ctx, id: Uuid) -> Result<Option<(ExportFile, Vec<u8>)>, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let sql = format!("SELECT {COLS}, sealed FROM export_files WHERE id = $1 AND expires_at > $2");
        let Some(r) = tx.fetch_optional(&sql, &args![id, now_ms()]).await? else { return Ok(None) };
        let f = decode(&r)?;
        let sealed: Vec<u8> = r.get(7)?;
        let keys = crate::keys::subject_keys(self, &mut tx, &BTreeSet::from([f.subject.0])).await?;
        let bytes = keys[&f.subject.0].open(&place(f.id, f.subject), &sealed)?;
        audit::append(
            &mut tx,
            ctx,
            &[NewEntry {
                action: "export.download",
                subject: Some(f.subject),
                object_type: "export",
                object_id: Some(f.id.to_string()),
            }],
        )
        .await?;
        tx.commit().await?;
        Ok(Some((f, bytes)))
    }

    /// Deletes every export past its expiry; returns how many.
    pub async fn purge_expired_exports(&self, ctx: &Ctx) -> Result<usize, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let rows = tx
            .fetch_all(
                "SELECT id, subject_id FROM export_files WHERE expires_at <= $1 ORDER BY id LIMIT 1000",
                &args![now_ms()],
            )
            .await?;
        let mut entries = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: Uuid = r.get(0)?;
            tx.execute("DELETE FROM export_files WHERE id = $1", &args![id]).await?;
            entries.push(NewEntry {
                action: "export.expire",
                subject: Some(SubjectId(r.get(1)?)),
                object_type: "export",
                object_id: Some(id.to_string()),
            });
        }
        audit::append(&mut tx, ctx, &entries).await?;
        tx.commit().await?;
        if !entries.is_empty() {
            self.scrub_after_erasure().await;
        }
        Ok(entries.len())
    }
}
