//! Staff account security: disabling and enabling, password changes and
//! resets, unlocking, the second factor (TOTP) and its recovery codes.
//! Whatever takes an account away (disabling, a reset) ends its sessions,
//! its pending sign-ins and its API tokens in the same transaction as the
//! change and its audit entries.

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Tx};
use crate::{args, now_ms, Ctx, Store, StoreError};
use kith_domain::{TokenId, UserId};

/// A user's second-factor state, as the sign-in and enrolment need it.
#[derive(Clone, Default)]
pub struct TotpState {
    /// The sealed secret of the confirmed factor.
    pub sealed: Option<Vec<u8>>,
    /// The sealed secret of an enrolment not yet confirmed.
    pub pending: Option<Vec<u8>>,
    /// Unused recovery codes left.
    pub recovery_left: i64,
}

impl std::fmt::Debug for TotpState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TotpState(enrolled={}, pending={})", self.sealed.is_some(), self.pending.is_some())
    }
}

/// Ends every session and pending sign-in of `user` and revokes its live
/// API tokens; one audit entry per revoked token.
async fn end_access(tx: &mut Tx, user: UserId) -> Result<Vec<NewEntry>, StoreError> {
    tx.execute("DELETE FROM web_sessions WHERE user_id = $1", &args![user.0]).await?;
    tx.execute("DELETE FROM sign_in_challenges WHERE user_id = $1", &args![user.0]).await?;
    let live =
        tx.fetch_all("SELECT id FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL", &args![user.0]).await?;
    tx.execute(
        "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
        &args![now_ms(), user.0],
    )
    .await?;
    live.iter().map(|r| Ok(NewEntry::object("token.revoke", "token", TokenId(r.get(0)?)))).collect()
}

impl Store {
    /// Disables (ending the user's sessions and revoking their tokens) or
    /// enables a user. The last enabled admin cannot be disabled: the admin
    /// rows are locked first, so two admins disabling each other at once
    /// cannot both succeed.
    pub async fn set_user_disabled(&self, ctx: &Ctx, id: UserId, disabled: bool) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute("UPDATE users SET disabled = disabled WHERE role = $1", &args!["admin"]).await?;
        let r = tx
            .fetch_optional("SELECT role, disabled FROM users WHERE id = $1", &args![id.0])
            .await?
            .ok_or(StoreError::NotFound)?;
        let (role, was): (String, bool) = (r.get(0)?, r.get(1)?);
        if disabled && !was && role == "admin" {
            let n: i64 = tx
                .fetch_optional("SELECT COUNT(*) FROM users WHERE role = $1 AND disabled = $2", &args!["admin", false])
                .await?
                .ok_or(StoreError::NotFound)?
                .get(0)?;
            if n <= 1 {
                return Err(StoreError::Conflict("the last enabled admin cannot be disabled"));
            }
        }
        tx.execute("UPDATE users SET disabled = $1 WHERE id = $2", &args![disabled, id.0]).await?;
        let mut entries = vec![NewEntry::object(if disabled { "user.disable" } else { "user.enable" }, "user", id)];
        if disabled {
            entries.extend(end_access(&mut tx, id).await?);
        }
        audit::append(&mut tx, ctx, &entries).await?;
        tx.commit().await
    }

    /// An admin's (or the operator's) reset: a new password hash, which the
    /// user must change at next sign-in when `temporary`; every session
    /// and token of the user ends; the second factor is cleared when asked.
    pub async fn reset_password(
        &self,
        ctx: &Ctx,
        id: UserId,
        password_hash: &str,
        temporary: bool,
        clear_second_factor: bool,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx
            .execute(
                "UPDATE users SET password_hash = $1, must_change_password = $2 WHERE id = $3",
                &args![password_hash, temporary, id.0],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        let mut entries = vec![NewEntry::object("user.password_reset", "user", id)];
        if clear_second_factor {
            clear_totp(&mut tx, id).await?;
            entries.push(NewEntry::object("user.second_factor_clear", "user", id));
        }
        entries.extend(end_access(&mut tx, id).await?);
        audit::append(&mut tx, ctx, &entries).await?;
        tx.commit().await
    }

    /// A user's own change: the new hash, no change required any more, and
    /// every other session of the user ended (the one it was made in stays).
    pub async fn change_own_password(
        &self,
        ctx: &Ctx,
        id: UserId,
        password_hash: &str,
        keep_session: &[u8],
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx
            .execute(
                "UPDATE users SET password_hash = $1, must_change_password = $2 WHERE id = $3",
                &args![password_hash, false, id.0],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        tx.execute(
            "DELETE FROM web_sessions WHERE user_id = $1 AND token_hash <> $2",
            &args![id.0, keep_session.to_vec()],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("user.password_change", "user", id)]).await?;
        tx.commit().await
    }

    /// Forgets the sign-in failures counted under `keys` (the user's
    /// throttling keys), audited as an unlock of `id`.
    pub async fn unlock_user(&self, ctx: &Ctx, id: UserId, keys: &[Vec<u8>]) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.fetch_optional("SELECT id FROM users WHERE id = $1", &args![id.0]).await?.ok_or(StoreError::NotFound)?;
        for k in keys {
            tx.execute("DELETE FROM attempt_counters WHERE key_hash = $1", &args![k.clone()]).await?;
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("user.unlock", "user", id)]).await?;
        tx.commit().await
    }

    /// Until when `key` is locked out (Unix ms), if it is at `now`.
    pub async fn locked_until(&self, key: &[u8], now: i64) -> Result<Option<i64>, StoreError> {
        let row = self
            .pools
            .read
            .conn()
            .await?
            .fetch_optional(
                "SELECT locked_until FROM attempt_counters WHERE key_hash = $1 AND locked_until > $2",
                &args![key.to_vec(), now],
            )
            .await?;
        row.map(|r| r.get(0)).transpose()
    }

    pub async fn totp_state(&self, id: UserId) -> Result<TotpState, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let r = c
            .fetch_optional("SELECT totp_sealed, totp_pending FROM users WHERE id = $1", &args![id.0])
            .await?
            .ok_or(StoreError::NotFound)?;
        let left: i64 = c
            .fetch_optional("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL", &args![id.0])
            .await?
            .ok_or(StoreError::NotFound)?
            .get(0)?;
        Ok(TotpState { sealed: r.get(0)?, pending: r.get(1)?, recovery_left: left })
    }

    /// Starts (or restarts) an enrolment with a sealed secret.
    pub async fn set_totp_pending(&self, ctx: &Ctx, id: UserId, sealed: &[u8]) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("UPDATE users SET totp_pending = $1 WHERE id = $2", &args![sealed.to_vec(), id.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("user.second_factor_start", "user", id)]).await?;
        tx.commit().await
    }

    /// Confirms the pending enrolment `pending` (still the one stored): it
    /// becomes the user's factor, `step` counts as used, and the recovery
    /// codes are replaced by `code_hashes`.
    pub async fn confirm_totp(
        &self,
        ctx: &Ctx,
        id: UserId,
        pending: &[u8],
        step: i64,
        code_hashes: &[Vec<u8>],
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx
            .execute(
                "UPDATE users SET totp_sealed = totp_pending, totp_pending = NULL, totp_last_step = $1 \
                 WHERE id = $2 AND totp_pending = $3",
                &args![step, id.0, pending.to_vec()],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::Conflict("the enrolment was restarted elsewhere; start again"));
        }
        tx.execute("DELETE FROM recovery_codes WHERE user_id = $1", &args![id.0]).await?;
        for h in code_hashes {
            tx.execute("INSERT INTO recovery_codes (code_hash, user_id) VALUES ($1, $2)", &args![h.clone(), id.0])
                .await?;
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("user.second_factor_enable", "user", id)]).await?;
        tx.commit().await
    }

    /// Removes the user's second factor and recovery codes.
    pub async fn disable_totp(&self, ctx: &Ctx, id: UserId) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        clear_totp(&mut tx, id).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("user.second_factor_disable", "user", id)]).await?;
        tx.commit().await
    }

    /// Records that TOTP time step `step` was used by `id`, if no later or
    /// equal step was: a code is accepted once, even by two servers at once.
    pub async fn accept_totp_step(&self, id: UserId, step: i64) -> Result<bool, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx
            .execute("UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1", &args![step, id.0])
            .await?;
        tx.commit().await?;
        Ok(n == 1)
    }

    /// Spends an unused recovery code of `id` by its hash; audited.
    pub async fn use_recovery_code(&self, ctx: &Ctx, id: UserId, code_hash: &[u8]) -> Result<bool, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx
            .execute(
                "UPDATE recovery_codes SET used_at = $1 WHERE code_hash = $2 AND user_id = $3 AND used_at IS NULL",
                &args![now_ms(), code_hash.to_vec(), id.0],
            )
            .await?;
        if n == 1 {
            audit::append(&mut tx, ctx, &[NewEntry::object("user.recovery_code_use", "user", id)]).await?;
        }
        tx.commit().await?;
        Ok(n == 1)
    }

    /// A sign-in awaiting its second factor, by the hash of its cookie secret.
    pub async fn insert_challenge(&self, token_hash: &[u8], user: UserId, expires_at: i64) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute("DELETE FROM sign_in_challenges WHERE expires_at < $1", &args![now_ms()]).await?;
        tx.execute(
            "INSERT INTO sign_in_challenges (token_hash, user_id, expires_at) VALUES ($1, $2, $3)",
            &args![token_hash.to_vec(), user.0, expires_at],
        )
        .await?;
        tx.commit().await
    }

    /// The user of a live challenge.
    pub async fn challenge_user(&self, token_hash: &[u8], now: i64) -> Result<Option<UserId>, StoreError> {
        let row = self
            .pools
            .read
            .conn()
            .await?
            .fetch_optional(
                "SELECT c.user_id FROM sign_in_challenges c JOIN users u ON u.id = c.user_id \
                 WHERE c.token_hash = $1 AND c.expires_at > $2 AND u.disabled = $3",
                &args![token_hash.to_vec(), now, false],
            )
            .await?;
        row.map(|r| Ok(UserId(r.get(0)?))).transpose()
    }

    pub async fn delete_challenge(&self, token_hash: &[u8]) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute("DELETE FROM sign_in_challenges WHERE token_hash = $1", &args![token_hash.to_vec()]).await?;
        tx.commit().await
    }
}

async fn clear_totp(tx: &mut Tx, id: UserId) -> Result<(), StoreError> {
    tx.execute("UPDATE users SET totp_sealed = NULL, totp_pending = NULL WHERE id = $1", &args![id.0]).await?;
    tx.execute("DELETE FROM recovery_codes WHERE user_id = $1", &args![id.0]).await?;
    Ok(())
}
