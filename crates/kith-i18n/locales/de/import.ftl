## Kontakte aus einer CSV-Datei importieren: das Hochladen, die Seite eines
## Laufs, seine Informationen nach Art. 14.
import-title = Kontakte importieren
import-back = Zurück zur Datenschutzübersicht
import-intro = Eine CSV-Datei (UTF-8, mit { $comma } oder { $semicolon }), deren erste Zeile die Spalten benennt. Exporte aus HubSpot, Salesforce, Zoho und Google Kontakte werden erkannt. Nach dem Hochladen ordnen Sie die Spalten zu, prüfen die Datei und importieren sie dann: Vor dem Import wird nichts geschrieben. Jeder Kontakt hält diese Datei und ihre Zeile als Quelle fest. Die Datei wird verschlüsselt aufbewahrt, bis sie importiert, verworfen oder einen Tag alt ist; das Löschen eines Kontakts entfernt sie ebenfalls. Dateien über 32 MiB: { $cli }.
import-file = CSV-Datei
import-upload = Hochladen und Spalten zuordnen
import-recent = Letzte Importe
import-none = Noch keine Importe.
import-col-uploaded = Hochgeladen
import-col-file = Datei
# same as English
import-col-state = Status
import-send-again = Senden Sie das Formular erneut.
import-expired = Das Formular ist abgelaufen; laden Sie die Seite neu.
import-too-large = Die Seite nimmt Dateien bis 32 MiB an; importieren Sie größere mit `kith import contacts`.

import-counts = { $created } angelegt, { $updated } aktualisiert, { $skipped } übersprungen, { $rejected } abgelehnt
import-counts-dry = { $created } würden angelegt, { $updated } würden aktualisiert, { $skipped } übersprungen, { $rejected } abgelehnt
import-state-check-running = Prüfung läuft
import-state-import-running = Import läuft
import-state-interrupted = Unterbrochen: erledigt bis Zeile { $line }
import-state-uploaded = Hochgeladen: Spalten zuordnen und Datei prüfen
import-state-checked = Geprüft: { $counts }
import-state-imported = Importiert: { $counts }
import-state-failed = Mit einem Fehler abgebrochen
import-state-dropped = Entfernt: Nach dem Hochladen dieser Datei wurde ein Kontakt gelöscht, daher wurde die Datei nicht dort aufbewahrt, wo ein Import ihn zurückbringen könnte. Laden Sie sie erneut hoch, wenn sie noch importiert werden soll.
import-state-discarded = Verworfen

import-run-title = Import von { $file }
import-all = Alle Importe
# same as English
import-size = { $size } KiB
import-facts = { $size }, hochgeladen am { $when }.
import-no-file = Die Datei wird nicht mehr aufbewahrt.
import-checking = Prüfung
import-importing = Import
import-progress = { $percent } % der Datei gelesen · { $counts }.
import-progress-line = { $percent } % der Datei gelesen · { $counts } · erledigt bis Zeile { $line }.
import-refresh = Diese Seite aktualisiert sich alle zwei Sekunden. Sie können sie verlassen: Der Import läuft weiter.
import-interrupted = Unterbrochen
import-stopped-check = Die Prüfung wurde abgebrochen: Der ausführende Server wurde angehalten oder neu gestartet. Prüfen Sie die Datei erneut.
import-stopped-import = Der Import wurde abgebrochen: Der ausführende Server wurde angehalten oder neu gestartet.
import-resume-help = Alle Zeilen bis Zeile { $line } sind erledigt. Das Fortsetzen liest die folgenden Zeilen, mit denselben Spalten und derselben Rechtsgrundlage; eine Zeile, die zu einem Kontakt passt, der schon in Kith ist (etwa einem, den der abgebrochene Durchlauf aktualisiert hatte), aktualisiert ihn erneut oder wird übersprungen, und ihre Einwilligung wird nicht doppelt erfasst.
import-resume = Nach Zeile { $line } fortsetzen
import-result-check = Prüfung: Es wurde nichts geschrieben
# same as English
import-result-import = Import
import-result = { $counts }.
import-result-line = { $counts }. Erledigt bis Zeile { $line }.
import-claimed = Einwilligung ohne Nachweis behauptet — erneut fragen: { $n }. Sie haben keine Rechtsgrundlage für den Zweck erhalten; { $link } (mit dem Schlagwort { $tag }) bilden das Segment einer Einwilligungskampagne.
import-claimed-dry = Einwilligung ohne Nachweis behauptet — erneut fragen: { $n }. Sie würden keine Rechtsgrundlage für den Zweck erhalten; { $link } (mit dem Schlagwort { $tag }) bilden das Segment einer Einwilligungskampagne.
import-claimed-link = die erneut zu fragenden Personen
import-problems = Aktualisierte, übersprungene oder abgelehnte Zeilen
import-col-line = Zeile
import-col-outcome = Ergebnis
import-col-why = Grund
import-outcome-created = angelegt
import-outcome-would-create = würde angelegt
import-outcome-updated = aktualisiert
import-outcome-would-update = würde aktualisiert
import-outcome-skipped = übersprungen
import-outcome-rejected = abgelehnt
import-more-lines = Hier werden nur die ersten Zeilen aufbewahrt; die Option { $flag } der Kommandozeile listet jede Zeile.
import-columns = Spalten
import-columns-help = Jede Spalte geht in ein Feld oder wird ignoriert. Erkannte Namen werden für Sie gewählt. { $custom }-Felder sind die benutzerdefinierten Felder, die die Feldrichtlinie erlaubt; { $consent }-Felder tragen den Nachweis der importierten Einwilligung.
import-col-column = Spalte
import-col-field = Feld
import-field-for = Feld für { $column }
import-ignored = (ignoriert)
import-basis-legend = Rechtsgrundlage für einen Zweck (optional)
import-purpose = Zweck
import-no-purpose = Kein Zweck
import-basis = Rechtsgrundlage
import-basis-consent = Einwilligung
import-basis-contract = Vertrag
import-basis-legal-obligation = Rechtliche Verpflichtung
import-basis-vital-interests = Lebenswichtige Interessen
import-basis-public-task = Öffentliche Aufgabe
import-basis-legitimate-interests = Berechtigte Interessen
import-file-basis-legend = Die Rechtsgrundlagen-Spalte der Datei (HubSpot, Zoho, Salesforce)
import-file-basis-help = Eine { $column } zugeordnete Spalte gibt die Rechtsgrundlage jeder Person für einen Zweck an: "Performance of a contract" ist Vertrag, "Legitimate interest" sind berechtigte Interessen (mit dem Export als Quelle der Abwägung), "Not applicable" ist keine. Eine behauptete Einwilligung ohne Nachweis wird nicht erfasst: Diese Personen werden gezählt und zum erneuten Fragen aufgelistet. Unbekannte Werte führen zur Ablehnung der Zeile.
import-basis-purpose = Zweck dieser Spalte
import-consent-legend = Einwilligung (nur mit der Rechtsgrundlage Einwilligung)
import-consent-help = Einwilligungen werden nur mit Nachweis importiert: dem Datenschutzhinweis, den die Personen gesehen haben, und in der Datei dem ursprünglichen Zeitpunkt jeder Person ({ $at }) und dem ursprünglichen Nachweis ({ $evidence }). Zeilen ohne diese Angaben werden abgelehnt.
import-notice-seen = Datenschutzhinweis, den die Personen gesehen haben
import-channels = Kanäle, für die eingewilligt wurde (sofern die Datei keine Spalte { $column } hat):
import-channel-email = E-Mail
import-channel-phone = Telefon
# same as English
import-channel-sms = SMS
# same as English
import-channel-post = Post
import-act = Was die Personen getan haben, um einzuwilligen (sofern die Datei keine Spalte { $column } hat)
import-check = Datei prüfen
import-import = Importieren
import-discard = Datei verwerfen
import-columns-changed = Die Spalten haben sich seit dem Laden der Seite geändert: Laden Sie sie neu.
import-unknown-field = Die Spalte "{ $column }" ist einem unbekannten Feld zugeordnet.
import-choose-purpose = Wählen Sie einen Zweck aus der Liste.
import-choose-basis = Wählen Sie eine Rechtsgrundlage aus der Liste.
import-choose-notice = Wählen Sie einen Datenschutzhinweis aus der Liste.
import-choose-channels = Wählen Sie Kanäle aus der Liste.
import-gone = Die Datei wird nicht mehr aufbewahrt: Laden Sie sie erneut hoch.
import-choose-mode = Wählen Sie Prüfen, Importieren oder Fortsetzen.

import-art14-title = Information nach Art. 14 senden
import-art14-back = Zurück zum Import von { $file }
import-art14-nothing = Alle, die dieser Import angelegt hat, haben die Information erhalten (oder wurden inzwischen gelöscht): Es gibt nichts zu senden.
import-art14-summary = { $n ->
    [one] Damit wird die Information nach Art. 14 an { $count } Person, die dieser Import angelegt hat und die sie noch nicht erhalten hat, in die Warteschlange gestellt: eine E-Mail je Person, in ihrer Sprache, mit dem Verantwortlichen, den Zwecken und ihren Rechtsgrundlagen, der Herkunft der Daten, den Rechten der betroffenen Person mit dem Link zum Portal und dem Recht auf Beschwerde bei der Aufsichtsbehörde. Jede Information wird beim Kontakt erfasst; niemand erhält sie zweimal. Personen ohne E-Mail-Adresse werden gezählt, nicht angeschrieben.
   *[other] Damit wird die Information nach Art. 14 an { $count } Personen, die dieser Import angelegt hat und die sie noch nicht erhalten haben, in die Warteschlange gestellt: eine E-Mail je Person, in ihrer Sprache, mit dem Verantwortlichen, den Zwecken und ihren Rechtsgrundlagen, der Herkunft der Daten, den Rechten der betroffenen Person mit dem Link zum Portal und dem Recht auf Beschwerde bei der Aufsichtsbehörde. Jede Information wird beim Kontakt erfasst; niemand erhält sie zweimal. Personen ohne E-Mail-Adresse werden gezählt, nicht angeschrieben.
}
import-art14-send = { $n ->
    [one] An { $n } Person senden
   *[other] An { $n } Personen senden
}
import-art14-cancel = Abbrechen
import-art14-panel = Information nach Art. 14
import-art14-why = Die Daten dieser Personen wurden nicht bei ihnen erhoben: Sie werden einmal informiert, wer sie hat, warum, woher sie stammen und welche Rechte sie haben, innerhalb eines Monats (Art. 14 Abs. 3 lit. a).
import-art14-send-run = { $n ->
    [one] Die Information nach Art. 14 an { $n } Person dieses Laufs senden, die sie noch nicht erhalten hat
   *[other] Die Information nach Art. 14 an die { $n } Personen dieses Laufs senden, die sie noch nicht erhalten haben
}
import-art14-all-had = Alle, die dieser Import angelegt hat, haben die Information erhalten.
import-art14-queued = { $n ->
    [one] { $n } Information in der Warteschlange.
   *[other] { $n } Informationen in der Warteschlange.
}
import-art14-no-address = { $n ->
    [one] { $n } Person hat keine E-Mail-Adresse: nicht gesendet.
   *[other] { $n } Personen haben keine E-Mail-Adresse: nicht gesendet.
}
import-art14-restricted = Eingeschränkt: { $n } (Verarbeitung eingeschränkt, Art. 18): nicht gesendet.
import-art14-days = Die Tage müssen eine ganze Zahl von 1 bis 30 sein: Die Information ist innerhalb eines Monats fällig (Art. 14 Abs. 3 lit. a).
