//! Deleting a contact. Admin and dpo erase at once; other roles allowed to
//! delete (sales, support) file an erasure request for the privacy team,
//! unless the admin lets their role delete directly. Nobody deletes a
//! contact under a legal hold or a restriction: the answer names it.

use crate::dsr::NewDsr;
use crate::{missing, App, AppError, Principal, Result};
use kith_domain::dsr::{DsrChannel, DsrKind};
use kith_domain::{Invalid, Role, SubjectId};
use kith_store::erasure::Standing;
use uuid::Uuid;

/// What a deletion did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deletion {
    /// The contact was erased.
    Erased,
    /// An erasure request was filed in the register (its id).
    Requested(Uuid),
}

/// Roles that may be allowed to delete directly (admin and dpo always may).
pub const DELEGABLE: [Role; 2] = [Role::Sales, Role::Support];

impl App {
    /// Deletes a contact, or files an erasure request (see the module).
    pub async fn delete_contact(&self, p: &Principal, id: SubjectId) -> Result<Deletion> {
        p.require(p.role.can_delete_contacts(), "delete contacts")?;
        if !self.deletes_directly(p.role).await? {
            self.store.get_contact(id).await?.ok_or(AppError::NotFound("contact"))?;
            // One open erasure request per person: asking again files nothing
            // new (each request would start its own statutory clock).
            let open =
                self.store.dsrs_of(id).await?.into_iter().find(|d| d.kind == DsrKind::Erasure && !d.status.is_final());
            if let Some(d) = open {
                return Ok(Deletion::Requested(d.id));
            }
            let note = "Deletion asked by a staff member whose role files an erasure request instead of deleting; \
                        check for reasons to keep the data (Art. 17(3)), then carry it out or reject it.";
            let n = NewDsr {
                subject: id,
                kind: DsrKind::Erasure,
                channel: DsrChannel::Staff,
                received_at: None,
                note: Some(note.into()),
            };
            let d = self.create_dsr(p, n).await?;
            return Ok(Deletion::Requested(d.dsr.id));
        }
        self.store
            .delete_contact_unless(&p.ctx(), id, Standing::HoldOrRestriction)
            .await
            .map_err(AppError::from)
            .map_err(missing("contact"))?;
        Ok(Deletion::Erased)
    }

    /// Whether a deletion by `role` erases at once.
    pub async fn deletes_directly(&self, role: Role) -> Result<bool> {
        Ok(role.can_manage_privacy() || self.store.direct_deletion_roles().await?.contains(&role))
    }

    /// The roles the admin lets delete directly.
    pub async fn direct_deletion_roles(&self, p: &Principal) -> Result<Vec<Role>> {
        p.require(p.role.can_administer(), "manage settings")?;
        Ok(self.store.direct_deletion_roles().await?)
    }

    /// Sets the roles allowed to delete directly (only sales and support
    /// can be given it; admin and dpo always have it).
    pub async fn set_direct_deletion_roles(&self, p: &Principal, roles: &[Role]) -> Result<()> {
        p.require(p.role.can_administer(), "manage settings")?;
        if let Some(r) = roles.iter().find(|r| !DELEGABLE.contains(r)) {
            let why = if r.can_delete_contacts() { "always deletes directly" } else { "may not delete contacts" };
            return Err(Invalid::one("roles", format!("{}: this role {why}", r.as_str())).into());
        }
        Ok(self.store.set_direct_deletion_roles(&p.ctx(), roles).await?)
    }
}
