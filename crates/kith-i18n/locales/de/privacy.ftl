## Datenschutz-Übersicht (privacy.html) und ihre Diagramme.
privacy-title = Datenschutz
privacy-heading = Datenschutz-Übersicht
privacy-intro = { $contacts ->
    [one] { $contacts } Kontakt
   *[other] { $contacts } Kontakte
}. Zahlen je Zweck: erfasste Rechtsgrundlage und Einwilligung je Kanal nach aktuellem Stand (abgelaufene Einwilligungen und unbeantwortete Anfragen werden als solche gezählt).
privacy-accountability = Rechenschaftspflicht:
privacy-link-register = Verzeichnis von Verarbeitungstätigkeiten
privacy-link-recipients = Empfänger und Übermittlungen
privacy-link-breaches = Datenschutzverletzungen
privacy-link-setup = Zwecke, Datenschutzhinweise, Abonnements und Formulare
privacy-link-outbox = Postausgang
privacy-link-import = Kontakte importieren
privacy-link-retention = Aufbewahrung
privacy-link-fields = Feldrichtlinie
privacy-link-evidence = Nachweispaket
privacy-art14-heading = Informationen nach Art. 14
privacy-art14-text = Personen, deren Daten aus einem Import oder einer Eingabe durch Mitarbeitende stammen, werden einmalig innerhalb eines Monats informiert, wer die Daten hat, warum, woher sie stammen und welche Rechte sie haben (Art. 14 Abs. 3 lit. a).
privacy-art14-overdue = Überfällig: { $n ->
    [one] { $n } Person ist
   *[other] { $n } Personen sind
} seit mehr als einem Monat ohne die Information in Kith.
privacy-art14-overdue-none = Überfällig: keine.
privacy-art14-auto = Automatisch senden
privacy-art14-after = Tage nach Anlage des Kontakts
privacy-save = Speichern
privacy-empty = Es sind noch keine Zwecke festgelegt.
privacy-empty-define = Den ersten Zweck festlegen
privacy-bars-help = Jede Zahl und jeder Teil eines Balkens öffnet die Kontakte, die er zählt.
privacy-basis-caption = Rechtsgrundlage
privacy-consent-caption = Einwilligung
privacy-channel = Kanal
privacy-trend-heading = Die letzten 12 Monate
privacy-trend-heading-of = Die letzten 12 Monate: { $purpose }
privacy-trend-help = Je Kalendermonat (UTC): erteilte und widerrufene Einwilligungen (jedes Ereignis des Einwilligungsprotokolls einmal, unabhängig von seinen Kanälen) und beantwortete Anträge betroffener Personen (abgeschlossen oder abgelehnt; alle Anfragen, sie betreffen keinen einzelnen Zweck).
privacy-trend-help-of = Je Kalendermonat (UTC): erteilte und widerrufene Einwilligungen für diesen Zweck (jedes Ereignis des Einwilligungsprotokolls einmal, unabhängig von seinen Kanälen) und beantwortete Anträge betroffener Personen (abgeschlossen oder abgelehnt; alle Anfragen, sie betreffen keinen einzelnen Zweck).
privacy-trend-purpose = Zweck
privacy-trend-every = Alle Zwecke
privacy-show = Anzeigen
privacy-trend-caption = Je Monat
privacy-month = Monat
privacy-consent-given = Einwilligung erteilt
privacy-consent-withdrawn = Einwilligung widerrufen
privacy-requests-answered = Beantwortete Anträge
privacy-trend-unknown = Diesen Zweck gibt es nicht: Der Verlauf zeigt alle Zwecke.
privacy-chart-trend = Letzte 12 Monate: { $purpose }
privacy-chart-trend-all = Letzte 12 Monate: alle Zwecke
privacy-chart-basis = { $purpose }: Rechtsgrundlage
privacy-chart-consent = { $purpose }: Einwilligung per { $channel }
privacy-no-basis = Keine Grundlage
privacy-chart-empty = Keine Kontakte zu zählen
privacy-chart-nothing = In diesen Monaten nichts erfasst
privacy-month-label = { $month } { $year }
privacy-month-1 = Jan.
privacy-month-2 = Feb.
privacy-month-3 = März
privacy-month-4 = Apr.
privacy-month-5 = Mai
privacy-month-6 = Juni
privacy-month-7 = Juli
privacy-month-8 = Aug.
privacy-month-9 = Sept.
privacy-month-10 = Okt.
privacy-month-11 = Nov.
privacy-month-12 = Dez.

## Geschlossene Vokabulare auf diesen Seiten.
privacy-basis-not-applicable = Nicht anwendbar
privacy-basis-consent = Einwilligung
privacy-basis-contract = Vertrag
privacy-basis-legal-obligation = Rechtliche Verpflichtung
privacy-basis-vital-interests = Lebenswichtige Interessen
privacy-basis-public-task = Öffentliche Aufgabe
privacy-basis-legitimate-interests = Berechtigte Interessen
privacy-state-none = Kein Eintrag
privacy-state-awaiting = Antwort ausstehend
privacy-state-not-responded = Nicht geantwortet
privacy-state-given = Erteilt
privacy-state-refused = Abgelehnt
privacy-state-withdrawn = Widerrufen
privacy-state-expired = Abgelaufen
privacy-channel-email = E-Mail
privacy-channel-phone = Telefon
# same as English
privacy-channel-sms = SMS
# same as English
privacy-channel-post = Post

## Einwilligungseinrichtung und Bearbeitungsseiten eines Formulars und eines Zwecks.
privacy-setup-title = Einwilligungen einrichten
privacy-back-overview = Zurück zur Übersicht
privacy-back-setup = Zurück zur Einrichtung der Einwilligungen
privacy-setup-purposes = Zwecke
privacy-setup-no-purposes = Noch keine Zwecke.
privacy-setup-default = (Standard: { $basis })
# same as English
privacy-name = Name
privacy-description = Beschreibung
privacy-default-basis = Standard-Rechtsgrundlage
privacy-data-categories = Datenkategorien (durch Kommas getrennt)
privacy-setup-retention = Aufbewahrung, verständlich für Betroffene
privacy-setup-recipients = Empfänger werden im Verzeichnis erfasst, jeweils mit den Zwecken, denen sie dienen:
privacy-recipients-link = Datenschutz → Empfänger
privacy-direct-marketing = Direktwerbung (ein Widerspruch beendet sie sofort)
privacy-setup-rule-later = Die Aufbewahrungsregel, die die Bereinigung durchsetzt, legen Sie auf der Seite des Zwecks fest, sobald er angelegt ist.
privacy-setup-add-purpose = Zweck hinzufügen
privacy-setup-notices = Datenschutzhinweise
privacy-setup-notices-help = Ein Datenschutzhinweis wird nie bearbeitet: Eine Veröffentlichung unter demselben Namen fügt seine nächste Version hinzu.
privacy-notice-version = { $name } v{ $version }
privacy-language = Sprache
privacy-setup-notice-url = Adresse des veröffentlichten Textes (optional)
# same as English
privacy-setup-notice-text = Text
privacy-setup-publish = Version veröffentlichen
privacy-setup-subs = Abonnementarten
privacy-setup-channels = Kanäle
privacy-setup-add-sub = Abonnementart hinzufügen
privacy-setup-forms = Einwilligungsformulare
privacy-setup-inactive = (inaktiv)
privacy-edit = Bearbeiten
privacy-form-slug = Adresse /f/…
privacy-form-title = Titel
privacy-form-intro = Einleitung
privacy-form-logo = Logo-Adresse (optional)
privacy-form-also-ask = Außerdem abfragen
privacy-form-phone = Telefon
privacy-setup-subs-offered = Angebotene Abonnements (nicht angekreuzt angezeigt)
privacy-form-notice = Datenschutzhinweis
privacy-setup-third-parties = Dritte, deren Datenweitergabe die Person zustimmen kann (durch Kommas getrennt)
privacy-form-button = Schaltflächentext
privacy-form-button-default = Abonnieren
privacy-setup-create-form = Formular erstellen
privacy-setup-bad-form = Wählen Sie einen Datenschutzhinweis und mindestens eine Abonnementart.
privacy-form-edit-title = Einwilligungsformular bearbeiten
privacy-form-open-public = Öffentliche Seite öffnen
privacy-form-active = Aktiv (die öffentliche Seite antwortet)
privacy-form-subs-offered = Angebotene Abonnements (Besuchern nicht angekreuzt angezeigt)
privacy-form-third-parties = Dritte (durch Kommas getrennt)
privacy-form-save = Formular speichern
privacy-purpose-edit-title = Zweck bearbeiten
privacy-purpose-requests = Einwilligungsanfragen für diesen Zweck (automatische Regel, erneute Einwilligung)
privacy-purpose-retention = Aufbewahrung, verständlich für Betroffene (in Auskunftsexporten zitiert)
privacy-purpose-rule = Aufbewahrungsregel (von der Bereinigung durchgesetzt)
privacy-purpose-rule-help = Die Daten einer Person für diesen Zeitraum nach dem Bezugsereignis aufbewahren und dann entsorgen — sobald kein anderer Zweck die Aufbewahrung mehr rechtfertigt. Bezugsereignis leer lassen für keine Regel.
privacy-purpose-after = Nach
privacy-purpose-no-rule = — keine Regel —
privacy-purpose-keep-for = Aufbewahren für
privacy-purpose-unit = Einheit
privacy-purpose-then = Dann
privacy-purpose-recipients = Empfänger werden im Verzeichnis erfasst (jeder Empfänger nennt die Zwecke, für die er Daten erhält):
privacy-purpose-save = Zweck speichern
privacy-whole-number = muss eine ganze Zahl sein
privacy-anchor-last-interaction = der letzten Interaktion
privacy-anchor-created = der Anlage
privacy-anchor-contract-end = dem Vertragsende
privacy-anchor-consent-withdrawn = dem Widerruf der Einwilligung
privacy-anchor-deal-closed = dem Abschluss der Geschäfte der Person
privacy-disposal-delete = löschen
privacy-disposal-anonymise = anonymisieren
privacy-unit-days = Tage
privacy-unit-months = Monate
privacy-unit-years = Jahre
privacy-period = { $unit ->
    [days] { $count ->
        [one] { $count } Tag
       *[other] { $count } Tage
    }
    [months] { $count ->
        [one] { $count } Monat
       *[other] { $count } Monate
    }
   *[years] { $count ->
        [one] { $count } Jahr
       *[other] { $count } Jahre
    }
}
privacy-rule = { $period } { $after }, dann { $disposal }
privacy-rule-at-once = sofort { $after }, dann { $disposal }
privacy-after-last-interaction = nach der letzten Interaktion
privacy-after-created = nach der Anlage
privacy-after-contract-end = nach dem Vertragsende
privacy-after-consent-withdrawn = nach dem Widerruf der Einwilligung
privacy-after-deal-closed = nach dem Abschluss der Geschäfte der Person

## Feldrichtlinie (fields.html).
privacy-fields-title = Feldrichtlinie
privacy-fields-version = Version { $version }
privacy-fields-intro = Kith speichert nur die hier als zulässig aufgeführten personenbezogenen Felder, für die genannten Zwecke. Ein Wert für jedes andere Feld wird abgelehnt, wo immer er geschrieben wird: API, Mitarbeiterseiten, Importe, Formulare.
privacy-fields-remove-q = „{ $field }“ entfernen?
privacy-fields-remove-text = { $n ->
    [one] Kontakt hat einen Wert dafür. Das Entfernen schaltet das Feld ab und löscht diese Werte endgültig (jede Löschung wird protokolliert, ohne den Wert).
   *[other] Kontakte haben einen Wert dafür. Das Entfernen schaltet das Feld ab und löscht diese Werte endgültig (jede Löschung wird protokolliert, ohne den Wert).
}
privacy-fields-remove-purge = { $n ->
    [one] Entfernen und { $n } Wert löschen
   *[other] Entfernen und { $n } Werte löschen
}
privacy-fields-keep = Behalten
privacy-fields-heading = Felder
privacy-fields-field = Feld
privacy-fields-kind = Art
privacy-fields-category = Kategorie
privacy-fields-needed-for = Benötigt für
privacy-fields-special = Besondere Kategorie
privacy-fields-allowed = Zulässig
privacy-fields-no-purpose = noch kein Zweck genannt
privacy-yes = ja
privacy-no = nein
privacy-fields-remove = Entfernen…
privacy-fields-add = Feld hinzufügen oder ändern
privacy-fields-key = Feld (ein eingebauter Schlüssel wie job_title oder ein neuer eigener Name wie shoe_size)
privacy-fields-label = Bezeichnung
privacy-fields-kind-new = Art (neue eigene Felder)
privacy-fields-choices = Auswahlwerte (Auswahlfelder, durch Kommas getrennt)
privacy-fields-purpose = Benötigt für den Zweck
privacy-fields-special-art = Besondere Kategorie (DSGVO Art. 9/10)
privacy-fields-special-none = keine
privacy-fields-reason = Warum Kith es speichern muss (Pflicht bei einer besonderen Kategorie)
privacy-fields-save = Feld speichern
privacy-fields-built-in = eingebaut
privacy-fields-special-reason = { $category } — { $reason }
privacy-fields-removed = { $field } entfernt: { $n ->
    [one] { $n } Wert gelöscht
   *[other] { $n } Werte gelöscht
}; die Richtlinie hat jetzt Version { $version }.
privacy-fields-removed-same = { $field } entfernt: { $n ->
    [one] { $n } Wert gelöscht
   *[other] { $n } Werte gelöscht
}; die Richtlinie ist unverändert.
# same as English
privacy-kind-text = Text
privacy-kind-number = Zahl
privacy-kind-date = Datum
privacy-kind-choice = Einfachauswahl
privacy-kind-multi-choice = Mehrfachauswahl
privacy-category-identity = Identität
privacy-category-contact = Kontaktdaten
privacy-category-professional = Beruflich
privacy-category-financial = Finanziell
privacy-category-demographic = Demografisch
privacy-category-preferences = Präferenzen
privacy-category-other = Sonstiges
privacy-special-health = Gesundheit
privacy-special-religion = Religiöse oder weltanschauliche Überzeugungen
privacy-special-political-opinion = Politische Meinungen
privacy-special-ethnic-origin = Rassische oder ethnische Herkunft
privacy-special-trade-union = Gewerkschaftszugehörigkeit
privacy-special-genetic = Genetische Daten
privacy-special-biometric = Biometrische Daten
privacy-special-sex-life = Sexualleben oder sexuelle Orientierung

## Aufbewahrung (retention.html) und fällige Überprüfungen (reviews.html).
privacy-retention-title = Aufbewahrung
privacy-retention-rules = Regeln
privacy-retention-help = Die Daten einer Person werden aufbewahrt, solange ein für sie geltender Zweck dies noch rechtfertigt; danach gilt die Regel des letzten. Rechtliche Sperren und Einschränkungen setzen sie aus. Legen Sie eine Regel auf der Seite des Zwecks fest.
privacy-retention-rule = Regel
privacy-retention-no-rule = keine Regel
privacy-retention-dry-button = Probelauf: auflisten, wer entfernt würde
privacy-retention-run-button = Jetzt ausführen: alle entsorgen, deren Frist abgelaufen ist
privacy-retention-daily = Der Server führt die Bereinigung außerdem einmal täglich aus.
privacy-retention-result-dry = Probelauf: { $checked } Kontakte geprüft, { $disposed } würden entfernt
privacy-retention-result-run = Lauf: { $checked } Kontakte geprüft, { $disposed } entsorgt
privacy-retention-tally = Behalten: { $kept } · durch rechtliche Sperre oder Einschränkung ausgesetzt: { $suspended } · kein Zweck zutreffend: { $none } · keine Regel: { $norule }
privacy-retention-contact = Kontakt
privacy-retention-expired-on = Abgelaufen am
privacy-retention-open = Öffnen
privacy-retention-past = Frühere Läufe
privacy-retention-none-yet = Es wurde noch keine Bereinigung ausgeführt.
privacy-retention-started = Begonnen
privacy-retention-by = Von
privacy-retention-checked = Geprüft
privacy-retention-disposed = Entsorgt
privacy-retention-dry = Probelauf
privacy-retention-run = Lauf
privacy-retention-unfinished = (nicht abgeschlossen: der nächste Lauf setzt ihn fort)
privacy-reviews-title = Fällige Überprüfungen
privacy-reviews-intro = Ihre Kontakte, die seit { $days } Tagen nicht überprüft wurden. Ist jeder Datensatz noch richtig und erforderlich? Öffnen Sie ihn und klicken Sie auf Als überprüft markieren, berichtigen oder löschen Sie ihn.
privacy-reviews-none = Nichts zu überprüfen.
privacy-reviews-last = Zuletzt überprüft

## Postausgang (outbox.html).
privacy-outbox-title = Postausgang
privacy-outbox-intro = Von Kith eingereihte E-Mails, neueste zuerst. Ohne konfigurierten SMTP-Server bleiben Nachrichten hier (Status „outbox“). Das Öffnen einer Nachricht wird im Prüfprotokoll festgehalten.
privacy-outbox-message = Nachricht
privacy-outbox-to = An:
privacy-outbox-subject = Betreff:
privacy-outbox-parting = Löschbestätigungen
privacy-outbox-parting-help = Die letzte E-Mail an eine auf eigenen Antrag gelöschte Person. Getrennt von ihren gelöschten Daten aufbewahrt, versiegelt und gelöscht, sobald sie zugestellt ist, oder nach 7 Tagen (von hier aus von Hand senden, wenn es keinen SMTP-Server gibt).
privacy-outbox-queued = Eingereiht
# same as English
privacy-outbox-status = Status
privacy-outbox-attempts = Versuche
privacy-outbox-empty = Noch keine E-Mails.

## Nachweispaket (evidence.html).
privacy-evidence-recipients = Empfänger
privacy-evidence-dpias = DSFA
privacy-evidence-intro = Ein signiertes Archiv zur Übergabe an eine Aufsichtsbehörde: was Kith über Ihre Verarbeitung festhält, so wie es an einem Tag stand. Personen erscheinen nur als Pseudonyme (ein verschlüsselter Hash, den nur diese Installation neu berechnen kann) und in Zahlen: keine Namen, Adressen oder Notizen.
privacy-evidence-holds = Was das Paket enthält
privacy-evidence-holds-register = Das an dem Tag geltende Verzeichnis von Verarbeitungstätigkeiten (Art. 30): CSV, druckfertiges HTML, DPV JSON-LD und sein kanonisches JSON
privacy-evidence-holds-dpias = Die Datenschutz-Folgenabschätzungen (Art. 35)
privacy-evidence-holds-recipients = Die Empfänger mit ihren Verträgen (Art. 28) sowie Grundlagen und Nachweise der Übermittlungen (Art. 44–49)
privacy-evidence-holds-consent = Einwilligung je Zweck: Zahl der Protokollereignisse je Aktion und Datenschutzhinweis, die Texte der Hinweise mit ihrem SHA-256
privacy-evidence-holds-requests = Das Antragsprotokoll: eingegangen, fällig, verlängert, abgeschlossen, Status, Ergebnis; jede Person als Pseudonym
privacy-evidence-holds-breaches = Das Verzeichnis der Datenschutzverletzungen (Art. 33 Abs. 5) mit Verlauf und Meldungen; Personen als Zahlen
privacy-evidence-holds-retention = Aufbewahrungsläufe mit ihren Zahlen je Regel
privacy-evidence-holds-heads = Die Spitzen der Prüfkette und des Einwilligungsprotokolls an dem Tag und heute
privacy-evidence-holds-manifest = Ein Manifest mit dem SHA-256 jeder Datei, signiert mit Ed25519 (ein kompaktes JWS)
privacy-evidence-build = Paket erstellen
privacy-evidence-as-of = Stand (Tag, UTC; leer für jetzt)
privacy-evidence-period = Zeitraum der Protokolle (Anträge, Einwilligungsereignisse, Datenschutzverletzungen, Aufbewahrungsläufe; leer für alle)
privacy-evidence-from = Von
privacy-evidence-to = Bis
privacy-evidence-purposes = Zwecke (keiner angekreuzt: alle Zwecke)
privacy-no-purpose-yet = Es ist noch kein Zweck festgelegt.
privacy-evidence-download = Erstellen und herunterladen
privacy-evidence-verify = Wie die Behörde es prüft
privacy-evidence-key = Das Paket ist mit dem Nachweisschlüssel dieser Installation signiert. Sein öffentlicher Teil ist veröffentlicht unter:
privacy-evidence-thumbprint = Sein Fingerabdruck (RFC 7638):
privacy-evidence-read-out = Lesen Sie ihn dem Prüfer vor, damit er weiß, dass der Schlüssel Ihrer ist.
privacy-evidence-with-kith = Mit Kith:
privacy-evidence-without-kith = Ohne Kith:
privacy-evidence-needs = Das Skript benötigt die Standardbibliothek von Python und das Paket
privacy-evidence-format = das Format ist beschrieben in
privacy-evidence-checks = Beide prüfen den SHA-256 jeder Datei, dass keine Datei hinzugefügt oder entfernt wurde, die Signatur und dass die Bytes des Archivs genau dem kanonischen Aufbau entsprechen: Jedes geänderte Byte wird abgelehnt.

retention-explain-no-purpose = Für diesen Kontakt gilt kein Zweck: Keine Aufbewahrungsregel kann ihn ablaufen lassen. Prüfen Sie, ob er noch benötigt wird.
retention-explain-no-rule = Die geltenden Zwecke haben keine Aufbewahrungsregel: Die Daten bleiben, solange sie gelten.
retention-explain-kept-rule = Aufbewahrt: „{ $purpose }“ rechtfertigt es noch (Regel: { $rule }); noch kein Ablaufdatum.
retention-explain-kept = Aufbewahrt: „{ $purpose }“ gilt und hat keine Aufbewahrungsregel.
retention-explain-expires = Läuft am { $date } ab nach „{ $purpose }“ ({ $rule }).
retention-explain-held = Abgelaufen am { $date } nach „{ $purpose }“ ({ $rule }), aber eine gesetzliche Aufbewahrungspflicht setzt das aus, bis sie aufgehoben wird (Prüfung am { $review }).
retention-explain-restricted = Abgelaufen am { $date } nach „{ $purpose }“ ({ $rule }), aber die Verarbeitung ist eingeschränkt (Art. 18): Die Daten bleiben, bis die Einschränkung aufgehoben ist.
retention-explain-expired = Abgelaufen am { $date } nach „{ $purpose }“ ({ $rule }): Der nächste Lauf wird Folgendes tun: { $disposal }.
