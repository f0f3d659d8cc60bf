//! Staff users, API tokens and field-visibility overrides.

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::{Field, Role, TokenId, UserId};

#[derive(Clone)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub role: Role,
    pub password_hash: String,
    pub created_at: time::OffsetDateTime,
    pub disabled: bool,
    /// A temporary password set by an admin: the user must choose a new one.
    pub must_change_password: bool,
    pub last_sign_in_at: Option<time::OffsetDateTime>,
    /// The user enrolled a second factor (TOTP).
    pub second_factor: bool,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "User({}, {})", self.id, self.role.as_str())
    }
}

#[derive(Clone, Debug)]
pub struct Token {
    pub id: TokenId,
    pub user: UserId,
    pub name: String,
    pub created_at: time::OffsetDateTime,
    pub revoked_at: Option<time::OffsetDateTime>,
}

/// Who a valid token belongs to.
#[derive(Clone, Debug)]
pub struct TokenOwner {
    pub token: TokenId,
    /// The token's name, e.g. the client it was made for.
    pub name: String,
    pub user: UserId,
    pub role: Role,
}

const USER_COLS: &str = "id, email, role, password_hash, created_at, disabled, must_change_password, \
     last_sign_in_at, totp_sealed IS NOT NULL";

fn decode_user(r: &Row) -> Result<User, StoreError> {
    let role: String = r.get(2)?;
    Ok(User {
        id: UserId(r.get(0)?),
        email: r.get(1)?,
        role: Role::parse(&role).ok_or(StoreError::Corrupt("user role"))?,
        password_hash: r.get(3)?,
        created_at: from_ms(r.get(4)?),
        disabled: r.get(5)?,
        must_change_password: r.get(6)?,
        last_sign_in_at: r.get::<Option<i64>>(7)?.map(from_ms),
        second_factor: r.get(8)?,
    })
}

pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

impl Store {
    pub async fn insert_user(&self, ctx: &Ctx, u: &User) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let r = tx
            .execute(
                "INSERT INTO users (id, email, role, password_hash, created_at, disabled, must_change_password) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &args![
                    u.id.0,
                    u.email.as_str(),
                    u.role.as_str(),
                    u.password_hash.as_str(),
                    now_ms(),
                    u.disabled,
                    u.must_change_password
                ],
            )
            .await;
        match r {
            Err(StoreError::Db(e)) if is_unique_violation(&e) => return Err(StoreError::Conflict("email")),
            r => r?,
        };
        audit::append(&mut tx, ctx, &[NewEntry::object("user.create", "user", u.id)]).await?;
        tx.commit().await
    }

    pub async fn set_user_role(&self, ctx: &Ctx, id: UserId, role: Role) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("UPDATE users SET role = $1 WHERE id = $2", &args![role.as_str(), id.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("user.role", "user", id)]).await?;
        tx.commit().await
    }

    /// A staff member's language and time zone (`None`: follow the
    /// browser and the server). The values are checked by the caller.
    pub async fn set_user_locale(
        &self,
        ctx: &Ctx,
        id: UserId,
        language: Option<&str>,
        time_zone: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx
            .execute(
                "UPDATE users SET language = $1, time_zone = $2 WHERE id = $3",
                &args![language.map(str::to_owned), time_zone.map(str::to_owned), id.0],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("user.locale", "user", id)]).await?;
        tx.commit().await
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<User>, StoreError> {
        let sql = format!("SELECT {USER_COLS} FROM users WHERE email = $1");
        let row = self.pools.read.conn().await?.fetch_optional(&sql, &args![email]).await?;
        row.map(|r| decode_user(&r)).transpose()
    }

    pub async fn get_user(&self, id: UserId) -> Result<Option<User>, StoreError> {
        let sql = format!("SELECT {USER_COLS} FROM users WHERE id = $1");
        let row = self.pools.read.conn().await?.fetch_optional(&sql, &args![id.0]).await?;
        row.map(|r| decode_user(&r)).transpose()
    }

    pub async fn list_users(&self) -> Result<Vec<User>, StoreError> {
        let sql = format!("SELECT {USER_COLS} FROM users ORDER BY email");
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &[]).await?;
        rows.iter().map(decode_user).collect()
    }

    pub async fn insert_token(&self, ctx: &Ctx, t: &Token, token_hash: &[u8]) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
            &args![t.id.0, t.user.0, t.name.as_str(), token_hash.to_vec(), now_ms()],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("token.create", "token", t.id)]).await?;
        tx.commit().await
    }

    pub async fn revoke_token(&self, ctx: &Ctx, id: TokenId) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx
            .execute(
                "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
                &args![now_ms(), id.0],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("token.revoke", "token", id)]).await?;
        tx.commit().await
    }

    pub async fn list_tokens(&self, user: Option<UserId>) -> Result<Vec<Token>, StoreError> {
        let (sql, vals) = match user {
            Some(u) => (
                "SELECT id, user_id, name, created_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at",
                args![u.0].to_vec(),
            ),
            None => ("SELECT id, user_id, name, created_at, revoked_at FROM api_tokens ORDER BY created_at", Vec::new()),
        };
        let rows = self.pools.read.conn().await?.fetch_all(sql, &vals).await?;
        rows.iter()
            .map(|r| {
                Ok(Token {
                    id: TokenId(r.get(0)?),
                    user: UserId(r.get(1)?),
                    name: r.get(2)?,
                    created_at: from_ms(r.get(3)?),
                    revoked_at: r.get::<Option<i64>>(4)?.map(from_ms),
                })
            })
            .collect()
    }

    /// The owner of an unrevoked token of an enabled user, by token hash.
    pub async fn token_owner(&self, token_hash: &[u8]) -> Result<Option<TokenOwner>, StoreError> {
        let row = self
            .pools
            .read
            .conn()
            .await?
            .fetch_optional(
                "SELECT t.id, u.id, u.role, t.name FROM api_tokens t JOIN users u ON u.id = t.user_id \
                 WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled = $2",
                &args![token_hash.to_vec(), false],
            )
            .await?;
        row.map(|r| {
            let role: String = r.get(2)?;
            Ok(TokenOwner {
                token: TokenId(r.get(0)?),
                user: UserId(r.get(1)?),
                role: Role::parse(&role).ok_or(StoreError::Corrupt("user role"))?,
                name: r.get(3)?,
            })
        })
        .transpose()
    }

    pub async fn field_visibility_overrides(&self) -> Result<Vec<(Role, Field, bool)>, StoreError> {
        let rows =
            self.pools.read.conn().await?.fetch_all("SELECT role, field, visible FROM field_visibility", &[]).await?;
        let mut out = Vec::new();
        for r in &rows {
            let role: String = r.get(0)?;
            let field: String = r.get(1)?;
            if let (Some(role), Some(field)) = (Role::parse(&role), Field::parse(&field)) {
                out.push((role, field, r.get(2)?));
            }
        }
        Ok(out)
    }

    pub async fn set_field_visibility(
        &self,
        ctx: &Ctx,
        role: Role,
        field: Field,
        visible: bool,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            "INSERT INTO field_visibility (role, field, visible) VALUES ($1, $2, $3) \
             ON CONFLICT (role, field) DO UPDATE SET visible = excluded.visible",
            &args![role.as_str(), field.as_str(), visible],
        )
        .await?;
        audit::append(
            &mut tx,
            ctx,
            &[NewEntry {
                action: "field_visibility.set",
                subject: None,
                object_type: "role",
                object_id: Some(role.as_str().into()),
            }],
        )
        .await?;
        tx.commit().await
    }
}
