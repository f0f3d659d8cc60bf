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
contacts-segments-intro = Un segment regroupe sous un nom les filtres de la liste des contacts : conditions sur la base juridique, le consentement, les personnes qui peuvent être contactées (la même règle que pour chaque envoi), la limitation, l'opposition, la version de la notice d'information et le réexamen, avec les filtres par responsable, étiquette, entreprise et origine. Les vôtres, ou partagés avec l'équipe.
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
contacts-art14-send = Envoyer la notice de l'art. 14
contacts-art14-sent = Notice de l'art. 14 envoyée le { $date } ({ $how }, en { $language })
contacts-art14-not-sent = Notice de l'art. 14 non envoyée
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
contacts-decision-overridden = Écartée : motifs légitimes et impérieux enregistrés

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

# same as English
contacts-list-title = Contacts
contacts-list-new = + Nouveau contact
contacts-list-reviews = Réexamens à faire
contacts-list-saved-views = Vues enregistrées
contacts-list-saved-views-label = Vues enregistrées :
contacts-list-delete-view = Supprimer la vue { $name }
contacts-list-search = Rechercher
contacts-list-search-placeholder = Nom, e-mail ou téléphone
contacts-list-filters = Filtres, tri et colonnes
contacts-list-anyone = Tout le monde
contacts-list-tag = Étiquette
contacts-list-any = Toutes
contacts-list-created-from = Créé à partir du
contacts-list-created-to = Créé jusqu'au
contacts-list-sort = Tri
contacts-list-columns = Colonnes
contacts-list-clear = Effacer
contacts-list-consent-basis = Consentement et base juridique
contacts-list-active-conditions = Conditions actives
contacts-list-remove-condition = Retirer la condition { $condition }
contacts-list-act-on-all = agir sur tous
contacts-list-add-condition-label = Ajouter une condition
# same as English
contacts-list-condition = Condition
contacts-list-channel = Canal
contacts-list-consent-state = État du consentement
contacts-list-add-condition = Ajouter la condition
contacts-list-save-as-segment = Enregistrer comme segment
contacts-list-save-filters-segment = Enregistrer ces filtres comme segment
contacts-list-save-segment = Enregistrer le segment
contacts-list-saved-segments = Segments enregistrés
contacts-list-start-again = recommencer
contacts-list-save-this-view = Enregistrer cette vue
contacts-list-save-as-view = Enregistrer filtres, tri et colonnes comme vue
contacts-list-save-view = Enregistrer la vue
contacts-list-first-run-add-import = <strong>Aucun contact pour l'instant</strong> — <a href="/contacts/new">ajoutez-en un</a> ou importez un fichier CSV (<a href="/import">Importer des contacts</a>, ou <code>kith import contacts</code>). Pour une visite guidée, <code>kith demo</code> remplit Kith de données d'exemple fictives.
contacts-list-first-run-add = <strong>Aucun contact pour l'instant</strong> — <a href="/contacts/new">ajoutez-en un</a> ou importez un fichier CSV (un administrateur ou le DPD importe les fichiers). Pour une visite guidée, <code>kith demo</code> remplit Kith de données d'exemple fictives.
contacts-list-first-run-import = <strong>Aucun contact pour l'instant</strong> : importez un fichier CSV (<a href="/import">Importer des contacts</a>, ou <code>kith import contacts</code>). Pour une visite guidée, <code>kith demo</code> remplit Kith de données d'exemple fictives.
contacts-list-first-run = <strong>Aucun contact pour l'instant</strong> : un administrateur ou le DPD importe les fichiers CSV. Pour une visite guidée, <code>kith demo</code> remplit Kith de données d'exemple fictives.
contacts-list-no-match = Aucun contact ne correspond.
contacts-list-no-match-search = Aucun contact ne correspond à cette recherche.
contacts-list-no-match-filters = Aucun contact ne correspond à ces filtres.
contacts-list-no-match-both = Aucun contact ne correspond à cette recherche et à ces filtres.
contacts-list-show-all = Afficher tous les contacts
contacts-list-request-all = Demander le consentement à tous les contacts correspondants…
contacts-list-bulk-action = Action groupée
contacts-list-selected-rows = Lignes sélectionnées
contacts-list-all-matching = Tous les contacts correspondant à cette recherche et à ce filtre
contacts-list-all-contacts = Tous les contacts, sans exception
# same as English
contacts-list-action = Action
contacts-list-assign-owner = Attribuer un responsable
contacts-list-add-tag = Ajouter une étiquette
contacts-list-remove-tag = Retirer une étiquette
contacts-list-request-by-email = Demander le consentement par e-mail
contacts-list-owner-for-assign = Responsable (pour « Attribuer un responsable »)
contacts-list-tag-for = Étiquette (pour ajouter / retirer)
contacts-list-review = Vérifier…
contacts-list-basis-options = Options de base juridique et de demande de consentement
contacts-list-basis-for-set = Base juridique (pour « Définir la base juridique »)
contacts-list-source-name = Nom de l'origine (fichier, formulaire, client)
contacts-list-lia-ref = Référence de l'évaluation (intérêts légitimes)
contacts-list-effective = Date d'effet
contacts-list-notice-for = Notice d'information (pour « Demander le consentement »)
contacts-list-mail-subject = Objet de l'e-mail
contacts-list-mail-text = Texte de l'e-mail
contacts-list-days-to-answer = Jours pour répondre
contacts-list-select-page = Tout sélectionner sur cette page
contacts-list-select = Sélectionner { $name }
contacts-list-name = Nom
contacts-list-consent-col = Consentement : { $purpose }
contacts-list-next-page = Page suivante →
contacts-list-first-page = ↑ Première page
contacts-list-changed = { $n ->
    [one] { $n } contact modifié.
   *[other] { $n } contacts modifiés.
}
contacts-list-requested = { $n ->
    [one] Consentement demandé à { $n } contact.
   *[other] Consentement demandé à { $n } contacts.
}
contacts-list-deleted = Le contact et toutes ses données à caractère personnel ont été supprimés.
contacts-list-view-saved = Vue enregistrée.
contacts-list-view-deleted = Vue supprimée.
contacts-list-match-count = { $n ->
    [one] { $n } contact correspond
   *[other] { $n } contacts correspondent
}
contacts-list-no-basis = Aucune base juridique
contacts-list-choose-source = choisissez une origine dans la liste
contacts-list-choose-channel = choisissez un canal
contacts-list-choose-basis = choisissez une base juridique (ou aucune)
contacts-list-choose-state = choisissez un état du consentement
contacts-list-choose-condition = choisissez une condition
contacts-list-unknown-purpose = une finalité inconnue
contacts-sort-newest = Les plus récents d'abord
contacts-sort-oldest = Les plus anciens d'abord
contacts-sort-recently-changed = Modifiés récemment
contacts-sort-least-recently-changed = Modifiés le moins récemment

contacts-col-email = E-mail
contacts-col-phone = Téléphone
contacts-col-job-title = Fonction
contacts-col-company = Entreprise
contacts-col-owner = Responsable
contacts-col-tags = Étiquettes
contacts-col-created = Créé le
contacts-col-updated = Modifié le

contacts-cond-may = Peut être contacté (finalité, canal)
contacts-cond-may-not = Ne peut pas être contacté (finalité, canal)
contacts-cond-basis = La base juridique est (finalité, base)
contacts-cond-consent = L'état du consentement est (finalité, canal, état)
contacts-cond-objected = S'est opposé à la finalité
contacts-cond-objected-any = S'est opposé à une finalité quelconque
contacts-cond-old-notice = Consentement donné sous une ancienne notice (finalité)
contacts-cond-restricted = Traitement limité
contacts-cond-not-restricted = Traitement non limité
contacts-cond-review-due = Réexamen à faire
contacts-chip-basis = { $purpose } : base { $basis }
contacts-chip-no-basis = { $purpose } : aucune base juridique
contacts-chip-consent = { $purpose } : consentement { $channel } { $state }
contacts-chip-may = { $purpose } : peut être contacté par { $channel }
contacts-chip-may-not = { $purpose } : ne peut pas être contacté par { $channel }
contacts-chip-objected = { $purpose } : opposition
contacts-chip-old-notice = { $purpose } : consentement sous une ancienne notice

contacts-badge-unknown = Inconnu
contacts-badge-no-basis = aucune base
contacts-badge-title-may = Base : { $basis } ; consentement e-mail : { $state } ; peut recevoir des e-mails
contacts-badge-title-may-not = Base : { $basis } ; consentement e-mail : { $state } ; ne peut pas recevoir d'e-mails

contacts-state-none = Aucun enregistrement
contacts-state-awaiting = En attente de réponse
contacts-state-not-responded = Sans réponse
contacts-state-given = Donné
contacts-state-refused = Refusé
contacts-state-withdrawn = Retiré
contacts-state-expired = Expiré

contacts-choose-kind = choisissez note, appel, e-mail ou réunion
contacts-bad-emails = chaque ligne doit être une adresse e-mail telle que name@example.com
contacts-special-not-allowed = votre rôle ne permet pas de modifier les champs de catégories particulières

contacts-special-health = Santé
contacts-special-religion = Convictions religieuses ou philosophiques
contacts-special-political-opinion = Opinions politiques
contacts-special-ethnic-origin = Origine raciale ou ethnique
contacts-special-trade-union = Appartenance syndicale
contacts-special-genetic = Données génétiques
contacts-special-biometric = Données biométriques
contacts-special-sex-life = Vie sexuelle ou orientation sexuelle
contacts-special-criminal = Condamnations pénales et infractions
