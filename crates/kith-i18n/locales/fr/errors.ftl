errors-status = Erreur { $status }.
errors-back = Retour aux contacts
errors-nothing-here-title = Rien à afficher ici
errors-nothing-here-text = Cette adresse n'accepte qu'un formulaire envoyé. Recommencez depuis le menu.
errors-bad-form-title = Le formulaire n'a pas pu être lu
errors-bad-form-text = Revenez en arrière, rechargez la page et réessayez.
errors-not-found-title = Introuvable
errors-not-found-text = Il n'y a rien à cette adresse.
errors-no-such-record = Aucun élément ({ $what }) ne porte cet identifiant.
errors-internal-title = Une erreur s'est produite
errors-internal-text = Une erreur s'est produite de notre côté. Rien n'a été modifié ; veuillez réessayer. L'en-tête X-Request-Id de cette page permet de la retrouver dans le journal du serveur.
errors-sign-in-title = Veuillez vous connecter
errors-sign-in-text = Votre session a pris fin.
errors-forbidden-title = Non autorisé
errors-forbidden-text = Votre rôle ne permet pas cette action ({ $what }).
errors-check-input-title = Veuillez vérifier la saisie
errors-not-done-title = Opération impossible
errors-restricted-title = Traitement limité
errors-restricted-text = Le traitement de ce contact est limité (art. 18 du RGPD) : ses données sont conservées, mais rien d'autre ne peut en être fait tant que la limitation n'est pas levée.
errors-idempotency-text = Cette Idempotency-Key a déjà été utilisée pour une autre requête.
errors-too-many-title = Trop de tentatives
errors-try-again-seconds = Trop de tentatives échouées. La connexion est suspendue ; réessayez dans { $n ->
        [one] { $n } seconde
       *[other] { $n } secondes
    }.
errors-try-again-minutes = Trop de tentatives échouées. La connexion est suspendue ; réessayez dans { $n ->
        [one] { $n } minute
       *[other] { $n } minutes
    }.
errors-busy-title = Serveur occupé
errors-busy-text = Le serveur est trop sollicité pour le moment. Veuillez réessayer dans un instant.

errors-nul-text = Le texte ne doit pas contenir de caractères NUL.
errors-form-expired-title = Le formulaire a expiré
errors-form-expired-text = Ce formulaire n'a pas été envoyé depuis une page Kith actuelle. Revenez en arrière, rechargez la page et réessayez.
errors-bad-address-title = Cette adresse n'est pas valide
errors-bad-address-text = L'adresse contient une valeur que Kith ne peut pas lire. Recommencez depuis le menu.
errors-link-out-of-date = Le lien de cette page n'est plus à jour
