## Panoramica privacy (privacy.html) e i suoi grafici.
# same as English
privacy-title = Privacy
privacy-heading = Panoramica privacy
privacy-intro = { $contacts ->
    [one] { $contacts } contatto
   *[other] { $contacts } contatti
}. Conteggi per finalità: base giuridica registrata e consenso per canale allo stato attuale (il consenso scaduto e le richieste senza risposta sono contati come tali).
privacy-accountability = Responsabilizzazione:
privacy-link-register = Registro delle attività di trattamento
privacy-link-recipients = Destinatari e trasferimenti
privacy-link-breaches = Violazioni
privacy-link-setup = Finalità, informative, iscrizioni e moduli
privacy-link-outbox = Posta in uscita
privacy-link-import = Importa contatti
privacy-link-retention = Conservazione
privacy-link-fields = Politica dei campi
privacy-link-evidence = Pacchetto di prove
privacy-art14-heading = Informative ex art. 14
privacy-art14-text = Le persone i cui dati provengono da un'importazione o da un inserimento del personale vengono informate, una sola volta, su chi li detiene, perché, da dove provengono e quali sono i loro diritti, entro un mese (art. 14, par. 3, lett. a).
privacy-art14-overdue = In ritardo: { $n ->
    [one] { $n } persona è
   *[other] { $n } persone sono
} in Kith da più di un mese senza l'informativa.
privacy-art14-overdue-none = In ritardo: nessuno.
privacy-art14-auto = Invia automaticamente
privacy-art14-after = giorni dopo la creazione del contatto
privacy-save = Salva
privacy-empty = Non è ancora definita alcuna finalità.
privacy-empty-define = Definisci la prima finalità
privacy-bars-help = Ogni numero e ogni parte di una barra apre i contatti che conta.
privacy-basis-caption = Base giuridica
privacy-consent-caption = Consenso
privacy-channel = Canale
privacy-trend-heading = Gli ultimi 12 mesi
privacy-trend-heading-of = Gli ultimi 12 mesi: { $purpose }
privacy-trend-help = Per mese di calendario (UTC): consensi dati e revocati (ogni evento del registro una sola volta, qualunque siano i canali) e richieste degli interessati evase (completate o respinte; tutte le richieste, non riguardano una singola finalità).
privacy-trend-help-of = Per mese di calendario (UTC): consensi dati e revocati per questa finalità (ogni evento del registro una sola volta, qualunque siano i canali) e richieste degli interessati evase (completate o respinte; tutte le richieste, non riguardano una singola finalità).
privacy-trend-purpose = Finalità
privacy-trend-every = Tutte le finalità
privacy-show = Mostra
privacy-trend-caption = Per mese
privacy-month = Mese
privacy-consent-given = Consensi dati
privacy-consent-withdrawn = Consensi revocati
privacy-requests-answered = Richieste evase
privacy-trend-unknown = Questa finalità non esiste: l'andamento mostra tutte le finalità.
privacy-chart-trend = Ultimi 12 mesi: { $purpose }
privacy-chart-trend-all = Ultimi 12 mesi: tutte le finalità
privacy-chart-basis = { $purpose }: base giuridica
privacy-chart-consent = { $purpose }: consenso per { $channel }
privacy-no-basis = Nessuna base
privacy-chart-empty = Nessun contatto da contare
privacy-chart-nothing = Nulla registrato in questi mesi
privacy-month-label = { $month } { $year }
privacy-month-1 = gen
privacy-month-2 = feb
privacy-month-3 = mar
privacy-month-4 = apr
privacy-month-5 = mag
privacy-month-6 = giu
privacy-month-7 = lug
privacy-month-8 = ago
privacy-month-9 = set
privacy-month-10 = ott
privacy-month-11 = nov
privacy-month-12 = dic

## Vocabolari chiusi mostrati in queste pagine.
privacy-basis-not-applicable = Non applicabile
privacy-basis-consent = Consenso
privacy-basis-contract = Contratto
privacy-basis-legal-obligation = Obbligo legale
privacy-basis-vital-interests = Interessi vitali
privacy-basis-public-task = Compito di interesse pubblico
privacy-basis-legitimate-interests = Legittimo interesse
privacy-state-none = Nessuna registrazione
privacy-state-awaiting = In attesa di risposta
privacy-state-not-responded = Nessuna risposta
privacy-state-given = Dato
privacy-state-refused = Rifiutato
privacy-state-withdrawn = Revocato
privacy-state-expired = Scaduto
# same as English
privacy-channel-email = Email
privacy-channel-phone = Telefono
# same as English
privacy-channel-sms = SMS
privacy-channel-post = Posta

## Configurazione del consenso e pagine di modifica di un modulo e di una finalità.
privacy-setup-title = Configurazione del consenso
privacy-back-overview = Torna alla panoramica
privacy-back-setup = Torna alla configurazione del consenso
privacy-setup-purposes = Finalità
privacy-setup-no-purposes = Ancora nessuna finalità.
privacy-setup-default = (predefinita: { $basis })
privacy-name = Nome
privacy-description = Descrizione
privacy-default-basis = Base giuridica predefinita
privacy-data-categories = Categorie di dati (separate da virgole)
privacy-setup-retention = Conservazione, spiegata alle persone
privacy-setup-recipients = I destinatari sono dichiarati nel registro, ciascuno con le finalità che serve:
privacy-recipients-link = Privacy → Destinatari
privacy-direct-marketing = Marketing diretto (un'opposizione lo interrompe subito)
privacy-setup-rule-later = Una volta aggiunta la finalità, imposta nella sua pagina la regola di conservazione applicata dalla pulizia automatica.
privacy-setup-add-purpose = Aggiungi finalità
privacy-setup-notices = Informative
privacy-setup-notices-help = Un'informativa non si modifica mai: pubblicarla con lo stesso nome ne aggiunge la versione successiva.
privacy-notice-version = { $name } v{ $version }
privacy-language = Lingua
privacy-setup-notice-url = Indirizzo del testo pubblicato (facoltativo)
privacy-setup-notice-text = Testo
privacy-setup-publish = Pubblica versione
privacy-setup-subs = Tipi di iscrizione
privacy-setup-channels = Canali
privacy-setup-add-sub = Aggiungi tipo di iscrizione
privacy-setup-forms = Moduli di consenso
privacy-setup-inactive = (inattivo)
privacy-edit = Modifica
privacy-form-slug = Indirizzo /f/…
privacy-form-title = Titolo
privacy-form-intro = Introduzione
privacy-form-logo = Indirizzo del logo (facoltativo)
privacy-form-also-ask = Chiedi anche
privacy-form-phone = Telefono
privacy-setup-subs-offered = Iscrizioni proposte (mostrate non spuntate)
privacy-form-notice = Informativa
privacy-setup-third-parties = Terzi con cui la persona può acconsentire alla condivisione (separati da virgole)
privacy-form-button = Testo del pulsante
privacy-form-button-default = Iscriviti
privacy-setup-create-form = Crea modulo
privacy-setup-bad-form = Scegli un'informativa e almeno un tipo di iscrizione.
privacy-form-edit-title = Modifica modulo di consenso
privacy-form-open-public = Apri la pagina pubblica
privacy-form-active = Attivo (la pagina pubblica risponde)
privacy-form-subs-offered = Iscrizioni proposte (mostrate non spuntate ai visitatori)
privacy-form-third-parties = Terzi (separati da virgole)
privacy-form-save = Salva modulo
privacy-purpose-edit-title = Modifica finalità
privacy-purpose-requests = Richieste di consenso per questa finalità (regola automatica, nuova autorizzazione)
privacy-purpose-retention = Conservazione, spiegata alle persone (citata nelle esportazioni di accesso)
privacy-purpose-rule = Regola di conservazione (applicata dalla pulizia automatica)
privacy-purpose-rule-help = Conserva i dati di una persona per questo periodo dopo l'evento di riferimento, poi eliminali — quando nessun'altra finalità ne giustifica più la conservazione. Lascia vuoto l'evento di riferimento per nessuna regola.
privacy-purpose-after = Dopo
privacy-purpose-no-rule = — nessuna regola —
privacy-purpose-keep-for = Conserva per
privacy-purpose-unit = Unità
privacy-purpose-then = Poi
privacy-purpose-recipients = I destinatari sono dichiarati nel registro (ogni destinatario indica le finalità per cui riceve dati):
privacy-purpose-save = Salva finalità
privacy-whole-number = deve essere un numero intero
privacy-anchor-last-interaction = l'ultima interazione
privacy-anchor-created = la creazione
privacy-anchor-contract-end = la fine del contratto
privacy-anchor-consent-withdrawn = la revoca del consenso
privacy-anchor-deal-closed = la chiusura delle trattative della persona
privacy-disposal-delete = cancellare
privacy-disposal-anonymise = anonimizzare
privacy-unit-days = giorni
privacy-unit-months = mesi
privacy-unit-years = anni
privacy-period = { $unit ->
    [days] { $count ->
        [one] { $count } giorno
       *[other] { $count } giorni
    }
    [months] { $count ->
        [one] { $count } mese
       *[other] { $count } mesi
    }
   *[years] { $count ->
        [one] { $count } anno
       *[other] { $count } anni
    }
}
privacy-rule = { $period } { $after }, poi { $disposal }
privacy-rule-at-once = subito { $after }, poi { $disposal }
privacy-after-last-interaction = dopo l'ultima interazione
privacy-after-created = dopo la creazione
privacy-after-contract-end = dopo la fine del contratto
privacy-after-consent-withdrawn = dopo la revoca del consenso
privacy-after-deal-closed = dopo la chiusura delle trattative della persona

## Politica dei campi (fields.html).
privacy-fields-title = Politica dei campi
privacy-fields-version = versione { $version }
privacy-fields-intro = Kith conserva solo i campi personali qui elencati come consentiti, per le finalità indicate. Un valore per qualsiasi altro campo viene rifiutato ovunque venga scritto: API, pagine del personale, importazioni, moduli.
privacy-fields-remove-q = Rimuovere «{ $field }»?
privacy-fields-remove-text = { $n ->
    [one] contatto ha un valore per questo campo. Rimuoverlo lo disattiva e cancella definitivamente quei valori (ogni cancellazione è registrata, senza il valore).
   *[other] contatti hanno un valore per questo campo. Rimuoverlo lo disattiva e cancella definitivamente quei valori (ogni cancellazione è registrata, senza il valore).
}
privacy-fields-remove-purge = { $n ->
    [one] Rimuovi e cancella { $n } valore
   *[other] Rimuovi e cancella { $n } valori
}
privacy-fields-keep = Mantienilo
privacy-fields-heading = Campi
privacy-fields-field = Campo
privacy-fields-kind = Tipo
privacy-fields-category = Categoria
privacy-fields-needed-for = Necessario per
privacy-fields-special = Categoria particolare
privacy-fields-allowed = Consentito
privacy-fields-no-purpose = ancora nessuna finalità indicata
privacy-yes = sì
# same as English
privacy-no = no
privacy-fields-remove = Rimuovi…
privacy-fields-add = Aggiungi o modifica un campo
privacy-fields-key = Campo (una chiave predefinita come job_title, o un nuovo nome personalizzato come shoe_size)
privacy-fields-label = Etichetta
privacy-fields-kind-new = Tipo (nuovi campi personalizzati)
privacy-fields-choices = Opzioni (campi a scelta, separate da virgole)
privacy-fields-purpose = Necessario per la finalità
privacy-fields-special-art = Categoria particolare (artt. 9 e 10 GDPR)
privacy-fields-special-none = nessuna
privacy-fields-reason = Perché Kith deve conservarlo (obbligatorio per una categoria particolare)
privacy-fields-save = Salva campo
privacy-fields-built-in = predefinito
privacy-fields-special-reason = { $category } — { $reason }
privacy-fields-removed = Rimosso { $field }: { $n ->
    [one] { $n } valore cancellato
   *[other] { $n } valori cancellati
}; la politica è ora alla versione { $version }.
privacy-fields-removed-same = Rimosso { $field }: { $n ->
    [one] { $n } valore cancellato
   *[other] { $n } valori cancellati
}; la politica è invariata.
privacy-kind-text = Testo
privacy-kind-number = Numero
privacy-kind-date = Data
privacy-kind-choice = Scelta singola
privacy-kind-multi-choice = Scelta multipla
privacy-category-identity = Identità
privacy-category-contact = Recapiti
privacy-category-professional = Professionali
privacy-category-financial = Finanziari
privacy-category-demographic = Demografici
privacy-category-preferences = Preferenze
privacy-category-other = Altro
privacy-special-health = Salute
privacy-special-religion = Convinzioni religiose o filosofiche
privacy-special-political-opinion = Opinioni politiche
privacy-special-ethnic-origin = Origine razziale o etnica
privacy-special-trade-union = Appartenenza sindacale
privacy-special-genetic = Dati genetici
privacy-special-biometric = Dati biometrici
privacy-special-sex-life = Vita sessuale o orientamento sessuale

## Conservazione (retention.html) e revisioni da fare (reviews.html).
privacy-retention-title = Conservazione
privacy-retention-rules = Regole
privacy-retention-help = I dati di una persona sono conservati finché una delle finalità che la riguardano lo giustifica ancora; poi si applica la regola dell'ultima. I vincoli legali e le limitazioni la sospendono. Imposta una regola nella pagina della finalità.
privacy-retention-rule = Regola
privacy-retention-no-rule = nessuna regola
privacy-retention-dry-button = Simulazione: elenca chi verrebbe eliminato
privacy-retention-run-button = Esegui ora: elimina tutti coloro il cui tempo è scaduto
privacy-retention-daily = Il server esegue inoltre la pulizia una volta al giorno.
privacy-retention-result-dry = Simulazione: { $checked } contatti verificati, { $disposed } verrebbero eliminati
privacy-retention-result-run = Esecuzione: { $checked } contatti verificati, { $disposed } eliminati
privacy-retention-tally = Conservati: { $kept } · sospesi da un vincolo legale o da una limitazione: { $suspended } · nessuna finalità applicabile: { $none } · nessuna regola: { $norule }
privacy-retention-contact = Contatto
privacy-retention-expired-on = Scaduto il
privacy-retention-open = Apri
privacy-retention-past = Esecuzioni precedenti
privacy-retention-none-yet = Nessuna pulizia è stata ancora eseguita.
privacy-retention-started = Avviata
privacy-retention-by = Da
privacy-retention-checked = Verificati
privacy-retention-disposed = Eliminati
privacy-retention-dry = Simulazione
privacy-retention-run = Esecuzione
privacy-retention-unfinished = (non terminata: la prossima esecuzione la riprende)
privacy-reviews-title = Revisioni da fare
privacy-reviews-intro = I tuoi contatti non revisionati da { $days } giorni. Ogni scheda è ancora esatta e necessaria? Aprila e premi Segna come revisionato, correggila o eliminala.
privacy-reviews-none = Niente da revisionare.
privacy-reviews-last = Ultima revisione

## Posta in uscita (outbox.html).
privacy-outbox-title = Posta in uscita
privacy-outbox-intro = Posta accodata da Kith, dalla più recente. Senza un server SMTP configurato, i messaggi restano qui (stato «outbox»). L'apertura di un messaggio viene registrata nel registro di controllo.
privacy-outbox-message = Messaggio
privacy-outbox-to = A:
privacy-outbox-subject = Oggetto:
privacy-outbox-parting = Conferme di cancellazione
privacy-outbox-parting-help = L'ultimo messaggio a una persona cancellata su sua richiesta. Tenuto separato dai suoi dati cancellati, sigillato ed eliminato non appena consegnato, o dopo 7 giorni (invialo a mano da qui quando non c'è un server SMTP).
privacy-outbox-queued = In coda dal
privacy-outbox-status = Stato
privacy-outbox-attempts = Tentativi
privacy-outbox-empty = Ancora nessun messaggio.

## Pacchetto di prove (evidence.html).
privacy-evidence-recipients = Destinatari
privacy-evidence-dpias = DPIA
privacy-evidence-intro = Un unico archivio firmato da consegnare a un'autorità di controllo: ciò che Kith conserva sui tuoi trattamenti, com'era in un dato giorno. Le persone compaiono solo come pseudonimi (un hash con chiave che solo questa installazione può ricalcolare) e in conteggi: nessun nome, indirizzo o nota.
privacy-evidence-holds = Cosa contiene il pacchetto
privacy-evidence-holds-register = Il registro delle attività di trattamento (art. 30) in vigore quel giorno: CSV, HTML pronto per la stampa, DPV JSON-LD e il suo JSON canonico
privacy-evidence-holds-dpias = Le valutazioni d'impatto sulla protezione dei dati (art. 35)
privacy-evidence-holds-recipients = I destinatari con i loro accordi (art. 28) e le basi e i riferimenti dei trasferimenti (artt. 44–49)
privacy-evidence-holds-consent = Il consenso per finalità: conteggi degli eventi del registro per azione e informativa, i testi delle informative con il loro SHA-256
privacy-evidence-holds-requests = Il registro delle richieste: ricezione, scadenza, proroga, completamento, stato, esito; ogni persona come pseudonimo
privacy-evidence-holds-breaches = Il registro delle violazioni (art. 33, par. 5) con la sua cronologia e le notifiche; le persone come conteggi
privacy-evidence-holds-retention = Le esecuzioni della conservazione, con i conteggi per regola
privacy-evidence-holds-heads = Le teste della catena di controllo e del registro dei consensi quel giorno e oggi
privacy-evidence-holds-manifest = Un manifesto con lo SHA-256 di ogni file, firmato con Ed25519 (un JWS compatto)
privacy-evidence-build = Crea un pacchetto
privacy-evidence-as-of = Alla data (giorno, UTC; vuoto per adesso)
privacy-evidence-period = Periodo dei registri (richieste, eventi di consenso, violazioni, esecuzioni della conservazione; vuoto per tutto)
privacy-evidence-from = Dal
privacy-evidence-to = Al
privacy-evidence-purposes = Finalità (nessuna spuntata: tutte le finalità)
privacy-no-purpose-yet = Non è ancora definita alcuna finalità.
privacy-evidence-download = Crea e scarica
privacy-evidence-verify = Come l'autorità lo verifica
privacy-evidence-key = Il pacchetto è firmato con la chiave per le prove di questa installazione. La sua parte pubblica è pubblicata all'indirizzo:
privacy-evidence-thumbprint = La sua impronta (RFC 7638):
privacy-evidence-read-out = Leggila al revisore, così saprà che la chiave è la tua.
privacy-evidence-with-kith = Con Kith:
privacy-evidence-without-kith = Senza Kith:
privacy-evidence-needs = Lo script richiede la libreria standard di Python e il pacchetto
privacy-evidence-format = il formato è descritto in
privacy-evidence-checks = Entrambi verificano lo SHA-256 di ogni file, che nessun file sia stato aggiunto o rimosso, la firma e che i byte dell'archivio seguano esattamente la struttura canonica: qualsiasi byte modificato viene rifiutato.

retention-explain-no-purpose = Nessuna finalità si applica a questo contatto: nessuna regola di conservazione può farlo scadere. Valuta se è ancora necessario.
retention-explain-no-rule = Le finalità applicabili non hanno una regola di conservazione: i dati sono conservati finché si applicano.
retention-explain-kept-rule = Conservato: «{ $purpose }» lo giustifica ancora (regola: { $rule }); nessuna data di scadenza per ora.
retention-explain-kept = Conservato: «{ $purpose }» è in vigore e non ha una regola di conservazione.
retention-explain-expires = Scade il { $date } in base a «{ $purpose }» ({ $rule }).
retention-explain-held = Scaduto il { $date } in base a «{ $purpose }» ({ $rule }), ma un vincolo legale lo sospende finché non viene revocato (riesame il { $review }).
retention-explain-restricted = Scaduto il { $date } in base a «{ $purpose }» ({ $rule }), ma il trattamento è limitato (art. 18): è conservato finché la limitazione non viene revocata.
retention-explain-expired = Scaduto il { $date } in base a «{ $purpose }» ({ $rule }): la prossima verifica eseguirà questa azione: { $disposal }.
