## Erinnerungen per E-Mail an die Mitarbeitenden (DSB und Administratoren),
## in der Sprache jeder Person, Zeitangaben in ihrer Zeitzone.

## Die 72-Stunden-Frist für die Meldung an die Aufsichtsbehörde (Art. 33 Abs. 1 DSGVO).
reminders-breach-subject-left = Datenpanne { $reference }: noch { $h } Std. { $m } Min. für die Meldung an die Aufsichtsbehörde
reminders-breach-subject-overdue = Datenpanne { $reference }: Meldung an die Aufsichtsbehörde seit { $h } Std. { $m } Min. überfällig
reminders-breach-deadline = Die 72-Stunden-Frist für die Meldung der Datenpanne { $reference } ({ $title }) an die Aufsichtsbehörde endet am { $deadline } (Art. 33 Abs. 1 DSGVO).
reminders-breach-record = Entscheidung und Meldung erfassen: { $link }
