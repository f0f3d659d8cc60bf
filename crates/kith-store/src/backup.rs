//! Backups that do not bring the erased back.
//!
//! Every erasure appends the person's id (a random UUID, not personal data)
//! and its time to an **erasure journal**: a file beside the data, written
//! and flushed to disk after the erasure commits. A backup taken before an
//! erasure still holds the person, so `restore` copies the backup into
//! place and then erases again everyone the journal names. The guarantee
//! holds as long as the journal outlives the backups (it is never
//! truncated); see README, "Backups".

use crate::{Ctx, Engine, Store, StoreError};
use kith_domain::SubjectId;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The journal's name in the data directory.
pub const JOURNAL_FILE: &str = "erasure-journal";

impl Store {
    /// Journal erasures to `path` from now on.
    pub fn with_erasure_journal(mut self, path: PathBuf) -> Store {
        self.journal = Some(std::sync::Arc::new(path));
        self
    }

    /// Appends an erased subject to the journal and flushes it to disk.
    pub(crate) fn journal_erasure(&self, subject: SubjectId) {
        self.journal_erasures(&[subject]);
    }

    /// [`Store::journal_erasure`] for many people, with one sync.
    pub(crate) fn journal_erasures(&self, subjects: &[SubjectId]) {
        let Some(path) = &self.journal else { return };
        let now = crate::now_ms();
        let line: String = subjects.iter().map(|s| format!("{}\t{now}\n", s.0)).collect();
        let mut opts = std::fs::OpenOptions::new();
        opts.create(true).append(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let r = opts.open(path.as_path()).and_then(|mut f| f.write_all(line.as_bytes()).and_then(|_| f.sync_all()));
        if let Err(e) = r {
            // The erasure stands; only a later restore of an older backup is at risk.
            tracing::error!(error = %e, "could not append to the erasure journal; a restore of an older backup would not re-erase this person");
        }
    }

    /// A consistent copy of the whole SQLite database at `to` (which must
    /// not exist), taken while Kith runs (`VACUUM INTO`).
    pub async fn backup_to(&self, to: &Path) -> Result<(), StoreError> {
        use crate::db::Exec;
        if self.engine() != Engine::Sqlite {
            return Err(StoreError::Config("on PostgreSQL, back up with pg_dump (see README, Backups)".into()));
        }
        if to.exists() {
            return Err(StoreError::Config("the backup file already exists".into()));
        }
        let target = to.to_str().ok_or_else(|| StoreError::Config("the backup path is not valid UTF-8".into()))?;
        // An empty file of mode 0600 first: VACUUM INTO fills it, keeping its mode.
        crate::db::private_file(to, true)?;
        let mut c = self.pools.write.conn().await?;
        if let Err(e) = c.execute("VACUUM INTO $1", &crate::args![target]).await {
            let _ = std::fs::remove_file(to);
            return Err(e);
        }
        Ok(())
    }

    /// Erases again every subject the journal names that this database
    /// still holds (after a restore); returns how many.
    pub async fn reapply_erasures(&self, ctx: &Ctx, journal: &Path) -> Result<usize, StoreError> {
        let text = match std::fs::read_to_string(journal) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(StoreError::Config(format!("cannot read the erasure journal: {e}"))),
        };
        let mut n = 0;
        for line in text.lines() {
            let Some(id) = line.split('\t').next().and_then(|s| uuid::Uuid::parse_str(s).ok()) else { continue };
            match self.delete_contact(ctx, SubjectId(id)).await {
                Ok(()) => n += 1,
                Err(StoreError::NotFound) => {}
                Err(e) => return Err(e),
            }
        }
        self.checkpoint().await?;
        Ok(n)
    }
}
