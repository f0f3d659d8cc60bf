//! The confirmation of an erasure to the person erased (Art. 17, 12(3)):
//! what was erased and when, the request's reference, and what is kept and
//! why, in English or Italian. It is the last mail Kith sends them.

/// What an erasure keeps, and why, in words (the erasure catalogue's kept
/// tables that concern the person).
pub fn kept(it: bool) -> [&'static str; 5] {
    if it {
        [
            "il registro delle richieste, che prova che abbiamo ricevuto ed eseguito la tua richiesta (art. 5(2), 12): contiene solo un identificativo, non i tuoi dati",
            "la catena del registro dei consensi, senza valori: le prove che contenevano i tuoi dati erano cifrate con la tua chiave, che è stata distrutta",
            "il registro delle attività (chi ha fatto cosa e quando), con identificativi e nomi di azioni, nessun tuo dato",
            "se avevi chiesto di non ricevere email: un'impronta non reversibile del tuo indirizzo, perché un'importazione futura non ti aggiunga di nuovo",
            "l'avviso ai nostri responsabili del trattamento che la cancellazione è avvenuta (art. 19): un identificativo e un orario",
        ]
    } else {
        [
            "the register of requests, which proves we received and carried out your request (Art. 5(2), 12): it holds an identifier only, none of your data",
            "the consent ledger's chain, without values: the proof in it that held your data was sealed under your own key, which was destroyed",
            "the activity log (who did what, and when), with identifiers and action names, none of your data",
            "if you had unsubscribed from email: a one-way fingerprint of your address, so that a future import cannot add you again",
            "the notice to our processors that the erasure happened (Art. 19): an identifier and a time",
        ]
    }
}

/// The confirmation: subject and text, in `lang` (`it`, else English).
/// `reference` is the request's reference; `erased_at` an RFC 3339 time.
pub fn confirmation(
    controller: &str,
    reference: &str,
    received_on: &str,
    erased_at: &str,
    lang: &str,
) -> (String, String) {
    let it = lang == "it";
    let mut t = String::new();
    let subject = if it {
        format!("{controller}: i tuoi dati sono stati cancellati")
    } else {
        format!("{controller}: your data has been erased")
    };
    if it {
        t.push_str(&format!(
            "Come ci hai chiesto (richiesta {reference}, ricevuta il {received_on}), il {erased_at} abbiamo cancellato i tuoi dati personali: il tuo contatto, i tuoi indirizzi e numeri, le note e le interazioni, le basi giuridiche e lo stato dei consensi, le email in coda per te, e la chiave con cui erano cifrati, così che nessuna copia (nemmeno nei backup) si possa più aprire.\n\n"
        ));
        t.push_str("Conserviamo soltanto, per i motivi indicati:\n");
    } else {
        t.push_str(&format!(
            "As you asked (request {reference}, received on {received_on}), on {erased_at} we erased your personal data: your contact record, your addresses and numbers, notes and interactions, lawful bases and consent standing, any mail queued for you, and the key they were sealed under, so that no copy (not even in backups) can be opened again.\n\n"
        ));
        t.push_str("We keep only the following, for the reasons given:\n");
    }
    for k in kept(it) {
        t.push_str(&format!("- {k}\n"));
    }
    t.push('\n');
    if it {
        t.push_str("Questa è l'ultima email che ti inviamo: il tuo indirizzo non è più nei nostri sistemi e questo messaggio viene eliminato appena consegnato. Se ritieni che la cancellazione non sia completa, puoi proporre reclamo a un'autorità di controllo.\n");
    } else {
        t.push_str("This is the last mail we send you: your address is no longer in our systems, and this message is deleted as soon as it is delivered. If you believe the erasure is incomplete, you may lodge a complaint with a supervisory authority.\n");
    }
    t.push('\n');
    t.push_str(controller);
    t.push('\n');
    (subject, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_confirmation_says_what_was_erased_when_and_what_is_kept() {
        let (s, t) = confirmation("Fiori Srl", "DSR-0193", "2026-11-30", "2026-12-04T10:00:00Z", "en");
        assert!(s.contains("erased"));
        for want in
            ["request DSR-0193", "on 2026-12-04T10:00:00Z", "register of requests", "consent ledger", "last mail"]
        {
            assert!(t.contains(want), "{want}: {t}");
        }
        let (_, it) = confirmation("Fiori Srl", "DSR-0193", "2026-11-30", "2026-12-04T10:00:00Z", "it");
        assert!(it.contains("registro delle richieste") && it.contains("ultima email"), "{it}");
    }
}
