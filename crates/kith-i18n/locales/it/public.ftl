## Pagine pubbliche, per chi non ha un account. Si dà del tu alla persona.

public-languages = Lingua

public-not-found-title = Pagina non trovata
public-not-found-text = A questo indirizzo non c'è nulla.
public-bad-address-title = Questo indirizzo non è valido
public-bad-address-text = Apri di nuovo il link così come l'hai ricevuto.
public-invalid-link-title = Questo link non è valido
public-invalid-link-text = Il link è incompleto o è stato modificato. Aprilo di nuovo dal messaggio ricevuto.
public-expired-link-title = Questo link è scaduto
public-expired-link-text = I link valgono per un tempo limitato. Compila di nuovo il modulo per riceverne uno nuovo.

public-notice-intro = Come usiamo i tuoi dati:
public-notice-version = { $name } (versione { $version })
public-notice-meta = Versione { $version } · SHA-256 { $sha }

# same as English
public-form-email = Email
public-form-first-name = Nome
public-form-last-name = Cognome
public-form-phone = Telefono
public-form-subscriptions = Iscrizioni
public-form-choose = Cosa vuoi ricevere? (seleziona ciò che desideri)
public-form-sharing = Condivisione
public-form-share = Sì, potete condividere i miei dati con: { $parties }
public-form-gpc = Il tuo browser invia il segnale Global Privacy Control: non condivideremo i tuoi dati se non selezioni la casella qui sopra.
public-form-confirm-hint = Ti invieremo un link per confermare.
public-form-fix = Controlla — { $field }: { $problem }
public-problem-email = deve essere un indirizzo email
public-problem-phone = deve essere un numero di telefono
public-problem-name = deve avere al massimo 100 caratteri, senza caratteri di controllo
public-problem-no-subscription = seleziona almeno un'iscrizione per iscriverti
public-problem-unknown-subscription = questo modulo non offre questa iscrizione
public-problem-other = non è valido
public-check-inbox-title = Controlla la tua casella
public-check-inbox-text = Se l'indirizzo è valido, ti arriverà un messaggio con un link di conferma. Non ti invieremo nulla finché non confermi.

public-confirm-title = Conferma la tua iscrizione
public-confirm-text = Premi il pulsante per confermare che vuoi ricevere ciò che hai chiesto.
public-confirm-button = Conferma
public-confirmed-title = Grazie — confermato
public-confirmed-text = La tua scelta è registrata. Ti abbiamo inviato una ricevuta; puoi cambiare idea in qualsiasi momento dal link che contiene.
public-confirmed-already = Questo link è già stato usato: la tua scelta è registrata.

public-prefs-title = Le tue preferenze email
public-prefs-save = Salva le mie scelte
public-prefs-saved = Le tue scelte sono salvate.
public-prefs-not-given = Le altre scelte sono salvate. Iscrizione non registrata, perché non hai visto come usiamo i tuoi dati per questo: iscriviti con il suo modulo, che lo spiega — { $names }
public-prefs-unsubscribe-all = Annulla tutte le iscrizioni
public-prefs-unsubscribed = La tua iscrizione è stata annullata.
public-prefs-receipts = Le tue ricevute di consenso
# same as English
public-channel-email = Email
public-channel-phone = Telefono
# same as English
public-channel-sms = SMS
public-channel-post = Posta
public-action-requested = Richiesto
public-action-given = Dato
public-action-refused = Rifiutato
public-action-withdrawn = Revocato
public-action-expired = Scaduto

public-unsubscribe-title = Annulla iscrizione
public-unsubscribe-text = Premi il pulsante per non ricevere più questi messaggi.
public-unsubscribe-button = Annulla iscrizione

## Il lettore è un responsabile del trattamento che agisce per il titolare.
public-ack-title = Conferma di una richiesta in materia di protezione dei dati
public-ack-action = Cosa si chiede (art. 19 GDPR)
public-ack-subject = L'interessato (identificativo)
public-ack-reference = Riferimento
public-ack-due = Confermare entro il
public-ack-done-on = Confermato il { $at }.
public-ack-explain = Premete il pulsante dopo aver eseguito la richiesta. Nulla viene registrato finché non lo fate.
public-ack-button = Confermo che è stato fatto
public-ack-action-erasure = Cancellare i dati dell'interessato (art. 17)
public-ack-action-rectification = Rettificare i dati dell'interessato (art. 16)
public-ack-action-restriction = Limitare il trattamento (art. 18)
public-ack-action-restriction-lifted = La limitazione è revocata (art. 18, par. 3)
public-ack-invalid-text = Verificate di aver copiato il link completo dal messaggio.
public-ack-expired-text = Chiedete al titolare del trattamento una nuova richiesta.
public-ack-recorded-title = Conferma registrata
public-ack-recorded-text = Grazie: il registro del titolare del trattamento ora indica che avete eseguito la richiesta.
public-ack-already-title = Già confermato
public-ack-already-text = Questa richiesta era già stata confermata.
