admin-nav-label = Amministrazione
admin-nav-users = Utenti e ruoli
admin-nav-fields = Visibilità dei campi
admin-nav-tokens = Token API
admin-nav-jobs = Attività pianificate
# same as English
admin-nav-webhooks = Webhooks

admin-users-title = Utenti
# same as English
admin-users-email = Email
admin-users-role = Ruolo
admin-users-last-sign-in = Ultimo accesso
admin-users-since = Dal
# same as English
admin-users-account = Account
admin-users-never = mai
admin-users-disabled = (disattivato)
# same as English
admin-users-2fa = 2FA
admin-users-2fa-title = Accede con un secondo fattore
admin-users-must-change = (deve cambiare la password)
admin-users-role-of = Ruolo di { $email }
admin-users-change = Cambia
admin-users-paused-until = accesso sospeso fino al { $time }
admin-users-unlock = Sblocca
admin-users-unlock-label = Sblocca { $email }
admin-users-enable = Attiva
admin-users-enable-label = Attiva { $email }
admin-users-disable = Disattiva
admin-users-disable-label = Disattiva { $email }
admin-users-reset = Reimposta password
admin-users-reset-label = Reimposta la password di { $email }
admin-users-reset-text = Imposta una password temporanea (mostrata una sola volta) che l'utente deve cambiare al prossimo accesso; le sue sessioni terminano e i suoi token API vengono revocati.
admin-users-reset-2fa = Rimuovi anche il suo secondo fattore (lo ha perso)
admin-users-add-heading = Aggiungi un utente
admin-users-initial-password = Password iniziale (almeno 12 caratteri, non una di uso comune)
admin-users-add = Aggiungi utente
admin-users-disabled-notice = Utente disattivato: le sue sessioni sono terminate e i suoi token API sono stati revocati.
admin-users-enabled-notice = Utente attivato.
admin-users-unlocked-notice = Utente sbloccato: può accedere subito.
admin-users-added-notice = Utente aggiunto.
admin-users-reset-notice = Password reimpostata. Password temporanea, mostrata solo ora: comunicala all'utente, che dovrà cambiarla al prossimo accesso: { $password }
admin-users-reset-2fa-notice = Password reimpostata e secondo fattore rimosso. Password temporanea, mostrata solo ora: comunicala all'utente, che dovrà cambiarla al prossimo accesso: { $password }
admin-users-choose-role = scegli un ruolo
admin-users-email-taken = esiste già un utente con questa email

admin-fields-intro = Quali campi personali vede ciascun ruolo. Un campo nascosto non è visibile, ricercabile né modificabile per quel ruolo, nelle pagine e nell'API.
admin-fields-caption = Campi visibili per ruolo
admin-fields-field = Campo
admin-fields-visible-to = { $field } visibile a { $role }
admin-fields-save = Salva la visibilità
admin-fields-saved = Salvato: { $n ->
        [one] { $n } modifica
       *[other] { $n } modifiche
    }.
admin-deletion-heading = Eliminazione dei contatti
admin-deletion-intro = Amministratori e RPD eliminano i contatti direttamente. Vendite e assistenza presentano invece una richiesta di cancellazione al team privacy, a meno che qui non consenta al loro ruolo di eliminare direttamente. Nessuno elimina un contatto soggetto a conservazione per obbligo legale o a limitazione.
admin-deletion-legend = Ruoli che eliminano direttamente
admin-deletion-save = Salva i diritti di eliminazione
admin-deletion-saved = Diritti di eliminazione salvati.

admin-token-created-title = Token “{ $name }” creato.
admin-token-created-text = Copialo ora: viene mostrato solo questa volta e Kith ne conserva solo un hash.
admin-tokens-empty = Ancora nessun token API. Le integrazioni si autenticano con un token; crealo qui sotto.
admin-token-name = Nome
admin-token-user = Utente
admin-token-created = Creato
admin-token-status = Stato
admin-token-revoke = Revoca
admin-token-revoke-label = Revoca { $name }
admin-token-revoked = revocato il { $date }
admin-token-new-heading = Crea un token per te
admin-token-new-text = Ognuno crea i propri token (qui o in Il mio account): un token creato per un altro permetterebbe a chi lo crea di agire a suo nome. Qualsiasi token può essere revocato qui.
admin-token-name-placeholder = ad es. sincronizzazione newsletter
admin-token-create = Crea token

admin-jobs-intro = Ciò che Kith fa da solo e com'è andata l'ultima volta. Un'attività che gira su un solo server prende un lease nel database, quindi con più server viene comunque eseguita una volta sola.
admin-jobs-job = Attività
admin-jobs-runs = Frequenza
admin-jobs-where = Dove
admin-jobs-started = Ultimo avvio
admin-jobs-finished = Terminata
admin-jobs-state = Stato
admin-jobs-outcome = Esito
admin-jobs-every-hours = ogni { $n } h
admin-jobs-every-minutes = ogni { $n } min
admin-jobs-every-seconds = ogni { $n } s
admin-jobs-one-server = un solo server
admin-jobs-each-server = ogni server
admin-jobs-ok = riuscita
admin-jobs-failed = non riuscita

admin-webhooks-intro = Kith comunica ad altri sistemi cosa è cambiato: ogni evento è firmato (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature), inviato da una coda persistente e ritentato con intervalli crescenti. I payload contengono identificativi e stati, mai i valori di una persona. Gli indirizzi che si risolvono in reti private, di loopback o link-local vengono rifiutati.
admin-webhook-created-title = Endpoint { $url } registrato.
admin-webhook-created-text = Copia ora il suo segreto di firma: viene mostrato solo questa volta e Kith lo conserva cifrato.
admin-webhooks-empty = Ancora nessun endpoint. Registrane uno qui sotto.
admin-webhooks-caption = Endpoint webhook
admin-webhook-address = Indirizzo
admin-webhook-address-https = Indirizzo (https://)
admin-webhook-description = Descrizione
admin-webhook-events = Eventi
admin-webhook-state = Stato
admin-webhook-active = attivo
admin-webhook-paused = in pausa
admin-webhooks-new-heading = Registra un endpoint
admin-webhooks-register = Registra
# same as English
admin-webhook-title = Webhook
admin-webhook-heading = Endpoint webhook
admin-webhook-all = Tutti gli endpoint
admin-webhook-settings = Impostazioni
admin-webhook-save = Salva
admin-webhook-test = Invia un ping di prova
admin-webhook-remove = Rimuovi l'endpoint e il suo registro
admin-webhook-deliveries = Consegne
admin-webhook-nothing-sent = Ancora nulla di inviato.
admin-webhook-queued = In coda dal
admin-webhook-event = Evento
admin-webhook-attempts = Tentativi
admin-webhook-answer = Risposta
admin-webhook-error = Errore
admin-webhook-next = Prossimo tentativo
admin-webhook-redeliver = Invia di nuovo
admin-webhook-processor = Responsabile del trattamento del registro (qui arrivano le sue richieste ex art. 19)
# same as English
admin-webhook-url-placeholder = https://hooks.example.com/kith
admin-webhook-no-processor = Nessuno
admin-webhook-active-label = Attivo (un endpoint in pausa tiene in attesa le sue consegne)
admin-webhook-choose-recipient = scegli un destinatario
# same as English
admin-webhook-processor-choice = { $name } ({ $role })
admin-webhook-saved = Salvato.
admin-webhook-ping-queued = Un ping è in coda; viene inviato entro pochi secondi.
admin-webhook-requeued = La consegna è di nuovo in coda.
admin-delivery-pending = in attesa
admin-delivery-delivered = consegnata
admin-delivery-failed = non riuscita
admin-event-consent-changed = È stato registrato un consenso
admin-event-subscription-changed = Un'iscrizione è cambiata
admin-event-contact-created = È stato creato un contatto
admin-event-contact-updated = È stato aggiornato un contatto
admin-event-subject-restricted = Il trattamento di una persona è stato limitato
admin-event-subject-unrestricted = Una limitazione è stata revocata
admin-event-subject-objected = Una persona si è opposta
admin-event-subject-erased = Una persona è stata cancellata
admin-event-dsr-completed = Una richiesta dell'interessato è stata evasa
admin-event-breach-recorded = È stata registrata una violazione
admin-recipient-role-processor = Responsabile del trattamento (art. 28)
admin-recipient-role-sub-processor = Sub-responsabile del trattamento (art. 28, par. 2 e 4)
admin-recipient-role-joint-controller = Contitolare del trattamento (art. 26)
admin-recipient-role-recipient = Altro destinatario (art. 4, punto 9)
