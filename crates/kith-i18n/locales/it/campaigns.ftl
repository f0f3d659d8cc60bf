## Marketing → Campagne: l'elenco, una nuova campagna, la pagina di una campagna.
campaigns-title = Campagne
campaigns-intro = Una newsletter inviata a un segmento per un tipo di iscrizione. La ricevono solo le persone a cui si può scrivere via email per la sua finalità: ciascuna viene verificata di nuovo al momento dell'invio e ogni email contiene un link per disiscriversi con un clic.
campaigns-new = Nuova campagna
campaigns-none = Ancora nessuna campagna.
campaigns-col-name = Nome
campaigns-col-status = Stato
campaigns-col-audience = Destinatari
campaigns-col-queued = In coda
campaigns-col-sent = Inviate
campaigns-col-failed = Non riuscite
campaigns-col-skipped = Saltate
campaigns-col-contact = Contatto
campaigns-col-reason = Motivo

campaigns-status-draft = Bozza
campaigns-status-scheduled = Programmata
campaigns-status-sending = In invio
campaigns-status-paused = In pausa
campaigns-status-done = Completata
campaigns-status-cancelled = Annullata
campaigns-recipient-pending = In attesa
campaigns-recipient-queued = In coda
campaigns-recipient-sent = Inviata
campaigns-recipient-failed = Non riuscita
campaigns-recipient-skipped = Saltata

campaigns-one-title = Campagna
campaigns-back = Torna alle campagne
campaigns-fact-for = Per
# same as English
campaigns-for-email = { $purpose } (email)
campaigns-fact-scheduled = Programmata per
campaigns-fact-rate = Velocità
campaigns-rate-value = { $rate } al minuto
campaigns-fact-filter = Filtro dei destinatari
campaigns-fact-audience-now = Destinatari ora
campaigns-audience-now = { $n ->
    [one] { $n } persona può ricevere email per { $purpose }
   *[other] { $n } persone possono ricevere email per { $purpose }
}
campaigns-delivery = Consegna
campaigns-send-now = Invia ora
campaigns-at-utc = Alle (UTC)
campaigns-schedule = Programma
campaigns-pause = Metti in pausa
campaigns-resume = Riprendi
campaigns-cancel = Annulla la campagna
campaigns-log = Registro di consegna
campaigns-log-show = Mostra
campaigns-log-all = tutti
campaigns-filter = Filtra
campaigns-log-none = Ancora nessun destinatario.
campaigns-next-page = Pagina successiva

campaigns-errors = Correggi:
campaigns-subscription-type = Tipo di iscrizione
campaigns-template = Modello
campaigns-no-template = Ancora nessun modello di newsletter: { $link }.
campaigns-write-one = scrivine uno
campaigns-audience-note = La condizione “può ricevere email per la finalità del tipo di iscrizione” viene sempre aggiunta: una campagna non va mai a chi non può ricevere email per quella finalità.
campaigns-segment = Segmento salvato
campaigns-segment-none = (nessuno: usa il filtro qui sotto)
campaigns-query = Oppure un filtro dell'elenco contatti (come nell'indirizzo dell'elenco contatti, ad es. { $example }; vuoto: tutti)
campaigns-when = Quando
campaigns-when-draft = Mantieni come bozza (vedi prima il numero di destinatari)
campaigns-rate = Messaggi al minuto
campaigns-save = Salva la campagna
campaigns-saved-draft = Salvata come bozza: { $why }
campaigns-choose-one = scegline uno
campaigns-whole-number = deve essere un numero intero
campaigns-give-time = indica data e ora (UTC)
