//! The dispatcher: derives webhook events and processor notices from the
//! audit log, in one place. Every write appends audit entries in its own
//! transaction, and entries become visible in sequence order (the audit
//! head row is locked until commit), so reading the entries after a
//! watermark cannot miss a write. The watermark (`webhook_cursor`) moves
//! in the same transaction as the deliveries and notices written, under
//! the cursor row's lock: a batch is dispatched once across servers, and a
//! crash before commit leaves it to be dispatched again.
//!
//! Payloads carry ids and states, never a person's values.

use super::deliveries::enqueue;
use super::notices;
use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row, Tx};
use crate::{args, from_ms, Ctx, Store, StoreError};
use kith_domain::consent::{fold_all, parse_channels, ConsentFact};
use kith_domain::webhooks::{EventType, ProcessorAction};
use kith_domain::ConsentAction;
use kith_domain::SubjectId;
use serde_json::{json, Value};
use uuid::Uuid;

/// An event derived from an audit entry.
#[derive(Clone, Debug)]
pub struct Event {
    pub kind: EventType,
    pub subject: Option<SubjectId>,
    pub data: Value,
}

/// What one dispatch did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Dispatched {
    /// Audit entries read.
    pub entries: usize,
    /// Deliveries queued.
    pub deliveries: usize,
    /// Processor notices created.
    pub notices: usize,
}

struct Entry {
    seq: i64,
    at: i64,
    action: String,
    subject: Option<SubjectId>,
    object_id: Option<String>,
    /// The request (HTTP or job) that wrote the entry.
    request_id: String,
}

/// The standard envelope: type, time, data.
pub fn envelope(kind: EventType, at: time::OffsetDateTime, data: Value) -> String {
    let ts = at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
    json!({ "type": kind.as_str(), "timestamp": ts, "data": data }).to_string()
}

fn sid(s: Option<SubjectId>) -> Value {
    s.map(|s| Value::String(s.to_string())).unwrap_or(Value::Null)
}

/// The events an audit entry stands for (none for most).
async fn events_of(tx: &mut Tx, e: &Entry) -> Result<Vec<Event>, StoreError> {
    let subject = e.subject;
    let simple = |kind: EventType| vec![Event { kind, subject, data: json!({ "subject_id": sid(subject) }) }];
    Ok(match e.action.as_str() {
        "contact.create" => simple(EventType::ContactCreated),
        "contact.update" | "contact.bulk_update" | "contact.field_purge" => simple(EventType::ContactUpdated),
        "restriction.set" => simple(EventType::SubjectRestricted),
        "restriction.lift" => simple(EventType::SubjectUnrestricted),
        "contact.delete" | "retention.delete" | "retention.anonymise" => simple(EventType::SubjectErased),
        "objection.record" => {
            let purpose = e.object_id.clone();
            let decision = match (subject, purpose.as_deref().and_then(|p| Uuid::parse_str(p).ok())) {
                (Some(s), Some(p)) => objection_decision(tx, e, s, p).await?,
                _ => None,
            };
            vec![Event {
                kind: EventType::SubjectObjected,
                subject,
                data: json!({ "subject_id": sid(subject), "purpose_id": purpose, "decision": decision }),
            }]
        }
        "consent.record" => consent_events(tx, e).await?,
        "dsr.change" => dsr_completed(tx, e).await?,
        "breach.create" => {
            vec![Event { kind: EventType::BreachRecorded, subject: None, data: json!({ "breach_id": e.object_id }) }]
        }
        _ => Vec::new(),
    })
}

/// The objection's decision as this entry recorded it: the stored one if
/// no later entry changed it; `None` when a later change or an erasure
/// hides it (the audit entry holds ids only, not the decision).
async fn objection_decision(tx: &mut Tx, e: &Entry, s: SubjectId, p: Uuid) -> Result<Option<String>, StoreError> {
    let Some(r) = tx
        .fetch_optional("SELECT decision FROM objections WHERE subject_id = $1 AND purpose_id = $2", &args![s.0, p])
        .await?
    else {
        return Ok(None);
    };
    let decision: String = r.get(0)?;
    let later = tx
        .fetch_optional(
            "SELECT seq FROM audit_log WHERE action = 'objection.record' AND subject_id = $1 AND object_id = $2 \
             AND seq > $3 LIMIT 1",
            &args![s.0, p.to_string(), e.seq],
        )
        .await?;
    Ok(later.is_none().then_some(decision))
}

/// `consent.changed` for each channel of the consent event, and
/// `subscription.changed` when the purpose has a subscription type.
async fn consent_events(tx: &mut Tx, e: &Entry) -> Result<Vec<Event>, StoreError> {
    let Some(seq) = e.object_id.as_deref().and_then(|s| s.parse::<i64>().ok()) else { return Ok(Vec::new()) };
    let Some(r) = tx
        .fetch_optional(
            "SELECT subject_id, purpose_id, action, channels FROM consent_events WHERE seq = $1",
            &args![seq],
        )
        .await?
    else {
        return Ok(Vec::new());
    };
    let (subject, purpose, action, channels): (Uuid, Uuid, String, String) =
        (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
    let subscription = tx
        .fetch_optional("SELECT id FROM subscription_types WHERE purpose_id = $1", &args![purpose])
        .await?
        .map(|r| r.get::<Uuid>(0))
        .transpose()?;
    // The state as of this event, folded from the ledger up to its seq
    // (not the state now, which later events or an erasure changed).
    let facts = ledger_until(tx, subject, purpose, seq).await?;
    let at = from_ms(e.at);
    let mut out = Vec::new();
    for ch in parse_channels(&channels).unwrap_or_default() {
        let folded = fold_all(&facts, ch).at(at);
        let state = folded.since().map(|_| folded.as_str());
        let data = json!({
            "subject_id": subject.to_string(),
            "purpose_id": purpose.to_string(),
            "channel": ch.as_str(),
            "action": action,
            "state": state,
            "consent_event_seq": seq,
        });
        if let Some(sub) = subscription {
            let mut d = data.clone();
            d["subscription_type_id"] = Value::String(sub.to_string());
            out.push(Event { kind: EventType::SubscriptionChanged, subject: Some(SubjectId(subject)), data: d });
        }
        out.push(Event { kind: EventType::ConsentChanged, subject: Some(SubjectId(subject)), data });
    }
    Ok(out)
}

/// The consent ledger of (subject, purpose) up to and including `seq`.
async fn ledger_until(tx: &mut Tx, subject: Uuid, purpose: Uuid, seq: i64) -> Result<Vec<ConsentFact>, StoreError> {
    let rows = tx
        .fetch_all(
            "SELECT seq, at, action, channels, until_at FROM consent_events \
             WHERE subject_id = $1 AND purpose_id = $2 AND seq <= $3",
            &args![subject, purpose, seq],
        )
        .await?;
    let mut out = Vec::new();
    for r in &rows {
        let (action, channels): (String, String) = (r.get(2)?, r.get(3)?);
        out.push(ConsentFact {
            seq: r.get(0)?,
            at: from_ms(r.get(1)?),
            action: ConsentAction::parse(&action).ok_or(StoreError::Corrupt("consent action"))?,
            channels: parse_channels(&channels).ok_or(StoreError::Corrupt("consent channels"))?,
            until: r.get::<Option<i64>>(4)?.map(from_ms),
        });
    }
    Ok(out)
}

/// `dsr.completed`, for the entry that completed the request: the request
/// is completed and no later entry changed it (a final request never
/// changes again, so that entry is the completion).
async fn dsr_completed(tx: &mut Tx, e: &Entry) -> Result<Vec<Event>, StoreError> {
    let Some(id) = e.object_id.as_deref().and_then(|s| Uuid::parse_str(s).ok()) else { return Ok(Vec::new()) };
    let Some(r) = tx.fetch_optional("SELECT status, kind FROM dsr_requests WHERE id = $1", &args![id]).await? else {
        return Ok(Vec::new());
    };
    let (status, kind): (String, String) = (r.get(0)?, r.get(1)?);
    if status != "completed" {
        return Ok(Vec::new());
    }
    let later = tx
        .fetch_optional(
            "SELECT seq FROM audit_log WHERE action = 'dsr.change' AND object_id = $1 AND seq > $2 LIMIT 1",
            &args![id.to_string(), e.seq],
        )
        .await?;
    if later.is_some() {
        return Ok(Vec::new());
    }
    Ok(vec![Event {
        kind: EventType::DsrCompleted,
        subject: e.subject,
        data: json!({ "request_id": id.to_string(), "subject_id": sid(e.subject), "kind": kind }),
    }])
}

/// What a processor must be told of for an entry (Art. 19), and the kind
/// of request it carries out.
fn processor_action(e: &Entry, events: &[Event]) -> Option<(ProcessorAction, &'static str)> {
    match e.action.as_str() {
        "contact.delete" => Some((ProcessorAction::Erasure, "erasure")),
        "restriction.set" => Some((ProcessorAction::Restriction, "restriction")),
        "restriction.lift" => Some((ProcessorAction::Lift, "restriction")),
        "dsr.change" => events.iter().find(|ev| ev.kind == EventType::DsrCompleted).and_then(|ev| {
            (ev.data["kind"] == "rectification").then_some((ProcessorAction::Rectification, "rectification"))
        }),
        _ => None,
    }
}

impl Store {
    /// Reads up to `limit` audit entries after the watermark and writes
    /// their deliveries and processor notices (due `ack_ms` after now).
    pub async fn dispatch_webhooks(&self, ctx: &Ctx, limit: i64, ack_ms: i64) -> Result<Dispatched, StoreError> {
        // A read first: a server with nothing new to dispatch takes no
        // write lock (the job asks every few seconds on every server).
        let behind = self
            .pools
            .read
            .conn()
            .await?
            .fetch_optional("SELECT h.seq - c.seq FROM audit_head h, webhook_cursor c WHERE h.id = 1 AND c.id = 1", &[])
            .await?
            .map(|r| r.get::<i64>(0))
            .transpose()?;
        if behind == Some(0) {
            return Ok(Dispatched::default());
        }
        let mut tx = self.pools.write.begin().await?;
        let after: i64 = tx
            .fetch_optional("UPDATE webhook_cursor SET seq = seq WHERE id = 1 RETURNING seq", &[])
            .await?
            .ok_or(StoreError::Corrupt("webhook cursor missing"))?
            .get(0)?;
        let rows = tx
            .fetch_all(
                "SELECT seq, at, action, subject_id, object_id, request_id FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
                &args![after, limit],
            )
            .await?;
        let entries: Vec<Entry> = rows.iter().map(entry).collect::<Result<_, _>>()?;
        let Some(last) = entries.last().map(|e| e.seq) else { return Ok(Dispatched::default()) };
        // Every endpoint, paused or not: a paused endpoint's deliveries wait
        // (claims skip them) and go out when it is active again.
        let endpoints: Vec<(Uuid, Vec<EventType>, Option<Uuid>, bool)> =
            self.webhooks().await?.into_iter().map(|e| (e.id, e.events, e.recipient.map(|r| r.0), e.active)).collect();
        let processors = notices::processors(&mut tx).await?;
        let mut out = Dispatched { entries: entries.len(), ..Dispatched::default() };
        let mut audit_entries = Vec::new();
        for e in &entries {
            let events = events_of(&mut tx, e).await?;
            let at = from_ms(e.at);
            for ev in &events {
                let payload = envelope(ev.kind, at, ev.data.clone());
                let event_id = Uuid::now_v7();
                for (id, subscribed, _, _) in &endpoints {
                    if subscribed.contains(&ev.kind) {
                        enqueue(&mut tx, *id, event_id, ev.kind, ev.subject, &payload).await?;
                        out.deliveries += 1;
                    }
                }
            }
            let (Some((action, kind)), Some(subject)) = (processor_action(e, &events), e.subject) else { continue };
            let request = match (e.action.as_str(), e.object_id.as_deref()) {
                ("dsr.change", Some(id)) => Uuid::parse_str(id).ok(),
                _ => request_of(&mut tx, e, subject, kind).await?,
            };
            for p in &processors {
                // A processor's request goes through its active endpoint, else by mail.
                let endpoint =
                    endpoints.iter().find(|(_, _, r, active)| *active && *r == Some(p.id)).map(|(id, _, _, _)| *id);
                let n = notices::create(&mut tx, p, endpoint, request, action, subject, e.at, ack_ms).await?;
                audit_entries.push(NewEntry {
                    action: "processor.notice",
                    subject: Some(subject),
                    object_type: "processor_notice",
                    object_id: Some(n.to_string()),
                });
                out.notices += 1;
            }
        }
        tx.execute("UPDATE webhook_cursor SET seq = $1 WHERE id = 1", &args![last]).await?;
        audit::append(&mut tx, ctx, &audit_entries).await?;
        tx.commit().await?;
        Ok(out)
    }
}

fn entry(r: &Row) -> Result<Entry, StoreError> {
    Ok(Entry {
        seq: r.get(0)?,
        at: r.get(1)?,
        action: r.get(2)?,
        subject: r.get::<Option<Uuid>>(3)?.map(SubjectId),
        object_id: r.get(4)?,
        request_id: r.get(5)?,
    })
}

/// The request of `kind` the change carries out: the one the same
/// operation (same request id) changed in the register — a performed
/// request — else the person's newest request of that kind that was open
/// at the change, or completed at or after it. Never a rejected or
/// withdrawn one, nor one closed before the change (then none).
async fn request_of(tx: &mut Tx, e: &Entry, subject: SubjectId, kind: &str) -> Result<Option<Uuid>, StoreError> {
    let same_op = tx
        .fetch_all(
            "SELECT object_id FROM audit_log WHERE action = 'dsr.change' AND request_id = $1 AND subject_id = $2",
            &args![e.request_id.as_str(), subject.0],
        )
        .await?;
    for r in &same_op {
        let Some(id) = r.get::<Option<String>>(0)?.and_then(|s| Uuid::parse_str(&s).ok()) else { continue };
        let found = tx
            .fetch_optional(
                "SELECT id FROM dsr_requests WHERE id = $1 AND kind = $2 AND status NOT IN ('rejected', 'withdrawn')",
                &args![id, kind],
            )
            .await?;
        if found.is_some() {
            return Ok(Some(id));
        }
    }
    tx.fetch_optional(
        "SELECT id FROM dsr_requests WHERE subject_id = $1 AND kind = $2 AND received_at <= $3 \
         AND (status NOT IN ('completed', 'rejected', 'withdrawn') OR (status = 'completed' AND updated_at >= $3)) \
         ORDER BY received_at DESC, id DESC LIMIT 1",
        &args![subject.0, kind, e.at],
    )
    .await?
    .map(|r| r.get::<Uuid>(0))
    .transpose()
}
