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
    [one] <strong>{ $n }</strong> contact
   *[other] <strong>{ $n }</strong> contacts
}.
contacts-bulk-will-remove-tag = L'étiquette « { $x } » sera retirée de { $n ->
    [one] <strong>{ $n }</strong> contact
   *[other] <strong>{ $n }</strong> contacts
}.
contacts-bulk-will-assign-owner = { $x } deviendra responsable de { $n ->
    [one] <strong>{ $n }</strong> contact
   *[other] <strong>{ $n }</strong> contacts
}.
contacts-bulk-will-remove-owner = Le responsable sera retiré de { $n ->
    [one] <strong>{ $n }</strong> contact
   *[other] <strong>{ $n }</strong> contacts
}.
contacts-bulk-will-set-basis = La base juridique « { $x } » sera enregistrée pour { $n ->
    [one] <strong>{ $n }</strong> contact
   *[other] <strong>{ $n }</strong> contacts
}.
contacts-bulk-will-request-consent = Une demande de consentement sera envoyée par e-mail à { $n ->
    [one] <strong>{ $n }</strong> contact
   *[other] <strong>{ $n }</strong> contacts
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

# same as English
contacts-one = Contact
# same as English
contacts-back = ← Contacts
contacts-details = Détails
contacts-email = E-mail
contacts-phone = Téléphone
contacts-address = Adresse
contacts-tags = Étiquettes
contacts-created = Créé le
contacts-source = Origine
contacts-field-policy = Règles des champs
contacts-changed = Modifié le
contacts-edit = Modifier
contacts-not-saved = Rien n'a été enregistré. Veuillez corriger les champs signalés ci-dessous.
contacts-save = Enregistrer
contacts-saved = Modifications enregistrées.
contacts-created-notice = Contact créé.
contacts-added = Ajouté à l'historique.
contacts-erasure-requested = Une demande d'effacement a été enregistrée au registre : l'équipe chargée de la protection des données la vérifie et l'exécute.
contacts-policy-version = Champs écrits pour la dernière fois selon la version { $version } des règles des champs
contacts-policy-none = Champs collectés avant que Kith ne tienne des règles des champs
contacts-source-by = { $what } — par { $who }, { $when }
contacts-source-at = { $what } — { $when }
contacts-source-none = Non enregistrée (créé avant que Kith n'enregistre la provenance)
contacts-source-detail = { $kind } : { $detail }
contacts-source-created-in-source = { $what } (créé dans la source le { $date })
contacts-activity = Activité
contacts-add-to-timeline = Ajouter à l'historique
contacts-add-a = Ajouter
# same as English
contacts-kind-note = Note
contacts-kind-call = Appel
contacts-kind-email = E-mail
contacts-kind-meeting = Réunion
contacts-what-happened = Ce qui s'est passé
contacts-add = Ajouter
contacts-timeline-empty = Rien d'enregistré pour l'instant. Les notes, appels, e-mails, réunions et changements d'affaires apparaissent ici, du plus récent au plus ancien.
contacts-text-hidden = (texte masqué pour votre rôle)
contacts-deal-moved = « { $title } » déplacée de { $from } à { $to }
contacts-deal-created = « { $title } » créée en { $stage }
contacts-deals = Affaires
contacts-no-deals = Aucune affaire avec ce contact.
contacts-delete = Supprimer
contacts-delete-summary = Supprimer ce contact…
contacts-delete-text = Cette action efface définitivement le contact, son historique et toutes ses données à caractère personnel. Elle est irréversible. Un contact soumis à une conservation pour motif légal ou à une limitation n'est pas supprimé tant que celle-ci n'est pas levée.
contacts-delete-for-good = Supprimer définitivement
contacts-erasure-text = Votre rôle dépose une demande d'effacement : l'équipe chargée de la protection des données vérifie si les données doivent être conservées (conservation pour motif légal, limitation, art. 17, paragraphe 3) puis les efface.
contacts-request-erasure = Demander l'effacement
contacts-who-read = Qui a consulté ou modifié ce contact

contacts-privacy = Confidentialité
contacts-undeliverable = Un serveur de messagerie a refusé définitivement une adresse de cette personne ({ $dates }) : les campagnes l'ignorent jusqu'à ce que l'adresse soit modifiée.
contacts-restricted-title = Traitement limité
contacts-restricted-text = depuis le { $since } (RGPD, art. 18) : données seulement conservées — ni modification, ni note, ni envoi, ni action groupée.
contacts-lift-restriction = Lever la limitation
contacts-restrict = Limiter le traitement
contacts-art14-send = Envoyer l'information prévue à l'art. 14
contacts-art14-sent = Information prévue à l'art. 14 envoyée le { $date } ({ $how }, en { $language })
contacts-art14-not-sent = Information prévue à l'art. 14 non envoyée
contacts-art14-from-import = depuis la page de l'import
contacts-art14-automatically = automatiquement
contacts-art14-by-staff = par le personnel
contacts-language-en = anglais
contacts-language-it = italien
contacts-language-fr = français
contacts-language-bg = bulgare
contacts-language-de = allemand
contacts-language-es = espagnol
contacts-retention = Conservation
contacts-hold-title = Conservation pour motif légal
contacts-hold-text = — la politique de conservation ne supprimera pas ce contact. Motif : { $reason }. Réexamen le { $date }.
contacts-release-hold = Lever la conservation pour motif légal
contacts-place-hold = Placer une conservation pour motif légal
contacts-hold-reason = Motif (par ex. l'affaire dans laquelle les données servent de preuve)
contacts-hold-review-on = Réexamen le
contacts-hold-place = Placer la conservation
contacts-review-due = Réexamen à faire :
contacts-review-question = ces données sont-elles toujours exactes et nécessaires ?
contacts-last-reviewed = Dernier réexamen le { $date }.
contacts-mark-reviewed = Marquer comme réexaminé : exact et toujours nécessaire
contacts-objections = Oppositions
contacts-uphold = Accueillir
contacts-override = Passer outre (motifs impérieux)
contacts-requests = Demandes (droits RGPD)
contacts-no-requests = Aucune demande de cette personne.
contacts-request-line = { $status }, reçue le { $received }
contacts-request-line-due = { $status }, reçue le { $received }, échéance le { $due }
contacts-register-request = Enregistrer une demande
contacts-person-asks = La personne concernée demande
contacts-received-by = Reçue par
# same as English
contacts-note = Note
contacts-register = Enregistrer la demande
contacts-no-purposes = Aucune finalité n'est encore définie.
contacts-may-we-contact = Pouvons-nous contacter cette personne ?
contacts-consent-history = Historique des consentements ({ $n })
contacts-receipt = reçu
contacts-request-consent = Demander le consentement
contacts-set-basis = Définir la base juridique
contacts-purpose = Finalité
contacts-basis = Base juridique
contacts-lia-ref = Référence de l'évaluation (pour les intérêts légitimes)
contacts-ends-on = Prend fin le (fin du contrat, si connue)
contacts-save-basis = Enregistrer la base juridique
contacts-record-objection-title = Enregistrer une opposition (art. 21)
contacts-person-objects = La personne s'oppose à
contacts-record-objection = Enregistrer l'opposition
contacts-record-consent-title = Enregistrer un consentement donné par téléphone ou sur papier
contacts-consent-given = Consentement donné
contacts-how = Comment
contacts-channels = Canaux
contacts-affirmative-act = Ce que la personne a dit ou fait
contacts-evidence = Preuve (identifiant de l'enregistrement, formulaire numérisé)
contacts-record = Enregistrer
contacts-badge-no-email = Ne pas envoyer d'e-mail : { $purpose }
contacts-badge-no-phone = Ne pas appeler : { $purpose }
contacts-badge-no-sms = Ne pas envoyer de SMS : { $purpose }
contacts-badge-no-post = Ne pas écrire : { $purpose }
contacts-badge-awaiting = { $channel } : { $purpose } — en attente depuis le { $date }
contacts-badge-not-responded = { $channel } : { $purpose } — sans réponse
contacts-badge-expired = { $channel } : { $purpose } — consentement expiré
contacts-badge-ok = { $channel } : { $purpose } ✓
contacts-basis-source-named = { $source } « { $name } »
contacts-basis-detail = { $source }, depuis le { $date }, définie par { $who }
contacts-basis-detail-lia = { $source }, évaluation { $lia }, depuis le { $date }, définie par { $who }
contacts-the-system = le système

# same as English
contacts-event-note = note
contacts-event-call = appel
contacts-event-email = e-mail
contacts-event-meeting = réunion
contacts-event-deal = affaire

contacts-source-manual = Saisi par le personnel
contacts-source-web-form = Formulaire web
# same as English
contacts-source-import = Import
# same as English
contacts-source-api = API

contacts-bsource-web-form = Formulaire web
# same as English
contacts-bsource-import = Import
contacts-bsource-manual = Saisie manuelle
contacts-bsource-api-client = Client API

contacts-channel-email = E-mail
contacts-channel-phone = Téléphone
# same as English
contacts-channel-sms = SMS
contacts-channel-post = Courrier

contacts-action-requested = Demandé
contacts-action-given = Donné
contacts-action-refused = Refusé
contacts-action-withdrawn = Retiré
contacts-action-expired = Expiré
contacts-method-web-form = Formulaire web
# same as English
contacts-method-double-opt-in = Double opt-in
contacts-method-portal = Portail de confidentialité
contacts-method-phone = Téléphone
contacts-method-paper = Formulaire papier
# same as English
contacts-method-import = Import
# same as English
contacts-method-api = API

contacts-decision-pending = En attente de décision
contacts-decision-upheld = Accueillie : traitement arrêté
contacts-decision-overridden = Écartée : motifs légitimes impérieux enregistrés

contacts-dsr-access = Accès (art. 15)
contacts-dsr-portability = Portabilité (art. 20)
contacts-dsr-rectification = Rectification (art. 16)
contacts-dsr-erasure = Effacement (art. 17)
contacts-dsr-restriction = Limitation (art. 18)
contacts-dsr-objection = Opposition (art. 21)
contacts-dsr-withdraw-consent = Retrait du consentement (art. 7, paragraphe 3)
contacts-dsr-information = Information (art. 13 à 15)
contacts-dsr-automated-decision-review = Réexamen d'une décision automatisée (art. 22)
contacts-dsr-channel-portal = Portail de confidentialité
contacts-dsr-channel-email = E-mail
contacts-dsr-channel-phone = Appel
contacts-dsr-channel-letter = Lettre
contacts-dsr-channel-staff = Personnel
