//! The confirmation of an erasure to the person erased (Art. 17, 12(3)):
//! what was erased and when, the request's reference, and what is kept and
//! why, in their language. It is the last mail Kith sends them.

use kith_i18n::Tr;

/// What an erasure keeps, and why, in words (the erasure catalogue's kept
/// tables that concern the person).
pub fn kept(tr: &Tr) -> Vec<String> {
    (1..=5).map(|i| tr.t(&format!("mail-erasure-kept-{i}"))).collect()
}

/// The confirmation: subject and text. `reference` is the request's
/// reference; `received_on` and `erased_at` are in the reader's format.
pub fn confirmation(
    tr: &Tr,
    controller: &str,
    reference: &str,
    received_on: &str,
    erased_at: &str,
) -> (String, String) {
    let mut t = String::new();
    let subject = tr.t1("mail-erasure-subject", "controller", controller);
    t.push_str(&tr.t3("mail-erasure-intro", "reference", reference, "received", received_on, "erased", erased_at));
    t.push_str("\n\n");
    t.push_str(&tr.t("mail-erasure-keep"));
    t.push('\n');
    for k in kept(tr) {
        t.push_str(&format!("- {k}\n"));
    }
    t.push('\n');
    t.push_str(&tr.t("mail-erasure-last"));
    t.push_str("\n\n");
    t.push_str(controller);
    t.push('\n');
    (subject, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_confirmation_says_what_was_erased_when_and_what_is_kept() {
        let (s, t) = confirmation(&Tr::new("en"), "Fiori Srl", "DSR-0193", "30/11/2026", "04/12/2026 10:00 UTC");
        assert!(s.contains("erased"));
        for want in
            ["request DSR-0193", "on 04/12/2026 10:00 UTC", "register of requests", "consent ledger", "last mail"]
        {
            assert!(t.contains(want), "{want}: {t}");
        }
        let (_, it) = confirmation(&Tr::new("it"), "Fiori Srl", "DSR-0193", "30/11/2026", "04/12/2026 10:00 UTC");
        assert!(it.contains("registro delle richieste") && it.contains("ultima email"), "{it}");
        for lang in kith_i18n::languages() {
            let (s, t) = confirmation(&Tr::new(lang), "Fiori Srl", "DSR-0193", "x", "y");
            assert!(s.starts_with("Fiori Srl") && t.contains("DSR-0193") && t.lines().count() > 8, "{lang}: {t}");
        }
    }
}
