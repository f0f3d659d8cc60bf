//! The materialised consent state: each person's fold per purpose and
//! channel, kept beside the ledger so that counting is fast.

use super::Counts;
use crate::db::{fetch_in, values_placeholders, Exec, Tx, Value, MAX_PARAMS};
use crate::{args, from_ms, to_ms, Store, StoreError};
use kith_domain::consent::{fold_all, parse_channels, ConsentFact};
use kith_domain::{Channel, ConsentAction, PurposeId};
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

impl Store {
    /// Contacts per purpose and basis, and per purpose, channel and consent
    /// state as of `now` (expiry and answer deadlines applied in the query).
    pub async fn consent_counts(&self, now: time::OffsetDateTime) -> Result<Counts, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let mut out = Counts {
            contacts: c
                .fetch_optional("SELECT COUNT(*) FROM contacts", &[])
                .await?
                .ok_or(StoreError::NotFound)?
                .get(0)?,
            ..Counts::default()
        };
        for r in
            c.fetch_all("SELECT purpose_id, basis, COUNT(*) FROM contact_bases GROUP BY purpose_id, basis", &[]).await?
        {
            out.bases.entry(PurposeId(r.get(0)?)).or_default().insert(r.get(1)?, r.get(2)?);
        }
        let sql = "SELECT purpose_id, channel, CASE \
                   WHEN state = 'given' AND until_at IS NOT NULL AND until_at <= $1 THEN 'expired' \
                   WHEN state = 'awaiting' AND until_at IS NOT NULL AND until_at <= $1 THEN 'not_responded' \
                   ELSE state END AS s, COUNT(*) FROM consent_state GROUP BY purpose_id, channel, s";
        for r in c.fetch_all(sql, &args![to_ms(now)]).await? {
            out.consent
                .entry(PurposeId(r.get(0)?))
                .or_default()
                .entry(r.get(1)?)
                .or_default()
                .insert(r.get(2)?, r.get(3)?);
        }
        Ok(out)
    }
}

/// Re-folds each subject × purpose from its events and stores the result
/// per channel (events read, and states written, many per statement).
pub(super) async fn refresh_states(tx: &mut Tx, pairs: &BTreeSet<(Uuid, Uuid)>) -> Result<(), StoreError> {
    let subjects: Vec<Uuid> = pairs.iter().map(|(s, _)| *s).collect::<BTreeSet<_>>().into_iter().collect();
    let mut facts: BTreeMap<(Uuid, Uuid), Vec<ConsentFact>> = pairs.iter().map(|p| (*p, Vec::new())).collect();
    // The notice of each event, for the state that rests on it.
    let mut notices: BTreeMap<i64, Uuid> = BTreeMap::new();
    let sql = "SELECT subject_id, purpose_id, seq, at, action, channels, until_at, notice_id FROM consent_events \
               WHERE subject_id IN ({in})";
    for r in fetch_in(tx, sql, &subjects).await? {
        let Some(list) = facts.get_mut(&(r.get(0)?, r.get(1)?)) else { continue };
        if let Some(n) = r.get::<Option<Uuid>>(7)? {
            notices.insert(r.get(2)?, n);
        }
        let (action, channels): (String, String) = (r.get(4)?, r.get(5)?);
        list.push(ConsentFact {
            seq: r.get(2)?,
            at: from_ms(r.get(3)?),
            action: ConsentAction::parse(&action).ok_or(StoreError::Corrupt("consent action"))?,
            channels: parse_channels(&channels).ok_or(StoreError::Corrupt("consent channels"))?,
            until: r.get::<Option<i64>>(6)?.map(from_ms),
        });
    }
    const COLS: usize = 7;
    let mut states: Vec<Value> = Vec::new();
    for ((subject, purpose), f) in &facts {
        for ch in Channel::ALL {
            let s = fold_all(f, *ch);
            let Some(since) = s.since() else { continue };
            let notice = s.seq().and_then(|q| notices.get(&q).copied());
            states.extend(args![
                *subject,
                *purpose,
                ch.as_str(),
                s.as_str(),
                to_ms(since),
                s.until().map(to_ms),
                notice
            ]);
        }
    }
    for chunk in states.chunks(COLS * (MAX_PARAMS / COLS)) {
        let sql = format!(
            "INSERT INTO consent_state (subject_id, purpose_id, channel, state, since, until_at, notice_id) VALUES {} \
             ON CONFLICT (subject_id, purpose_id, channel) DO UPDATE SET state = excluded.state, since = excluded.since, \
             until_at = excluded.until_at, notice_id = excluded.notice_id",
            values_placeholders(tx.engine(), chunk.len() / COLS, COLS)
        );
        tx.execute(&sql, chunk).await?;
    }
    crate::permissions::refresh(tx, &subjects).await
}
