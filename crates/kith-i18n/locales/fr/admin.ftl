# same as English
admin-nav-label = Administration
admin-nav-users = Utilisateurs et rôles
admin-nav-fields = Visibilité des champs
admin-nav-tokens = Jetons d'API
admin-nav-jobs = Tâches
# same as English
admin-nav-webhooks = Webhooks

admin-users-title = Utilisateurs
admin-users-email = E-mail
admin-users-role = Rôle
admin-users-last-sign-in = Dernière connexion
admin-users-since = Depuis
admin-users-account = Compte
admin-users-never = jamais
admin-users-disabled = (désactivé)
# same as English
admin-users-2fa = 2FA
admin-users-2fa-title = Se connecte avec un second facteur
admin-users-must-change = (doit changer son mot de passe)
admin-users-role-of = Rôle de { $email }
admin-users-change = Modifier
admin-users-paused-until = connexion suspendue jusqu'au { $time }
admin-users-unlock = Débloquer
admin-users-unlock-label = Débloquer { $email }
admin-users-enable = Activer
admin-users-enable-label = Activer { $email }
admin-users-disable = Désactiver
admin-users-disable-label = Désactiver { $email }
admin-users-reset = Réinitialiser le mot de passe
admin-users-reset-label = Réinitialiser le mot de passe de { $email }
admin-users-reset-text = Définit un mot de passe temporaire (affiché une seule fois) que l'utilisateur doit changer à sa prochaine connexion ; ses sessions prennent fin et ses jetons d'API sont révoqués.
admin-users-reset-2fa = Supprimer aussi son second facteur (il l'a perdu)
admin-users-add-heading = Ajouter un utilisateur
admin-users-initial-password = Mot de passe initial (12 caractères minimum, pas un mot de passe courant)
admin-users-add = Ajouter l'utilisateur
admin-users-disabled-notice = Utilisateur désactivé : ses sessions ont pris fin et ses jetons d'API ont été révoqués.
admin-users-enabled-notice = Utilisateur activé.
admin-users-unlocked-notice = Utilisateur débloqué : il peut se connecter immédiatement.
admin-users-added-notice = Utilisateur ajouté.
admin-users-reset-notice = Mot de passe réinitialisé. Mot de passe temporaire, affiché uniquement maintenant ; remettez-le à l'utilisateur, qui devra le changer à sa prochaine connexion : { $password }
admin-users-reset-2fa-notice = Mot de passe réinitialisé et second facteur supprimé. Mot de passe temporaire, affiché uniquement maintenant ; remettez-le à l'utilisateur, qui devra le changer à sa prochaine connexion : { $password }
admin-users-choose-role = choisissez un rôle
admin-users-email-taken = un utilisateur avec cet e-mail existe déjà

admin-fields-intro = Les champs personnels que voit chaque rôle. Un champ masqué n'est ni affiché, ni consultable par recherche, ni modifiable pour ce rôle, dans les pages comme dans l'API.
admin-fields-caption = Champs visibles par rôle
admin-fields-field = Champ
admin-fields-visible-to = { $field } visible pour { $role }
admin-fields-save = Enregistrer la visibilité
admin-fields-saved = Enregistré : { $n ->
        [one] { $n } modification
       *[other] { $n } modifications
    }.
admin-deletion-heading = Suppression des contacts
admin-deletion-intro = Les administrateurs et le DPD suppriment les contacts directement. Les ventes et le support déposent plutôt une demande d'effacement auprès de l'équipe confidentialité, sauf si vous autorisez ici leur rôle à supprimer directement. Personne ne supprime un contact soumis à une conservation légale ou à une limitation.
admin-deletion-legend = Rôles qui suppriment directement
admin-deletion-save = Enregistrer les droits de suppression
admin-deletion-saved = Droits de suppression enregistrés.

admin-token-created-title = Jeton « { $name } » créé.
admin-token-created-text = Copiez-le maintenant : il n'est affiché qu'une seule fois, et Kith n'en conserve qu'une empreinte.
admin-tokens-empty = Aucun jeton d'API pour l'instant. Les intégrations s'authentifient avec un jeton ; créez-le ci-dessous.
admin-token-name = Nom
admin-token-user = Utilisateur
admin-token-created = Créé le
admin-token-status = Statut
admin-token-revoke = Révoquer
admin-token-revoke-label = Révoquer { $name }
admin-token-revoked = révoqué le { $date }
admin-token-new-heading = Créer un jeton pour vous-même
admin-token-new-text = Chacun crée ses propres jetons (ici ou dans Mon compte) : un jeton créé pour quelqu'un d'autre permettrait à son créateur d'agir en son nom. Tout jeton peut être révoqué ici.
admin-token-name-placeholder = p. ex. synchronisation newsletter
admin-token-create = Créer un jeton

admin-jobs-intro = Ce que Kith fait de lui-même, et comment cela s'est passé la dernière fois. Une tâche exécutée sur un seul serveur prend un bail dans la base de données : avec plusieurs serveurs, elle ne s'exécute donc qu'une fois.
admin-jobs-job = Tâche
admin-jobs-runs = Fréquence
admin-jobs-where = Où
admin-jobs-started = Dernier démarrage
admin-jobs-finished = Terminée
admin-jobs-state = État
admin-jobs-outcome = Résultat
admin-jobs-every-hours = toutes les { $n } h
admin-jobs-every-minutes = toutes les { $n } min
admin-jobs-every-seconds = toutes les { $n } s
admin-jobs-one-server = un seul serveur
admin-jobs-each-server = chaque serveur
admin-jobs-ok = réussie
admin-jobs-failed = échouée

admin-webhooks-intro = Kith informe d'autres systèmes de ce qui a changé : chaque événement est signé (Standard Webhooks : webhook-id, webhook-timestamp, webhook-signature), envoyé depuis une file d'attente durable et renvoyé avec des délais croissants. Les contenus ne portent que des identifiants et des états, jamais les valeurs d'une personne. Les adresses qui se résolvent vers des réseaux privés, de bouclage ou link-local sont refusées.
admin-webhook-created-title = Point de terminaison { $url } enregistré.
admin-webhook-created-text = Copiez son secret de signature maintenant : il n'est affiché qu'une seule fois, et Kith le conserve chiffré.
admin-webhooks-empty = Aucun point de terminaison pour l'instant. Enregistrez-en un ci-dessous.
admin-webhooks-caption = Points de terminaison des webhooks
admin-webhook-address = Adresse
admin-webhook-address-https = Adresse (https://)
# same as English
admin-webhook-description = Description
admin-webhook-events = Événements
admin-webhook-state = État
admin-webhook-active = actif
admin-webhook-paused = en pause
admin-webhooks-new-heading = Enregistrer un point de terminaison
admin-webhooks-register = Enregistrer
# same as English
admin-webhook-title = Webhook
admin-webhook-heading = Point de terminaison de webhook
admin-webhook-all = Tous les points de terminaison
admin-webhook-settings = Paramètres
admin-webhook-save = Enregistrer
admin-webhook-test = Envoyer un ping de test
admin-webhook-remove = Supprimer le point de terminaison et son journal
admin-webhook-deliveries = Envois
admin-webhook-nothing-sent = Rien n'a encore été envoyé.
admin-webhook-queued = Mis en file
admin-webhook-event = Événement
admin-webhook-attempts = Tentatives
admin-webhook-answer = Réponse
admin-webhook-error = Erreur
admin-webhook-next = Prochaine tentative
admin-webhook-redeliver = Renvoyer
admin-webhook-processor = Sous-traitant du registre (ses demandes au titre de l'art. 19 arrivent ici)
# same as English
admin-webhook-url-placeholder = https://hooks.example.com/kith
admin-webhook-no-processor = Aucun
admin-webhook-active-label = Actif (un point de terminaison en pause garde ses envois en attente)
admin-webhook-choose-recipient = choisissez un destinataire
# same as English
admin-webhook-processor-choice = { $name } ({ $role })
admin-webhook-saved = Enregistré.
admin-webhook-ping-queued = Un ping est en file d'attente ; il part dans quelques secondes.
admin-webhook-requeued = L'envoi est de nouveau en file d'attente.
admin-delivery-pending = en attente
admin-delivery-delivered = remis
admin-delivery-failed = échoué
admin-event-consent-changed = Un consentement a été enregistré
admin-event-subscription-changed = Un abonnement a changé
admin-event-contact-created = Un contact a été créé
admin-event-contact-updated = Un contact a été modifié
admin-event-subject-restricted = Le traitement d'une personne a été limité
admin-event-subject-unrestricted = Une limitation a été levée
admin-event-subject-objected = Une personne s'est opposée
admin-event-subject-erased = Une personne a été effacée
admin-event-dsr-completed = Une demande de personne concernée a été traitée
admin-event-breach-recorded = Une violation a été enregistrée
admin-recipient-role-processor = Sous-traitant (art. 28)
admin-recipient-role-sub-processor = Sous-traitant ultérieur (art. 28, paragraphe 2 et 4)
admin-recipient-role-joint-controller = Responsable conjoint du traitement (art. 26)
admin-recipient-role-recipient = Autre destinataire (art. 4, point 9)
