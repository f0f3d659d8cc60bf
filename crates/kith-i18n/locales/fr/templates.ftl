## Modèles d'e-mail : la liste et la page d'un modèle.
templates-title = Modèles d'e-mail
templates-intro = Un objet et un texte par langue, avec des champs de fusion comme { $field } remplis pour chaque personne. Chaque personne reçoit le texte dans sa langue (celle de son consentement le plus récent), sinon en anglais. Les demandes de consentement les utilisent : depuis la liste des contacts (« { $bulk } »), sur la page d'un contact et dans la règle de demande automatique d'une finalité.
templates-new = Nouveau modèle
templates-none = Aucun modèle pour l'instant.
templates-write-first = Rédiger le premier
templates-col-name = Nom
templates-col-for = Pour
templates-col-languages = Langues
templates-deleted = Le modèle a été supprimé.
templates-saved = Le modèle a été enregistré.
# same as English
templates-kind-newsletter = Newsletter
templates-kind-consent-request = Demande de consentement
templates-kind-notice = Notice d'information
templates-new-title = Nouveau modèle d'e-mail
templates-one-title = Modèle d'e-mail
templates-back = Retour aux modèles
templates-errors = Veuillez corriger ce qui est signalé ci-dessous.
templates-help = Remplissez les langues dans lesquelles vous écrivez ; laissez les autres vides. Texte brut : une ligne vide commence un nouveau paragraphe. Une demande de consentement doit contenir { $field } ; Kith ajoute l'en-tête de désabonnement à chaque demande.
templates-subject = Objet
templates-body = Texte
templates-save = Enregistrer le modèle
templates-fields = Champs de fusion
templates-fields-help = Écrivez { $plain }, ou { $fallback } pour afficher un mot de votre choix lorsque la personne n'a pas cette valeur. Les valeurs sont échappées : elles ne peuvent jamais ajouter de balisage, de liens ni d'en-têtes d'e-mail.
templates-field-first-name = le prénom de la personne
templates-field-last-name = le nom de famille de la personne
templates-field-company = le nom de l'entreprise de la personne
templates-field-purpose = le nom de la finalité dont traite l'e-mail
templates-field-controller = le nom du responsable du traitement (qui envoie l'e-mail)
templates-field-confirm-url = le lien qui confirme le consentement (demandes de consentement uniquement ; obligatoire dans celles-ci)
templates-field-unsubscribe-url = le lien de désabonnement en un clic
templates-field-preferences-url = le lien vers le centre de préférences de la personne
templates-field-portal-url = le portail de confidentialité, où la personne voit ses données et dépose des demandes
templates-preview = Aperçu avec un contact
templates-find = Trouver un contact (nom, e-mail ou téléphone)
templates-no-choice = Aucun contact à choisir.
templates-no-match = Aucun contact ne correspond à cette recherche.
# same as English
templates-contact = Contact
templates-search-only = — recherche uniquement —
templates-language = Langue
templates-own-language = Celle du contact
templates-preview-button = Aperçu
templates-preview-subject = Objet :
templates-html-source = Version HTML (source)
templates-hidden-links = Les liens qui agissent au nom de la personne sont masqués ici ; l'e-mail de la personne les contient.
templates-test = S'envoyer un test
templates-test-help = Envoyé à { $email } par le serveur de messagerie, rempli avec des valeurs d'exemple (aucune donnée de contact).
templates-test-language = Anglais, sinon la première
templates-send-test = Envoyer le test
templates-delete = Supprimer ce modèle
templates-test-sent = Un e-mail de test avec des valeurs d'exemple a été envoyé à { $to }.
templates-choose-kind = choisissez son usage
templates-not-a-choice = n'est pas un choix valide

## Demandes de consentement avec un modèle.
templates-req-all-title = Demander le consentement à tous les résultats
templates-req-back-list = Retour à la liste
templates-req-all-intro = Chaque contact correspondant à la recherche et au filtre de la liste reçoit une demande de consentement par e-mail, dans sa langue (celle de son consentement le plus récent, sinon l'anglais), avec un lien de confirmation valable le nombre de jours que vous choisissez. Les contacts sans e-mail, ceux qui ont déjà répondu, se sont opposés ou dont le traitement est limité sont ignorés. À l'étape suivante, vous voyez combien de contacts correspondent, avant tout envoi.
templates-req-needs = Une demande de consentement nécessite une finalité, une notice d'information et un modèle de demande de consentement.
templates-req-no-template-link = Il n'y a pas encore de modèle de demande de consentement : { $link }.
templates-req-no-template = Il n'y a pas encore de modèle de demande de consentement (le marketing, le DPD ou un administrateur les rédige).
templates-req-no-template-plain = Il n'y a pas encore de modèle de demande de consentement.
templates-req-write-one = en rédiger un
templates-req-setup = Les finalités et les notices d'information se configurent sous { $link }.
templates-req-privacy = Confidentialité
templates-req-purpose = Finalité
templates-req-template = Modèle
templates-req-notice = Notice d'information vers laquelle renvoie la demande
templates-req-days = Jours pour répondre
templates-req-review = Vérifier…
templates-req-one-title = Demander le consentement
templates-req-one-heading = Demander le consentement : { $name }
templates-req-back-contact = Retour au contact
templates-req-one-intro = Le contact reçoit une demande de consentement par e-mail dans sa langue (celle de son consentement le plus récent, sinon l'anglais), avec un lien de confirmation. Rien n'est envoyé à un contact sans e-mail, qui a déjà donné ou refusé son consentement par e-mail, s'est opposé ou dont le traitement est limité.
templates-req-send = Envoyer la demande
templates-req-queued = La demande de consentement est en file d'attente ; le consentement du contact apparaît comme en attente de réponse.
templates-req-not-sent = Non envoyée : { $why }.
templates-req-choose-purpose = choisissez une finalité
templates-req-choose-template = choisissez un modèle de demande de consentement
templates-req-choose-notice = choisissez la notice d'information vers laquelle renvoie la demande
templates-req-choose-both = choisissez un modèle de demande de consentement et une notice d'information
templates-req-purpose-title = Demandes de consentement : { $name }
templates-req-back-purpose = Retour à la finalité
templates-req-auto = Interroger automatiquement les nouveaux contacts
templates-req-auto-intro = Lorsque le personnel saisit un contact, ou qu'une importation en crée un, avec une adresse e-mail et sans base juridique pour cette finalité, Kith envoie une demande de consentement avec le modèle ci-dessous en une minute environ (une tâche vérifie les nouveaux contacts ; un redémarrage du serveur n'en perd aucun). Les contacts créés avant l'activation de la règle ne sont jamais interrogés par elle.
templates-req-auto-needs = La règle nécessite un modèle de demande de consentement ({ $write }) et une notice d'information ({ $publish }).
templates-req-publish-one = en publier une
templates-req-auto-enabled = Interroger les nouveaux contacts sans base juridique pour cette finalité
templates-req-auto-notice = Notice d'information vers laquelle renvoie la demande (sa version la plus récente est utilisée)
templates-req-save-rule = Enregistrer la règle
templates-req-rule-saved = La règle de demande automatique a été enregistrée.
templates-req-again = Redemander : consentement donné sous une ancienne notice
templates-req-old-count = { $n ->
    [one] { $count } contact a donné son consentement pour cette finalité sous une version antérieure de sa notice d'information.
   *[other] { $count } contacts ont donné leur consentement pour cette finalité sous une version antérieure de sa notice d'information.
}
templates-req-old-count-see = { $n ->
    [one] { $count } contact a donné son consentement pour cette finalité sous une version antérieure de sa notice d'information ({ $link }).
   *[other] { $count } contacts ont donné leur consentement pour cette finalité sous une version antérieure de sa notice d'information ({ $link }).
}
templates-req-see-them = les voir
templates-req-again-intro = Chacun reçoit une demande de consentement sous la notice que vous choisissez (l'actuelle), dans sa langue. Son consentement reste valable jusqu'à sa réponse : une confirmation enregistre le consentement sous la nouvelle notice ; une absence de réponse ne change rien.
templates-req-current-notice = La notice d'information actuelle
templates-req-ask-n = { $n ->
    [one] Redemander à { $n } contact
   *[other] Redemander à { $n } contacts
}
templates-req-asked = { $asked ->
    [one] Consentement redemandé à { $asked } contact
   *[other] Consentement redemandé à { $asked } contacts
} ; { $skipped } ignoré(s) (sans e-mail, déjà interrogé(s) sous cette notice, opposition ou traitement limité). Leur consentement reste valable jusqu'à leur réponse.
