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
    [one] <strong>{ $n }</strong> Kontakt
   *[other] <strong>{ $n }</strong> Kontakten
} hinzugefügt.
contacts-bulk-will-remove-tag = Das Schlagwort „{ $x }“ wird bei { $n ->
    [one] <strong>{ $n }</strong> Kontakt
   *[other] <strong>{ $n }</strong> Kontakten
} entfernt.
contacts-bulk-will-assign-owner = { $x } wird verantwortlich für { $n ->
    [one] <strong>{ $n }</strong> Kontakt
   *[other] <strong>{ $n }</strong> Kontakte
}.
contacts-bulk-will-remove-owner = Bei { $n ->
    [one] <strong>{ $n }</strong> Kontakt
   *[other] <strong>{ $n }</strong> Kontakten
} wird die verantwortliche Person entfernt.
contacts-bulk-will-set-basis = Die Rechtsgrundlage „{ $x }“ wird für { $n ->
    [one] <strong>{ $n }</strong> Kontakt
   *[other] <strong>{ $n }</strong> Kontakte
} erfasst.
contacts-bulk-will-request-consent = An { $n ->
    [one] <strong>{ $n }</strong> Kontakt
   *[other] <strong>{ $n }</strong> Kontakte
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

contacts-one = Kontakt
contacts-back = ← Kontakte
contacts-details = Angaben
contacts-email = E-Mail
contacts-phone = Telefon
contacts-address = Adresse
contacts-tags = Schlagwörter
contacts-created = Angelegt
contacts-source = Herkunft
contacts-field-policy = Feldrichtlinie
contacts-changed = Geändert
contacts-edit = Bearbeiten
contacts-not-saved = Es wurde nichts gespeichert. Bitte korrigieren Sie die unten markierten Felder.
contacts-save = Speichern
contacts-saved = Änderungen gespeichert.
contacts-created-notice = Kontakt angelegt.
contacts-added = Zum Verlauf hinzugefügt.
contacts-erasure-requested = Ein Löschantrag wurde im Register erfasst: Das Datenschutzteam prüft ihn und führt ihn aus.
contacts-policy-version = Felder zuletzt unter Version { $version } der Feldrichtlinie geschrieben
contacts-policy-none = Felder erfasst, bevor Kith eine Feldrichtlinie führte
contacts-source-by = { $what } — von { $who }, { $when }
contacts-source-at = { $what } — { $when }
contacts-source-none = Nicht erfasst (angelegt, bevor Kith die Herkunft festhielt)
contacts-source-detail = { $kind }: { $detail }
contacts-source-created-in-source = { $what } (in der Quelle angelegt am { $date })
contacts-activity = Aktivität
contacts-add-to-timeline = Zum Verlauf hinzufügen
contacts-add-a = Hinzufügen:
contacts-kind-note = Notiz
contacts-kind-call = Anruf
contacts-kind-email = E-Mail
contacts-kind-meeting = Besprechung
contacts-what-happened = Was ist geschehen
contacts-add = Hinzufügen
contacts-timeline-empty = Noch nichts erfasst. Notizen, Anrufe, E-Mails, Besprechungen und Änderungen an Geschäften erscheinen hier, die neuesten zuerst.
contacts-text-hidden = (Text für Ihre Rolle ausgeblendet)
contacts-deal-moved = „{ $title }“ von { $from } nach { $to } verschoben
contacts-deal-created = „{ $title }“ in { $stage } angelegt
contacts-deals = Geschäfte
contacts-no-deals = Keine Geschäfte mit diesem Kontakt.
contacts-delete = Löschen
contacts-delete-summary = Diesen Kontakt löschen…
contacts-delete-text = Dies löscht den Kontakt, seinen Verlauf und alle seine personenbezogenen Daten endgültig. Es kann nicht rückgängig gemacht werden. Ein Kontakt unter einer Aufbewahrungspflicht (Legal Hold) oder einer Einschränkung wird erst gelöscht, wenn diese aufgehoben ist.
contacts-delete-for-good = Endgültig löschen
contacts-erasure-text = Ihre Rolle stellt einen Löschantrag: Das Datenschutzteam prüft, ob die Daten aufbewahrt werden müssen (Aufbewahrungspflicht, Einschränkung, Art. 17 Abs. 3), und löscht sie dann.
contacts-request-erasure = Löschung beantragen
contacts-who-read = Wer diesen Kontakt gelesen oder geändert hat

contacts-privacy = Datenschutz
contacts-undeliverable = Ein Mailserver hat eine Adresse dieser Person dauerhaft abgelehnt ({ $dates }): Kampagnen überspringen sie, bis die Adresse geändert wird.
contacts-restricted-title = Verarbeitung eingeschränkt
contacts-restricted-text = seit { $since } (Art. 18 DSGVO): nur gespeichert — keine Änderungen, Notizen, Sendungen oder Sammelaktionen.
contacts-lift-restriction = Einschränkung aufheben
contacts-restrict = Verarbeitung einschränken
contacts-art14-send = Information nach Art. 14 senden
contacts-art14-sent = Information nach Art. 14 gesendet am { $date } ({ $how }, auf { $language })
contacts-art14-not-sent = Information nach Art. 14 nicht gesendet
contacts-art14-from-import = von der Seite des Imports
contacts-art14-automatically = automatisch
contacts-art14-by-staff = durch Mitarbeitende
contacts-language-en = Englisch
contacts-language-it = Italienisch
contacts-language-fr = Französisch
contacts-language-bg = Bulgarisch
contacts-language-de = Deutsch
contacts-language-es = Spanisch
contacts-retention = Aufbewahrung
contacts-hold-title = Aufbewahrungspflicht (Legal Hold)
contacts-hold-text = — die Aufbewahrungsregeln löschen diesen Kontakt nicht. Grund: { $reason }. Überprüfung am { $date }.
contacts-release-hold = Aufbewahrungspflicht aufheben
contacts-place-hold = Aufbewahrungspflicht festlegen
contacts-hold-reason = Grund (z. B. das Verfahren, in dem die Daten Beweismittel sind)
contacts-hold-review-on = Überprüfung am
contacts-hold-place = Aufbewahrungspflicht festlegen
contacts-review-due = Überprüfung fällig:
contacts-review-question = Ist dieser Datensatz noch richtig und erforderlich?
contacts-last-reviewed = Zuletzt überprüft am { $date }.
contacts-mark-reviewed = Als überprüft markieren: richtig und weiterhin erforderlich
contacts-objections = Widersprüche
contacts-uphold = Stattgeben
contacts-override = Zurückweisen (zwingende Gründe)
contacts-requests = Anträge (Betroffenenrechte nach DSGVO)
contacts-no-requests = Keine Anträge dieser Person.
contacts-request-line = { $status }, eingegangen am { $received }
contacts-request-line-due = { $status }, eingegangen am { $received }, fällig am { $due }
contacts-register-request = Antrag erfassen
contacts-person-asks = Die betroffene Person verlangt
contacts-received-by = Eingegangen per
contacts-note = Notiz
contacts-register = Antrag erfassen
contacts-no-purposes = Es sind noch keine Zwecke festgelegt.
contacts-may-we-contact = Dürfen wir diese Person kontaktieren?
contacts-consent-history = Verlauf der Einwilligungen ({ $n })
contacts-receipt = Beleg
contacts-request-consent = Einwilligung anfragen
contacts-set-basis = Rechtsgrundlage festlegen
contacts-purpose = Zweck
contacts-basis = Rechtsgrundlage
contacts-lia-ref = Referenz der Abwägung (bei berechtigten Interessen)
contacts-ends-on = Endet am (Vertragsende, falls bekannt)
contacts-save-basis = Rechtsgrundlage speichern
contacts-record-objection-title = Widerspruch erfassen (Art. 21)
contacts-person-objects = Die Person widerspricht
contacts-record-objection = Widerspruch erfassen
contacts-record-consent-title = Telefonisch oder schriftlich erteilte Einwilligung erfassen
contacts-consent-given = Einwilligung erteilt
contacts-how = Wie
contacts-channels = Kanäle
contacts-affirmative-act = Was die Person gesagt oder getan hat
contacts-evidence = Nachweis (Aufzeichnungs-ID, eingescanntes Formular)
contacts-record = Erfassen
contacts-badge-no-email = Keine E-Mails: { $purpose }
contacts-badge-no-phone = Keine Anrufe: { $purpose }
contacts-badge-no-sms = Keine SMS: { $purpose }
contacts-badge-no-post = Keine Post: { $purpose }
contacts-badge-awaiting = { $channel }: { $purpose } — Antwort ausstehend seit { $date }
contacts-badge-not-responded = { $channel }: { $purpose } — keine Antwort
contacts-badge-expired = { $channel }: { $purpose } — Einwilligung abgelaufen
contacts-badge-ok = { $channel }: { $purpose } ✓
contacts-basis-source-named = { $source } „{ $name }“
contacts-basis-detail = { $source }, seit { $date }, festgelegt von { $who }
contacts-basis-detail-lia = { $source }, Abwägung { $lia }, seit { $date }, festgelegt von { $who }
contacts-the-system = dem System

contacts-event-note = Notiz
contacts-event-call = Anruf
contacts-event-email = E-Mail
contacts-event-meeting = Besprechung
contacts-event-deal = Geschäft

contacts-source-manual = Von Mitarbeitenden erfasst
contacts-source-web-form = Webformular
# same as English
contacts-source-import = Import
# same as English
contacts-source-api = API

contacts-bsource-web-form = Webformular
# same as English
contacts-bsource-import = Import
contacts-bsource-manual = Manuelle Eingabe
contacts-bsource-api-client = API-Client

contacts-channel-email = E-Mail
contacts-channel-phone = Telefon
# same as English
contacts-channel-sms = SMS
# same as English
contacts-channel-post = Post

contacts-action-requested = Angefragt
contacts-action-given = Erteilt
contacts-action-refused = Abgelehnt
contacts-action-withdrawn = Widerrufen
contacts-action-expired = Abgelaufen
contacts-method-web-form = Webformular
# same as English
contacts-method-double-opt-in = Double opt-in
contacts-method-portal = Datenschutzportal
contacts-method-phone = Telefon
contacts-method-paper = Papierformular
# same as English
contacts-method-import = Import
# same as English
contacts-method-api = API

contacts-decision-pending = Entscheidung ausstehend
contacts-decision-upheld = Stattgegeben: Verarbeitung beendet
contacts-decision-overridden = Zurückgewiesen: zwingende schutzwürdige Gründe erfasst

contacts-dsr-access = Auskunft (Art. 15)
contacts-dsr-portability = Datenübertragbarkeit (Art. 20)
contacts-dsr-rectification = Berichtigung (Art. 16)
contacts-dsr-erasure = Löschung (Art. 17)
contacts-dsr-restriction = Einschränkung (Art. 18)
contacts-dsr-objection = Widerspruch (Art. 21)
contacts-dsr-withdraw-consent = Widerruf der Einwilligung (Art. 7 Abs. 3)
# same as English
contacts-dsr-information = Information (Art. 13–15)
contacts-dsr-automated-decision-review = Überprüfung einer automatisierten Entscheidung (Art. 22)
contacts-dsr-channel-portal = Datenschutzportal
contacts-dsr-channel-email = E-Mail
contacts-dsr-channel-phone = Anruf
contacts-dsr-channel-letter = Brief
contacts-dsr-channel-staff = Mitarbeitende

contacts-list-title = Kontakte
contacts-list-new = + Neuer Kontakt
contacts-list-reviews = Fällige Überprüfungen
contacts-list-saved-views = Gespeicherte Ansichten
contacts-list-saved-views-label = Gespeicherte Ansichten:
contacts-list-delete-view = Ansicht { $name } löschen
contacts-list-search = Suchen
contacts-list-search-placeholder = Name, E-Mail oder Telefon
contacts-list-filters = Filter, Sortierung und Spalten
contacts-list-anyone = Alle
contacts-list-tag = Schlagwort
contacts-list-any = Beliebig
contacts-list-created-from = Angelegt ab
contacts-list-created-to = Angelegt bis
contacts-list-sort = Sortierung
contacts-list-columns = Spalten
contacts-list-clear = Zurücksetzen
contacts-list-consent-basis = Einwilligung & Rechtsgrundlage
contacts-list-active-conditions = Aktive Bedingungen
contacts-list-remove-condition = Bedingung { $condition } entfernen
contacts-list-act-on-all = auf alle anwenden
contacts-list-add-condition-label = Bedingung hinzufügen
contacts-list-condition = Bedingung
contacts-list-channel = Kanal
contacts-list-consent-state = Stand der Einwilligung
contacts-list-add-condition = Bedingung hinzufügen
contacts-list-save-as-segment = Als Segment speichern
contacts-list-save-filters-segment = Diese Filter als Segment speichern
contacts-list-save-segment = Segment speichern
contacts-list-saved-segments = Gespeicherte Segmente
contacts-list-start-again = neu beginnen
contacts-list-save-this-view = Diese Ansicht speichern
contacts-list-save-as-view = Filter, Sortierung und Spalten als Ansicht speichern
contacts-list-save-view = Ansicht speichern
contacts-list-first-run-add-import = <strong>Noch keine Kontakte</strong> — <a href="/contacts/new">legen Sie einen an</a> oder importieren Sie eine CSV-Datei (<a href="/import">Kontakte importieren</a> oder <code>kith import contacts</code>). Für einen Rundgang füllt <code>kith demo</code> Kith mit fiktiven Beispieldaten.
contacts-list-first-run-add = <strong>Noch keine Kontakte</strong> — <a href="/contacts/new">legen Sie einen an</a> oder importieren Sie eine CSV-Datei (Dateien importieren Administratoren oder der DSB). Für einen Rundgang füllt <code>kith demo</code> Kith mit fiktiven Beispieldaten.
contacts-list-first-run-import = <strong>Noch keine Kontakte</strong>: Importieren Sie eine CSV-Datei (<a href="/import">Kontakte importieren</a> oder <code>kith import contacts</code>). Für einen Rundgang füllt <code>kith demo</code> Kith mit fiktiven Beispieldaten.
contacts-list-first-run = <strong>Noch keine Kontakte</strong>: CSV-Dateien importieren Administratoren oder der DSB. Für einen Rundgang füllt <code>kith demo</code> Kith mit fiktiven Beispieldaten.
contacts-list-no-match = Keine Kontakte gefunden.
contacts-list-no-match-search = Keine Kontakte entsprechen dieser Suche.
contacts-list-no-match-filters = Keine Kontakte entsprechen diesen Filtern.
contacts-list-no-match-both = Keine Kontakte entsprechen dieser Suche und diesen Filtern.
contacts-list-show-all = Alle Kontakte anzeigen
contacts-list-request-all = Einwilligung von allen passenden Kontakten anfragen…
contacts-list-bulk-action = Sammelaktion
contacts-list-selected-rows = Ausgewählte Zeilen
contacts-list-all-matching = Alle Kontakte, die dieser Suche und diesem Filter entsprechen
contacts-list-all-contacts = Alle Kontakte — ausnahmslos
contacts-list-action = Aktion
contacts-list-assign-owner = Verantwortliche Person zuweisen
contacts-list-add-tag = Schlagwort hinzufügen
contacts-list-remove-tag = Schlagwort entfernen
contacts-list-request-by-email = Einwilligung per E-Mail anfragen
contacts-list-owner-for-assign = Verantwortlich (für „Verantwortliche Person zuweisen“)
contacts-list-tag-for = Schlagwort (zum Hinzufügen / Entfernen)
contacts-list-review = Prüfen…
contacts-list-basis-options = Optionen für Rechtsgrundlage und Einwilligungsanfrage
contacts-list-basis-for-set = Rechtsgrundlage (für „Rechtsgrundlage festlegen“)
contacts-list-source-name = Name der Quelle (Datei, Formular, Client)
contacts-list-lia-ref = Referenz der Abwägung (berechtigte Interessen)
contacts-list-effective = Gültig ab
contacts-list-notice-for = Datenschutzhinweis (für „Einwilligung anfragen“)
contacts-list-mail-subject = Betreff der E-Mail
contacts-list-mail-text = Text der E-Mail
contacts-list-days-to-answer = Tage für die Antwort
contacts-list-select-page = Alle auf dieser Seite auswählen
contacts-list-select = { $name } auswählen
# same as English
contacts-list-name = Name
contacts-list-consent-col = Einwilligung: { $purpose }
contacts-list-next-page = Nächste Seite →
contacts-list-first-page = ↑ Erste Seite
contacts-list-changed = { $n ->
    [one] { $n } Kontakt geändert.
   *[other] { $n } Kontakte geändert.
}
contacts-list-requested = { $n ->
    [one] Einwilligung bei { $n } Kontakt angefragt.
   *[other] Einwilligung bei { $n } Kontakten angefragt.
}
contacts-list-deleted = Der Kontakt und alle seine personenbezogenen Daten wurden gelöscht.
contacts-list-view-saved = Ansicht gespeichert.
contacts-list-view-deleted = Ansicht gelöscht.
contacts-list-match-count = { $n ->
    [one] { $n } Kontakt passt
   *[other] { $n } Kontakte passen
}
contacts-list-no-basis = Keine Rechtsgrundlage
contacts-list-choose-source = wählen Sie eine Herkunft aus der Liste
contacts-list-choose-channel = wählen Sie einen Kanal
contacts-list-choose-basis = wählen Sie eine Rechtsgrundlage (oder keine)
contacts-list-choose-state = wählen Sie einen Stand der Einwilligung
contacts-list-choose-condition = wählen Sie eine Bedingung
contacts-list-unknown-purpose = ein unbekannter Zweck
contacts-sort-newest = Neueste zuerst
contacts-sort-oldest = Älteste zuerst
contacts-sort-recently-changed = Zuletzt geändert
contacts-sort-least-recently-changed = Am längsten nicht geändert

contacts-col-email = E-Mail
contacts-col-phone = Telefon
contacts-col-job-title = Position
contacts-col-company = Unternehmen
contacts-col-owner = Verantwortlich
contacts-col-tags = Schlagwörter
contacts-col-created = Angelegt
contacts-col-updated = Geändert

contacts-cond-may = Darf kontaktiert werden (Zweck, Kanal)
contacts-cond-may-not = Darf nicht kontaktiert werden (Zweck, Kanal)
contacts-cond-basis = Rechtsgrundlage ist (Zweck, Rechtsgrundlage)
contacts-cond-consent = Stand der Einwilligung ist (Zweck, Kanal, Stand)
contacts-cond-objected = Hat dem Zweck widersprochen
contacts-cond-objected-any = Hat irgendeinem Zweck widersprochen
contacts-cond-old-notice = Einwilligung unter einem älteren Datenschutzhinweis (Zweck)
contacts-cond-restricted = Verarbeitung eingeschränkt
contacts-cond-not-restricted = Verarbeitung nicht eingeschränkt
contacts-cond-review-due = Überprüfung fällig
contacts-chip-basis = { $purpose }: Rechtsgrundlage { $basis }
contacts-chip-no-basis = { $purpose }: keine Rechtsgrundlage
contacts-chip-consent = { $purpose }: Einwilligung { $channel } { $state }
contacts-chip-may = { $purpose }: Kontakt per { $channel } erlaubt
contacts-chip-may-not = { $purpose }: Kontakt per { $channel } nicht erlaubt
contacts-chip-objected = { $purpose }: Widerspruch
contacts-chip-old-notice = { $purpose }: Einwilligung unter einem älteren Datenschutzhinweis

contacts-badge-unknown = Unbekannt
contacts-badge-no-basis = keine Rechtsgrundlage
contacts-badge-title-may = Rechtsgrundlage: { $basis }; E-Mail-Einwilligung: { $state }; E-Mails erlaubt
contacts-badge-title-may-not = Rechtsgrundlage: { $basis }; E-Mail-Einwilligung: { $state }; keine E-Mails erlaubt

contacts-state-none = Kein Eintrag
contacts-state-awaiting = Antwort ausstehend
contacts-state-not-responded = Keine Antwort
contacts-state-given = Erteilt
contacts-state-refused = Abgelehnt
contacts-state-withdrawn = Widerrufen
contacts-state-expired = Abgelaufen

contacts-choose-kind = wählen Sie Notiz, Anruf, E-Mail oder Besprechung
contacts-bad-emails = jede Zeile muss eine E-Mail-Adresse wie name@example.com sein
contacts-special-not-allowed = Ihre Rolle darf Felder besonderer Kategorien nicht ändern

contacts-special-health = Gesundheit
contacts-special-religion = Religiöse oder weltanschauliche Überzeugungen
contacts-special-political-opinion = Politische Meinungen
contacts-special-ethnic-origin = Rassische oder ethnische Herkunft
contacts-special-trade-union = Gewerkschaftszugehörigkeit
contacts-special-genetic = Genetische Daten
contacts-special-biometric = Biometrische Daten
contacts-special-sex-life = Sexualleben oder sexuelle Orientierung
contacts-special-criminal = Strafrechtliche Verurteilungen und Straftaten
