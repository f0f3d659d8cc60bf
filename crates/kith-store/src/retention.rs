//! Retention's storage: the facts the rules are decided on, read a page of
//! contacts at a time; disposal of many people in one transaction through
//! the same erasure as Art. 17; legal holds; review dates; sweep runs and
//! the lease that lets one server sweep at a time.

use crate::audit::{self, NewEntry};
use crate::contacts::{lock_contacts, Lock};
use crate::db::{fetch_in, Exec, Row, MAX_PARAMS};
pub use crate::erasure::AnonymisedRecord;
use crate::erasure::Cause;
use crate::vault::Place;
use crate::{args, from_ms, now_ms, to_ms, Ctx, Store, StoreError};
use kith_domain::retention::{PurposeFacts, Rule, SubjectFacts};
use kith_domain::{LawfulBasis, PurposeId, SubjectId, UserId};
use std::collections::{BTreeSet, HashMap};
use time::OffsetDateTime;
use uuid::Uuid;

/// A legal hold on a person: disposal waits until it is released.
#[derive(Clone, Debug)]
pub struct Hold {
    /// Why (sealed at rest; may name a case, so it is personal data).
    pub reason: String,
    pub review_on: OffsetDateTime,
    pub set_by: Option<UserId>,
    pub set_at: OffsetDateTime,
}

/// Whose retention facts to read.
#[derive(Clone, Copy, Debug)]
pub enum FactsOf {
    /// A page of contacts in id order, after the given id.
    After(Option<Uuid>, i64),
    One(SubjectId),
}

/// One person to dispose of, and why.
#[derive(Clone, Copy, Debug)]
pub struct Disposal {
    pub subject: SubjectId,
    /// The purpose whose rule applies.
    pub purpose: PurposeId,
    /// Keep an anonymous record (counts, months) instead of nothing.
    pub anonymise: bool,
}

/// How a sweep decides again, inside the transaction that disposes, that
/// each person is still to go: the rules it read, its time, and the
/// domain's verdict on the facts read under the contacts' locks.
pub struct Recheck<'a> {
    pub rules: &'a [(PurposeId, Option<Rule>)],
    pub now: OffsetDateTime,
    pub expired: &'a (dyn Fn(&SubjectFacts) -> bool + Send + Sync),
}

/// What one disposal did.
#[derive(Clone, Debug, Default)]
pub struct Disposed {
    pub gone: Vec<SubjectId>,
    /// Held or restricted since the facts were read.
    pub held: usize,
    /// No longer expired (consent given, a contract or an interaction
    /// recorded since), or already gone.
    pub kept: usize,
}

/// A run's progress, saved with the disposals of one page.
pub struct RunProgress<'a, F> {
    pub id: Uuid,
    /// Contacts examined so far.
    pub checked: i64,
    /// The lease the run holds, renewed for `lease_ms` in the same transaction.
    pub lease: &'a str,
    pub holder: Uuid,
    pub lease_ms: i64,
    /// The report as it stands once those disposed of (given) are counted.
    pub report: F,
}

/// A sweep, dry or real.
#[derive(Clone, Debug)]
pub struct RunRecord {
    pub id: Uuid,
    pub dry_run: bool,
    /// `cli`, `schedule` or `user:<id>`.
    pub started_by: String,
    pub started_at: OffsetDateTime,
    pub finished_at: Option<OffsetDateTime>,
    /// Contacts examined.
    pub checked: i64,
    /// Counts per rule (JSON object, no personal data).
    pub report: String,
}

fn hold_place(subject: SubjectId) -> Place<'static> {
    Place { table: "legal_holds", column: "sealed_reason", row: subject.0, subject }
}

impl Store {
    /// The retention facts of the contacts `which` names, with `rules`
    /// naming every purpose and its rule.
    pub async fn retention_facts(
        &self,
        which: FactsOf,
        rules: &[(PurposeId, Option<Rule>)],
        now: OffsetDateTime,
    ) -> Result<Vec<(SubjectId, SubjectFacts)>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = match which {
            FactsOf::After(Some(a), limit) => {
                c.fetch_all(
                    "SELECT id, created_at FROM contacts WHERE id > $1 ORDER BY id LIMIT $2",
                    &args![a, limit.clamp(1, MAX_PARAMS as i64)],
                )
                .await?
            }
            FactsOf::After(None, limit) => {
                c.fetch_all(
                    "SELECT id, created_at FROM contacts ORDER BY id LIMIT $1",
                    &args![limit.clamp(1, MAX_PARAMS as i64)],
                )
                .await?
            }
            FactsOf::One(s) => c.fetch_all("SELECT id, created_at FROM contacts WHERE id = $1", &args![s.0]).await?,
        };
        facts_for(&mut c, &rows, rules, now).await
    }
}

/// The retention facts of the contacts in `rows` (id, created_at), read
/// through `c` (the read pool, or the transaction that disposes of them).
async fn facts_for(
    c: &mut impl Exec,
    rows: &[Row],
    rules: &[(PurposeId, Option<Rule>)],
    now: OffsetDateTime,
) -> Result<Vec<(SubjectId, SubjectFacts)>, StoreError> {
    let mut order = Vec::with_capacity(rows.len());
    let mut facts: HashMap<Uuid, SubjectFacts> = HashMap::with_capacity(rows.len());
    for r in rows {
        let id: Uuid = r.get(0)?;
        order.push(id);
        facts.insert(
            id,
            SubjectFacts {
                created: from_ms(r.get(1)?),
                last_interaction: None,
                open_deal: false,
                last_deal_closed: None,
                hold: None,
                restricted: false,
                purposes: rules
                    .iter()
                    .map(|(p, rule)| PurposeFacts {
                        purpose: *p,
                        rule: *rule,
                        basis: LawfulBasis::NotApplicable,
                        basis_ends: None,
                        consent_in_force: false,
                        consent_stopped: None,
                        consent_on_record: false,
                    })
                    .collect(),
            },
        );
    }
    if order.is_empty() {
        return Ok(vec![]);
    }
    let now_ms = to_ms(now);
    let purpose_at: HashMap<Uuid, usize> = rules.iter().enumerate().map(|(i, (p, _))| (p.0, i)).collect();
    for r in fetch_in(
        c,
        "SELECT subject_id, MAX(occurred_at) FROM interactions WHERE subject_id IN ({in}) GROUP BY subject_id",
        &order,
    )
    .await?
    {
        if let Some(f) = facts.get_mut(&r.get::<Uuid>(0)?) {
            // A date in the future (written before such dates were refused)
            // anchors no later than now: it cannot postpone disposal.
            f.last_interaction = r.get::<Option<i64>>(1)?.map(|t| from_ms(t.min(now_ms)));
        }
    }
    for r in fetch_in(
        c,
        "SELECT subject_id, purpose_id, basis, ends_at FROM contact_bases WHERE subject_id IN ({in})",
        &order,
    )
    .await?
    {
        let (s, p, basis): (Uuid, Uuid, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        if let (Some(f), Some(i)) = (facts.get_mut(&s), purpose_at.get(&p)) {
            f.purposes[*i].basis = LawfulBasis::parse(&basis).ok_or(StoreError::Corrupt("basis"))?;
            f.purposes[*i].basis_ends = r.get::<Option<i64>>(3)?.map(from_ms);
        }
    }
    for r in fetch_in(
        c,
        "SELECT subject_id, purpose_id, state, since, until_at FROM consent_state WHERE subject_id IN ({in})",
        &order,
    )
    .await?
    {
        let (s, p, state, since, until): (Uuid, Uuid, String, i64, Option<i64>) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        let Some(pf) = facts.get_mut(&s).and_then(|f| purpose_at.get(&p).map(|i| &mut f.purposes[*i])) else {
            continue;
        };
        pf.consent_on_record = true;
        // Consent in force, or a request still awaiting its answer; or
        // the time it stopped counting.
        let stopped = match state.as_str() {
            "given" | "awaiting" => match until {
                Some(u) if u <= now_ms => Some(u),
                _ => None,
            },
            _ => Some(since),
        };
        match stopped {
            None => pf.consent_in_force = true,
            Some(t) => {
                let t = from_ms(t);
                pf.consent_stopped = Some(pf.consent_stopped.map_or(t, |x| x.max(t)));
            }
        }
    }
    for r in fetch_in(
        c,
        "SELECT dc.subject_id, CAST(CASE WHEN s.closed THEN 1 ELSE 0 END AS BIGINT), \
         COALESCE((SELECT MAX(x.changed_at) FROM deal_stage_changes x WHERE x.deal_id = d.id), d.updated_at) \
         FROM deal_contacts dc JOIN deals d ON d.id = dc.deal_id JOIN deal_stages s ON s.key = d.stage \
         WHERE dc.subject_id IN ({in})",
        &order,
    )
    .await?
    {
        if let Some(f) = facts.get_mut(&r.get::<Uuid>(0)?) {
            if r.get::<i64>(1)? == 0 {
                f.open_deal = true;
            } else {
                let t = from_ms(r.get::<i64>(2)?.min(now_ms));
                f.last_deal_closed = Some(f.last_deal_closed.map_or(t, |x| x.max(t)));
            }
        }
    }
    for r in fetch_in(c, "SELECT subject_id, review_on FROM legal_holds WHERE subject_id IN ({in})", &order).await? {
        if let Some(f) = facts.get_mut(&r.get::<Uuid>(0)?) {
            f.hold = Some(from_ms(r.get(1)?));
        }
    }
    for r in fetch_in(c, "SELECT subject_id FROM restrictions WHERE subject_id IN ({in})", &order).await? {
        if let Some(f) = facts.get_mut(&r.get::<Uuid>(0)?) {
            f.restricted = true;
        }
    }
    Ok(order.into_iter().filter_map(|id| facts.remove(&id).map(|f| (SubjectId(id), f))).collect())
}

impl Store {
    /// Disposes of `items` in one transaction — the Art. 17 erasure for
    /// each (key destroyed, rows deleted, a `subject.erased` event for
    /// processors, the suppression list kept), plus an anonymous record
    /// where asked — and, in the same transaction, saves the run's
    /// progress. Each person's facts are read again under the contact's
    /// lock and decided again (`recheck`): whatever changed since the
    /// sweep read them (a consent, a contract, a hold) wins; people
    /// already gone are skipped.
    pub async fn dispose<F>(
        &self,
        ctx: &Ctx,
        items: &[Disposal],
        recheck: &Recheck<'_>,
        run: Option<RunProgress<'_, F>>,
    ) -> Result<Disposed, StoreError>
    where
        F: FnOnce(&[SubjectId]) -> String + Send,
    {
        let mut ids: Vec<Uuid> = items.iter().map(|d| d.subject.0).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut tx = self.pools.write.begin().await?;
        let mut present: BTreeSet<Uuid> = lock_contacts(&mut tx, &ids, Lock::Erase).await?.into_iter().collect();
        // Whatever changed since the facts were read wins: every write
        // about a person locks the contact or references it, and waits for
        // this lock, so the facts read now are final.
        let locked: Vec<Uuid> = present.iter().copied().collect();
        let rows = fetch_in(&mut tx, "SELECT id, created_at FROM contacts WHERE id IN ({in})", &locked).await?;
        let (mut held, mut kept) = (0, ids.len() - present.len());
        for (s, f) in facts_for(&mut tx, &rows, recheck.rules, recheck.now).await? {
            if f.hold.is_some() || f.restricted {
                held += 1;
            } else if (recheck.expired)(&f) {
                continue;
            } else {
                kept += 1;
            }
            present.remove(&s.0);
        }
        let gone: Vec<Uuid> = present.iter().copied().collect();
        if !gone.is_empty() {
            let anon: Vec<(SubjectId, PurposeId)> = items
                .iter()
                .filter(|d| d.anonymise && present.contains(&d.subject.0))
                .map(|d| (d.subject, d.purpose))
                .collect();
            self.keep_anonymous_records(&mut tx, &anon).await?;
        }
        let anonymise: HashMap<Uuid, bool> = items.iter().map(|d| (d.subject.0, d.anonymise)).collect();
        let people: Vec<(SubjectId, Cause)> = gone
            .iter()
            .map(|s| (SubjectId(*s), Cause::Retention { anonymise: anonymise.get(s).copied().unwrap_or(false) }))
            .collect();
        let erased = self.erase_in(&mut tx, ctx, &people).await?;
        let gone: Vec<SubjectId> = gone.into_iter().map(SubjectId).collect();
        if let Some(run) = run {
            // Only the lease's holder may write: a sweeper that lost it stops here.
            let n = tx
                .execute(
                    "UPDATE job_leases SET expires_at = $1 WHERE name = $2 AND holder = $3",
                    &args![now_ms() + run.lease_ms, run.lease, run.holder],
                )
                .await?;
            if n == 0 {
                return Err(StoreError::Conflict("the retention lease was lost; the run stopped and will resume"));
            }
            tx.execute(
                "UPDATE retention_runs SET checked = $1, report = $2 WHERE id = $3",
                &args![run.checked, (run.report)(&gone), run.id],
            )
            .await?;
        }
        self.commit_erasure(tx, &erased).await?;
        Ok(Disposed { gone, held, kept })
    }

    /// Places or replaces a legal hold on a person.
    pub async fn set_hold(
        &self,
        ctx: &Ctx,
        subject: SubjectId,
        reason: &str,
        review_on: OffsetDateTime,
        by: Option<UserId>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("UPDATE contacts SET updated_at = updated_at WHERE id = $1", &args![subject.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        let keys = crate::keys::subject_keys(self, &mut tx, &BTreeSet::from([subject.0])).await?;
        let sealed = keys[&subject.0].seal(&hold_place(subject), reason.as_bytes());
        tx.execute(
            "INSERT INTO legal_holds (subject_id, sealed_reason, review_on, set_by, set_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (subject_id) DO UPDATE SET sealed_reason = excluded.sealed_reason, review_on = excluded.review_on, \
             set_by = excluded.set_by, set_at = excluded.set_at",
            &args![subject.0, sealed, to_ms(review_on), by.map(|u| u.0), now_ms()],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::subject("contact.hold", subject)]).await?;
        tx.commit().await
    }

    /// Releases a person's legal hold; false if there was none.
    pub async fn release_hold(&self, ctx: &Ctx, subject: SubjectId) -> Result<bool, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("DELETE FROM legal_holds WHERE subject_id = $1", &args![subject.0]).await?;
        if n > 0 {
            audit::append(&mut tx, ctx, &[NewEntry::subject("contact.hold_release", subject)]).await?;
        }
        tx.commit().await?;
        Ok(n > 0)
    }

    /// A person's legal hold, opened.
    pub async fn hold_of(&self, subject: SubjectId) -> Result<Option<Hold>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let Some(r) = c
            .fetch_optional(
                "SELECT h.sealed_reason, h.review_on, h.set_by, h.set_at, k.wrapped FROM legal_holds h \
                 JOIN subject_keys k ON k.subject_id = h.subject_id WHERE h.subject_id = $1",
                &args![subject.0],
            )
            .await?
        else {
            return Ok(None);
        };
        let key = self.vault.unwrap_key(subject, &r.get::<Vec<u8>>(4)?)?;
        let reason = String::from_utf8(key.open(&hold_place(subject), &r.get::<Vec<u8>>(0)?)?)
            .map_err(|_| StoreError::Corrupt("hold reason"))?;
        Ok(Some(Hold {
            reason,
            review_on: from_ms(r.get(1)?),
            set_by: r.get::<Option<Uuid>>(2)?.map(UserId),
            set_at: from_ms(r.get(3)?),
        }))
    }

    /// Staff confirmed the record accurate and still needed.
    pub async fn mark_reviewed(&self, ctx: &Ctx, subject: SubjectId) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("UPDATE contacts SET reviewed_at = $1 WHERE id = $2", &args![now_ms(), subject.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, ctx, &[NewEntry::subject("contact.review", subject)]).await?;
        tx.commit().await
    }

    /// When staff last reviewed the record (its creation if never).
    pub async fn reviewed_at(&self, subject: SubjectId) -> Result<Option<OffsetDateTime>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let r = c
            .fetch_optional("SELECT COALESCE(reviewed_at, created_at) FROM contacts WHERE id = $1", &args![subject.0])
            .await?;
        r.map(|r| r.get(0).map(from_ms)).transpose()
    }

    /// `owner`'s contacts not reviewed since `before`, longest-unreviewed
    /// first, with their review date.
    pub async fn reviews_due(
        &self,
        owner: UserId,
        before: OffsetDateTime,
        limit: i64,
    ) -> Result<Vec<(SubjectId, OffsetDateTime)>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT id, COALESCE(reviewed_at, created_at) AS r FROM contacts \
                 WHERE owner_id = $1 AND COALESCE(reviewed_at, created_at) < $2 ORDER BY r, id LIMIT $3",
                &args![owner.0, to_ms(before), limit],
            )
            .await?;
        rows.iter().map(|r| Ok((SubjectId(r.get(0)?), from_ms(r.get(1)?)))).collect()
    }

    /// Records the start of a sweep.
    pub async fn start_run(&self, dry_run: bool, started_by: &str) -> Result<Uuid, StoreError> {
        let id = Uuid::now_v7();
        self.pools
            .write
            .conn()
            .await?
            .execute(
                "INSERT INTO retention_runs (id, dry_run, started_by, started_at) VALUES ($1, $2, $3, $4)",
                &args![id, dry_run, started_by, now_ms()],
            )
            .await?;
        Ok(id)
    }

    /// Saves a run's progress (outside a disposal), finishing it if asked.
    pub async fn save_run(&self, id: Uuid, checked: i64, report: &str, finished: bool) -> Result<(), StoreError> {
        let finished_at = finished.then(now_ms);
        self.pools
            .write
            .conn()
            .await?
            .execute(
                "UPDATE retention_runs SET checked = $1, report = $2, finished_at = COALESCE($3, finished_at) WHERE id = $4",
                &args![checked, report, finished_at, id],
            )
            .await?;
        Ok(())
    }

    const RUN_COLS: &'static str = "id, dry_run, started_by, started_at, finished_at, checked, report";

    fn run(r: &Row) -> Result<RunRecord, StoreError> {
        Ok(RunRecord {
            id: r.get(0)?,
            dry_run: r.get(1)?,
            started_by: r.get(2)?,
            started_at: from_ms(r.get(3)?),
            finished_at: r.get::<Option<i64>>(4)?.map(from_ms),
            checked: r.get(5)?,
            report: r.get(6)?,
        })
    }

    /// Runs, newest first.
    pub async fn runs(&self, limit: i64) -> Result<Vec<RunRecord>, StoreError> {
        let sql = format!("SELECT {} FROM retention_runs ORDER BY started_at DESC, id DESC LIMIT $1", Self::RUN_COLS);
        self.pools.read.conn().await?.fetch_all(&sql, &args![limit]).await?.iter().map(Self::run).collect()
    }

    /// One run.
    pub async fn run_by_id(&self, id: Uuid) -> Result<Option<RunRecord>, StoreError> {
        let sql = format!("SELECT {} FROM retention_runs WHERE id = $1", Self::RUN_COLS);
        self.pools.read.conn().await?.fetch_optional(&sql, &args![id]).await?.as_ref().map(Self::run).transpose()
    }

    /// The newest real run that did not finish (a crash or a stop), to resume.
    pub async fn unfinished_run(&self) -> Result<Option<RunRecord>, StoreError> {
        let sql = format!(
            "SELECT {} FROM retention_runs WHERE dry_run = $1 AND finished_at IS NULL ORDER BY started_at DESC LIMIT 1",
            Self::RUN_COLS
        );
        self.pools.read.conn().await?.fetch_optional(&sql, &args![false]).await?.as_ref().map(Self::run).transpose()
    }

    /// Takes (or renews) the lease on job `name` for `ttl_ms` unless
    /// another holder's lease is still running; true if `holder` has it.
    pub async fn try_lease(&self, name: &str, holder: Uuid, ttl_ms: i64) -> Result<bool, StoreError> {
        let now = now_ms();
        let n = self
            .pools
            .write
            .conn()
            .await?
            .execute(
                "INSERT INTO job_leases (name, holder, expires_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE \
                 SET holder = excluded.holder, expires_at = excluded.expires_at \
                 WHERE job_leases.expires_at <= $4 OR job_leases.holder = excluded.holder",
                &args![name, holder, now + ttl_ms, now],
            )
            .await?;
        Ok(n == 1)
    }

    /// Gives a lease back early.
    pub async fn release_lease(&self, name: &str, holder: Uuid) -> Result<(), StoreError> {
        self.pools
            .write
            .conn()
            .await?
            .execute("DELETE FROM job_leases WHERE name = $1 AND holder = $2", &args![name, holder])
            .await?;
        Ok(())
    }
}
