//! Imports started from the upload page: the file sealed under the run's
//! own key until it is imported, discarded or a day old; the options chosen;
//! the progress saved as the run goes; the lines of the latest pass.

use crate::audit::{self, NewEntry};
use crate::db::{values_placeholders, Exec, Row, Tx, Value, MAX_PARAMS};
use crate::vault::{Place, SubjectKey};
use crate::{args, from_ms, now_ms, to_ms, Ctx, Store, StoreError};
use kith_domain::{SubjectId, UserId};
use time::OffsetDateTime;
use uuid::Uuid;

/// Where a run stands.
pub mod phase {
    /// Uploaded; nothing run yet.
    pub const UPLOADED: &str = "uploaded";
    /// A check or an import is running (or was, if its heartbeat stopped).
    pub const RUNNING: &str = "running";
    /// The latest pass was a check that finished.
    pub const CHECKED: &str = "checked";
    /// Imported; the file is gone.
    pub const IMPORTED: &str = "imported";
    /// The latest pass stopped with an error.
    pub const FAILED: &str = "failed";
    /// The file was discarded (by staff, or after a day).
    pub const DISCARDED: &str = "discarded";
    /// The file was dropped because a contact was erased after its upload.
    pub const DROPPED: &str = "dropped";
}

/// What dropping a run's file clears: the file, its options (a file without
/// a header line puts a person's data where the column names go; set to
/// the empty bytes bound as parameter `$n`) and the last error (which may
/// name a column).
fn drop_file(n: usize) -> String {
    format!("sealed_file = NULL, sealed_options = ${n}, sealed_error = NULL")
}

/// How long a run's record (its counts, its problem lines, and its file's
/// name, sealed) is listed before it is deleted.
pub const KEEP_RUN_DAYS: i64 = 90;

/// A run as stored, without its file.
#[derive(Clone, Debug)]
pub struct ImportRun {
    pub id: Uuid,
    pub created_by: Option<UserId>,
    pub created_at: OffsetDateTime,
    pub file_name: String,
    pub has_file: bool,
    pub file_bytes: i64,
    /// The options chosen, as the app wrote them.
    pub options: String,
    pub phase: String,
    pub dry_run: bool,
    pub progress: Progress,
    pub error: Option<String>,
    pub heartbeat: OffsetDateTime,
    pub finished_at: Option<OffsetDateTime>,
}

/// How far a pass got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub read_bytes: i64,
    pub created: i64,
    pub updated: i64,
    pub skipped: i64,
    pub rejected: i64,
    pub last_line: i64,
    /// Rows whose file claimed consent without its proof (no basis recorded).
    pub consent_claimed: i64,
}

impl Progress {
    /// The counts as the first seven parameters of a statement that saves them.
    fn values(&self) -> Vec<Value> {
        args![
            self.read_bytes,
            self.created,
            self.updated,
            self.skipped,
            self.rejected,
            self.last_line,
            self.consent_claimed
        ]
        .to_vec()
    }
}

/// One line of a pass that was not simply created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunLine {
    pub line: i64,
    pub outcome: String,
    pub reason: String,
}

fn place(id: Uuid, column: &str) -> Place<'_> {
    Place { table: "import_runs", column, row: id, subject: SubjectId(id) }
}

const COLS: &str = "id, created_by, created_at, wrapped, sealed_name, sealed_file IS NOT NULL, file_bytes, sealed_options, \
                    phase, dry_run, read_bytes, created, updated, skipped, rejected, last_line, sealed_error, heartbeat, \
                    finished_at, consent_claimed";

impl Store {
    /// Stores an uploaded file, sealed, with the options chosen.
    pub async fn insert_import_run(
        &self,
        ctx: &Ctx,
        id: Uuid,
        created_by: Option<UserId>,
        file_name: &str,
        file: &[u8],
        options: &str,
    ) -> Result<(), StoreError> {
        let (key, wrapped) = self.vault.new_subject_key(SubjectId(id));
        let name = key.seal(&place(id, "sealed_name"), file_name.as_bytes());
        let sealed = key.seal(&place(id, "sealed_file"), file);
        let options = key.seal(&place(id, "sealed_options"), options.as_bytes());
        let now = now_ms();
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            "INSERT INTO import_runs (id, created_by, created_at, wrapped, sealed_name, sealed_file, file_bytes, sealed_options, phase, heartbeat) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            &args![id, created_by.map(|u| u.0), now, wrapped, name, sealed, file.len() as i64, options, phase::UPLOADED, now],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("import.upload", "import_run", id)]).await?;
        tx.commit().await
    }

    fn import_run_row(&self, r: &Row) -> Result<ImportRun, StoreError> {
        let id: Uuid = r.get(0)?;
        let key = self.vault.unwrap_key(SubjectId(id), &r.get::<Vec<u8>>(3)?)?;
        let name = key.open(&place(id, "sealed_name"), &r.get::<Vec<u8>>(4)?)?;
        // The options go with the file (empty: dropped with it).
        let sealed_options: Vec<u8> = r.get(7)?;
        let options = if sealed_options.is_empty() {
            Vec::new()
        } else {
            key.open(&place(id, "sealed_options"), &sealed_options)?
        };
        let error = match r.get::<Option<Vec<u8>>>(16)? {
            Some(e) => Some(String::from_utf8_lossy(&key.open(&place(id, "sealed_error"), &e)?).into_owned()),
            None => None,
        };
        Ok(ImportRun {
            id,
            created_by: r.get::<Option<Uuid>>(1)?.map(UserId),
            created_at: from_ms(r.get(2)?),
            file_name: String::from_utf8_lossy(&name).into_owned(),
            has_file: r.get(5)?,
            file_bytes: r.get(6)?,
            options: String::from_utf8_lossy(&options).into_owned(),
            phase: r.get(8)?,
            dry_run: r.get(9)?,
            progress: Progress {
                read_bytes: r.get(10)?,
                created: r.get(11)?,
                updated: r.get(12)?,
                skipped: r.get(13)?,
                rejected: r.get(14)?,
                last_line: r.get(15)?,
                consent_claimed: r.get(19)?,
            },
            error,
            heartbeat: from_ms(r.get(17)?),
            finished_at: r.get::<Option<i64>>(18)?.map(from_ms),
        })
    }

    /// One run, without its file.
    pub async fn import_run(&self, id: Uuid) -> Result<Option<ImportRun>, StoreError> {
        let sql = format!("SELECT {COLS} FROM import_runs WHERE id = $1");
        let r = self.pools.read.conn().await?.fetch_optional(&sql, &args![id]).await?;
        r.as_ref().map(|r| self.import_run_row(r)).transpose()
    }

    /// The newest runs.
    pub async fn import_runs(&self, limit: i64) -> Result<Vec<ImportRun>, StoreError> {
        let sql = format!("SELECT {COLS} FROM import_runs ORDER BY created_at DESC, id DESC LIMIT $1");
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &args![limit]).await?;
        rows.iter().map(|r| self.import_run_row(r)).collect()
    }

    /// A run's file, opened; `None` once it is gone.
    pub async fn import_run_file(&self, id: Uuid) -> Result<Option<Vec<u8>>, StoreError> {
        let r = self
            .pools
            .read
            .conn()
            .await?
            .fetch_optional("SELECT wrapped, sealed_file FROM import_runs WHERE id = $1", &args![id])
            .await?;
        let Some(r) = r else { return Ok(None) };
        let Some(sealed) = r.get::<Option<Vec<u8>>>(1)? else { return Ok(None) };
        let key = self.vault.unwrap_key(SubjectId(id), &r.get::<Vec<u8>>(0)?)?;
        key.open(&place(id, "sealed_file"), &sealed).map(Some)
    }

    /// Claims a run for a new pass unless one is running with a heartbeat
    /// after `stale_before`; the pass's id if claimed. A fresh pass starts
    /// its counts and lines again; a resumed one keeps them. Only the pass
    /// holding the run may save progress or finish it.
    pub async fn claim_import_run(
        &self,
        ctx: &Ctx,
        id: Uuid,
        dry_run: bool,
        options: &str,
        resume: bool,
        stale_before: OffsetDateTime,
    ) -> Result<Option<Uuid>, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let Some(key) = self.run_key(&mut tx, id).await? else { return Ok(None) };
        let options = key.seal(&place(id, "sealed_options"), options.as_bytes());
        let reset = if resume {
            ""
        } else {
            ", read_bytes = 0, created = 0, updated = 0, skipped = 0, rejected = 0, last_line = 0, consent_claimed = 0"
        };
        let pass = Uuid::now_v7();
        let sql = format!(
            "UPDATE import_runs SET phase = $1, dry_run = $2, sealed_options = $3, heartbeat = $4, sealed_error = NULL, \
             finished_at = NULL, pass_id = $7{reset} \
             WHERE id = $5 AND sealed_file IS NOT NULL AND (phase <> $1 OR heartbeat < $6)"
        );
        let n =
            tx.execute(&sql, &args![phase::RUNNING, dry_run, options, now_ms(), id, to_ms(stale_before), pass]).await?;
        if n == 0 {
            return Ok(None);
        }
        if !resume {
            tx.execute("DELETE FROM import_run_lines WHERE run_id = $1", &args![id]).await?;
        }
        let action = if dry_run { "import.check" } else { "import.run" };
        audit::append(&mut tx, ctx, &[NewEntry::object(action, "import_run", id)]).await?;
        tx.commit().await?;
        Ok(Some(pass))
    }

    /// A run's own key, to seal what a pass writes.
    async fn run_key(&self, tx: &mut Tx, id: Uuid) -> Result<Option<SubjectKey>, StoreError> {
        match tx.fetch_optional("SELECT wrapped FROM import_runs WHERE id = $1", &args![id]).await? {
            Some(r) => Ok(Some(self.vault.unwrap_key(SubjectId(id), &r.get::<Vec<u8>>(0)?)?)),
            None => Ok(None),
        }
    }

    /// Saves a running pass's progress (its heartbeat); false if the pass
    /// no longer holds the run (another server took it over, or it was
    /// discarded), and must stop.
    pub async fn save_import_progress(&self, id: Uuid, pass: Uuid, p: &Progress) -> Result<bool, StoreError> {
        let n = self
            .pools
            .write
            .conn()
            .await?
            .execute(
                "UPDATE import_runs SET read_bytes = $1, created = $2, updated = $3, skipped = $4, rejected = $5, \
                 last_line = $6, consent_claimed = $7, heartbeat = $8 WHERE id = $9 AND phase = $10 AND pass_id = $11",
                &[p.values(), args![now_ms(), id, phase::RUNNING, pass].to_vec()].concat(),
            )
            .await?;
        Ok(n == 1)
    }

    /// Ends a pass: its counts, phase, error and lines in one transaction;
    /// an import that finished drops the file. Nothing is written unless
    /// the pass still holds the run (false).
    #[allow(clippy::too_many_arguments)]
    pub async fn finish_import_run(
        &self,
        id: Uuid,
        pass: Uuid,
        p: &Progress,
        phase: &str,
        error: Option<&str>,
        options: &str,
        lines: &[RunLine],
    ) -> Result<bool, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let Some(key) = self.run_key(&mut tx, id).await? else { return Ok(false) };
        // An imported file is dropped, and its column names with it: a file
        // without a header line puts a person's data there.
        let imported = phase == phase::IMPORTED;
        let options = if imported { Vec::new() } else { key.seal(&place(id, "sealed_options"), options.as_bytes()) };
        let error = error.map(|e| key.seal(&place(id, "sealed_error"), e.as_bytes()));
        let drop_file = if imported { ", sealed_file = NULL" } else { "" };
        let sql = format!(
            "UPDATE import_runs SET read_bytes = $1, created = $2, updated = $3, skipped = $4, rejected = $5, last_line = $6, \
             consent_claimed = $7, heartbeat = $8, finished_at = $8, phase = $9, sealed_error = $10, sealed_options = $11{drop_file} \
             WHERE id = $12 AND phase = $13 AND pass_id = $14"
        );
        let n = tx
            .execute(
                &sql,
                &[p.values(), args![now_ms(), phase, error, options, id, phase::RUNNING, pass].to_vec()].concat(),
            )
            .await?;
        if n == 0 {
            return Ok(false);
        }
        let mut lines = lines.to_vec();
        lines.sort_by_key(|l| l.line);
        lines.dedup_by_key(|l| l.line);
        for chunk in lines.chunks(MAX_PARAMS / 4) {
            let sql = format!(
                "INSERT INTO import_run_lines (run_id, line, outcome, reason) VALUES {} \
                 ON CONFLICT (run_id, line) DO UPDATE SET outcome = excluded.outcome, reason = excluded.reason",
                values_placeholders(tx.engine(), chunk.len(), 4)
            );
            let vals: Vec<Value> = chunk
                .iter()
                .flat_map(|l| {
                    [Value::Uuid(id), Value::I64(l.line), Value::from(l.outcome.clone()), Value::from(l.reason.clone())]
                })
                .collect();
            tx.execute(&sql, &vals).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Whether `pass` still holds run `id` (checked before each batch's
    /// rows that update contacts already in Kith, which are written in
    /// transactions of their own).
    pub async fn import_pass_holds(&self, id: Uuid, pass: Uuid) -> Result<bool, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let sql = "SELECT 1 FROM import_runs WHERE id = $1 AND pass_id = $2 AND phase = $3";
        Ok(c.fetch_optional(sql, &args![id, pass, phase::RUNNING]).await?.is_some())
    }

    /// Deletes the records of runs created before `before` whose file is
    /// gone, with their lines; returns how many.
    pub async fn purge_import_runs(&self, ctx: &Ctx, before: OffsetDateTime) -> Result<u64, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let old = "SELECT id FROM import_runs WHERE created_at < $1 AND sealed_file IS NULL";
        tx.execute(&format!("DELETE FROM import_run_lines WHERE run_id IN ({old})"), &args![to_ms(before)]).await?;
        let sql = format!("DELETE FROM import_runs WHERE id IN ({old}) RETURNING id");
        let ids: Vec<Uuid> =
            tx.fetch_all(&sql, &args![to_ms(before)]).await?.iter().map(|r| r.get(0)).collect::<Result<_, _>>()?;
        let entries: Vec<NewEntry> = ids.iter().map(|id| NewEntry::object("import.purge", "import_run", id)).collect();
        audit::append(&mut tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(ids.len() as u64)
    }

    /// The lines of a run's latest pass, by line.
    pub async fn import_run_lines(&self, id: Uuid, limit: i64) -> Result<Vec<RunLine>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT line, outcome, reason FROM import_run_lines WHERE run_id = $1 ORDER BY line LIMIT $2",
                &args![id, limit],
            )
            .await?;
        rows.iter().map(|r| Ok(RunLine { line: r.get(0)?, outcome: r.get(1)?, reason: r.get(2)? })).collect()
    }

    /// Drops the files of runs not running (or whose heartbeat stopped
    /// before `stale_before`) that were uploaded before `before`, or only
    /// `id` if given; the number dropped.
    pub async fn discard_import_files(
        &self,
        ctx: &Ctx,
        id: Option<Uuid>,
        before: OffsetDateTime,
        stale_before: OffsetDateTime,
    ) -> Result<u64, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        // One statement: a pass claimed meanwhile is not discarded under it.
        let mut sql = format!(
            "UPDATE import_runs SET {}, phase = $1, pass_id = NULL \
             WHERE sealed_file IS NOT NULL AND created_at < $2 AND (phase <> $3 OR heartbeat < $4)",
            drop_file(5)
        );
        let mut vals =
            args![phase::DISCARDED, to_ms(before), phase::RUNNING, to_ms(stale_before), Vec::<u8>::new()].to_vec();
        if let Some(id) = id {
            sql.push_str(" AND id = $6");
            vals.push(Value::Uuid(id));
        }
        sql.push_str(" RETURNING id");
        let ids: Vec<Uuid> = tx.fetch_all(&sql, &vals).await?.iter().map(|r| r.get(0)).collect::<Result<_, _>>()?;
        let entries: Vec<NewEntry> =
            ids.iter().map(|id| NewEntry::object("import.discard", "import_run", id)).collect();
        audit::append(&mut tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(ids.len() as u64)
    }
}

/// Inside an erasure: drops every kept upload, running or not, so that no
/// import of a file uploaded before the erasure brings the person back. A
/// pass running on one no longer holds its run and stops at its next save
/// (within a second). Returns the audit entries for the caller to append.
pub(crate) async fn drop_uploads(tx: &mut Tx) -> Result<Vec<NewEntry>, StoreError> {
    let sql = format!(
        "UPDATE import_runs SET {}, phase = $1, pass_id = NULL WHERE sealed_file IS NOT NULL RETURNING id",
        drop_file(2)
    );
    let rows = tx.fetch_all(&sql, &args![phase::DROPPED, Vec::<u8>::new()]).await?;
    rows.iter().map(|r| Ok(NewEntry::object("import.drop", "import_run", r.get::<Uuid>(0)?))).collect()
}

/// First in each batch of a page's import: the pass must still hold its
/// run (it was not resumed elsewhere, nor its file dropped by an erasure).
/// The row stays locked until the batch commits, so an erasure's drop
/// waits for the batch or the batch sees the drop; the heartbeat is
/// renewed on the way.
pub(crate) async fn hold_run(tx: &mut Tx, run: Uuid, pass: Uuid) -> Result<(), StoreError> {
    let n = tx
        .execute(
            "UPDATE import_runs SET heartbeat = $1 WHERE id = $2 AND pass_id = $3 AND phase = $4",
            &args![now_ms(), run, pass, phase::RUNNING],
        )
        .await?;
    if n == 0 {
        return Err(StoreError::Conflict("the import no longer holds its file: it was resumed elsewhere or dropped"));
    }
    Ok(())
}
