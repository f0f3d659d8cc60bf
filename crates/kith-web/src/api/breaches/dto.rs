//! The breach API's request and response types and their translation
//! to and from the domain record.

use crate::problem::ApiError;
use kith_app::breaches::notices::NoticeView;
use kith_app::breaches::BreachView;
use kith_domain::breach::risk::RiskMethod;
use kith_domain::breach::{Art34Ground, AuthorityDecision, Breach, BreachStatus, Nature, PeopleDecision};
use kith_domain::geo::Country;
use kith_domain::{FieldError, RecipientId};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// A breach to record. Times are RFC 3339; empty or absent is unknown.
#[derive(Deserialize, ToSchema, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct BreachIn {
    /// The internal reference, such as BR-2027-004.
    pub reference: String,
    /// What happened, in one line (about the breach, not about people).
    pub title: String,
    #[serde(default)]
    pub authority_refs: Vec<String>,
    #[serde(default)]
    pub occurred_from: Option<String>,
    #[serde(default)]
    pub occurred_to: Option<String>,
    #[serde(default)]
    pub detected_at: Option<String>,
    /// When the controller became reasonably certain: the 72-hour clock
    /// starts here. Locked once set.
    #[serde(default)]
    pub aware_at: Option<String>,
    /// What made the controller certain (required with aware_at).
    #[serde(default)]
    pub aware_evidence: String,
    /// Any of confidentiality, integrity, availability.
    #[serde(default)]
    pub nature: Vec<String>,
    #[serde(default)]
    pub cause: String,
    #[serde(default)]
    pub systems: String,
    /// Recipients involved, from the recipient register.
    #[serde(default)]
    pub recipient_ids: Vec<Uuid>,
    #[serde(default)]
    pub data_categories: Vec<String>,
    #[serde(default)]
    pub special_categories: Vec<String>,
    #[serde(default)]
    pub approx_records: Option<u64>,
    #[serde(default)]
    pub approx_people: Option<u64>,
    #[serde(default)]
    pub people_categories: String,
    /// ISO 3166 alpha-2 codes.
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub consequences: String,
    /// 1 negligible to 4 maximum.
    #[serde(default)]
    pub likelihood: Option<u8>,
    /// 1 negligible to 4 maximum.
    #[serde(default)]
    pub severity: Option<u8>,
    #[serde(default)]
    pub measures: String,
    #[serde(default)]
    pub dpo_view: String,
    /// undecided, notify or do_not_notify.
    #[serde(default)]
    pub authority_decision: Option<String>,
    #[serde(default)]
    pub authority_reason: String,
    /// undecided, tell or do_not_tell.
    #[serde(default)]
    pub people_decision: Option<String>,
    /// With do_not_tell: risk_not_high (only when the derived risk level is
    /// below high: Art. 34(1)), or unintelligible, measures_taken or
    /// disproportionate_effort (Art. 34(3)).
    #[serde(default)]
    pub people_ground: Option<String>,
    #[serde(default)]
    pub people_reason: String,
    /// The affected values were sealed (encrypted at rest).
    #[serde(default)]
    pub values_sealed: bool,
    #[serde(default)]
    pub master_key_exposed: bool,
    /// open or closed.
    #[serde(default)]
    pub status: Option<String>,
}

/// A change to a breach: only the fields given change.
#[derive(Deserialize, ToSchema, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct BreachPatch {
    pub title: Option<String>,
    pub authority_refs: Option<Vec<String>>,
    /// RFC 3339; empty: unknown.
    pub occurred_from: Option<String>,
    pub occurred_to: Option<String>,
    pub detected_at: Option<String>,
    /// Sets when the controller became aware, if not set yet.
    pub aware_at: Option<String>,
    pub aware_evidence: Option<String>,
    pub nature: Option<Vec<String>>,
    pub cause: Option<String>,
    pub systems: Option<String>,
    pub recipient_ids: Option<Vec<Uuid>>,
    pub data_categories: Option<Vec<String>>,
    pub special_categories: Option<Vec<String>>,
    pub approx_records: Option<u64>,
    pub approx_people: Option<u64>,
    pub people_categories: Option<String>,
    pub countries: Option<Vec<String>>,
    pub consequences: Option<String>,
    pub likelihood: Option<u8>,
    pub severity: Option<u8>,
    pub measures: Option<String>,
    pub dpo_view: Option<String>,
    pub authority_decision: Option<String>,
    pub authority_reason: Option<String>,
    pub people_decision: Option<String>,
    pub people_ground: Option<String>,
    pub people_reason: Option<String>,
    pub values_sealed: Option<bool>,
    pub master_key_exposed: Option<bool>,
    pub status: Option<String>,
}

macro_rules! patch {
    ($t:ident, $p:ident; set: $($s:ident),*; some: $($o:ident),*) => {
        $(if let Some(v) = $p.$s { $t.$s = v; })*
        $(if let Some(v) = $p.$o { $t.$o = Some(v); })*
    };
}

/// The current record as input, with `p` laid over it.
pub fn patched(cur: &BreachView, p: BreachPatch) -> BreachIn {
    let mut t = in_of(cur);
    patch!(t, p; set: title, authority_refs, nature, cause, systems, recipient_ids, data_categories,
        special_categories, people_categories, countries, consequences, measures, dpo_view, authority_reason,
        people_reason, values_sealed, master_key_exposed, aware_evidence;
        some: occurred_from, occurred_to, detected_at, aware_at, approx_records, approx_people, likelihood, severity,
        authority_decision, people_decision, people_ground, status);
    t
}

fn in_of(v: &BreachView) -> BreachIn {
    let b = &v.stored.breach;
    BreachIn {
        reference: v.stored.reference.clone(),
        title: b.title.clone(),
        authority_refs: b.authority_refs.clone(),
        occurred_from: b.occurred_from.map(rfc),
        occurred_to: b.occurred_to.map(rfc),
        detected_at: b.detected_at.map(rfc),
        aware_at: v.stored.aware.as_ref().map(|a| rfc(a.at)),
        aware_evidence: String::new(),
        nature: b.nature.iter().map(|n| n.as_str().to_owned()).collect(),
        cause: b.cause.clone(),
        systems: b.systems.clone(),
        recipient_ids: b.recipients.iter().map(|r| r.0).collect(),
        data_categories: b.data_categories.clone(),
        special_categories: b.special_categories.clone(),
        approx_records: b.approx_records,
        approx_people: b.approx_people,
        people_categories: b.people_categories.clone(),
        countries: b.countries.iter().map(|c| c.code().to_owned()).collect(),
        consequences: b.consequences.clone(),
        likelihood: b.likelihood,
        severity: b.severity,
        measures: b.measures.clone(),
        dpo_view: b.dpo_view.clone(),
        authority_decision: Some(b.authority_decision.as_str().into()),
        authority_reason: b.authority_reason.clone(),
        people_decision: Some(b.people_decision.as_str().into()),
        people_ground: b.people_ground.map(|g| g.as_str().into()),
        people_reason: b.people_reason.clone(),
        values_sealed: b.values_sealed,
        master_key_exposed: b.master_key_exposed,
        status: Some(b.status.as_str().into()),
    }
}

pub fn rfc(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

/// An RFC 3339 time; empty is none.
pub fn time_of(inv: &mut Vec<FieldError>, field: &str, v: Option<&str>) -> Option<OffsetDateTime> {
    let v = v.map(str::trim).filter(|s| !s.is_empty())?;
    match OffsetDateTime::parse(v, &Rfc3339) {
        Ok(t) if (1970..=9999).contains(&t.year()) => Some(t),
        _ => {
            inv.push(FieldError::new(field, "must be an RFC 3339 time such as 2027-03-01T10:00:00Z"));
            None
        }
    }
}

fn word<T: Copy>(
    inv: &mut Vec<FieldError>,
    field: &str,
    v: Option<&str>,
    parse: fn(&str) -> Option<T>,
    all: &str,
    d: T,
) -> T {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => d,
        Some(s) => parse(s).unwrap_or_else(|| {
            inv.push(FieldError::new(field, format!("one of {all}")));
            d
        }),
    }
}

/// The record, the awareness moment and its evidence from the input.
pub fn record_of(b: BreachIn) -> Result<(String, Breach, Option<OffsetDateTime>, String), ApiError> {
    record_fields(b).map_err(ApiError::invalid)
}

/// [`record_of`] with the field errors as they are (for the pages).
pub(crate) fn record_fields(b: BreachIn) -> Result<(String, Breach, Option<OffsetDateTime>, String), Vec<FieldError>> {
    let mut inv = Vec::new();
    let mut nature = Vec::new();
    for (i, n) in b.nature.iter().enumerate() {
        match Nature::parse(n.trim()) {
            Some(n) => nature.push(n),
            None => {
                inv.push(FieldError::new(format!("nature[{i}]"), "one of confidentiality, integrity, availability"))
            }
        }
    }
    let mut countries = Vec::new();
    for (i, c) in b.countries.iter().enumerate() {
        match Country::parse(c) {
            Ok(c) => countries.push(c),
            Err(_) => inv.push(FieldError::new(format!("countries[{i}]"), "an ISO 3166 alpha-2 code")),
        }
    }
    let breach = Breach {
        title: b.title,
        authority_refs: b.authority_refs,
        occurred_from: time_of(&mut inv, "occurred_from", b.occurred_from.as_deref()),
        occurred_to: time_of(&mut inv, "occurred_to", b.occurred_to.as_deref()),
        detected_at: time_of(&mut inv, "detected_at", b.detected_at.as_deref()),
        nature,
        cause: b.cause,
        systems: b.systems,
        recipients: b.recipient_ids.into_iter().map(RecipientId).collect(),
        data_categories: b.data_categories,
        special_categories: b.special_categories,
        approx_records: b.approx_records,
        approx_people: b.approx_people,
        people_categories: b.people_categories,
        countries,
        consequences: b.consequences,
        risk_method: RiskMethod::Matrix,
        likelihood: b.likelihood,
        severity: b.severity,
        measures: b.measures,
        dpo_view: b.dpo_view,
        authority_decision: word(
            &mut inv,
            "authority_decision",
            b.authority_decision.as_deref(),
            AuthorityDecision::parse,
            "undecided, notify, do_not_notify",
            AuthorityDecision::Undecided,
        ),
        authority_reason: b.authority_reason,
        people_decision: word(
            &mut inv,
            "people_decision",
            b.people_decision.as_deref(),
            PeopleDecision::parse,
            "undecided, tell, do_not_tell",
            PeopleDecision::Undecided,
        ),
        people_ground: match b.people_ground.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(g) => Art34Ground::parse(g).or_else(|| {
                inv.push(FieldError::new(
                    "people_ground",
                    "one of risk_not_high, unintelligible, measures_taken, disproportionate_effort",
                ));
                None
            }),
        },
        people_reason: b.people_reason,
        values_sealed: b.values_sealed,
        master_key_exposed: b.master_key_exposed,
        status: word(&mut inv, "status", b.status.as_deref(), BreachStatus::parse, "open, closed", BreachStatus::Open),
    };
    let aware_at = time_of(&mut inv, "aware_at", b.aware_at.as_deref());
    if !inv.is_empty() {
        return Err(inv);
    }
    Ok((b.reference, breach, aware_at, b.aware_evidence))
}

/// Correcting when the controller became aware.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AwareCorrectionIn {
    /// RFC 3339.
    pub aware_at: String,
    pub evidence: String,
    /// Why the moment is corrected; kept in the history with the old value.
    pub reason: String,
}

/// A notice to draft from the record as it is now.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BreachNoticeIn {
    /// authority (Art. 33) or people (Art. 34).
    pub audience: String,
    /// initial, follow_up or bundled.
    #[serde(default)]
    pub kind: Option<String>,
    /// The notice a follow-up follows.
    #[serde(default)]
    pub follows: Option<Uuid>,
    /// The supervisory authority, in words.
    #[serde(default)]
    pub authority: Option<String>,
    /// For a bundled notice: the other breaches it covers.
    #[serde(default)]
    pub bundled: Vec<Uuid>,
}

/// Recording that a notice was sent.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BreachNoticeSendIn {
    /// When the DPO submitted it (RFC 3339); absent: now.
    #[serde(default)]
    pub sent_at: Option<String>,
    /// Required when an authority notice is sent after the 72-hour deadline (Art. 33(1)).
    #[serde(default)]
    pub delay_reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct BreachSendOut {
    /// People's mails queued by this send (0 for an authority notice).
    pub queued: usize,
    pub notice: BreachNoticeOut,
}

#[derive(Serialize, ToSchema)]
pub struct BreachPeopleMailsOut {
    /// Waiting for the sender.
    pub queued: i64,
    /// Resting in the outbox because no SMTP is configured: not sent.
    pub outbox: i64,
    /// Handed to the SMTP server.
    pub sent: i64,
    pub failed: i64,
}

#[derive(Serialize, ToSchema)]
pub struct BreachNoticeOut {
    pub id: Uuid,
    pub audience: String,
    pub kind: String,
    pub follows: Option<Uuid>,
    pub authority: Option<String>,
    /// SHA-256 (hex) of the canonical JSON body as recorded.
    pub content_hash: String,
    pub sent_at: Option<String>,
    pub sent_by: Option<Uuid>,
    pub delay_reason: Option<String>,
    pub created_at: String,
    pub people_mails: BreachPeopleMailsOut,
    /// The notice as drafted (every Art. 33(3) item for the authority).
    #[schema(value_type = Object)]
    pub body: serde_json::Value,
}

pub fn notice_out(n: &NoticeView) -> BreachNoticeOut {
    let s = &n.stored;
    BreachNoticeOut {
        id: s.id,
        audience: s.audience.as_str().into(),
        kind: s.kind.as_str().into(),
        follows: s.follows,
        authority: s.authority.clone(),
        content_hash: n.hash_hex.clone(),
        sent_at: s.sent_at.map(rfc),
        sent_by: s.sent_by.map(|u| u.0),
        delay_reason: s.delay_reason.clone(),
        created_at: rfc(s.created_at),
        people_mails: BreachPeopleMailsOut {
            queued: n.people.queued,
            outbox: n.people.outbox,
            sent: n.people.sent,
            failed: n.people.failed,
        },
        body: n.body(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct BreachHistoryOut {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub change: String,
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
}

#[derive(Serialize, ToSchema)]
pub struct BreachOut {
    pub id: Uuid,
    pub reference: String,
    pub status: String,
    #[schema(value_type = Object)]
    pub record: serde_json::Value,
    pub aware_at: Option<String>,
    pub aware_by: Option<Uuid>,
    pub aware_evidence: Option<String>,
    /// aware_at + 72 h, computed.
    pub deadline: Option<String>,
    /// Negative when overdue.
    pub minutes_left: Option<i64>,
    pub clock: String,
    pub notified: bool,
    /// The risk level by the record's method.
    pub risk_level: Option<String>,
    /// The Art. 34(3) ground Kith proposes from the facts recorded.
    pub proposed_people_ground: Option<String>,
    /// The latest frozen count of affected people, if any.
    pub people_found: Option<i64>,
    pub notices: Vec<BreachNoticeOut>,
    pub history: Vec<BreachHistoryOut>,
    pub closed_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

pub fn breach_out(v: &BreachView) -> BreachOut {
    let s = &v.stored;
    BreachOut {
        id: s.id,
        reference: s.reference.clone(),
        status: s.breach.status.as_str().into(),
        record: serde_json::to_value(&s.breach).unwrap_or_default(),
        aware_at: s.aware.as_ref().map(|a| rfc(a.at)),
        aware_by: s.aware.as_ref().and_then(|a| a.by.map(|u| u.0)),
        aware_evidence: s.aware.as_ref().map(|a| a.evidence.clone()),
        deadline: v.deadline.map(rfc),
        minutes_left: v.time_left.map(|l| l.whole_minutes()),
        clock: v.clock(),
        notified: v.notified,
        risk_level: s.breach.risk_level().map(|l| l.as_str().into()),
        proposed_people_ground: s.breach.proposed_ground().map(|g| g.as_str().into()),
        people_found: v.people_found.map(|c| c.0),
        notices: v.notices.iter().map(notice_out).collect(),
        history: v
            .history
            .iter()
            .map(|h| BreachHistoryOut {
                seq: h.seq,
                at: rfc(h.at),
                actor: h.actor.clone(),
                change: h.change.clone(),
                detail: h.detail.clone(),
            })
            .collect(),
        closed_at: s.closed_at.map(rfc),
        created_at: rfc(s.created_at),
        updated_at: rfc(s.updated_at),
    }
}
