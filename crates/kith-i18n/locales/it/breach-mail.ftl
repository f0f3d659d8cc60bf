## L'email alle persone coinvolte in una violazione dei dati personali
## (art. 34 GDPR): linguaggio semplice e chiaro.

breach-mail-subject = { $controller }: violazione dei tuoi dati personali
breach-mail-intro = Ti scriviamo perché { $controller } ha subito una violazione dei dati personali che ti riguarda.
breach-mail-what = Cosa è successo: { $nature }.
breach-mail-consequences = Conseguenze probabili: { $consequences }
breach-mail-measures = Cosa abbiamo fatto e cosa ti consigliamo: { $measures }
breach-mail-dpo = Per domande puoi scrivere al nostro responsabile della protezione dei dati: { $dpo }.
breach-mail-nature-confidentiality = alcuni tuoi dati potrebbero essere stati visti da chi non doveva
breach-mail-nature-integrity = alcuni tuoi dati potrebbero essere stati alterati
breach-mail-nature-availability = alcuni tuoi dati sono andati persi o non sono stati disponibili per un periodo

## La stampa di una comunicazione agli interessati: l'email in ogni lingua.
breach-mail-print-subject = Email ({ $language }): oggetto
breach-mail-print-text = Email ({ $language }): testo
