audit-title = Registro di audit
audit-intro = Ogni lettura, modifica ed esportazione di dati personali, dalla più vecchia. Le voci contengono identificativi, mai valori personali; l'hash di ogni voce copre quella precedente.
audit-contact-id = ID del contatto
audit-contact-id-placeholder = l'ID nell'indirizzo di un contatto
audit-by-user = Dell'utente
audit-anyone = Chiunque
audit-show = Mostra le voci
audit-verify = Verifica l'intera catena
audit-empty = Nessuna voce corrispondente.
audit-caption = Voci di audit
audit-when = Quando
audit-who = Chi
audit-action = Azione
audit-contact = Contatto
audit-object = Oggetto
audit-request = Richiesta
audit-via-token = tramite il token API { $token }
audit-changes-link = modifiche
audit-next = Pagina successiva →
audit-chain-intact = La catena è integra: { $n ->
        [one] { $n } voce verificata
       *[other] { $n } voci verificate
    }.
audit-chain-broken = La catena è interrotta alla voce { $seq }: { $reason }.
audit-subject-invalid = deve essere l'ID di un contatto
audit-user-invalid = non è una scelta valida
audit-changes-title = Modifiche della voce { $seq }
audit-changes-heading = Modifiche della voce di audit { $seq }
audit-changes-intro = I valori prima e dopo, conservati cifrati con la chiave della persona: scompaiono con la persona se viene cancellata. Anche la loro apertura viene registrata nel registro di audit.
audit-changes-caption = Campi modificati
audit-field = Campo
audit-before = Prima
audit-after = Dopo
audit-back = Torna al registro di audit

audit-changed-first-name = nome
audit-changed-last-name = cognome
audit-changed-emails = email
audit-changed-phones = telefoni
audit-changed-address = indirizzo
audit-changed-job-title = qualifica
audit-changed-notes = note
audit-changed-interaction-bodies = testi delle interazioni
