//! The persons' keys read inside a transaction: each subject's wrapped key
//! from `subject_keys`, unwrapped by the vault.

use crate::db::{fetch_in, Tx};
use crate::vault::SubjectKey;
use crate::{Store, StoreError};
use kith_domain::SubjectId;
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// Unwraps the keys of `subjects` inside `tx`; a missing one means the
/// contact does not exist (or was erased).
pub(crate) async fn subject_keys(
    store: &Store,
    tx: &mut Tx,
    subjects: &BTreeSet<Uuid>,
) -> Result<HashMap<Uuid, SubjectKey>, StoreError> {
    let ids: Vec<Uuid> = subjects.iter().copied().collect();
    let mut keys = HashMap::new();
    for r in fetch_in(tx, "SELECT subject_id, wrapped FROM subject_keys WHERE subject_id IN ({in})", &ids).await? {
        let s: Uuid = r.get(0)?;
        keys.insert(s, store.vault.unwrap_key(SubjectId(s), &r.get::<Vec<u8>>(1)?)?);
    }
    if keys.len() != subjects.len() {
        return Err(StoreError::NotFound);
    }
    Ok(keys)
}
