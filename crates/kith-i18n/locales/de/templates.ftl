## E-Mail-Vorlagen: die Liste und die Seite einer Vorlage.
templates-title = E-Mail-Vorlagen
templates-intro = Ein Betreff und ein Text je Sprache, mit Platzhaltern wie { $field }, die für jede Person ausgefüllt werden. Jede Person erhält den Text in ihrer Sprache (der ihrer jüngsten Einwilligung), sonst auf Englisch. Einwilligungsanfragen verwenden sie: aus der Kontaktliste („{ $bulk }“), auf der Seite eines Kontakts und in der automatischen Anfrageregel eines Zwecks.
templates-new = Neue Vorlage
templates-none = Noch keine Vorlage.
templates-write-first = Die erste schreiben
# same as English
templates-col-name = Name
templates-col-for = Für
templates-col-languages = Sprachen
templates-deleted = Die Vorlage wurde gelöscht.
templates-saved = Die Vorlage wurde gespeichert.
# same as English
templates-kind-newsletter = Newsletter
templates-kind-consent-request = Einwilligungsanfrage
templates-kind-notice = Datenschutzhinweis
templates-new-title = Neue E-Mail-Vorlage
templates-one-title = E-Mail-Vorlage
templates-back = Zurück zu den Vorlagen
templates-errors = Bitte korrigieren Sie, was unten markiert ist.
templates-help = Füllen Sie die Sprachen aus, in denen Sie schreiben; lassen Sie die anderen leer. Reiner Text: Eine Leerzeile beginnt einen neuen Absatz. Eine Einwilligungsanfrage muss { $field } enthalten; Kith fügt jeder Anfrage den Abmelde-Header hinzu.
templates-subject = Betreff
templates-body = Text
templates-save = Vorlage speichern
templates-fields = Platzhalter
templates-fields-help = Schreiben Sie { $plain } oder { $fallback }, um ein eigenes Wort zu zeigen, wenn die Person keinen solchen Wert hat. Werte werden maskiert: Sie können nie Markup, Links oder E-Mail-Header hinzufügen.
templates-field-first-name = der Vorname der Person
templates-field-last-name = der Nachname der Person
templates-field-company = der Name des Unternehmens der Person
templates-field-purpose = der Name des Zwecks, um den es in der E-Mail geht
templates-field-controller = der Name des Verantwortlichen (wer die E-Mail sendet)
templates-field-confirm-url = der Link, der die Einwilligung bestätigt (nur Einwilligungsanfragen; dort Pflicht)
templates-field-unsubscribe-url = der Link zur Abmeldung mit einem Klick
templates-field-preferences-url = der Link zum Präferenzcenter der Person
templates-field-portal-url = das Datenschutzportal, in dem die Person ihre Daten sieht und Anträge stellt
templates-preview = Vorschau mit einem Kontakt
templates-find = Einen Kontakt finden (Name, E-Mail oder Telefon)
templates-no-choice = Kein Kontakt zur Auswahl.
templates-no-match = Kein Kontakt passt zu dieser Suche.
templates-contact = Kontakt
templates-search-only = — nur suchen —
templates-language = Sprache
templates-own-language = Die des Kontakts
templates-preview-button = Vorschau
templates-preview-subject = Betreff:
templates-html-source = HTML-Version (Quelltext)
templates-hidden-links = Links, die im Namen der Person handeln, sind hier ausgeblendet; die E-Mail an die Person enthält sie.
templates-test = Einen Test an sich selbst senden
templates-test-help = Wird über den Mailserver an { $email } gesendet, mit Beispielwerten ausgefüllt (keine Kontaktdaten).
templates-test-language = Englisch, sonst die erste
templates-send-test = Test senden
templates-delete = Diese Vorlage löschen
templates-test-sent = Eine Test-E-Mail mit Beispielwerten wurde an { $to } gesendet.
templates-choose-kind = wählen Sie, wofür sie dient
templates-not-a-choice = ist keine gültige Auswahl

## Einwilligungsanfragen mit einer Vorlage.
templates-req-all-title = Einwilligung von allen Treffern anfragen
templates-req-back-list = Zurück zur Liste
templates-req-all-intro = Jeder Kontakt, der zur Suche und zum Filter der Liste passt, erhält per E-Mail eine Einwilligungsanfrage in seiner Sprache (der seiner jüngsten Einwilligung, sonst Englisch), mit einem Bestätigungslink, der so viele Tage gilt, wie Sie wählen. Kontakte ohne E-Mail, die bereits geantwortet oder widersprochen haben oder deren Verarbeitung eingeschränkt ist, werden übersprungen. Im nächsten Schritt sehen Sie, wie viele Kontakte passen, bevor etwas gesendet wird.
templates-req-needs = Eine Einwilligungsanfrage braucht einen Zweck, einen Datenschutzhinweis und eine Vorlage für Einwilligungsanfragen.
templates-req-no-template-link = Es gibt noch keine Vorlage für Einwilligungsanfragen: { $link }.
templates-req-no-template = Es gibt noch keine Vorlage für Einwilligungsanfragen (Marketing, der DSB oder ein Administrator schreibt sie).
templates-req-no-template-plain = Es gibt noch keine Vorlage für Einwilligungsanfragen.
templates-req-write-one = eine schreiben
templates-req-setup = Zwecke und Datenschutzhinweise werden unter { $link } eingerichtet.
templates-req-privacy = Datenschutz
templates-req-purpose = Zweck
templates-req-template = Vorlage
templates-req-notice = Datenschutzhinweis, auf den die Anfrage verlinkt
templates-req-days = Tage für die Antwort
templates-req-review = Prüfen…
templates-req-one-title = Einwilligung anfragen
templates-req-one-heading = Einwilligung anfragen: { $name }
templates-req-back-contact = Zurück zum Kontakt
templates-req-one-intro = Der Kontakt erhält per E-Mail eine Einwilligungsanfrage in seiner Sprache (der seiner jüngsten Einwilligung, sonst Englisch), mit einem Bestätigungslink. Nichts wird an einen Kontakt ohne E-Mail gesendet, der die Einwilligung per E-Mail bereits erteilt oder verweigert oder widersprochen hat oder dessen Verarbeitung eingeschränkt ist.
templates-req-send = Anfrage senden
templates-req-queued = Die Einwilligungsanfrage ist in der Warteschlange; die Einwilligung des Kontakts erscheint als „wartet auf Antwort“.
templates-req-not-sent = Nicht gesendet: { $why }.
templates-req-choose-purpose = wählen Sie einen Zweck
templates-req-choose-template = wählen Sie eine Vorlage für Einwilligungsanfragen
templates-req-choose-notice = wählen Sie den Datenschutzhinweis, auf den die Anfrage verlinkt
templates-req-choose-both = wählen Sie eine Vorlage für Einwilligungsanfragen und einen Datenschutzhinweis
templates-req-purpose-title = Einwilligungsanfragen: { $name }
templates-req-back-purpose = Zurück zum Zweck
templates-req-auto = Neue Kontakte automatisch fragen
templates-req-auto-intro = Wenn Mitarbeitende einen Kontakt erfassen oder ein Import einen anlegt, mit E-Mail-Adresse und ohne Rechtsgrundlage für diesen Zweck, sendet Kith innerhalb von etwa einer Minute eine Einwilligungsanfrage mit der Vorlage unten (ein Job prüft neue Kontakte; ein Neustart des Servers verliert keinen). Kontakte, die vor dem Einschalten der Regel angelegt wurden, werden von ihr nie gefragt.
templates-req-auto-needs = Die Regel braucht eine Vorlage für Einwilligungsanfragen ({ $write }) und einen Datenschutzhinweis ({ $publish }).
templates-req-publish-one = einen veröffentlichen
templates-req-auto-enabled = Neue Kontakte ohne Rechtsgrundlage für diesen Zweck fragen
templates-req-auto-notice = Datenschutzhinweis, auf den die Anfrage verlinkt (seine neueste Fassung wird verwendet)
templates-req-save-rule = Regel speichern
templates-req-rule-saved = Die automatische Anfrageregel wurde gespeichert.
templates-req-again = Erneut fragen: Einwilligung unter einem älteren Datenschutzhinweis
templates-req-old-count = { $n ->
    [one] { $count } Kontakt hat für diesen Zweck unter einer älteren Fassung seines Datenschutzhinweises eingewilligt.
   *[other] { $count } Kontakte haben für diesen Zweck unter einer älteren Fassung seines Datenschutzhinweises eingewilligt.
}
templates-req-old-count-see = { $n ->
    [one] { $count } Kontakt hat für diesen Zweck unter einer älteren Fassung seines Datenschutzhinweises eingewilligt ({ $link }).
   *[other] { $count } Kontakte haben für diesen Zweck unter einer älteren Fassung seines Datenschutzhinweises eingewilligt ({ $link }).
}
templates-req-see-them = anzeigen
templates-req-again-intro = Jeder erhält eine Einwilligungsanfrage unter dem Datenschutzhinweis, den Sie wählen (dem aktuellen), in seiner Sprache. Die Einwilligung bleibt gültig, bis er antwortet: Eine Bestätigung erfasst die Einwilligung unter dem neuen Hinweis; keine Antwort ändert nichts.
templates-req-current-notice = Der aktuelle Datenschutzhinweis
templates-req-ask-n = { $n ->
    [one] { $n } Kontakt erneut fragen
   *[other] { $n } Kontakte erneut fragen
}
templates-req-asked = { $asked ->
    [one] Einwilligung erneut von { $asked } Kontakt angefragt
   *[other] Einwilligung erneut von { $asked } Kontakten angefragt
}; { $skipped } übersprungen (keine E-Mail, unter diesem Hinweis schon gefragt, Widerspruch oder Einschränkung). Ihre Einwilligung bleibt gültig, bis sie antworten.
