audit-title = Audit-Protokoll
audit-intro = Jeder Lesezugriff, jede Änderung und jeder Export personenbezogener Daten, die ältesten zuerst. Einträge enthalten IDs, nie personenbezogene Werte; der Hash jedes Eintrags umfasst den vorherigen.
audit-contact-id = Kontakt-ID
audit-contact-id-placeholder = die ID in der Adresse eines Kontakts
audit-by-user = Von Benutzer
audit-anyone = Alle
audit-show = Einträge anzeigen
audit-verify = Die ganze Kette prüfen
audit-empty = Keine passenden Einträge.
audit-caption = Audit-Einträge
audit-when = Wann
audit-who = Wer
audit-action = Aktion
audit-contact = Kontakt
audit-object = Objekt
audit-request = Anfrage
audit-via-token = über API-Token { $token }
audit-changes-link = Änderungen
audit-next = Nächste Seite →
audit-chain-intact = Die Kette ist intakt: { $n ->
        [one] { $n } Eintrag geprüft
       *[other] { $n } Einträge geprüft
    }.
audit-chain-broken = Die Kette ist bei Eintrag { $seq } unterbrochen: { $reason }.
audit-subject-invalid = muss eine Kontakt-ID sein
audit-user-invalid = ist keine gültige Auswahl
audit-changes-title = Änderungen von Eintrag { $seq }
audit-changes-heading = Änderungen von Audit-Eintrag { $seq }
audit-changes-intro = Die Werte vorher und nachher, verschlüsselt mit dem Schlüssel der Person aufbewahrt: Sie verschwinden mit der Person, wenn diese gelöscht wird. Das Öffnen wird selbst im Audit-Protokoll erfasst.
audit-changes-caption = Geänderte Felder
audit-field = Feld
audit-before = Vorher
audit-after = Nachher
audit-back = Zurück zum Audit-Protokoll

audit-changed-first-name = Vorname
audit-changed-last-name = Nachname
audit-changed-emails = E-Mail-Adressen
audit-changed-phones = Telefonnummern
audit-changed-address = Adresse
audit-changed-job-title = Position
audit-changed-notes = Notizen
audit-changed-interaction-bodies = Texte der Interaktionen
