## Öffentliche Seiten, für Menschen ohne Konto. Die Person wird gesiezt.

public-languages = Sprache

public-not-found-title = Nicht gefunden
public-not-found-text = Unter dieser Adresse gibt es nichts.
public-bad-address-title = Diese Adresse ist ungültig
public-bad-address-text = Öffnen Sie den Link erneut so, wie Sie ihn erhalten haben.
public-invalid-link-title = Dieser Link ist ungültig
public-invalid-link-text = Der Link ist unvollständig oder wurde verändert. Öffnen Sie ihn erneut aus der Nachricht, die Sie erhalten haben.
public-expired-link-title = Dieser Link ist abgelaufen
public-expired-link-text = Links sind nur begrenzte Zeit gültig. Senden Sie das Formular erneut ab, um einen neuen zu erhalten.

public-notice-intro = Wie wir Ihre Daten verwenden:
public-notice-version = { $name } (Version { $version })
# same as English
public-notice-meta = Version { $version } · SHA-256 { $sha }

public-form-email = E-Mail
public-form-first-name = Vorname
public-form-last-name = Nachname
public-form-phone = Telefon
public-form-subscriptions = Abonnements
public-form-choose = Was möchten Sie erhalten? (Zutreffendes bitte ankreuzen)
public-form-sharing = Weitergabe
public-form-share = Ja, Sie dürfen meine Daten weitergeben an: { $parties }
public-form-gpc = Ihr Browser sendet ein Global-Privacy-Control-Signal: Wir geben Ihre Daten nicht weiter, es sei denn, Sie kreuzen das Kästchen oben an.
public-form-confirm-hint = Wir senden Ihnen per E-Mail einen Link zur Bestätigung.
public-form-fix = Bitte prüfen — { $field }: { $problem }
public-problem-email = muss eine E-Mail-Adresse sein
public-problem-phone = muss eine Telefonnummer sein
public-problem-name = darf höchstens 100 Zeichen lang sein und keine Steuerzeichen enthalten
public-problem-no-subscription = kreuzen Sie mindestens ein Abonnement an, um sich anzumelden
public-problem-unknown-subscription = dieses Formular bietet dieses Abonnement nicht an
public-problem-other = ist ungültig
public-check-inbox-title = Sehen Sie in Ihrem Posteingang nach
public-check-inbox-text = Wenn die Adresse gültig ist, ist eine Nachricht mit einem Bestätigungslink unterwegs. Bis Sie bestätigen, senden wir Ihnen nichts.

public-confirm-title = Bestätigen Sie Ihr Abonnement
public-confirm-text = Klicken Sie auf die Schaltfläche, um zu bestätigen, dass Sie erhalten möchten, was Sie angefordert haben.
public-confirm-button = Bestätigen
public-confirmed-title = Vielen Dank — bestätigt
public-confirmed-text = Ihre Entscheidung ist gespeichert. Eine Bestätigung ist auf dem Weg in Ihren Posteingang; über den Link darin können Sie Ihre Entscheidung jederzeit ändern.
public-confirmed-already = Dieser Link wurde bereits verwendet: Ihre Entscheidung ist gespeichert.

public-prefs-title = Ihre E-Mail-Einstellungen
public-prefs-save = Meine Auswahl speichern
public-prefs-saved = Ihre Auswahl ist gespeichert.
public-prefs-not-given = Ihre übrige Auswahl ist gespeichert. Nicht abonniert, weil Sie nicht gesehen haben, wie wir Ihre Daten dafür verwenden: Abonnieren Sie über das zugehörige Anmeldeformular, das es erklärt — { $names }
public-prefs-unsubscribe-all = Alle abbestellen
public-prefs-unsubscribed = Sie sind abgemeldet.
public-prefs-receipts = Ihre Einwilligungsnachweise
public-channel-email = E-Mail
public-channel-phone = Telefon
# same as English
public-channel-sms = SMS
public-channel-post = Briefpost
public-action-requested = Angefragt
public-action-given = Erteilt
public-action-refused = Verweigert
public-action-withdrawn = Widerrufen
public-action-expired = Abgelaufen

public-unsubscribe-title = Abmelden
public-unsubscribe-text = Klicken Sie auf die Schaltfläche, um diese Nachrichten nicht mehr zu erhalten.
public-unsubscribe-button = Abmelden

## Der Leser ist ein Auftragsverarbeiter, der für den Verantwortlichen handelt.
public-ack-title = Eine Datenschutzanfrage bestätigen
public-ack-action = Was verlangt wird (Art. 19 DSGVO)
public-ack-subject = Die betroffene Person (Kennung)
public-ack-reference = Referenz
public-ack-due = Bitte bestätigen bis
public-ack-done-on = Bestätigt am { $at }.
public-ack-explain = Klicken Sie auf die Schaltfläche, sobald Sie die Anfrage ausgeführt haben. Bis dahin wird nichts gespeichert.
public-ack-button = Ich bestätige die Ausführung
public-ack-action-erasure = Die Daten der Person löschen (Art. 17)
public-ack-action-rectification = Die Daten der Person berichtigen (Art. 16)
public-ack-action-restriction = Die Verarbeitung einschränken (Art. 18)
public-ack-action-restriction-lifted = Die Einschränkung ist aufgehoben (Art. 18 Abs. 3)
public-ack-invalid-text = Prüfen Sie, ob der Link vollständig aus der Nachricht kopiert wurde.
public-ack-expired-text = Bitten Sie den Verantwortlichen um eine neue Anfrage.
public-ack-recorded-title = Bestätigung gespeichert
public-ack-recorded-text = Vielen Dank: In den Unterlagen des Verantwortlichen ist nun vermerkt, dass Sie die Anfrage ausgeführt haben.
public-ack-already-title = Bereits bestätigt
public-ack-already-text = Diese Anfrage wurde bereits bestätigt.
