//! Kith's domain: the words the code speaks, and pure rules over them.
//!
//! Nothing here performs I/O, knows SQL or HTTP, or is async. Values that
//! need checking (emails, phones, roles…) are newtypes built only through a
//! checking constructor, so the layers above cannot hold an invalid one.

#[macro_use]
mod words;

pub mod art14;
pub mod authorisation;
pub mod breach;
pub mod breach_query;
pub mod consent;
pub mod contact;
pub mod crm_export;
pub mod dpia;
pub mod dsr;
pub mod error;
pub mod geo;
pub mod ids;
pub mod newsletter;
pub mod normalize;
pub mod policy;
pub mod provenance;
pub mod recipients;
pub mod retention;
pub mod role;
pub mod ropa;
pub mod segment;
pub mod template;
pub mod translation;
pub mod webhooks;

pub use consent::{Channel, ConsentAction, ConsentMethod, ConsentState, LawfulBasis, ObjectionDecision};
pub use contact::{line_problem, Address, ContactData, Email, InteractionKind, Phone};
pub use error::{FieldError, Invalid};
pub use ids::{CompanyId, DealId, InteractionId, PurposeId, RecipientId, SubjectId, TokenId, UserId};
pub use provenance::{Provenance, SourceKind};
pub use role::{Field, FieldVisibility, Role};
