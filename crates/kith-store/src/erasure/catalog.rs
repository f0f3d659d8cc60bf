//! What the database catalog says can name a person, so a test can check
//! that every such table is erased or deliberately kept.

use crate::db::Exec;
use crate::{Engine, Store, StoreError};
use std::collections::{BTreeMap, BTreeSet};

/// Column names that name a person.
pub const PERSON_COLUMNS: &[&str] = &["subject_id", "contact_id"];

impl Store {
    /// Every table of the schema, with its columns (lower case).
    pub async fn catalog_tables(&self) -> Result<BTreeMap<String, BTreeSet<String>>, StoreError> {
        let sql = match self.engine() {
            Engine::Sqlite => {
                "SELECT m.name, lower(p.name) FROM sqlite_master m, pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx_%'"
            }
            Engine::Postgres => {
                "SELECT c.table_name::text, lower(c.column_name::text) FROM information_schema.columns c \
                 JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
                 WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' \
                 AND c.table_name::text NOT LIKE '\\_sqlx\\_%'"
            }
        };
        let mut c = self.pools.read.conn().await?;
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for r in c.fetch_all(sql, &[]).await? {
            out.entry(r.get(0)?).or_default().insert(r.get(1)?);
        }
        Ok(out)
    }

    /// The tables that can name a person: a column in [`PERSON_COLUMNS`],
    /// or a foreign key to `contacts` (the `contacts` table itself included).
    pub async fn tables_naming_people(&self) -> Result<BTreeSet<String>, StoreError> {
        let tables = self.catalog_tables().await?;
        let mut out: BTreeSet<String> = tables
            .iter()
            .filter(|(_, cols)| PERSON_COLUMNS.iter().any(|p| cols.contains(*p)))
            .map(|(t, _)| t.clone())
            .collect();
        out.insert("contacts".into());
        let mut c = self.pools.read.conn().await?;
        match self.engine() {
            Engine::Sqlite => {
                for t in tables.keys() {
                    let refs = c
                        .fetch_all(
                            "SELECT 1 FROM pragma_foreign_key_list($1) WHERE \"table\" = 'contacts'",
                            &crate::args![t.as_str()],
                        )
                        .await?;
                    if !refs.is_empty() {
                        out.insert(t.clone());
                    }
                }
            }
            Engine::Postgres => {
                let sql = "SELECT DISTINCT tc.table_name::text FROM information_schema.table_constraints tc \
                           JOIN information_schema.constraint_column_usage u \
                             ON u.constraint_name = tc.constraint_name AND u.constraint_schema = tc.constraint_schema \
                           WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema() \
                           AND u.table_name = 'contacts'";
                for r in c.fetch_all(sql, &[]).await? {
                    out.insert(r.get(0)?);
                }
            }
        }
        Ok(out)
    }
}
