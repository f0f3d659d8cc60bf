//! `/purposes`, `/notices`, `/subscription-types`, `/forms`, bases and
//! consent on contacts, `/compliance/summary`, `/consent-campaigns`,
//! `/outbox`: lawful basis and the consent ledger.

mod bases;
mod campaigns;
mod forms;
mod input;
mod ledger;
mod notices;
mod outbox;
mod permissions;
mod purposes;
mod selection;
mod subscriptions;
mod summary;
mod texts;

pub use bases::{BasisIn, BasisOut, BulkBasisIn, CountOut};
pub use campaigns::{CampaignIn, CampaignOut};
pub use forms::{FormIn, FormOut};
pub use ledger::{ConsentEventOut, ConsentIn, ProofOut, ReceiptOut, SeqOut};
pub use notices::{NoticeIn, NoticeOut};
pub use outbox::MailOut;
pub use permissions::{PermissionOut, PermissionParams};
pub use purposes::{PurposeIn, PurposeOut, RuleIn, RuleOut};
pub use selection::{FilterIn, SelectionIn};
pub use subscriptions::{SubscriptionTypeIn, SubscriptionTypeOut};
pub use summary::{PurposeSummaryOut, SummaryOut};
pub use texts::{TextIn, TextOut};

use kith_app::App;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(purposes::list_purposes, purposes::create_purpose))
        .routes(routes!(purposes::get_purpose, purposes::update_purpose))
        .routes(routes!(notices::list_notices, notices::create_notice))
        .routes(routes!(subscriptions::list_subscription_types, subscriptions::create_subscription_type))
        .routes(routes!(texts::purpose_texts))
        .routes(routes!(texts::set_purpose_text))
        .routes(routes!(texts::subscription_texts))
        .routes(routes!(texts::set_subscription_text))
        .routes(routes!(forms::list_forms, forms::create_form))
        .routes(routes!(forms::update_form))
        .routes(routes!(bases::list_bases, bases::set_basis))
        .routes(routes!(bases::bulk_basis))
        .routes(routes!(ledger::list_consents, ledger::record_consent))
        .routes(routes!(ledger::receipt))
        .routes(routes!(permissions::permissions))
        .routes(routes!(summary::summary))
        .routes(routes!(campaigns::campaign))
        .routes(routes!(outbox::outbox))
}
