//! Staff accounts: disabling and enabling, password resets and changes,
//! unlocking a locked-out account. Disabling or resetting ends the user's
//! sessions and revokes their API tokens in the same transaction; every
//! change is audited (ids only).

use crate::sessions::{check_password, email_key, second_factor_key, ACCOUNT_BACKOFF};
use crate::staff::{hash_password, new_password_hash, token_hash};
use crate::{missing, App, AppError, Principal, Result};
use kith_domain::{Invalid, UserId};
use kith_store::staff::User;
use ring::rand::{SecureRandom, SystemRandom};

/// Characters of generated temporary passwords: no look-alikes (0/o, 1/l/i).
const TEMP_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// A random temporary password: 20 characters (~99 bits) in groups of 5.
pub(crate) fn temporary_password() -> String {
    let mut bytes = [0u8; 20];
    SystemRandom::new().fill(&mut bytes).expect("system randomness");
    let chars: Vec<char> = bytes.iter().map(|b| TEMP_ALPHABET[usize::from(*b) % TEMP_ALPHABET.len()] as char).collect();
    chars.chunks(5).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

impl App {
    async fn user(&self, id: UserId) -> Result<User> {
        self.store.get_user(id).await?.ok_or(AppError::NotFound("user"))
    }

    /// Disables a user: their sessions end and their API tokens are revoked
    /// at once. Nobody disables their own account, nor the last enabled admin.
    pub async fn disable_user(&self, p: &Principal, id: UserId) -> Result<()> {
        p.require(p.role.can_administer(), "manage users")?;
        if p.user == id {
            return Err(AppError::Conflict("you cannot disable your own account; another admin can".into()));
        }
        self.store.set_user_disabled(&p.ctx(), id, true).await.map_err(AppError::from).map_err(missing("user"))
    }

    pub async fn enable_user(&self, p: &Principal, id: UserId) -> Result<()> {
        p.require(p.role.can_administer(), "manage users")?;
        self.store.set_user_disabled(&p.ctx(), id, false).await.map_err(AppError::from).map_err(missing("user"))
    }

    /// An admin's reset: a generated temporary password, returned once, that
    /// the user must change at next sign-in. The user's sessions end and
    /// their API tokens are revoked; their second factor is removed too when
    /// `clear_second_factor` (a user who lost it), otherwise it stays.
    pub async fn reset_password(&self, p: &Principal, id: UserId, clear_second_factor: bool) -> Result<String> {
        p.require(p.role.can_administer(), "manage users")?;
        if p.user == id {
            return Err(AppError::Conflict("change your own password on the My account page".into()));
        }
        self.user(id).await?;
        let temp = temporary_password();
        let hash = hash_password(&temp)?;
        self.store
            .reset_password(&p.ctx(), id, &hash, true, clear_second_factor)
            .await
            .map_err(AppError::from)
            .map_err(missing("user"))?;
        Ok(temp)
    }

    /// The operator's `kith user set-password`: a password of their choice
    /// (the rule applies), temporary or not; sessions end, tokens are revoked.
    pub async fn set_password(&self, p: &Principal, id: UserId, password: &str, temporary: bool) -> Result<()> {
        p.require(p.role.can_administer(), "manage users")?;
        let user = self.user(id).await?;
        let hash = new_password_hash(password, &user.email)?;
        self.store
            .reset_password(&p.ctx(), id, &hash, temporary, false)
            .await
            .map_err(AppError::from)
            .map_err(missing("user"))
    }

    /// Checks the signed-in user's current password, counting the attempt
    /// like a sign-in to the account (a stolen session cannot guess it).
    pub(crate) async fn check_own_password(&self, p: &Principal, current: &str) -> Result<User> {
        let user = self.user(p.user).await?;
        let key = email_key(self.store.vault(), &user.email);
        let now = kith_store::now_ms();
        let t = self.store.count_attempt_backoff(&key, now, ACCOUNT_BACKOFF).await?;
        if t.locked_until > now {
            return Err(AppError::TooManyAttempts { retry_after_secs: (t.locked_until - now + 999) / 1000 });
        }
        if !check_password(Some(user.password_hash.clone()), current).await? {
            return Err(Invalid::one("current_password", "is not correct").into());
        }
        self.store.clear_attempts(&key).await?;
        Ok(user)
    }

    /// A user's own change (current password required). Their other
    /// sessions end; the one of `session_secret` stays; API tokens stay.
    pub async fn change_own_password(
        &self,
        p: &Principal,
        current: &str,
        new: &str,
        session_secret: &str,
    ) -> Result<()> {
        if p.is_cli() || p.token.is_some() {
            return Err(AppError::Forbidden("change a password here"));
        }
        let user = self.check_own_password(p, current).await?;
        if new == current {
            return Err(Invalid::one("password", "must differ from the current one").into());
        }
        let hash = new_password_hash(new, &user.email)?;
        Ok(self.store.change_own_password(&p.ctx(), p.user, &hash, &token_hash(session_secret)).await?)
    }

    /// Forgets a user's failed sign-ins and second-factor attempts, so a
    /// locked-out user can sign in at once.
    pub async fn unlock_user(&self, p: &Principal, id: UserId) -> Result<()> {
        p.require(p.role.can_administer(), "manage users")?;
        let user = self.user(id).await?;
        let vault = self.store.vault();
        let keys = [email_key(vault, &user.email), second_factor_key(vault, id)];
        self.store.unlock_user(&p.ctx(), id, &keys).await.map_err(AppError::from).map_err(missing("user"))
    }

    /// Until when the user's sign-in (password or second factor) waits
    /// after failed attempts, if it does now.
    pub async fn locked_until(&self, p: &Principal, user: &User) -> Result<Option<time::OffsetDateTime>> {
        p.require(p.role.can_administer(), "manage users")?;
        let vault = self.store.vault();
        let now = kith_store::now_ms();
        let mut until = None;
        for key in [email_key(vault, &user.email), second_factor_key(vault, user.id)] {
            until = until.max(self.store.locked_until(&key, now).await?);
        }
        Ok(until.map(kith_store::from_ms))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn temporary_passwords_are_long_random_and_pass_the_rule() {
        let a = super::temporary_password();
        assert_eq!(a.len(), 23);
        assert_ne!(a, super::temporary_password());
        assert!(crate::passwords::strength(&a, &[]).acceptable, "{a}");
    }
}
