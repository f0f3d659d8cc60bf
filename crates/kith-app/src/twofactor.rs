//! A second factor for staff sign-in: TOTP (RFC 6238 — HMAC-SHA-1, six
//! digits, 30-second steps, as every authenticator app reads them) with
//! ten one-time recovery codes.
//!
//! - The secret is 160 random bits, sealed at rest with AES-256-GCM under a
//!   key derived from the master key and bound to the user's id
//!   ([`kith_store::Vault::seal_secret`]); it is shown once, as a QR code
//!   and as text, while enrolling, and confirmed with a first code.
//! - A code is accepted within one step either side of now, and each step
//!   at most once (the last accepted step is stored).
//! - Recovery codes are stored as keyed hashes (HMAC under a key derived
//!   from the master key), each spendable once.
//! - Attempts are counted per user with the growing wait of password
//!   sign-ins ([`crate::sessions::ACCOUNT_BACKOFF`]).
//! - API tokens are not affected: a token is its own credential.

use crate::sessions::{second_factor_key, SignedIn, ACCOUNT_BACKOFF};
use crate::staff::token_hash;
use crate::{App, AppError, Principal, Result};
use base64::Engine as _;
use kith_domain::Invalid;
use kith_store::accounts::TotpState;
use ring::rand::{SecureRandom, SystemRandom};
use totp_rs::{Algorithm, TOTP};

pub use crate::sessions::CHALLENGE_MS;
pub const RECOVERY_CODES: usize = 10;
const STEP_SECS: u64 = 30;
const SEAL: &str = "totp";
/// The name authenticator apps show beside the account.
const ISSUER: &str = "Kith";
const CODE_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// What a user scans or types into their authenticator app.
pub struct Enrolment {
    /// The secret in base32 (RFC 4648, no padding), for typing in.
    pub secret_base32: String,
    /// The `otpauth://` URI the QR code holds.
    pub uri: String,
    /// The QR code as an SVG image.
    pub qr_svg: String,
}

impl std::fmt::Debug for Enrolment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Enrolment(<secret redacted>)")
    }
}

fn totp(secret: Vec<u8>) -> TOTP {
    TOTP::new_unchecked(Algorithm::SHA1, 6, 1, STEP_SECS, secret)
}

fn now_secs() -> u64 {
    u64::try_from(time::OffsetDateTime::now_utc().unix_timestamp()).unwrap_or(0)
}

/// The time step whose code `code` is, within one step of `now` (seconds).
pub fn matching_step(secret: &[u8], code: &str, now: u64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let t = totp(secret.to_vec());
    let step = now / STEP_SECS;
    // Check all three steps whatever matches, so timing tells nothing.
    let mut found = None;
    for s in [step.saturating_sub(1), step, step + 1] {
        if kith_store::ct_eq(t.generate(s * STEP_SECS).as_bytes(), code.as_bytes()) && found.is_none() {
            found = i64::try_from(s).ok();
        }
    }
    found
}

/// Percent-encodes a URI component.
fn uri_enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'@' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn enrolment(secret: Vec<u8>, email: &str) -> Result<Enrolment> {
    let secret_base32 = totp(secret).get_secret_base32();
    let uri = format!(
        "otpauth://totp/{ISSUER}:{}?secret={secret_base32}&issuer={ISSUER}&algorithm=SHA1&digits=6&period={STEP_SECS}",
        uri_enc(email)
    );
    let qr = qrcode::QrCode::new(uri.as_bytes())
        .map_err(|_| AppError::Conflict("the QR code cannot be drawn; type the secret in instead".into()))?;
    let qr_svg = qr.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).quiet_zone(true).build();
    Ok(Enrolment { secret_base32, uri, qr_svg })
}

impl Enrolment {
    /// The QR code as a `data:` URL for an `<img>` (allowed by the pages'
    /// Content-Security-Policy, unlike inline markup with styles).
    pub fn qr_data_url(&self) -> String {
        format!("data:image/svg+xml;base64,{}", base64::engine::general_purpose::STANDARD.encode(&self.qr_svg))
    }
}

/// Ten fresh recovery codes, as shown (`xxxxx-xxxxx`, ~49 bits each).
fn new_recovery_codes() -> Vec<String> {
    let rng = SystemRandom::new();
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut b = [0u8; 10];
            rng.fill(&mut b).expect("system randomness");
            let s: String = b.iter().map(|x| CODE_ALPHABET[usize::from(*x) % CODE_ALPHABET.len()] as char).collect();
            format!("{}-{}", &s[..5], &s[5..])
        })
        .collect()
}

/// A recovery code as typed, the way it is hashed: lower case, no dashes or spaces.
fn normal_code(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

impl App {
    fn recovery_hash(&self, code: &str) -> Vec<u8> {
        self.store.vault().keyed_hash("recovery-code", &normal_code(code))
    }

    /// The caller's second-factor state (for their account page).
    pub async fn second_factor(&self, p: &Principal) -> Result<TotpState> {
        Ok(self.store.totp_state(p.user).await?)
    }

    /// Starts (or restarts) enrolling a second factor: a new secret, kept
    /// sealed as pending until confirmed with a first code.
    ///
    /// With a factor already in place this is refused: it is replaced only
    /// by turning it off first, which needs the password, so that whoever
    /// holds a session cannot swap in an authenticator of their own.
    pub async fn start_enrolment(&self, p: &Principal, email: &str) -> Result<Enrolment> {
        own_account(p)?;
        if self.store.totp_state(p.user).await?.sealed.is_some() {
            return Err(AppError::Conflict(
                "a second factor is already set up: turn it off first (with your password) to set up another".into(),
            ));
        }
        let mut secret = vec![0u8; 20];
        SystemRandom::new().fill(&mut secret).expect("system randomness");
        let sealed = self.store.vault().seal_secret(SEAL, p.user.0, &secret);
        self.store.set_totp_pending(&p.ctx(), p.user, &sealed).await?;
        enrolment(secret, email)
    }

    /// The enrolment under way, if any (to show its QR code again).
    pub async fn pending_enrolment(&self, p: &Principal, email: &str) -> Result<Option<Enrolment>> {
        let state = self.store.totp_state(p.user).await?;
        let Some(sealed) = state.pending else { return Ok(None) };
        let secret = self.store.vault().open_secret(SEAL, p.user.0, &sealed)?;
        enrolment(secret, email).map(Some)
    }

    /// Confirms the enrolment with a first code; returns the recovery codes
    /// to show once (only their hashes are kept).
    pub async fn confirm_enrolment(&self, p: &Principal, code: &str) -> Result<Vec<String>> {
        own_account(p)?;
        let state = self.store.totp_state(p.user).await?;
        let pending = state.pending.ok_or_else(|| AppError::Conflict("start the enrolment first".into()))?;
        let secret = self.store.vault().open_secret(SEAL, p.user.0, &pending)?;
        let step = matching_step(&secret, code, now_secs()).ok_or_else(|| {
            Invalid::one("code", "is not the current code of your app (check that the phone's clock is right)")
        })?;
        let codes = new_recovery_codes();
        let hashes: Vec<Vec<u8>> = codes.iter().map(|c| self.recovery_hash(c)).collect();
        self.store.confirm_totp(&p.ctx(), p.user, &pending, step, &hashes).await?;
        Ok(codes)
    }

    /// Removes the caller's second factor; their password is required.
    pub async fn disable_second_factor(&self, p: &Principal, password: &str) -> Result<()> {
        own_account(p)?;
        self.check_own_password(p, password).await?;
        Ok(self.store.disable_totp(&p.ctx(), p.user).await?)
    }

    /// The second step of a sign-in: a current code of the user's app or
    /// an unused recovery code. Counted before it is checked; wrong codes
    /// make the next attempt wait longer and longer.
    pub async fn complete_sign_in(&self, challenge: &str, code: &str, request_id: String) -> Result<SignedIn> {
        if challenge.is_empty() || challenge.len() > 100 || code.len() > 64 {
            return Err(AppError::Unauthenticated);
        }
        let now = kith_store::now_ms();
        let user_id = self.store.challenge_user(&token_hash(challenge), now).await?.ok_or(AppError::Unauthenticated)?;
        let key = second_factor_key(self.store.vault(), user_id);
        let t = self.store.count_attempt_backoff(&key, now, ACCOUNT_BACKOFF).await?;
        if t.locked_until > now {
            tracing::info!(request.id = %request_id, "second factor refused: locked out");
            return Err(AppError::TooManyAttempts { retry_after_secs: (t.locked_until - now + 999) / 1000 });
        }
        let user = self.store.get_user(user_id).await?.ok_or(AppError::Unauthenticated)?;
        let principal = Principal { user: user.id, role: user.role, request_id, token: None };
        let state = self.store.totp_state(user.id).await?;
        let Some(sealed) = state.sealed else { return Err(AppError::Unauthenticated) };
        let secret = self.store.vault().open_secret(SEAL, user.id.0, &sealed)?;
        let ok = match matching_step(&secret, code, now_secs()) {
            Some(step) => self.store.accept_totp_step(user.id, step).await?,
            None if normal_code(code).len() == 10 => {
                self.store.use_recovery_code(&principal.ctx(), user.id, &self.recovery_hash(code)).await?
            }
            None => false,
        };
        if !ok {
            tracing::info!(request.id = %principal.request_id, "second factor refused");
            return Err(Invalid::one("code", "is not correct (or was used already)").into());
        }
        self.store.clear_attempts(&key).await?;
        self.store.clear_attempts(&crate::sessions::email_key(self.store.vault(), &user.email)).await?;
        self.start_session(principal, Some(challenge)).await
    }

    /// Abandons a pending second step (the sign-in page started over).
    pub async fn cancel_sign_in(&self, challenge: &str) -> Result<()> {
        Ok(self.store.delete_challenge(&token_hash(challenge)).await?)
    }
}

/// Second factors are for people at the pages, not for API tokens or the CLI.
fn own_account(p: &Principal) -> Result<()> {
    if p.is_cli() || p.token.is_some() {
        return Err(AppError::Forbidden("manage a second factor here"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890".
    #[test]
    fn codes_follow_rfc_6238_and_match_one_step_either_side() {
        let secret = b"12345678901234567890";
        let t = totp(secret.to_vec());
        // The RFC's 8-digit values end in these six digits.
        assert_eq!(t.generate(59), "287082");
        assert_eq!(t.generate(1_111_111_109), "081804");
        assert_eq!(matching_step(secret, "081804", 1_111_111_109), Some(1_111_111_109 / 30));
        assert_eq!(matching_step(secret, "081 804", 1_111_111_109 + 30), Some(1_111_111_109 / 30));
        assert_eq!(matching_step(secret, "081804", 1_111_111_109 + 95), None);
        assert_eq!(matching_step(secret, "08180", 1_111_111_109), None);
    }

    #[test]
    fn recovery_codes_are_distinct_and_normalise() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert_eq!(codes.iter().collect::<std::collections::HashSet<_>>().len(), RECOVERY_CODES);
        assert_eq!(normal_code(" AbCde-fGhjk "), "abcdefghjk");
        let e = enrolment(b"12345678901234567890".to_vec(), "anna+x@example.com").unwrap();
        assert!(e.uri.starts_with("otpauth://totp/Kith:anna%2Bx@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&"));
        assert!(e.qr_svg.starts_with("<?xml") || e.qr_svg.starts_with("<svg"));
    }
}
