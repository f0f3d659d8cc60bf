//! The Art. 14 notice's words: what a person whose data Kith did not get
//! from them is told once, in their language (the facts are
//! [`kith_domain::art14::NoticeFacts`]).

use kith_domain::art14::NoticeFacts;
use kith_domain::{LawfulBasis, Provenance, SourceKind};
use kith_i18n::Tr;

fn basis_words(tr: &Tr, b: LawfulBasis) -> String {
    tr.t(&format!("mail-art14-basis-{}", b.as_str().replace('_', "-")))
}

fn category_words(tr: &Tr, c: &str) -> String {
    match c {
        "name" | "email" | "phone" | "address" | "job_title" | "company" => {
            tr.t(&format!("mail-art14-category-{}", c.replace('_', "-")))
        }
        other => other.to_owned(),
    }
}

/// Where the data came from, in words.
pub fn source_words(tr: &Tr, source: Option<&Provenance>) -> String {
    let Some(p) = source else { return tr.t("mail-art14-source-none") };
    let date = tr.date(p.at);
    match p.kind {
        SourceKind::Import => {
            let since = p.created_in_source.map(|t| tr.date(t));
            match (p.reference.as_deref(), since) {
                (None, None) => tr.t1("mail-art14-source-import", "date", date),
                (Some(f), None) => tr.t2("mail-art14-source-import-file", "date", date, "file", f),
                (None, Some(s)) => tr.t2("mail-art14-source-import-since", "date", date, "since", s),
                (Some(f), Some(s)) => tr.t3("mail-art14-source-import-file-since", "date", date, "file", f, "since", s),
            }
        }
        _ => tr.t1("mail-art14-source-staff", "date", date),
    }
}

/// The notice mail: subject and text, in the reader's language.
pub fn mail(tr: &Tr, f: &NoticeFacts<'_>) -> (String, String) {
    let c = f.controller;
    let mut t = String::new();
    let line = |t: &mut String, s: &str| {
        t.push_str(s);
        t.push('\n');
    };
    let subject = tr.t1("mail-art14-subject", "controller", c.name.as_str());
    line(&mut t, &tr.t("mail-art14-hello"));
    t.push('\n');
    let who = [c.address.as_str(), c.contact.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>();
    let controller = if who.is_empty() { c.name.clone() } else { format!("{} ({})", c.name, who.join(", ")) };
    line(&mut t, &tr.t1("mail-art14-intro", "controller", controller));
    if !c.dpo_name.is_empty() || !c.dpo_contact.is_empty() {
        let dpo = [c.dpo_name.as_str(), c.dpo_contact.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        line(&mut t, &tr.t1("mail-art14-dpo", "dpo", dpo));
    }
    t.push('\n');
    let cats: Vec<String> = f.categories.iter().map(|c| category_words(tr, c)).collect();
    line(&mut t, &tr.t1("mail-art14-what", "categories", cats.join(", ")));
    line(&mut t, &tr.t1("mail-art14-where", "source", source_words(tr, f.source)));
    t.push('\n');
    line(&mut t, &tr.t("mail-art14-why"));
    if f.purposes.is_empty() {
        line(&mut t, &format!("- {}", tr.t("mail-art14-no-purpose")));
    }
    for p in f.purposes {
        let mut s = format!("- {}: {}", p.name, basis_words(tr, p.basis));
        if !p.description.trim().is_empty() {
            s.push_str(&format!(" — {}", p.description.trim()));
        }
        if !p.retention.trim().is_empty() {
            s.push_str(&format!(". {}", tr.t1("mail-art14-kept", "retention", p.retention.trim())));
        }
        if !p.recipients.trim().is_empty() {
            s.push_str(&format!(". {}", tr.t1("mail-art14-recipients", "recipients", p.recipients.trim())));
        }
        line(&mut t, &s);
    }
    t.push('\n');
    line(&mut t, &tr.t("mail-art14-rights"));
    line(&mut t, &tr.t1("mail-art14-portal", "portal", f.portal));
    line(&mut t, &tr.t("mail-art14-complaint"));
    t.push('\n');
    line(&mut t, &c.name);
    (subject, t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kith_domain::art14::NoticePurpose;
    use kith_domain::ropa::Controller;
    use time::macros::datetime;

    #[test]
    fn the_notice_states_controller_purposes_source_and_rights_in_the_persons_language() {
        let controller = Controller {
            name: "Fiori Srl".into(),
            contact: "privacy@fiori.example".into(),
            dpo_name: "Dott. Neri".into(),
            ..Controller::default()
        };
        let purposes = [NoticePurpose {
            name: "Sales follow-up".into(),
            basis: LawfulBasis::LegitimateInterests,
            description: "offering our products to business contacts".into(),
            retention: "2 years after the last contact".into(),
            recipients: String::new(),
        }];
        let source = Provenance {
            kind: SourceKind::Import,
            reference: Some("hubspot.csv".into()),
            detail: Some("line 3".into()),
            user: None,
            at: datetime!(2026-12-01 10:00 UTC),
            created_in_source: Some(datetime!(2023-04-12 09:31 UTC)),
        };
        let f = NoticeFacts {
            controller: &controller,
            purposes: &purposes,
            source: Some(&source),
            categories: &["name", "email"],
            portal: "https://crm.example/portal",
        };
        let (subject, text) = mail(&Tr::new("en"), &f);
        assert!(subject.starts_with("Fiori Srl"));
        for want in [
            "Fiori Srl (privacy@fiori.example)",
            "Data protection officer: Dott. Neri.",
            "What data: name, email address.",
            "a contact list we imported on 01/12/2026 (\"hubspot.csv\")",
            "since 12/04/2023",
            "- Sales follow-up: our legitimate interests",
            "offering our products",
            "Kept: 2 years",
            "https://crm.example/portal",
            "complaint with a supervisory authority",
        ] {
            assert!(text.contains(want), "{want}: {text}");
        }
        let (_, it) = mail(&Tr::new("it"), &f);
        assert!(
            it.contains("Garante") && it.contains("legittimo interesse") && it.contains("Da dove: un elenco"),
            "{it}"
        );
        let (_, bg) = mail(&Tr::new("bg"), &f);
        assert!(bg.contains("01.12.2026") && bg.contains("чл. 14") && !bg.contains("Hello"), "{bg}");
    }
}
