## Reminder mails to staff (the dpo and admins), in each staff member's
## language, dates in their time zone.

## A breach's 72-hour deadline to notify the supervisory authority (GDPR Art. 33(1)).
reminders-breach-subject-left = Breach { $reference }: { $h } h { $m } min left to notify the authority
reminders-breach-subject-overdue = Breach { $reference }: overdue by { $h } h { $m } min to notify the authority
reminders-breach-deadline = The 72-hour deadline to notify the supervisory authority of breach { $reference } ({ $title }) is { $deadline } (GDPR Art. 33(1)).
reminders-breach-record = Record the decision and the notice: { $link }
