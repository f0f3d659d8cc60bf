//! Interactions on a contact: notes, calls, emails, meetings.

use crate::cursor;
use crate::{check_limit, idempotent, App, AppError, IdempotencyKey, Page, Principal, Result};
use kith_domain::contact::validate_body;
use kith_domain::{Field, InteractionId, InteractionKind, Invalid, SubjectId};
use kith_store::audit::NewEntry;
use kith_store::interactions::{Interaction, InteractionInput};

#[derive(Clone)]
pub struct NewInteraction {
    pub kind: InteractionKind,
    pub occurred_at: Option<time::OffsetDateTime>,
    pub body: String,
}

#[derive(Clone, Default)]
pub struct InteractionPatch {
    pub kind: Option<InteractionKind>,
    pub occurred_at: Option<time::OffsetDateTime>,
    pub body: Option<String>,
}

/// An interaction happened: from 1900 to now, give or take five minutes of
/// clock skew. (A date in the future would postpone the retention of the
/// person's data, whose period runs from the last interaction.)
fn check_time(t: time::OffsetDateTime) -> Result<()> {
    if t.to_offset(time::UtcOffset::UTC).year() < 1900 {
        return Err(Invalid::one("occurred_at", "must be after the year 1900").into());
    }
    if t > time::OffsetDateTime::now_utc() + time::Duration::minutes(5) {
        return Err(Invalid::one("occurred_at", "must not be in the future").into());
    }
    Ok(())
}

impl App {
    async fn may_see_bodies(&self, p: &Principal) -> Result<bool> {
        Ok(self.field_visibility().await?.visible(p.role, Field::InteractionBodies))
    }

    /// A role that may not read interaction texts may not write them either.
    async fn check_bodies_writable(&self, p: &Principal) -> Result<()> {
        if self.may_see_bodies(p).await? {
            Ok(())
        } else {
            Err(Invalid::one("body", "your role may not see or change this field").into())
        }
    }

    fn hide_body(mut i: Interaction, visible: bool) -> Interaction {
        if !visible {
            i.body = String::new();
        }
        i
    }

    pub async fn create_interaction(
        &self,
        p: &Principal,
        subject: SubjectId,
        n: NewInteraction,
        idem: Option<&IdempotencyKey>,
    ) -> Result<Interaction> {
        self.create_interactions_checked(p, &[(subject, n.clone())])?;
        self.check_bodies_writable(p).await?;
        self.unrestricted(subject).await?;
        let occurred_at = n.occurred_at.unwrap_or_else(time::OffsetDateTime::now_utc);
        let input = InteractionInput {
            id: InteractionId::new(),
            subject,
            kind: n.kind,
            occurred_at,
            author: p.author(),
            body: n.body,
        };
        let ctx = p.ctx();
        let id = idempotent(self, p, idem, "interaction", |claim| async move {
            self.store.insert_interactions(&ctx, std::slice::from_ref(&input), claim.as_ref()).await.map(|_| input.id.0)
        })
        .await
        .map_err(|e| match e {
            AppError::Invalid(inv) if inv.0.iter().any(|f| f.field == "contact_id") => AppError::NotFound("contact"),
            e => e,
        })?;
        self.get_interaction(p, subject, InteractionId(id)).await
    }

    fn create_interactions_checked(&self, p: &Principal, items: &[(SubjectId, NewInteraction)]) -> Result<()> {
        p.require(p.role.can_write_crm(), "record interactions")?;
        for (_, n) in items {
            validate_body(&n.body)?;
            if let Some(t) = n.occurred_at {
                check_time(t)?;
            }
        }
        Ok(())
    }

    /// Records many interactions (for many contacts) in one transaction.
    pub async fn create_interactions(
        &self,
        p: &Principal,
        items: Vec<(SubjectId, NewInteraction)>,
    ) -> Result<Vec<InteractionId>> {
        if items.is_empty() || items.len() > 2 * crate::contacts::MAX_BATCH {
            return Err(Invalid::one("interactions", "must hold 1 to 2000 interactions").into());
        }
        self.create_interactions_checked(p, &items)?;
        self.check_bodies_writable(p).await?;
        let subjects: Vec<SubjectId> = items.iter().map(|(s, _)| *s).collect();
        self.none_restricted(&subjects).await?;
        let now = time::OffsetDateTime::now_utc();
        let inputs: Vec<InteractionInput> = items
            .into_iter()
            .map(|(subject, n)| InteractionInput {
                id: InteractionId::new(),
                subject,
                kind: n.kind,
                occurred_at: n.occurred_at.unwrap_or(now),
                author: p.author(),
                body: n.body,
            })
            .collect();
        self.store.insert_interactions(&p.ctx(), &inputs, None).await?;
        Ok(inputs.into_iter().map(|i| i.id).collect())
    }

    pub async fn get_interaction(&self, p: &Principal, subject: SubjectId, id: InteractionId) -> Result<Interaction> {
        let i = self
            .store
            .get_interaction(id)
            .await?
            .filter(|i| i.subject == subject)
            .ok_or(AppError::NotFound("interaction"))?;
        self.store
            .audit(
                &p.ctx(),
                &[NewEntry {
                    action: "interaction.read",
                    subject: Some(subject),
                    object_type: "interaction",
                    object_id: Some(id.to_string()),
                }],
            )
            .await?;
        Ok(Self::hide_body(i, self.may_see_bodies(p).await?))
    }

    /// A contact's timeline, newest first.
    pub async fn list_interactions(
        &self,
        p: &Principal,
        subject: SubjectId,
        cur: Option<&str>,
        limit: Option<i64>,
    ) -> Result<Page<Interaction>> {
        let limit = check_limit(limit)?;
        if self.store.get_contact(subject).await?.is_none() {
            return Err(AppError::NotFound("contact"));
        }
        let before = match cur {
            Some(c) => {
                let parts = cursor::decode("interactions", c, 2)?;
                Some((cursor::int(&parts[0])?, cursor::uuid(&parts[1])?))
            }
            None => None,
        };
        let items = self.store.list_interactions(subject, before, limit).await?;
        let next = (items.len() as i64 == limit)
            .then(|| {
                items.last().map(|i| {
                    cursor::encode("interactions", &[kith_store::to_ms(i.occurred_at).to_string(), i.id.to_string()])
                })
            })
            .flatten();
        self.store
            .audit(
                &p.ctx(),
                &[NewEntry {
                    action: "interaction.list",
                    subject: Some(subject),
                    object_type: "contact",
                    object_id: Some(subject.to_string()),
                }],
            )
            .await?;
        let vis = self.may_see_bodies(p).await?;
        Ok(Page { items: items.into_iter().map(|i| Self::hide_body(i, vis)).collect(), next_cursor: next })
    }

    pub async fn update_interaction(
        &self,
        p: &Principal,
        subject: SubjectId,
        id: InteractionId,
        patch: InteractionPatch,
    ) -> Result<Interaction> {
        p.require(p.role.can_write_crm(), "change interactions")?;
        self.unrestricted(subject).await?;
        if patch.body.is_some() && !self.may_see_bodies(p).await? {
            return Err(Invalid::one("body", "your role may not see or change this field").into());
        }
        self.store
            .modify_interaction(&p.ctx(), subject, id, |cur| {
                let body = patch.body.unwrap_or(cur.body);
                validate_body(&body)?;
                let occurred_at = patch.occurred_at.unwrap_or(cur.occurred_at);
                check_time(occurred_at)?;
                Ok::<_, AppError>(InteractionInput {
                    id,
                    subject,
                    kind: patch.kind.unwrap_or(cur.kind),
                    occurred_at,
                    author: cur.author,
                    body,
                })
            })
            .await
            .map_err(crate::missing("interaction"))?;
        self.get_interaction(p, subject, id).await
    }

    pub async fn delete_interaction(&self, p: &Principal, subject: SubjectId, id: InteractionId) -> Result<()> {
        p.require(p.role.can_write_crm(), "delete interactions")?;
        let cur = self.store.get_interaction(id).await?.filter(|i| i.subject == subject);
        if cur.is_none() {
            return Err(AppError::NotFound("interaction"));
        }
        self.store.delete_interaction(&p.ctx(), id).await.map_err(Into::into)
    }
}
