//! The benchmark's baseline: what a CRM without encryption would do — the
//! same plaintext in plain tables of the same engine, with ordinary indexes
//! on email, phone and last name. Used only by `kith bench`, in a database
//! of its own.

use crate::db::{values_placeholders, Exec, Value, MAX_PARAMS};
use crate::{args, now_ms, Store, StoreError};
use uuid::Uuid;

/// One plaintext contact.
pub struct PlainContact {
    pub id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub job_title: String,
    pub notes: String,
}

const SCHEMA: [&str; 6] = [
    "CREATE TABLE plain_contacts (id BLOB PRIMARY KEY, first_name TEXT, last_name TEXT, last_name_lower TEXT, email TEXT, phone TEXT, job_title TEXT, notes TEXT, created_at BIGINT)",
    "CREATE INDEX plain_email ON plain_contacts(email)",
    "CREATE INDEX plain_phone ON plain_contacts(phone)",
    "CREATE INDEX plain_last ON plain_contacts(last_name_lower)",
    "CREATE TABLE plain_interactions (id BLOB PRIMARY KEY, contact_id BLOB, kind TEXT, body TEXT, occurred_at BIGINT)",
    "CREATE INDEX plain_interactions_contact ON plain_interactions(contact_id, occurred_at)",
];

impl Store {
    pub async fn baseline_create(&self) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let pg = tx.engine() == crate::Engine::Postgres;
        for s in SCHEMA {
            let s = if pg { s.replace("BLOB", "UUID") } else { s.to_owned() };
            tx.execute(&s, &[]).await?;
        }
        tx.commit().await
    }

    /// Inserts contacts in one transaction with multi-row statements.
    pub async fn baseline_insert(&self, rows: &[PlainContact]) -> Result<(), StoreError> {
        let now = now_ms();
        let mut tx = self.pools.write.begin().await?;
        for chunk in rows.chunks(MAX_PARAMS / 9) {
            let sql = format!(
                "INSERT INTO plain_contacts (id, first_name, last_name, last_name_lower, email, phone, job_title, notes, created_at) VALUES {}",
                values_placeholders(tx.engine(), chunk.len(), 9)
            );
            let mut vals: Vec<Value> = Vec::with_capacity(chunk.len() * 9);
            for r in chunk {
                vals.extend(args![
                    r.id,
                    r.first_name.as_str(),
                    r.last_name.as_str(),
                    r.last_name.to_lowercase(),
                    r.email.to_lowercase(),
                    r.phone.as_str(),
                    r.job_title.as_str(),
                    r.notes.as_str(),
                    now
                ]);
            }
            tx.execute(&sql, &vals).await?;
        }
        tx.commit().await
    }

    /// Inserts `interactions_each` plaintext interactions per contact in one transaction.
    pub async fn baseline_insert_interactions(
        &self,
        rows: &[PlainContact],
        interactions_each: usize,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        let mut tx = self.pools.write.begin().await?;
        let inter: Vec<(Uuid, Uuid)> =
            rows.iter().flat_map(|r| (0..interactions_each).map(move |_| (Uuid::now_v7(), r.id))).collect();
        for chunk in inter.chunks(MAX_PARAMS / 5) {
            let sql = format!(
                "INSERT INTO plain_interactions (id, contact_id, kind, body, occurred_at) VALUES {}",
                values_placeholders(tx.engine(), chunk.len(), 5)
            );
            let mut vals: Vec<Value> = Vec::with_capacity(chunk.len() * 5);
            for (id, c) in chunk {
                vals.extend(args![*id, *c, "note", "Called about the spring order; follow up next week.", now]);
            }
            tx.execute(&sql, &vals).await?;
        }
        tx.commit().await
    }

    pub async fn baseline_by_email(&self, email: &str) -> Result<usize, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT id, first_name, last_name, email, phone, job_title, notes FROM plain_contacts WHERE email = $1",
                &args![email.to_lowercase()],
            )
            .await?;
        Ok(rows.len())
    }

    pub async fn baseline_by_last_name_prefix(&self, prefix: &str, limit: i64) -> Result<usize, StoreError> {
        let lo = prefix.to_lowercase();
        let hi = format!("{lo}\u{10FFFF}");
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT id, first_name, last_name, email, phone, job_title, notes FROM plain_contacts \
                 WHERE last_name_lower >= $1 AND last_name_lower < $2 LIMIT $3",
                &args![lo, hi, limit],
            )
            .await?;
        Ok(rows.len())
    }

    pub async fn baseline_get(&self, id: Uuid) -> Result<bool, StoreError> {
        let row = self
            .pools
            .read
            .conn()
            .await?
            .fetch_optional(
                "SELECT id, first_name, last_name, email, phone, job_title, notes FROM plain_contacts WHERE id = $1",
                &args![id],
            )
            .await?;
        Ok(row.is_some())
    }

    /// Everything the baseline holds about one contact (its row and its interactions).
    pub async fn baseline_export(&self, id: Uuid) -> Result<usize, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let row = c
            .fetch_optional(
                "SELECT id, first_name, last_name, email, phone, job_title, notes FROM plain_contacts WHERE id = $1",
                &args![id],
            )
            .await?;
        let inter = c
            .fetch_all(
                "SELECT id, kind, body, occurred_at FROM plain_interactions WHERE contact_id = $1 ORDER BY occurred_at",
                &args![id],
            )
            .await?;
        Ok(usize::from(row.is_some()) + inter.len())
    }

    /// Deletes one contact and its interactions in one transaction (no scrub).
    pub async fn baseline_delete(&self, id: Uuid) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute("DELETE FROM plain_interactions WHERE contact_id = $1", &args![id]).await?;
        tx.execute("DELETE FROM plain_contacts WHERE id = $1", &args![id]).await?;
        tx.commit().await
    }

    /// Deletes many contacts and their interactions in one transaction (no scrub).
    pub async fn baseline_delete_many(&self, ids: &[Uuid]) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        for chunk in ids.chunks(crate::db::MAX_PARAMS) {
            let ph = crate::db::list_placeholders(tx.engine(), chunk.len());
            let vals: Vec<crate::db::Value> = chunk.iter().map(|u| crate::db::Value::Uuid(*u)).collect();
            tx.execute(&format!("DELETE FROM plain_interactions WHERE contact_id IN ({ph})"), &vals).await?;
            tx.execute(&format!("DELETE FROM plain_contacts WHERE id IN ({ph})"), &vals).await?;
        }
        tx.commit().await
    }

    /// PostgreSQL: the current database's size in bytes.
    pub async fn pg_database_size(&self) -> Result<i64, StoreError> {
        self.pools
            .read
            .conn()
            .await?
            .fetch_optional("SELECT pg_database_size(current_database())", &[])
            .await?
            .ok_or(StoreError::NotFound)?
            .get(0)
    }
}
