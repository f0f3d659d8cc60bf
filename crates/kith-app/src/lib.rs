//! Kith's use cases: one function per thing a user does. Each takes the
//! acting [`Principal`], checks what the role may do, calls the store, and
//! makes sure the audit trail records it. Layers above parse input into
//! domain types and render results; they never touch storage.

// Module order, lowest first: a module uses (by path, or by calling an
// `App` method defined there) only modules on lines above its own, and
// the crate root. Keep it so: no module cycle.
//   cursor, passwords, records, registers, tokens, views
//   authorisations, import, policy, purposes
//   audit, companies, deals, dpia, import_runs, receipts, retention, rights, staff
//   consent, contacts, evidence, sessions
//   affected
//   accounts, bulk, dsr, export, interactions, public, templates
//   campaigns, deletion, portal, segments, timeline, twofactor
//   consent_requests, mailer
//   newsletters
//   template_send
//   breaches, webhooks
//   jobs

pub mod accounts;
pub mod affected;
pub mod art14;
pub mod audit;
pub mod authorisations;
pub mod breaches;
pub mod bulk;
pub mod campaigns;
pub mod companies;
pub mod consent;
pub mod consent_requests;
pub mod contacts;
pub mod cursor;
pub mod deals;
pub mod deletion;
pub mod dpia;
pub mod dsr;
pub mod evidence;
pub mod export;
pub mod import;
pub mod import_runs;
pub mod interactions;
pub mod jobs;
pub mod letters;
pub mod mailer;
pub mod newsletters;
pub mod passwords;
pub mod policy;
pub mod portal;
pub mod public;
pub mod purposes;
pub mod receipts;
pub mod records;
pub mod registers;
pub mod retention;
pub mod rights;
pub mod segments;
pub mod sessions;
pub mod staff;
pub mod template_send;
pub mod templates;
pub mod texts;
pub mod timeline;
pub mod tokens;
pub mod trend;
pub mod twofactor;
pub mod views;
pub mod webhooks;

use kith_domain::{FieldVisibility, Invalid, Role, UserId};
use kith_store::{Ctx, Failure, Store, StoreError};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// A fresh random secret (32 bytes, URL-safe base64): for cookies and
/// form tokens made above the app layer.
pub fn new_secret() -> String {
    staff::random_secret()
}

/// Who is acting, in which request.
#[derive(Clone, Debug)]
pub struct Principal {
    pub user: UserId,
    pub role: Role,
    pub request_id: String,
    /// The API token the request came with (id and name), if any: audit
    /// entries record it beside the user.
    pub token: Option<kith_store::AuditToken>,
}

impl Principal {
    /// The operator at the command line: whoever runs `kith` with the data
    /// directory (and so the master key) has every power. Audited as `cli`.
    pub fn cli() -> Principal {
        Principal {
            user: UserId(uuid::Uuid::nil()),
            role: Role::Admin,
            request_id: uuid::Uuid::now_v7().to_string(),
            token: None,
        }
    }

    /// The provenance of what this principal creates: an API client by its
    /// token's name, otherwise a manual entry by the user (none for the CLI).
    pub fn provenance(&self) -> kith_domain::Provenance {
        use kith_domain::{Provenance, SourceKind};
        let user = (!self.user.0.is_nil()).then_some(self.user);
        let at = time::OffsetDateTime::now_utc();
        match &self.token {
            Some(t) => Provenance {
                kind: SourceKind::Api,
                reference: Some(t.name.clone()),
                detail: None,
                user,
                at,
                created_in_source: None,
            },
            None => Provenance {
                kind: SourceKind::Manual,
                reference: None,
                detail: None,
                user,
                at,
                created_in_source: None,
            },
        }
    }

    /// The command-line operator (see [`Principal::cli`]).
    pub fn is_cli(&self) -> bool {
        self.user.0.is_nil()
    }

    pub(crate) fn ctx(&self) -> Ctx {
        let actor = if self.user.0.is_nil() { "cli".to_owned() } else { format!("user:{}", self.user) };
        Ctx { actor, request_id: self.request_id.clone(), token: self.token.clone() }
    }

    /// The staff user to record as the author of what this principal
    /// writes: none for the command-line operator.
    pub(crate) fn author(&self) -> Option<UserId> {
        (!self.user.0.is_nil()).then_some(self.user)
    }

    pub(crate) fn require(&self, ok: bool, what: &'static str) -> Result<(), AppError> {
        if ok {
            Ok(())
        } else {
            Err(AppError::Forbidden(what))
        }
    }
}

/// Every way a use case can fail. Messages never contain personal data.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("authentication required")]
    Unauthenticated,
    #[error("your role may not {0}")]
    Forbidden(&'static str),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{0}")]
    Invalid(Invalid),
    #[error("{0}")]
    Conflict(String),
    #[error("the Idempotency-Key was already used with a different request")]
    IdempotencyMismatch,
    #[error("too many failed attempts; retry in {retry_after_secs} s")]
    TooManyAttempts { retry_after_secs: i64 },
    #[error("the service is busy")]
    Unavailable,
    /// The person's processing is restricted (Art. 18): only storage.
    #[error("processing of this contact is restricted (GDPR Art. 18): it is stored, but nothing else may be done with it until the restriction is lifted")]
    Restricted,
    #[error("internal error")]
    Internal(#[source] StoreError),
}

impl AppError {
    /// The HTTP status every surface answers this error with (the API's
    /// problem JSON, the staff pages, the public pages): one classification.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden(_) => 403,
            AppError::NotFound(_) => 404,
            AppError::Invalid(_) => 422,
            AppError::Conflict(_) | AppError::Restricted => 409,
            // The same key with another request (the IETF idempotency-key draft).
            AppError::IdempotencyMismatch => 422,
            AppError::TooManyAttempts { .. } => 429,
            AppError::Unavailable => 503,
            AppError::Internal(_) => 500,
        }
    }

    /// The stable slug of the problem type (`/problems/<slug>` on the API).
    pub fn slug(&self) -> &'static str {
        match self {
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden(_) => "forbidden",
            AppError::NotFound(_) => "not-found",
            AppError::Invalid(_) => "validation",
            AppError::Conflict(_) => "conflict",
            AppError::Restricted => "restricted",
            AppError::IdempotencyMismatch => "idempotency-key-reused",
            AppError::TooManyAttempts { .. } => "too-many-attempts",
            AppError::Unavailable => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }
}

impl From<Invalid> for AppError {
    fn from(e: Invalid) -> Self {
        AppError::Invalid(e)
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound("record"),
            StoreError::Restricted => AppError::Restricted,
            StoreError::MissingRef(field) => {
                AppError::Invalid(Invalid::one(field, "refers to a record that does not exist"))
            }
            // A bare field name is a uniqueness conflict; a sentence says it all.
            StoreError::Conflict(what) if what.contains(' ') => AppError::Conflict(what.into()),
            StoreError::Conflict(what) => AppError::Conflict(format!("a record with this {what} already exists")),
            e => match e.failure() {
                Failure::RelatedChanged => {
                    AppError::Conflict("a related record changed at the same moment; retry the request".into())
                }
                Failure::Retry => AppError::Conflict("the record was changed concurrently; retry the request".into()),
                Failure::Duplicate => AppError::Conflict("a record with these values already exists".into()),
                Failure::Busy => AppError::Unavailable,
                Failure::Other => AppError::Internal(e),
            },
        }
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// Names the record a "not found" is about: the store only knows a row was
/// missing, the use case knows it was a contact, a deal…
pub(crate) fn missing(what: &'static str) -> impl FnOnce(AppError) -> AppError {
    move |e| match e {
        AppError::NotFound(_) => AppError::NotFound(what),
        e => e,
    }
}

/// Who the controller is: named in consent receipts and mail.
#[derive(Clone, Debug)]
pub struct Controller {
    pub name: String,
    pub email: String,
    pub address: String,
}

/// Deployment settings the use cases need.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Where people reach Kith's public pages, e.g. `https://crm.example.com`
    /// (links in mail are built from it).
    pub public_url: String,
    /// The `From` of mail Kith sends.
    pub mail_from: String,
    pub controller: Controller,
    /// The controller's default language: what Kith writes to a person
    /// in when it knows no language of theirs, and to processors (a
    /// shipped language code).
    pub language: &'static str,
    /// How long a double opt-in link stays valid.
    pub confirm_days: i64,
    /// How long a prepared export file is kept before it is deleted.
    pub export_days: i64,
    /// Records not reviewed for this long are listed for their owner.
    pub review_after: time::Duration,
    /// Staff reading the outbox see one-time links (sign-in, confirmation,
    /// preferences) as they are: only for demonstrations and tests without
    /// a mail server. Otherwise they are hidden, so staff cannot act as the person.
    pub outbox_shows_links: bool,
    /// How this deployment protects data (the register's measures).
    pub posture: registers::Posture,
    /// Where webhooks may go, and how long processors have to acknowledge.
    pub webhooks: webhooks::WebhookSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            public_url: "http://127.0.0.1:8080".into(),
            mail_from: "Kith <no-reply@example.com>".into(),
            controller: Controller {
                name: "Example Controller".into(),
                email: "privacy@example.com".into(),
                address: "".into(),
            },
            language: kith_i18n::DEFAULT,
            confirm_days: 7,
            export_days: 30,
            review_after: time::Duration::days(365),
            outbox_shows_links: false,
            posture: registers::Posture::default(),
            webhooks: webhooks::WebhookSettings::default(),
        }
    }
}

/// The application: the store plus cached settings.
#[derive(Clone)]
pub struct App {
    pub(crate) store: Store,
    visibility: Arc<RwLock<(Instant, Arc<FieldVisibility>)>>,
    pub(crate) settings: Arc<Settings>,
    /// Wakes the mail sender when a transaction queued mail.
    pub(crate) mail_wake: Arc<tokio::sync::Notify>,
    /// Imports running in this process, by run: their progress as it is,
    /// which the stored one follows (on SQLite, only between batches).
    pub(crate) imports: import_runs::Running,
    /// The instructions gate's cache (see [`authorisations`]).
    pub(crate) gate: authorisations::Gate,
    /// Where mail to staff goes at once (a template's test mail): the
    /// server's transport, if it was given one.
    pub(crate) staff_mail: Option<mailer::Transport>,
}

/// How long a server trusts its cached field-visibility matrix before
/// re-reading it (another server may have changed it).
const VISIBILITY_TTL: Duration = Duration::from_secs(2);

impl App {
    pub fn new(store: Store) -> App {
        let stale = Instant::now().checked_sub(VISIBILITY_TTL * 2).unwrap_or_else(Instant::now);
        App {
            store,
            visibility: Arc::new(RwLock::new((stale, Arc::new(FieldVisibility::default())))),
            settings: Arc::new(Settings::default()),
            mail_wake: Arc::new(tokio::sync::Notify::new()),
            imports: import_runs::Running::default(),
            gate: authorisations::Gate::default(),
            staff_mail: None,
        }
    }

    /// The transport for mail to staff sent at once (see [`templates`]).
    pub fn with_staff_mail(mut self, transport: mailer::Transport) -> App {
        self.staff_mail = Some(transport);
        self
    }

    pub fn with_settings(mut self, settings: Settings) -> App {
        self.store = self.store.clone().with_review_after(settings.review_after);
        self.settings = Arc::new(settings);
        self
    }

    /// Counts one attempt under each keyed hash; refuses once any of them
    /// passed its limit within `window_ms` (locked for as long again).
    pub(crate) async fn throttle(&self, limits: &[(Vec<u8>, i64)], window_ms: i64) -> Result<()> {
        let now = kith_store::now_ms();
        for (key, max) in limits {
            let t = self.store.count_attempt(key, now, window_ms, *max, window_ms).await?;
            if t.locked_until > now {
                return Err(AppError::TooManyAttempts { retry_after_secs: (t.locked_until - now + 999) / 1000 });
            }
        }
        Ok(())
    }

    /// Hourly upkeep: forgets idempotency keys older than a day and spent
    /// tokens past their expiry, drops uploaded import files a day old,
    /// and deletes the records of imports older than
    /// [`kith_store::import_runs::KEEP_RUN_DAYS`].
    pub async fn housekeeping(&self) -> Result<()> {
        self.store.expire_idempotency(24 * 3600 * 1000).await?;
        self.store.purge_used_tokens().await?;
        let ctx = kith_store::Ctx { actor: "system".into(), request_id: uuid::Uuid::now_v7().to_string(), token: None };
        let now = time::OffsetDateTime::now_utc();
        self.store.discard_import_files(&ctx, None, now - import_runs::KEEP_FILE, now - import_runs::STALE).await?;
        let keep_runs = time::Duration::days(kith_store::import_runs::KEEP_RUN_DAYS);
        self.store.purge_import_runs(&ctx, now - keep_runs).await?;
        Ok(())
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The store, for the binary that composes Kith (demo data, benchmarks,
    /// housekeeping). The web layer never calls it (a test checks).
    pub fn store(&self) -> &Store {
        &self.store
    }

    pub(crate) async fn field_visibility(&self) -> Result<Arc<FieldVisibility>> {
        {
            let g = self.visibility.read().unwrap_or_else(|e| e.into_inner());
            if g.0.elapsed() < VISIBILITY_TTL {
                return Ok(g.1.clone());
            }
        }
        let fresh = Arc::new(FieldVisibility::with_overrides(self.store.field_visibility_overrides().await?));
        *self.visibility.write().unwrap_or_else(|e| e.into_inner()) = (Instant::now(), fresh.clone());
        Ok(fresh)
    }

    pub(crate) fn invalidate_visibility(&self) {
        let mut g = self.visibility.write().unwrap_or_else(|e| e.into_inner());
        g.0 = Instant::now().checked_sub(VISIBILITY_TTL * 2).unwrap_or_else(Instant::now);
    }
}

/// A page of results and the cursor for the next one.
#[derive(Clone, Debug)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// Largest page a client may ask for.
pub const MAX_LIMIT: i64 = 200;
pub const DEFAULT_LIMIT: i64 = 50;

pub(crate) fn check_limit(limit: Option<i64>) -> Result<i64> {
    match limit {
        None => Ok(DEFAULT_LIMIT),
        Some(l) if (1..=MAX_LIMIT).contains(&l) => Ok(l),
        Some(_) => Err(Invalid::one("limit", format!("must be between 1 and {MAX_LIMIT}")).into()),
    }
}

/// Idempotency for a create: the key the client sent and a hash of the body.
#[derive(Clone, Debug)]
pub struct IdempotencyKey {
    pub key: String,
    pub request_hash: Vec<u8>,
}

impl IdempotencyKey {
    pub fn new(key: &str, method_path_body: &[&[u8]]) -> Result<Self> {
        if key.is_empty() || key.len() > 200 || !key.chars().all(|c| c.is_ascii_graphic()) {
            return Err(Invalid::one("Idempotency-Key", "must be 1 to 200 visible ASCII characters").into());
        }
        let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
        for part in method_path_body {
            ctx.update(&(part.len() as u64).to_be_bytes());
            ctx.update(part);
        }
        Ok(IdempotencyKey { key: key.to_owned(), request_hash: ctx.finish().as_ref().to_vec() })
    }

    pub(crate) fn claim(&self, p: &Principal) -> kith_store::idempotency::Claim {
        kith_store::idempotency::Claim { user: p.user, key: self.key.clone(), request_hash: self.request_hash.clone() }
    }
}

/// Runs a create under an optional idempotency key. On a replay with the
/// same request it returns the id created the first time.
pub(crate) async fn idempotent<F, Fut>(
    app: &App,
    p: &Principal,
    idem: Option<&IdempotencyKey>,
    resource_type: &str,
    create: F,
) -> Result<uuid::Uuid>
where
    F: FnOnce(Option<kith_store::idempotency::Claim>) -> Fut,
    Fut: std::future::Future<Output = std::result::Result<uuid::Uuid, StoreError>>,
{
    if let Some(k) = idem {
        if let Some(rec) = app.store.idempotency_record(p.user, &k.key).await? {
            return replay(rec, k, resource_type);
        }
    }
    match create(idem.map(|k| k.claim(p))).await {
        Ok(id) => Ok(id),
        Err(StoreError::IdempotencyReplay) => {
            let k = idem.ok_or(AppError::Internal(StoreError::IdempotencyReplay))?;
            let rec =
                app.store.idempotency_record(p.user, &k.key).await?.ok_or(AppError::NotFound("idempotency record"))?;
            replay(rec, k, resource_type)
        }
        Err(e) => Err(e.into()),
    }
}

fn replay(rec: kith_store::idempotency::Record, k: &IdempotencyKey, resource_type: &str) -> Result<uuid::Uuid> {
    if rec.request_hash != k.request_hash || rec.resource_type != resource_type {
        return Err(AppError::IdempotencyMismatch);
    }
    Ok(rec.resource_id)
}
