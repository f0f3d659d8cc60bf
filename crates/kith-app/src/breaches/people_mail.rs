//! The mail to the people affected by a breach (Art. 34(2)): in clear and
//! plain language, the nature of the breach, the DPO's contact, the likely
//! consequences and the measures, in the reader's language (messages in
//! every language's `breach-mail.ftl`). The consequences and measures are
//! the DPO's own words from the record and pass through as they are.

use kith_domain::breach::{Breach, Nature};
use kith_i18n::Tr;

/// The people's mail: subject and text, in the reader's language.
pub fn people_mail(tr: &Tr, b: &Breach, controller: &str, dpo_name: &str, dpo_contact: &str) -> (String, String) {
    let nature: Vec<String> = b
        .nature
        .iter()
        .map(|n| {
            tr.t(match n {
                Nature::Confidentiality => "breach-mail-nature-confidentiality",
                Nature::Integrity => "breach-mail-nature-integrity",
                Nature::Availability => "breach-mail-nature-availability",
            })
        })
        .collect();
    let dpo = if dpo_name.is_empty() { dpo_contact.to_owned() } else { format!("{dpo_name}, {dpo_contact}") };
    let subject = tr.t1("breach-mail-subject", "controller", controller);
    let text = [
        tr.t1("breach-mail-intro", "controller", controller),
        tr.t1("breach-mail-what", "nature", nature.join("; ")),
        tr.t1("breach-mail-consequences", "consequences", b.consequences.as_str()),
        tr.t1("breach-mail-measures", "measures", b.measures.as_str()),
        tr.t1("breach-mail-dpo", "dpo", dpo),
    ]
    .join("\n\n");
    (subject, format!("{text}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breach() -> Breach {
        let mut b = Breach::draft("x");
        b.nature = vec![Nature::Confidentiality, Nature::Availability];
        b.consequences = "Phishing attempts are possible.".into();
        b.measures = "Change your password.".into();
        b
    }

    #[test]
    fn the_people_are_written_to_in_every_language() {
        let b = breach();
        let (s, t) = people_mail(&Tr::new("en"), &b, "Acme", "Dana", "dpo@acme.example");
        assert_eq!(s, "Acme: a breach of your personal data");
        assert_eq!(
            t,
            "We are writing because Acme suffered a personal-data breach that concerns you.\n\n\
             What happened: some of your data may have been seen by someone who should not have; \
             some of your data was lost or unavailable for a time.\n\n\
             What it may mean for you: Phishing attempts are possible.\n\n\
             What we have done, and what we advise you to do: Change your password.\n\n\
             If you have questions, write to our data protection officer: Dana, dpo@acme.example.\n"
        );
        let (s, t) = people_mail(&Tr::new("it"), &b, "Acme", "", "dpo@acme.example");
        assert!(s.contains("violazione") && t.contains("protezione dei dati: dpo@acme.example."), "{t}");
        let (s, t) = people_mail(&Tr::new("de"), &b, "Acme", "Dana", "dpo@acme.example");
        assert!(s.contains("Verletzung") && t.contains("Datenschutzbeauftragten"), "{t}");
        for lang in kith_i18n::languages() {
            let (s, t) = people_mail(&Tr::new(lang), &b, "Acme", "Dana", "dpo@acme.example");
            assert!(s.starts_with("Acme"), "{lang}: {s}");
            for want in ["Dana, dpo@acme.example", "Phishing attempts", "Change your password"] {
                assert!(t.contains(want), "{lang}: {t}");
            }
            assert_eq!(t.split("\n\n").count(), 5, "{lang}: {t}");
        }
    }
}
