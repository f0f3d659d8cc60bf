## Rappels envoyés au personnel (DPD et administrateurs), dans la langue de
## chacun, avec les dates dans son fuseau horaire.

## Le délai de 72 heures pour notifier une violation à l'autorité de contrôle (art. 33, § 1, RGPD).
reminders-breach-subject-left = Violation { $reference } : encore { $h } h { $m } min pour notifier l'autorité
reminders-breach-subject-overdue = Violation { $reference } : notification à l'autorité en retard de { $h } h { $m } min
reminders-breach-deadline = Le délai de 72 heures pour notifier la violation { $reference } ({ $title }) à l'autorité de contrôle expire le { $deadline } (art. 33, paragraphe 1, RGPD).
reminders-breach-record = Enregistrez la décision et la notification : { $link }
