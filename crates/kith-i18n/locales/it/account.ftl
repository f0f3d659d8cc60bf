signin-title = Accedi
signin-heading = Accedi a Kith
# same as English
signin-email = Email
# same as English
signin-password = Password
signin-submit = Accedi
signin-form-expired = Il modulo di accesso è scaduto. Riprova.
signin-wrong = L'email o la password non sono corrette.
signin-code-title = Secondo passaggio
signin-code-intro = Digita il codice di sei cifre che la tua app di autenticazione mostra per Kith, oppure uno dei tuoi codici di recupero.
signin-code = Codice
signin-start-again = Ricomincia
signin-code-form-expired = Il modulo è scaduto. Riprova.
signin-code-wrong = Il codice non è corretto. Digita il codice attuale della tua app, oppure un codice di recupero.

account-title = Il mio account
account-must-change = Un amministratore ha reimpostato la tua password. Scegline una nuova per continuare: digita la password temporanea che hai ricevuto, poi quella nuova.
account-must-enrol = Questo server richiede un secondo fattore per il tuo ruolo. Configuralo qui sotto per continuare.
account-instructions-link = Istruzioni per il trattamento dei dati personali
# same as English
account-password-heading = Password
account-temporary-password = Password temporanea
account-current-password = Password attuale
account-new-password = Nuova password (almeno 12 caratteri, non una di uso comune)
account-new-password-again = Ripeti la nuova password
account-change-password = Cambia password
account-password-mismatch = non corrisponde alla nuova password
account-password-changed = Password cambiata. Le tue altre sessioni sono state chiuse.
account-locale-heading = Lingua e fuso orario
account-language = Lingua
account-language-browser = Lingua del browser
account-zone = Fuso orario
account-zone-server = Fuso orario del server ({ $zone })
account-locale-save = Salva
account-locale-saved = Lingua e fuso orario salvati.
account-language-invalid = Scegli una delle lingue dell'elenco.
account-zone-invalid = Scegli un fuso orario dell'elenco, ad esempio Europe/Rome.
account-2fa-heading = Secondo fattore
account-recovery-codes-title = I tuoi codici di recupero.
account-recovery-codes-text = Ognuno ti permette di accedere una volta se perdi il telefono. Annotali o stampali ora: vengono mostrati solo questa volta e Kith ne conserva solo gli hash.
account-2fa-on = Attivo: l'accesso chiede un codice della tua app di autenticazione. { $n ->
        [one] Resta { $n } codice di recupero.
       *[other] Restano { $n } codici di recupero.
    }
account-2fa-disable-password = La tua password, per disattivarlo
account-2fa-turn-off = Disattiva
account-2fa-scan = Scansiona questo codice con un'app di autenticazione (oppure digita al suo interno la chiave qui sotto):
account-2fa-qr-alt = Codice QR della tua chiave di accesso a Kith
account-2fa-key = Chiave:
account-2fa-type-code = Digita il codice di sei cifre mostrato dall'app:
account-2fa-code = Codice
account-2fa-turn-on = Attiva
account-2fa-off = Disattivo. Con un secondo fattore, l'accesso chiede anche un codice di un'app di autenticazione sul tuo telefono.
account-2fa-set-up = Configura un secondo fattore
account-2fa-on-notice = Secondo fattore attivo. Conserva i codici di recupero qui sotto in un luogo sicuro.
account-2fa-off-notice = Secondo fattore disattivato.
account-2fa-required = Questo server richiede un secondo fattore per il tuo ruolo; non può essere disattivato.
account-tokens-heading = I miei token API
account-token-created-title = Token “{ $name }” creato.
account-token-created-text = Copialo ora: viene mostrato solo questa volta e Kith ne conserva solo un hash. Tutto ciò che un programma fa con esso viene registrato a tuo nome, con il nome di questo token.
account-token-name = Nome
account-token-created = Creato
account-token-status = Stato
account-token-revoke = Revoca
account-token-revoke-label = Revoca { $name }
account-token-revoked = revocato il { $date }
account-token-name-placeholder = ad es. sincronizzazione newsletter
account-token-create = Crea token
