//! The records use cases take and return, re-exported from the store for
//! the layers above (`kith-web`): they name these types from here and never
//! reach the store itself. Also the few pure helpers they share with it.

pub use kith_store::audit::{AuditQuery, Verdict};
pub use kith_store::companies::Company;
pub use kith_store::consent::{BasisRecord, ConsentEvent};
pub use kith_store::contacts::{normalise_tag, Contact, ContactFilter, ContactSort};
pub use kith_store::deals::{Deal, DealFilter, Stage, StageTotal};
pub use kith_store::dpia::{SignOff, StoredDecision, StoredDpia};
pub use kith_store::dsr::Step;
pub use kith_store::interactions::Interaction;
pub use kith_store::mail::{Mail, MailRow};
pub use kith_store::purposes::{ConsentForm, Notice, Purpose, SubscriptionType};
pub use kith_store::recipients::StoredRecipient;
pub use kith_store::registers::RegisterVersion;
pub use kith_store::segments::{SavedSegment, SegmentAt, Standing};
pub use kith_store::staff::{Token, User};
pub use kith_store::{ct_eq, from_ms, to_ms, StoreError};
