//! The field policy checked again inside the writing transaction, and the
//! fields a change touches.

use crate::db::{list_placeholders, Engine, Exec, Tx, Value, MAX_PARAMS};
use crate::StoreError;
use kith_domain::ContactData;
use std::collections::BTreeSet;

/// The field policy's current version (0 before any was recorded), after
/// checking inside the writing transaction that the policy as committed
/// still allows what each write adds (`after`, against `before` if it is a
/// change): the app checked it just before, and a field removed in between
/// must not slip past the purge.
///
/// On PostgreSQL (READ COMMITTED) reading the policy is not enough: a
/// removal could commit after this read and before the write commits, and
/// its purge, which starts after the removal commits, could scan the
/// contact before the write is visible. So the policy rows of the fields
/// written are read `FOR SHARE`. A removal turns a field off by updating
/// its row (`Store::save_field`), which waits for these share locks: either
/// the write commits first and the purge (after the removal) sees its
/// value, or the removal commits first and this read waits for it and
/// sees the field off. The version is read after the lock, so it is the
/// version the check ran against. SQLite runs one writer at a time
/// (`BEGIN IMMEDIATE`), so there the read alone is enough. Callers run the
/// gate before appending to the audit chain: the removal takes the audit
/// head after its policy row, so the two never wait on each other in a cycle.
pub(super) async fn policy_gate(
    tx: &mut Tx,
    writes: &[(&ContactData, Option<&ContactData>)],
) -> Result<i64, StoreError> {
    // The fields each update changes; a creation writes whatever it fills,
    // checked against every field (without diffing it against nothing:
    // imports create 25,000 contacts per transaction).
    let written: Vec<Option<BTreeSet<String>>> = writes
        .iter()
        .map(|(after, before)| {
            before.map(|b| {
                changed_fields(b, after)
                    .and_then(|d| serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&d).ok())
                    .map(|m| m.into_iter().map(|(k, _)| k).collect())
                    .unwrap_or_default()
            })
        })
        .collect();
    let lock = match tx.engine() {
        Engine::Postgres => " FOR SHARE",
        Engine::Sqlite => "",
    };
    let mut fields = Vec::new();
    if written.iter().any(Option::is_none) {
        let sql = format!("SELECT {} FROM field_policy ORDER BY key{lock}", crate::policy::COLS);
        for r in tx.fetch_all(&sql, &[]).await? {
            fields.push(crate::policy::field(&r)?);
        }
    } else {
        let keys: Vec<String> =
            written.iter().flatten().flatten().cloned().collect::<BTreeSet<_>>().into_iter().collect();
        for chunk in keys.chunks(MAX_PARAMS) {
            let sql = format!(
                "SELECT {} FROM field_policy WHERE key IN ({}) ORDER BY key{lock}",
                crate::policy::COLS,
                list_placeholders(tx.engine(), chunk.len())
            );
            let vals: Vec<Value> = chunk.iter().map(|k| Value::from(k.as_str())).collect();
            for r in tx.fetch_all(&sql, &vals).await? {
                fields.push(crate::policy::field(&r)?);
            }
        }
    }
    let r = tx.fetch_optional("SELECT MAX(version) FROM field_policy_versions", &[]).await?;
    let version = match r {
        Some(r) => r.get::<Option<i64>>(0)?.unwrap_or(0),
        None => 0,
    };
    let policy = kith_domain::policy::Policy { version, fields };
    for ((after, _), changed) in writes.iter().zip(&written) {
        let mut probe = (*after).clone();
        policy
            .check_written(&mut probe, |k| changed.as_ref().is_none_or(|c| c.contains(k)))
            .map_err(|_| StoreError::Conflict("the field policy changed meanwhile; check the fields and try again"))?;
    }
    Ok(version)
}

/// The personal fields that differ between two states of a contact, as a
/// JSON object `{"field": {"before": …, "after": …}}`; `None` if none do.
pub(super) fn changed_fields(before: &ContactData, after: &ContactData) -> Option<String> {
    let (Ok(serde_json::Value::Object(b)), Ok(serde_json::Value::Object(a))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return None;
    };
    // Custom fields are compared one by one (`custom.<name>`), so a field's
    // values can be purged from the details without touching the others.
    let flatten = |mut m: serde_json::Map<String, serde_json::Value>| {
        if let Some(serde_json::Value::Object(custom)) = m.remove("custom") {
            for (k, v) in custom {
                m.insert(format!("{}{k}", kith_domain::policy::CUSTOM), v);
            }
        }
        m
    };
    let (b, a) = (flatten(b), flatten(a));
    let mut out = serde_json::Map::new();
    for k in b.keys().chain(a.keys()).collect::<BTreeSet<_>>() {
        let (x, y) = (b.get(k).unwrap_or(&serde_json::Value::Null), a.get(k).unwrap_or(&serde_json::Value::Null));
        if x != y {
            out.insert(k.clone(), serde_json::json!({"before": x, "after": y}));
        }
    }
    (!out.is_empty()).then(|| serde_json::Value::Object(out).to_string())
}
