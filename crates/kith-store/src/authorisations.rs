//! Persons authorised to process personal data (Art. 29, 32(4)): the
//! published versions of the instructions (never edited), who acknowledged
//! which version, and staff training records. Everything here names staff
//! users, never a data subject; every write commits with its audit entry.

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::authorisation::{Instructions, Training};
use kith_domain::UserId;
use time::Date;
use uuid::Uuid;

/// An acknowledgement: who, which version, when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acknowledgement {
    pub user: UserId,
    pub version: i64,
    pub at: time::OffsetDateTime,
}

/// A training record as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredTraining {
    pub id: Uuid,
    pub user: UserId,
    pub training: Training,
    pub recorded_at: time::OffsetDateTime,
    /// Who recorded it (none for the command-line operator).
    pub recorded_by: Option<UserId>,
}

const DATE: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

fn date(s: &str) -> Result<Date, StoreError> {
    Date::parse(s, DATE).map_err(|_| StoreError::Corrupt("training date"))
}

fn decode_instructions(r: &Row) -> Result<Instructions, StoreError> {
    Ok(Instructions {
        version: r.get(0)?,
        text: r.get(1)?,
        sha256: r.get(2)?,
        published_at: from_ms(r.get(3)?),
        published_by: r.get::<Option<Uuid>>(4)?.map(UserId),
    })
}

fn decode_training(r: &Row) -> Result<StoredTraining, StoreError> {
    Ok(StoredTraining {
        id: r.get(0)?,
        user: UserId(r.get(1)?),
        training: Training {
            course: r.get(2)?,
            completed_on: date(&r.get::<String>(3)?)?,
            expires_on: r.get::<Option<String>>(4)?.as_deref().map(date).transpose()?,
        },
        recorded_at: from_ms(r.get(5)?),
        recorded_by: r.get::<Option<Uuid>>(6)?.map(UserId),
    })
}

const INSTRUCTION_COLS: &str = "version, body, sha256, published_at, published_by";
const TRAINING_COLS: &str = "id, user_id, course, completed_on, expires_on, recorded_at, recorded_by";

impl Store {
    /// The number of the current (latest) instructions, if any were published.
    pub async fn current_instructions_version(&self) -> Result<Option<i64>, StoreError> {
        let row =
            self.pools.read.conn().await?.fetch_optional("SELECT MAX(version) FROM staff_instructions", &[]).await?;
        Ok(match row {
            Some(r) => r.get::<Option<i64>>(0)?,
            None => None,
        })
    }

    /// Every published version, newest first.
    pub async fn instructions(&self) -> Result<Vec<Instructions>, StoreError> {
        let sql = format!("SELECT {INSTRUCTION_COLS} FROM staff_instructions ORDER BY version DESC");
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &[]).await?;
        rows.iter().map(decode_instructions).collect()
    }

    /// Publishes `text` (checked by the caller, `sha256` its digest) as the
    /// next version; returns its number. The same text as the current
    /// version is refused: everyone would have to acknowledge it again for
    /// nothing.
    pub async fn publish_instructions(
        &self,
        ctx: &Ctx,
        text: &str,
        sha256: &str,
        by: Option<UserId>,
    ) -> Result<i64, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let latest = tx
            .fetch_optional("SELECT version, sha256 FROM staff_instructions ORDER BY version DESC LIMIT 1", &[])
            .await?;
        let next = match latest {
            Some(r) => {
                if r.get::<String>(1)? == sha256 {
                    return Err(StoreError::Conflict("the text is the same as the current version's"));
                }
                r.get::<i64>(0)? + 1
            }
            None => 1,
        };
        let inserted = tx
            .execute(
                "INSERT INTO staff_instructions (version, body, sha256, published_at, published_by) \
                 VALUES ($1, $2, $3, $4, $5)",
                &args![next, text, sha256, now_ms(), by.map(|u| u.0)],
            )
            .await;
        match inserted {
            Err(StoreError::Db(e)) if crate::staff::is_unique_violation(&e) => {
                return Err(StoreError::Conflict("other instructions were published at the same moment; reload them"))
            }
            r => r?,
        };
        audit::append(&mut tx, ctx, &[NewEntry::object("instructions.publish", "instructions", next)]).await?;
        tx.commit().await?;
        Ok(next)
    }

    /// Records that `user` acknowledged `version`, which must be the
    /// current one. Acknowledging it again changes nothing.
    pub async fn acknowledge_instructions(&self, ctx: &Ctx, user: UserId, version: i64) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let row = tx
            .fetch_optional("SELECT version, sha256 FROM staff_instructions ORDER BY version DESC LIMIT 1", &[])
            .await?
            .ok_or(StoreError::NotFound)?;
        let (current, sha256): (i64, String) = (row.get(0)?, row.get(1)?);
        if version < current {
            return Err(StoreError::Conflict("newer instructions were published: read and acknowledge those"));
        }
        if version > current {
            return Err(StoreError::Conflict("no such version of the instructions: acknowledge the current one"));
        }
        let n = tx
            .execute(
                "INSERT INTO staff_acknowledgements (user_id, version, sha256, acknowledged_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (user_id, version) DO NOTHING",
                &args![user.0, version, sha256, now_ms()],
            )
            .await?;
        if n > 0 {
            audit::append(&mut tx, ctx, &[NewEntry::object("instructions.acknowledge", "instructions", version)])
                .await?;
        }
        tx.commit().await
    }

    /// The latest version `user` acknowledged, if any.
    pub async fn acknowledged_version(&self, user: UserId) -> Result<Option<i64>, StoreError> {
        let row = self
            .pools
            .read
            .conn()
            .await?
            .fetch_optional("SELECT MAX(version) FROM staff_acknowledgements WHERE user_id = $1", &args![user.0])
            .await?;
        Ok(match row {
            Some(r) => r.get::<Option<i64>>(0)?,
            None => None,
        })
    }

    /// Each user's latest acknowledgement.
    pub async fn latest_acknowledgements(&self) -> Result<Vec<Acknowledgement>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT a.user_id, a.version, a.acknowledged_at FROM staff_acknowledgements a \
                 WHERE a.version = (SELECT MAX(b.version) FROM staff_acknowledgements b WHERE b.user_id = a.user_id)",
                &[],
            )
            .await?;
        rows.iter()
            .map(|r| Ok(Acknowledgement { user: UserId(r.get(0)?), version: r.get(1)?, at: from_ms(r.get(2)?) }))
            .collect()
    }

    /// Every training record, by user and completion.
    pub async fn trainings(&self) -> Result<Vec<StoredTraining>, StoreError> {
        let sql = format!("SELECT {TRAINING_COLS} FROM staff_training ORDER BY user_id, completed_on, id");
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &[]).await?;
        rows.iter().map(decode_training).collect()
    }

    /// Records a training of `user` (checked by the caller).
    pub async fn add_training(
        &self,
        ctx: &Ctx,
        id: Uuid,
        user: UserId,
        t: &Training,
        by: Option<UserId>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if tx.fetch_optional("SELECT id FROM users WHERE id = $1", &args![user.0]).await?.is_none() {
            return Err(StoreError::NotFound);
        }
        tx.execute(
            "INSERT INTO staff_training (id, user_id, course, completed_on, expires_on, recorded_at, recorded_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &args![
                id,
                user.0,
                t.course.as_str(),
                t.completed_on.to_string(),
                t.expires_on.map(|d| d.to_string()),
                now_ms(),
                by.map(|u| u.0)
            ],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("training.add", "user", user)]).await?;
        tx.commit().await
    }

    /// Removes a training record of `user` (one recorded by mistake).
    pub async fn remove_training(&self, ctx: &Ctx, user: UserId, id: Uuid) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("DELETE FROM staff_training WHERE id = $1 AND user_id = $2", &args![id, user.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("training.remove", "user", user)]).await?;
        tx.commit().await
    }
}
