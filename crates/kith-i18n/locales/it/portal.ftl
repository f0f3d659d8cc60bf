## Il portale privacy. Si dà del tu alla persona.
portal-title = La tua privacy
portal-intro = Inserisci il tuo indirizzo email: ti inviamo un link per vedere i dati che conserviamo su di te, scaricarli e fare richieste.
# same as English
portal-email = Email
portal-send = Inviami un link di accesso
portal-sent = Se l'indirizzo è nei nostri archivi, ti arriverà un link di accesso. Vale una volta sola, per 15 minuti.
portal-sign-in = Accedi
portal-sign-in-text = Premi il pulsante per accedere al portale privacy.
portal-invalid = Questo link non è valido o è già stato usato. Chiedine uno nuovo.
portal-expired = Questo link è scaduto. Chiedine uno nuovo.

portal-your-data = I dati che conserviamo su di te
portal-download-json = Prepara tutti i dati in JSON
portal-download-csv = Prepara tutti i dati in file CSV (zip)
portal-files = I tuoi file (ciascuno viene cancellato automaticamente alla scadenza):
portal-until = disponibile fino al { $date }
portal-prepared = Il file è pronto qui sotto.
portal-consents = I tuoi consensi e iscrizioni
portal-manage = Modificali o revocali
portal-requests = Le tue richieste
portal-none = Nessuna richiesta.
portal-file = Fai una richiesta
portal-what = Che cosa chiedi?
portal-details = Dettagli (cosa correggere, a cosa ti opponi…)
portal-submit = Invia la richiesta
portal-filed = La tua richiesta è registrata. Rispondiamo entro un mese.
portal-sign-out = Esci
portal-problem-rectification = indica che cosa va corretto
portal-problem-note = deve avere al massimo 2000 caratteri, senza caratteri di controllo
portal-problem-kind = questa richiesta non si presenta qui

portal-kind-access = Accesso (art. 15)
portal-kind-portability = Portabilità dei dati (art. 20)
portal-kind-rectification = Rettifica dei miei dati (art. 16)
portal-kind-erasure = Cancellazione dei miei dati (art. 17)
portal-kind-restriction = Limitazione del trattamento (art. 18)
portal-kind-objection = Opposizione al trattamento (art. 21)
portal-kind-withdraw-consent = Revoca del consenso (art. 7, par. 3)
portal-kind-information = Informazioni sul trattamento (art. 13–15)
portal-kind-automated-decision-review = Revisione umana di una decisione automatizzata (art. 22)
portal-status-received = Ricevuta
portal-status-verifying = Verifica dell'identità
portal-status-in-progress = In corso
portal-status-waiting-on-subject = In attesa di un tuo riscontro
portal-status-completed = Evasa
portal-status-rejected = Respinta
portal-status-withdrawn = Ritirata
