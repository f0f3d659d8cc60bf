contacts-new-title = Nuovo contatto
contacts-correct-fields = Correggi i campi indicati qui sotto.
contacts-create = Crea contatto
contacts-cancel = Annulla
contacts-back-to-list = Torna all'elenco
contacts-bad-date = deve essere una data come 2026-01-31
contacts-bad-choice = non è una scelta valida

contacts-first-name = Nome
contacts-last-name = Cognome
contacts-job-title = Qualifica
contacts-emails-field = Email (una per riga)
contacts-phones-field = Telefoni (uno per riga)
contacts-owner = Responsabile
contacts-nobody = Nessuno
contacts-company = Azienda
contacts-no-company = Nessuna
contacts-tags-field = Etichette (separate da virgole)
contacts-postal-address = Indirizzo postale
contacts-street = Via
contacts-postal-code = CAP
contacts-city = Città
contacts-region = Regione
contacts-country = Paese
contacts-notes = Note
contacts-custom-fields = Campi personalizzati
contacts-special-category = (categoria particolare: { $category })
contacts-stale-choice = (non più tra le scelte)

contacts-bulk-confirm-title = Conferma la modifica multipla
contacts-bulk-none-match = Nessun contatto corrisponde a questa ricerca e a questo filtro, quindi non c'è nulla da modificare.
contacts-bulk-none-exist = Nessuno dei contatti selezionati esiste più, quindi non c'è nulla da modificare.
contacts-bulk-none-ticked = Nessuna riga selezionata. Torna indietro, seleziona alcune righe oppure scegli “Tutti i contatti corrispondenti”.
contacts-bulk-will-add-tag = Verrà aggiunta l'etichetta “{ $x }” a { $n ->
    [one] <strong>{ $n }</strong> contatto
   *[other] <strong>{ $n }</strong> contatti
}.
contacts-bulk-will-remove-tag = Verrà rimossa l'etichetta “{ $x }” da { $n ->
    [one] <strong>{ $n }</strong> contatto
   *[other] <strong>{ $n }</strong> contatti
}.
contacts-bulk-will-assign-owner = { $x } diventerà responsabile di { $n ->
    [one] <strong>{ $n }</strong> contatto
   *[other] <strong>{ $n }</strong> contatti
}.
contacts-bulk-will-remove-owner = Verrà tolto il responsabile a { $n ->
    [one] <strong>{ $n }</strong> contatto
   *[other] <strong>{ $n }</strong> contatti
}.
contacts-bulk-will-set-basis = Verrà registrata la base giuridica “{ $x }” per { $n ->
    [one] <strong>{ $n }</strong> contatto
   *[other] <strong>{ $n }</strong> contatti
}.
contacts-bulk-will-request-consent = Verrà inviata per email una richiesta di consenso a { $n ->
    [one] <strong>{ $n }</strong> contatto
   *[other] <strong>{ $n }</strong> contatti
} (i contatti senza email o che hanno già risposto vengono saltati).
contacts-bulk-send-to = { $n ->
    [one] Invia a { $n } contatto
   *[other] Invia a { $n } contatti
}
contacts-bulk-change = { $n ->
    [one] Modifica { $n } contatto
   *[other] Modifica { $n } contatti
}
contacts-bulk-choose-basis = scegli una base giuridica
contacts-bulk-choose-source = scegli da dove proviene la base giuridica
contacts-bulk-choose-purpose = scegli una finalità
contacts-bulk-choose-purpose-notice = scegli una finalità e un'informativa
contacts-bulk-choose-action = scegli cosa fare

contacts-segments-title = Segmenti
contacts-segments-build = Creane uno dall'elenco dei contatti
contacts-segments-intro = Un segmento è un insieme di filtri dell'elenco dei contatti salvato con un nome: condizioni su base giuridica, consenso, chi può essere contattato (la stessa regola usata da ogni invio), limitazione, opposizione, versione dell'informativa e revisione, insieme ai filtri per responsabile, etichetta, azienda e origine. Tuoi, oppure condivisi con il team.
contacts-segments-empty = Ancora nessun segmento. Filtra l'<a href="/contacts#segment">elenco dei contatti</a>, poi “Salva segmento”.
contacts-segments-name = Nome
contacts-segments-count = Contatti ora
contacts-segments-shared = Condiviso
contacts-segments-changed = Modificato
contacts-segments-actions = Azioni
contacts-segments-colleagues = (di un collega)
contacts-segments-with-team = Con il team
contacts-segments-owner-only = Solo il proprietario
contacts-segments-stop-sharing = Non condividere più
contacts-segments-share = Condividi con il team
contacts-segments-delete = Elimina
contacts-segments-delete-named = Elimina il segmento { $name }
contacts-segments-saved = Segmento salvato.
contacts-segments-sharing-changed = Condivisione modificata.
contacts-segments-deleted = Segmento eliminato.

contacts-basis-not-applicable = Non applicabile
contacts-basis-consent = Consenso
contacts-basis-contract = Contratto
contacts-basis-legal-obligation = Obbligo legale
contacts-basis-vital-interests = Interessi vitali
contacts-basis-public-task = Compito di interesse pubblico
contacts-basis-legitimate-interests = Legittimo interesse

contacts-one = Contatto
contacts-back = ← Contatti
contacts-details = Dettagli
# same as English
contacts-email = Email
contacts-phone = Telefono
contacts-address = Indirizzo
contacts-tags = Etichette
contacts-created = Creato
contacts-source = Origine
contacts-field-policy = Regole dei campi
contacts-changed = Modificato
contacts-edit = Modifica
contacts-not-saved = Non è stato salvato nulla. Correggi i campi indicati qui sotto.
contacts-save = Salva
contacts-saved = Modifiche salvate.
contacts-created-notice = Contatto creato.
contacts-added = Aggiunto alla cronologia.
contacts-erasure-requested = È stata registrata una richiesta di cancellazione: il team privacy la verifica e la esegue.
contacts-policy-version = Campi scritti l'ultima volta secondo la versione { $version } delle regole dei campi
contacts-policy-none = Campi raccolti prima che Kith tenesse regole dei campi
contacts-source-by = { $what } — da { $who }, { $when }
contacts-source-at = { $what } — { $when }
contacts-source-none = Non registrata (creato prima che Kith tenesse traccia dell'origine)
contacts-source-detail = { $kind }: { $detail }
contacts-source-created-in-source = { $what } (creato nella fonte il { $date })
contacts-activity = Attività
contacts-add-to-timeline = Aggiungi alla cronologia
contacts-add-a = Aggiungi
contacts-kind-note = Nota
contacts-kind-call = Chiamata
# same as English
contacts-kind-email = Email
contacts-kind-meeting = Riunione
contacts-what-happened = Cosa è successo
contacts-add = Aggiungi
contacts-timeline-empty = Ancora nulla di registrato. Note, chiamate, email, riunioni e modifiche alle trattative compaiono qui, dalla più recente.
contacts-text-hidden = (testo nascosto per il tuo ruolo)
contacts-deal-moved = “{ $title }” spostata da { $from } a { $to }
contacts-deal-created = “{ $title }” creata in { $stage }
contacts-deals = Trattative
contacts-no-deals = Nessuna trattativa con questo contatto.
contacts-delete = Elimina
contacts-delete-summary = Elimina questo contatto…
contacts-delete-text = Questa azione cancella definitivamente il contatto, la sua cronologia e tutti i suoi dati personali. Non può essere annullata. Un contatto soggetto a conservazione per motivi legali o a limitazione non viene eliminato finché la conservazione o la limitazione non viene revocata.
contacts-delete-for-good = Elimina definitivamente
contacts-erasure-text = Il tuo ruolo registra una richiesta di cancellazione: il team privacy verifica se i dati devono essere conservati (conservazione per motivi legali, limitazione, art. 17, par. 3) e poi li cancella.
contacts-request-erasure = Richiedi la cancellazione
contacts-who-read = Chi ha letto o modificato questo contatto

# same as English
contacts-privacy = Privacy
contacts-undeliverable = Un server di posta ha rifiutato definitivamente un indirizzo di questa persona ({ $dates }): le campagne lo saltano finché l'indirizzo non viene cambiato.
contacts-restricted-title = Trattamento limitato
contacts-restricted-text = dal { $since } (art. 18 GDPR): dati solo conservati — nessuna modifica, nota, invio o azione multipla.
contacts-lift-restriction = Revoca la limitazione
contacts-restrict = Limita il trattamento
contacts-art14-send = Invia l'informativa ex art. 14
contacts-art14-sent = Informativa ex art. 14 inviata il { $date } ({ $how }, in { $language })
contacts-art14-not-sent = Informativa ex art. 14 non inviata
contacts-art14-from-import = dalla pagina dell'importazione
contacts-art14-automatically = automaticamente
contacts-art14-by-staff = dal personale
contacts-language-en = inglese
contacts-language-it = italiano
contacts-language-fr = francese
contacts-language-bg = bulgaro
contacts-language-de = tedesco
contacts-language-es = spagnolo
contacts-retention = Conservazione
contacts-hold-title = Conservazione per motivi legali
contacts-hold-text = — la conservazione programmata non eliminerà questo contatto. Motivo: { $reason }. Revisione il { $date }.
contacts-release-hold = Revoca la conservazione per motivi legali
contacts-place-hold = Disponi una conservazione per motivi legali
contacts-hold-reason = Motivo (ad es. il procedimento in cui i dati sono prova)
contacts-hold-review-on = Revisione il
contacts-hold-place = Disponi la conservazione
contacts-review-due = Revisione dovuta:
contacts-review-question = questi dati sono ancora esatti e necessari?
contacts-last-reviewed = Ultima revisione: { $date }.
contacts-mark-reviewed = Segna come rivisto: esatto e ancora necessario
contacts-objections = Opposizioni
contacts-uphold = Accogli
contacts-override = Respingi (motivi legittimi cogenti)
contacts-requests = Richieste (diritti GDPR)
contacts-no-requests = Nessuna richiesta da questa persona.
contacts-request-line = { $status }, ricevuta il { $received }
contacts-request-line-due = { $status }, ricevuta il { $received }, scadenza { $due }
contacts-register-request = Registra una richiesta
contacts-person-asks = L'interessato chiede
contacts-received-by = Ricevuta tramite
contacts-note = Nota
contacts-register = Registra la richiesta
contacts-no-purposes = Non è ancora definita alcuna finalità.
contacts-may-we-contact = Possiamo contattare questa persona?
contacts-consent-history = Cronologia dei consensi ({ $n })
contacts-receipt = ricevuta
contacts-request-consent = Richiedi il consenso
contacts-set-basis = Imposta la base giuridica
contacts-purpose = Finalità
contacts-basis = Base giuridica
contacts-lia-ref = Riferimento della valutazione (per il legittimo interesse)
contacts-ends-on = Termina il (fine del contratto, se nota)
contacts-save-basis = Salva la base giuridica
contacts-record-objection-title = Registra un'opposizione (art. 21)
contacts-person-objects = L'interessato si oppone a
contacts-record-objection = Registra l'opposizione
contacts-record-consent-title = Registra un consenso dato per telefono o su carta
contacts-consent-given = Consenso dato
contacts-how = Come
contacts-channels = Canali
contacts-affirmative-act = Cosa ha detto o fatto la persona
contacts-evidence = Prova (id della registrazione, modulo scansionato)
contacts-record = Registra
contacts-badge-no-email = Non inviare email: { $purpose }
contacts-badge-no-phone = Non chiamare: { $purpose }
contacts-badge-no-sms = Non inviare SMS: { $purpose }
contacts-badge-no-post = Non scrivere per posta: { $purpose }
contacts-badge-awaiting = { $channel }: { $purpose } — in attesa dal { $date }
contacts-badge-not-responded = { $channel }: { $purpose } — nessuna risposta
contacts-badge-expired = { $channel }: { $purpose } — consenso scaduto
contacts-badge-ok = { $channel }: { $purpose } ✓
contacts-basis-source-named = { $source } “{ $name }”
contacts-basis-detail = { $source }, dal { $date }, impostata da { $who }
contacts-basis-detail-lia = { $source }, valutazione { $lia }, dal { $date }, impostata da { $who }
contacts-the-system = il sistema

contacts-event-note = nota
contacts-event-call = chiamata
# same as English
contacts-event-email = email
contacts-event-meeting = riunione
contacts-event-deal = trattativa

contacts-source-manual = Inserito dal personale
contacts-source-web-form = Modulo web
contacts-source-import = Importazione
# same as English
contacts-source-api = API

contacts-bsource-web-form = Modulo web
contacts-bsource-import = Importazione
contacts-bsource-manual = Inserimento manuale
contacts-bsource-api-client = Client API

# same as English
contacts-channel-email = Email
contacts-channel-phone = Telefono
# same as English
contacts-channel-sms = SMS
contacts-channel-post = Posta

contacts-action-requested = Richiesto
contacts-action-given = Dato
contacts-action-refused = Rifiutato
contacts-action-withdrawn = Revocato
contacts-action-expired = Scaduto
contacts-method-web-form = Modulo web
contacts-method-double-opt-in = Doppio opt-in
contacts-method-portal = Portale privacy
contacts-method-phone = Telefono
contacts-method-paper = Modulo cartaceo
contacts-method-import = Importazione
# same as English
contacts-method-api = API

contacts-decision-pending = In attesa di decisione
contacts-decision-upheld = Accolta: trattamento interrotto
contacts-decision-overridden = Respinta: registrati motivi legittimi cogenti

contacts-dsr-access = Accesso (art. 15)
contacts-dsr-portability = Portabilità (art. 20)
contacts-dsr-rectification = Rettifica (art. 16)
contacts-dsr-erasure = Cancellazione (art. 17)
contacts-dsr-restriction = Limitazione (art. 18)
contacts-dsr-objection = Opposizione (art. 21)
contacts-dsr-withdraw-consent = Revoca del consenso (art. 7, par. 3)
contacts-dsr-information = Informazioni (artt. 13–15)
contacts-dsr-automated-decision-review = Riesame di una decisione automatizzata (art. 22)
contacts-dsr-channel-portal = Portale privacy
# same as English
contacts-dsr-channel-email = Email
contacts-dsr-channel-phone = Telefonata
contacts-dsr-channel-letter = Lettera
contacts-dsr-channel-staff = Personale
