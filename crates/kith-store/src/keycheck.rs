//! The key check: a value sealed under the master key when the database is
//! first migrated. A server started with another key (a second server given
//! its own, a lost key file replaced by a fresh one) refuses to start
//! instead of sealing new data that its peers cannot open.

use crate::db::Exec;
use crate::{args, now_ms, Store, StoreError};
use kith_domain::SubjectId;
use uuid::Uuid;

/// The associated data of the check value: no subject has the nil id.
fn check_subject() -> SubjectId {
    SubjectId(Uuid::nil())
}

fn wrong_key(kek_id: &str, expected: &str) -> StoreError {
    StoreError::Config(format!(
        "the master key (id {kek_id}) does not open this database, which was sealed under key id {expected}: \
         start Kith with the database's key, in KITH_MASTER_KEY or in the key file master.key of the data \
         directory; a new key would make every stored person unreadable"
    ))
}

impl Store {
    /// Whether the database already holds data sealed under some master key
    /// (a key check value or a person's wrapped key).
    pub async fn holds_sealed_data(&self) -> Result<bool, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let check = c.fetch_optional("SELECT id FROM key_check", &[]).await?;
        let subject = c.fetch_optional("SELECT subject_id FROM subject_keys LIMIT 1", &[]).await?;
        Ok(check.is_some() || subject.is_some())
    }

    /// Checks that the vault's key opens the database's check value. With
    /// `record`, a database without one gets it, after a stored person's
    /// key (if any) was opened as proof that this is the right key.
    pub async fn check_master_key(&self, record: bool) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if let Some(r) = tx.fetch_optional("SELECT kek_id, sealed FROM key_check WHERE id = 1", &[]).await? {
            let (expected, sealed): (String, Vec<u8>) = (r.get(0)?, r.get(1)?);
            tx.commit().await?;
            return match self.vault.unwrap_key(check_subject(), &sealed) {
                Ok(_) => Ok(()),
                Err(_) => Err(wrong_key(self.vault.kek_id(), &expected)),
            };
        }
        let person = tx.fetch_optional("SELECT subject_id, wrapped FROM subject_keys LIMIT 1", &[]).await?;
        if let Some(r) = person {
            let id = SubjectId(r.get(0)?);
            if self.vault.unwrap_key(id, &r.get::<Vec<u8>>(1)?).is_err() {
                return Err(wrong_key(self.vault.kek_id(), "unknown (the database predates the key check)"));
            }
        }
        if record {
            let (_, sealed) = self.vault.new_subject_key(check_subject());
            // Two servers migrating at once: the first value stays, and the
            // other server is checked against it on its next start.
            tx.execute(
                "INSERT INTO key_check (id, kek_id, sealed, created_at) VALUES (1, $1, $2, $3) ON CONFLICT (id) DO NOTHING",
                &args![self.vault.kek_id(), sealed, now_ms()],
            )
            .await?;
            tx.commit().await?;
            return Box::pin(self.check_master_key(false)).await;
        }
        tx.commit().await
    }
}
