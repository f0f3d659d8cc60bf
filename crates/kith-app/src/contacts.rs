//! Contacts: create, read, change, delete, list, find.

use crate::cursor;
use crate::{check_limit, idempotent, App, AppError, IdempotencyKey, Page, Principal, Result};
use kith_domain::{CompanyId, ContactData, Email, Field, FieldVisibility, Invalid, Phone, Role, SubjectId, UserId};
use kith_store::audit::NewEntry;
use kith_store::contacts::{After, Contact, ContactFilter, ContactInput, ContactSort};

/// Most contacts one batch create may hold.
pub const MAX_BATCH: usize = 1000;
pub const MAX_TAGS: usize = 50;

#[derive(Clone, Debug, Default)]
pub struct NewContact {
    pub owner: Option<UserId>,
    pub company: Option<CompanyId>,
    pub tags: Vec<String>,
    pub data: ContactData,
    /// Where it came from; by default, who creates it (staff or API token).
    pub source: Option<kith_domain::Provenance>,
}

/// A partial change: `None` leaves a value alone, `Some(None)` clears it.
#[derive(Clone, Default)]
pub struct ContactPatch {
    pub owner: Option<Option<UserId>>,
    pub company: Option<Option<CompanyId>>,
    pub tags: Option<Vec<String>>,
    pub first_name: Option<Option<String>>,
    pub last_name: Option<Option<String>>,
    pub emails: Option<Vec<Email>>,
    pub phones: Option<Vec<Phone>>,
    pub address: Option<Option<kith_domain::Address>>,
    pub job_title: Option<Option<String>>,
    pub notes: Option<Option<String>>,
    /// Custom field values to set, by name; an empty value removes one.
    pub custom: Option<std::collections::BTreeMap<String, String>>,
}

#[derive(Clone, Default)]
pub struct ContactQuery {
    /// Free search: an email, a phone number, or name prefixes.
    pub q: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub filter: ContactFilter,
    pub sort: ContactSort,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

impl std::fmt::Debug for ContactPatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ContactPatch(<redacted>)")
    }
}

impl std::fmt::Debug for ContactQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ContactQuery(sort {:?}, limit {:?}, <search terms redacted>)", self.sort, self.limit)
    }
}

/// Whether a contact passes the filters (for lookups that find candidates
/// by a blind index rather than by SQL filtering).
fn passes(f: &ContactFilter, c: &Contact) -> bool {
    let ms = |t| kith_store::to_ms(t);
    f.owner.is_none_or(|o| c.owner == Some(o))
        && f.company.is_none_or(|co| c.company == Some(co))
        && f.tag.as_ref().is_none_or(|t| c.tags.contains(t))
        && f.created_from.is_none_or(|v| ms(c.created_at) >= v)
        && f.created_to.is_none_or(|v| ms(c.created_at) < v)
        && f.updated_from.is_none_or(|v| ms(c.updated_at) >= v)
        && f.updated_to.is_none_or(|v| ms(c.updated_at) < v)
}

pub(crate) fn check_tags(tags: &[String]) -> Result<Vec<String>> {
    if tags.len() > MAX_TAGS {
        return Err(Invalid::one("tags", format!("at most {MAX_TAGS} tags")).into());
    }
    let mut out = Vec::with_capacity(tags.len());
    for t in tags {
        let t = kith_store::contacts::normalise_tag(t);
        if t.is_empty() || t.chars().count() > 50 || t.chars().any(char::is_control) {
            return Err(Invalid::one("tags", "each tag must be 1 to 50 characters").into());
        }
        // Forms list tags separated by commas: a comma inside one would split it.
        if t.contains(',') {
            return Err(Invalid::one("tags", "a tag must not contain a comma").into());
        }
        out.push(t);
    }
    Ok(out)
}

/// Refuses a write to a field the role may not see: it could not check
/// what it overwrites.
fn check_writable(vis: &FieldVisibility, role: Role, data_fields: &[(Field, bool)]) -> Result<()> {
    let mut inv = Invalid::default();
    for (f, touched) in data_fields {
        if *touched && !vis.visible(role, *f) {
            inv.push(f.as_str(), "your role may not see or change this field");
        }
    }
    inv.into_result().map_err(Into::into)
}

fn touched(d: &ContactData) -> [(Field, bool); 7] {
    [
        (Field::FirstName, d.first_name.is_some()),
        (Field::LastName, d.last_name.is_some()),
        (Field::Emails, !d.emails.is_empty()),
        (Field::Phones, !d.phones.is_empty()),
        (Field::Address, d.address.is_some()),
        (Field::JobTitle, d.job_title.is_some()),
        (Field::Notes, d.notes.is_some()),
    ]
}

/// Why an address on the suppression list is refused.
const SUPPRESSED: &str = "this address belongs to a person who was erased after unsubscribing; they are not added back (they may sign up again through a consent form)";

impl App {
    /// The contact as `role` may see it: fields hidden from the role are
    /// removed, and special categories (Art. 9/10) are shown to the
    /// privacy roles only.
    fn view(&self, vis: &FieldVisibility, policy: &kith_domain::policy::Policy, role: Role, mut c: Contact) -> Contact {
        vis.redact(role, &mut c.data);
        if !role.can_manage_privacy() {
            c.data.custom.retain(|k, _| {
                policy.field(&format!("{}{k}", kith_domain::policy::CUSTOM)).is_some_and(|f| f.special.is_none())
            });
        }
        c
    }

    /// Refuses addresses on the suppression list: people erased after they
    /// had unsubscribed are never added back by staff or an import; they
    /// may come back through a consent form of their own accord.
    async fn refuse_suppressed(&self, inputs: &[ContactInput], field: impl Fn(usize) -> String) -> Result<()> {
        let emails: Vec<(usize, &kith_domain::Email)> =
            inputs.iter().enumerate().flat_map(|(i, c)| c.data.emails.iter().map(move |e| (i, e))).collect();
        let refs: Vec<&kith_domain::Email> = emails.iter().map(|(_, e)| *e).collect();
        let hits = self.store.suppressed(&refs).await?;
        let mut inv = Invalid::default();
        for h in hits {
            inv.push(field(emails[h].0), SUPPRESSED);
        }
        Ok(inv.into_result()?)
    }

    fn prepare_new(
        &self,
        vis: &FieldVisibility,
        policy: &kith_domain::policy::Policy,
        p: &Principal,
        n: NewContact,
    ) -> Result<ContactInput> {
        let mut data = n.data.tidy();
        data.validate()?;
        policy.check(&mut data)?;
        check_writable(vis, p.role, &touched(&data))?;
        // Special categories are seen, so written, by the privacy roles only.
        if !p.role.can_manage_privacy() {
            for k in data.custom.keys() {
                let key = format!("{}{k}", kith_domain::policy::CUSTOM);
                if policy.field(&key).is_some_and(|f| f.special.is_some()) {
                    return Err(Invalid::one(key, "your role may not change special-category fields").into());
                }
            }
        }
        Ok(ContactInput {
            id: SubjectId::new(),
            owner: n.owner,
            company: n.company,
            tags: check_tags(&n.tags)?,
            data,
            source: Some(n.source.unwrap_or_else(|| p.provenance())),
        })
    }

    pub async fn create_contact(&self, p: &Principal, n: NewContact, idem: Option<&IdempotencyKey>) -> Result<Contact> {
        p.require(p.role.can_write_crm(), "create contacts")?;
        let vis = self.field_visibility().await?;
        let policy = self.store.field_policy().await?;
        let input = self.prepare_new(&vis, &policy, p, n)?;
        self.refuse_suppressed(std::slice::from_ref(&input), |_| "emails".into()).await?;
        let ctx = p.ctx();
        let id = idempotent(self, p, idem, "contact", |claim| async move {
            self.store.insert_contacts(&ctx, std::slice::from_ref(&input), claim.as_ref()).await.map(|_| input.id.0)
        })
        .await?;
        self.get_contact(p, SubjectId(id)).await
    }

    /// Creates up to [`MAX_BATCH`] contacts in one transaction: all or none.
    /// The bulk path (API batch endpoint, benchmark, later imports).
    pub async fn create_contacts(&self, p: &Principal, batch: Vec<NewContact>) -> Result<Vec<SubjectId>> {
        p.require(p.role.can_write_crm(), "create contacts")?;
        if batch.is_empty() || batch.len() > MAX_BATCH {
            return Err(Invalid::one("contacts", format!("must hold 1 to {MAX_BATCH} contacts")).into());
        }
        let vis = self.field_visibility().await?;
        let policy = self.store.field_policy().await?;
        let mut inputs = Vec::with_capacity(batch.len());
        let mut inv = Invalid::default();
        for (i, n) in batch.into_iter().enumerate() {
            match self.prepare_new(&vis, &policy, p, n) {
                Ok(c) => inputs.push(c),
                Err(AppError::Invalid(e)) => {
                    inv.check(&format!("contacts[{i}]"), Err::<(), _>(e));
                }
                Err(e) => return Err(e),
            }
        }
        inv.into_result()?;
        self.refuse_suppressed(&inputs, |i| format!("contacts[{i}].emails")).await?;
        self.store.insert_contacts(&p.ctx(), &inputs, None).await?;
        Ok(inputs.into_iter().map(|c| c.id).collect())
    }

    pub async fn get_contact(&self, p: &Principal, id: SubjectId) -> Result<Contact> {
        let c = self.store.get_contact(id).await?.ok_or(AppError::NotFound("contact"))?;
        self.store.audit(&p.ctx(), &[NewEntry::subject("contact.read", id)]).await?;
        let vis = self.field_visibility().await?;
        let policy = self.store.field_policy().await?;
        Ok(self.view(&vis, &policy, p.role, c))
    }

    pub async fn update_contact(&self, p: &Principal, id: SubjectId, patch: ContactPatch) -> Result<Contact> {
        p.require(p.role.can_write_crm(), "change contacts")?;
        self.unrestricted(id).await?;
        let vis = self.field_visibility().await?;
        check_writable(
            &vis,
            p.role,
            &[
                (Field::FirstName, patch.first_name.is_some()),
                (Field::LastName, patch.last_name.is_some()),
                (Field::Emails, patch.emails.is_some()),
                (Field::Phones, patch.phones.is_some()),
                (Field::Address, patch.address.is_some()),
                (Field::JobTitle, patch.job_title.is_some()),
                (Field::Notes, patch.notes.is_some()),
            ],
        )?;
        let policy = self.store.field_policy().await?;
        // An address newly given to a contact may not be one on the suppression list.
        if let Some(emails) = &patch.emails {
            let current = self.store.get_contact(id).await?.map(|c| c.data.emails).unwrap_or_default();
            let added: Vec<&kith_domain::Email> =
                emails.iter().filter(|e| !current.iter().any(|c| c.lookup_key() == e.lookup_key())).collect();
            if !self.store.suppressed(&added).await?.is_empty() {
                return Err(Invalid::one("emails", SUPPRESSED).into());
            }
        }
        self.store
            .modify_contact(&p.ctx(), id, |cur| {
                let mut d = cur.data;
                let mut owner = cur.owner;
                let mut company = cur.company;
                let mut tags = cur.tags;
                if let Some(v) = patch.owner {
                    owner = v;
                }
                if let Some(v) = patch.company {
                    company = v;
                }
                if let Some(v) = patch.tags {
                    tags = check_tags(&v)?;
                }
                let mut written: Vec<String> = [
                    ("first_name", patch.first_name.is_some()),
                    ("last_name", patch.last_name.is_some()),
                    ("emails", patch.emails.is_some()),
                    ("phones", patch.phones.is_some()),
                    ("address", patch.address.is_some()),
                    ("job_title", patch.job_title.is_some()),
                    ("notes", patch.notes.is_some()),
                ]
                .into_iter()
                .filter(|(_, w)| *w)
                .map(|(k, _)| k.to_owned())
                .collect();
                macro_rules! apply {
                    ($($f:ident),*) => { $(if let Some(v) = patch.$f { d.$f = v; })* };
                }
                apply!(first_name, last_name, emails, phones, address, job_title, notes);
                if let Some(custom) = patch.custom {
                    for (k, v) in custom {
                        let key = format!("{}{k}", kith_domain::policy::CUSTOM);
                        // Special categories are seen, so changed, by the privacy roles only.
                        if !p.role.can_manage_privacy() && policy.field(&key).is_some_and(|f| f.special.is_some()) {
                            return Err(Invalid::one(key, "your role may not change special-category fields").into());
                        }
                        written.push(key);
                        if v.trim().is_empty() {
                            d.custom.remove(&k);
                        } else {
                            d.custom.insert(k, v);
                        }
                    }
                }
                let mut d = d.tidy();
                d.validate()?;
                policy.check_written(&mut d, |k| written.iter().any(|w| w == k))?;
                Ok::<_, AppError>(ContactInput { id, owner, company, tags, data: d, source: None })
            })
            .await
            .map_err(crate::missing("contact"))?;
        self.get_contact(p, id).await
    }

    /// Finds contacts by the query: with `email`, `phone` or `q` through
    /// the blind indexes, otherwise by paging in the chosen order. Not
    /// audited and not redacted: callers do both.
    pub(crate) async fn find_contacts(
        &self,
        vis: &FieldVisibility,
        role: Role,
        q: &ContactQuery,
        limit: usize,
    ) -> Result<(Vec<Contact>, Option<String>)> {
        if q.q.as_deref().is_some_and(|s| s.trim().is_empty()) {
            return Err(Invalid::one("q", "must not be blank").into());
        }
        let free = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let (items, next) = if let Some(e) = q.email.as_deref().or(free.filter(|s| s.contains('@'))) {
            hidden_search(vis, role, Field::Emails, "email")?;
            let email = Email::parse(e).map_err(|_| Invalid::one("email", "is not a valid email address"))?;
            // Staff may type the address in any case; nothing is mailed on
            // the strength of a search, so case is ignored here (never accents).
            let found = self.store.find_by_email_any_case(&email).await?;
            let found = self.in_segment(&q.filter, found).await?;
            (found.into_iter().filter(|c| passes(&q.filter, c)).take(limit).collect(), None)
        } else if let Some(ph) = q.phone.as_deref().or(free.filter(|s| looks_like_phone(s))) {
            hidden_search(vis, role, Field::Phones, "phone")?;
            let phone = Phone::parse(ph).map_err(|_| Invalid::one("phone", "is not a valid phone number"))?;
            let found = self.store.find_by_phone(&phone).await?;
            let found = self.in_segment(&q.filter, found).await?;
            (found.into_iter().filter(|c| passes(&q.filter, c)).take(limit).collect(), None)
        } else if let Some(text) = free {
            hidden_search(vis, role, Field::FirstName, "q")?;
            hidden_search(vis, role, Field::LastName, "q")?;
            if text.chars().count() > 100 {
                return Err(Invalid::one("q", "must be at most 100 characters").into());
            }
            let after = match &q.cursor {
                Some(c) => Some(cursor::uuid(&cursor::decode("contacts:name", c, 1)?[0])?),
                None => None,
            };
            let found = self.store.search_name(text, &q.filter, after, limit).await?;
            let next = (found.len() == limit)
                .then(|| found.last().map(|c| cursor::encode("contacts:name", &[c.id.to_string()])))
                .flatten();
            (found, next)
        } else {
            let tag = sort_tag(q.sort);
            let after = match &q.cursor {
                Some(c) => {
                    let parts = cursor::decode(tag, c, 2)?;
                    Some(After { key: cursor::int(&parts[0])?, id: cursor::uuid(&parts[1])? })
                }
                None => None,
            };
            let found = self.store.list_contacts(&q.filter, q.sort, after, limit as i64).await?;
            let next = (found.len() == limit)
                .then(|| {
                    found.last().map(|c| {
                        let key = match q.sort {
                            ContactSort::CreatedAsc | ContactSort::CreatedDesc => c.created_at,
                            ContactSort::UpdatedAsc | ContactSort::UpdatedDesc => c.updated_at,
                        };
                        cursor::encode(tag, &[kith_store::to_ms(key).to_string(), c.id.to_string()])
                    })
                })
                .flatten();
            (found, next)
        };
        Ok((items, next))
    }

    /// Those of `found` in the filter's segment (all of them without one):
    /// candidates found by a blind index are checked in SQL.
    async fn in_segment(&self, f: &ContactFilter, found: Vec<Contact>) -> Result<Vec<Contact>> {
        if f.segment.is_none() || found.is_empty() {
            return Ok(found);
        }
        let ids: Vec<SubjectId> = found.iter().map(|c| c.id).collect();
        let keep = self.store.filter_ids(f, &ids).await?;
        Ok(found.into_iter().filter(|c| keep.contains(&c.id)).collect())
    }

    /// Lists or searches contacts. With `email`, `phone` or `q`, finds by
    /// the blind indexes; otherwise pages through in the chosen order.
    pub async fn list_contacts(&self, p: &Principal, q: ContactQuery) -> Result<Page<Contact>> {
        let limit = check_limit(q.limit)?;
        let vis = self.field_visibility().await?;
        let (items, next) = self.find_contacts(&vis, p.role, &q, limit as usize).await?;
        let policy = self.store.field_policy().await?;
        let items: Vec<Contact> = items.into_iter().map(|c| self.view(&vis, &policy, p.role, c)).collect();
        let audit: Vec<NewEntry> = items.iter().map(|c| NewEntry::subject("contact.list", c.id)).collect();
        self.store.audit(&p.ctx(), &audit).await?;
        Ok(Page { items, next_cursor: next })
    }
}

/// Searching by a value the role may not see would tell it that value.
fn hidden_search(vis: &FieldVisibility, role: Role, field: Field, param: &str) -> Result<()> {
    if vis.visible(role, field) {
        Ok(())
    } else {
        Err(Invalid::one(param, format!("your role may not search by {}", field.as_str())).into())
    }
}

fn sort_tag(s: ContactSort) -> &'static str {
    match s {
        ContactSort::CreatedAsc => "contacts:created",
        ContactSort::CreatedDesc => "contacts:-created",
        ContactSort::UpdatedAsc => "contacts:updated",
        ContactSort::UpdatedDesc => "contacts:-updated",
    }
}

/// A search text made of digits and phone punctuation only.
fn looks_like_phone(s: &str) -> bool {
    s.chars().filter(char::is_ascii_digit).count() >= 5
        && s.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '.' | '(' | ')' | '/'))
}
