audit-title = Journal d'audit
audit-intro = Chaque lecture, modification et export de données à caractère personnel, du plus ancien au plus récent. Les entrées contiennent des identifiants, jamais de valeurs personnelles ; l'empreinte de chaque entrée couvre la précédente.
audit-contact-id = Identifiant du contact
audit-contact-id-placeholder = l'identifiant dans l'adresse d'une fiche contact
audit-by-user = Par l'utilisateur
audit-anyone = Tout le monde
audit-show = Afficher les entrées
audit-verify = Vérifier toute la chaîne
audit-empty = Aucune entrée ne correspond.
audit-caption = Entrées du journal d'audit
audit-when = Quand
audit-who = Qui
# same as English
audit-action = Action
# same as English
audit-contact = Contact
audit-object = Objet
audit-request = Requête
audit-via-token = via le jeton d'API { $token }
audit-changes-link = modifications
audit-next = Page suivante →
audit-chain-intact = La chaîne est intacte : { $n ->
        [one] { $n } entrée vérifiée
       *[other] { $n } entrées vérifiées
    }.
audit-chain-broken = La chaîne est rompue à l'entrée { $seq } : { $reason }.
audit-subject-invalid = doit être l'identifiant d'un contact
audit-user-invalid = n'est pas un choix valide
audit-changes-title = Modifications de l'entrée { $seq }
audit-changes-heading = Modifications de l'entrée d'audit { $seq }
audit-changes-intro = Les valeurs avant et après, conservées chiffrées avec la clé de la personne : elles disparaissent avec la personne si elle est effacée. Leur consultation est elle-même enregistrée dans le journal d'audit.
audit-changes-caption = Champs modifiés
audit-field = Champ
audit-before = Avant
audit-after = Après
audit-back = Retour au journal d'audit

audit-changed-first-name = prénom
audit-changed-last-name = nom
audit-changed-emails = e-mails
audit-changed-phones = téléphones
audit-changed-address = adresse
audit-changed-job-title = fonction
# same as English
audit-changed-notes = notes
audit-changed-interaction-bodies = textes des interactions
