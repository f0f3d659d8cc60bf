signin-title = Anmelden
signin-heading = Bei Kith anmelden
signin-email = E-Mail
signin-password = Passwort
signin-submit = Anmelden
signin-form-expired = Das Anmeldeformular ist abgelaufen. Bitte versuchen Sie es erneut.
signin-wrong = E-Mail-Adresse oder Passwort ist nicht korrekt.
signin-code-title = Zweiter Schritt
signin-code-intro = Geben Sie den sechsstelligen Code ein, den Ihre Authenticator-App für Kith anzeigt, oder einen Ihrer Wiederherstellungscodes.
# same as English
signin-code = Code
signin-start-again = Neu beginnen
signin-code-form-expired = Das Formular ist abgelaufen. Bitte versuchen Sie es erneut.
signin-code-wrong = Der Code ist nicht korrekt. Geben Sie den aktuellen Code Ihrer App oder einen Wiederherstellungscode ein.

account-title = Mein Konto
account-must-change = Ein Administrator hat Ihr Passwort zurückgesetzt. Wählen Sie ein neues, um fortzufahren: Geben Sie das erhaltene temporäre Passwort und dann Ihr neues ein.
account-must-enrol = Dieser Server verlangt für Ihre Rolle einen zweiten Faktor. Richten Sie ihn unten ein, um fortzufahren.
account-instructions-link = Weisungen zur Verarbeitung personenbezogener Daten
account-password-heading = Passwort
account-temporary-password = Temporäres Passwort
account-current-password = Aktuelles Passwort
account-new-password = Neues Passwort (mindestens 12 Zeichen, kein gängiges)
account-new-password-again = Neues Passwort wiederholen
account-change-password = Passwort ändern
account-password-mismatch = stimmt nicht mit dem neuen Passwort überein
account-password-changed = Passwort geändert. Ihre anderen Sitzungen wurden beendet.
account-locale-heading = Sprache und Zeitzone
account-language = Sprache
account-language-browser = Sprache des Browsers
account-zone = Zeitzone
account-zone-server = Zeitzone des Servers ({ $zone })
account-locale-save = Speichern
account-locale-saved = Sprache und Zeitzone gespeichert.
account-language-invalid = Wählen Sie eine der Sprachen aus der Liste.
account-zone-invalid = Wählen Sie eine Zeitzone aus der Liste, etwa Europe/Berlin.
account-2fa-heading = Zweiter Faktor
account-recovery-codes-title = Ihre Wiederherstellungscodes.
account-recovery-codes-text = Mit jedem können Sie sich einmal anmelden, falls Sie Ihr Telefon verlieren. Notieren oder drucken Sie sie jetzt: Sie werden nur dieses eine Mal angezeigt, und Kith speichert nur ihre Hashwerte.
account-2fa-on = Aktiv: Bei der Anmeldung wird ein Code aus Ihrer Authenticator-App abgefragt. { $n ->
        [one] Noch { $n } Wiederherstellungscode übrig.
       *[other] Noch { $n } Wiederherstellungscodes übrig.
    }
account-2fa-disable-password = Ihr Passwort, um ihn zu deaktivieren
account-2fa-turn-off = Deaktivieren
account-2fa-scan = Scannen Sie diesen Code mit einer Authenticator-App (oder geben Sie dort den Schlüssel unten ein):
account-2fa-qr-alt = QR-Code Ihres Kith-Anmeldeschlüssels
account-2fa-key = Schlüssel:
account-2fa-type-code = Geben Sie den sechsstelligen Code ein, den die App anzeigt:
# same as English
account-2fa-code = Code
account-2fa-turn-on = Aktivieren
account-2fa-off = Aus. Mit einem zweiten Faktor wird bei der Anmeldung zusätzlich ein Code aus einer Authenticator-App auf Ihrem Telefon abgefragt.
account-2fa-set-up = Zweiten Faktor einrichten
account-2fa-on-notice = Zweiter Faktor aktiv. Bewahren Sie die Wiederherstellungscodes unten sicher auf.
account-2fa-off-notice = Zweiter Faktor deaktiviert.
account-2fa-required = Dieser Server verlangt für Ihre Rolle einen zweiten Faktor; er kann nicht deaktiviert werden.
account-tokens-heading = Meine API-Tokens
account-token-created-title = Token „{ $name }“ erstellt.
account-token-created-text = Kopieren Sie es jetzt: Es wird nur dieses eine Mal angezeigt, und Kith speichert nur einen Hashwert davon. Alles, was ein Programm damit tut, wird unter Ihrem Namen mit dem Namen dieses Tokens protokolliert.
# same as English
account-token-name = Name
account-token-created = Erstellt
# same as English
account-token-status = Status
account-token-revoke = Widerrufen
account-token-revoke-label = { $name } widerrufen
account-token-revoked = widerrufen am { $date }
account-token-name-placeholder = z. B. Newsletter-Abgleich
account-token-create = Token erstellen
