//! A segment's conditions as SQL predicates on the contact list's
//! `contacts c` (or on any subject-id expression), evaluated at an instant.
//! Below `contacts` in the module order: the list's filter appends these.

use crate::db::Value;
use crate::to_ms;
use kith_domain::segment::{Condition, ConsentFilter, Segment};
use time::OffsetDateTime;
use uuid::Uuid;

/// A segment evaluated at an instant (consent expiry and answer deadlines
/// against `at`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentAt {
    pub segment: Segment,
    pub at: OffsetDateTime,
}

impl SegmentAt {
    /// The segment as it stands now.
    pub fn now(segment: Segment) -> SegmentAt {
        SegmentAt { segment, at: OffsetDateTime::now_utc() }
    }
}

/// Parameters of one statement, numbered as they are pushed.
pub(crate) struct Params<'a> {
    vals: &'a mut Vec<Value>,
    at: Option<String>,
    at_ms: i64,
}

impl<'a> Params<'a> {
    pub(crate) fn new(vals: &'a mut Vec<Value>, at: OffsetDateTime) -> Self {
        Params { vals, at: None, at_ms: to_ms(at) }
    }

    fn push(&mut self, v: impl Into<Value>) -> String {
        self.vals.push(v.into());
        format!("${}", self.vals.len())
    }

    /// The instant, bound once however often it is used.
    fn at(&mut self) -> String {
        if let Some(a) = &self.at {
            return a.clone();
        }
        let a = self.push(self.at_ms);
        self.at = Some(a.clone());
        a
    }
}

/// A consent state as it stands at the instant (`cs` = `consent_state`).
fn state_sql(state: ConsentFilter, p: &mut Params) -> String {
    match state {
        ConsentFilter::Given | ConsentFilter::Awaiting => {
            format!("cs.state = '{}' AND (cs.until_at IS NULL OR cs.until_at > {})", state.as_str(), p.at())
        }
        ConsentFilter::Expired => {
            format!("(cs.state = 'expired' OR (cs.state = 'given' AND cs.until_at <= {}))", p.at())
        }
        ConsentFilter::NotResponded => {
            format!("(cs.state = 'not_responded' OR (cs.state = 'awaiting' AND cs.until_at <= {}))", p.at())
        }
        ConsentFilter::Refused | ConsentFilter::Withdrawn | ConsentFilter::None => {
            format!("cs.state = '{}'", state.as_str())
        }
    }
}

/// Consent given now under a notice older than the latest of its name.
fn old_notice_from(purpose: Uuid, p: &mut Params) -> String {
    let purpose = p.push(purpose);
    let at = p.at();
    format!(
        "consent_state cs JOIN notices n ON n.id = cs.notice_id \
         WHERE cs.purpose_id = {purpose} AND cs.state = 'given' AND (cs.until_at IS NULL OR cs.until_at > {at}) \
         AND EXISTS (SELECT 1 FROM notices n2 WHERE n2.name = n.name AND n2.version > n.version)"
    )
}

/// One condition as a predicate on the person `s` (an id expression).
/// `review_before`: records last reviewed before it are due.
pub(crate) fn condition_sql(c: &Condition, s: &str, review_before: i64, p: &mut Params) -> String {
    match c {
        Condition::Basis { purpose, basis } => {
            let purpose = p.push(purpose.0);
            match basis.filter(|b| *b != kith_domain::LawfulBasis::NotApplicable) {
                Some(b) => format!(
                    "EXISTS (SELECT 1 FROM contact_bases b WHERE b.subject_id = {s} AND b.purpose_id = {purpose} AND b.basis = '{}')",
                    b.as_str()
                ),
                None => format!(
                    "NOT EXISTS (SELECT 1 FROM contact_bases b WHERE b.subject_id = {s} AND b.purpose_id = {purpose} \
                     AND b.basis <> 'not_applicable')"
                ),
            }
        }
        Condition::Consent { purpose, channel, state } => {
            let purpose = p.push(purpose.0);
            let base = format!(
                "SELECT 1 FROM consent_state cs WHERE cs.subject_id = {s} AND cs.purpose_id = {purpose} AND cs.channel = '{}'",
                channel.as_str()
            );
            match state {
                ConsentFilter::None => format!("NOT EXISTS ({base})"),
                st => format!("EXISTS ({base} AND {})", state_sql(*st, p)),
            }
        }
        Condition::MayContact { purpose, channel, allowed } => {
            let purpose = p.push(purpose.0);
            let at = p.at();
            format!(
                "{}EXISTS (SELECT 1 FROM contact_permissions m WHERE m.purpose_id = {purpose} AND m.channel = '{}' \
                 AND m.subject_id = {s} AND (m.until_at IS NULL OR m.until_at > {at}))",
                if *allowed { "" } else { "NOT " },
                channel.as_str()
            )
        }
        Condition::Restricted(on) => {
            format!("{}EXISTS (SELECT 1 FROM restrictions r WHERE r.subject_id = {s})", if *on { "" } else { "NOT " })
        }
        Condition::Objected { purpose: Some(purpose) } => {
            let purpose = p.push(purpose.0);
            format!("EXISTS (SELECT 1 FROM objections o WHERE o.subject_id = {s} AND o.purpose_id = {purpose})")
        }
        Condition::Objected { purpose: None } => {
            format!("EXISTS (SELECT 1 FROM objections o WHERE o.subject_id = {s})")
        }
        Condition::OldNotice { purpose } => {
            format!("EXISTS (SELECT 1 FROM {} AND cs.subject_id = {s})", old_notice_from(purpose.0, p))
        }
        Condition::ReviewDue => {
            let before = p.push(review_before);
            format!("COALESCE(c.reviewed_at, c.created_at) < {before}")
        }
    }
}

/// The people meeting `c`, as a one-column query of distinct subject ids
/// read from one index range; `None` for conditions that are not a range
/// (absence, review).
pub(crate) fn driver_sql(c: &Condition, p: &mut Params) -> Option<String> {
    Some(match c {
        Condition::MayContact { purpose, channel, allowed: true } => {
            let purpose = p.push(purpose.0);
            let at = p.at();
            format!(
                "SELECT m.subject_id AS id FROM contact_permissions m WHERE m.purpose_id = {purpose} AND m.channel = '{}' \
                 AND (m.until_at IS NULL OR m.until_at > {at})",
                channel.as_str()
            )
        }
        Condition::Consent { purpose, channel, state } if *state != ConsentFilter::None => {
            let purpose = p.push(purpose.0);
            format!(
                "SELECT cs.subject_id AS id FROM consent_state cs WHERE cs.purpose_id = {purpose} AND cs.channel = '{}' AND {}",
                channel.as_str(),
                state_sql(*state, p)
            )
        }
        Condition::Basis { purpose, basis: Some(b) } if *b != kith_domain::LawfulBasis::NotApplicable => {
            let purpose = p.push(purpose.0);
            format!(
                "SELECT b.subject_id AS id FROM contact_bases b WHERE b.purpose_id = {purpose} AND b.basis = '{}'",
                b.as_str()
            )
        }
        Condition::Restricted(true) => "SELECT r.subject_id AS id FROM restrictions r".into(),
        Condition::Objected { purpose: Some(purpose) } => {
            let purpose = p.push(purpose.0);
            format!("SELECT o.subject_id AS id FROM objections o WHERE o.purpose_id = {purpose}")
        }
        Condition::Objected { purpose: None } => "SELECT DISTINCT o.subject_id AS id FROM objections o".into(),
        Condition::OldNotice { purpose } => {
            format!("SELECT DISTINCT cs.subject_id AS id FROM {}", old_notice_from(purpose.0, p))
        }
        _ => return None,
    })
}

/// Appends ` AND <predicate>` for each condition of the segment.
pub(crate) fn segment_sql(seg: &SegmentAt, review_after: time::Duration, vals: &mut Vec<Value>, sql: &mut String) {
    let before = to_ms(seg.at - review_after);
    let mut p = Params::new(vals, seg.at);
    for c in &seg.segment.conditions {
        sql.push_str(" AND ");
        sql.push_str(&condition_sql(c, "c.id", before, &mut p));
    }
}

/// A count of the contacts in a segment (and in no other filter), without
/// reading `contacts`: one condition's index range (every id there is a
/// contact's) with the others checked per id. `None` when no condition is
/// a range, or one needs the contact's own columns.
pub(crate) fn count_sql(seg: &SegmentAt, review_after: time::Duration) -> Option<(String, Vec<Value>)> {
    if seg.segment.conditions.contains(&Condition::ReviewDue) {
        return None;
    }
    let before = to_ms(seg.at - review_after);
    let mut vals = Vec::new();
    let mut p = Params::new(&mut vals, seg.at);
    let conds = &seg.segment.conditions;
    let (i, driver) = conds.iter().enumerate().find_map(|(i, c)| driver_sql(c, &mut p).map(|d| (i, d)))?;
    let mut sql = format!("SELECT COUNT(*) FROM ({driver}) d WHERE 1 = 1");
    for (j, c) in conds.iter().enumerate() {
        if j != i {
            sql.push_str(" AND ");
            sql.push_str(&condition_sql(c, "d.id", before, &mut p));
        }
    }
    Some((sql, vals))
}
