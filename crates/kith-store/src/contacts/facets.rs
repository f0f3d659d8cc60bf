//! The clear facets of the breach query for contacts written before they
//! existed: filled once at start-up by opening each such record.

use super::row::{decode_rows, COLS, FROM};
use crate::db::Exec;
use crate::{args, Store, StoreError};
use kith_domain::breach_query::{facet_country, facet_fields};
use uuid::Uuid;

impl Store {
    /// Gives contacts written before migration 0020 their facets (country
    /// code, fields held): a page of 500 per transaction, rows locked first
    /// as every writer does. Only rows still without facets are read, so it
    /// is safe to interrupt, and two servers starting together only repeat
    /// each other's work (each page writes the same values). A record that
    /// cannot be opened keeps no facets and is counted in the log.
    pub(crate) async fn backfill_facets(&self) -> Result<(), StoreError> {
        let mut c = self.pools.read.conn().await?;
        let done: i64 = match c.fetch_optional("SELECT done FROM contact_facets_backfill", &[]).await? {
            Some(r) => r.get(0)?,
            None => return Ok(()),
        };
        drop(c);
        if done != 0 {
            return Ok(());
        }
        let mut after = Uuid::nil();
        let mut unreadable = 0usize;
        loop {
            let mut tx = self.pools.write.begin().await?;
            let page = tx
                .fetch_all(
                    "SELECT id FROM contacts WHERE facet_fields IS NULL AND id > $1 ORDER BY id LIMIT 500",
                    &args![after],
                )
                .await?
                .iter()
                .map(|r| r.get::<Uuid>(0))
                .collect::<Result<Vec<_>, _>>()?;
            let (Some(first), Some(last)) = (page.first().copied(), page.last().copied()) else {
                tx.execute("UPDATE contact_facets_backfill SET done = 1", &[]).await?;
                tx.commit().await?;
                break;
            };
            tx.execute(
                "UPDATE contacts SET updated_at = updated_at WHERE facet_fields IS NULL AND id >= $1 AND id <= $2",
                &args![first, last],
            )
            .await?;
            let sql = format!("SELECT {COLS} FROM {FROM} WHERE c.facet_fields IS NULL AND c.id >= $1 AND c.id <= $2");
            let rows = tx.fetch_all(&sql, &args![first, last]).await?;
            let contacts = decode_rows(&self.vault, &rows)?;
            unreadable += rows.len() - contacts.len();
            for c in &contacts {
                tx.execute(
                    "UPDATE contacts SET facet_country = $1, facet_fields = $2 WHERE id = $3",
                    &args![facet_country(&c.data).map(|k| k.code().to_owned()), facet_fields(&c.data), c.id.0],
                )
                .await?;
            }
            tx.commit().await?;
            after = last;
        }
        if unreadable > 0 {
            tracing::error!(contacts = unreadable, "contacts that could not be opened have no breach-query facets");
        }
        Ok(())
    }
}
