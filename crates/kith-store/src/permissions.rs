//! Who may be contacted, kept beside the facts it is decided from.
//!
//! `contact_permissions` holds one row per person, purpose and channel for
//! which [`kith_domain::consent::may_contact`] allows contact, with the
//! moment it stops (`until_at`, consent that expires). Every write of a fact
//! the rule reads — a ledger append (the consent state), a basis, a
//! restriction, an objection, a purpose's direct-marketing flag — refreshes
//! the people it touched in its own transaction, with the SQL below; the
//! contract test `segments` checks the table against the rule.

use crate::db::{list_placeholders, Exec, Tx, Value, MAX_PARAMS};
use crate::StoreError;
use kith_domain::Channel;
use uuid::Uuid;

/// The rule in SQL over `contact_bases b` (with `p` its purpose and `s`
/// the consent state on channel `ch`): `b.basis` is not `not_applicable`,
/// no restriction, no objection that stops it, and then consent given
/// (basis consent) or no refusal or withdrawal (any other basis).
fn allowed_rows(channels: &str, which: &str) -> String {
    format!(
        "SELECT b.purpose_id, ch.channel, b.subject_id, CASE WHEN b.basis = 'consent' THEN s.until_at END \
         FROM contact_bases b \
         JOIN purposes p ON p.id = b.purpose_id \
         CROSS JOIN ({channels}) ch \
         LEFT JOIN consent_state s ON s.subject_id = b.subject_id AND s.purpose_id = b.purpose_id AND s.channel = ch.channel \
         WHERE {which} AND b.basis <> 'not_applicable' \
           AND NOT EXISTS (SELECT 1 FROM restrictions r WHERE r.subject_id = b.subject_id) \
           AND NOT EXISTS (SELECT 1 FROM objections o WHERE o.subject_id = b.subject_id AND o.purpose_id = b.purpose_id \
                           AND (o.decision IN ('pending', 'upheld') OR p.direct_marketing)) \
           AND ((b.basis = 'consent' AND s.state = 'given') \
                OR (b.basis <> 'consent' AND (s.state IS NULL OR s.state NOT IN ('refused', 'withdrawn'))))"
    )
}

/// Every channel as a one-column table.
fn channels_table() -> String {
    Channel::ALL
        .iter()
        .enumerate()
        .map(
            |(i, c)| {
                if i == 0 {
                    format!("SELECT '{}' AS channel", c.as_str())
                } else {
                    format!("SELECT '{}'", c.as_str())
                }
            },
        )
        .collect::<Vec<_>>()
        .join(" UNION ALL ")
}

/// Recomputes the permissions of `subjects` (any order, repeats allowed)
/// inside the caller's transaction.
pub(crate) async fn refresh(tx: &mut Tx, subjects: &[Uuid]) -> Result<(), StoreError> {
    let mut ids: Vec<Uuid> = subjects.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let channels = channels_table();
    for chunk in ids.chunks(MAX_PARAMS) {
        let list = list_placeholders(tx.engine(), chunk.len());
        let vals: Vec<Value> = chunk.iter().map(|u| Value::Uuid(*u)).collect();
        tx.execute(&format!("DELETE FROM contact_permissions WHERE subject_id IN ({list})"), &vals).await?;
        let sql = format!(
            "INSERT INTO contact_permissions (purpose_id, channel, subject_id, until_at) {}",
            allowed_rows(&channels, &format!("b.subject_id IN ({list})"))
        );
        tx.execute(&sql, &vals).await?;
    }
    Ok(())
}

/// Recomputes the permissions of the people `sql` selects (one column of
/// subject ids, parameters `args`), e.g. everyone who objected to a purpose.
pub(crate) async fn refresh_selected(tx: &mut Tx, sql: &str, args: &[Value]) -> Result<(), StoreError> {
    let rows = tx.fetch_all(sql, args).await?;
    let ids = rows.iter().map(|r| r.get(0)).collect::<Result<Vec<Uuid>, _>>()?;
    refresh(tx, &ids).await
}

/// Recomputes every row (after writing the facts outside the store's own
/// paths, as the benchmarks' bulk loaders do).
pub(crate) async fn rebuild_all(tx: &mut Tx) -> Result<(), StoreError> {
    tx.execute("DELETE FROM contact_permissions", &[]).await?;
    let sql = format!(
        "INSERT INTO contact_permissions (purpose_id, channel, subject_id, until_at) {}",
        allowed_rows(&channels_table(), "1 = 1")
    );
    tx.execute(&sql, &[]).await?;
    Ok(())
}
