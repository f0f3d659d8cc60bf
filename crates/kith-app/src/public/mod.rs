//! What people do without an account: submit a consent form, confirm by
//! the link in the mail (double opt-in), change their choices in the
//! preference centre, unsubscribe in one click. Nothing here tells a
//! visitor whether an email is known; every link carries a signed token.

mod confirm;
mod form;
mod preferences;

use crate::tokens::{self, Claims, TokenError, TokenKind};
use crate::{App, AppError, Result};
use kith_domain::{Channel, ConsentAction, SubjectId};
use kith_store::purposes::{ConsentForm, Notice, SubscriptionType};
use kith_store::Ctx;
use time::OffsetDateTime;
use uuid::Uuid;

/// What saving the preference centre did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SavedPreferences {
    /// Consent events recorded.
    pub recorded: usize,
    /// Subscriptions ticked but not given: the person never saw their
    /// notice here (they subscribe through the sign-up form that shows it),
    /// or their processing is restricted.
    pub not_given: Vec<String>,
}

/// The visitor's browser, as far as proof needs it. Sealed when stored.
#[derive(Clone, Debug, Default)]
pub struct Visitor {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// `Sec-GPC: 1` was sent.
    pub gpc: bool,
}

/// A public form, ready to render.
#[derive(Clone, Debug)]
pub struct PublicForm {
    pub form: ConsentForm,
    pub subscriptions: Vec<SubscriptionType>,
    pub notice: Notice,
}

#[derive(Clone, Debug, Default)]
pub struct Submission {
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone: Option<String>,
    /// Subscription types ticked (all start unticked).
    pub subscriptions: Vec<Uuid>,
    /// The separate third-party sharing box was ticked.
    pub share: bool,
}

/// What confirming did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirmed {
    /// Consent recorded for this many purposes.
    Now(usize),
    /// The link was already used.
    Already,
}

/// The preference centre's view of one person.
#[derive(Clone, Debug)]
pub struct Preferences {
    pub subject: SubjectId,
    /// Per subscription type, per offered channel: subscribed now?
    pub items: Vec<(SubscriptionType, Vec<(Channel, bool)>)>,
    /// Per subscription type (same order), the notice a "yes" here cites.
    pub notices: Vec<Option<Notice>>,
    /// Receipts the person can download: (ledger seq, subscription name, action, time).
    pub receipts: Vec<(i64, String, ConsentAction, OffsetDateTime)>,
}

/// Why a public link was refused.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("this link is not valid")]
    Invalid,
    #[error("this link has expired")]
    Expired,
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<TokenError> for LinkError {
    fn from(e: TokenError) -> Self {
        match e {
            TokenError::Invalid => LinkError::Invalid,
            TokenError::Expired => LinkError::Expired,
        }
    }
}

impl From<kith_store::StoreError> for LinkError {
    fn from(e: kith_store::StoreError) -> Self {
        LinkError::App(e.into())
    }
}

/// Public pages act as nobody in particular.
fn public_ctx(what: &str) -> Ctx {
    Ctx { actor: format!("public:{what}"), request_id: Uuid::now_v7().to_string(), token: None }
}

impl App {
    /// A published notice, for anyone to read (notices are public).
    pub async fn public_notice(&self, id: Uuid) -> Result<Option<Notice>> {
        Ok(self.store.get_notice(id).await?)
    }

    fn claims(&self, kind: TokenKind, token: &str) -> std::result::Result<Claims, LinkError> {
        Ok(tokens::verify(self.store.vault(), kind, token, OffsetDateTime::now_utc().unix_timestamp())?)
    }
}
