## Mail Kith writes to people (and to processors). One message a paragraph
## or line; code joins them with blank lines and adds links on lines of
## their own. Texts staff write (templates, purpose names) are not here.

## Channels of consent, in running text.
mail-channel-email = E-Mail
mail-channel-phone = Telefon
# same as English
mail-channel-sms = SMS
mail-channel-post = Post

## Double opt-in after a public form.
mail-confirm-subject = Bitte bestätigen Sie Ihre Anmeldung
mail-confirm-asked = Sie haben sich angemeldet für: { $names }.
mail-confirm-link = Zur Bestätigung öffnen Sie bitte diesen Link und klicken Sie auf „Bestätigen“ ({ $days ->
        [one] einen Tag
       *[other] { $days } Tage
    } gültig):
mail-confirm-ignore = Falls Sie das nicht waren, ignorieren Sie diese Nachricht: Ohne Bestätigung schreiben wir Ihnen nicht wieder.

## Consent receipts.
mail-receipt-subject = Ihr Einwilligungsnachweis: { $purpose }
mail-receipt-given = Sie haben am { $date } Ihre Einwilligung für „{ $purpose }“ ({ $channels }) erteilt.
mail-receipt-withdrawn = Sie haben am { $date } Ihre Einwilligung für „{ $purpose }“ ({ $channels }) widerrufen.
mail-receipt-attached = Ihr Einwilligungsnachweis ist beigefügt (signiert von { $controller }; der Schlüssel ist unter { $key } veröffentlicht).
mail-receipt-change = Sie können Ihre Auswahl jederzeit ändern: { $link }

## Sign-in link to the privacy portal.
mail-portal-subject = Anmeldung im Datenschutzportal
mail-portal-open = Um Ihre Daten und Ihre Anträge zu sehen, öffnen Sie diesen Link innerhalb von { $minutes } Minuten (er funktioniert nur einmal):
mail-portal-ignore = Falls Sie das nicht angefordert haben, ignorieren Sie diese Nachricht.

## Data-subject requests.
mail-dsr-subject = Ihr Antrag zum Datenschutz: { $kind }
mail-dsr-completed = Ihr am { $received } eingegangener Antrag ({ $kind }) wurde am { $done } erledigt.
mail-dsr-done-what = Was wir getan haben: { $what }
mail-dsr-rejected = Ihr am { $received } eingegangener Antrag ({ $kind }) wurde abgelehnt: { $reason }
mail-dsr-complaint = Sie können Beschwerde bei einer Aufsichtsbehörde einlegen.
mail-dsr-extended = Ihr am { $received } eingegangener Antrag ({ $kind }) benötigt mehr Zeit: Wir haben die Frist um { $months ->
        [one] einen Monat
       *[other] { $months } Monate
    } verlängert (Art. 12 Abs. 3 DSGVO). Grund: { $reason }
mail-dsr-kind-access = Auskunft (Art. 15)
mail-dsr-kind-portability = Datenübertragbarkeit (Art. 20)
mail-dsr-kind-rectification = Berichtigung (Art. 16)
mail-dsr-kind-erasure = Löschung (Art. 17)
mail-dsr-kind-restriction = Einschränkung der Verarbeitung (Art. 18)
mail-dsr-kind-objection = Widerspruch (Art. 21)
mail-dsr-kind-withdraw-consent = Widerruf der Einwilligung (Art. 7 Abs. 3)
mail-dsr-kind-information = Informationen (Art. 13–15)
mail-dsr-kind-automated-decision-review = Überprüfung einer automatisierten Entscheidung (Art. 22)

## The confirmation of an erasure (the last mail to the person).
mail-erasure-subject = { $controller }: Ihre Daten wurden gelöscht
mail-erasure-intro = Wie von Ihnen beantragt (Antrag { $reference }, eingegangen am { $received }), haben wir am { $erased } Ihre personenbezogenen Daten gelöscht: Ihren Kontaktdatensatz, Ihre Adressen und Nummern, Notizen und Interaktionen, Rechtsgrundlagen und Einwilligungsstatus, alle für Sie wartenden E-Mails sowie den Schlüssel, mit dem sie verschlüsselt waren, sodass keine Kopie (auch nicht in Sicherungen) mehr geöffnet werden kann.
mail-erasure-keep = Wir bewahren nur Folgendes auf, aus den genannten Gründen:
mail-erasure-kept-1 = das Verzeichnis der Anträge, das belegt, dass wir Ihren Antrag erhalten und ausgeführt haben (Art. 5 Abs. 2, Art. 12): Es enthält nur eine Kennung, keine Ihrer Daten
mail-erasure-kept-2 = die Kette des Einwilligungsprotokolls, ohne Inhalte: Die Nachweise darin, die Ihre Daten enthielten, waren mit Ihrem eigenen Schlüssel verschlüsselt, der vernichtet wurde
mail-erasure-kept-3 = das Aktivitätsprotokoll (wer wann was getan hat), mit Kennungen und Namen von Aktionen, keine Ihrer Daten
mail-erasure-kept-4 = falls Sie sich von E-Mails abgemeldet hatten: einen nicht umkehrbaren Fingerabdruck Ihrer Adresse, damit ein künftiger Import Sie nicht erneut hinzufügt
mail-erasure-kept-5 = die Mitteilung an unsere Auftragsverarbeiter, dass die Löschung erfolgt ist (Art. 19): eine Kennung und einen Zeitpunkt
mail-erasure-last = Dies ist die letzte E-Mail, die wir Ihnen senden: Ihre Adresse ist nicht mehr in unseren Systemen, und diese Nachricht wird gelöscht, sobald sie zugestellt ist. Wenn Sie meinen, dass die Löschung unvollständig ist, können Sie Beschwerde bei einer Aufsichtsbehörde einlegen.

## Consent requests and newsletters: the links Kith adds to staff's text.
mail-request-confirm = Um zuzustimmen, öffnen Sie diesen Link und klicken Sie auf „Bestätigen“ ({ $days ->
        [one] einen Tag
       *[other] { $days } Tage
    } gültig):
mail-request-manage = Ihre Auswahl verwalten: { $link }
mail-unsubscribe = Abmelden: { $link }
mail-footer-preferences = Ihre Einstellungen: { $link }
mail-footer-portal = Ihr Datenschutzportal: { $link }
# same as English
mail-test-subject = [Test] { $subject }

## The Art. 14 notice (data not obtained from the person).
mail-art14-subject = { $controller }: woher wir Ihre Daten haben und welche Rechte Sie haben
mail-art14-hello = Guten Tag,
mail-art14-intro = { $controller } verarbeitet einige personenbezogene Daten über Sie, die wir nicht von Ihnen erhalten haben. Das Gesetz (Art. 14 DSGVO) verpflichtet uns, Sie darüber zu informieren.
mail-art14-dpo = Datenschutzbeauftragter (DSB): { $dpo }.
mail-art14-what = Welche Daten: { $categories }.
mail-art14-where = Herkunft: { $source }.
mail-art14-why = Zweck und Rechtsgrundlage:
mail-art14-no-purpose = zur Pflege unserer Beziehung zu Ihnen (bisher kein Zweck erfasst)
mail-art14-kept = Speicherdauer: { $retention }
mail-art14-recipients = Empfänger: { $recipients }
mail-art14-basis-consent = Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), die Sie jederzeit widerrufen können
mail-art14-basis-contract = ein Vertrag mit Ihnen oder vorvertragliche Maßnahmen (Art. 6 Abs. 1 lit. b)
mail-art14-basis-legal-obligation = eine rechtliche Verpflichtung (Art. 6 Abs. 1 lit. c)
mail-art14-basis-vital-interests = lebenswichtige Interessen (Art. 6 Abs. 1 lit. d)
mail-art14-basis-public-task = eine Aufgabe im öffentlichen Interesse (Art. 6 Abs. 1 lit. e)
mail-art14-basis-legitimate-interests = unsere berechtigten Interessen (Art. 6 Abs. 1 lit. f), wie beschrieben
mail-art14-basis-not-applicable = bisher keine Rechtsgrundlage erfasst
mail-art14-category-name = Name
mail-art14-category-email = E-Mail-Adresse
mail-art14-category-phone = Telefonnummer
mail-art14-category-address = Postanschrift
mail-art14-category-job-title = Position
mail-art14-category-company = das Unternehmen, für das Sie arbeiten
mail-art14-source-none = unsere Unterlagen
mail-art14-source-import = eine Kontaktliste, die wir am { $date } aus unserem früheren Kundenverwaltungssystem importiert haben
mail-art14-source-import-file = eine Kontaktliste („{ $file }“), die wir am { $date } aus unserem früheren Kundenverwaltungssystem importiert haben
mail-art14-source-import-since = eine Kontaktliste, die wir am { $date } aus unserem früheren Kundenverwaltungssystem importiert haben; Ihre Angaben waren dort seit dem { $since } gespeichert
mail-art14-source-import-file-since = eine Kontaktliste („{ $file }“), die wir am { $date } aus unserem früheren Kundenverwaltungssystem importiert haben; Ihre Angaben waren dort seit dem { $since } gespeichert
mail-art14-source-staff = unsere Mitarbeitenden, die sie am { $date } erfasst haben (zum Beispiel von einer Visitenkarte oder aus einem Gespräch)
mail-art14-rights = Ihre Rechte: Sie können von uns Auskunft über Ihre Daten, Berichtigung, Löschung, Einschränkung der Verarbeitung und Datenübertragbarkeit verlangen und der Verarbeitung widersprechen (bei Direktwerbung jederzeit). Beruht die Verarbeitung auf einer Einwilligung, können Sie diese jederzeit widerrufen.
mail-art14-portal = Sie können diese Rechte im Datenschutzportal ausüben: { $portal }
mail-art14-complaint = Sie haben außerdem das Recht, Beschwerde bei einer Aufsichtsbehörde einzulegen, insbesondere in dem Land, in dem Sie wohnen oder arbeiten.

## Requests to processors (Art. 19), in the controller's default language.
mail-processor-subject = Ersuchen nach Art. 19 DSGVO: { $action }
mail-processor-intro = { $controller } bittet Sie als Auftragsverarbeiter, hinsichtlich der Daten einer Person tätig zu werden, die Sie von uns erhalten.
mail-processor-action = Maßnahme: { $action }
mail-processor-person = Person (Kennung der betroffenen Person in Kith): { $id }
mail-processor-reference = Referenz der Anfrage: { $reference }
mail-processor-due = Bitte bestätigen Sie bis zum { $due }.
mail-processor-ack = Bestätigen Sie, dass Sie die Maßnahme ausgeführt haben (eine Seite mit einer Schaltfläche; erst wenn Sie sie drücken, wird etwas erfasst):
mail-processor-action-erasure = Die Person löschen (Art. 17)
mail-processor-action-rectification = Die Daten der Person berichtigen (Art. 16)
mail-processor-action-restriction = Die Verarbeitung einschränken (Art. 18)
mail-processor-action-restriction-lifted = Die Einschränkung ist aufgehoben (Art. 18 Abs. 3)
