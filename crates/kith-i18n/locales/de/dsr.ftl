dsr-title = Antrag
dsr-contact-page = Die Kontaktseite der Person
dsr-all-open = Alle offenen Anträge
# same as English
dsr-status = Status
dsr-received = Eingegangen
dsr-due = Fällig
dsr-overdue = überfällig
dsr-due-within-7 = fällig innerhalb von 7 Tagen
dsr-due-soon = bald fällig
dsr-clock-paused = Frist angehalten
dsr-identity = Identität
dsr-identity-verified = geprüft
dsr-identity-unverified = ungeprüft
# same as English
dsr-identity-how = { $state } ({ $method })
dsr-assigned-to = Zugewiesen an
dsr-extended = Verlängert
dsr-extension-text = { $n ->
        [one] { $n } Monat
       *[other] { $n } Monate
    }: { $reason }
dsr-outcome = Ergebnis
dsr-steps = Schritte
dsr-step-received = eingegangen
dsr-step-status = Status
dsr-step-verified = Identität geprüft
dsr-step-extended = verlängert
dsr-step-assigned = zugewiesen
dsr-step-note = Notiz
dsr-step-performed = ausgeführt
dsr-processors-told = Informierte Auftragsverarbeiter (Art. 19)
dsr-processor = Auftragsverarbeiter
dsr-asked-to = Aufgefordert zu
dsr-by = Über
dsr-sent = Gesendet
dsr-ack-by = Bestätigung bis
dsr-acked = Bestätigt
dsr-not-yet = noch nicht
dsr-acknowledged-on = bestätigt am { $time }
dsr-processor-gone = (nicht mehr im Verzeichnis)
dsr-notice-failed = fehlgeschlagen: { $error }
dsr-notice-not-sent = noch nicht gesendet
dsr-notice-not-sent-error = noch nicht gesendet ({ $error })
dsr-processor-action-erasure = Die Person löschen (Art. 17)
dsr-processor-action-rectification = Die Daten der Person berichtigen (Art. 16)
dsr-processor-action-restriction = Die Verarbeitung einschränken (Art. 18)
dsr-processor-action-restriction-lifted = Die Einschränkung ist aufgehoben (Art. 18 Abs. 3)
# same as English
dsr-export = Export
dsr-export-prepare = Den Export vorbereiten, der diesen Antrag beantwortet:
# same as English
dsr-export-csv = CSV (zip)
# same as English
dsr-export-vcard = vCard
dsr-export-text = Die Dateien werden mit dem Schlüssel der Person verschlüsselt, sind für die Person im Portal abrufbar und werden nach Ablauf automatisch gelöscht. Das JSON folgt kith-access-export/1.
dsr-files = Vorbereitete Dateien
dsr-file-until = verfügbar bis { $date }
dsr-exceptions = Vor dem Löschen: mögliche Ausnahmen
dsr-exceptions-text = Trotzdem löschen oder den Antrag mit der unten angegebenen Begründung ablehnen (oder teilweise erledigen): Die Person wird informiert.
dsr-act = Bearbeiten
dsr-perform-text = In einem Schritt erledigt, sobald die Identität geprüft ist; der Antrag ist dann abgeschlossen.
dsr-perform-erasure = Person jetzt löschen
dsr-perform-restriction = Verarbeitung jetzt einschränken
dsr-perform-withdraw-consent = Alle Einwilligungen jetzt widerrufen
dsr-new-status = Neuer Status
dsr-reason-done = Begründung oder was getan wurde (wird der Person bei Abschluss oder Ablehnung mitgeteilt)
dsr-change-status = Status ändern
dsr-verified-by = Identität geprüft durch
dsr-verified-by-placeholder = z. B. Rückruf unter der hinterlegten Nummer
dsr-record-verification = Prüfung erfassen
dsr-extend-by = Verlängern um
dsr-months = { $n ->
        [one] { $n } Monat
       *[other] { $n } Monate
    }
dsr-extend-reason = Begründung (wird der Person mitgeteilt)
dsr-extend = Einmal verlängern
dsr-assign-to = Zuweisen an
dsr-nobody = Niemand
dsr-assign = Zuweisen
dsr-note = Notiz
dsr-add-note = Notiz hinzufügen
dsr-choose-format = Wählen Sie ein Format.
dsr-choose-status = Wählen Sie einen Status.
dsr-choose-operator = Wählen Sie einen Bearbeiter.
dsr-choose-action = Wählen Sie, was geschehen soll.
dsr-choose-kind = Wählen Sie die Art des Antrags.
dsr-choose-channel = Wählen Sie, wie er eingegangen ist.

dsr-queue-title = Anträge
dsr-queue-heading = Anträge betroffener Personen
dsr-queue-intro = Offene Anträge nach Fälligkeit: ein Monat ab Eingang, zuzüglich einer etwaigen Verlängerung und der Zeit, in der die Frist ruhte, während die Person um etwas gebeten wurde.
dsr-queue-show-all = Alle offenen Anträge anzeigen
dsr-queue-only-due = Nur überfällige und innerhalb von 7 Tagen fällige
dsr-queue-empty = Keine offenen Anträge.
dsr-contact = Kontakt
dsr-contact-link = Kontakt
dsr-queue-processors-heading = Auftragsverarbeiter ohne Bestätigung (überfällig)
dsr-queue-processors-text = Löschungen, Berichtigungen und Einschränkungen, die an Auftragsverarbeiter gesendet (Art. 19) und nicht rechtzeitig bestätigt wurden.
dsr-queue-notice = { $recipient }: { $action }, fällig am { $date }
dsr-queue-the-request = der Antrag

dsr-kind-access = Auskunft (Art. 15)
dsr-kind-portability = Datenübertragbarkeit (Art. 20)
dsr-kind-rectification = Berichtigung (Art. 16)
dsr-kind-erasure = Löschung (Art. 17)
dsr-kind-restriction = Einschränkung (Art. 18)
dsr-kind-objection = Widerspruch (Art. 21)
dsr-kind-withdraw-consent = Widerruf der Einwilligung (Art. 7 Abs. 3)
# same as English
dsr-kind-information = Information (Art. 13–15)
dsr-kind-automated-decision-review = Überprüfung einer automatisierten Entscheidung (Art. 22)
dsr-channel-portal = Datenschutzportal
dsr-channel-email = E-Mail
dsr-channel-phone = Anruf
dsr-channel-letter = Brief
dsr-channel-staff = Mitarbeitende
dsr-status-received = Eingegangen
dsr-status-verifying = Identitätsprüfung
dsr-status-in-progress = In Bearbeitung
dsr-status-waiting-on-subject = Wartet auf die Person
dsr-status-completed = Erledigt
dsr-status-rejected = Abgelehnt
dsr-status-withdrawn = Zurückgezogen
