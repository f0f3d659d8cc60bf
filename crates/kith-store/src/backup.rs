//! Backups that do not bring the erased back: a backup taken before an
//! erasure still holds the person, so a restore erases again everyone the
//! erasure journal names ([`crate::erasure::journal`]).

use crate::{Engine, Store, StoreError};
use std::path::Path;

pub use crate::erasure::journal::JOURNAL_FILE;

impl Store {
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
}
