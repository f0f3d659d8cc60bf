//! Where a contact came from (provenance): a web form, an import, a staff
//! member's entry or an API client, with the details that let the
//! controller answer "where did you get my data?" (Art. 14(2)(f), 15(1)(g)).

use crate::UserId;
use time::OffsetDateTime;

word_enum!(
    /// How a contact entered Kith.
    SourceKind {
        Manual => "manual", "Entered by staff",
        WebForm => "web_form", "Web form",
        Import => "import", "Import",
        Api => "api", "API",
    }
);

/// A contact's source. `reference` names the form, the file or the API
/// token; `detail` is the page address of a form or the row of a file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Provenance {
    pub kind: SourceKind,
    pub reference: Option<String>,
    pub detail: Option<String>,
    pub user: Option<UserId>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// When the record was created in the system it was imported from
    /// (an export's "Create Date"), if the file said.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "time::serde::rfc3339::option")]
    pub created_in_source: Option<OffsetDateTime>,
}

impl Provenance {
    /// One line for people, e.g. "Import: contacts.csv, row 17".
    pub fn describe(&self) -> String {
        let mut s = self.kind.label().to_owned();
        let parts: Vec<&str> = [self.reference.as_deref(), self.detail.as_deref()].into_iter().flatten().collect();
        if !parts.is_empty() {
            s.push_str(": ");
            s.push_str(&parts.join(", "));
        }
        if let Some(t) = self.created_in_source {
            s.push_str(&format!(" (created in the source on {})", t.date()));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_itself_in_words() {
        let p = Provenance {
            kind: SourceKind::Import,
            reference: Some("contacts.csv".into()),
            detail: Some("row 17".into()),
            user: None,
            at: OffsetDateTime::UNIX_EPOCH,
            created_in_source: None,
        };
        assert_eq!(p.describe(), "Import: contacts.csv, row 17");
        let dated = Provenance { created_in_source: Some(OffsetDateTime::UNIX_EPOCH), ..p.clone() };
        assert_eq!(dated.describe(), "Import: contacts.csv, row 17 (created in the source on 1970-01-01)");
        let m = Provenance { kind: SourceKind::Manual, reference: None, detail: None, ..p };
        assert_eq!(m.describe(), "Entered by staff");
        assert_eq!(SourceKind::parse("web_form"), Some(SourceKind::WebForm));
    }
}
