//! Consent imported with the contacts: checked per row against the rules
//! every consent event passes, and turned into ledger events.

use crate::Principal;
use kith_domain::consent::{check_event, ProofCheck};
use kith_domain::{Channel, ConsentAction, ConsentMethod, PurposeId, SubjectId};
use kith_store::consent::{NewConsentEvent, SealedProof};

/// Consent imported from a file: what holds for every row, chosen at
/// import; each row brings its original time and record (`consent_at`,
/// `consent_evidence` columns) and may bring its own act, channels, expiry
/// and IP address.
#[derive(Clone, Debug, Default)]
pub struct ConsentImport {
    /// The notice (privacy text) the people saw when they consented.
    pub notice: Option<uuid::Uuid>,
    /// The channels consented to, where the file has no column for them.
    pub channels: Vec<Channel>,
    /// What the people did to consent, where the file has no column for it.
    pub affirmative_act: Option<String>,
}

/// One row's consent, checked.
#[derive(Clone, Debug)]
pub(super) struct RowConsent {
    at: time::OffsetDateTime,
    until: Option<time::OffsetDateTime>,
    channels: Vec<Channel>,
    act: String,
    evidence: String,
    ip: Option<String>,
}

/// A row's consent columns as written.
#[derive(Debug, Default)]
pub(super) struct RawConsent<'a> {
    pub(super) at: Option<&'a str>,
    pub(super) evidence: Option<&'a str>,
    pub(super) act: Option<&'a str>,
    pub(super) channels: Option<&'a str>,
    pub(super) expires: Option<&'a str>,
    pub(super) ip: Option<&'a str>,
}

impl ConsentImport {
    /// A row's consent with its proof, or why not (naming columns, never values).
    pub(super) fn row(
        &self,
        raw: &RawConsent<'_>,
        now: time::OffsetDateTime,
    ) -> std::result::Result<RowConsent, String> {
        let time = |v: Option<&str>, column: &str| {
            v.map(|v| {
                kith_domain::policy::parse_time(v)
                    .ok_or_else(|| format!("{column}: is not a date and time (2024-03-01T09:30:00Z, 01/03/2024 09:30)"))
            })
            .transpose()
        };
        let at = time(raw.at, "consent_at")?;
        let until = time(raw.expires, "consent_expires_at")?;
        let channels = match raw.channels {
            Some(v) => {
                let mut chs = Vec::new();
                for w in v.split([',', ';', '|', ' ']).map(str::trim).filter(|w| !w.is_empty()) {
                    let ch = Channel::parse(&w.to_lowercase())
                        .ok_or_else(|| "consent_channels: name email, phone, sms or post".to_owned())?;
                    if !chs.contains(&ch) {
                        chs.push(ch);
                    }
                }
                chs
            }
            None => self.channels.clone(),
        };
        let act = raw.act.map(str::to_owned).or_else(|| self.affirmative_act.clone());
        if let Some(ip) = raw.ip {
            ip.parse::<std::net::IpAddr>().map_err(|_| "consent_ip: is not an IP address".to_owned())?;
        }
        let too_long = |v: Option<&str>, max: usize| v.is_some_and(|v| v.chars().count() > max);
        if too_long(act.as_deref(), 500) {
            return Err("consent_act: at most 500 characters".into());
        }
        if too_long(raw.evidence, 200) {
            return Err("consent_evidence: at most 200 characters".into());
        }
        let check = ProofCheck {
            method: Some(ConsentMethod::Import),
            has_notice: self.notice.is_some(),
            affirmative_act: act.as_deref(),
            pre_ticked: false,
            evidence_ref: raw.evidence,
            channels: &channels,
            at,
            until,
        };
        check_event(ConsentAction::Given, &check, now).map_err(|inv| {
            inv.0
                .iter()
                .map(|e| {
                    let column = match e.field.as_str() {
                        "at" => "consent_at",
                        "evidence_ref" => "consent_evidence",
                        "affirmative_act" => "consent_act",
                        "channels" => "consent_channels",
                        "expires_at" => "consent_expires_at",
                        f => f,
                    };
                    format!("{column}: {}", e.message)
                })
                .collect::<Vec<_>>()
                .join("; ")
        })?;
        let (Some(at), Some(act), Some(evidence)) = (at, act, raw.evidence) else {
            return Err("consent_at: imported consent must carry the original time it was given".into());
        };
        Ok(RowConsent {
            at,
            until,
            channels,
            act: act.trim().to_owned(),
            evidence: evidence.trim().to_owned(),
            ip: raw.ip.map(str::to_owned),
        })
    }

    /// The ledger event of a row's consent for `subject`.
    pub(super) fn event(
        &self,
        p: &Principal,
        purpose: PurposeId,
        subject: SubjectId,
        c: &RowConsent,
    ) -> NewConsentEvent {
        let mut channels = c.channels.clone();
        channels.sort();
        NewConsentEvent {
            id: uuid::Uuid::now_v7(),
            subject,
            purpose,
            action: ConsentAction::Given,
            channels,
            method: ConsentMethod::Import,
            at: c.at,
            until: c.until,
            notice: self.notice,
            form: None,
            actor_user: p.author(),
            gpc: false,
            request: None,
            proof: SealedProof {
                affirmative_act: Some(c.act.clone()),
                evidence_ref: Some(c.evidence.clone()),
                third_parties: vec![],
                ip: c.ip.clone(),
                user_agent: None,
                purpose: None,
            },
        }
    }
}
