## Le courriel aux personnes concernées par une violation de données à
## caractère personnel (art. 34 RGPD) : en des termes clairs et simples.

breach-mail-subject = { $controller } : violation de vos données personnelles
breach-mail-intro = Nous vous écrivons car { $controller } a subi une violation de données à caractère personnel qui vous concerne.
breach-mail-what = Ce qui s'est passé : { $nature }.
breach-mail-consequences = Conséquences probables pour vous : { $consequences }
breach-mail-measures = Ce que nous avons fait et ce que nous vous conseillons de faire : { $measures }
breach-mail-dpo = Pour toute question, écrivez à notre délégué à la protection des données (DPD) : { $dpo }.
breach-mail-nature-confidentiality = certaines de vos données ont pu être vues par une personne qui n'aurait pas dû y avoir accès
breach-mail-nature-integrity = certaines de vos données ont pu être modifiées
breach-mail-nature-availability = certaines de vos données ont été perdues ou indisponibles pendant un certain temps

## L'impression d'une notification aux personnes : le courriel dans chaque langue.
breach-mail-print-subject = E-mail ({ $language }) : objet
breach-mail-print-text = E-mail ({ $language }) : texte
