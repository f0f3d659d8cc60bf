//! Staff sign-in for the web pages: sessions with a CSRF token each,
//! throttling of failed sign-ins per email typed and per client address,
//! and the second step for users with a second factor ([`crate::twofactor`]).

use crate::staff::{random_secret, token_hash, verify_password};
use crate::{App, AppError, Principal, Result};
use kith_domain::{Email, Role};

/// A session ends after this long without use…
pub const SESSION_IDLE_MS: i64 = 2 * 3600 * 1000;
/// …and at the latest this long after sign-in.
pub const SESSION_MAX_MS: i64 = 12 * 3600 * 1000;
/// Failed sign-ins from one client address counted within this window…
pub const FAILURE_WINDOW_MS: i64 = 15 * 60 * 1000;
/// …lock the address out after this many (an office shares one address)…
pub const MAX_FAILURES_PER_CLIENT: i64 = 30;
/// …for this long.
pub const LOCKOUT_MS: i64 = 15 * 60 * 1000;
/// How long the second step of a sign-in may take.
pub const CHALLENGE_MS: i64 = 5 * 60 * 1000;
/// An account (the email typed, or a second-factor step) is not locked
/// hard: its first four failed attempts pass freely; the fifth and each
/// later one make the next wait 15 s, doubled per further failure, at most
/// 15 minutes; a success, a day without attempts or an admin's unlock
/// forget them.
pub const ACCOUNT_BACKOFF: Backoff =
    Backoff { free: 5, base_ms: 15_000, cap_ms: 15 * 60 * 1000, forget_ms: kith_store::sessions::KEEP_COUNTERS_MS };

use kith_store::sessions::Backoff;

/// The throttling key of sign-ins to the account `email` (as typed, or as
/// stored): a keyed hash, never the email.
pub(crate) fn email_key(vault: &kith_store::Vault, email: &str) -> Vec<u8> {
    vault.keyed_hash("sign-in-email", account_key(email).as_deref().unwrap_or(email.trim()))
}

/// The address as a staff sign-in name (case ignored, nothing else folded;
/// see `Email::account_key`); `None` if it is not an address.
pub(crate) fn account_key(email: &str) -> Option<String> {
    Email::parse(email).map(|e| e.account_key()).ok()
}

/// The throttling key of second-factor attempts of a user.
pub(crate) fn second_factor_key(vault: &kith_store::Vault, user: kith_domain::UserId) -> Vec<u8> {
    vault.keyed_hash("sign-in-second-factor", &user.to_string())
}

/// What a correct password leads to.
pub enum SignInStep {
    /// Signed in.
    Done(SignedIn),
    /// The user has a second factor: the secret of the challenge (for a
    /// short-lived cookie) to complete with a code.
    SecondFactor { challenge: String },
}

/// A new session: the secret goes into the cookie and nowhere else.
pub struct SignedIn {
    pub secret: String,
    pub principal: Principal,
}

/// A signed-in staff member on one request.
#[derive(Clone)]
pub struct Session {
    pub principal: Principal,
    pub email: String,
    csrf: String,
    /// An admin reset the password: the user must choose a new one first.
    pub must_change_password: bool,
    /// The user enrolled a second factor.
    pub second_factor: bool,
    /// The clocks of open breaches (dpo, admin): filled by the staff
    /// pages from `App::breach_clocks` for the banner on every page.
    pub breach_clocks: Vec<BannerClock>,
    /// The language chosen on "My account" (`None`: the browser's).
    pub language: Option<String>,
    /// The time zone chosen on "My account" (`None`: the server's).
    pub time_zone: Option<String>,
    /// The reader this session's pages are written for: filled by the
    /// staff pages from the choices above and `Accept-Language`.
    pub tr: kith_i18n::Tr,
}

/// One open breach's 72-hour clock, as the staff banner shows it.
#[derive(Clone, Debug)]
pub struct BannerClock {
    pub id: String,
    pub reference: String,
    /// "41 h 12 min left" or "overdue by 3 h 5 min", in the reader's
    /// language (the staff pages write it from `Clock::time_left`).
    pub text: String,
    pub overdue: bool,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Session({:?})", self.principal)
    }
}

impl Session {
    /// The token every form of this session must carry.
    pub fn csrf(&self) -> &str {
        &self.csrf
    }

    /// Whether a submitted form token is this session's (constant time).
    pub fn csrf_matches(&self, given: &str) -> bool {
        kith_store::ct_eq(self.csrf.as_bytes(), given.as_bytes())
    }

    pub fn role(&self) -> Role {
        self.principal.role
    }
}

impl App {
    /// Signs a staff member in. Every failure — unknown email, wrong
    /// password, disabled user — is the same `Unauthenticated` and takes
    /// the same time, so the answer does not reveal whether the email
    /// exists. Each attempt is counted (per email typed and per client
    /// address) before the password is checked; repeated failures make the
    /// account wait longer and longer ([`ACCOUNT_BACKOFF`]) and too many
    /// from one address lock it out, and a locked key is refused without
    /// checking anything. A user with a second factor gets a challenge to
    /// complete with [`App::complete_sign_in`] instead of a session.
    pub async fn sign_in(&self, email: &str, password: &str, client: &str, request_id: String) -> Result<SignInStep> {
        let vault = self.store.vault();
        let account = account_key(email);
        let email_key = email_key(vault, email);
        let client_key = vault.keyed_hash("sign-in-client", client);
        let now = kith_store::now_ms();
        let locked = |until: i64| AppError::TooManyAttempts { retry_after_secs: (until - now + 999) / 1000 };
        let c =
            self.store.count_attempt(&client_key, now, FAILURE_WINDOW_MS, MAX_FAILURES_PER_CLIENT, LOCKOUT_MS).await?;
        if c.locked_until > now {
            tracing::info!(request.id = %request_id, "sign-in refused: client locked out");
            return Err(locked(c.locked_until));
        }
        let e = self.store.count_attempt_backoff(&email_key, now, ACCOUNT_BACKOFF).await?;
        if e.locked_until > now {
            tracing::info!(request.id = %request_id, "sign-in refused: account locked out");
            return Err(locked(e.locked_until));
        }
        let user = self.staff_by_sign_in_name(account.as_deref(), email).await?;
        let hash = user.as_ref().map(|u| u.password_hash.clone());
        let ok = check_password(hash, password).await?;
        let user = match user {
            Some(u) if ok && !u.disabled => u,
            _ => {
                tracing::info!(request.id = %request_id, "sign-in refused");
                return Err(AppError::Unauthenticated);
            }
        };
        self.store.forgive_attempt(&client_key).await?;
        if user.second_factor {
            // The account's failures are forgotten once the second step passes.
            let challenge = random_secret();
            let expires = now + CHALLENGE_MS;
            self.store.insert_challenge(&token_hash(&challenge), user.id, expires).await?;
            return Ok(SignInStep::SecondFactor { challenge });
        }
        self.store.clear_attempts(&email_key).await?;
        let principal = Principal { user: user.id, role: user.role, request_id, token: None };
        Ok(SignInStep::Done(self.start_session(principal, None).await?))
    }

    /// A new session for `principal` (completing `challenge`, if given).
    pub(crate) async fn start_session(&self, principal: Principal, challenge: Option<&str>) -> Result<SignedIn> {
        let secret = random_secret();
        let csrf = random_secret();
        let now = kith_store::now_ms();
        let challenge = challenge.map(token_hash);
        self.store
            .insert_session(
                &principal.ctx(),
                &token_hash(&secret),
                principal.user,
                &csrf,
                now,
                now + SESSION_MAX_MS,
                challenge.as_deref(),
            )
            .await
            .map_err(|e| match e {
                kith_store::StoreError::NotFound => AppError::Unauthenticated,
                e => e.into(),
            })?;
        Ok(SignedIn { secret, principal })
    }

    /// The session a cookie secret names, if it is live.
    pub async fn session(&self, secret: &str, request_id: String) -> Result<Session> {
        if secret.is_empty() || secret.len() > 100 {
            return Err(AppError::Unauthenticated);
        }
        let s = self
            .store
            .session_user(&token_hash(secret), kith_store::now_ms(), SESSION_IDLE_MS)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        Ok(Session {
            principal: Principal { user: s.user, role: s.role, request_id, token: None },
            email: s.email,
            csrf: s.csrf,
            must_change_password: s.must_change_password,
            second_factor: s.second_factor,
            breach_clocks: Vec::new(),
            tr: kith_i18n::Tr::new(s.language.as_deref().unwrap_or(kith_i18n::DEFAULT))
                .in_zone(s.time_zone.as_deref().unwrap_or(&kith_i18n::server_zone())),
            language: s.language,
            time_zone: s.time_zone,
        })
    }

    /// Ends the caller's session (the one its cookie secret names).
    pub async fn sign_out(&self, p: &Principal, secret: &str) -> Result<()> {
        Ok(self.store.delete_session(&p.ctx(), &token_hash(secret)).await?)
    }
}

/// Checks `password` against `hash` (or, without one, against a dummy hash
/// so the time taken tells nothing) off the async threads. argon2id takes
/// ~19 MiB and tens of milliseconds per check: a few at a time, so a flood
/// of sign-ins cannot exhaust memory.
pub(crate) async fn check_password(hash: Option<String>, password: &str) -> Result<bool> {
    let password = password.to_owned();
    let permit = tokio::time::timeout(std::time::Duration::from_secs(5), password_checks().acquire())
        .await
        .map_err(|_| AppError::Unavailable)?
        .map_err(|_| AppError::Unavailable)?;
    let ok = tokio::task::spawn_blocking(move || match hash {
        Some(h) => verify_password(&h, &password),
        None => {
            verify_password(dummy_hash(), &password);
            false
        }
    })
    .await
    .unwrap_or(false);
    drop(permit);
    Ok(ok)
}

/// Password checks allowed to run at once.
fn password_checks() -> &'static tokio::sync::Semaphore {
    static S: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    S.get_or_init(|| tokio::sync::Semaphore::new(4))
}

/// An argon2id hash of a random password, made once, checked against when
/// the email is unknown.
fn dummy_hash() -> &'static str {
    static H: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    H.get_or_init(|| crate::staff::hash_password(&random_secret()).unwrap_or_default())
}
