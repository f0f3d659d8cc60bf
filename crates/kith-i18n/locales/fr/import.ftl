## Importation de contacts depuis un fichier CSV : le téléversement, la page
## d'une exécution, ses notices de l'art. 14.
import-title = Importer des contacts
import-back = Retour à la vue d'ensemble de la confidentialité
import-intro = Un fichier CSV (UTF-8, avec { $comma } ou { $semicolon }) dont la première ligne nomme les colonnes. Les exports de HubSpot, Salesforce, Zoho et Google Contacts sont reconnus. Après le téléversement, vous associez les colonnes, vérifiez le fichier, puis l'importez : rien n'est écrit avant l'importation. Chaque contact enregistre ce fichier et sa ligne comme source. Le fichier est conservé chiffré jusqu'à ce qu'il soit importé, abandonné ou vieux d'un jour ; l'effacement d'un contact le supprime aussi. Fichiers de plus de 32 Mio : { $cli }.
import-file = Fichier CSV
import-upload = Téléverser et associer les colonnes
import-recent = Importations récentes
import-none = Aucune importation pour l'instant.
import-col-uploaded = Téléversé
import-col-file = Fichier
import-col-state = État
import-send-again = Envoyez à nouveau le formulaire.
import-expired = Le formulaire a expiré ; rechargez la page.
import-too-large = La page accepte les fichiers jusqu'à 32 Mio ; importez les plus gros avec `kith import contacts`.

import-counts = { $created } créé(s), { $updated } mis à jour, { $skipped } ignoré(s), { $rejected } rejeté(s)
import-counts-dry = { $created } à créer, { $updated } à mettre à jour, { $skipped } ignoré(s), { $rejected } rejeté(s)
import-state-check-running = Vérification en cours
import-state-import-running = Importation en cours
import-state-interrupted = Interrompu : traité jusqu'à la ligne { $line }
import-state-uploaded = Téléversé : associez les colonnes et vérifiez le fichier
import-state-checked = Vérifié : { $counts }
import-state-imported = Importé : { $counts }
import-state-failed = Arrêté sur une erreur
import-state-dropped = Supprimé : un contact a été effacé après le téléversement de ce fichier, le fichier n'a donc pas été conservé là où une importation pourrait le faire revenir. Téléversez-le à nouveau s'il doit encore être importé.
import-state-discarded = Abandonné

import-run-title = Importation de { $file }
import-all = Toutes les importations
import-size = { $size } Kio
import-facts = { $size }, téléversé le { $when }.
import-no-file = Le fichier n'est plus conservé.
import-checking = Vérification
import-importing = Importation
import-progress = { $percent } % du fichier lu · { $counts }.
import-progress-line = { $percent } % du fichier lu · { $counts } · traité jusqu'à la ligne { $line }.
import-refresh = Cette page s'actualise toutes les deux secondes. Vous pouvez la quitter : l'importation continue.
import-interrupted = Interrompu
import-stopped-check = La vérification s'est arrêtée : le serveur qui l'effectuait a été arrêté ou redémarré. Vérifiez à nouveau le fichier.
import-stopped-import = L'importation s'est arrêtée : le serveur qui l'effectuait a été arrêté ou redémarré.
import-resume-help = Toutes les lignes jusqu'à la ligne { $line } sont traitées. La reprise lit les lignes suivantes, avec les mêmes colonnes et la même base juridique ; une ligne correspondant à un contact déjà présent dans Kith (par exemple un contact que le passage interrompu avait mis à jour) le met à jour à nouveau ou est ignorée, et son consentement n'est pas enregistré deux fois.
import-resume = Reprendre après la ligne { $line }
import-result-check = Vérification : rien n'a été écrit
import-result-import = Importation
import-result = { $counts }.
import-result-line = { $counts }. Traité jusqu'à la ligne { $line }.
import-claimed = Consentement déclaré sans preuve — à redemander : { $n }. Ces personnes n'ont reçu aucune base juridique pour la finalité ; { $link } (avec l'étiquette { $tag }) forment le segment d'une campagne de consentement.
import-claimed-dry = Consentement déclaré sans preuve — à redemander : { $n }. Ces personnes ne recevraient aucune base juridique pour la finalité ; { $link } (avec l'étiquette { $tag }) forment le segment d'une campagne de consentement.
import-claimed-link = les personnes à interroger à nouveau
import-problems = Lignes mises à jour, ignorées ou rejetées
import-col-line = Ligne
import-col-outcome = Résultat
import-col-why = Motif
import-outcome-created = créé
import-outcome-would-create = à créer
import-outcome-updated = mis à jour
import-outcome-would-update = à mettre à jour
import-outcome-skipped = ignoré
import-outcome-rejected = rejeté
import-more-lines = Seules les premières lignes sont conservées ici ; l'option { $flag } de la ligne de commande liste toutes les lignes.
import-columns = Colonnes
import-columns-help = Chaque colonne va dans un champ ou est ignorée. Les noms reconnus sont choisis pour vous. Les champs { $custom } sont les champs personnalisés autorisés par la politique des champs ; les champs { $consent } portent la preuve du consentement importé.
import-col-column = Colonne
import-col-field = Champ
import-field-for = Champ pour { $column }
import-ignored = (ignorée)
import-basis-legend = Base juridique pour une finalité (facultatif)
import-purpose = Finalité
import-no-purpose = Aucune finalité
import-basis = Base juridique
import-basis-consent = Consentement
import-basis-contract = Contrat
import-basis-legal-obligation = Obligation légale
import-basis-vital-interests = Intérêts vitaux
import-basis-public-task = Mission d'intérêt public
import-basis-legitimate-interests = Intérêts légitimes
import-file-basis-legend = La colonne de base juridique du fichier (HubSpot, Zoho, Salesforce)
import-file-basis-help = Une colonne associée à { $column } donne la base juridique de chaque personne pour une finalité : "Performance of a contract" correspond au contrat, "Legitimate interest" aux intérêts légitimes (l'export étant cité comme source de l'évaluation), "Not applicable" à aucune. Un consentement déclaré sans sa preuve n'est pas enregistré : ces personnes sont comptées et listées pour être interrogées à nouveau. Les valeurs inconnues font rejeter la ligne.
import-basis-purpose = Finalité de cette colonne
import-consent-legend = Consentement (uniquement avec la base juridique consentement)
import-consent-help = Le consentement n'est importé qu'avec sa preuve : la notice d'information que les personnes ont vue et, dans le fichier, l'heure d'origine de chacune ({ $at }) et l'enregistrement d'origine ({ $evidence }). Les lignes qui en sont dépourvues sont rejetées.
import-notice-seen = Notice d'information vue par les personnes
import-channels = Canaux consentis (sauf si le fichier a une colonne { $column }) :
import-channel-email = E-mail
import-channel-phone = Téléphone
# same as English
import-channel-sms = SMS
import-channel-post = Courrier
import-act = Ce que les personnes ont fait pour consentir (sauf si le fichier a une colonne { $column })
import-check = Vérifier le fichier
import-import = Importer
import-discard = Abandonner le fichier
import-columns-changed = Les colonnes ont changé depuis le chargement de la page : rechargez-la.
import-unknown-field = La colonne "{ $column }" est associée à un champ inconnu.
import-choose-purpose = Choisissez une finalité dans la liste.
import-choose-basis = Choisissez une base juridique dans la liste.
import-choose-notice = Choisissez une notice d'information dans la liste.
import-choose-channels = Choisissez des canaux dans la liste.
import-gone = Le fichier n'est plus conservé : téléversez-le à nouveau.
import-choose-mode = Choisissez vérifier, importer ou reprendre.

import-art14-title = Envoyer la notice de l'art. 14
import-art14-back = Retour à l'importation de { $file }
import-art14-nothing = Toutes les personnes créées par cette importation ont reçu la notice (ou ont été effacées depuis) : il n'y a rien à envoyer.
import-art14-summary = { $n ->
    [one] Ceci met en file d'attente la notice de l'art. 14 pour { $count } personne créée par cette importation qui ne l'a pas encore reçue : un e-mail par personne, dans sa langue, indiquant le responsable du traitement, les finalités et leurs bases juridiques, la source des données, les droits de la personne concernée avec le lien vers le portail et le droit d'introduire une réclamation auprès de l'autorité de contrôle. Chaque notice est enregistrée sur le contact ; personne ne la reçoit deux fois. Les personnes sans adresse e-mail sont comptées, pas contactées.
   *[other] Ceci met en file d'attente la notice de l'art. 14 pour { $count } personnes créées par cette importation qui ne l'ont pas encore reçue : un e-mail par personne, dans sa langue, indiquant le responsable du traitement, les finalités et leurs bases juridiques, la source des données, les droits de la personne concernée avec le lien vers le portail et le droit d'introduire une réclamation auprès de l'autorité de contrôle. Chaque notice est enregistrée sur le contact ; personne ne la reçoit deux fois. Les personnes sans adresse e-mail sont comptées, pas contactées.
}
import-art14-send = { $n ->
    [one] Envoyer à { $n } personne
   *[other] Envoyer à { $n } personnes
}
import-art14-cancel = Annuler
import-art14-panel = Notice de l'art. 14
import-art14-why = Les données de ces personnes n'ont pas été collectées auprès d'elles : elles sont informées, une fois, de qui les détient, pourquoi, d'où elles proviennent et de leurs droits, dans un délai d'un mois (art. 14, paragraphe 3, point a)).
import-art14-send-run = { $n ->
    [one] Envoyer la notice de l'art. 14 à { $n } personne de cette exécution qui ne l'a pas encore reçue
   *[other] Envoyer la notice de l'art. 14 aux { $n } personnes de cette exécution qui ne l'ont pas encore reçue
}
import-art14-all-had = Toutes les personnes créées par cette importation ont reçu la notice.
import-art14-queued = { $n ->
    [one] { $n } notice en file d'attente.
   *[other] { $n } notices en file d'attente.
}
import-art14-no-address = { $n ->
    [one] { $n } personne n'a pas d'adresse e-mail : non envoyée.
   *[other] { $n } personnes n'ont pas d'adresse e-mail : non envoyées.
}
import-art14-restricted = Limitées : { $n } (traitement limité, art. 18) : non envoyées.
import-art14-days = Le nombre de jours doit être un entier de 1 à 30 : la notice est due dans un délai d'un mois (art. 14, paragraphe 3, point a)).
