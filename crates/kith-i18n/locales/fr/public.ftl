## Pages publiques, pour les personnes sans compte. On vouvoie la personne.

public-languages = Langue

public-not-found-title = Page introuvable
public-not-found-text = Il n'y a rien à cette adresse.
public-bad-address-title = Cette adresse n'est pas valide
public-bad-address-text = Ouvrez à nouveau le lien tel que vous l'avez reçu.
public-invalid-link-title = Ce lien n'est pas valide
public-invalid-link-text = Le lien est incomplet ou a été modifié. Ouvrez-le à nouveau depuis le message que vous avez reçu.
public-expired-link-title = Ce lien a expiré
public-expired-link-text = Les liens sont valables pendant une durée limitée. Remplissez à nouveau le formulaire pour en recevoir un nouveau.

public-notice-intro = Comment nous utilisons vos données :
public-notice-version = { $name } (version { $version })
# same as English
public-notice-meta = Version { $version } · SHA-256 { $sha }

public-form-email = Adresse e-mail
public-form-first-name = Prénom
public-form-last-name = Nom
public-form-phone = Téléphone
public-form-subscriptions = Abonnements
public-form-choose = Que souhaitez-vous recevoir ? (cochez ce qui vous intéresse)
public-form-sharing = Partage
public-form-share = Oui, vous pouvez partager mes coordonnées avec : { $parties }
public-form-gpc = Votre navigateur envoie un signal Global Privacy Control : nous ne partagerons pas vos coordonnées si vous ne cochez pas la case ci-dessus.
public-form-confirm-hint = Nous vous enverrons par e-mail un lien de confirmation.
public-form-fix = Veuillez vérifier — { $field } : { $problem }
public-problem-email = doit être une adresse e-mail
public-problem-phone = doit être un numéro de téléphone
public-problem-name = doit comporter au plus 100 caractères, sans caractères de contrôle
public-problem-no-subscription = cochez au moins un abonnement pour vous abonner
public-problem-unknown-subscription = ce formulaire ne propose pas cet abonnement
public-problem-other = n'est pas valide
public-check-inbox-title = Consultez votre boîte de réception
public-check-inbox-text = Si l'adresse est valide, un message contenant un lien de confirmation est en route. Rien ne vous sera envoyé tant que vous n'aurez pas confirmé.

public-confirm-title = Confirmez votre abonnement
public-confirm-text = Appuyez sur le bouton pour confirmer que vous souhaitez recevoir ce que vous avez demandé.
public-confirm-button = Confirmer
public-confirmed-title = Merci, c'est confirmé
public-confirmed-text = Votre choix est enregistré. Un reçu est en route vers votre boîte de réception ; vous pouvez changer d'avis à tout moment grâce au lien qu'il contient.
public-confirmed-already = Ce lien a déjà été utilisé : votre choix est enregistré.

public-prefs-title = Vos préférences d'e-mail
public-prefs-save = Enregistrer mes choix
public-prefs-saved = Vos choix sont enregistrés.
public-prefs-not-given = Vos autres choix sont enregistrés. Abonnement non effectué, car vous n'avez pas vu comment nous utilisons vos données à cette fin : abonnez-vous au moyen de son formulaire d'inscription, qui l'indique — { $names }
public-prefs-unsubscribe-all = Me désabonner de tout
public-prefs-unsubscribed = Votre désabonnement est enregistré.
public-prefs-receipts = Vos reçus de consentement
public-channel-email = E-mail
public-channel-phone = Téléphone
# same as English
public-channel-sms = SMS
public-channel-post = Courrier
public-action-requested = Demandé
public-action-given = Donné
public-action-refused = Refusé
public-action-withdrawn = Retiré
public-action-expired = Expiré

public-unsubscribe-title = Se désabonner
public-unsubscribe-text = Appuyez sur le bouton pour ne plus recevoir ces messages.
public-unsubscribe-button = Me désabonner

## Le lecteur est un sous-traitant qui agit pour le responsable du traitement.
public-ack-title = Accuser réception d'une demande relative à la protection des données
public-ack-action = Ce qui est demandé (art. 19 du RGPD)
public-ack-subject = La personne concernée (identifiant)
public-ack-reference = Référence
public-ack-due = À confirmer au plus tard le
public-ack-done-on = Confirmé le { $at }.
public-ack-explain = Appuyez sur le bouton une fois la demande exécutée. Rien n'est enregistré tant que vous ne l'avez pas fait.
public-ack-button = Je confirme que c'est fait
public-ack-action-erasure = Effacer les données de la personne (art. 17)
public-ack-action-rectification = Rectifier les données de la personne (art. 16)
public-ack-action-restriction = Limiter le traitement (art. 18)
public-ack-action-restriction-lifted = La limitation est levée (art. 18, paragraphe 3)
public-ack-invalid-text = Vérifiez que le lien a été copié en entier depuis le message.
public-ack-expired-text = Demandez au responsable du traitement de vous adresser une nouvelle demande.
public-ack-recorded-title = Confirmation enregistrée
public-ack-recorded-text = Merci : le registre du responsable du traitement indique désormais que vous avez exécuté la demande.
public-ack-already-title = Déjà confirmé
public-ack-already-text = Cette demande a déjà été confirmée.
