//! Staff sign-in for the web pages: sessions with a CSRF token each, and
//! throttling of failed sign-ins per email typed and per client address.

use crate::staff::{random_secret, token_hash, verify_password};
use crate::{App, AppError, Principal, Result};
use kith_domain::{Email, Role};

/// A session ends after this long without use…
pub const SESSION_IDLE_MS: i64 = 2 * 3600 * 1000;
/// …and at the latest this long after sign-in.
pub const SESSION_MAX_MS: i64 = 12 * 3600 * 1000;
/// Failed sign-ins counted within this window…
pub const FAILURE_WINDOW_MS: i64 = 15 * 60 * 1000;
/// …lock an email out after this many…
pub const MAX_FAILURES_PER_EMAIL: i64 = 5;
/// …and a client address after this many (an office shares one address).
pub const MAX_FAILURES_PER_CLIENT: i64 = 30;
/// How long a lock-out lasts.
pub const LOCKOUT_MS: i64 = 15 * 60 * 1000;

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
    /// address) before the password is checked; too many within the window
    /// lock the key out for a while, and a locked key is refused without
    /// checking anything.
    pub async fn sign_in(&self, email: &str, password: &str, client: &str, request_id: String) -> Result<SignedIn> {
        let vault = self.store.vault();
        // The address as a staff sign-in name (ASCII and Unicode case
        // ignored, nothing else folded); unparsable text is throttled as typed.
        let account = Email::parse(email).map(|e| e.account_key()).ok();
        let email_key = vault.keyed_hash("sign-in-email", account.as_deref().unwrap_or(email.trim()));
        let client_key = vault.keyed_hash("sign-in-client", client);
        let now = kith_store::now_ms();
        let locked = |until: i64| AppError::TooManyAttempts { retry_after_secs: (until - now + 999) / 1000 };
        let c =
            self.store.count_attempt(&client_key, now, FAILURE_WINDOW_MS, MAX_FAILURES_PER_CLIENT, LOCKOUT_MS).await?;
        if c.locked_until > now {
            tracing::info!(request.id = %request_id, "sign-in refused: client locked out");
            return Err(locked(c.locked_until));
        }
        let e =
            self.store.count_attempt(&email_key, now, FAILURE_WINDOW_MS, MAX_FAILURES_PER_EMAIL, LOCKOUT_MS).await?;
        if e.locked_until > now {
            tracing::info!(request.id = %request_id, "sign-in refused: account locked out");
            return Err(locked(e.locked_until));
        }
        let user = match &account {
            Some(a) => self.store.user_by_email(a).await?,
            None => None,
        };
        let hash = user.as_ref().map(|u| u.password_hash.clone());
        let password = password.to_owned();
        // argon2id takes ~19 MiB and tens of milliseconds per check: a few
        // at a time, so a flood of sign-ins cannot exhaust memory.
        let permit = tokio::time::timeout(std::time::Duration::from_secs(5), password_checks().acquire())
            .await
            .map_err(|_| AppError::Unavailable)?
            .map_err(|_| AppError::Unavailable)?;
        let ok = tokio::task::spawn_blocking(move || match hash {
            Some(h) => verify_password(&h, &password),
            None => {
                // Same work as a real check, so timing tells nothing.
                verify_password(dummy_hash(), &password);
                false
            }
        })
        .await
        .unwrap_or(false);
        drop(permit);
        let user = match user {
            Some(u) if ok && !u.disabled => u,
            _ => {
                tracing::info!(request.id = %request_id, "sign-in refused");
                return Err(AppError::Unauthenticated);
            }
        };
        self.store.clear_attempts(&email_key).await?;
        self.store.forgive_attempt(&client_key).await?;
        let secret = random_secret();
        let csrf = random_secret();
        let principal = Principal { user: user.id, role: user.role, request_id, token: None };
        self.store
            .insert_session(&principal.ctx(), &token_hash(&secret), user.id, &csrf, now, now + SESSION_MAX_MS)
            .await?;
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
        })
    }

    /// Ends the caller's session (the one its cookie secret names).
    pub async fn sign_out(&self, p: &Principal, secret: &str) -> Result<()> {
        Ok(self.store.delete_session(&p.ctx(), &token_hash(secret)).await?)
    }
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
