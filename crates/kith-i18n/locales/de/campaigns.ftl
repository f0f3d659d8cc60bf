## Marketing → Kampagnen: die Liste, eine neue Kampagne, die Seite einer Kampagne.
campaigns-title = Kampagnen
campaigns-intro = Ein Newsletter an ein Segment für einen Abonnementtyp. Ihn erhalten nur Personen, die für seinen Zweck per E-Mail angeschrieben werden dürfen: Jede wird im Moment des Versands erneut geprüft, und jede E-Mail enthält eine Abmeldung mit einem Klick.
campaigns-new = Neue Kampagne
campaigns-none = Noch keine Kampagne.
# same as English
campaigns-col-name = Name
# same as English
campaigns-col-status = Status
campaigns-col-audience = Empfänger
campaigns-col-queued = In Warteschlange
campaigns-col-sent = Gesendet
campaigns-col-failed = Fehlgeschlagen
campaigns-col-skipped = Übersprungen
campaigns-col-contact = Kontakt
campaigns-col-reason = Grund

campaigns-status-draft = Entwurf
campaigns-status-scheduled = Geplant
campaigns-status-sending = Wird gesendet
campaigns-status-paused = Pausiert
campaigns-status-done = Abgeschlossen
campaigns-status-cancelled = Abgebrochen
campaigns-recipient-pending = Ausstehend
campaigns-recipient-queued = In Warteschlange
campaigns-recipient-sent = Gesendet
campaigns-recipient-failed = Fehlgeschlagen
campaigns-recipient-skipped = Übersprungen

campaigns-one-title = Kampagne
campaigns-back = Zurück zu den Kampagnen
campaigns-fact-for = Für
campaigns-for-email = { $purpose } (E-Mail)
campaigns-fact-scheduled = Geplant für
campaigns-fact-rate = Versandrate
campaigns-rate-value = { $rate } pro Minute
campaigns-fact-filter = Empfängerfilter
campaigns-fact-audience-now = Empfänger jetzt
campaigns-audience-now = { $n ->
    [one] { $n } Person darf für { $purpose } per E-Mail angeschrieben werden
   *[other] { $n } Personen dürfen für { $purpose } per E-Mail angeschrieben werden
}
campaigns-delivery = Zustellung
campaigns-send-now = Jetzt senden
campaigns-at-utc = Am (UTC)
campaigns-schedule = Planen
campaigns-pause = Pausieren
campaigns-resume = Fortsetzen
campaigns-cancel = Kampagne abbrechen
campaigns-log = Zustellprotokoll
campaigns-log-show = Anzeigen
campaigns-log-all = alle
campaigns-filter = Filtern
campaigns-log-none = Noch kein Empfänger.
campaigns-next-page = Nächste Seite

campaigns-errors = Bitte korrigieren:
campaigns-subscription-type = Abonnementtyp
campaigns-template = Vorlage
campaigns-no-template = Noch keine Newsletter-Vorlage: { $link }.
campaigns-write-one = eine schreiben
campaigns-audience-note = „Darf für den Zweck des Abonnementtyps per E-Mail angeschrieben werden“ wird immer hinzugefügt: Eine Kampagne geht nie an jemanden, der dafür nicht per E-Mail angeschrieben werden darf.
campaigns-segment = Gespeichertes Segment
campaigns-segment-none = (keines: den Filter unten verwenden)
campaigns-query = Oder ein Filter der Kontaktliste (wie in der Adresse der Kontaktliste, z. B. { $example }; leer: alle)
campaigns-when = Wann
campaigns-when-draft = Als Entwurf behalten (zuerst die Zahl der Empfänger sehen)
campaigns-rate = Nachrichten pro Minute
campaigns-save = Kampagne speichern
campaigns-saved-draft = Als Entwurf gespeichert: { $why }
campaigns-choose-one = eines auswählen
campaigns-whole-number = muss eine ganze Zahl sein
campaigns-give-time = Datum und Uhrzeit angeben (UTC)
