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
    [one] { $n } contatto
   *[other] { $n } contatti
}.
contacts-bulk-will-remove-tag = Verrà rimossa l'etichetta “{ $x }” da { $n ->
    [one] { $n } contatto
   *[other] { $n } contatti
}.
contacts-bulk-will-assign-owner = { $x } diventerà responsabile di { $n ->
    [one] { $n } contatto
   *[other] { $n } contatti
}.
contacts-bulk-will-remove-owner = Verrà tolto il responsabile a { $n ->
    [one] { $n } contatto
   *[other] { $n } contatti
}.
contacts-bulk-will-set-basis = Verrà registrata la base giuridica “{ $x }” per { $n ->
    [one] { $n } contatto
   *[other] { $n } contatti
}.
contacts-bulk-will-request-consent = Verrà inviata per email una richiesta di consenso a { $n ->
    [one] { $n } contatto
   *[other] { $n } contatti
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
