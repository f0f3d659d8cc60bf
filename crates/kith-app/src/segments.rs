//! Segments: the contact list filtered by basis, consent, permission to
//! contact, restriction, objection, notice version and review; saved under
//! a name (the owner's, or shared with the team by the owner or an admin),
//! counted, used as a campaign audience, and exported for an outside
//! mailer with each person's own unsubscribe and preferences links.

use crate::{App, AppError, Principal, Result};
use kith_domain::segment::{decode_query, encode_component, Condition, Segment, KEYS};
use kith_domain::{Channel, CompanyId, Invalid, PurposeId, SourceKind, SubjectId, UserId};
use kith_store::audit::NewEntry;
use kith_store::contacts::ContactFilter;
pub use kith_store::segments::SavedSegment;
use kith_store::segments::{SegmentAt, SegmentWrite, Standing};
use time::OffsetDateTime;
use uuid::Uuid;

/// Most segments one user may own.
pub const MAX_SEGMENTS: i64 = 100;
/// Most people one audience export (CSV) holds; JSON pages through them.
pub const MAX_AUDIENCE: i64 = 50_000;
/// Largest page of a JSON audience export.
pub const MAX_AUDIENCE_PAGE: i64 = 1000;

/// The plain list filters a saved segment may hold beside its conditions.
pub const PLAIN_KEYS: [&str; 4] = ["owner", "tag", "company", "source"];

/// A saved query read back: the conditions and the plain filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SegmentQuery {
    pub segment: Segment,
    pub owner: Option<UserId>,
    pub tag: Option<String>,
    pub company: Option<CompanyId>,
    pub source: Option<SourceKind>,
}

impl SegmentQuery {
    /// Reads query-string pairs (decoded): the segment's keys and
    /// [`PLAIN_KEYS`]; other keys are ignored. Errors name the key.
    pub fn parse_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)> + Clone,
    ) -> Result<SegmentQuery, Invalid> {
        let mut inv = Invalid::default();
        let segment = inv.check("", Segment::parse_pairs(pairs.clone())).unwrap_or_default();
        let mut q = SegmentQuery { segment, ..Default::default() };
        for (k, v) in pairs {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            match k {
                "owner" => {
                    q.owner =
                        inv.check(k, Uuid::parse_str(v).map(UserId).map_err(|_| Invalid::one("", "must be an id")))
                }
                "company" => {
                    q.company =
                        inv.check(k, Uuid::parse_str(v).map(CompanyId).map_err(|_| Invalid::one("", "must be an id")))
                }
                "tag" if v.chars().count() <= 50 => q.tag = Some(kith_store::contacts::normalise_tag(v)),
                "tag" => inv.push(k, "must be at most 50 characters"),
                "source" => {
                    q.source = inv.check(k, SourceKind::parse(v).ok_or_else(|| Invalid::one("", "unknown source")))
                }
                _ => {}
            }
        }
        inv.into_result()?;
        Ok(q)
    }

    /// Reads a query string as stored (`key=value&…`, percent-encoded).
    pub fn parse(text: &str) -> Result<SegmentQuery, Invalid> {
        let pairs = decode_query(text).ok_or_else(|| Invalid::one("query", "is not a query string"))?;
        SegmentQuery::parse_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The canonical text: the segment's, then the plain filters.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        let seg = self.segment.to_query();
        if !seg.is_empty() {
            parts.push(seg);
        }
        if let Some(o) = self.owner {
            parts.push(format!("owner={o}"));
        }
        if let Some(t) = &self.tag {
            parts.push(format!("tag={}", encode_component(t)));
        }
        if let Some(c) = self.company {
            parts.push(format!("company={c}"));
        }
        if let Some(s) = self.source {
            parts.push(format!("source={}", s.as_str()));
        }
        parts.join("&")
    }

    pub fn is_empty(&self) -> bool {
        self.segment.is_empty()
            && self.owner.is_none()
            && self.tag.is_none()
            && self.company.is_none()
            && self.source.is_none()
    }

    /// The list filter, the segment evaluated now.
    pub fn filter(&self) -> ContactFilter {
        ContactFilter {
            owner: self.owner,
            tag: self.tag.clone(),
            company: self.company,
            source: self.source,
            segment: segment_now(self.segment.clone()),
            ..Default::default()
        }
    }
}

/// A segment as it stands now, or none if it has no conditions.
pub fn segment_now(segment: Segment) -> Option<SegmentAt> {
    (!segment.is_empty()).then(|| SegmentAt::now(segment))
}

/// Whether a query-string key belongs to a segment.
pub fn is_segment_key(k: &str) -> bool {
    KEYS.contains(&k)
}

/// One person of an audience export.
#[derive(Clone, Debug)]
pub struct AudienceMember {
    pub id: SubjectId,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub first_name: Option<String>,
    /// The language of the notice the person answered under, if known.
    pub language: Option<String>,
    pub unsubscribe_link: String,
    pub preferences_link: String,
}

/// A page of an audience export.
#[derive(Clone, Debug, Default)]
pub struct Audience {
    pub members: Vec<AudienceMember>,
    /// Pass as `after` for the next page; none on the last.
    pub next_after: Option<Uuid>,
}

/// The audience as CSV (a header row, then one row per person; cells a
/// spreadsheet would take for a formula are defused).
pub fn audience_csv(a: &Audience) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["id", "email", "phone", "first_name", "language", "unsubscribe_link", "preferences_link"]);
    for m in &a.members {
        let cell = |v: &Option<String>| crate::export::neutralise_formula(v.as_deref().unwrap_or("")).into_owned();
        let _ = w.write_record([
            m.id.to_string(),
            cell(&m.email),
            // Checked phone numbers: digits and a leading +, kept as they are.
            m.phone.clone().unwrap_or_default(),
            cell(&m.first_name),
            cell(&m.language),
            m.unsubscribe_link.clone(),
            m.preferences_link.clone(),
        ]);
    }
    w.into_inner().unwrap_or_default()
}

fn check_name(inv: &mut Invalid, name: &str) {
    if name.trim().is_empty() || name.trim().chars().count() > 60 || name.chars().any(char::is_control) {
        inv.push("name", "must be 1 to 60 characters");
    }
}

impl App {
    /// How many contacts pass a list filter (segment included): what the
    /// list shows beside a segment. Not audited: a count opens no one.
    pub async fn count_contacts(&self, _p: &Principal, f: &ContactFilter) -> Result<i64> {
        Ok(self.store.count_matching(f).await?)
    }

    /// Where each of `ids` stands for a purpose on a channel now (basis,
    /// consent state, may contact): the list's consent badges.
    pub async fn standings(
        &self,
        _p: &Principal,
        purpose: PurposeId,
        channel: Channel,
        ids: &[SubjectId],
    ) -> Result<Vec<Standing>> {
        Ok(self.store.standings(purpose, channel, ids, OffsetDateTime::now_utc()).await?)
    }

    /// Refuses conditions about purposes that do not exist (naming the key).
    pub async fn check_segment(&self, s: &Segment) -> Result<()> {
        let known: Vec<PurposeId> = self.store.purposes().await?.into_iter().map(|p| p.id).collect();
        let mut inv = Invalid::default();
        for c in &s.conditions {
            if c.purpose().is_some_and(|p| !known.contains(&p)) {
                inv.push(c.pair().0, "refers to a purpose that does not exist");
            }
        }
        inv.into_result().map_err(Into::into)
    }

    async fn check_write(&self, name: &str, query: &str) -> Result<SegmentQuery> {
        let mut inv = Invalid::default();
        check_name(&mut inv, name);
        if query.len() > 4000 || query.chars().any(char::is_control) {
            inv.push("query", "is too long");
        }
        let q = inv.check("query", SegmentQuery::parse(query));
        if q.as_ref().is_some_and(SegmentQuery::is_empty) {
            inv.push("query", "choose at least one condition or filter");
        }
        inv.into_result()?;
        let q = q.unwrap_or_default();
        self.check_segment(&q.segment).await.map_err(|e| match e {
            AppError::Invalid(i) => AppError::Invalid(Invalid(
                i.0.into_iter()
                    .map(|f| kith_domain::FieldError::new(format!("query.{}", f.field), f.message))
                    .collect(),
            )),
            e => e,
        })?;
        Ok(q)
    }

    /// Saves a segment owned by the caller. Sharing it with the team is
    /// for admins (or the owner, when they save it shared).
    pub async fn create_segment(&self, p: &Principal, name: &str, query: &str, shared: bool) -> Result<SavedSegment> {
        let q = self.check_write(name, query).await?;
        if self.store.count_segments_of(p.user).await? >= MAX_SEGMENTS {
            return Err(AppError::Conflict(format!("you already keep {MAX_SEGMENTS} segments; delete one first")));
        }
        let w = SegmentWrite { name: name.trim().to_owned(), query: q.to_query(), shared };
        let id = self.store.insert_segment(&p.ctx(), p.user, &w).await?;
        self.store.segment(id).await?.ok_or(AppError::NotFound("segment"))
    }

    /// A segment the caller may see: their own, a shared one, or any for an admin.
    pub async fn get_segment(&self, p: &Principal, id: Uuid) -> Result<SavedSegment> {
        let s = self.store.segment(id).await?.ok_or(AppError::NotFound("segment"))?;
        if s.owner == p.user || s.shared || p.role.can_administer() {
            Ok(s)
        } else {
            Err(AppError::NotFound("segment"))
        }
    }

    /// The segments the caller may use (an admin's list holds everyone's).
    pub async fn segments(&self, p: &Principal) -> Result<Vec<SavedSegment>> {
        Ok(self.store.segments_for(p.user, p.role.can_administer()).await?)
    }

    /// Changes a segment: its owner or an admin.
    pub async fn update_segment(
        &self,
        p: &Principal,
        id: Uuid,
        name: &str,
        query: &str,
        shared: bool,
    ) -> Result<SavedSegment> {
        let s = self.get_segment(p, id).await?;
        p.require(s.owner == p.user || p.role.can_administer(), "change another user's segment")?;
        let q = self.check_write(name, query).await?;
        let w = SegmentWrite { name: name.trim().to_owned(), query: q.to_query(), shared };
        self.store.update_segment(&p.ctx(), id, &w).await.map_err(AppError::from).map_err(crate::missing("segment"))?;
        self.store.segment(id).await?.ok_or(AppError::NotFound("segment"))
    }

    /// Shares a segment with the team, or stops sharing it.
    pub async fn share_segment(&self, p: &Principal, id: Uuid, shared: bool) -> Result<SavedSegment> {
        let s = self.get_segment(p, id).await?;
        self.update_segment(p, id, &s.name, &s.query, shared).await
    }

    pub async fn delete_segment(&self, p: &Principal, id: Uuid) -> Result<()> {
        let s = self.get_segment(p, id).await?;
        p.require(s.owner == p.user || p.role.can_administer(), "delete another user's segment")?;
        self.store.delete_segment(&p.ctx(), id).await.map_err(AppError::from).map_err(crate::missing("segment"))
    }

    /// The contact filter of a saved segment, evaluated now: what a campaign
    /// or a bulk action uses as its audience.
    pub async fn segment_filter(&self, p: &Principal, id: Uuid) -> Result<ContactFilter> {
        let s = self.get_segment(p, id).await?;
        let q =
            SegmentQuery::parse(&s.query).map_err(|_| AppError::Conflict("the saved segment cannot be read".into()))?;
        Ok(q.filter())
    }

    /// How many contacts a saved segment holds now.
    pub async fn segment_count(&self, p: &Principal, id: Uuid) -> Result<i64> {
        let f = self.segment_filter(p, id).await?;
        Ok(self.store.count_matching(&f).await?)
    }

    /// The people of a saved segment who may be contacted for `purpose` on
    /// `channel` (the rule every send uses), in id order after `after`, at
    /// most `limit` (people without an address on the channel are left out):
    /// each with their own unsubscribe and preferences links, so an outside
    /// mailer honours their choices. Audited: one entry per person
    /// (`segment.export`, found by the breach "who accessed" query) and one
    /// for the export naming the segment and the count.
    pub async fn segment_audience(
        &self,
        p: &Principal,
        id: Uuid,
        purpose: PurposeId,
        channel: Channel,
        after: Option<Uuid>,
        limit: i64,
    ) -> Result<Audience> {
        p.require(p.role.can_manage_privacy(), "export an audience")?;
        if !(1..=MAX_AUDIENCE).contains(&limit) {
            return Err(Invalid::one("limit", format!("must be between 1 and {MAX_AUDIENCE}")).into());
        }
        let mut filter = self.segment_filter(p, id).await?;
        self.require_purpose(purpose).await?;
        let may = Condition::MayContact { purpose, channel, allowed: true };
        let mut seg = filter.segment.take().map(|s| s.segment).unwrap_or_default();
        seg.conditions.push(may);
        filter.segment = Some(SegmentAt { segment: seg.canonical(), at: OffsetDateTime::now_utc() });
        let vis = self.field_visibility().await?;
        let mut out = Audience::default();
        let mut cursor = after;
        while (out.members.len() as i64) < limit {
            let want = (limit - out.members.len() as i64).min(1000);
            let ids = self.store.segment_ids(&filter, cursor, want).await?;
            let Some(last) = ids.last() else { break };
            cursor = Some(last.0);
            let langs = self.store.notice_languages(purpose, channel, &ids).await?;
            for mut c in self.store.contacts_by_ids(&ids).await? {
                vis.redact(p.role, &mut c.data);
                let email = c.data.emails.first().map(|e| e.as_str().to_owned());
                let phone = c.data.phones.first().map(|e| e.as_str().to_owned());
                let reachable = match channel {
                    Channel::Email => email.is_some(),
                    Channel::Phone | Channel::Sms => phone.is_some(),
                    Channel::Post => c.data.address.is_some(),
                };
                if !reachable {
                    continue;
                }
                out.members.push(AudienceMember {
                    id: c.id,
                    email,
                    phone: matches!(channel, Channel::Phone | Channel::Sms).then_some(phone).flatten(),
                    first_name: c.data.first_name.clone(),
                    language: langs.get(&c.id).cloned(),
                    unsubscribe_link: self.unsubscribe_link(c.id, purpose.0),
                    preferences_link: self.preferences_link(c.id),
                });
            }
            if (ids.len() as i64) < want {
                cursor = None;
                break;
            }
        }
        out.next_after = cursor;
        let mut audit: Vec<NewEntry> = out.members.iter().map(|m| NewEntry::subject("segment.export", m.id)).collect();
        audit.push(NewEntry {
            action: "segment.export",
            subject: None,
            object_type: "segment",
            object_id: Some(format!("{id}:{}", out.members.len())),
        });
        self.store.audit(&p.ctx(), &audit).await?;
        Ok(out)
    }
}
