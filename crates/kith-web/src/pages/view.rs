//! What templates show: the page frame and values formatted for people.

use kith_domain::ContactData;
use time::OffsetDateTime;

/// The frame around every signed-in page.
pub(crate) struct Layout {
    pub email: String,
    pub role: &'static str,
    pub csrf: String,
    /// Which navigation entry is current.
    pub nav: &'static str,
    pub can_audit: bool,
    /// Purposes, imports, retention, the field policy (admin, dpo).
    pub can_manage_privacy: bool,
    pub is_admin: bool,
    pub can_write: bool,
    /// Open breaches' 72-hour clocks for the banner (dpo, admin; else empty).
    pub breach_clocks: Vec<kith_app::sessions::BannerClock>,
    /// The reader: `l.t(id)` in templates, dates in their zone.
    pub tr: kith_i18n::Tr,
}

impl Layout {
    /// The message id of the user's role name.
    pub fn role_message(&self) -> &'static str {
        match self.role {
            "admin" => "role-admin",
            "sales" => "role-sales",
            "marketing" => "role-marketing",
            "dpo" => "role-dpo",
            "support" => "role-support",
            _ => "role-readonly",
        }
    }
}

impl std::ops::Deref for Layout {
    type Target = kith_i18n::Tr;
    fn deref(&self) -> &kith_i18n::Tr {
        &self.tr
    }
}

/// A deal in a short list (on a contact's or a company's page).
pub(crate) struct DealLine {
    pub id: String,
    pub title: String,
    pub stage: String,
    pub amount: String,
}

/// A field name as the reader reads it (`field-<name>` messages).
pub(crate) fn field_label(tr: &kith_i18n::Tr, field: &str) -> String {
    let id = format!("field-{}", field.replace('_', "-"));
    if kith_i18n::has_message(&id) {
        tr.t(&id)
    } else {
        field.replace('_', " ")
    }
}

/// A contact's name as the reader sees it in lists (see [`contact_name`]).
pub(crate) fn contact_name_tr(tr: &kith_i18n::Tr, d: &ContactData) -> String {
    let name = contact_name(d);
    if name == "(no name)" {
        tr.t("contact-no-name")
    } else {
        name
    }
}

/// RFC 3339 in UTC, for machine-readable `datetime` attributes.
pub(crate) fn iso(t: OffsetDateTime) -> String {
    t.to_offset(time::UtcOffset::UTC).format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// A contact's name as shown in lists: the names it has, else its first
/// email, else a placeholder (fields the role may not see are already gone).
pub(crate) fn contact_name(d: &ContactData) -> String {
    let name = [d.first_name.as_deref(), d.last_name.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
    if !name.trim().is_empty() {
        return name;
    }
    d.emails.first().map(|e| e.as_str().to_owned()).unwrap_or_else(|| "(no name)".to_owned())
}
