## Recordatorios por correo al personal (DPD y administradores), en el idioma
## de cada persona, con las fechas en su zona horaria.

## El plazo de 72 horas para notificar una violación a la autoridad de control (art. 33, apdo. 1, RGPD).
reminders-breach-subject-left = Violación { $reference }: quedan { $h } h { $m } min para notificar a la autoridad
reminders-breach-subject-overdue = Violación { $reference }: la notificación a la autoridad lleva { $h } h { $m } min de retraso
reminders-breach-deadline = El plazo de 72 horas para notificar a la autoridad de control la violación { $reference } ({ $title }) vence el { $deadline } (art. 33, apdo. 1, del RGPD).
reminders-breach-record = Registre la decisión y la notificación: { $link }
