language-name = Français
nav-skip = Aller au contenu
nav-main = Principal
# same as English
nav-contacts = Contacts
# same as English
nav-segments = Segments
nav-companies = Entreprises
nav-deals = Affaires
nav-privacy = Confidentialité
nav-campaigns = Campagnes
nav-templates = Modèles
nav-requests = Demandes
nav-audit = Journal
nav-admin = Administration
nav-my-account = Mon compte
nav-sign-out = Se déconnecter
role-admin = administrateur
role-sales = ventes
# same as English
role-marketing = marketing
role-dpo = DPD
# same as English
role-support = support
role-readonly = lecture seule
breach-banner-label = Délais des violations
breach-banner-title = Violation de données à caractère personnel :
breach-banner-text = la notifier à l'autorité de contrôle dans les 72 heures après en avoir pris connaissance (art. 33, paragraphe 1).

field-first-name = Prénom
field-last-name = Nom
field-emails = E-mails
field-phones = Téléphones
field-address = Adresse
field-job-title = Fonction
# same as English
field-notes = Notes
field-interaction-bodies = Textes des interactions
field-owner-id = Responsable
field-company-id = Entreprise
field-amount-minor = Montant
contact-no-name = (sans nom)
