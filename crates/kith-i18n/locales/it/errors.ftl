errors-status = Errore { $status }.
errors-back = Torna ai contatti
errors-nothing-here-title = Niente da mostrare qui
errors-nothing-here-text = Questo indirizzo accetta solo un modulo inviato. Ricomincia dal menu.
errors-bad-form-title = Impossibile leggere il modulo
errors-bad-form-text = Torna indietro, ricarica la pagina e riprova.
errors-not-found-title = Non trovato
errors-not-found-text = Non c'è nulla a questo indirizzo.
errors-no-such-record = Non esiste alcun elemento ({ $what }) con questo identificativo.
errors-internal-title = Qualcosa è andato storto
errors-internal-text = Qualcosa è andato storto da parte nostra. Non è stato modificato nulla; riprova. L'intestazione X-Request-Id di questa pagina la identifica nel log del server.
errors-sign-in-title = Accedi
errors-sign-in-text = La tua sessione è terminata.
errors-forbidden-title = Non consentito
errors-forbidden-text = Il tuo ruolo non consente questa operazione ({ $what }).
errors-check-input-title = Controlla i dati inseriti
errors-not-done-title = Operazione non riuscita
errors-restricted-title = Trattamento limitato
errors-restricted-text = Il trattamento di questo contatto è limitato (art. 18 GDPR): i dati sono conservati, ma non è consentita nessun'altra operazione finché la limitazione non viene revocata.
errors-idempotency-text = L'Idempotency-Key è già stata usata con una richiesta diversa.
errors-too-many-title = Troppi tentativi
errors-try-again-seconds = Troppi tentativi non riusciti. L'accesso è sospeso; riprova tra { $n ->
        [one] { $n } secondo
       *[other] { $n } secondi
    }.
errors-try-again-minutes = Troppi tentativi non riusciti. L'accesso è sospeso; riprova tra { $n ->
        [one] { $n } minuto
       *[other] { $n } minuti
    }.
errors-busy-title = Server occupato
errors-busy-text = Il server è troppo occupato in questo momento. Riprova tra poco.

errors-nul-text = Il testo non deve contenere caratteri NUL.
errors-form-expired-title = Il modulo è scaduto
errors-form-expired-text = Questo modulo non è stato inviato da una pagina attuale di Kith. Torna indietro, ricarica la pagina e riprova.
errors-bad-address-title = Questo indirizzo non è valido
errors-bad-address-text = L'indirizzo contiene un valore che Kith non riesce a leggere. Ricomincia dal menu.
errors-link-out-of-date = Il link a questa pagina non è più aggiornato
