//! The clear facets of the breach query for contacts that have none yet
//! (written before migration 0020, or by an older server during a rolling
//! upgrade): filled in the background by opening each such record.

use super::row::{decode_rows, COLS, FROM};
use crate::db::Exec;
use crate::{args, Store, StoreError};
use kith_domain::breach_query::{facet_country, facet_fields};
use uuid::Uuid;

/// How many contacts a transaction of the fill opens.
const PAGE: i64 = 500;

impl Store {
    /// How many contacts have no facets yet (`facet_fields IS NULL`): a
    /// query's result may miss them, so previews and frozen breakdowns say
    /// how many (the partial index `contacts_facets_pending` counts them).
    pub async fn facets_pending(&self) -> Result<i64, StoreError> {
        let mut c = self.pools.read.conn().await?;
        c.fetch_optional("SELECT COUNT(*) FROM contacts WHERE facet_fields IS NULL", &[])
            .await?
            .ok_or(StoreError::NotFound)?
            .get(0)
    }

    /// Gives every contact still without facets its facets (country code,
    /// fields held): a page of 500 per transaction, rows locked first as
    /// every writer does; returns how many were filled. Only rows still
    /// without facets are read, so it is safe to interrupt and to run on
    /// several servers at once (each page writes the same values). A record
    /// that cannot be opened keeps no facets, is counted in the log and
    /// stays in the "not yet indexed" count. Runs after start-up, not in
    /// [`Store::migrate`]: see [`Store::spawn_fill_facets`].
    pub async fn fill_facets(&self) -> Result<usize, StoreError> {
        let mut after = Uuid::nil();
        let (mut filled, mut unreadable) = (0usize, 0usize);
        loop {
            let mut tx = self.pools.write.begin().await?;
            let page = tx
                .fetch_all(
                    "SELECT id FROM contacts WHERE facet_fields IS NULL AND id > $1 ORDER BY id LIMIT $2",
                    &args![after, PAGE],
                )
                .await?
                .iter()
                .map(|r| r.get::<Uuid>(0))
                .collect::<Result<Vec<_>, _>>()?;
            let (Some(first), Some(last)) = (page.first().copied(), page.last().copied()) else {
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
            filled += contacts.len();
            tx.commit().await?;
            after = last;
        }
        if unreadable > 0 {
            tracing::error!(contacts = unreadable, "contacts that could not be opened have no breach-query facets");
        }
        Ok(filled)
    }

    /// Starts [`Store::fill_facets`] in the background (every server start:
    /// start-up does not wait for it, and rows an older server wrote during
    /// a rolling upgrade are picked up at the next start).
    pub fn spawn_fill_facets(&self) {
        let store = self.clone();
        tokio::spawn(async move {
            match store.fill_facets().await {
                Ok(0) => {}
                Ok(n) => tracing::info!(contacts = n, "breach-query facets filled"),
                Err(e) => {
                    tracing::error!(error = %e, "could not fill the breach-query facets; retried at the next start")
                }
            }
        });
    }
}
