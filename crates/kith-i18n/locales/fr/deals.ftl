deals-title = Affaires
deals-board-title = Pipeline commercial
deals-to-board = ← Pipeline commercial
deals-to-list = Liste avec totaux →
deals-back = ← Pipeline commercial
deals-totals = Totaux par étape
deals-col-stage = Étape
deals-col-deals = Affaires
deals-col-deal = Affaire
deals-col-amount = Montant
deals-col-company = Entreprise
# same as English
deals-contacts = Contacts
deals-all-stages = Toutes les étapes
deals-show = Afficher
deals-list-empty = Aucune affaire pour l'instant. Créez-en une dans le <a href="/deals">pipeline commercial</a>.
deals-next-page = Page suivante →
deals-column-empty = Aucune affaire.
deals-stage-of = Étape de { $title }
deals-move = Déplacer
deals-move-to = Déplacer vers
deals-column-all = Les { $n } affaires en { $stage } →
deals-new = Nouvelle affaire
deals-not-saved = Rien n'a été enregistré. Veuillez corriger les champs signalés ci-dessous.
deals-field-title = Titre
deals-field-currency = Devise
deals-no-company = Aucune
deals-create = Créer l'affaire
deals-history = Historique des étapes
deals-created-in = Créée en { $stage }
deals-moved-from-to = { $from } → { $to }
deals-moved = Affaire déplacée.
deals-bad-amount = doit être un montant tel que 12500 ou 12500.50
deals-bad-company = n'est pas un choix valide
deals-bad-stage = n'est pas une étape du pipeline
# same as English
deals-currency-example = EUR

stage-lead = Piste
stage-qualified = Qualifiée
stage-proposal = Proposition
stage-negotiation = Négociation
stage-won = Gagnée
stage-lost = Perdue
