//! The breach register (Art. 33–34), kept by dpo and admin: the record of
//! each breach with its history, the awareness moment locked once set
//! (corrected only with a reason), the 72-hour clock shown on every staff
//! page, the notices ([`notices`]) and the deadline reminders
//! ([`reminders`]).

pub mod notices;
pub mod people_mail;
pub mod reminders;

use crate::{missing, App, AppError, Principal, Result};
use kith_domain::breach::clock;
use kith_domain::breach::{check_evidence, Breach, Reference};
use kith_domain::Invalid;
use kith_store::breaches::{Aware, HistoryEntry, StoredBreach};
use notices::NoticeView;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// A breach as shown: the record, its clock, notices, history and the
/// latest frozen count of affected people.
#[derive(Clone, Debug)]
pub struct BreachView {
    pub stored: StoredBreach,
    pub deadline: Option<OffsetDateTime>,
    /// Negative when overdue; `None` while aware at is not set.
    pub time_left: Option<Duration>,
    /// An authority notice was recorded as sent.
    pub notified: bool,
    pub notices: Vec<NoticeView>,
    pub history: Vec<HistoryEntry>,
    pub people_found: Option<(i64, OffsetDateTime)>,
}

impl BreachView {
    pub fn clock(&self) -> String {
        match self.time_left {
            Some(l) => clock::describe(l),
            None => "aware at not set".into(),
        }
    }
}

/// A new breach: its reference, the record and, when known, the moment
/// the controller became aware and on what evidence.
#[derive(Clone, Debug)]
pub struct NewBreach {
    pub reference: String,
    pub breach: Breach,
    pub aware_at: Option<OffsetDateTime>,
    pub aware_evidence: String,
}

/// An open breach's clock, for the banner.
#[derive(Clone, Debug)]
pub struct Clock {
    pub id: Uuid,
    pub reference: String,
    pub title: String,
    pub time_left: Duration,
    pub overdue: bool,
    pub text: String,
}

fn aware(p: &Principal, at: Option<OffsetDateTime>, evidence: String) -> Result<Option<Aware>> {
    match at {
        None if evidence.trim().is_empty() => Ok(None),
        None => Err(Invalid::one("aware_at", "give the moment the evidence made you aware").into()),
        Some(at) => {
            if at > OffsetDateTime::now_utc() + Duration::minutes(5) {
                return Err(Invalid::one("aware_at", "cannot be in the future").into());
            }
            Ok(Some(Aware { at, by: p.author(), evidence: check_evidence(evidence)? }))
        }
    }
}

/// The value, or its field errors added to `inv` (names kept as they are).
fn take<T>(inv: &mut Invalid, r: std::result::Result<T, Invalid>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            inv.0.extend(e.0);
            None
        }
    }
}

impl App {
    fn require_breaches(&self, p: &Principal) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "keep the breach register")
    }

    /// Every breach with its clock, notices and history, newest first.
    pub async fn breaches(&self, p: &Principal) -> Result<Vec<BreachView>> {
        self.require_breaches(p)?;
        let mut out = Vec::new();
        for s in self.store.breaches().await? {
            out.push(self.breach_view(s).await?);
        }
        Ok(out)
    }

    /// One breach with its notices, history and latest frozen count.
    pub async fn breach(&self, p: &Principal, id: Uuid) -> Result<BreachView> {
        self.require_breaches(p)?;
        let s = self.store.breach(id).await?.ok_or(AppError::NotFound("breach"))?;
        self.breach_view(s).await
    }

    async fn breach_view(&self, s: StoredBreach) -> Result<BreachView> {
        let notices = self.breach_notice_views(s.id).await?;
        let notified = notices.iter().any(|n| n.is_authority_sent());
        let aware_at = s.aware.as_ref().map(|a| a.at);
        Ok(BreachView {
            deadline: aware_at.map(clock::deadline),
            time_left: aware_at.map(|a| clock::time_left(a, OffsetDateTime::now_utc())),
            notified,
            notices,
            history: self.store.breach_history(s.id).await?,
            people_found: self.store.latest_breach_count(s.id).await?,
            stored: s,
        })
    }

    pub async fn create_breach(&self, p: &Principal, n: NewBreach) -> Result<Uuid> {
        self.require_breaches(p)?;
        let mut inv = Invalid::default();
        let reference = take(&mut inv, Reference::parse(&n.reference));
        let breach = take(&mut inv, n.breach.check());
        let aware = match aware(p, n.aware_at, n.aware_evidence) {
            Ok(a) => a,
            Err(AppError::Invalid(e)) => {
                inv.0.extend(e.0);
                None
            }
            Err(e) => return Err(e),
        };
        inv.into_result()?;
        let (Some(reference), Some(breach)) = (reference, breach) else {
            return Err(AppError::Conflict("the breach could not be checked".into()));
        };
        let id = Uuid::now_v7();
        self.store.insert_breach(&p.ctx(), id, reference.as_str(), &breach, aware.as_ref(), p.author()).await?;
        Ok(id)
    }

    /// Replaces the record; `aware_at` sets the awareness moment when it is
    /// not set yet (a different one once set is a conflict: correct it).
    pub async fn update_breach(
        &self,
        p: &Principal,
        id: Uuid,
        breach: Breach,
        aware_at: Option<OffsetDateTime>,
        aware_evidence: String,
    ) -> Result<()> {
        self.require_breaches(p)?;
        let breach = breach.check()?;
        let current = self.store.breach(id).await?.ok_or(AppError::NotFound("breach"))?;
        // Unchanged awareness sent back with the record is not a change.
        let (aware_at, evidence) = match (&current.aware, aware_at) {
            (Some(c), Some(a)) if c.at.unix_timestamp() == a.unix_timestamp() => (None, String::new()),
            (Some(_), None) => (None, String::new()),
            _ => (aware_at, aware_evidence),
        };
        let aware = aware(p, aware_at, evidence)?;
        self.store.update_breach(&p.ctx(), id, &breach, aware.as_ref()).await.map_err(|e| missing("breach")(e.into()))
    }

    /// Corrects the awareness moment, with a reason kept in the history
    /// beside the old value.
    pub async fn correct_breach_aware_at(
        &self,
        p: &Principal,
        id: Uuid,
        at: OffsetDateTime,
        evidence: String,
        reason: String,
    ) -> Result<()> {
        self.require_breaches(p)?;
        let reason = reason.trim().to_owned();
        let mut inv = Invalid::default();
        if reason.is_empty() || reason.chars().count() > 2000 {
            inv.push("reason", "say why the moment is corrected (at most 2000 characters)");
        }
        let a = match aware(p, Some(at), evidence) {
            Ok(a) => a,
            Err(AppError::Invalid(e)) => {
                inv.0.extend(e.0);
                None
            }
            Err(e) => return Err(e),
        };
        inv.into_result()?;
        let a = a.ok_or(AppError::Conflict("aware at is required".into()))?;
        self.store.correct_aware_at(&p.ctx(), id, &a, &reason).await.map_err(|e| missing("breach")(e.into()))
    }

    /// The clocks of open breaches whose authority notice is still due,
    /// for the banner: only dpo and admin see them (others get none).
    pub async fn breach_clocks(&self, p: &Principal) -> Result<Vec<Clock>> {
        if !p.role.can_manage_privacy() {
            return Ok(Vec::new());
        }
        let now = OffsetDateTime::now_utc();
        let mut out = Vec::new();
        for o in self.store.open_breaches().await? {
            let decided_not = o.breach.authority_decision == kith_domain::breach::AuthorityDecision::DoNotNotify;
            let Some(at) = o.aware_at else { continue };
            if o.notified || decided_not {
                continue;
            }
            let left = clock::time_left(at, now);
            out.push(Clock {
                id: o.id,
                reference: o.reference,
                title: o.title,
                time_left: left,
                overdue: left < Duration::ZERO,
                text: clock::describe(left),
            });
        }
        Ok(out)
    }
}
