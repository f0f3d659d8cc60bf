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
contacts-mark-reviewed = Segna come revisionato: esatto e ancora necessario
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

contacts-list-title = Contatti
contacts-list-new = + Nuovo contatto
contacts-list-reviews = Revisioni dovute
contacts-list-saved-views = Viste salvate
contacts-list-saved-views-label = Viste salvate:
contacts-list-delete-view = Elimina la vista { $name }
contacts-list-search = Cerca
contacts-list-search-placeholder = Nome, email o telefono
contacts-list-filters = Filtri, ordinamento e colonne
contacts-list-anyone = Chiunque
contacts-list-tag = Etichetta
contacts-list-any = Qualsiasi
contacts-list-created-from = Creato dal
contacts-list-created-to = Creato fino al
contacts-list-sort = Ordina
contacts-list-columns = Colonne
contacts-list-clear = Azzera
contacts-list-consent-basis = Consenso e base giuridica
contacts-list-active-conditions = Condizioni attive
contacts-list-remove-condition = Rimuovi la condizione { $condition }
contacts-list-act-on-all = agisci su tutti
contacts-list-add-condition-label = Aggiungi una condizione
contacts-list-condition = Condizione
contacts-list-channel = Canale
contacts-list-consent-state = Stato del consenso
contacts-list-add-condition = Aggiungi condizione
contacts-list-save-as-segment = Salva come segmento
contacts-list-save-filters-segment = Salva questi filtri come segmento
contacts-list-save-segment = Salva segmento
contacts-list-saved-segments = Segmenti salvati
contacts-list-start-again = ricomincia
contacts-list-save-this-view = Salva questa vista
contacts-list-save-as-view = Salva filtri, ordinamento e colonne come vista
contacts-list-save-view = Salva vista
contacts-list-first-run-add-import = <strong>Ancora nessun contatto</strong> — <a href="/contacts/new">aggiungine uno</a> oppure importa un file CSV (<a href="/import">Importa contatti</a>, oppure <code>kith import contacts</code>). Per una prova, <code>kith demo</code> riempie Kith di dati di esempio fittizi.
contacts-list-first-run-add = <strong>Ancora nessun contatto</strong> — <a href="/contacts/new">aggiungine uno</a> oppure importa un file CSV (i file li importa un amministratore o l'RPD). Per una prova, <code>kith demo</code> riempie Kith di dati di esempio fittizi.
contacts-list-first-run-import = <strong>Ancora nessun contatto</strong>: importa un file CSV (<a href="/import">Importa contatti</a>, oppure <code>kith import contacts</code>). Per una prova, <code>kith demo</code> riempie Kith di dati di esempio fittizi.
contacts-list-first-run = <strong>Ancora nessun contatto</strong>: i file CSV li importa un amministratore o l'RPD. Per una prova, <code>kith demo</code> riempie Kith di dati di esempio fittizi.
contacts-list-no-match = Nessun contatto corrisponde.
contacts-list-no-match-search = Nessun contatto corrisponde a questa ricerca.
contacts-list-no-match-filters = Nessun contatto corrisponde a questi filtri.
contacts-list-no-match-both = Nessun contatto corrisponde a questa ricerca e a questi filtri.
contacts-list-show-all = Mostra tutti i contatti
contacts-list-request-all = Richiedi il consenso a tutti i corrispondenti…
contacts-list-bulk-action = Azione multipla
contacts-list-selected-rows = Righe selezionate
contacts-list-all-matching = Tutti i contatti che corrispondono a questa ricerca e a questo filtro
contacts-list-all-contacts = Tutti i contatti — nessuno escluso
contacts-list-action = Azione
contacts-list-assign-owner = Assegna responsabile
contacts-list-add-tag = Aggiungi etichetta
contacts-list-remove-tag = Rimuovi etichetta
contacts-list-request-by-email = Richiedi il consenso per email
contacts-list-owner-for-assign = Responsabile (per “Assegna responsabile”)
contacts-list-tag-for = Etichetta (per aggiungere / rimuovere)
contacts-list-review = Rivedi…
contacts-list-basis-options = Opzioni di base giuridica e richiesta di consenso
contacts-list-basis-for-set = Base giuridica (per “Imposta la base giuridica”)
contacts-list-source-name = Nome dell'origine (file, modulo, client)
contacts-list-lia-ref = Riferimento della valutazione (legittimo interesse)
contacts-list-effective = Data di decorrenza
contacts-list-notice-for = Informativa (per “Richiedi il consenso”)
contacts-list-mail-subject = Oggetto dell'email
contacts-list-mail-text = Testo dell'email
contacts-list-days-to-answer = Giorni per rispondere
contacts-list-select-page = Seleziona tutti in questa pagina
contacts-list-select = Seleziona { $name }
contacts-list-name = Nome
contacts-list-consent-col = Consenso: { $purpose }
contacts-list-next-page = Pagina successiva →
contacts-list-first-page = ↑ Prima pagina
contacts-list-changed = { $n ->
    [one] { $n } contatto modificato.
   *[other] { $n } contatti modificati.
}
contacts-list-requested = { $n ->
    [one] Consenso richiesto a { $n } contatto.
   *[other] Consenso richiesto a { $n } contatti.
}
contacts-list-deleted = Il contatto e tutti i suoi dati personali sono stati eliminati.
contacts-list-view-saved = Vista salvata.
contacts-list-view-deleted = Vista eliminata.
contacts-list-match-count = { $n ->
    [one] { $n } contatto corrisponde
   *[other] { $n } contatti corrispondono
}
contacts-list-no-basis = Nessuna base giuridica
contacts-list-choose-source = scegli un'origine dall'elenco
contacts-list-choose-channel = scegli un canale
contacts-list-choose-basis = scegli una base giuridica (o nessuna)
contacts-list-choose-state = scegli uno stato del consenso
contacts-list-choose-condition = scegli una condizione
contacts-list-unknown-purpose = una finalità sconosciuta
contacts-sort-newest = Prima i più recenti
contacts-sort-oldest = Prima i meno recenti
contacts-sort-recently-changed = Modificati di recente
contacts-sort-least-recently-changed = Modificati meno di recente

# same as English
contacts-col-email = Email
contacts-col-phone = Telefono
contacts-col-job-title = Qualifica
contacts-col-company = Azienda
contacts-col-owner = Responsabile
contacts-col-tags = Etichette
contacts-col-created = Creato
contacts-col-updated = Aggiornato

contacts-cond-may = Può essere contattato (finalità, canale)
contacts-cond-may-not = Non può essere contattato (finalità, canale)
contacts-cond-basis = La base giuridica è (finalità, base giuridica)
contacts-cond-consent = Lo stato del consenso è (finalità, canale, stato)
contacts-cond-objected = Si è opposto alla finalità
contacts-cond-objected-any = Si è opposto a una finalità qualsiasi
contacts-cond-old-notice = Consenso con un'informativa precedente (finalità)
contacts-cond-restricted = Trattamento limitato
contacts-cond-not-restricted = Trattamento non limitato
contacts-cond-review-due = Revisione dovuta
contacts-chip-basis = { $purpose }: base giuridica { $basis }
contacts-chip-no-basis = { $purpose }: nessuna base giuridica
contacts-chip-consent = { $purpose }: consenso { $channel } { $state }
contacts-chip-may = { $purpose }: contattabile via { $channel }
contacts-chip-may-not = { $purpose }: non contattabile via { $channel }
contacts-chip-objected = { $purpose }: opposizione
contacts-chip-old-notice = { $purpose }: consenso con un'informativa precedente

contacts-badge-unknown = Sconosciuto
contacts-badge-no-basis = nessuna base giuridica
contacts-badge-title-may = Base giuridica: { $basis }; consenso email: { $state }; può ricevere email
contacts-badge-title-may-not = Base giuridica: { $basis }; consenso email: { $state }; non può ricevere email

contacts-state-none = Nessuna registrazione
contacts-state-awaiting = In attesa di risposta
contacts-state-not-responded = Nessuna risposta
contacts-state-given = Dato
contacts-state-refused = Rifiutato
contacts-state-withdrawn = Revocato
contacts-state-expired = Scaduto

contacts-choose-kind = scegli nota, chiamata, email o riunione
contacts-bad-emails = ogni riga deve essere un indirizzo email come name@example.com
contacts-special-not-allowed = il tuo ruolo non può modificare i campi di categorie particolari

contacts-special-health = Salute
contacts-special-religion = Convinzioni religiose o filosofiche
contacts-special-political-opinion = Opinioni politiche
contacts-special-ethnic-origin = Origine razziale o etnica
contacts-special-trade-union = Appartenenza sindacale
contacts-special-genetic = Dati genetici
contacts-special-biometric = Dati biometrici
contacts-special-sex-life = Vita sessuale o orientamento sessuale
contacts-special-criminal = Condanne penali e reati
