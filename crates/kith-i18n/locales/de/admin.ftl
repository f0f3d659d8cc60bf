admin-nav-label = Verwaltung
admin-nav-users = Benutzer und Rollen
admin-nav-fields = Sichtbarkeit der Felder
admin-nav-tokens = API-Tokens
admin-nav-jobs = Aufträge
# same as English
admin-nav-webhooks = Webhooks

admin-users-title = Benutzer
admin-users-email = E-Mail
admin-users-role = Rolle
admin-users-last-sign-in = Letzte Anmeldung
admin-users-since = Seit
admin-users-account = Konto
admin-users-never = nie
admin-users-disabled = (deaktiviert)
# same as English
admin-users-2fa = 2FA
admin-users-2fa-title = Meldet sich mit einem zweiten Faktor an
admin-users-must-change = (muss das Passwort ändern)
admin-users-role-of = Rolle von { $email }
admin-users-change = Ändern
admin-users-paused-until = Anmeldung gesperrt bis { $time }
admin-users-unlock = Entsperren
admin-users-unlock-label = { $email } entsperren
admin-users-enable = Aktivieren
admin-users-enable-label = { $email } aktivieren
admin-users-disable = Deaktivieren
admin-users-disable-label = { $email } deaktivieren
admin-users-reset = Passwort zurücksetzen
admin-users-reset-label = Passwort von { $email } zurücksetzen
admin-users-reset-text = Setzt ein temporäres Passwort (nur einmal angezeigt), das der Benutzer bei der nächsten Anmeldung ändern muss; seine Sitzungen enden und seine API-Tokens werden widerrufen.
admin-users-reset-2fa = Auch den zweiten Faktor entfernen (er ist verloren gegangen)
admin-users-add-heading = Benutzer hinzufügen
admin-users-initial-password = Anfangspasswort (mindestens 12 Zeichen, kein gängiges)
admin-users-add = Benutzer hinzufügen
admin-users-disabled-notice = Benutzer deaktiviert: Seine Sitzungen wurden beendet und seine API-Tokens widerrufen.
admin-users-enabled-notice = Benutzer aktiviert.
admin-users-unlocked-notice = Benutzer entsperrt: Er kann sich sofort anmelden.
admin-users-added-notice = Benutzer hinzugefügt.
admin-users-reset-notice = Passwort zurückgesetzt. Temporäres Passwort, nur jetzt angezeigt – geben Sie es dem Benutzer, der es bei der nächsten Anmeldung ändern muss: { $password }
admin-users-reset-2fa-notice = Passwort zurückgesetzt und zweiter Faktor entfernt. Temporäres Passwort, nur jetzt angezeigt – geben Sie es dem Benutzer, der es bei der nächsten Anmeldung ändern muss: { $password }
admin-users-choose-role = Wählen Sie eine Rolle
admin-users-email-taken = Ein Benutzer mit dieser E-Mail-Adresse existiert bereits

admin-fields-intro = Welche personenbezogenen Felder jede Rolle sieht. Ein ausgeblendetes Feld wird für diese Rolle weder angezeigt noch durchsucht noch bearbeitet, in den Seiten wie in der API.
admin-fields-caption = Sichtbare Felder je Rolle
admin-fields-field = Feld
admin-fields-visible-to = { $field } sichtbar für { $role }
admin-fields-save = Sichtbarkeit speichern
admin-fields-saved = Gespeichert: { $n ->
        [one] { $n } Änderung
       *[other] { $n } Änderungen
    }.
admin-deletion-heading = Kontakte löschen
admin-deletion-intro = Administratoren und der DSB löschen Kontakte direkt. Vertrieb und Support stellen stattdessen einen Löschantrag an das Datenschutzteam, es sei denn, Sie erlauben ihrer Rolle hier das direkte Löschen. Niemand löscht einen Kontakt, für den eine gesetzliche Aufbewahrung oder eine Einschränkung gilt.
admin-deletion-legend = Rollen, die direkt löschen
admin-deletion-save = Löschrechte speichern
admin-deletion-saved = Löschrechte gespeichert.

admin-token-created-title = Token „{ $name }“ erstellt.
admin-token-created-text = Kopieren Sie es jetzt: Es wird nur dieses eine Mal angezeigt, und Kith speichert nur einen Hashwert davon.
admin-tokens-empty = Noch keine API-Tokens. Integrationen authentifizieren sich mit einem Token; erstellen Sie es unten.
# same as English
admin-token-name = Name
admin-token-user = Benutzer
admin-token-created = Erstellt
# same as English
admin-token-status = Status
admin-token-revoke = Widerrufen
admin-token-revoke-label = { $name } widerrufen
admin-token-revoked = widerrufen am { $date }
admin-token-new-heading = Ein Token für sich selbst erstellen
admin-token-new-text = Jeder erstellt seine eigenen Tokens (hier oder unter „Mein Konto“): Ein für jemand anderen erstelltes Token würde es seinem Ersteller erlauben, als diese Person zu handeln. Jedes Token kann hier widerrufen werden.
admin-token-name-placeholder = z. B. Newsletter-Abgleich
admin-token-create = Token erstellen

admin-jobs-intro = Was Kith selbstständig erledigt und wie es beim letzten Mal gelaufen ist. Ein Auftrag, der auf einem einzigen Server läuft, nimmt eine Sperre in der Datenbank, sodass er auch bei mehreren Servern nur einmal läuft.
admin-jobs-job = Auftrag
admin-jobs-runs = Läuft
admin-jobs-where = Wo
admin-jobs-started = Zuletzt gestartet
admin-jobs-finished = Beendet
admin-jobs-state = Zustand
admin-jobs-outcome = Ergebnis
admin-jobs-every-hours = alle { $n } h
admin-jobs-every-minutes = alle { $n } min
admin-jobs-every-seconds = alle { $n } s
admin-jobs-one-server = ein Server
admin-jobs-each-server = jeder Server
admin-jobs-ok = erfolgreich
admin-jobs-failed = fehlgeschlagen

admin-webhooks-intro = Kith teilt anderen Systemen mit, was sich geändert hat: Jedes Ereignis wird signiert (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature), aus einem dauerhaften Postausgang gesendet und mit wachsenden Abständen wiederholt. Die Nutzdaten enthalten IDs und Zustände, nie die Werte einer Person. Adressen, die auf private, Loopback- oder Link-Local-Netze auflösen, werden abgelehnt.
admin-webhook-created-title = Endpunkt { $url } registriert.
admin-webhook-created-text = Kopieren Sie jetzt sein Signaturgeheimnis: Es wird nur dieses eine Mal angezeigt, und Kith bewahrt es verschlüsselt auf.
admin-webhooks-empty = Noch keine Endpunkte. Registrieren Sie unten einen.
admin-webhooks-caption = Webhook-Endpunkte
admin-webhook-address = Adresse
admin-webhook-address-https = Adresse (https://)
admin-webhook-description = Beschreibung
admin-webhook-events = Ereignisse
admin-webhook-state = Zustand
admin-webhook-active = aktiv
admin-webhook-paused = pausiert
admin-webhooks-new-heading = Endpunkt registrieren
admin-webhooks-register = Registrieren
# same as English
admin-webhook-title = Webhook
admin-webhook-heading = Webhook-Endpunkt
admin-webhook-all = Alle Endpunkte
admin-webhook-settings = Einstellungen
admin-webhook-save = Speichern
admin-webhook-test = Test-Ping senden
admin-webhook-remove = Endpunkt und sein Protokoll entfernen
admin-webhook-deliveries = Zustellungen
admin-webhook-nothing-sent = Noch nichts gesendet.
admin-webhook-queued = Eingereiht
admin-webhook-event = Ereignis
admin-webhook-attempts = Versuche
admin-webhook-answer = Antwort
admin-webhook-error = Fehler
admin-webhook-next = Nächster Versuch
admin-webhook-redeliver = Erneut zustellen
admin-webhook-processor = Auftragsverarbeiter aus dem Verzeichnis (seine Anfragen nach Art. 19 kommen hierher)
# same as English
admin-webhook-url-placeholder = https://hooks.example.com/kith
admin-webhook-no-processor = Keiner
admin-webhook-active-label = Aktiv (ein pausierter Endpunkt lässt seine Zustellungen warten)
admin-webhook-choose-recipient = Wählen Sie einen Empfänger
# same as English
admin-webhook-processor-choice = { $name } ({ $role })
admin-webhook-saved = Gespeichert.
admin-webhook-ping-queued = Ein Ping ist eingereiht; er wird innerhalb von Sekunden gesendet.
admin-webhook-requeued = Die Zustellung ist erneut eingereiht.
admin-delivery-pending = ausstehend
admin-delivery-delivered = zugestellt
admin-delivery-failed = fehlgeschlagen
admin-event-consent-changed = Eine Einwilligung wurde erfasst
admin-event-subscription-changed = Ein Abonnement hat sich geändert
admin-event-contact-created = Ein Kontakt wurde angelegt
admin-event-contact-updated = Ein Kontakt wurde geändert
admin-event-subject-restricted = Die Verarbeitung einer Person wurde eingeschränkt
admin-event-subject-unrestricted = Eine Einschränkung wurde aufgehoben
admin-event-subject-objected = Eine Person hat Widerspruch eingelegt
admin-event-subject-erased = Eine Person wurde gelöscht
admin-event-dsr-completed = Ein Antrag einer betroffenen Person wurde erledigt
admin-event-breach-recorded = Eine Datenpanne wurde erfasst
admin-recipient-role-processor = Auftragsverarbeiter (Art. 28)
admin-recipient-role-sub-processor = Unterauftragsverarbeiter (Art. 28 Abs. 2 und 4)
admin-recipient-role-joint-controller = Gemeinsam Verantwortlicher (Art. 26)
admin-recipient-role-recipient = Sonstiger Empfänger (Art. 4 Nr. 9)
