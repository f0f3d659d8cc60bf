//! Staff roles, what each may do, and which personal fields each may see.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Dpo,
    Sales,
    Marketing,
    Support,
    Readonly,
}

impl Role {
    pub const ALL: [Role; 6] = [Role::Admin, Role::Dpo, Role::Sales, Role::Marketing, Role::Support, Role::Readonly];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Dpo => "dpo",
            Self::Sales => "sales",
            Self::Marketing => "marketing",
            Self::Support => "support",
            Self::Readonly => "readonly",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// May create and change contacts, companies, interactions and deals.
    pub fn can_write_crm(self) -> bool {
        matches!(self, Self::Admin | Self::Sales | Self::Marketing | Self::Support)
    }

    /// May delete a contact (and so erase its personal data).
    pub fn can_delete_contacts(self) -> bool {
        matches!(self, Self::Admin | Self::Dpo | Self::Sales | Self::Support)
    }

    /// May read the audit trail.
    pub fn can_read_audit(self) -> bool {
        matches!(self, Self::Admin | Self::Dpo)
    }

    /// May manage staff, tokens and field visibility.
    pub fn can_administer(self) -> bool {
        self == Self::Admin
    }

    /// May define purposes, notices, subscription types and consent forms,
    /// and read the outbox (which holds personal data).
    pub fn can_manage_privacy(self) -> bool {
        matches!(self, Self::Admin | Self::Dpo)
    }

    /// May read the accountability registers (record of processing,
    /// recipients, DPIAs); changing them needs [`Role::can_manage_privacy`].
    pub fn can_read_registers(self) -> bool {
        matches!(self, Self::Admin | Self::Dpo | Self::Readonly)
    }

    /// May create, change and delete mail templates (newsletters, consent
    /// requests, notices).
    pub fn can_manage_templates(self) -> bool {
        matches!(self, Self::Admin | Self::Dpo | Self::Marketing)
    }

    /// May create, schedule and run newsletter campaigns (marketing, admin).
    pub fn can_send_campaigns(self) -> bool {
        matches!(self, Self::Admin | Self::Marketing)
    }

    /// May set lawful bases and record consent events on contacts.
    pub fn can_record_consent(self) -> bool {
        matches!(self, Self::Admin | Self::Dpo | Self::Sales | Self::Marketing | Self::Support)
    }
}

/// Personal fields of a contact whose visibility is set per role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    FirstName,
    LastName,
    Emails,
    Phones,
    Address,
    JobTitle,
    Notes,
    /// Bodies of interactions (notes, call summaries…).
    InteractionBodies,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::FirstName,
        Field::LastName,
        Field::Emails,
        Field::Phones,
        Field::Address,
        Field::JobTitle,
        Field::Notes,
        Field::InteractionBodies,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::FirstName => "first_name",
            Self::LastName => "last_name",
            Self::Emails => "emails",
            Self::Phones => "phones",
            Self::Address => "address",
            Self::JobTitle => "job_title",
            Self::Notes => "notes",
            Self::InteractionBodies => "interaction_bodies",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// Which fields each role sees. Defaults: `marketing` sees no phone numbers
/// and no postal addresses; everyone else sees everything. Stored overrides
/// replace defaults per (role, field).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldVisibility {
    hidden: BTreeMap<Role, Vec<Field>>,
}

impl Default for FieldVisibility {
    fn default() -> Self {
        let mut hidden = BTreeMap::new();
        hidden.insert(Role::Marketing, vec![Field::Phones, Field::Address]);
        Self { hidden }
    }
}

impl FieldVisibility {
    /// Defaults with the stored overrides applied.
    pub fn with_overrides(overrides: impl IntoIterator<Item = (Role, Field, bool)>) -> Self {
        let mut v = Self::default();
        for (role, field, visible) in overrides {
            v.set(role, field, visible);
        }
        v
    }

    pub fn set(&mut self, role: Role, field: Field, visible: bool) {
        let list = self.hidden.entry(role).or_default();
        list.retain(|f| *f != field);
        if !visible {
            list.push(field);
            list.sort();
        }
    }

    pub fn visible(&self, role: Role, field: Field) -> bool {
        self.hidden.get(&role).is_none_or(|h| !h.contains(&field))
    }

    /// Clears what `role` may not see.
    pub fn redact(&self, role: Role, c: &mut crate::ContactData) {
        let v = |f| self.visible(role, f);
        if !v(Field::FirstName) {
            c.first_name = None;
        }
        if !v(Field::LastName) {
            c.last_name = None;
        }
        if !v(Field::Emails) {
            c.emails.clear();
        }
        if !v(Field::Phones) {
            c.phones.clear();
        }
        if !v(Field::Address) {
            c.address = None;
        }
        if !v(Field::JobTitle) {
            c.job_title = None;
        }
        if !v(Field::Notes) {
            c.notes = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marketing_sees_no_phones_by_default() {
        let v = FieldVisibility::default();
        assert!(!v.visible(Role::Marketing, Field::Phones));
        assert!(!v.visible(Role::Marketing, Field::Address));
        assert!(v.visible(Role::Marketing, Field::Emails));
        assert!(v.visible(Role::Sales, Field::Phones));
        let v = FieldVisibility::with_overrides([
            (Role::Marketing, Field::Phones, true),
            (Role::Support, Field::Notes, false),
        ]);
        assert!(v.visible(Role::Marketing, Field::Phones));
        assert!(!v.visible(Role::Support, Field::Notes));
    }

    #[test]
    fn only_admin_administers() {
        for r in Role::ALL {
            assert_eq!(r.can_administer(), r == Role::Admin);
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert!(!Role::Readonly.can_write_crm());
    }
}
