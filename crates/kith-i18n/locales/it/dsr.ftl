dsr-title = Richiesta
dsr-contact-page = La pagina del contatto della persona
dsr-all-open = Tutte le richieste aperte
dsr-status = Stato
dsr-received = Ricevuta
dsr-due = Scadenza
dsr-overdue = scaduta
dsr-due-within-7 = scade entro 7 giorni
dsr-due-soon = in scadenza
dsr-clock-paused = termine sospeso
dsr-identity = Identità
dsr-identity-verified = verificata
dsr-identity-unverified = non verificata
# same as English
dsr-identity-how = { $state } ({ $method })
dsr-assigned-to = Assegnata a
dsr-extended = Prorogata
dsr-extension-text = { $n ->
        [one] { $n } mese
       *[other] { $n } mesi
    }: { $reason }
dsr-outcome = Esito
dsr-steps = Passaggi
dsr-step-received = ricevuta
dsr-step-status = stato
dsr-step-verified = identità verificata
dsr-step-extended = prorogata
dsr-step-assigned = assegnata
dsr-step-note = nota
dsr-step-performed = eseguita
dsr-processors-told = Responsabili del trattamento informati (art. 19)
dsr-processor = Responsabile del trattamento
dsr-asked-to = Azione richiesta
dsr-by = Tramite
dsr-sent = Inviata
dsr-ack-by = Conferma entro
dsr-acked = Confermata
dsr-not-yet = non ancora
dsr-acknowledged-on = confermata il { $time }
dsr-processor-gone = (non più nel registro)
dsr-notice-failed = non riuscita: { $error }
dsr-notice-not-sent = non ancora inviata
dsr-notice-not-sent-error = non ancora inviata ({ $error })
dsr-processor-action-erasure = Cancellare la persona (art. 17)
dsr-processor-action-rectification = Rettificare i dati della persona (art. 16)
dsr-processor-action-restriction = Limitare il trattamento (art. 18)
dsr-processor-action-restriction-lifted = La limitazione è revocata (art. 18, par. 3)
dsr-export = Esportazione
dsr-export-prepare = Prepara l'esportazione che risponde a questa richiesta:
# same as English
dsr-export-csv = CSV (zip)
# same as English
dsr-export-vcard = vCard
dsr-export-text = I file sono cifrati con la chiave della persona, accessibili alla persona nel portale ed eliminati automaticamente alla scadenza. Il JSON segue kith-access-export/1.
dsr-files = File preparati
dsr-file-until = disponibile fino al { $date }
dsr-exceptions = Prima di cancellare: possibili eccezioni
dsr-exceptions-text = Cancella comunque, oppure respingi la richiesta (o completala come parziale) indicando il motivo qui sotto: la persona ne viene informata.
dsr-act = Azioni
dsr-perform-text = Si esegue in un solo passaggio una volta verificata l'identità; la richiesta risulta poi evasa.
dsr-perform-erasure = Cancella ora la persona
dsr-perform-restriction = Limita ora il trattamento
dsr-perform-withdraw-consent = Revoca ora ogni consenso
dsr-new-status = Nuovo stato
dsr-reason-done = Motivo o attività svolta (inviato alla persona al completamento o al rifiuto)
dsr-change-status = Cambia stato
dsr-verified-by = Identità verificata tramite
dsr-verified-by-placeholder = ad es. richiamata al numero in archivio
dsr-record-verification = Registra la verifica
dsr-extend-by = Proroga di
dsr-months = { $n ->
        [one] { $n } mese
       *[other] { $n } mesi
    }
dsr-extend-reason = Motivo (la persona ne viene informata)
dsr-extend = Proroga una volta
dsr-assign-to = Assegna a
dsr-nobody = Nessuno
dsr-assign = Assegna
dsr-note = Nota
dsr-add-note = Aggiungi nota
dsr-choose-format = Scegli un formato.
dsr-choose-status = Scegli uno stato.
dsr-choose-operator = Scegli un operatore.
dsr-choose-action = Scegli cosa fare.
dsr-choose-kind = Scegli il tipo di richiesta.
dsr-choose-channel = Scegli come è arrivata.

dsr-queue-title = Richieste
dsr-queue-heading = Richieste degli interessati
dsr-queue-intro = Richieste aperte per scadenza: un mese dal ricevimento, più l'eventuale proroga, più il tempo in cui il termine è rimasto sospeso in attesa di qualcosa dalla persona.
dsr-queue-show-all = Mostra tutte le richieste aperte
dsr-queue-only-due = Solo scadute e in scadenza entro 7 giorni
dsr-queue-empty = Nessuna richiesta aperta.
dsr-contact = Contatto
dsr-contact-link = contatto
dsr-queue-processors-heading = Responsabili del trattamento che non hanno ancora confermato (in ritardo)
dsr-queue-processors-text = Cancellazioni, rettifiche e limitazioni inviate ai responsabili del trattamento (art. 19) non confermate in tempo.
dsr-queue-notice = { $recipient }: { $action }, scadenza { $date }
dsr-queue-the-request = la richiesta

dsr-kind-access = Accesso (art. 15)
dsr-kind-portability = Portabilità (art. 20)
dsr-kind-rectification = Rettifica (art. 16)
dsr-kind-erasure = Cancellazione (art. 17)
dsr-kind-restriction = Limitazione (art. 18)
dsr-kind-objection = Opposizione (art. 21)
dsr-kind-withdraw-consent = Revoca del consenso (art. 7, par. 3)
dsr-kind-information = Informazioni (artt. 13–15)
dsr-kind-automated-decision-review = Riesame di una decisione automatizzata (art. 22)
dsr-channel-portal = Portale privacy
# same as English
dsr-channel-email = Email
dsr-channel-phone = Telefonata
dsr-channel-letter = Lettera
dsr-channel-staff = Personale
dsr-status-received = Ricevuta
dsr-status-verifying = Verifica dell'identità
dsr-status-in-progress = In corso
dsr-status-waiting-on-subject = In attesa della persona
dsr-status-completed = Evasa
dsr-status-rejected = Respinta
dsr-status-withdrawn = Ritirata
