//! `Idempotency-Key`: the first POST with a key records which resource it
//! created, in the same transaction as the creation; a retry finds the
//! record and is answered with that resource.

use crate::db::{Exec, Tx};
use crate::{args, now_ms, Store, StoreError};
use kith_domain::UserId;
use uuid::Uuid;

/// A key claimed by a request: who sent it and a hash of what was sent.
#[derive(Clone, Debug)]
pub struct Claim {
    pub user: UserId,
    pub key: String,
    pub request_hash: Vec<u8>,
}

/// What the first request with a key created.
#[derive(Clone, Debug)]
pub struct Record {
    pub request_hash: Vec<u8>,
    pub resource_type: String,
    pub resource_id: Uuid,
}

/// Records the claim; fails with `IdempotencyReplay` if the key was used.
pub(crate) async fn claim(tx: &mut Tx, c: &Claim, resource_type: &str, id: Uuid) -> Result<(), StoreError> {
    let n = tx
        .execute(
            "INSERT INTO idempotency_keys (user_id, key, request_hash, resource_type, resource_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
            &args![c.user.0, c.key.as_str(), c.request_hash.clone(), resource_type, id, now_ms()],
        )
        .await?;
    if n == 0 {
        return Err(StoreError::IdempotencyReplay);
    }
    Ok(())
}

impl Store {
    pub async fn idempotency_record(&self, user: UserId, key: &str) -> Result<Option<Record>, StoreError> {
        let row = self
            .pools
            .write
            .conn()
            .await?
            .fetch_optional(
                "SELECT request_hash, resource_type, resource_id FROM idempotency_keys WHERE user_id = $1 AND key = $2",
                &args![user.0, key],
            )
            .await?;
        row.map(|r| Ok(Record { request_hash: r.get(0)?, resource_type: r.get(1)?, resource_id: r.get(2)? }))
            .transpose()
    }

    /// Forgets keys older than `max_age_ms`.
    pub async fn expire_idempotency(&self, max_age_ms: i64) -> Result<u64, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("DELETE FROM idempotency_keys WHERE created_at < $1", &args![now_ms() - max_age_ms]).await?;
        tx.commit().await?;
        Ok(n)
    }
}
