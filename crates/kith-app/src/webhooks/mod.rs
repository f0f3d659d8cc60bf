//! Webhooks (admin): endpoints with a signing secret shown once, the
//! delivery log, manual redelivery and a test ping; and the job that
//! derives events from the audit log and delivers them, signed per the
//! Standard Webhooks convention, with exponential back-off.

pub mod client;
pub mod processors;
pub mod sign;

use crate::purposes::text;
use crate::{check_limit, missing, App, AppError, Principal, Result};
use futures_util::StreamExt;
use kith_domain::webhooks::{parse_target, EventType, TargetPolicy};
use kith_domain::{Invalid, RecipientId};
use kith_store::webhooks::deliveries::Claimed;
pub use kith_store::webhooks::deliveries::Delivery;
pub use kith_store::webhooks::notices::Notice;
pub use kith_store::webhooks::Endpoint;
use kith_store::webhooks::EndpointInput;
use std::collections::HashMap;
use std::net::IpAddr;
use uuid::Uuid;

/// How the server treats webhooks (`kith serve` flags).
#[derive(Clone, Debug)]
pub struct WebhookSettings {
    /// `--webhook-allow-http`, `--webhook-allow-private`.
    pub policy: TargetPolicy,
    /// Days a processor has to acknowledge a request before it shows as overdue.
    pub ack_days: i64,
    /// Host names answered without DNS (tests), each with its addresses.
    pub hosts: Vec<(String, Vec<IpAddr>)>,
}

impl Default for WebhookSettings {
    fn default() -> Self {
        WebhookSettings { policy: TargetPolicy::default(), ack_days: 30, hosts: Vec::new() }
    }
}

/// Attempts before a delivery is marked failed (an admin may redeliver).
pub const MAX_ATTEMPTS: i64 = 8;
/// Longer than a claimed batch can take (20 deliveries × 15 s = 5 min)
/// with as much again to spare; an outcome is recorded only under the
/// lease it was claimed with, so a sender that overran records nothing.
const LEASE_MS: i64 = 600_000;
/// Deliveries claimed at once.
const BATCH: i64 = 20;
/// Endpoints delivered to at the same time.
const ENDPOINTS_AT_ONCE: usize = 4;
/// Deliveries to one endpoint per run: a busy endpoint leaves room for the others.
const PER_ENDPOINT_RUN: usize = 100;

/// Delay before retry `attempt` (1-based): 30 s, 1 min, 2 min… capped at
/// 6 h, plus up to a fifth more at random so failed receivers are not hit
/// by every server at once.
pub fn backoff_ms(attempt: i64, jitter: u32) -> i64 {
    let base = (30_000i64 << (attempt - 1).clamp(0, 16)).min(6 * 3600 * 1000);
    base + base * i64::from(jitter % 1000) / 5000
}

fn random_u32() -> u32 {
    let mut b = [0u8; 4];
    let _ = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut b);
    u32::from_be_bytes(b)
}

/// What an admin sends to create or change an endpoint.
#[derive(Clone, Debug, Default)]
pub struct WebhookInput {
    pub url: String,
    pub description: String,
    /// Event type names (`consent.changed`…).
    pub events: Vec<String>,
    /// The recipient of the register this endpoint belongs to: a
    /// processor's Art. 19 requests go to it.
    pub recipient: Option<Uuid>,
    pub active: bool,
}

/// What a run of the webhook job did.
#[derive(Clone, Copy, Debug, Default)]
pub struct WebhookRun {
    pub entries: usize,
    pub queued: usize,
    pub delivered: usize,
    pub failed: usize,
    pub notices: usize,
    pub mailed: usize,
}

impl std::fmt::Display for WebhookRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} audit entries read, {} deliveries queued, {} delivered, {} failed attempts, {} processor requests, {} mailed",
            self.entries, self.queued, self.delivered, self.failed, self.notices, self.mailed
        )
    }
}

impl App {
    fn webhook_input(&self, w: WebhookInput) -> Result<EndpointInput> {
        let mut inv = Invalid::default();
        if let Err(e) = parse_target(&w.url, self.settings.webhooks.policy) {
            inv.0.extend(e.0);
        }
        text(&mut inv, "description", &w.description, 0, 500, false);
        let mut events = Vec::new();
        for e in &w.events {
            match EventType::parse(e.trim()).filter(|e| EventType::subscribable().any(|s| s == *e)) {
                Some(e) if !events.contains(&e) => events.push(e),
                Some(_) => {}
                None => inv.push("events", format!("unknown event type; one of {}", subscribable_list())),
            }
        }
        if events.is_empty() && w.recipient.is_none() {
            inv.push("events", "choose at least one event (or link the endpoint to a processor)");
        }
        inv.into_result()?;
        Ok(EndpointInput {
            url: w.url.trim().to_owned(),
            description: w.description.trim().to_owned(),
            events,
            recipient: w.recipient.map(RecipientId),
            active: w.active,
        })
    }

    /// Every endpoint (admin).
    pub async fn webhooks(&self, p: &Principal) -> Result<Vec<Endpoint>> {
        p.require(p.role.can_administer(), "manage webhooks")?;
        Ok(self.store.webhooks().await?)
    }

    pub async fn webhook(&self, p: &Principal, id: Uuid) -> Result<Endpoint> {
        p.require(p.role.can_administer(), "manage webhooks")?;
        self.store.get_webhook(id).await?.ok_or(AppError::NotFound("webhook"))
    }

    /// Registers an endpoint; returns it and its secret (`whsec_…`), which
    /// is shown this once and stored only sealed.
    pub async fn create_webhook(&self, p: &Principal, w: WebhookInput) -> Result<(Endpoint, String)> {
        p.require(p.role.can_administer(), "manage webhooks")?;
        let e = self.webhook_input(w)?;
        let id = Uuid::now_v7();
        let secret = sign::new_secret();
        self.store.insert_webhook(&p.ctx(), id, &e, &secret).await?;
        Ok((self.webhook(p, id).await?, sign::display(&secret)))
    }

    pub async fn update_webhook(&self, p: &Principal, id: Uuid, w: WebhookInput) -> Result<Endpoint> {
        p.require(p.role.can_administer(), "manage webhooks")?;
        let e = self.webhook_input(w)?;
        self.store.update_webhook(&p.ctx(), id, &e).await.map_err(AppError::from).map_err(missing("webhook"))?;
        self.webhook(p, id).await
    }

    pub async fn delete_webhook(&self, p: &Principal, id: Uuid) -> Result<()> {
        p.require(p.role.can_administer(), "manage webhooks")?;
        self.store.delete_webhook(&p.ctx(), id).await.map_err(AppError::from).map_err(missing("webhook"))
    }

    /// An endpoint's delivery log, newest first.
    pub async fn webhook_deliveries(&self, p: &Principal, id: Uuid, limit: Option<i64>) -> Result<Vec<Delivery>> {
        self.webhook(p, id).await?;
        Ok(self.store.webhook_deliveries(id, check_limit(limit)?).await?)
    }

    /// Sends a delivery again, from its first attempt.
    pub async fn redeliver_webhook(&self, p: &Principal, id: Uuid, delivery: Uuid) -> Result<()> {
        p.require(p.role.can_administer(), "manage webhooks")?;
        self.store.redeliver_webhook(&p.ctx(), id, delivery).await.map_err(AppError::from).map_err(missing("delivery"))
    }

    /// Queues a `ping` to the endpoint; returns the delivery's id.
    pub async fn test_webhook(&self, p: &Principal, id: Uuid) -> Result<Uuid> {
        p.require(p.role.can_administer(), "manage webhooks")?;
        let payload = kith_store::webhooks::dispatch::envelope(
            EventType::Ping,
            time::OffsetDateTime::now_utc(),
            serde_json::json!({ "endpoint_id": id.to_string() }),
        );
        self.store
            .queue_webhook(&p.ctx(), id, EventType::Ping, &payload)
            .await
            .map_err(AppError::from)
            .map_err(missing("webhook"))
    }

    /// The job: derives events from the audit log, delivers what is due,
    /// and mails processor requests. Safe on every server at once.
    pub async fn run_webhooks(&self, transport: &crate::mailer::Transport) -> Result<WebhookRun> {
        let ctx =
            kith_store::Ctx { actor: "system:webhooks".into(), request_id: Uuid::now_v7().to_string(), token: None };
        let mut run = WebhookRun::default();
        let ack_ms = self.ack_ms();
        loop {
            let d = self.store.dispatch_webhooks(&ctx, 500, ack_ms).await?;
            run.entries += d.entries;
            run.queued += d.deliveries;
            run.notices += d.notices;
            if d.entries < 500 {
                break;
            }
        }
        // Upkeep: the log keeps a month (processor requests' rows stay).
        self.store.purge_webhook_deliveries(kith_store::now_ms() - 30 * 24 * 3600 * 1000).await?;
        // Processor mails first: a slow webhook receiver does not hold them up.
        run.mailed = self.mail_processor_notices(transport).await?;
        let mut per_endpoint: HashMap<Uuid, usize> = HashMap::new();
        loop {
            let claimed = self.store.claim_webhook_deliveries(BATCH, LEASE_MS).await?;
            let n = claimed.len();
            // Endpoints at once (a few), each endpoint's deliveries in order;
            // an endpoint past its share of this run waits for the next.
            let mut groups: Vec<(Uuid, Vec<Claimed>)> = Vec::new();
            let mut later = Vec::new();
            for c in claimed {
                let count = per_endpoint.entry(c.delivery.endpoint_id).or_default();
                if *count >= PER_ENDPOINT_RUN {
                    later.push(c);
                    continue;
                }
                *count += 1;
                match groups.iter_mut().find(|(e, _)| *e == c.delivery.endpoint_id) {
                    Some((_, g)) => g.push(c),
                    None => groups.push((c.delivery.endpoint_id, vec![c])),
                }
            }
            let next_run = kith_store::now_ms() + 60_000;
            for c in later {
                self.store.webhook_release(c.delivery.id, c.lease, next_run).await?;
            }
            let results: Vec<Result<(usize, usize)>> = futures_util::stream::iter(groups)
                .map(|(_, g)| self.deliver_endpoint(g))
                .buffer_unordered(ENDPOINTS_AT_ONCE)
                .collect()
                .await;
            for r in results {
                let (ok, failed) = r?;
                run.delivered += ok;
                run.failed += failed;
            }
            if n < BATCH as usize {
                break;
            }
        }
        Ok(run)
    }

    /// One endpoint's claimed deliveries, in order; after an attempt that
    /// got no answer the rest are given back (not attempted) with the same
    /// back-off, so an unreachable endpoint costs one timeout per run.
    async fn deliver_endpoint(&self, group: Vec<Claimed>) -> Result<(usize, usize)> {
        let (mut ok, mut failed) = (0, 0);
        let mut rest = group.into_iter();
        while let Some(c) = rest.next() {
            match self.deliver(c).await? {
                Delivered::Yes => ok += 1,
                Delivered::No => failed += 1,
                Delivered::Unreachable(retry_at) => {
                    failed += 1;
                    for c in rest.by_ref() {
                        self.store.webhook_release(c.delivery.id, c.lease, retry_at).await?;
                    }
                }
            }
        }
        Ok((ok, failed))
    }

    /// The time a processor has to acknowledge a request, from its sending.
    pub(crate) fn ack_ms(&self) -> i64 {
        self.settings.webhooks.ack_days.max(1) * 24 * 3600 * 1000
    }

    /// One attempt.
    async fn deliver(&self, c: Claimed) -> Result<Delivered> {
        let d = &c.delivery;
        let Some(endpoint) = self.store.get_webhook(d.endpoint_id).await? else { return Ok(Delivered::No) };
        let due = kith_store::now_ms() + self.ack_ms();
        let body = match d.event_type.as_str() {
            "processor.request" => self.with_ack_url(&c.payload, due).await?,
            _ => c.payload.clone(),
        };
        let secret = self.store.webhook_secret(d.endpoint_id).await?;
        let id = d.event_id.to_string();
        let ts = time::OffsetDateTime::now_utc().unix_timestamp();
        let headers = [
            ("webhook-id", id.clone()),
            ("webhook-timestamp", ts.to_string()),
            ("webhook-signature", sign::signature(&secret, &id, ts, &body)),
        ];
        let w = &self.settings.webhooks;
        match client::post(&endpoint.url, &headers, &body, w.policy, &w.hosts).await {
            Ok(status) => {
                let recorded = self.store.webhook_delivered(d.id, c.lease, i64::from(status), due).await?;
                Ok(if recorded { Delivered::Yes } else { Delivered::No })
            }
            Err(f) => {
                // A refused destination will not become allowed by waiting.
                let give_up = d.attempts >= MAX_ATTEMPTS || matches!(f, client::Failure::Refused(_));
                let retry_at = kith_store::now_ms() + backoff_ms(d.attempts, random_u32());
                let retry = (!give_up).then_some(retry_at);
                tracing::warn!(webhook.delivery = %d.id, attempts = d.attempts, error = %f.describe(), "webhook not delivered");
                self.store.webhook_attempt_failed(d.id, c.lease, f.status(), &f.describe(), retry).await?;
                Ok(match f {
                    client::Failure::Network(_) => Delivered::Unreachable(retry_at),
                    _ => Delivered::No,
                })
            }
        }
    }
}

/// The outcome of one attempt.
enum Delivered {
    Yes,
    No,
    /// No answer: the endpoint's other deliveries wait until then.
    Unreachable(i64),
}

/// The event types an endpoint can subscribe to, in words for an error.
pub fn subscribable_list() -> String {
    EventType::subscribable().map(|e| e.as_str()).collect::<Vec<_>>().join(", ")
}
