//! Persons authorised to process personal data (Art. 29, 32(4)): the admin
//! publishes the instructions, each staff member acknowledges the current
//! version themself, admin and dpo record training, and the register
//! (read by dpo, admin and readonly) lists every staff member's role,
//! scope, acknowledgement and training with reminders.
//!
//! [`App::needs_acknowledgement`] is the gate the web layer asks before
//! anything that shows personal data: it is cheap, because the current
//! version is cached for a few seconds and an acknowledgement, once seen,
//! is remembered (it is never withdrawn).

use crate::{missing, App, Principal, Result};
use kith_domain::authorisation::{self, AckStatus, Instructions, Training, TrainingStatus};
use kith_domain::{Field, Role, UserId};
use kith_store::authorisations::{Acknowledgement, StoredTraining};
use std::collections::HashSet;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// How long a server trusts its cached current version before reading it
/// again (another server may have published).
const CURRENT_TTL: Duration = Duration::from_secs(3);
/// Acknowledgements remembered at most; past it the memory starts again.
const ACKS_REMEMBERED: usize = 10_000;

/// The current version's number (none if never published) and when it was read.
type CurrentVersion = Option<(Instant, Option<i64>)>;

/// The gate's memory: the current version, and the (user, version)
/// acknowledgements seen.
#[derive(Clone)]
pub(crate) struct Gate {
    current: Arc<RwLock<CurrentVersion>>,
    acks: Arc<Mutex<HashSet<(UserId, i64)>>>,
}

impl Default for Gate {
    fn default() -> Self {
        Gate { current: Arc::new(RwLock::new(None)), acks: Arc::new(Mutex::new(HashSet::new())) }
    }
}

impl Gate {
    fn forget_current(&self) {
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = None;
    }

    fn remember(&self, user: UserId, version: i64) {
        let mut acks = self.acks.lock().unwrap_or_else(|e| e.into_inner());
        if acks.len() >= ACKS_REMEMBERED {
            acks.clear();
        }
        acks.insert((user, version));
    }

    fn knows(&self, user: UserId, version: i64) -> bool {
        self.acks.lock().unwrap_or_else(|e| e.into_inner()).contains(&(user, version))
    }
}

/// One staff member in the register.
#[derive(Clone, Debug)]
pub struct StaffAuthorisation {
    pub user: UserId,
    pub email: String,
    pub role: Role,
    pub disabled: bool,
    /// What the role gives access to, and the fields hidden from it.
    pub scope: String,
    pub ack: AckStatus,
    /// The latest acknowledgement, if any.
    pub acknowledged: Option<Acknowledgement>,
    pub training: TrainingStatus,
    /// Every training record, oldest first.
    pub trainings: Vec<StoredTraining>,
    /// What is due, in words (an unacknowledged version, an expired course…).
    pub reminders: Vec<String>,
}

/// The register of authorised persons.
#[derive(Clone, Debug)]
pub struct AuthorisationRegister {
    pub current: Option<Instructions>,
    pub staff: Vec<StaffAuthorisation>,
}

/// SHA-256 of the text (UTF-8), hex.
fn digest(text: &str) -> String {
    crate::registers::sha256_hex(text.as_bytes())
}

impl App {
    /// Every published version of the instructions, newest first. Anyone
    /// signed in may read them: everyone must follow them.
    pub async fn instructions(&self, _p: &Principal) -> Result<Vec<Instructions>> {
        Ok(self.store.instructions().await?)
    }

    /// Publishes a new version of the instructions (admin). Everyone must
    /// acknowledge it before opening personal data again.
    pub async fn publish_instructions(&self, p: &Principal, text: &str) -> Result<i64> {
        p.require(p.role.can_administer(), "publish the instructions")?;
        let text = authorisation::check_instructions_text(text)?;
        let version = self.store.publish_instructions(&p.ctx(), &text, &digest(&text), p.author()).await?;
        self.gate.forget_current();
        Ok(version)
    }

    /// The caller acknowledges `version` of the instructions, which must be
    /// the current one. Only a staff member acknowledges, for themself.
    pub async fn acknowledge_instructions(&self, p: &Principal, version: i64) -> Result<()> {
        p.require(!p.is_cli(), "acknowledge instructions: the command line is not a staff member")?;
        self.store
            .acknowledge_instructions(&p.ctx(), p.user, version)
            .await
            .map_err(|e| missing("instructions")(e.into()))?;
        self.gate.remember(p.user, version);
        Ok(())
    }

    /// The current version's number, from the cache when fresh.
    async fn current_version(&self) -> Result<Option<i64>> {
        if let Some((at, v)) = *self.gate.current.read().unwrap_or_else(|e| e.into_inner()) {
            if at.elapsed() < CURRENT_TTL {
                return Ok(v);
            }
        }
        let v = self.store.current_instructions_version().await?;
        *self.gate.current.write().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), v));
        Ok(v)
    }

    /// The version the caller must acknowledge before opening personal
    /// data, if any. Nobody is held back before instructions are first
    /// published, and the command-line operator never is.
    pub async fn needs_acknowledgement(&self, p: &Principal) -> Result<Option<i64>> {
        if p.is_cli() {
            return Ok(None);
        }
        let Some(current) = self.current_version().await? else { return Ok(None) };
        if self.gate.knows(p.user, current) {
            return Ok(None);
        }
        let acknowledged = self.store.acknowledged_version(p.user).await?;
        if acknowledged.is_some_and(|a| a >= current) {
            self.gate.remember(p.user, current);
        }
        Ok(authorisation::needs_acknowledgement(Some(current), acknowledged))
    }

    /// The register of authorised persons (dpo, admin, readonly): every
    /// staff member with role, scope, acknowledgement and training status.
    pub async fn authorisation_register(&self, p: &Principal) -> Result<AuthorisationRegister> {
        p.require(p.role.can_read_registers(), "read the registers")?;
        let current = self.store.instructions().await?.into_iter().next();
        let users = self.store.list_users().await?;
        let acks = self.store.latest_acknowledgements().await?;
        let trainings = self.store.trainings().await?;
        let visibility = self.field_visibility().await?;
        let today = time::OffsetDateTime::now_utc().date();
        let version = current.as_ref().map(|c| c.version);
        let staff = users
            .into_iter()
            .map(|u| {
                let acknowledged = acks.iter().find(|a| a.user == u.id).cloned();
                let mine: Vec<StoredTraining> = trainings.iter().filter(|t| t.user == u.id).cloned().collect();
                let courses: Vec<Training> = mine.iter().map(|t| t.training.clone()).collect();
                let acked = acknowledged.as_ref().map(|a| a.version);
                let hidden: Vec<String> = Field::ALL
                    .iter()
                    .filter(|f| !visibility.visible(u.role, **f))
                    .map(|f| f.as_str().replace('_', " "))
                    .collect();
                let mut scope = authorisation::role_scope(u.role).to_owned();
                if !hidden.is_empty() {
                    scope.push_str(&format!("; hidden from the role: {}", hidden.join(", ")));
                }
                StaffAuthorisation {
                    user: u.id,
                    email: u.email,
                    role: u.role,
                    disabled: u.disabled,
                    scope,
                    ack: authorisation::ack_status(version, acked),
                    acknowledged,
                    training: authorisation::training_status(&courses, today),
                    reminders: if u.disabled {
                        Vec::new()
                    } else {
                        authorisation::reminders(version, acked, &courses, today)
                    },
                    trainings: mine,
                }
            })
            .collect();
        Ok(AuthorisationRegister { current, staff })
    }

    /// Records a training of `user` (admin, dpo).
    pub async fn add_training(
        &self,
        p: &Principal,
        user: UserId,
        course: &str,
        completed_on: time::Date,
        expires_on: Option<time::Date>,
    ) -> Result<Uuid> {
        p.require(p.role.can_manage_privacy(), "record training")?;
        let today = time::OffsetDateTime::now_utc().date();
        let t = Training::check(course, completed_on, expires_on, today)?;
        let id = Uuid::now_v7();
        self.store.add_training(&p.ctx(), id, user, &t, p.author()).await.map_err(|e| missing("user")(e.into()))?;
        Ok(id)
    }

    /// Removes a training record of `user` (admin, dpo).
    pub async fn remove_training(&self, p: &Principal, user: UserId, id: Uuid) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "record training")?;
        self.store.remove_training(&p.ctx(), user, id).await.map_err(|e| missing("training record")(e.into()))
    }
}
