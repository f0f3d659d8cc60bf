//! Consent receipts: for every `given` and `withdrawn`, a JSON document
//! with the fields of the Kantara Initiative Consent Receipt v1.1 (each
//! maps onto an ISO/IEC 27560 consent record field), signed by Kith with
//! Ed25519 as a compact JWS. The public key is published at
//! `/.well-known/kith-receipt-key.json` (a JWK), so anyone can check it.

use crate::tokens::{self, Claims, TokenKind};
use crate::{App, AppError, Principal, Result};
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine as _;
use kith_domain::consent::channels_text;
use kith_domain::{Channel, ConsentAction, ConsentMethod, SubjectId};
use kith_i18n::Tr;
use kith_store::consent::{ConsentEvent, NewConsentEvent};
use kith_store::mail::{Mail, NewMail};
use kith_store::purposes::{Notice, Purpose};
use ring::signature::KeyPair;
use serde_json::json;
use time::OffsetDateTime;
use uuid::Uuid;

/// Identifies the signing key in the JWS header.
pub const KEY_ID: &str = "kith-receipt-1";

/// What a receipt states, from a stored or a new event.
pub(crate) struct ReceiptFacts<'a> {
    pub id: Uuid,
    pub subject: SubjectId,
    pub action: ConsentAction,
    pub channels: &'a [Channel],
    pub method: ConsentMethod,
    pub at: OffsetDateTime,
    pub until: Option<OffsetDateTime>,
    pub notice: Option<Uuid>,
    pub third_parties: &'a [String],
    pub gpc: bool,
}

impl<'a> From<&'a NewConsentEvent> for ReceiptFacts<'a> {
    fn from(e: &'a NewConsentEvent) -> Self {
        ReceiptFacts {
            id: e.id,
            subject: e.subject,
            action: e.action,
            channels: &e.channels,
            method: e.method,
            at: e.at,
            until: e.until,
            notice: e.notice,
            third_parties: &e.proof.third_parties,
            gpc: e.gpc,
        }
    }
}

/// A signed receipt: the document and its compact JWS (whose payload is
/// the document's exact bytes).
#[derive(Clone, Debug, serde::Serialize)]
pub struct Receipt {
    pub receipt: serde_json::Value,
    pub jws: String,
}

impl App {
    /// The receipt document for an event.
    pub(crate) fn receipt_document(
        &self,
        purpose: &Purpose,
        f: &ReceiptFacts<'_>,
        notice_url: Option<String>,
    ) -> serde_json::Value {
        let s = &self.settings;
        let public_key = B64.encode(self.store.vault().receipt_signer().public_key().as_ref());
        json!({
            "version": "KI-CR-v1.1.0",
            "jurisdiction": "EU (GDPR)",
            "consentTimestamp": f.at.unix_timestamp(),
            "collectionMethod": f.method.as_str(),
            "consentReceiptID": f.id,
            "publicKey": public_key,
            "language": "en",
            "piiPrincipalId": f.subject.0,
            "piiControllers": [{
                "piiController": s.controller.name,
                "onBehalf": false,
                "contact": s.controller.email,
                "address": s.controller.address,
                "email": s.controller.email,
                "piiControllerUrl": s.public_url,
            }],
            "policyUrl": notice_url.unwrap_or_else(|| s.public_url.clone()),
            "services": [{
                "service": purpose.name,
                "purposes": [{
                    "purpose": purpose.description,
                    "purposeCategory": [purpose.name],
                    "consentType": "EXPLICIT",
                    "piiCategory": purpose.data_categories,
                    "primaryPurpose": true,
                    "termination": match f.until { Some(u) => format!("expires {}", crate::receipts::rfc3339(u)), None => "until withdrawn".to_owned() },
                    "thirdPartyDisclosure": !f.third_parties.is_empty(),
                    "thirdPartyName": f.third_parties.join(", "),
                }],
            }],
            "sensitive": false,
            "spiCat": [],
            // Kith's additions; ISO/IEC 27560 names in the comments of docs/decisions.md.
            "kith": {
                "event": f.action.as_str(),
                "eventTime": rfc3339(f.at),
                "channels": channels_text(f.channels),
                "noticeId": f.notice,
                "globalPrivacyControl": f.gpc,
                "purposeId": purpose.id,
            },
        })
    }

    /// Signs a document: compact JWS, EdDSA (Ed25519).
    pub(crate) fn sign_receipt(&self, doc: serde_json::Value) -> Receipt {
        let jws = compact_jws(&self.store.vault().receipt_signer(), KEY_ID, "JWT", doc.to_string().as_bytes());
        Receipt { receipt: doc, jws }
    }

    /// The public key that verifies receipts, as a JWK.
    pub fn receipt_public_jwk(&self) -> serde_json::Value {
        public_jwk(&self.store.vault().receipt_signer(), KEY_ID)
    }

    /// The signed receipt of ledger event `seq` of `subject` (staff).
    pub async fn consent_receipt(&self, p: &Principal, subject: SubjectId, seq: i64) -> Result<Receipt> {
        p.require(p.role.can_record_consent() || p.role.can_read_audit(), "read consent receipts")?;
        let r = self.receipt_for(subject, seq).await?;
        self.store.audit(&p.ctx(), &[kith_store::audit::NewEntry::subject("consent.receipt", subject)]).await?;
        Ok(r)
    }

    /// The signed receipt of a `given` or `withdrawn` event of `subject`.
    pub(crate) async fn receipt_for(&self, subject: SubjectId, seq: i64) -> Result<Receipt> {
        let e: ConsentEvent = self
            .store
            .consent_event(seq)
            .await?
            .filter(|e| e.subject == subject && matches!(e.action, ConsentAction::Given | ConsentAction::Withdrawn))
            .ok_or(AppError::NotFound("consent receipt"))?;
        let mut purpose = self.require_purpose(e.purpose).await?;
        // State the purpose as worded when the person answered.
        if let Some(snap) = e.proof.as_ref().and_then(|p| p.purpose.clone()) {
            purpose.name = snap.name;
            purpose.description = snap.description;
            purpose.data_categories = snap.data_categories;
        }
        let notice = match e.notice {
            Some(n) => self.store.get_notice(n).await?,
            None => None,
        };
        let notice_url = notice.as_ref().and_then(|n| n.url.clone());
        let third = e.proof.as_ref().map(|p| p.third_parties.clone()).unwrap_or_default();
        let f = ReceiptFacts {
            id: e.id,
            subject,
            action: e.action,
            channels: &e.channels,
            method: e.method,
            at: e.at,
            until: e.until,
            notice: e.notice,
            third_parties: &third,
            gpc: e.gpc,
        };
        let mut doc = self.receipt_document(&purpose, &f, notice_url);
        // The language of the notice the person saw.
        if let Some(n) = notice {
            doc["language"] = json!(n.language);
        }
        Ok(self.sign_receipt(doc))
    }

    /// A link to the person's preference centre (valid 180 days).
    pub(crate) fn preferences_link(&self, subject: SubjectId) -> String {
        let exp = OffsetDateTime::now_utc().unix_timestamp() + 180 * 86_400;
        let t = tokens::sign(
            self.store.vault(),
            TokenKind::Preferences,
            Claims { subject, scope: Uuid::nil(), expires: exp },
        );
        format!("{}/p/{t}", self.settings.public_url)
    }

    /// A one-click unsubscribe link (RFC 8058) for `scope` (a purpose, or nil for all).
    pub(crate) fn unsubscribe_link(&self, subject: SubjectId, scope: Uuid) -> String {
        let exp = OffsetDateTime::now_utc().unix_timestamp() + 365 * 86_400;
        let t = tokens::sign(self.store.vault(), TokenKind::Unsubscribe, Claims { subject, scope, expires: exp });
        format!("{}/u/{t}", self.settings.public_url)
    }

    /// The receipt mail for a new event, in the reader's language (the
    /// receipt names `notice`: the notice the person saw, with its URL and
    /// language, when known).
    pub(crate) fn receipt_mail(
        &self,
        tr: &Tr,
        subject: SubjectId,
        to: &str,
        purpose: &Purpose,
        e: &NewConsentEvent,
        notice: Option<&Notice>,
    ) -> NewMail {
        let mut doc = self.receipt_document(purpose, &ReceiptFacts::from(e), notice.and_then(|n| n.url.clone()));
        if let Some(n) = notice {
            doc["language"] = json!(n.language);
        }
        let r = self.sign_receipt(doc);
        let id = match e.action {
            ConsentAction::Given => "mail-receipt-given",
            _ => "mail-receipt-withdrawn",
        };
        let what = tr.t3(
            id,
            "purpose",
            purpose.name.as_str(),
            "channels",
            crate::letters::channels(tr, &e.channels),
            "date",
            tr.date_time(e.at),
        );
        let key = format!("{}/.well-known/kith-receipt-key.json", self.settings.public_url);
        let text = format!(
            "{what}\n\n{}\n\n{}\n",
            tr.t2("mail-receipt-attached", "controller", self.settings.controller.name.as_str(), "key", key),
            tr.t1("mail-receipt-change", "link", self.preferences_link(subject)),
        );
        NewMail {
            id: Uuid::now_v7(),
            subject,
            kind: "receipt",
            mail: Mail {
                to: to.to_owned(),
                subject: tr.t1("mail-receipt-subject", "purpose", purpose.name.as_str()),
                text,
                headers: vec![],
                attachments: vec![(
                    "consent-receipt.json".into(),
                    "application/json".into(),
                    serde_json::to_string_pretty(&r).expect("receipt serialises"),
                )],
                asks_for: None,
            },
        }
    }
}

/// A compact JWS, EdDSA (Ed25519), whose payload is exactly `payload`:
/// `BASE64URL(header) "." BASE64URL(payload) "." BASE64URL(signature)`,
/// the header `{"alg":"EdDSA","kid":…,"typ":…}`. Receipts and evidence
/// packs are signed with it, each under a key of its own.
pub fn compact_jws(key: &ring::signature::Ed25519KeyPair, kid: &str, typ: &str, payload: &[u8]) -> String {
    let header = json!({"alg": "EdDSA", "typ": typ, "kid": kid});
    let signing_input = format!("{}.{}", B64.encode(header.to_string()), B64.encode(payload));
    let sig = key.sign(signing_input.as_bytes());
    format!("{signing_input}.{}", B64.encode(sig.as_ref()))
}

/// The public half of an Ed25519 key as a JWK (RFC 8037).
pub fn public_jwk(key: &ring::signature::Ed25519KeyPair, kid: &str) -> serde_json::Value {
    let x = B64.encode(key.public_key().as_ref());
    json!({"kty": "OKP", "crv": "Ed25519", "alg": "EdDSA", "use": "sig", "kid": kid, "x": x})
}

pub(crate) fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}
