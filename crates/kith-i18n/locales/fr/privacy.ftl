## Vue d'ensemble de la protection des données (privacy.html) et ses graphiques.
privacy-title = Confidentialité
privacy-heading = Vue d'ensemble de la confidentialité
privacy-intro = { $contacts ->
    [one] { $contacts } contact
   *[other] { $contacts } contacts
}. Comptes par finalité : base juridique enregistrée et consentement par canal tel qu'il est aujourd'hui (le consentement expiré et les demandes sans réponse sont comptés comme tels).
privacy-accountability = Responsabilité :
privacy-link-register = Registre des activités de traitement
privacy-link-recipients = Destinataires et transferts
privacy-link-breaches = Violations
privacy-link-setup = Finalités, notices d'information, abonnements et formulaires
privacy-link-outbox = Boîte d'envoi
privacy-link-import = Importer des contacts
privacy-link-retention = Conservation
privacy-link-fields = Politique des champs
privacy-link-evidence = Dossier de preuves
privacy-art14-heading = Notices de l'art. 14
privacy-art14-text = Les personnes dont les données proviennent d'une importation ou d'une saisie par le personnel sont informées, une seule fois, de qui détient ces données, pourquoi, d'où elles proviennent et de leurs droits, dans un délai d'un mois (art. 14, paragraphe 3, point a).
privacy-art14-overdue = En retard : { $n ->
    [one] { $n } personne est
   *[other] { $n } personnes sont
} dans Kith depuis plus d'un mois sans la notice.
privacy-art14-overdue-none = En retard : aucune.
privacy-art14-auto = Envoyer automatiquement
privacy-art14-after = jours après la création du contact
privacy-save = Enregistrer
privacy-empty = Aucune finalité n'est encore définie.
privacy-empty-define = Définir la première finalité
privacy-bars-help = Chaque nombre et chaque segment de barre ouvre les contacts qu'il compte.
privacy-basis-caption = Base juridique
privacy-consent-caption = Consentement
privacy-channel = Canal
privacy-trend-heading = Les 12 derniers mois
privacy-trend-heading-of = Les 12 derniers mois : { $purpose }
privacy-trend-help = Par mois civil (UTC) : consentements donnés et retirés (chaque événement du registre une seule fois, quels que soient ses canaux) et demandes des personnes traitées (terminées ou rejetées ; toutes les demandes, elles ne portent pas sur une finalité).
privacy-trend-help-of = Par mois civil (UTC) : consentements donnés et retirés pour cette finalité (chaque événement du registre une seule fois, quels que soient ses canaux) et demandes des personnes traitées (terminées ou rejetées ; toutes les demandes, elles ne portent pas sur une finalité).
privacy-trend-purpose = Finalité
privacy-trend-every = Toutes les finalités
privacy-show = Afficher
privacy-trend-caption = Par mois
privacy-month = Mois
privacy-consent-given = Consentements donnés
privacy-consent-withdrawn = Consentements retirés
privacy-requests-answered = Demandes traitées
privacy-trend-unknown = Cette finalité n'existe pas : la tendance montre toutes les finalités.
privacy-chart-trend = 12 derniers mois : { $purpose }
privacy-chart-trend-all = 12 derniers mois : toutes les finalités
privacy-chart-basis = { $purpose } : base juridique
privacy-chart-consent = { $purpose } : consentement par { $channel }
privacy-no-basis = Aucune base
privacy-chart-empty = Aucun contact à compter
privacy-chart-nothing = Rien d'enregistré pendant ces mois
privacy-month-label = { $month } { $year }
privacy-month-1 = janv.
privacy-month-2 = févr.
privacy-month-3 = mars
privacy-month-4 = avr.
privacy-month-5 = mai
privacy-month-6 = juin
privacy-month-7 = juil.
privacy-month-8 = août
privacy-month-9 = sept.
privacy-month-10 = oct.
privacy-month-11 = nov.
privacy-month-12 = déc.

## Vocabulaires fermés affichés sur ces pages.
privacy-basis-not-applicable = Sans objet
privacy-basis-consent = Consentement
privacy-basis-contract = Contrat
privacy-basis-legal-obligation = Obligation légale
privacy-basis-vital-interests = Intérêts vitaux
privacy-basis-public-task = Mission d'intérêt public
privacy-basis-legitimate-interests = Intérêts légitimes
privacy-state-none = Aucun enregistrement
privacy-state-awaiting = En attente de réponse
privacy-state-not-responded = Sans réponse
privacy-state-given = Donné
privacy-state-refused = Refusé
privacy-state-withdrawn = Retiré
privacy-state-expired = Expiré
privacy-channel-email = E-mail
privacy-channel-phone = Téléphone
# same as English
privacy-channel-sms = SMS
privacy-channel-post = Courrier

## Configuration du consentement et pages de modification d'un formulaire et d'une finalité.
privacy-setup-title = Configuration du consentement
privacy-back-overview = Retour à la vue d'ensemble
privacy-back-setup = Retour à la configuration du consentement
privacy-setup-purposes = Finalités
privacy-setup-no-purposes = Aucune finalité pour l'instant.
privacy-setup-default = (par défaut : { $basis })
privacy-name = Nom
# same as English
privacy-description = Description
privacy-default-basis = Base juridique par défaut
privacy-data-categories = Catégories de données (séparées par des virgules)
privacy-setup-retention = Conservation, expliquée aux personnes
privacy-setup-recipients = Les destinataires sont déclarés dans le registre, chacun avec les finalités qu'il sert :
privacy-recipients-link = Confidentialité → Destinataires
privacy-direct-marketing = Prospection directe (une opposition l'arrête immédiatement)
privacy-setup-rule-later = Une fois la finalité ajoutée, définissez sur sa page la règle de conservation appliquée par la purge.
privacy-setup-add-purpose = Ajouter la finalité
privacy-setup-notices = Mentions d'information
privacy-setup-notices-help = Une notice d'information n'est jamais modifiée : publier sous le même nom ajoute sa version suivante.
privacy-notice-version = { $name } v{ $version }
privacy-language = Langue
privacy-setup-notice-url = Adresse du texte publié (facultatif)
privacy-setup-notice-text = Texte
privacy-setup-publish = Publier la version
privacy-setup-subs = Types d'abonnement
privacy-setup-channels = Canaux
privacy-setup-add-sub = Ajouter le type d'abonnement
privacy-setup-forms = Formulaires de consentement
privacy-setup-inactive = (inactif)
privacy-edit = Modifier
privacy-form-slug = Adresse /f/…
privacy-form-title = Titre
# same as English
privacy-form-intro = Introduction
privacy-form-logo = Adresse du logo (facultatif)
privacy-form-also-ask = Demander aussi
privacy-form-phone = Téléphone
privacy-setup-subs-offered = Abonnements proposés (affichés non cochés)
privacy-form-notice = Mention d'information
privacy-setup-third-parties = Tiers avec lesquels la personne peut accepter le partage (séparés par des virgules)
privacy-form-button = Texte du bouton
privacy-form-button-default = S'abonner
privacy-setup-create-form = Créer le formulaire
privacy-setup-bad-form = Choisissez une notice d'information et au moins un type d'abonnement.
privacy-form-edit-title = Modifier le formulaire de consentement
privacy-form-open-public = Ouvrir la page publique
privacy-form-active = Actif (la page publique répond)
privacy-form-subs-offered = Abonnements proposés (affichés non cochés aux visiteurs)
privacy-form-third-parties = Tiers (séparés par des virgules)
privacy-form-save = Enregistrer le formulaire
privacy-purpose-edit-title = Modifier la finalité
privacy-purpose-requests = Demandes de consentement pour cette finalité (règle automatique, nouvelle autorisation)
privacy-purpose-retention = Conservation, expliquée aux personnes (citée dans les exports d'accès)
privacy-purpose-rule = Règle de conservation (appliquée par la purge)
privacy-purpose-rule-help = Conserver les données d'une personne pendant cette durée après l'événement de référence, puis les supprimer — dès qu'aucune autre finalité ne justifie plus leur conservation. Laissez l'événement de référence vide pour n'appliquer aucune règle.
privacy-purpose-after = Après
privacy-purpose-no-rule = — aucune règle —
privacy-purpose-keep-for = Conserver pendant
privacy-purpose-unit = Unité
privacy-purpose-then = Puis
privacy-purpose-recipients = Les destinataires sont déclarés dans le registre (chaque destinataire indique les finalités pour lesquelles il reçoit des données) :
privacy-purpose-save = Enregistrer la finalité
privacy-whole-number = doit être un nombre entier
privacy-anchor-last-interaction = la dernière interaction
privacy-anchor-created = la création
privacy-anchor-contract-end = la fin du contrat
privacy-anchor-consent-withdrawn = le retrait du consentement
privacy-anchor-deal-closed = la clôture des affaires de la personne
privacy-disposal-delete = supprimer
privacy-disposal-anonymise = anonymiser
privacy-unit-days = jours
privacy-unit-months = mois
privacy-unit-years = ans
privacy-period = { $unit ->
    [days] { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    }
    [months] { $count } mois
   *[years] { $count ->
        [one] { $count } an
       *[other] { $count } ans
    }
}
privacy-rule = { $period } { $after }, puis { $disposal }
privacy-rule-at-once = immédiatement { $after }, puis { $disposal }
privacy-after-last-interaction = après la dernière interaction
privacy-after-created = après la création
privacy-after-contract-end = après la fin du contrat
privacy-after-consent-withdrawn = après le retrait du consentement
privacy-after-deal-closed = après la clôture des affaires de la personne

## Politique des champs (fields.html).
privacy-fields-title = Politique des champs
# same as English
privacy-fields-version = version { $version }
privacy-fields-intro = Kith ne conserve que les champs personnels indiqués ici comme autorisés, pour les finalités nommées. Une valeur pour tout autre champ est refusée, où qu'elle soit saisie : API, pages du personnel, importations, formulaires.
privacy-fields-remove-q = Supprimer « { $field } » ?
privacy-fields-remove-text = { $n ->
    [one] contact a une valeur pour ce champ. Le supprimer le désactive et efface définitivement ces valeurs (chaque effacement est journalisé, sans la valeur).
   *[other] contacts ont une valeur pour ce champ. Le supprimer le désactive et efface définitivement ces valeurs (chaque effacement est journalisé, sans la valeur).
}
privacy-fields-remove-purge = { $n ->
    [one] Supprimer et effacer { $n } valeur
   *[other] Supprimer et effacer { $n } valeurs
}
privacy-fields-keep = Le garder
privacy-fields-heading = Champs
privacy-fields-field = Champ
privacy-fields-kind = Type
privacy-fields-category = Catégorie
privacy-fields-needed-for = Nécessaire pour
privacy-fields-special = Catégorie particulière
privacy-fields-allowed = Autorisé
privacy-fields-no-purpose = aucune finalité indiquée pour l'instant
privacy-yes = oui
privacy-no = non
privacy-fields-remove = Supprimer…
privacy-fields-add = Ajouter ou modifier un champ
privacy-fields-key = Champ (une clé intégrée comme job_title, ou un nouveau nom personnalisé comme shoe_size)
privacy-fields-label = Libellé
privacy-fields-kind-new = Type (nouveaux champs personnalisés)
privacy-fields-choices = Choix (champs à choix, séparés par des virgules)
privacy-fields-purpose = Nécessaire pour la finalité
privacy-fields-special-art = Catégorie particulière (RGPD art. 9/10)
privacy-fields-special-none = aucune
privacy-fields-reason = Pourquoi Kith doit le conserver (obligatoire pour une catégorie particulière)
privacy-fields-save = Enregistrer le champ
privacy-fields-built-in = intégré
privacy-fields-special-reason = { $category } — { $reason }
privacy-fields-removed = { $field } supprimé : { $n ->
    [one] { $n } valeur effacée
   *[other] { $n } valeurs effacées
} ; la politique est désormais à la version { $version }.
privacy-fields-removed-same = { $field } supprimé : { $n ->
    [one] { $n } valeur effacée
   *[other] { $n } valeurs effacées
} ; la politique est inchangée.
privacy-kind-text = Texte
privacy-kind-number = Nombre
# same as English
privacy-kind-date = Date
privacy-kind-choice = Choix unique
privacy-kind-multi-choice = Choix multiple
privacy-category-identity = Identité
privacy-category-contact = Coordonnées
privacy-category-professional = Professionnelles
privacy-category-financial = Financières
privacy-category-demographic = Démographiques
privacy-category-preferences = Préférences
privacy-category-other = Autre
privacy-special-health = Santé
privacy-special-religion = Convictions religieuses ou philosophiques
privacy-special-political-opinion = Opinions politiques
privacy-special-ethnic-origin = Origine raciale ou ethnique
privacy-special-trade-union = Appartenance syndicale
privacy-special-genetic = Données génétiques
privacy-special-biometric = Données biométriques
privacy-special-sex-life = Vie sexuelle ou orientation sexuelle

## Conservation (retention.html) et revues à faire (reviews.html).
privacy-retention-title = Conservation
privacy-retention-rules = Règles
privacy-retention-help = Les données d'une personne sont conservées tant qu'une finalité qui la concerne le justifie encore ; la règle de la dernière s'applique ensuite. Les conservations pour motif légal et les limitations la suspendent. Définissez une règle sur la page de la finalité.
privacy-retention-rule = Règle
privacy-retention-no-rule = aucune règle
privacy-retention-dry-button = Simulation : lister qui partirait
privacy-retention-run-button = Exécuter maintenant : supprimer tous ceux dont le délai est écoulé
privacy-retention-daily = Le serveur exécute aussi la purge une fois par jour.
privacy-retention-result-dry = Simulation : { $checked } contacts vérifiés, { $disposed } partiraient
privacy-retention-result-run = Exécution : { $checked } contacts vérifiés, { $disposed } supprimés
privacy-retention-tally = Conservés : { $kept } · suspendus par une conservation pour motif légal ou une limitation : { $suspended } · aucune finalité applicable : { $none } · aucune règle : { $norule }
# same as English
privacy-retention-contact = Contact
privacy-retention-expired-on = Expiré le
privacy-retention-open = Ouvrir
privacy-retention-past = Exécutions précédentes
privacy-retention-none-yet = Aucune purge n'a encore été exécutée.
privacy-retention-started = Démarrée
privacy-retention-by = Par
privacy-retention-checked = Vérifiés
privacy-retention-disposed = Supprimés
privacy-retention-dry = Simulation
privacy-retention-run = Exécution
privacy-retention-unfinished = (inachevée : la prochaine exécution la reprend)
privacy-reviews-title = Réexamens à faire
privacy-reviews-intro = Vos contacts non réexaminés depuis { $days } jours. Chaque fiche est-elle encore exacte et nécessaire ? Ouvrez-la et appuyez sur « Marquer comme réexaminé », corrigez-la ou supprimez-la.
privacy-reviews-none = Rien à réexaminer.
privacy-reviews-last = Dernier réexamen

## Boîte d'envoi (outbox.html).
privacy-outbox-title = Boîte d'envoi
privacy-outbox-intro = E-mails mis en file d'attente par Kith, du plus récent au plus ancien. Sans serveur SMTP configuré, les messages restent ici (statut « outbox »). L'ouverture d'un message est consignée dans la piste d'audit.
# same as English
privacy-outbox-message = Message
privacy-outbox-to = À :
privacy-outbox-subject = Objet :
privacy-outbox-parting = Confirmations d'effacement
privacy-outbox-parting-help = Le dernier e-mail à une personne effacée à sa demande. Conservé à part de ses données effacées, scellé, et supprimé dès sa remise, ou après 7 jours (envoyez-le à la main d'ici en l'absence de serveur SMTP).
privacy-outbox-queued = Mis en file
privacy-outbox-status = Statut
privacy-outbox-attempts = Tentatives
privacy-outbox-empty = Aucun e-mail pour l'instant.

## Dossier de preuves (evidence.html).
privacy-evidence-recipients = Destinataires
privacy-evidence-dpias = AIPD
privacy-evidence-intro = Une archive signée unique à remettre à une autorité de contrôle : ce que Kith détient sur vos traitements, tel que c'était à une date donnée. Les personnes n'y figurent que sous forme de pseudonymes (une empreinte à clé que seule cette installation peut recalculer) et de comptes : ni noms, ni adresses, ni notes.
privacy-evidence-holds = Contenu du dossier
privacy-evidence-holds-register = Le registre des activités de traitement (art. 30) en vigueur à cette date : CSV, HTML prêt à imprimer, DPV JSON-LD et son JSON canonique
privacy-evidence-holds-dpias = Les analyses d'impact relatives à la protection des données (art. 35)
privacy-evidence-holds-recipients = Les destinataires avec leurs contrats (art. 28) et les fondements et références des transferts (art. 44 à 49)
privacy-evidence-holds-consent = Le consentement par finalité : comptes des événements du registre par action et par notice d'information, les textes des mentions avec leur SHA-256
privacy-evidence-holds-requests = Le journal des demandes : reçue, échéance, prolongée, terminée, statut, issue ; chaque personne sous pseudonyme
privacy-evidence-holds-breaches = Le registre des violations (art. 33, paragraphe 5) avec son historique et ses notifications ; les personnes sous forme de comptes
privacy-evidence-holds-retention = Les exécutions de la conservation, avec leurs comptes par règle
privacy-evidence-holds-heads = Les têtes de la chaîne d'audit et du registre des consentements à cette date et aujourd'hui
privacy-evidence-holds-manifest = Un manifeste avec le SHA-256 de chaque fichier, signé avec Ed25519 (un JWS compact)
privacy-evidence-build = Constituer un dossier
privacy-evidence-as-of = À la date du (jour, UTC ; vide pour maintenant)
privacy-evidence-period = Période des journaux (demandes, événements de consentement, violations, exécutions de la conservation ; vide pour tout)
privacy-evidence-from = Du
privacy-evidence-to = Au
privacy-evidence-purposes = Finalités (aucune cochée : toutes les finalités)
privacy-no-purpose-yet = Aucune finalité n'est encore définie.
privacy-evidence-download = Constituer et télécharger
privacy-evidence-verify = Comment l'autorité le vérifie
privacy-evidence-key = Le dossier est signé avec la clé de preuve de cette installation. Sa partie publique est publiée à l'adresse :
privacy-evidence-thumbprint = Son empreinte (RFC 7638) :
privacy-evidence-read-out = Lisez-la à l'auditeur pour qu'il sache que la clé est la vôtre.
privacy-evidence-with-kith = Avec Kith :
privacy-evidence-without-kith = Sans Kith :
privacy-evidence-needs = Le script nécessite la bibliothèque standard de Python et le paquet
privacy-evidence-format = le format est décrit dans
privacy-evidence-checks = Les deux vérifient le SHA-256 de chaque fichier, qu'aucun fichier n'a été ajouté ni retiré, la signature, et que les octets de l'archive suivent exactement la structure canonique : tout octet modifié est refusé.

retention-explain-no-purpose = Aucune finalité ne s'applique à ce contact : aucune règle de conservation ne peut le faire expirer. Vérifiez s'il est encore nécessaire.
retention-explain-no-rule = Les finalités qui s'appliquent n'ont pas de règle de conservation : les données sont conservées tant qu'elles s'appliquent.
retention-explain-kept-rule = Conservé : « { $purpose } » le justifie encore (règle : { $rule }) ; pas encore de date d'expiration.
retention-explain-kept = Conservé : « { $purpose } » est en vigueur et n'a pas de règle de conservation.
retention-explain-expires = Expire le { $date } au titre de « { $purpose } » ({ $rule }).
retention-explain-held = Expiré le { $date } au titre de « { $purpose } » ({ $rule }), mais une conservation pour motif légal le suspend jusqu'à sa levée (réexamen le { $review }).
retention-explain-restricted = Expiré le { $date } au titre de « { $purpose } » ({ $rule }), mais le traitement est limité (art. 18) : il est conservé jusqu'à la levée de la limitation.
retention-explain-expired = Expiré le { $date } au titre de « { $purpose } » ({ $rule }) : le prochain passage appliquera : { $disposal }.
