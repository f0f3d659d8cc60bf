//! What Kith observes, beside what the register declares: how many people
//! each activity applies to by basis, whether retention is enforced, and
//! which recipients actually received data (API integrations from the
//! audit trail, the mail relay).

use crate::{App, Result};
use kith_domain::ropa::Record;
use kith_domain::{PurposeId, RecipientId};
use std::collections::BTreeMap;

/// Observed facts of one activity.
#[derive(Clone, Debug, Default)]
pub struct ActivityFacts {
    /// People by lawful basis (slug → count).
    pub by_basis: BTreeMap<String, i64>,
    /// Disposed of under this purpose's rule at the last sweep.
    pub disposed_last_sweep: Option<u64>,
}

/// What one recipient was observed to receive.
#[derive(Clone, Debug)]
pub struct Receipt {
    pub recipient: Option<RecipientId>,
    /// How: an API token's name, or "mail relay".
    pub channel: String,
    /// People (tokens) or messages (mail relay).
    pub count: i64,
    pub last_at: Option<time::OffsetDateTime>,
}

#[derive(Clone, Debug, Default)]
pub struct Observed {
    pub activities: BTreeMap<PurposeId, ActivityFacts>,
    /// The last retention sweep that finished (not a dry run).
    pub last_sweep: Option<time::OffsetDateTime>,
    pub receipts: Vec<Receipt>,
    pub warnings: Vec<(Option<PurposeId>, String)>,
}

fn people(n: i64) -> String {
    if n == 1 {
        "1 person".into()
    } else {
        format!("{n} people")
    }
}

/// The part of a sweep's stored report the register reads (the report is
/// written by `retention`; reading it here keeps this module below it).
#[derive(serde::Deserialize)]
struct SweepReport {
    rules: BTreeMap<String, SweepRule>,
}

#[derive(serde::Deserialize)]
struct SweepRule {
    count: u64,
}

/// A sweep older than this means retention is not being enforced.
const SWEEP_STALE: time::Duration = time::Duration::days(7);

impl App {
    pub(crate) async fn observe(&self, record: &Record) -> Result<Observed> {
        let now = time::OffsetDateTime::now_utc();
        let mut o = Observed::default();
        let counts = self.store.consent_counts(now).await?;
        let runs = self.store.runs(50).await?;
        let sweep = runs.iter().find(|r| !r.dry_run && r.finished_at.is_some());
        o.last_sweep = sweep.and_then(|r| r.finished_at);
        let report: Option<SweepReport> = sweep.and_then(|r| serde_json::from_str(&r.report).ok());
        for a in &record.activities {
            let facts = ActivityFacts {
                by_basis: counts.bases.get(&a.purpose_id).cloned().unwrap_or_default(),
                disposed_last_sweep: report
                    .as_ref()
                    .and_then(|rep| rep.rules.get(&a.purpose_id.to_string()))
                    .map(|c| c.count),
            };
            let people: i64 = facts.by_basis.values().sum();
            if a.retention_rule.is_some() && people > 0 {
                match o.last_sweep {
                    None => o.warnings.push((
                        Some(a.purpose_id),
                        "a retention rule is declared but no retention sweep has ever finished".into(),
                    )),
                    Some(t) if now - t > SWEEP_STALE => o.warnings.push((
                        Some(a.purpose_id),
                        format!("retention is not being enforced: the last sweep finished on {}", t.date()),
                    )),
                    Some(_) => {}
                }
            }
            o.activities.insert(a.purpose_id, facts);
        }
        self.observe_recipients(record, &mut o).await?;
        Ok(o)
    }

    async fn observe_recipients(&self, record: &Record, o: &mut Observed) -> Result<()> {
        let stored = self.store.recipients().await?;
        let declared = |id: RecipientId| record.activities.iter().any(|a| a.recipients.iter().any(|r| r.id == id));
        let name = |id: RecipientId| {
            stored.iter().find(|r| r.id == id).map(|r| r.recipient.legal_name.clone()).unwrap_or_default()
        };
        for t in self.store.token_receipts().await? {
            match t.recipient {
                None => o.warnings.push((
                    None,
                    format!(
                        "the API integration \u{201c}{}\u{201d} received personal data of {} but is linked to no recipient: declare who uses it",
                        t.token_name,
                        people(t.people)
                    ),
                )),
                Some(r) if !declared(r) => o.warnings.push((
                    None,
                    format!(
                        "{} received personal data of {} (through \u{201c}{}\u{201d}) but no purpose names it as a recipient",
                        name(r),
                        people(t.people),
                        t.token_name
                    ),
                )),
                Some(_) => {}
            }
            o.receipts.push(Receipt {
                recipient: t.recipient,
                channel: format!("API token \u{201c}{}\u{201d}", t.token_name),
                count: t.people,
                last_at: Some(t.last_at),
            });
        }
        let (relayed, last) = self.store.mails_relayed().await?;
        let relay = stored.iter().find(|r| r.recipient.mail_relay);
        if relayed > 0 {
            match (relay, &self.settings.posture.smtp_relay) {
                (None, host) => o.warnings.push((
                    None,
                    format!(
                        "the mail relay{} received {relayed} messages with people's addresses, but no recipient is marked as the mail relay",
                        host.as_deref().map(|h| format!(" ({h})")).unwrap_or_default()
                    ),
                )),
                (Some(r), _) if !declared(r.id) => o.warnings.push((
                    None,
                    format!("{} relays Kith's mail but no purpose names it as a recipient", r.recipient.legal_name),
                )),
                _ => {}
            }
            o.receipts.push(Receipt {
                recipient: relay.map(|r| r.id),
                channel: "mail relay".into(),
                count: relayed,
                last_at: last,
            });
        }
        for r in &stored {
            let relaying = r.recipient.mail_relay && self.settings.posture.smtp_relay.is_some();
            if r.recipient.mail_relay && !relaying && self.store.deployment_posture().await?.is_some() {
                o.warnings.push((
                    None,
                    format!(
                        "{} is marked as the mail relay, but this server sends no mail over SMTP (mail stays in the outbox)",
                        r.recipient.legal_name
                    ),
                ));
            }
            let observable = !r.tokens.is_empty() || relaying;
            let received = o.receipts.iter().any(|x| x.recipient == Some(r.id));
            if observable && !received && declared(r.id) {
                o.warnings.push((
                    None,
                    format!(
                        "{} is declared as a recipient and its integration is linked, but it has received nothing so far",
                        r.recipient.legal_name
                    ),
                ));
            }
            let today = time::OffsetDateTime::now_utc().date();
            for rem in r.recipient.reminders(today) {
                o.warnings.push((None, format!("{}: {}", r.recipient.legal_name, rem.describe())));
            }
            if r.needs_review {
                o.warnings.push((
                    None,
                    format!(
                        "{} was carried over from a purpose's free text: complete its entry",
                        r.recipient.legal_name
                    ),
                ));
            }
        }
        Ok(())
    }
}
