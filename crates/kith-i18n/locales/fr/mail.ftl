## Mail Kith writes to people (and to processors). One message a paragraph
## or line; code joins them with blank lines and adds links on lines of
## their own. Texts staff write (templates, purpose names) are not here.

## Channels of consent, in running text.
mail-channel-email = e-mail
mail-channel-phone = téléphone
# same as English
mail-channel-sms = SMS
mail-channel-post = courrier postal

## Double opt-in after a public form.
mail-confirm-subject = Merci de confirmer votre abonnement
mail-confirm-asked = Vous avez demandé à recevoir : { $names }.
mail-confirm-link = Pour confirmer, ouvrez ce lien et cliquez sur « Confirmer » (valable { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }) :
mail-confirm-ignore = Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : sans confirmation, nous ne vous écrirons plus.

## Consent receipts.
mail-receipt-subject = Votre reçu de consentement : { $purpose }
mail-receipt-given = Vous avez donné votre consentement pour « { $purpose } » ({ $channels }) le { $date }.
mail-receipt-withdrawn = Vous avez retiré votre consentement pour « { $purpose } » ({ $channels }) le { $date }.
mail-receipt-attached = Votre reçu de consentement est joint à ce message (signé par { $controller } ; la clé est publiée à l'adresse { $key }).
mail-receipt-change = Vous pouvez modifier vos choix à tout moment : { $link }

## Sign-in link to the privacy portal.
mail-portal-subject = Connexion au portail de confidentialité
mail-portal-open = Pour consulter vos données et vos demandes, ouvrez ce lien dans les { $minutes } minutes (il ne fonctionne qu'une fois) :
mail-portal-ignore = Si vous n'avez rien demandé, ignorez ce message.

## Data-subject requests.
mail-dsr-subject = Votre demande relative à vos données : { $kind }
mail-dsr-completed = Votre demande ({ $kind }) reçue le { $received } a été traitée le { $done }.
mail-dsr-done-what = Ce qui a été fait : { $what }
mail-dsr-rejected = Votre demande ({ $kind }) reçue le { $received } a été refusée : { $reason }
mail-dsr-complaint = Vous pouvez introduire une réclamation auprès d'une autorité de contrôle.
mail-dsr-extended = Votre demande ({ $kind }) reçue le { $received } nécessite davantage de temps : nous avons prolongé le délai de { $months } mois (art. 12, paragraphe 3, du RGPD). Motif : { $reason }
mail-dsr-kind-access = Accès (art. 15)
mail-dsr-kind-portability = Portabilité (art. 20)
mail-dsr-kind-rectification = Rectification (art. 16)
mail-dsr-kind-erasure = Effacement (art. 17)
mail-dsr-kind-restriction = Limitation du traitement (art. 18)
mail-dsr-kind-objection = Opposition (art. 21)
mail-dsr-kind-withdraw-consent = Retrait du consentement (art. 7, paragraphe 3)
mail-dsr-kind-information = Information (art. 13 à 15)
mail-dsr-kind-automated-decision-review = Réexamen d'une décision automatisée (art. 22)

## The confirmation of an erasure (the last mail to the person).
mail-erasure-subject = { $controller } : vos données ont été effacées
mail-erasure-intro = Comme vous l'avez demandé (demande { $reference }, reçue le { $received }), nous avons effacé le { $erased } vos données personnelles : votre fiche de contact, vos adresses et numéros, les notes et les interactions, les bases juridiques et l'état de vos consentements, les e-mails en attente qui vous étaient destinés, ainsi que la clé qui les chiffrait, de sorte qu'aucune copie (pas même dans les sauvegardes) ne puisse plus être ouverte.
mail-erasure-keep = Nous ne conservons que les éléments suivants, pour les raisons indiquées :
mail-erasure-kept-1 = le registre des demandes, qui prouve que nous avons reçu et exécuté votre demande (art. 5, paragraphe 2, et art. 12) : il ne contient qu'un identifiant, aucune de vos données
mail-erasure-kept-2 = la chaîne du registre des consentements, sans les valeurs : les preuves qui contenaient vos données étaient chiffrées avec votre propre clé, qui a été détruite
mail-erasure-kept-3 = le journal d'activité (qui a fait quoi, et quand), avec des identifiants et des noms d'actions, aucune de vos données
mail-erasure-kept-4 = si vous vous étiez désabonné des e-mails : une empreinte irréversible de votre adresse, afin qu'une importation future ne puisse pas vous ajouter à nouveau
mail-erasure-kept-5 = l'avis à nos sous-traitants indiquant que l'effacement a eu lieu (art. 19) : un identifiant et une date
mail-erasure-last = Ceci est le dernier e-mail que nous vous envoyons : votre adresse ne figure plus dans nos systèmes, et ce message est supprimé dès qu'il est remis. Si vous estimez que l'effacement est incomplet, vous pouvez introduire une réclamation auprès d'une autorité de contrôle.

## Consent requests and newsletters: the links Kith adds to staff's text.
mail-request-confirm = Pour donner votre accord, ouvrez ce lien et cliquez sur « Confirmer » (valable { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }) :
mail-request-manage = Gérer vos choix : { $link }
mail-unsubscribe = Se désabonner : { $link }
mail-footer-preferences = Vos préférences : { $link }
mail-footer-portal = Votre portail de confidentialité : { $link }
# same as English
mail-test-subject = [Test] { $subject }

## The Art. 14 notice (data not obtained from the person).
mail-art14-subject = { $controller } : comment nous avons obtenu vos coordonnées, et vos droits
mail-art14-hello = Bonjour,
mail-art14-intro = { $controller } détient certaines données personnelles vous concernant qui ne nous ont pas été fournies par vous. La loi (art. 14 du RGPD) nous demande de vous en informer.
mail-art14-dpo = Délégué à la protection des données (DPD) : { $dpo }.
mail-art14-what = Quelles données : { $categories }.
mail-art14-where = D'où elles proviennent : { $source }.
mail-art14-why = Pourquoi, et sur quelle base :
mail-art14-no-purpose = pour gérer notre relation avec vous (aucune finalité enregistrée pour l'instant)
mail-art14-kept = Durée de conservation : { $retention }
mail-art14-recipients = Destinataires : { $recipients }
mail-art14-basis-consent = votre consentement (art. 6, paragraphe 1, point a), du RGPD), que vous pouvez retirer à tout moment
mail-art14-basis-contract = un contrat conclu avec vous, ou des mesures précontractuelles (art. 6, paragraphe 1, point b))
mail-art14-basis-legal-obligation = une obligation légale (art. 6, paragraphe 1, point c))
mail-art14-basis-vital-interests = la sauvegarde d'intérêts vitaux (art. 6, paragraphe 1, point d))
mail-art14-basis-public-task = une mission d'intérêt public (art. 6, paragraphe 1, point e))
mail-art14-basis-legitimate-interests = nos intérêts légitimes (art. 6, paragraphe 1, point f)), tels que décrits
mail-art14-basis-not-applicable = aucune base enregistrée pour l'instant
mail-art14-category-name = nom
mail-art14-category-email = adresse e-mail
mail-art14-category-phone = numéro de téléphone
mail-art14-category-address = adresse postale
mail-art14-category-job-title = fonction
mail-art14-category-company = l'entreprise pour laquelle vous travaillez
mail-art14-source-none = nos archives
mail-art14-source-import = une liste de contacts que nous avons importée le { $date }, depuis notre précédent système de gestion de la relation client
mail-art14-source-import-file = une liste de contacts que nous avons importée le { $date } (« { $file } »), depuis notre précédent système de gestion de la relation client
mail-art14-source-import-since = une liste de contacts que nous avons importée le { $date }, depuis notre précédent système de gestion de la relation client ; vos coordonnées y figuraient depuis le { $since }
mail-art14-source-import-file-since = une liste de contacts que nous avons importée le { $date } (« { $file } »), depuis notre précédent système de gestion de la relation client ; vos coordonnées y figuraient depuis le { $since }
mail-art14-source-staff = notre personnel, qui les a enregistrées le { $date } (par exemple à partir d'une carte de visite ou d'une conversation)
mail-art14-rights = Vos droits : vous pouvez nous demander l'accès à vos données, leur rectification, leur effacement, la limitation du traitement et la portabilité, et vous opposer au traitement (toujours, en cas de prospection). Lorsque le traitement repose sur votre consentement, vous pouvez le retirer à tout moment.
mail-art14-portal = Vous pouvez les exercer depuis le portail de confidentialité : { $portal }
mail-art14-complaint = Vous avez également le droit d'introduire une réclamation auprès d'une autorité de contrôle, en particulier dans le pays où vous résidez ou travaillez (en France, la CNIL, www.cnil.fr).

## Requests to processors (Art. 19), in the controller's default language.
mail-processor-subject = Demande au titre de l'art. 19 du RGPD : { $action }
mail-processor-intro = { $controller } vous demande, en votre qualité de sous-traitant, d'agir sur les données d'une personne que vous recevez de sa part.
mail-processor-action = Action : { $action }
mail-processor-person = Personne (identifiant de la personne concernée dans Kith) : { $id }
mail-processor-reference = Référence de la demande : { $reference }
mail-processor-due = Merci d'en accuser réception au plus tard le { $due }.
mail-processor-ack = Confirmez que vous l'avez exécutée (une page avec un bouton ; rien n'est enregistré tant que vous ne cliquez pas) :
mail-processor-action-erasure = Effacer la personne (art. 17)
mail-processor-action-rectification = Rectifier les données de la personne (art. 16)
mail-processor-action-restriction = Limiter le traitement (art. 18)
mail-processor-action-restriction-lifted = La limitation est levée (art. 18, paragraphe 3)
