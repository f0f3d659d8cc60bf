//! Staff users, API tokens, authentication and field visibility.

use crate::{App, AppError, Principal, Result};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use kith_domain::{Email, Field, FieldVisibility, Invalid, Role, TokenId, UserId};
use kith_store::staff::{Token, User};
use ring::rand::{SecureRandom, SystemRandom};

/// Prefix of every API token, so leaked tokens are recognisable by scanners.
pub const TOKEN_PREFIX: &str = "kith_";
pub use crate::passwords::MIN_PASSWORD;

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    SystemRandom::new().fill(&mut b).expect("system randomness");
    b
}

/// 32 random bytes, URL-safe base64: session secrets and CSRF tokens.
pub(crate) fn random_secret() -> String {
    URL_SAFE_NO_PAD.encode(random_bytes::<32>())
}

pub(crate) fn token_hash(token: &str) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, token.as_bytes()).as_ref().to_vec()
}

/// A new password of the user with `email`, checked against the password
/// rule ([`crate::passwords`]) and hashed.
pub fn new_password_hash(password: &str, email: &str) -> Result<String> {
    crate::passwords::check(password, email)?;
    hash_password(password)
}

/// argon2id with the crate's defaults (19 MiB, 2 passes). Checks only the
/// length: [`new_password_hash`] applies the whole rule.
pub fn hash_password(password: &str) -> Result<String> {
    if password.chars().count() < MIN_PASSWORD || password.len() > crate::passwords::MAX_PASSWORD_BYTES {
        return Err(Invalid::one("password", format!("must be {MIN_PASSWORD} to 1024 characters")).into());
    }
    let salt = SaltString::encode_b64(&random_bytes::<16>())
        .map_err(|_| AppError::Invalid(Invalid::one("password", "cannot be hashed")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| AppError::Invalid(Invalid::one("password", "cannot be hashed")))
}

pub fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

impl App {
    /// Resolves a bearer token to the acting principal.
    pub async fn authenticate(&self, token: &str, request_id: String) -> Result<Principal> {
        if !token.starts_with(TOKEN_PREFIX) || token.len() > 200 {
            return Err(AppError::Unauthenticated);
        }
        let owner = self.store.token_owner(&token_hash(token)).await?.ok_or(AppError::Unauthenticated)?;
        let token = kith_store::AuditToken { id: owner.token.0, name: owner.name };
        Ok(Principal { user: owner.user, role: owner.role, request_id, token: Some(token) })
    }

    pub async fn add_user(&self, p: &Principal, email: &str, role: Role, password: &str) -> Result<User> {
        p.require(p.role.can_administer(), "manage users")?;
        let email = Email::parse(email).map_err(|_| Invalid::one("email", "is not a valid email address"))?;
        let email = email.account_key();
        let user = User {
            id: UserId::new(),
            password_hash: new_password_hash(password, &email)?,
            email,
            role,
            created_at: time::OffsetDateTime::now_utc(),
            disabled: false,
            must_change_password: false,
            last_sign_in_at: None,
            second_factor: false,
        };
        self.store.insert_user(&p.ctx(), &user).await?;
        Ok(user)
    }

    /// Changes a user's role. The last admin cannot be demoted.
    pub async fn set_user_role(&self, p: &Principal, id: UserId, role: Role) -> Result<()> {
        p.require(p.role.can_administer(), "manage users")?;
        let users = self.store.list_users().await?;
        let target = users.iter().find(|u| u.id == id).ok_or(AppError::NotFound("user"))?;
        let admins = users.iter().filter(|u| u.role == Role::Admin && !u.disabled).count();
        if target.role == Role::Admin && role != Role::Admin && admins <= 1 {
            return Err(AppError::Conflict("the last admin cannot be given another role".into()));
        }
        Ok(self.store.set_user_role(&p.ctx(), id, role).await?)
    }

    /// The caller's own language and time zone (page "My account"); empty
    /// follows the browser's `Accept-Language` and the server's zone.
    pub async fn set_my_locale(&self, p: &Principal, language: &str, time_zone: &str) -> Result<()> {
        let mut inv = kith_domain::Invalid::default();
        let language = language.trim();
        let language = match language {
            "" => None,
            l => match kith_i18n::supported(l).filter(|s| *s == l) {
                Some(s) => Some(s),
                None => {
                    inv.push("language", format!("must be one of {}", kith_i18n::languages().join(", ")));
                    None
                }
            },
        };
        let time_zone = time_zone.trim();
        let time_zone = match time_zone {
            "" => None,
            z if kith_i18n::zones().iter().any(|k| k == z) => Some(z),
            _ => {
                inv.push("time_zone", "must be an IANA time zone such as Europe/Rome");
                None
            }
        };
        inv.into_result()?;
        Ok(self.store.set_user_locale(&p.ctx(), p.user, language, time_zone).await?)
    }

    /// Every staff member's id, email and role: for choosing and showing
    /// owners. Any signed-in user may see colleagues.
    pub async fn staff_directory(&self, _p: &Principal) -> Result<Vec<(UserId, String, Role)>> {
        Ok(self.store.list_users().await?.into_iter().map(|u| (u.id, u.email, u.role)).collect())
    }

    pub async fn list_users(&self, p: &Principal) -> Result<Vec<User>> {
        p.require(p.role.can_administer(), "manage users")?;
        Ok(self.store.list_users().await?)
    }

    pub async fn user_by_email(&self, p: &Principal, email: &str) -> Result<User> {
        p.require(p.role.can_administer(), "manage users")?;
        let parsed = Email::parse(email).map_err(|_| Invalid::one("email", "is not a valid email address"))?;
        let key = parsed.account_key();
        self.staff_by_sign_in_name(Some(&key), email).await?.ok_or(AppError::NotFound("user"))
    }

    /// A staff member by sign-in name: the account key, else the folded key
    /// an earlier version stored (accents stripped), so that such a user
    /// can still sign in and be managed.
    pub(crate) async fn staff_by_sign_in_name(&self, account: Option<&str>, typed: &str) -> Result<Option<User>> {
        let Some(a) = account else { return Ok(None) };
        if let Some(u) = self.store.user_by_email(a).await? {
            return Ok(Some(u));
        }
        let legacy = kith_domain::normalize::fold(typed.trim());
        if legacy != a {
            return Ok(self.store.user_by_email(&legacy).await?);
        }
        Ok(None)
    }

    /// Creates a token for a user; the clear token is returned once and only
    /// its hash is stored. Staff mint tokens for themselves only: a token
    /// made for another user would let its maker act as that user. The
    /// command-line operator (who holds the data directory and the master
    /// key) may make one for anyone; the audit trail names `cli` as its maker.
    pub async fn create_token(&self, p: &Principal, user: UserId, name: &str) -> Result<(Token, String)> {
        p.require(p.user == user || p.is_cli(), "create API tokens for other users")?;
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
            return Err(Invalid::one("name", "must be 1 to 100 characters").into());
        }
        self.store.get_user(user).await?.ok_or(AppError::NotFound("user"))?;
        let secret = format!("{TOKEN_PREFIX}{}", URL_SAFE_NO_PAD.encode(random_bytes::<32>()));
        let token = Token {
            id: TokenId::new(),
            user,
            name: name.to_owned(),
            created_at: time::OffsetDateTime::now_utc(),
            revoked_at: None,
        };
        self.store.insert_token(&p.ctx(), &token, &token_hash(&secret)).await?;
        Ok((token, secret))
    }

    pub async fn revoke_token(&self, p: &Principal, id: TokenId) -> Result<()> {
        let tokens = self.store.list_tokens(None).await?;
        let t = tokens.iter().find(|t| t.id == id).ok_or(AppError::NotFound("token"))?;
        p.require(p.role.can_administer() || p.user == t.user, "revoke tokens of other users")?;
        self.store.revoke_token(&p.ctx(), id).await.map_err(AppError::from).map_err(crate::missing("token"))
    }

    pub async fn list_tokens(&self, p: &Principal, user: Option<UserId>) -> Result<Vec<Token>> {
        let user = if p.role.can_administer() { user } else { Some(p.user) };
        Ok(self.store.list_tokens(user).await?)
    }

    pub async fn field_visibility_matrix(&self, p: &Principal) -> Result<FieldVisibility> {
        p.require(p.role.can_administer(), "manage field visibility")?;
        Ok((*self.field_visibility().await?).clone())
    }

    pub async fn set_field_visibility(
        &self,
        p: &Principal,
        role: Role,
        field: Field,
        visible: bool,
    ) -> Result<FieldVisibility> {
        p.require(p.role.can_administer(), "manage field visibility")?;
        self.store.set_field_visibility(&p.ctx(), role, field, visible).await?;
        self.invalidate_visibility();
        self.field_visibility_matrix(p).await
    }
}

impl App {
    /// The personal fields `p`'s role may not see (absent from its responses).
    pub async fn hidden_fields(&self, p: &Principal) -> Result<Vec<Field>> {
        let v = self.field_visibility().await?;
        Ok(Field::ALL.into_iter().filter(|f| !v.visible(p.role, *f)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password(&h, "correct horse battery"));
        assert!(!verify_password(&h, "wrong horse battery"));
        assert!(hash_password("short").is_err());
    }
}
