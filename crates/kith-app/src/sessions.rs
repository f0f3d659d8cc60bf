//! Staff sign-in for the web pages: sessions with a CSRF token each, and
//! throttling of failed sign-ins per email typed and per client address.

use crate::staff::{random_secret, token_hash, verify_password};
use crate::{App, AppError, Principal, Result};
use kith_domain::normalize::fold;
use kith_domain::Role;

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
        crate::constant_time_eq(&self.csrf, given)
    }

    pub fn role(&self) -> Role {
        self.principal.role
    }
}

fn now_ms() -> i64 {
    kith_store::to_ms(time::OffsetDateTime::now_utc())
}

impl App {
    /// Signs a staff member in. Every failure — unknown email, wrong
    /// password, disabled user — is the same `Unauthenticated` and takes
    /// the same time, so the answer does not reveal whether the email
    /// exists; repeated failures lock the email (and the client address)
    /// out for a while.
    pub async fn sign_in(&self, email: &str, password: &str, client: &str, request_id: String) -> Result<SignedIn> {
        let vault = self.store.vault();
        let email_key = vault.keyed_hash("sign-in-email", &fold(email.trim()));
        let client_key = vault.keyed_hash("sign-in-client", client);
        let now = now_ms();
        let locked =
            self.store.sign_in_locked_until(&email_key).await?.max(self.store.sign_in_locked_until(&client_key).await?);
        if locked > now {
            return Err(AppError::TooManyAttempts { retry_after_secs: (locked - now + 999) / 1000 });
        }
        let user = if email.len() <= 254 { self.store.user_by_email(&fold(email.trim())).await? } else { None };
        let hash = user.as_ref().map(|u| u.password_hash.clone());
        let password = password.to_owned();
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
        let user = match user {
            Some(u) if ok && !u.disabled => u,
            _ => {
                let e = self
                    .store
                    .record_sign_in_failure(&email_key, now, FAILURE_WINDOW_MS, MAX_FAILURES_PER_EMAIL, LOCKOUT_MS)
                    .await?;
                let c = self
                    .store
                    .record_sign_in_failure(&client_key, now, FAILURE_WINDOW_MS, MAX_FAILURES_PER_CLIENT, LOCKOUT_MS)
                    .await?;
                let locked = e.locked_until.max(c.locked_until);
                tracing::info!(request.id = %request_id, "sign-in refused");
                if locked > now {
                    return Err(AppError::TooManyAttempts { retry_after_secs: (locked - now + 999) / 1000 });
                }
                return Err(AppError::Unauthenticated);
            }
        };
        self.store.clear_sign_in_failures(&email_key).await?;
        let secret = random_secret();
        let csrf = random_secret();
        let principal = Principal { user: user.id, role: user.role, request_id };
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
            .session_user(&token_hash(secret), now_ms(), SESSION_IDLE_MS)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        Ok(Session { principal: Principal { user: s.user, role: s.role, request_id }, email: s.email, csrf: s.csrf })
    }

    /// Ends the session a cookie secret names (nothing if there is none).
    pub async fn sign_out(&self, secret: &str, request_id: String) -> Result<()> {
        let ctx = kith_store::Ctx { actor: "session".into(), request_id };
        Ok(self.store.delete_session(&ctx, &token_hash(secret)).await?)
    }
}

/// An argon2id hash of a random password, made once, checked against when
/// the email is unknown.
fn dummy_hash() -> &'static str {
    static H: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    H.get_or_init(|| crate::staff::hash_password(&random_secret()).unwrap_or_default())
}
