//! Lawful bases per contact and purpose.

use super::BasisRecord;
use crate::audit::{self, NewEntry};
use crate::contacts::{lock_contacts, Lock};
use crate::db::{values_placeholders, Exec, Row, Tx, MAX_PARAMS};
use crate::{args, from_ms, to_ms, Ctx, Store, StoreError};
use kith_domain::consent::BasisSource;
use kith_domain::{LawfulBasis, PurposeId, SubjectId, UserId};
use uuid::Uuid;

const BASIS_COLS: &str = "purpose_id, basis, source, source_name, lia_ref, effective_at, set_by, set_at, ends_at";

fn decode_basis(r: &Row) -> Result<BasisRecord, StoreError> {
    let (basis, source): (String, String) = (r.get(1)?, r.get(2)?);
    Ok(BasisRecord {
        purpose: PurposeId(r.get(0)?),
        basis: LawfulBasis::parse(&basis).ok_or(StoreError::Corrupt("basis"))?,
        source: BasisSource::parse(&source).ok_or(StoreError::Corrupt("basis source"))?,
        source_name: r.get(3)?,
        lia_ref: r.get(4)?,
        effective_at: from_ms(r.get(5)?),
        set_by: r.get::<Option<Uuid>>(6)?.map(UserId),
        set_at: from_ms(r.get(7)?),
        ends_at: r.get::<Option<i64>>(8)?.map(from_ms),
    })
}

/// Writes each subject's basis, replacing what was there (with
/// `only_if_unset`, only where none is set). One row per subject and purpose.
pub(crate) async fn upsert_bases(
    tx: &mut Tx,
    rows: &[(Uuid, &BasisRecord)],
    only_if_unset: bool,
) -> Result<(), StoreError> {
    const COLS: usize = 10;
    for chunk in rows.chunks(MAX_PARAMS / COLS) {
        let mut vals = Vec::with_capacity(chunk.len() * COLS);
        for (s, b) in chunk {
            vals.extend(args![
                *s,
                b.purpose.0,
                b.basis.as_str(),
                b.source.as_str(),
                b.source_name.clone(),
                b.lia_ref.clone(),
                to_ms(b.effective_at),
                b.set_by.map(|u| u.0),
                to_ms(b.set_at),
                b.ends_at.map(to_ms)
            ]);
        }
        let guard = if only_if_unset { " WHERE contact_bases.basis = 'not_applicable'" } else { "" };
        let sql = format!(
            "INSERT INTO contact_bases (subject_id, {BASIS_COLS}) VALUES {} ON CONFLICT (subject_id, purpose_id) DO UPDATE SET \
             basis = excluded.basis, source = excluded.source, source_name = excluded.source_name, lia_ref = excluded.lia_ref, \
             effective_at = excluded.effective_at, set_by = excluded.set_by, set_at = excluded.set_at, \
             ends_at = excluded.ends_at{guard}",
            values_placeholders(tx.engine(), chunk.len(), COLS)
        );
        tx.execute(&sql, &vals).await?;
    }
    let subjects: Vec<Uuid> = rows.iter().map(|(s, _)| *s).collect();
    crate::permissions::refresh(tx, &subjects).await
}

impl Store {
    /// Records `basis` on every subject in one transaction (one audit entry
    /// each). Fails with `MissingRef("contact")` if any subject is missing.
    pub async fn set_bases(&self, ctx: &Ctx, subjects: &[SubjectId], basis: &BasisRecord) -> Result<u64, StoreError> {
        let mut ids: Vec<Uuid> = subjects.iter().map(|s| s.0).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut tx = self.pools.write.begin().await?;
        // Lock the contacts so an erasure cannot remove one between this
        // check and the write.
        if lock_contacts(&mut tx, &ids, Lock::Write).await?.len() != ids.len() {
            return Err(StoreError::MissingRef("contact"));
        }
        let rows: Vec<(Uuid, &BasisRecord)> = ids.iter().map(|s| (*s, basis)).collect();
        upsert_bases(&mut tx, &rows, false).await?;
        let entries: Vec<NewEntry> = ids
            .iter()
            .map(|s| NewEntry {
                action: "basis.set",
                subject: Some(SubjectId(*s)),
                object_type: "purpose",
                object_id: Some(basis.purpose.to_string()),
            })
            .collect();
        audit::append(&mut tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(ids.len() as u64)
    }

    /// The bases recorded for a subject (purposes without a row are not applicable).
    pub async fn bases_of(&self, subject: SubjectId) -> Result<Vec<BasisRecord>, StoreError> {
        let sql = format!("SELECT {BASIS_COLS} FROM contact_bases WHERE subject_id = $1");
        self.pools.read.conn().await?.fetch_all(&sql, &args![subject.0]).await?.iter().map(decode_basis).collect()
    }
}
