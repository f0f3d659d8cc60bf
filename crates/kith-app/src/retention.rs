//! Retention: purposes' rules enforced by a sweep (dry or real, resumable,
//! one at a time across servers), legal holds, review reminders, and what
//! staff see of a contact's expiry.

use crate::purposes::text;
use crate::{App, AppError, Principal, Result};
use kith_domain::retention::{evaluate, Anchor, Disposal as Dispose, Period, PeriodUnit, Rule, SubjectFacts, Verdict};
use kith_domain::{Invalid, PurposeId, SubjectId};
use kith_store::retention::{Disposal, FactsOf, Hold, Recheck, RunProgress, RunRecord};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use time::OffsetDateTime;
use uuid::Uuid;

/// Contacts examined per page (and disposed of per transaction at most).
pub const PAGE: i64 = 1_000;
/// The lease that lets one sweep run at a time, across servers and the CLI.
const LEASE: &str = "retention";
const LEASE_MS: i64 = 10 * 60 * 1000;
/// People a dry run lists by id (it counts all).
const LISTED: usize = 1_000;

/// Reads a rule from its four words; all blank means no rule.
pub fn rule_from(
    anchor: Option<&str>,
    count: Option<i64>,
    unit: Option<&str>,
    disposal: Option<&str>,
) -> std::result::Result<Option<Rule>, Invalid> {
    // No anchor, no rule (the page's other selects always send a value).
    if anchor.is_none_or(|s| s.trim().is_empty()) {
        return Ok(None);
    }
    let mut inv = Invalid::default();
    let anchor = anchor.map(str::trim).and_then(Anchor::parse);
    if anchor.is_none() {
        inv.push("retention_anchor", words("one of", Anchor::ALL.iter().map(|a| a.as_str())));
    }
    let unit = unit.map(str::trim).and_then(PeriodUnit::parse);
    if unit.is_none() {
        inv.push("retention_unit", words("one of", PeriodUnit::ALL.iter().map(|a| a.as_str())));
    }
    let disposal = disposal.map(str::trim).and_then(Dispose::parse);
    if disposal.is_none() {
        inv.push("retention_disposal", words("one of", Dispose::ALL.iter().map(|a| a.as_str())));
    }
    let period = match (count, unit) {
        (Some(n), Some(u)) => inv.check("", Period::new(n, u)),
        (None, _) => {
            inv.push("retention_period", "is required with a rule");
            None
        }
        _ => None,
    };
    inv.into_result()?;
    match (anchor, period, disposal) {
        (Some(anchor), Some(period), Some(disposal)) => Ok(Some(Rule::new(anchor, period, disposal)?)),
        _ => Err(Invalid::one("retention_anchor", "the rule is incomplete")),
    }
}

fn words<'a>(lead: &str, all: impl Iterator<Item = &'a str>) -> String {
    format!("must be {lead} {}", all.collect::<Vec<_>>().join(", "))
}

/// How many people one rule disposed of (or would).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct RuleCount {
    pub purpose: String,
    pub rule: String,
    pub disposal: String,
    pub count: u64,
}

/// A sweep's report: no personal data, only counts, and in a dry run the
/// ids of those who would go and why.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Report {
    /// Per purpose id.
    pub rules: BTreeMap<String, RuleCount>,
    /// Time is up but a legal hold or a restriction suspends disposal.
    pub suspended: u64,
    /// Kept: a purpose still justifies it.
    pub kept: u64,
    /// No purpose applies (listed for review, never disposed of).
    pub no_purpose: u64,
    /// Purposes apply but none has a rule.
    pub no_rule: u64,
    /// Dry run only: who would go (at most 1,000 listed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub would_go: Vec<Planned>,
}

impl Report {
    /// People disposed of (or, in a dry run, who would be).
    pub fn disposed(&self) -> u64 {
        self.rules.values().map(|r| r.count).sum()
    }
}

/// One person a dry run would dispose of.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Planned {
    pub contact_id: Uuid,
    pub purpose: String,
    pub rule: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expired_at: OffsetDateTime,
}

/// A run as the API and pages show it.
#[derive(Clone, Debug)]
pub struct Run {
    pub id: Uuid,
    pub dry_run: bool,
    pub started_by: String,
    pub started_at: OffsetDateTime,
    pub finished_at: Option<OffsetDateTime>,
    pub checked: i64,
    pub report: Report,
}

fn run_of(r: RunRecord) -> Run {
    Run {
        id: r.id,
        dry_run: r.dry_run,
        started_by: r.started_by,
        started_at: r.started_at,
        finished_at: r.finished_at,
        checked: r.checked,
        report: serde_json::from_str(&r.report).unwrap_or_default(),
    }
}

/// Progress of a sweep, for a progress bar.
#[derive(Clone, Copy, Debug)]
pub struct Progress {
    pub checked: u64,
    pub total: u64,
    pub disposed: u64,
}

/// What staff see of one contact's retention.
#[derive(Clone, Debug)]
pub struct Standing {
    pub verdict: Verdict,
    /// The purpose the verdict names, by name.
    pub purpose: Option<String>,
    pub hold: Option<Hold>,
    pub reviewed_at: Option<OffsetDateTime>,
    /// When a review is due (reviewed + the review period).
    pub review_due: Option<OffsetDateTime>,
}

impl Standing {
    /// The verdict in words.
    pub fn explain(&self) -> String {
        let p = self.purpose.clone().unwrap_or_default();
        match &self.verdict {
            Verdict::NoPurpose => "No purpose applies to this contact: no retention rule can expire it. Review whether it is still needed.".into(),
            Verdict::NoRule => "The purposes that apply have no retention rule: the data is kept while they do.".into(),
            Verdict::Keep { until: None, rule: Some(r), .. } => {
                format!("Kept: \u{201c}{p}\u{201d} still justifies it (rule: {}); no expiry date yet.", r.describe())
            }
            Verdict::Keep { until: None, rule: None, .. } => {
                format!("Kept: \u{201c}{p}\u{201d} is in force and has no retention rule.")
            }
            Verdict::Keep { until: Some(t), rule, .. } => format!(
                "Expires on {} under \u{201c}{p}\u{201d} ({}).",
                date(*t),
                rule.map(|r| r.describe()).unwrap_or_default()
            ),
            Verdict::Suspended { since, rule, hold: Some(h), .. } => format!(
                "Expired on {} under \u{201c}{p}\u{201d} ({}), but a legal hold suspends it until it is released (review on {}).",
                date(*since),
                rule.describe(),
                date(*h)
            ),
            Verdict::Suspended { since, rule, hold: None, .. } => format!(
                "Expired on {} under \u{201c}{p}\u{201d} ({}), but processing is restricted (Art. 18): it is kept until the restriction is lifted.",
                date(*since),
                rule.describe()
            ),
            Verdict::Expired { since, rule, .. } => {
                format!("Expired on {} under \u{201c}{p}\u{201d} ({}): the next sweep will {} it.", date(*since), rule.describe(), rule.disposal.label())
            }
        }
    }
}

fn date(t: OffsetDateTime) -> String {
    t.to_offset(time::UtcOffset::UTC).date().to_string()
}

fn verdict_purpose(v: &Verdict) -> Option<PurposeId> {
    match v {
        Verdict::Keep { purpose, .. } | Verdict::Suspended { purpose, .. } | Verdict::Expired { purpose, .. } => {
            Some(*purpose)
        }
        Verdict::NoPurpose | Verdict::NoRule => None,
    }
}

impl App {
    async fn rules(&self) -> Result<(Vec<(PurposeId, Option<Rule>)>, HashMap<PurposeId, String>)> {
        let purposes = self.store.purposes().await?;
        Ok((purposes.iter().map(|p| (p.id, p.rule)).collect(), purposes.into_iter().map(|p| (p.id, p.name)).collect()))
    }

    /// A contact's retention standing: when its data expires and why, its
    /// legal hold, its review date.
    pub async fn retention_of(&self, p: &Principal, id: SubjectId) -> Result<Standing> {
        p.require(p.role.can_write_crm() || p.role.can_manage_privacy(), "see retention")?;
        let (rules, names) = self.rules().await?;
        let now = OffsetDateTime::now_utc();
        let (_, facts) = self
            .store
            .retention_facts(FactsOf::One(id), &rules, now)
            .await?
            .pop()
            .ok_or(AppError::NotFound("contact"))?;
        let verdict = evaluate(&facts, now);
        let hold = if p.role.can_manage_privacy() { self.store.hold_of(id).await? } else { None };
        let reviewed_at = self.store.reviewed_at(id).await?;
        Ok(Standing {
            purpose: verdict_purpose(&verdict).and_then(|p| names.get(&p).cloned()),
            verdict,
            hold,
            review_due: reviewed_at.map(|r| r + self.settings.review_after),
            reviewed_at,
        })
    }

    /// Places a legal hold: the person's data is not disposed of until it
    /// is released (dpo, admin).
    pub async fn set_hold(&self, p: &Principal, id: SubjectId, reason: &str, review_on: time::Date) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "place legal holds")?;
        let mut inv = Invalid::default();
        text(&mut inv, "reason", reason, 1, 500, true);
        let today = OffsetDateTime::now_utc().date();
        if review_on <= today || review_on > today + time::Duration::days(3660) {
            inv.push("review_on", "must be a date after today and within ten years");
        }
        inv.into_result()?;
        let at = review_on.midnight().assume_utc();
        self.store.set_hold(&p.ctx(), id, reason.trim(), at, p.author()).await.map_err(|e| match e {
            kith_store::StoreError::NotFound => AppError::NotFound("contact"),
            e => e.into(),
        })
    }

    /// Releases a legal hold (dpo, admin); false if there was none.
    pub async fn release_hold(&self, p: &Principal, id: SubjectId) -> Result<bool> {
        p.require(p.role.can_manage_privacy(), "release legal holds")?;
        Ok(self.store.release_hold(&p.ctx(), id).await?)
    }

    /// Staff confirm a record is accurate and still needed.
    pub async fn mark_reviewed(&self, p: &Principal, id: SubjectId) -> Result<()> {
        p.require(p.role.can_write_crm(), "review contacts")?;
        self.store.mark_reviewed(&p.ctx(), id).await.map_err(|e| match e {
            kith_store::StoreError::NotFound => AppError::NotFound("contact"),
            e => e.into(),
        })
    }

    /// The caller's own contacts due for review (not reviewed within the
    /// review period), longest-unreviewed first, with the review date.
    pub async fn reviews_due(&self, p: &Principal, limit: i64) -> Result<Vec<(SubjectId, OffsetDateTime)>> {
        p.require(p.role.can_write_crm(), "review contacts")?;
        let before = OffsetDateTime::now_utc() - self.settings.review_after;
        Ok(self.store.reviews_due(p.user, before, limit.clamp(1, 500)).await?)
    }

    /// Past runs, newest first (dpo, admin).
    pub async fn retention_runs(&self, p: &Principal, limit: i64) -> Result<Vec<Run>> {
        p.require(p.role.can_manage_privacy(), "see retention runs")?;
        Ok(self.store.runs(limit.clamp(1, 100)).await?.into_iter().map(run_of).collect())
    }

    /// Runs the sweep. A dry run lists who would go and why and changes
    /// nothing. A real run disposes of every person whose data no purpose
    /// justifies any more, through the Art. 17 erasure, a page at a time:
    /// each page's disposals and the report's progress commit together, so
    /// a run stopped half-way resumes where it was (an unfinished run is
    /// picked up by the next one) and running it twice does nothing twice.
    /// One run at a time, across servers and the command line.
    pub async fn run_retention(
        &self,
        p: &Principal,
        dry_run: bool,
        started_by: &str,
        mut progress: impl FnMut(Progress) + Send,
    ) -> Result<Run> {
        p.require(p.role.can_manage_privacy(), "run retention")?;
        let holder = Uuid::now_v7();
        if !self.store.try_lease(LEASE, holder, LEASE_MS).await? {
            return Err(AppError::Conflict(
                "another retention run is in progress; try again when it has finished".into(),
            ));
        }
        // The schedule acts as the system, not as a person at the console.
        let ctx = if started_by == "schedule" {
            kith_store::Ctx { actor: "system:retention".into(), request_id: p.request_id.clone(), token: None }
        } else {
            p.ctx()
        };
        let r = self.sweep(&ctx, dry_run, started_by, holder, &mut progress).await;
        if let Err(e) = self.store.release_lease(LEASE, holder).await {
            tracing::warn!(error = %e, "could not release the retention lease; it runs out by itself");
        }
        r
    }

    async fn sweep(
        &self,
        ctx: &kith_store::Ctx,
        dry_run: bool,
        started_by: &str,
        holder: Uuid,
        progress: &mut (impl FnMut(Progress) + Send),
    ) -> Result<Run> {
        let (rules, names) = self.rules().await?;
        // A real run resumes an unfinished one: what it disposed of is
        // counted; everything else is counted afresh.
        let (id, mut report) = match (dry_run, self.store.unfinished_run().await?) {
            (false, Some(r)) => {
                let old: Report = serde_json::from_str(&r.report).unwrap_or_default();
                (r.id, Report { rules: old.rules, ..Default::default() })
            }
            _ => (self.store.start_run(dry_run, started_by).await?, Report::default()),
        };
        let total = self.store.count_contacts().await?.max(0) as u64;
        let mut after = None;
        let mut checked: u64 = 0;
        loop {
            let now = OffsetDateTime::now_utc();
            let page = self.store.retention_facts(FactsOf::After(after, PAGE), &rules, now).await?;
            let Some((last, _)) = page.last() else { break };
            after = Some(last.0);
            let mut batch = Vec::new();
            for (subject, facts) in &page {
                checked += 1;
                match evaluate(facts, now) {
                    Verdict::NoPurpose => report.no_purpose += 1,
                    Verdict::NoRule => report.no_rule += 1,
                    Verdict::Keep { .. } => report.kept += 1,
                    Verdict::Suspended { .. } => report.suspended += 1,
                    Verdict::Expired { since, purpose, rule } => {
                        let name = names.get(&purpose).cloned().unwrap_or_default();
                        if dry_run {
                            tally(&mut report, purpose, &name, &rule);
                            if report.would_go.len() < LISTED {
                                report.would_go.push(Planned {
                                    contact_id: subject.0,
                                    purpose: name,
                                    rule: rule.describe(),
                                    expired_at: since,
                                });
                            }
                        } else {
                            batch.push((
                                Disposal { subject: *subject, purpose, anonymise: rule.disposal == Dispose::Anonymise },
                                name,
                                rule,
                            ));
                        }
                    }
                }
            }
            if !dry_run {
                let by_subject: HashMap<SubjectId, (&String, &Rule, PurposeId)> =
                    batch.iter().map(|(d, n, r)| (d.subject, (n, r, d.purpose))).collect();
                // The report once those actually disposed of are counted:
                // saved in the transaction that disposes of them.
                let counted = |gone: &[SubjectId]| {
                    let mut next = report.clone();
                    for s in gone {
                        if let Some((name, rule, purpose)) = by_subject.get(s) {
                            tally(&mut next, *purpose, name, rule);
                        }
                    }
                    next
                };
                let items: Vec<Disposal> = batch.iter().map(|(d, _, _)| *d).collect();
                let progress_row = RunProgress {
                    id,
                    checked: checked as i64,
                    lease: LEASE,
                    holder,
                    lease_ms: LEASE_MS,
                    report: |gone: &[SubjectId]| serde_json::to_string(&counted(gone)).expect("report serialises"),
                };
                let expired = |f: &SubjectFacts| matches!(evaluate(f, now), Verdict::Expired { .. });
                let recheck = Recheck { rules: &rules, now, expired: &expired };
                let done =
                    self.store.dispose(ctx, &items, &recheck, Some(progress_row)).await.map_err(|e| match e {
                        kith_store::StoreError::Conflict(m) => AppError::Conflict(m.into()),
                        e => e.into(),
                    })?;
                // Held or restricted meanwhile: suspended; changed meanwhile: kept.
                let mut next = counted(&done.gone);
                next.suspended += done.held as u64;
                next.kept += done.kept as u64;
                report = next;
            }
            progress(Progress { checked, total: total.max(checked), disposed: report.disposed() });
            if (page.len() as i64) < PAGE {
                break;
            }
        }
        let json = serde_json::to_string(&report).expect("report serialises");
        self.store.save_run(id, checked as i64, &json, true).await?;
        let run = self.store.run_by_id(id).await?.ok_or(AppError::NotFound("run"))?;
        Ok(run_of(run))
    }

    /// The scheduled sweep: at most once a day across all servers.
    pub async fn scheduled_retention(&self) -> Result<Option<Run>> {
        let last = self.store.runs(20).await?;
        let recent = last.iter().any(|r| {
            !r.dry_run
                && r.started_by == "schedule"
                && r.finished_at.is_some_and(|f| OffsetDateTime::now_utc() - f < time::Duration::hours(23))
        });
        if recent {
            return Ok(None);
        }
        match self.run_retention(&Principal::cli(), false, "schedule", |_| {}).await {
            Ok(r) => Ok(Some(r)),
            Err(AppError::Conflict(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

fn tally(report: &mut Report, purpose: PurposeId, name: &str, rule: &Rule) {
    let e = report.rules.entry(purpose.0.to_string()).or_insert_with(|| RuleCount {
        purpose: name.to_owned(),
        rule: rule.describe(),
        disposal: rule.disposal.as_str().to_owned(),
        count: 0,
    });
    e.count += 1;
}
