## Promemoria via email al personale (RPD e amministratori), nella lingua di
## ciascuno, con le date nel suo fuso orario.

## Il termine di 72 ore per notificare una violazione all'autorità di controllo (art. 33, par. 1, GDPR).
reminders-breach-subject-left = Violazione { $reference }: mancano { $h } h { $m } min per la notifica all'autorità
reminders-breach-subject-overdue = Violazione { $reference }: notifica all'autorità in ritardo di { $h } h { $m } min
reminders-breach-deadline = Il termine di 72 ore per notificare all'autorità di controllo la violazione { $reference } ({ $title }) scade il { $deadline } (art. 33, par. 1, GDPR).
reminders-breach-record = Registra la decisione e la notifica: { $link }
