contacts-new-title = Neuer Kontakt
contacts-correct-fields = Bitte korrigieren Sie die unten markierten Felder.
contacts-create = Kontakt anlegen
contacts-cancel = Abbrechen
contacts-back-to-list = Zurück zur Liste
contacts-bad-date = muss ein Datum wie 2026-01-31 sein
contacts-bad-choice = ist keine gültige Auswahl

contacts-first-name = Vorname
contacts-last-name = Nachname
contacts-job-title = Position
contacts-emails-field = E-Mail-Adressen (eine pro Zeile)
contacts-phones-field = Telefonnummern (eine pro Zeile)
contacts-owner = Verantwortlich
contacts-nobody = Niemand
contacts-company = Unternehmen
contacts-no-company = Keines
contacts-tags-field = Schlagwörter (durch Kommas getrennt)
contacts-postal-address = Postanschrift
contacts-street = Straße
contacts-postal-code = Postleitzahl
contacts-city = Ort
# same as English
contacts-region = Region
contacts-country = Land
contacts-notes = Notizen
contacts-custom-fields = Eigene Felder
contacts-special-category = (besondere Kategorie: { $category })
contacts-stale-choice = (keine Auswahlmöglichkeit mehr)

contacts-bulk-confirm-title = Sammeländerung bestätigen
contacts-bulk-none-match = Keine Kontakte entsprechen dieser Suche und diesem Filter, es gibt also nichts zu ändern.
contacts-bulk-none-exist = Keiner der angehakten Kontakte existiert noch, es gibt also nichts zu ändern.
contacts-bulk-none-ticked = Es sind keine Zeilen angehakt. Gehen Sie zurück, haken Sie Zeilen an oder wählen Sie „Alle passenden Kontakte“.
contacts-bulk-will-add-tag = Das Schlagwort „{ $x }“ wird { $n ->
    [one] { $n } Kontakt
   *[other] { $n } Kontakten
} hinzugefügt.
contacts-bulk-will-remove-tag = Das Schlagwort „{ $x }“ wird bei { $n ->
    [one] { $n } Kontakt
   *[other] { $n } Kontakten
} entfernt.
contacts-bulk-will-assign-owner = { $x } wird verantwortlich für { $n ->
    [one] { $n } Kontakt
   *[other] { $n } Kontakte
}.
contacts-bulk-will-remove-owner = Bei { $n ->
    [one] { $n } Kontakt
   *[other] { $n } Kontakten
} wird die verantwortliche Person entfernt.
contacts-bulk-will-set-basis = Die Rechtsgrundlage „{ $x }“ wird für { $n ->
    [one] { $n } Kontakt
   *[other] { $n } Kontakte
} erfasst.
contacts-bulk-will-request-consent = An { $n ->
    [one] { $n } Kontakt
   *[other] { $n } Kontakte
} wird eine Einwilligungsanfrage per E-Mail gesendet (Kontakte ohne E-Mail-Adresse oder mit bereits erteilter Antwort werden übersprungen).
contacts-bulk-send-to = { $n ->
    [one] An { $n } Kontakt senden
   *[other] An { $n } Kontakte senden
}
contacts-bulk-change = { $n ->
    [one] { $n } Kontakt ändern
   *[other] { $n } Kontakte ändern
}
contacts-bulk-choose-basis = wählen Sie eine Rechtsgrundlage
contacts-bulk-choose-source = wählen Sie, woher die Rechtsgrundlage stammt
contacts-bulk-choose-purpose = wählen Sie einen Zweck
contacts-bulk-choose-purpose-notice = wählen Sie einen Zweck und einen Datenschutzhinweis
contacts-bulk-choose-action = wählen Sie eine Aktion

contacts-segments-title = Segmente
contacts-segments-build = Eines in der Kontaktliste erstellen
contacts-segments-intro = Ein Segment sind die Filter der Kontaktliste unter einem Namen: Bedingungen zu Rechtsgrundlage, Einwilligung, wer kontaktiert werden darf (dieselbe Regel wie bei jedem Versand), Einschränkung, Widerspruch, Version des Datenschutzhinweises und Überprüfung, dazu die Filter nach verantwortlicher Person, Schlagwort, Unternehmen und Herkunft. Ihre eigenen oder mit dem Team geteilte.
contacts-segments-empty = Noch keine Segmente. Filtern Sie die <a href="/contacts#segment">Kontaktliste</a> und wählen Sie dann „Segment speichern“.
# same as English
contacts-segments-name = Name
contacts-segments-count = Kontakte derzeit
contacts-segments-shared = Geteilt
contacts-segments-changed = Geändert
contacts-segments-actions = Aktionen
contacts-segments-colleagues = (von einer Kollegin oder einem Kollegen)
contacts-segments-with-team = Mit dem Team
contacts-segments-owner-only = Nur die eigene Person
contacts-segments-stop-sharing = Nicht mehr teilen
contacts-segments-share = Mit dem Team teilen
contacts-segments-delete = Löschen
contacts-segments-delete-named = Segment { $name } löschen
contacts-segments-saved = Segment gespeichert.
contacts-segments-sharing-changed = Freigabe geändert.
contacts-segments-deleted = Segment gelöscht.

contacts-basis-not-applicable = Nicht zutreffend
contacts-basis-consent = Einwilligung
contacts-basis-contract = Vertrag
contacts-basis-legal-obligation = Rechtliche Verpflichtung
contacts-basis-vital-interests = Lebenswichtige Interessen
contacts-basis-public-task = Öffentliche Aufgabe
contacts-basis-legitimate-interests = Berechtigte Interessen
