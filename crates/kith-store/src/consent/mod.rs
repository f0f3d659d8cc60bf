//! Lawful bases per contact and purpose, and the consent ledger: an
//! append-only, hash-chained table whose personal proof is sealed under the
//! subject's key, plus the materialised fold that makes counting fast.

mod bases;
mod ledger;
mod state;
mod trend;
mod write;

pub(crate) use bases::upsert_bases;
pub use trend::{Trend, MAX_PERIODS};

use crate::mail::NewMail;
use kith_domain::consent::{BasisSource, ConsentFact};
use kith_domain::{Channel, ConsentAction, ConsentMethod, LawfulBasis, PurposeId, SubjectId, UserId};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The basis recorded for one contact and purpose.
#[derive(Clone, Debug)]
pub struct BasisRecord {
    pub purpose: PurposeId,
    pub basis: LawfulBasis,
    pub source: BasisSource,
    /// The form, file or API client it came from.
    pub source_name: Option<String>,
    /// Reference to the legitimate-interest assessment.
    pub lia_ref: Option<String>,
    pub effective_at: time::OffsetDateTime,
    /// When the contract (or other basis) ends, if known: a retention anchor.
    pub ends_at: Option<time::OffsetDateTime>,
    pub set_by: Option<UserId>,
    pub set_at: time::OffsetDateTime,
}

/// The personal part of a consent event's proof, sealed.
#[derive(Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct SealedProof {
    /// What the person did to say yes (or no), in words.
    pub affirmative_act: Option<String>,
    pub evidence_ref: Option<String>,
    pub third_parties: Vec<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// The purpose as worded when the event was recorded (purposes are
    /// edited in place; a receipt must state what was agreed to). Filled
    /// in by [`Store::write_consent`].
    #[serde(default)]
    pub purpose: Option<PurposeSnapshot>,
}

/// A purpose's wording at one moment.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct PurposeSnapshot {
    pub name: String,
    pub description: String,
    pub data_categories: Vec<String>,
}

impl std::fmt::Debug for SealedProof {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealedProof(<personal>)")
    }
}

/// A ledger event to append.
#[derive(Clone, Debug)]
pub struct NewConsentEvent {
    pub id: Uuid,
    pub subject: SubjectId,
    pub purpose: PurposeId,
    pub action: ConsentAction,
    pub channels: Vec<Channel>,
    pub method: ConsentMethod,
    pub at: time::OffsetDateTime,
    /// Expiry of a `given`, answer deadline of a `requested`.
    pub until: Option<time::OffsetDateTime>,
    pub notice: Option<Uuid>,
    pub form: Option<Uuid>,
    pub actor_user: Option<UserId>,
    /// The browser sent `Sec-GPC: 1`.
    pub gpc: bool,
    /// The request this event belongs to or answers.
    pub request: Option<Uuid>,
    pub proof: SealedProof,
}

/// A ledger event as stored; `proof` is `None` once the subject's key is gone.
#[derive(Clone, Debug)]
pub struct ConsentEvent {
    pub seq: i64,
    pub id: Uuid,
    pub subject: SubjectId,
    pub purpose: PurposeId,
    pub action: ConsentAction,
    pub channels: Vec<Channel>,
    pub method: ConsentMethod,
    pub at: time::OffsetDateTime,
    pub until: Option<time::OffsetDateTime>,
    pub notice: Option<Uuid>,
    pub form: Option<Uuid>,
    pub actor_user: Option<UserId>,
    pub gpc: bool,
    pub proof: Option<SealedProof>,
    pub recorded_at: time::OffsetDateTime,
    pub request: Option<Uuid>,
}

impl ConsentEvent {
    pub fn fact(&self) -> ConsentFact {
        ConsentFact {
            seq: self.seq,
            at: self.at,
            action: self.action,
            channels: self.channels.clone(),
            until: self.until,
        }
    }
}

/// Everything one consent change writes, in one transaction.
#[derive(Debug, Default)]
pub struct ConsentWrite {
    pub events: Vec<NewConsentEvent>,
    /// A single-use token to spend (its id and expiry): a second spend fails
    /// with [`StoreError::Conflict`]`("used token")` and writes nothing.
    pub spend_token: Option<(Vec<u8>, i64)>,
    /// On `given`, make consent the purpose's basis where none is recorded.
    pub consent_becomes_basis: Option<(BasisSource, Option<String>)>,
    pub mails: Vec<NewMail>,
    /// A contact to create first, in the same transaction (a public form's new person).
    pub new_contact: Option<crate::contacts::ContactInput>,
}

/// Per purpose: contacts per basis, and per channel contacts per consent state.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    pub contacts: i64,
    pub bases: BTreeMap<PurposeId, BTreeMap<String, i64>>,
    pub consent: BTreeMap<PurposeId, BTreeMap<String, BTreeMap<String, i64>>>,
}
