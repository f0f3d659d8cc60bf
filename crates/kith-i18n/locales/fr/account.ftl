signin-title = Connexion
signin-heading = Se connecter à Kith
signin-email = E-mail
signin-password = Mot de passe
signin-submit = Se connecter
signin-form-expired = Le formulaire de connexion a expiré. Veuillez réessayer.
signin-wrong = L'e-mail ou le mot de passe est incorrect.
signin-code-title = Deuxième étape
signin-code-intro = Saisissez le code à six chiffres que votre application d'authentification affiche pour Kith, ou l'un de vos codes de récupération.
# same as English
signin-code = Code
signin-start-again = Recommencer
signin-code-form-expired = Le formulaire a expiré. Veuillez réessayer.
signin-code-wrong = Le code est incorrect. Saisissez le code actuel de votre application, ou un code de récupération.

account-title = Mon compte
account-must-change = Un administrateur a réinitialisé votre mot de passe. Choisissez-en un nouveau pour continuer : saisissez le mot de passe temporaire qui vous a été remis, puis le nouveau.
account-must-enrol = Ce serveur exige un second facteur pour votre rôle. Configurez-le ci-dessous pour continuer.
account-instructions-link = Instructions pour le traitement des données à caractère personnel
account-password-heading = Mot de passe
account-temporary-password = Mot de passe temporaire
account-current-password = Mot de passe actuel
account-new-password = Nouveau mot de passe (12 caractères minimum, pas un mot de passe courant)
account-new-password-again = Confirmez le nouveau mot de passe
account-change-password = Changer le mot de passe
account-password-mismatch = ne correspond pas au nouveau mot de passe
account-password-changed = Mot de passe changé. Vos autres sessions ont été fermées.
account-locale-heading = Langue et fuseau horaire
account-language = Langue
account-language-browser = Langue du navigateur
account-zone = Fuseau horaire
account-zone-server = Fuseau du serveur ({ $zone })
account-locale-save = Enregistrer
account-locale-saved = Langue et fuseau horaire enregistrés.
account-language-invalid = Choisissez l'une des langues de la liste.
account-zone-invalid = Choisissez un fuseau horaire de la liste, par exemple Europe/Paris.
account-2fa-heading = Second facteur
account-recovery-codes-title = Vos codes de récupération.
account-recovery-codes-text = Chacun vous permet de vous connecter une fois si vous perdez votre téléphone. Notez-les ou imprimez-les maintenant : ils ne sont affichés qu'une seule fois, et Kith n'en conserve que les empreintes.
account-2fa-on = Activé : la connexion demande un code de votre application d'authentification. { $n ->
        [one] Il reste { $n } code de récupération.
       *[other] Il reste { $n } codes de récupération.
    }
account-2fa-disable-password = Votre mot de passe, pour le désactiver
account-2fa-turn-off = Désactiver
account-2fa-scan = Scannez ce code avec une application d'authentification (ou saisissez-y la clé ci-dessous) :
account-2fa-qr-alt = Code QR de votre clé de connexion à Kith
account-2fa-key = Clé :
account-2fa-type-code = Saisissez le code à six chiffres affiché par l'application :
# same as English
account-2fa-code = Code
account-2fa-turn-on = Activer
account-2fa-off = Désactivé. Avec un second facteur, la connexion demande aussi un code d'une application d'authentification sur votre téléphone.
account-2fa-set-up = Configurer un second facteur
account-2fa-on-notice = Second facteur activé. Conservez les codes de récupération ci-dessous en lieu sûr.
account-2fa-off-notice = Second facteur désactivé.
account-2fa-required = Ce serveur exige un second facteur pour votre rôle ; il ne peut pas être désactivé.
account-tokens-heading = Mes jetons d'API
account-token-created-title = Jeton « { $name } » créé.
account-token-created-text = Copiez-le maintenant : il n'est affiché qu'une seule fois, et Kith n'en conserve qu'une empreinte. Tout ce qu'un programme fait avec lui est enregistré en votre nom, avec le nom de ce jeton.
account-token-name = Nom
account-token-created = Créé le
account-token-status = Statut
account-token-revoke = Révoquer
account-token-revoke-label = Révoquer { $name }
account-token-revoked = révoqué le { $date }
account-token-name-placeholder = p. ex. synchronisation newsletter
account-token-create = Créer un jeton
