//! The Art. 14 notice: what a person whose data Kith did not get from them
//! (an import, a staff member's entry) is told once, in their language
//! (English or Italian today): who the controller is, the purposes and
//! their bases, the categories of data, where the data came from, how long
//! it is kept, and their rights with the portal link and the right to
//! complain to a supervisory authority.

use crate::ropa::Controller;
use crate::{LawfulBasis, Provenance, SourceKind};

/// The latest an Art. 14 notice may be sent after the data was obtained
/// (Art. 14(3)(a): "within a reasonable period … at the latest within one
/// month"), in days.
pub const MONTH_DAYS: i64 = 30;
/// Days after a contact's creation the automatic mode sends by default.
pub const DEFAULT_AFTER_DAYS: i64 = 7;

/// Whether a contact from this source is owed an Art. 14 notice: its data
/// did not come from the person (an import or a staff entry). Web forms and
/// the portal are the person's own (Art. 13 applies there).
pub fn owed(kind: SourceKind) -> bool {
    matches!(kind, SourceKind::Import | SourceKind::Manual)
}

/// One purpose as the notice states it.
#[derive(Clone, Debug)]
pub struct NoticePurpose {
    pub name: String,
    pub basis: LawfulBasis,
    /// The purpose's description (the legitimate interest pursued, for that basis).
    pub description: String,
    /// How long the data is kept for it, in words.
    pub retention: String,
    /// Who receives the data.
    pub recipients: String,
}

/// What the notice is built from.
#[derive(Clone, Debug)]
pub struct NoticeFacts<'a> {
    pub controller: &'a Controller,
    pub purposes: &'a [NoticePurpose],
    /// Where the data came from.
    pub source: Option<&'a Provenance>,
    /// The categories of data held (`name`, `email`, `phone`, `address`,
    /// `job_title`, `company`).
    pub categories: &'a [&'static str],
    /// The privacy portal's address.
    pub portal: &'a str,
}

fn basis_words(b: LawfulBasis, it: bool) -> &'static str {
    match (b, it) {
        (LawfulBasis::Consent, false) => "your consent (Art. 6(1)(a) GDPR), which you may withdraw at any time",
        (LawfulBasis::Consent, true) => "il tuo consenso (art. 6(1)(a) GDPR), che puoi revocare in qualsiasi momento",
        (LawfulBasis::Contract, false) => "a contract with you, or steps before one (Art. 6(1)(b))",
        (LawfulBasis::Contract, true) => "un contratto con te, o misure precontrattuali (art. 6(1)(b))",
        (LawfulBasis::LegalObligation, false) => "a legal obligation (Art. 6(1)(c))",
        (LawfulBasis::LegalObligation, true) => "un obbligo di legge (art. 6(1)(c))",
        (LawfulBasis::VitalInterests, false) => "vital interests (Art. 6(1)(d))",
        (LawfulBasis::VitalInterests, true) => "interessi vitali (art. 6(1)(d))",
        (LawfulBasis::PublicTask, false) => "a task in the public interest (Art. 6(1)(e))",
        (LawfulBasis::PublicTask, true) => "un compito di interesse pubblico (art. 6(1)(e))",
        (LawfulBasis::LegitimateInterests, false) => "our legitimate interests (Art. 6(1)(f)), as described",
        (LawfulBasis::LegitimateInterests, true) => "il nostro legittimo interesse (art. 6(1)(f)), come descritto",
        (LawfulBasis::NotApplicable, false) => "no basis recorded yet",
        (LawfulBasis::NotApplicable, true) => "nessuna base registrata finora",
    }
}

fn category_words(c: &str, it: bool) -> &str {
    match (c, it) {
        ("name", false) => "name",
        ("name", true) => "nome",
        ("email", false) => "email address",
        ("email", true) => "indirizzo email",
        ("phone", false) => "phone number",
        ("phone", true) => "numero di telefono",
        ("address", false) => "postal address",
        ("address", true) => "indirizzo postale",
        ("job_title", false) => "job title",
        ("job_title", true) => "ruolo",
        ("company", false) => "the company you work for",
        ("company", true) => "l'azienda per cui lavori",
        (other, _) => other,
    }
}

/// Where the data came from, in words.
pub fn source_words(source: Option<&Provenance>, it: bool) -> String {
    let Some(p) = source else {
        return if it { "i nostri archivi" } else { "our records" }.to_owned();
    };
    let date = p.at.date();
    match (p.kind, it) {
        (SourceKind::Import, false) => {
            let file = p.reference.as_deref().map(|f| format!(" (\"{f}\")")).unwrap_or_default();
            let created = p.created_in_source.map(|t| format!("; it held your details since {}", t.date())).unwrap_or_default();
            format!("a contact list we imported on {date}{file}, from our previous customer-relationship system{created}")
        }
        (SourceKind::Import, true) => {
            let file = p.reference.as_deref().map(|f| format!(" (\"{f}\")")).unwrap_or_default();
            let created =
                p.created_in_source.map(|t| format!("; vi erano registrati dal {}", t.date())).unwrap_or_default();
            format!("un elenco di contatti importato il {date}{file}, dal nostro precedente sistema di gestione clienti{created}")
        }
        (_, false) => format!("our staff, who recorded them on {date} (for example from a business card or a conversation)"),
        (_, true) => format!("il nostro personale, che li ha registrati il {date} (per esempio da un biglietto da visita o da una conversazione)"),
    }
}

/// The notice mail: subject and text, in `lang` (`it`, else English).
pub fn mail(f: &NoticeFacts<'_>, lang: &str) -> (String, String) {
    let it = lang == "it";
    let c = f.controller;
    let mut t = String::new();
    let line = |t: &mut String, s: &str| {
        t.push_str(s);
        t.push('\n');
    };
    let subject = if it {
        format!("{}: come abbiamo i tuoi dati e quali sono i tuoi diritti", c.name)
    } else {
        format!("{}: how we have your details, and your rights", c.name)
    };
    line(&mut t, if it { "Gentile destinatario," } else { "Hello," });
    t.push('\n');
    let who = [c.address.as_str(), c.contact.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>();
    let who = if who.is_empty() { String::new() } else { format!(" ({})", who.join(", ")) };
    if it {
        line(&mut t, &format!("{}{who} tratta alcuni tuoi dati personali che non abbiamo ricevuto da te. La legge (art. 14 GDPR) ci chiede di dirtelo.", c.name));
    } else {
        line(&mut t, &format!("{}{who} holds some personal data about you that we did not get from you. The law (Art. 14 GDPR) asks us to tell you.", c.name));
    }
    if !c.dpo_name.is_empty() || !c.dpo_contact.is_empty() {
        let dpo = [c.dpo_name.as_str(), c.dpo_contact.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        line(
            &mut t,
            &format!(
                "{} {dpo}.",
                if it { "Responsabile della protezione dei dati:" } else { "Data protection officer:" }
            ),
        );
    }
    t.push('\n');
    let cats: Vec<&str> = f.categories.iter().map(|c| category_words(c, it)).collect();
    line(&mut t, &format!("{} {}.", if it { "Quali dati:" } else { "What data:" }, cats.join(", ")));
    line(&mut t, &format!("{} {}.", if it { "Da dove:" } else { "Where from:" }, source_words(f.source, it)));
    t.push('\n');
    line(&mut t, if it { "Perché, e su quale base:" } else { "Why, and on what basis:" });
    if f.purposes.is_empty() {
        line(
            &mut t,
            if it {
                "- per gestire il rapporto con te (nessuna finalità registrata finora)"
            } else {
                "- to manage our relationship with you (no purpose recorded yet)"
            },
        );
    }
    for p in f.purposes {
        let mut s = format!("- {}: {}", p.name, basis_words(p.basis, it));
        if !p.description.trim().is_empty() {
            s.push_str(&format!(" — {}", p.description.trim()));
        }
        if !p.retention.trim().is_empty() {
            s.push_str(&format!(". {} {}", if it { "Conservazione:" } else { "Kept:" }, p.retention.trim()));
        }
        if !p.recipients.trim().is_empty() {
            s.push_str(&format!(". {} {}", if it { "Destinatari:" } else { "Recipients:" }, p.recipients.trim()));
        }
        line(&mut t, &s);
    }
    t.push('\n');
    if it {
        line(&mut t, "I tuoi diritti: puoi chiederci l'accesso ai tuoi dati, la rettifica, la cancellazione, la limitazione del trattamento e la portabilità, e opporti al trattamento (sempre, per il marketing diretto). Dove il trattamento si basa sul consenso, puoi revocarlo in qualsiasi momento.");
        line(&mut t, &format!("Puoi esercitarli dal portale privacy: {}", f.portal));
        line(&mut t, "Hai anche il diritto di proporre reclamo a un'autorità di controllo (in Italia il Garante per la protezione dei dati personali, www.garanteprivacy.it).");
    } else {
        line(&mut t, "Your rights: you may ask us for access to your data, rectification, erasure, restriction of processing and portability, and object to processing (always, to direct marketing). Where processing rests on consent, you may withdraw it at any time.");
        line(&mut t, &format!("You can use them from the privacy portal: {}", f.portal));
        line(&mut t, "You also have the right to lodge a complaint with a supervisory authority, in particular in the country where you live or work.");
    }
    t.push('\n');
    line(&mut t, &c.name);
    (subject, t)
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let (subject, text) = mail(&f, "en");
        assert!(subject.starts_with("Fiori Srl"));
        for want in [
            "Fiori Srl (privacy@fiori.example)",
            "Data protection officer: Dott. Neri.",
            "What data: name, email address.",
            "a contact list we imported on 2026-12-01 (\"hubspot.csv\")",
            "since 2023-04-12",
            "- Sales follow-up: our legitimate interests",
            "offering our products",
            "Kept: 2 years",
            "https://crm.example/portal",
            "complaint with a supervisory authority",
        ] {
            assert!(text.contains(want), "{want}: {text}");
        }
        let (_, it) = mail(&f, "it");
        assert!(
            it.contains("Garante") && it.contains("legittimo interesse") && it.contains("Da dove: un elenco"),
            "{it}"
        );
        assert!(owed(SourceKind::Import) && owed(SourceKind::Manual) && !owed(SourceKind::WebForm));
    }
}
