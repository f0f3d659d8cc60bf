## Marketing → Campagnes : la liste, une nouvelle campagne, la page d'une campagne.
campaigns-title = Campagnes
campaigns-intro = Une newsletter envoyée à un segment pour un type d'abonnement. Seules les personnes à qui l'on peut écrire par e-mail pour sa finalité la reçoivent : chacune est vérifiée de nouveau au moment de l'envoi, et chaque e-mail comporte un lien de désabonnement en un clic.
campaigns-new = Nouvelle campagne
campaigns-none = Aucune campagne pour l'instant.
campaigns-col-name = Nom
campaigns-col-status = Statut
campaigns-col-audience = Destinataires
campaigns-col-queued = En file d'attente
campaigns-col-sent = Envoyés
campaigns-col-failed = Échecs
campaigns-col-skipped = Ignorés
# same as English
campaigns-col-contact = Contact
campaigns-col-reason = Motif

campaigns-status-draft = Brouillon
campaigns-status-scheduled = Programmée
campaigns-status-sending = En cours d'envoi
campaigns-status-paused = En pause
campaigns-status-done = Terminée
campaigns-status-cancelled = Annulée
campaigns-recipient-pending = En attente
campaigns-recipient-queued = En file d'attente
campaigns-recipient-sent = Envoyé
campaigns-recipient-failed = Échec
campaigns-recipient-skipped = Ignoré

campaigns-one-title = Campagne
campaigns-back = Retour aux campagnes
campaigns-fact-for = Pour
campaigns-for-email = { $purpose } (e-mail)
campaigns-fact-scheduled = Programmée pour
campaigns-fact-rate = Cadence
campaigns-rate-value = { $rate } par minute
campaigns-fact-filter = Filtre des destinataires
campaigns-fact-audience-now = Destinataires actuels
campaigns-audience-now = { $n ->
    [one] { $n } personne peut recevoir des e-mails pour { $purpose }
   *[other] { $n } personnes peuvent recevoir des e-mails pour { $purpose }
}
campaigns-delivery = Distribution
campaigns-send-now = Envoyer maintenant
campaigns-at-utc = À (UTC)
campaigns-schedule = Programmer
campaigns-pause = Mettre en pause
campaigns-resume = Reprendre
campaigns-cancel = Annuler la campagne
campaigns-log = Journal de distribution
campaigns-log-show = Afficher
campaigns-log-all = tous
campaigns-filter = Filtrer
campaigns-log-none = Aucun destinataire pour l'instant.
campaigns-next-page = Page suivante

campaigns-errors = Veuillez corriger :
campaigns-subscription-type = Type d'abonnement
campaigns-template = Modèle
campaigns-no-template = Aucun modèle de newsletter pour l'instant : { $link }.
campaigns-write-one = en rédiger un
campaigns-audience-note = La condition « peut recevoir des e-mails pour la finalité du type d'abonnement » est toujours ajoutée : une campagne ne va jamais à une personne qui ne peut pas recevoir d'e-mails pour cette finalité.
campaigns-segment = Segment enregistré
campaigns-segment-none = (aucun : utiliser le filtre ci-dessous)
campaigns-query = Ou un filtre de la liste des contacts (comme dans l'adresse de la liste des contacts, p. ex. { $example } ; vide : tout le monde)
campaigns-when = Quand
campaigns-when-draft = Garder en brouillon (voir d'abord le nombre de destinataires)
campaigns-rate = Messages par minute
campaigns-save = Enregistrer la campagne
campaigns-saved-draft = Enregistrée en brouillon : { $why }
campaigns-choose-one = choisissez-en un
campaigns-whole-number = doit être un nombre entier
campaigns-give-time = indiquez une date et une heure (UTC)
