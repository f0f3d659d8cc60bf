contacts-new-title = Nouveau contact
contacts-correct-fields = Veuillez corriger les champs signalés ci-dessous.
contacts-create = Créer le contact
contacts-cancel = Annuler
contacts-back-to-list = Retour à la liste
contacts-bad-date = doit être une date telle que 2026-01-31
contacts-bad-choice = n'est pas un choix valide

contacts-first-name = Prénom
contacts-last-name = Nom
contacts-job-title = Fonction
contacts-emails-field = E-mails (un par ligne)
contacts-phones-field = Téléphones (un par ligne)
contacts-owner = Responsable
contacts-nobody = Personne
contacts-company = Entreprise
contacts-no-company = Aucune
contacts-tags-field = Étiquettes (séparées par des virgules)
contacts-postal-address = Adresse postale
contacts-street = Rue
contacts-postal-code = Code postal
contacts-city = Ville
contacts-region = Région
contacts-country = Pays
# same as English
contacts-notes = Notes
contacts-custom-fields = Champs personnalisés
contacts-special-category = (catégorie particulière : { $category })
contacts-stale-choice = (ne fait plus partie des choix)

contacts-bulk-confirm-title = Confirmer la modification groupée
contacts-bulk-none-match = Aucun contact ne correspond à cette recherche et à ce filtre : il n'y a rien à modifier.
contacts-bulk-none-exist = Aucun des contacts cochés n'existe plus : il n'y a rien à modifier.
contacts-bulk-none-ticked = Aucune ligne n'est cochée. Revenez en arrière, cochez des lignes ou choisissez « Tous les contacts correspondants ».
contacts-bulk-will-add-tag = L'étiquette « { $x } » sera ajoutée à { $n ->
    [one] { $n } contact
   *[other] { $n } contacts
}.
contacts-bulk-will-remove-tag = L'étiquette « { $x } » sera retirée de { $n ->
    [one] { $n } contact
   *[other] { $n } contacts
}.
contacts-bulk-will-assign-owner = { $x } deviendra responsable de { $n ->
    [one] { $n } contact
   *[other] { $n } contacts
}.
contacts-bulk-will-remove-owner = Le responsable sera retiré de { $n ->
    [one] { $n } contact
   *[other] { $n } contacts
}.
contacts-bulk-will-set-basis = La base juridique « { $x } » sera enregistrée pour { $n ->
    [one] { $n } contact
   *[other] { $n } contacts
}.
contacts-bulk-will-request-consent = Une demande de consentement sera envoyée par e-mail à { $n ->
    [one] { $n } contact
   *[other] { $n } contacts
} (les contacts sans e-mail ou ayant déjà répondu sont ignorés).
contacts-bulk-send-to = { $n ->
    [one] Envoyer à { $n } contact
   *[other] Envoyer à { $n } contacts
}
contacts-bulk-change = { $n ->
    [one] Modifier { $n } contact
   *[other] Modifier { $n } contacts
}
contacts-bulk-choose-basis = choisissez une base juridique
contacts-bulk-choose-source = choisissez l'origine de la base juridique
contacts-bulk-choose-purpose = choisissez une finalité
contacts-bulk-choose-purpose-notice = choisissez une finalité et une notice d'information
contacts-bulk-choose-action = choisissez l'action à effectuer

# same as English
contacts-segments-title = Segments
contacts-segments-build = En créer un depuis la liste des contacts
contacts-segments-intro = Un segment regroupe sous un nom les filtres de la liste des contacts : conditions sur la base juridique, le consentement, les personnes qui peuvent être contactées (la même règle que pour chaque envoi), la limitation, l'opposition, la version de la notice d'information et la revue, avec les filtres par responsable, étiquette, entreprise et origine. Les vôtres, ou partagés avec l'équipe.
contacts-segments-empty = Aucun segment pour l'instant. Filtrez la <a href="/contacts#segment">liste des contacts</a>, puis « Enregistrer le segment ».
contacts-segments-name = Nom
contacts-segments-count = Contacts actuels
contacts-segments-shared = Partagé
contacts-segments-changed = Modifié
# same as English
contacts-segments-actions = Actions
contacts-segments-colleagues = (d'un collègue)
contacts-segments-with-team = Avec l'équipe
contacts-segments-owner-only = Son propriétaire seulement
contacts-segments-stop-sharing = Ne plus partager
contacts-segments-share = Partager avec l'équipe
contacts-segments-delete = Supprimer
contacts-segments-delete-named = Supprimer le segment { $name }
contacts-segments-saved = Segment enregistré.
contacts-segments-sharing-changed = Partage modifié.
contacts-segments-deleted = Segment supprimé.

contacts-basis-not-applicable = Sans objet
contacts-basis-consent = Consentement
contacts-basis-contract = Contrat
contacts-basis-legal-obligation = Obligation légale
contacts-basis-vital-interests = Intérêts vitaux
contacts-basis-public-task = Mission d'intérêt public
contacts-basis-legitimate-interests = Intérêts légitimes
