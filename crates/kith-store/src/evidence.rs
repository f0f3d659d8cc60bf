//! Reads for the evidence pack that no other module offers: the request
//! register over a period, the breach register with its history and
//! notices, consent events counted per purpose, action and notice, the
//! retention runs of a period and the heads of both hash chains as they
//! stood at a moment. Read only; nothing here writes.
//!
//! The breach tables belong to the breach register (migration 0019); this
//! module reads them as stored and never returns who was affected or
//! notified, only how many.

use crate::db::{Exec, Row};
use crate::retention::RunRecord;
use crate::{args, from_ms, Store, StoreError};
use kith_domain::dsr::DsrStatus;
use kith_domain::SubjectId;
use uuid::Uuid;

/// A data-subject request as the pack states it: no free text but the
/// outcome (which holds no personal data), no notes.
#[derive(Clone, Debug)]
pub struct RequestRecord {
    pub id: Uuid,
    /// Pseudonymised by the app before it leaves Kith.
    pub subject: SubjectId,
    pub kind: String,
    pub channel: String,
    pub received_at: time::OffsetDateTime,
    pub status: String,
    pub verified: String,
    pub extension_months: i64,
    pub outcome: Option<String>,
    /// Status changes (time, status), oldest first.
    pub changes: Vec<(time::OffsetDateTime, DsrStatus)>,
}

/// One entry of a breach's history.
#[derive(Clone, Debug)]
pub struct BreachChange {
    pub seq: i64,
    pub at: time::OffsetDateTime,
    /// `user:<id>`, `cli` or `system`: pseudonymised by the app.
    pub actor: String,
    pub change: String,
    /// JSON as stored.
    pub detail: String,
}

/// A notice of a breach, with the number of people it was mailed to.
#[derive(Clone, Debug)]
pub struct BreachNoticeRecord {
    pub id: Uuid,
    pub audience: String,
    pub kind: String,
    pub follows: Option<Uuid>,
    pub authority: Option<String>,
    /// JSON as sent.
    pub body: String,
    /// SHA-256 of the body as recorded, hex.
    pub content_hash: String,
    pub sent_at: Option<time::OffsetDateTime>,
    pub delay_reason: Option<String>,
    pub created_at: time::OffsetDateTime,
    /// People the notice was mailed to (a count, never who).
    pub people: i64,
}

/// A breach as stored, with its history and notices up to a moment.
#[derive(Clone, Debug)]
pub struct BreachRecord {
    pub id: Uuid,
    pub reference: String,
    pub title: String,
    /// The checked record, JSON as stored.
    pub body: String,
    pub detected_at: Option<time::OffsetDateTime>,
    pub aware_at: Option<time::OffsetDateTime>,
    pub aware_evidence: Option<String>,
    pub status: String,
    pub closed_at: Option<time::OffsetDateTime>,
    pub created_at: time::OffsetDateTime,
    pub updated_at: time::OffsetDateTime,
    /// People linked as affected now (a count).
    pub affected: i64,
    /// Frozen query counts: (people, breakdown JSON, result hash hex, frozen at).
    pub queries: Vec<(i64, String, String, time::OffsetDateTime)>,
    pub history: Vec<BreachChange>,
    pub notices: Vec<BreachNoticeRecord>,
}

/// Consent events of one purpose, action and notice in a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentTally {
    pub purpose: Uuid,
    pub action: String,
    pub notice: Option<Uuid>,
    pub events: i64,
    /// Distinct people (a count).
    pub people: i64,
    pub first_at: time::OffsetDateTime,
    pub last_at: time::OffsetDateTime,
}

/// A chain's head: the sequence number and hash (hex) of its last entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub seq: i64,
    pub hash: String,
}

/// The heads of the audit chain and the consent ledger, now and as of a moment.
#[derive(Clone, Debug)]
pub struct ChainHeads {
    pub audit_now: Head,
    pub audit_as_of: Head,
    pub consent_now: Head,
    pub consent_as_of: Head,
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|b| format!("{b:02x}")).collect()
}

/// The head before any entry: sequence 0 and 32 zero bytes, as the head rows start.
fn genesis() -> Head {
    Head { seq: 0, hash: "0".repeat(64) }
}

fn head(r: Option<Row>) -> Result<Head, StoreError> {
    match r {
        Some(r) => Ok(Head { seq: r.get(0)?, hash: hex(&r.get::<Vec<u8>>(1)?) }),
        None => Ok(genesis()),
    }
}

fn opt_time(r: &Row, i: usize) -> Result<Option<time::OffsetDateTime>, StoreError> {
    Ok(r.get::<Option<i64>>(i)?.map(from_ms))
}

impl Store {
    /// Requests received between `from` and `to` (stored ms, inclusive),
    /// oldest first, with their status changes up to `to`.
    pub async fn evidence_requests(&self, from: i64, to: i64) -> Result<Vec<RequestRecord>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = c
            .fetch_all(
                "SELECT id, subject_id, kind, channel, received_at, status, verified, extension_months, outcome \
                 FROM dsr_requests WHERE received_at >= $1 AND received_at <= $2 ORDER BY received_at, id",
                &args![from, to],
            )
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            out.push(RequestRecord {
                id: r.get(0)?,
                subject: SubjectId(r.get(1)?),
                kind: r.get(2)?,
                channel: r.get(3)?,
                received_at: from_ms(r.get(4)?),
                status: r.get(5)?,
                verified: r.get(6)?,
                extension_months: r.get(7)?,
                outcome: r.get(8)?,
                changes: Vec::new(),
            });
        }
        drop(c);
        let ids: Vec<Uuid> = out.iter().map(|d| d.id).collect();
        for (id, at, status) in self.dsr_status_changes(&ids).await? {
            if crate::to_ms(at) > to {
                continue;
            }
            if let Some(d) = out.iter_mut().find(|d| d.id == id) {
                d.changes.push((at, status));
            }
        }
        Ok(out)
    }

    /// Breaches recorded by `to` (stored ms), by reference, each with its
    /// history and notices up to `to` and counts of the people involved.
    pub async fn evidence_breaches(&self, to: i64) -> Result<Vec<BreachRecord>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = c
            .fetch_all(
                "SELECT id, reference, title, body, detected_at, aware_at, aware_evidence, status, closed_at, \
                 created_at, updated_at FROM breaches WHERE created_at <= $1 ORDER BY reference, id",
                &args![to],
            )
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: Uuid = r.get(0)?;
            let affected: i64 = c
                .fetch_optional("SELECT COUNT(*) FROM breach_affected WHERE breach_id = $1", &args![id])
                .await?
                .map(|r| r.get(0))
                .transpose()?
                .unwrap_or(0);
            let queries = c
                .fetch_all(
                    "SELECT people, breakdown, result_hash, frozen_at FROM breach_queries \
                     WHERE breach_id = $1 AND frozen_at <= $2 ORDER BY frozen_at, id",
                    &args![id, to],
                )
                .await?
                .iter()
                .map(|q| Ok((q.get(0)?, q.get(1)?, hex(&q.get::<Vec<u8>>(2)?), from_ms(q.get(3)?))))
                .collect::<Result<Vec<_>, StoreError>>()?;
            let history = c
                .fetch_all(
                    "SELECT seq, at, actor, change, detail FROM breach_history \
                     WHERE breach_id = $1 AND at <= $2 ORDER BY seq",
                    &args![id, to],
                )
                .await?
                .iter()
                .map(|h| {
                    Ok(BreachChange {
                        seq: h.get(0)?,
                        at: from_ms(h.get(1)?),
                        actor: h.get(2)?,
                        change: h.get(3)?,
                        detail: h.get(4)?,
                    })
                })
                .collect::<Result<Vec<_>, StoreError>>()?;
            let notices = c
                .fetch_all(
                    "SELECT n.id, n.audience, n.kind, n.follows, n.authority, n.body, n.content_hash, n.sent_at, \
                     n.delay_reason, n.created_at, \
                     (SELECT COUNT(*) FROM breach_notice_people p WHERE p.notice_id = n.id) \
                     FROM breach_notices n WHERE n.breach_id = $1 AND n.created_at <= $2 ORDER BY n.created_at, n.id",
                    &args![id, to],
                )
                .await?
                .iter()
                .map(|n| {
                    Ok(BreachNoticeRecord {
                        id: n.get(0)?,
                        audience: n.get(1)?,
                        kind: n.get(2)?,
                        follows: n.get(3)?,
                        authority: n.get(4)?,
                        body: n.get(5)?,
                        content_hash: hex(&n.get::<Vec<u8>>(6)?),
                        sent_at: opt_time(n, 7)?,
                        delay_reason: n.get(8)?,
                        created_at: from_ms(n.get(9)?),
                        people: n.get(10)?,
                    })
                })
                .collect::<Result<Vec<_>, StoreError>>()?;
            out.push(BreachRecord {
                id,
                reference: r.get(1)?,
                title: r.get(2)?,
                body: r.get(3)?,
                detected_at: opt_time(r, 4)?,
                aware_at: opt_time(r, 5)?,
                aware_evidence: r.get(6)?,
                status: r.get(7)?,
                closed_at: opt_time(r, 8)?,
                created_at: from_ms(r.get(9)?),
                updated_at: from_ms(r.get(10)?),
                affected,
                queries,
                history,
                notices,
            });
        }
        Ok(out)
    }

    /// Consent events that happened between `from` and `to` (stored ms,
    /// inclusive) and were recorded by `to`, counted per purpose, action
    /// and notice.
    pub async fn evidence_consent_tallies(&self, from: i64, to: i64) -> Result<Vec<ConsentTally>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT purpose_id, action, notice_id, COUNT(*), COUNT(DISTINCT subject_id), MIN(at), MAX(at) \
                 FROM consent_events WHERE at >= $1 AND at <= $2 AND recorded_at <= $2 \
                 GROUP BY purpose_id, action, notice_id",
                &args![from, to],
            )
            .await?;
        let mut out = rows
            .iter()
            .map(|r| {
                Ok(ConsentTally {
                    purpose: r.get(0)?,
                    action: r.get(1)?,
                    notice: r.get(2)?,
                    events: r.get(3)?,
                    people: r.get(4)?,
                    first_at: from_ms(r.get(5)?),
                    last_at: from_ms(r.get(6)?),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        out.sort_by(|a, b| (a.purpose, &a.action, a.notice).cmp(&(b.purpose, &b.action, b.notice)));
        Ok(out)
    }

    /// Retention runs started between `from` and `to` (stored ms), oldest first.
    pub async fn evidence_retention_runs(&self, from: i64, to: i64) -> Result<Vec<RunRecord>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT id, dry_run, started_by, started_at, finished_at, checked, report FROM retention_runs \
                 WHERE started_at >= $1 AND started_at <= $2 ORDER BY started_at, id",
                &args![from, to],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(RunRecord {
                    id: r.get(0)?,
                    dry_run: r.get(1)?,
                    started_by: r.get(2)?,
                    started_at: from_ms(r.get(3)?),
                    finished_at: opt_time(r, 4)?,
                    checked: r.get(5)?,
                    report: r.get(6)?,
                })
            })
            .collect()
    }

    /// The heads of the audit chain and the consent ledger now, and as of
    /// `at` (stored ms): the last entry written at or before it (the
    /// genesis head, sequence 0 and zero hash, if none was).
    pub async fn evidence_heads(&self, at: i64) -> Result<ChainHeads, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let audit_now = head(c.fetch_optional("SELECT seq, hash FROM audit_head WHERE id = 1", &[]).await?)?;
        let consent_now = head(c.fetch_optional("SELECT seq, hash FROM consent_head WHERE id = 1", &[]).await?)?;
        let audit_as_of = head(
            c.fetch_optional("SELECT seq, hash FROM audit_log WHERE at <= $1 ORDER BY seq DESC LIMIT 1", &args![at])
                .await?,
        )?;
        let consent_as_of = head(
            c.fetch_optional(
                "SELECT seq, hash FROM consent_events WHERE recorded_at <= $1 ORDER BY seq DESC LIMIT 1",
                &args![at],
            )
            .await?,
        )?;
        Ok(ChainHeads { audit_now, audit_as_of, consent_now, consent_as_of })
    }
}
