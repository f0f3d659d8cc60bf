//! Reading contacts: by id, a page in order, by email, phone or name
//! (through their keyed lookups), and counts.

use super::index::{email_key, search_key};
use super::row::{decode, decode_rows, filter_sql, COLS, FROM, FROM_INDEX};
use super::{After, Contact, ContactFilter, ContactSort};
use crate::db::{Exec, Tx};
use crate::vault::IndexKind;
use crate::{args, ct_eq, Store, StoreError};
use kith_domain::normalize::prefix;
use kith_domain::{Email, Phone, SubjectId};
use uuid::Uuid;

impl Store {
    /// One contact, read inside a transaction.
    pub(crate) async fn contact_in(&self, tx: &mut Tx, id: SubjectId) -> Result<Option<Contact>, StoreError> {
        let sql = format!("SELECT {COLS} FROM {FROM} WHERE c.id = $1");
        tx.fetch_optional(&sql, &args![id.0]).await?.map(|r| decode(&self.vault, &r)).transpose()
    }

    /// One contact, in one statement.
    pub async fn get_contact(&self, id: SubjectId) -> Result<Option<Contact>, StoreError> {
        let sql = format!("SELECT {COLS} FROM {FROM} WHERE c.id = $1");
        let row = self.pools.read.conn().await?.fetch_optional(&sql, &args![id.0]).await?;
        row.map(|r| decode(&self.vault, &r)).transpose()
    }

    /// The contacts of `ids` that exist, in one statement per chunk.
    pub(crate) async fn contacts_in(&self, ids: &[Uuid]) -> Result<Vec<Contact>, StoreError> {
        let sql = format!("SELECT {COLS} FROM {FROM} WHERE c.id IN ({{in}})");
        let mut c = self.pools.read.conn().await?;
        let rows = crate::db::fetch_in(&mut c, &sql, ids).await?;
        decode_rows(&self.vault, &rows)
    }

    /// A page of contacts in the given order.
    pub async fn list_contacts(
        &self,
        filter: &ContactFilter,
        sort: ContactSort,
        after: Option<After>,
        limit: i64,
    ) -> Result<Vec<Contact>, StoreError> {
        let (col, dir, cmp) = match sort {
            ContactSort::CreatedAsc => ("c.created_at", "ASC", ">"),
            ContactSort::CreatedDesc => ("c.created_at", "DESC", "<"),
            ContactSort::UpdatedAsc => ("c.updated_at", "ASC", ">"),
            ContactSort::UpdatedDesc => ("c.updated_at", "DESC", "<"),
        };
        let mut sql = format!("SELECT {COLS} FROM {FROM} WHERE 1 = 1");
        let mut vals = Vec::new();
        filter_sql(filter, self.review_after, &mut vals, &mut sql);
        if let Some(a) = after {
            vals.push(a.key.into());
            vals.push(a.id.into());
            sql.push_str(&format!(" AND ({col}, c.id) {cmp} (${}, ${})", vals.len() - 1, vals.len()));
        }
        vals.push(limit.into());
        sql.push_str(&format!(" ORDER BY {col} {dir}, c.id {dir} LIMIT ${}", vals.len()));
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &vals).await?;
        decode_rows(&self.vault, &rows)
    }

    /// The exact-match key of an address (16 bytes; see `email_keys`).
    pub fn email_key(&self, email: &Email) -> Vec<u8> {
        email_key(&self.vault, email)
    }

    /// Contacts holding this address in any case (a staff search; never the
    /// ground for mail about a person).
    pub async fn find_by_email_any_case(&self, email: &Email) -> Result<Vec<Contact>, StoreError> {
        let want = email.account_key();
        Ok(self
            .contacts_by_key(&search_key(&self.vault, email))
            .await?
            .into_iter()
            .filter(|c| c.data.emails.iter().any(|e| ct_eq(e.account_key().as_bytes(), want.as_bytes())))
            .collect())
    }

    async fn contacts_by_key(&self, key: &[u8]) -> Result<Vec<Contact>, StoreError> {
        let sql = format!(
            "SELECT {COLS} FROM email_keys e JOIN contacts c ON c.id = e.subject_id JOIN subject_keys k ON k.subject_id = c.id \
             WHERE e.hash = $1 ORDER BY c.id LIMIT 500"
        );
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &args![key.to_vec()]).await?;
        decode_rows(&self.vault, &rows)
    }

    /// Contacts holding an address whose exact-match key is `key`, each
    /// opened and its addresses' keys compared.
    pub async fn find_by_email_key(&self, key: &[u8]) -> Result<Vec<Contact>, StoreError> {
        let found = self.contacts_by_key(key).await?;
        Ok(found.into_iter().filter(|c| c.data.emails.iter().any(|e| ct_eq(&email_key(&self.vault, e), key))).collect())
    }

    /// Contacts holding this email: one statement through its exact-match
    /// key, then each opened and compared.
    pub async fn find_by_email(&self, email: &Email) -> Result<Vec<Contact>, StoreError> {
        let key = email.lookup_key();
        Ok(self
            .contacts_by_key(&email_key(&self.vault, email))
            .await?
            .into_iter()
            .filter(|c| c.data.emails.iter().any(|e| ct_eq(e.lookup_key().as_bytes(), key.as_bytes())))
            .collect())
    }

    pub async fn find_by_phone(&self, phone: &Phone) -> Result<Vec<Contact>, StoreError> {
        let key = phone.lookup_key();
        let found = self.by_bucket(self.vault.bucket(IndexKind::Phone, &key)).await?;
        Ok(found
            .into_iter()
            .filter(|c| c.data.phones.iter().any(|p| ct_eq(p.lookup_key().as_bytes(), key.as_bytes())))
            .collect())
    }

    async fn by_bucket(&self, bucket: i64) -> Result<Vec<Contact>, StoreError> {
        // One page (500) covers the ~15 coincidences expected at 10^6.
        self.scan_bucket(bucket, &ContactFilter::default(), None, usize::MAX, 500, |_| true).await
    }

    /// Walks one blind-index bucket in subject-id order (so the planner
    /// walks the bucket's index range and joins per row, even on fresh
    /// statistics — PostgreSQL picked a hash join over all contacts after a
    /// bulk load), `page` rows per statement, opening each candidate and
    /// keeping those `keep` accepts, until `limit` are kept or the bucket
    /// ends.
    async fn scan_bucket(
        &self,
        bucket: i64,
        filter: &ContactFilter,
        after: Option<Uuid>,
        limit: usize,
        page: i64,
        keep: impl Fn(&Contact) -> bool,
    ) -> Result<Vec<Contact>, StoreError> {
        let mut out = Vec::new();
        let mut cursor = after;
        loop {
            let mut sql = format!("SELECT {COLS} FROM {FROM_INDEX} WHERE b.bucket = $1");
            let mut vals = args![bucket].to_vec();
            filter_sql(filter, self.review_after, &mut vals, &mut sql);
            if let Some(a) = cursor {
                vals.push(a.into());
                sql.push_str(&format!(" AND b.subject_id > ${}", vals.len()));
            }
            vals.push(page.into());
            sql.push_str(&format!(" ORDER BY b.subject_id LIMIT ${}", vals.len()));
            let rows = self.pools.read.conn().await?.fetch_all(&sql, &vals).await?;
            for r in &rows {
                cursor = Some(r.get(0)?);
                let Some(c) = decode_rows(&self.vault, std::slice::from_ref(r))?.pop() else { continue };
                if keep(&c) {
                    out.push(c);
                    if out.len() == limit {
                        return Ok(out);
                    }
                }
            }
            if (rows.len() as i64) < page {
                return Ok(out);
            }
        }
    }

    /// Contacts having, for every word of `query`, a name word starting with
    /// it (folded: case- and accent-insensitive), in id (creation) order,
    /// after `after`, at most `limit`. Candidates come from the prefix index
    /// of the query's longest word and are opened in chunks until enough
    /// match.
    pub async fn search_name(
        &self,
        query: &str,
        filter: &ContactFilter,
        after: Option<Uuid>,
        limit: usize,
    ) -> Result<Vec<Contact>, StoreError> {
        let words = kith_domain::normalize::words(query);
        let Some(longest) = words.iter().max_by_key(|w| w.chars().count()) else {
            return Ok(Vec::new());
        };
        let bucket = if longest.chars().count() >= 5 {
            self.vault.bucket(IndexKind::Name5, prefix(longest, 5))
        } else {
            self.vault.bucket(IndexKind::Name3, prefix(longest, 3))
        };
        let matches = |c: &Contact| {
            let names = c.data.name_words();
            words.iter().all(|q| {
                // A short query word matches short whole words and prefixes alike.
                names.iter().any(|n| n.starts_with(q.as_str()))
            })
        };
        let chunk = (limit * 2).clamp(16, 500) as i64;
        self.scan_bucket(bucket, filter, after, limit, chunk, matches).await
    }

    /// The raw stored bytes of a contact's key and sealed row: for tests that
    /// prove erasure leaves no copy behind.
    pub async fn raw_contact_bytes(&self, id: SubjectId) -> Result<Option<(Vec<u8>, Vec<u8>)>, StoreError> {
        let sql = format!("SELECT k.wrapped, c.sealed FROM {FROM} WHERE c.id = $1");
        let row = self.pools.read.conn().await?.fetch_optional(&sql, &args![id.0]).await?;
        row.map(|r| Ok((r.get(0)?, r.get(1)?))).transpose()
    }

    /// How many contacts exist.
    pub async fn count_contacts(&self) -> Result<i64, StoreError> {
        self.pools
            .read
            .conn()
            .await?
            .fetch_optional("SELECT COUNT(*) FROM contacts", &[])
            .await?
            .ok_or(StoreError::NotFound)?
            .get(0)
    }
}
