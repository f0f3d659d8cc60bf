## Modelli di email: l'elenco e la pagina di un modello.
templates-title = Modelli di email
templates-intro = Un oggetto e un testo per lingua, con campi di unione come { $field } compilati per ogni persona. Ogni persona riceve il testo nella sua lingua (quella del suo consenso più recente), altrimenti in inglese. Le richieste di consenso li usano: dall'elenco contatti (“{ $bulk }”), nella pagina di un contatto e nella regola di richiesta automatica di una finalità.
templates-new = Nuovo modello
templates-none = Ancora nessun modello.
templates-write-first = Scrivi il primo
templates-col-name = Nome
templates-col-for = Per
templates-col-languages = Lingue
templates-deleted = Il modello è stato eliminato.
templates-saved = Il modello è stato salvato.
# same as English
templates-kind-newsletter = Newsletter
templates-kind-consent-request = Richiesta di consenso
templates-kind-notice = Informativa
templates-new-title = Nuovo modello di email
templates-one-title = Modello di email
templates-back = Torna ai modelli
templates-errors = Correggi quanto segnalato qui sotto.
templates-help = Compila le lingue in cui scrivi; lascia vuote le altre. Testo semplice: una riga vuota inizia un nuovo paragrafo. Una richiesta di consenso deve contenere { $field }; Kith aggiunge l'intestazione di disiscrizione a ogni richiesta.
templates-subject = Oggetto
templates-body = Testo
templates-save = Salva il modello
templates-fields = Campi di unione
templates-fields-help = Scrivi { $plain }, oppure { $fallback } per mostrare una parola tua quando la persona non ha quel valore. I valori vengono protetti: non possono mai aggiungere markup, link o intestazioni email.
templates-field-first-name = il nome della persona
templates-field-last-name = il cognome della persona
templates-field-company = il nome dell'azienda della persona
templates-field-purpose = il nome della finalità di cui tratta l'email
templates-field-controller = il nome del titolare del trattamento (chi invia l'email)
templates-field-confirm-url = il link che conferma il consenso (solo nelle richieste di consenso, dove è obbligatorio)
templates-field-unsubscribe-url = il link per disiscriversi con un clic
templates-field-preferences-url = il link al centro preferenze della persona
templates-field-portal-url = il portale privacy, dove la persona vede i suoi dati e presenta richieste
templates-preview = Anteprima con un contatto
templates-find = Trova un contatto (nome, email o telefono)
templates-no-choice = Nessun contatto da scegliere.
templates-no-match = Nessun contatto corrisponde a questa ricerca.
templates-contact = Contatto
templates-search-only = — solo ricerca —
templates-language = Lingua
templates-own-language = Quella del contatto
templates-preview-button = Anteprima
templates-preview-subject = Oggetto:
templates-html-source = Versione HTML (sorgente)
templates-hidden-links = Qui i link che agiscono per conto della persona sono nascosti; nell'email della persona ci sono.
templates-test = Invia una prova a te stesso
templates-test-help = Inviata a { $email } tramite il server di posta, compilata con valori di esempio (nessun dato di contatti).
templates-test-language = Inglese, altrimenti la prima
templates-send-test = Invia prova
templates-delete = Elimina questo modello
templates-test-sent = Un'email di prova con valori di esempio è stata inviata a { $to }.
templates-choose-kind = scegli a cosa serve
templates-not-a-choice = non è una scelta valida

## Richieste di consenso con un modello.
templates-req-all-title = Richiedi il consenso a tutti i risultati
templates-req-back-list = Torna all'elenco
templates-req-all-intro = Ogni contatto che corrisponde alla ricerca e al filtro dell'elenco riceve una richiesta di consenso via email, nella sua lingua (quella del suo consenso più recente, altrimenti l'inglese), con un link di conferma valido per i giorni che scegli. I contatti senza email, che hanno già risposto, si sono opposti o hanno il trattamento limitato vengono saltati. Nel passo successivo vedi quanti contatti corrispondono, prima che venga inviato qualcosa.
templates-req-needs = Una richiesta di consenso richiede una finalità, un'informativa e un modello di richiesta di consenso.
templates-req-no-template-link = Non c'è ancora nessun modello di richiesta di consenso: { $link }.
templates-req-no-template = Non c'è ancora nessun modello di richiesta di consenso (li scrivono il marketing, l'RPD o un amministratore).
templates-req-no-template-plain = Non c'è ancora nessun modello di richiesta di consenso.
templates-req-write-one = scrivine uno
templates-req-setup = Finalità e informative si configurano in { $link }.
# same as English
templates-req-privacy = Privacy
templates-req-purpose = Finalità
templates-req-template = Modello
templates-req-notice = Informativa a cui rimanda la richiesta
templates-req-days = Giorni per rispondere
templates-req-review = Verifica…
templates-req-one-title = Richiedi il consenso
templates-req-one-heading = Richiedi il consenso: { $name }
templates-req-back-contact = Torna al contatto
templates-req-one-intro = Il contatto riceve una richiesta di consenso via email nella sua lingua (quella del suo consenso più recente, altrimenti l'inglese), con un link di conferma. Non viene inviato nulla a un contatto senza email, che ha già dato o negato il consenso via email, si è opposto o ha il trattamento limitato.
templates-req-send = Invia la richiesta
templates-req-queued = La richiesta di consenso è in coda; il consenso del contatto risulta in attesa di risposta.
templates-req-not-sent = Non inviata: { $why }.
templates-req-choose-purpose = scegli una finalità
templates-req-choose-template = scegli un modello di richiesta di consenso
templates-req-choose-notice = scegli l'informativa a cui rimanda la richiesta
templates-req-choose-both = scegli un modello di richiesta di consenso e un'informativa
templates-req-purpose-title = Richieste di consenso: { $name }
templates-req-back-purpose = Torna alla finalità
templates-req-auto = Chiedi automaticamente ai nuovi contatti
templates-req-auto-intro = Quando il personale inserisce un contatto, o un'importazione ne crea uno, con un indirizzo email e senza base giuridica per questa finalità, Kith invia una richiesta di consenso con il modello qui sotto entro circa un minuto (un job controlla i nuovi contatti; un riavvio del server non ne perde nessuno). I contatti creati prima che la regola venga attivata non ricevono mai la richiesta da essa.
templates-req-auto-needs = La regola richiede un modello di richiesta di consenso ({ $write }) e un'informativa ({ $publish }).
templates-req-publish-one = pubblicane una
templates-req-auto-enabled = Chiedi ai nuovi contatti senza una base giuridica per questa finalità
templates-req-auto-notice = Informativa a cui rimanda la richiesta (si usa la versione più recente)
templates-req-save-rule = Salva la regola
templates-req-rule-saved = La regola di richiesta automatica è stata salvata.
templates-req-again = Chiedi di nuovo: consenso con un'informativa precedente
templates-req-old-count = { $n ->
    [one] { $count } contatto ha dato il consenso per questa finalità con una versione precedente della sua informativa.
   *[other] { $count } contatti hanno dato il consenso per questa finalità con una versione precedente della sua informativa.
}
templates-req-old-count-see = { $n ->
    [one] { $count } contatto ha dato il consenso per questa finalità con una versione precedente della sua informativa ({ $link }).
   *[other] { $count } contatti hanno dato il consenso per questa finalità con una versione precedente della sua informativa ({ $link }).
}
templates-req-see-them = vedili
templates-req-again-intro = Ciascuno riceve una richiesta di consenso con l'informativa che scegli (quella attuale), nella sua lingua. Il suo consenso resta valido finché non risponde: la conferma registra il consenso con la nuova informativa; la mancata risposta non cambia nulla.
templates-req-current-notice = L'informativa attuale
templates-req-ask-n = { $n ->
    [one] Chiedi di nuovo a { $n } contatto
   *[other] Chiedi di nuovo a { $n } contatti
}
templates-req-asked = { $asked ->
    [one] Consenso richiesto di nuovo a { $asked } contatto
   *[other] Consenso richiesto di nuovo a { $asked } contatti
}; { $skipped } saltati (senza email, già interpellati con questa informativa, opposizione o trattamento limitato). Il loro consenso resta valido finché non rispondono.
