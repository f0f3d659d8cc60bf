errors-status = Fehler { $status }.
errors-back = Zurück zu den Kontakten
errors-nothing-here-title = Hier gibt es nichts anzuzeigen
errors-nothing-here-text = Diese Adresse nimmt nur ein abgeschicktes Formular an. Beginnen Sie über das Menü neu.
errors-bad-form-title = Das Formular konnte nicht gelesen werden
errors-bad-form-text = Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.
errors-not-found-title = Nicht gefunden
errors-not-found-text = Unter dieser Adresse gibt es nichts.
errors-no-such-record = Es gibt keinen Eintrag ({ $what }) mit dieser ID.
errors-internal-title = Etwas ist schiefgelaufen
errors-internal-text = Bei uns ist etwas schiefgelaufen. Es wurde nichts geändert; bitte versuchen Sie es erneut. Der Header X-Request-Id dieser Seite kennzeichnet sie im Serverprotokoll.
errors-sign-in-title = Bitte melden Sie sich an
errors-sign-in-text = Ihre Sitzung ist abgelaufen.
errors-forbidden-title = Nicht erlaubt
errors-forbidden-text = Ihre Rolle erlaubt diese Aktion nicht ({ $what }).
errors-check-input-title = Bitte prüfen Sie die Eingaben
errors-not-done-title = Nicht möglich
errors-restricted-title = Verarbeitung eingeschränkt
errors-restricted-text = Die Verarbeitung dieses Kontakts ist eingeschränkt (Art. 18 DSGVO): Die Daten werden gespeichert, dürfen aber sonst nicht verarbeitet werden, bis die Einschränkung aufgehoben ist.
errors-idempotency-text = Der Idempotency-Key wurde bereits für eine andere Anfrage verwendet.
errors-too-many-title = Zu viele Versuche
errors-try-again-seconds = Zu viele fehlgeschlagene Versuche. Die Anmeldung ist gesperrt; versuchen Sie es in { $n ->
        [one] { $n } Sekunde
       *[other] { $n } Sekunden
    } erneut.
errors-try-again-minutes = Zu viele fehlgeschlagene Versuche. Die Anmeldung ist gesperrt; versuchen Sie es in { $n ->
        [one] { $n } Minute
       *[other] { $n } Minuten
    } erneut.
errors-busy-title = Ausgelastet
errors-busy-text = Der Server ist gerade zu stark ausgelastet. Bitte versuchen Sie es gleich noch einmal.

errors-nul-text = Der Text darf keine NUL-Zeichen enthalten.
errors-form-expired-title = Das Formular ist abgelaufen
errors-form-expired-text = Dieses Formular wurde nicht von einer aktuellen Kith-Seite gesendet. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.
errors-bad-address-title = Diese Adresse ist ungültig
errors-bad-address-text = Die Adresse enthält einen Wert, den Kith nicht lesen kann. Beginnen Sie über das Menü neu.
errors-link-out-of-date = Der Link zu dieser Seite ist veraltet
