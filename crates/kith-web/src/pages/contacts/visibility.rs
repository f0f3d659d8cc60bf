//! Which personal fields the role sees on a contact's page and forms.

use kith_domain::Field;

/// Which personal fields the role sees (the others are not rendered at all).
#[derive(Clone, Copy)]
pub(super) struct Vis {
    pub(super) first_name: bool,
    pub(super) last_name: bool,
    pub(super) emails: bool,
    pub(super) phones: bool,
    pub(super) address: bool,
    pub(super) job_title: bool,
    pub(super) notes: bool,
    pub(super) bodies: bool,
}

impl Vis {
    /// The form fields rendered for this role (errors about others are
    /// shown above the form).
    pub(super) fn rendered(&self) -> Vec<&'static str> {
        let mut f = vec!["owner", "company", "tags"];
        for (on, name) in [
            (self.first_name, "first_name"),
            (self.last_name, "last_name"),
            (self.emails, "emails"),
            (self.phones, "phones"),
            (self.address, "address"),
            (self.job_title, "job_title"),
            (self.notes, "notes"),
        ] {
            if on {
                f.push(name);
            }
        }
        f
    }

    pub(super) fn of(hidden: &[Field]) -> Self {
        let v = |f| !hidden.contains(&f);
        Vis {
            first_name: v(Field::FirstName),
            last_name: v(Field::LastName),
            emails: v(Field::Emails),
            phones: v(Field::Phones),
            address: v(Field::Address),
            job_title: v(Field::JobTitle),
            notes: v(Field::Notes),
            bodies: v(Field::InteractionBodies),
        }
    }
}
