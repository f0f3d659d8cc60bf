## Mail Kith writes to people (and to processors). One message a paragraph
## or line; code joins them with blank lines and adds links on lines of
## their own. Texts staff write (templates, purpose names) are not here.

## Channels of consent, in running text.
# same as English
mail-channel-email = email
mail-channel-phone = telefono
# same as English
mail-channel-sms = SMS
mail-channel-post = posta

## Double opt-in after a public form.
mail-confirm-subject = Conferma la tua iscrizione
mail-confirm-asked = Hai chiesto di ricevere: { $names }.
mail-confirm-link = Per confermare apri questo link e premi "Conferma" (valido { $days ->
        [one] un giorno
       *[other] { $days } giorni
    }):
mail-confirm-ignore = Se la richiesta non è partita da te, ignora questo messaggio: senza conferma non ti scriveremo più.

## Consent receipts.
mail-receipt-subject = La ricevuta del tuo consenso: { $purpose }
mail-receipt-given = Hai dato il tuo consenso per "{ $purpose }" ({ $channels }) il { $date }.
mail-receipt-withdrawn = Hai revocato il tuo consenso per "{ $purpose }" ({ $channels }) il { $date }.
mail-receipt-attached = In allegato trovi la ricevuta del tuo consenso (firmata da { $controller }; la chiave è pubblicata su { $key }).
mail-receipt-change = Puoi cambiare le tue scelte in qualsiasi momento: { $link }

## Sign-in link to the privacy portal.
mail-portal-subject = Accedi al portale privacy
mail-portal-open = Per vedere i tuoi dati e le tue richieste apri questo link entro { $minutes } minuti (vale una volta sola):
mail-portal-ignore = Se non l'hai chiesto tu, ignora questo messaggio.

## Data-subject requests.
mail-dsr-subject = La tua richiesta privacy: { $kind }
mail-dsr-completed = La tua richiesta ({ $kind }) ricevuta il { $received } è stata evasa il { $done }.
mail-dsr-done-what = Che cosa abbiamo fatto: { $what }
mail-dsr-rejected = La tua richiesta ({ $kind }) ricevuta il { $received } è stata respinta: { $reason }
mail-dsr-complaint = Puoi proporre reclamo a un'autorità di controllo.
mail-dsr-extended = La tua richiesta ({ $kind }) ricevuta il { $received } richiede più tempo: abbiamo prorogato il termine di { $months ->
        [one] un mese
       *[other] { $months } mesi
    } (art. 12, paragrafo 3, GDPR). Motivo: { $reason }
mail-dsr-kind-access = Accesso (art. 15)
mail-dsr-kind-portability = Portabilità (art. 20)
mail-dsr-kind-rectification = Rettifica (art. 16)
mail-dsr-kind-erasure = Cancellazione (art. 17)
mail-dsr-kind-restriction = Limitazione del trattamento (art. 18)
mail-dsr-kind-objection = Opposizione (art. 21)
mail-dsr-kind-withdraw-consent = Revoca del consenso (art. 7, paragrafo 3)
mail-dsr-kind-information = Informazioni (artt. 13–15)
mail-dsr-kind-automated-decision-review = Riesame di una decisione automatizzata (art. 22)

## The confirmation of an erasure (the last mail to the person).
mail-erasure-subject = { $controller }: i tuoi dati sono stati cancellati
mail-erasure-intro = Come ci hai chiesto (richiesta { $reference }, ricevuta il { $received }), il { $erased } abbiamo cancellato i tuoi dati personali: il tuo contatto, i tuoi indirizzi e numeri, le note e le interazioni, le basi giuridiche e lo stato dei consensi, le email in coda per te, e la chiave con cui erano cifrati, così che nessuna copia (nemmeno nei backup) si possa più aprire.
mail-erasure-keep = Conserviamo soltanto, per i motivi indicati:
mail-erasure-kept-1 = il registro delle richieste, che prova che abbiamo ricevuto ed eseguito la tua richiesta (art. 5(2), 12): contiene solo un identificativo, non i tuoi dati
mail-erasure-kept-2 = la catena del registro dei consensi, senza valori: le prove che contenevano i tuoi dati erano cifrate con la tua chiave, che è stata distrutta
mail-erasure-kept-3 = il registro delle attività (chi ha fatto cosa e quando), con identificativi e nomi di azioni, nessun tuo dato
mail-erasure-kept-4 = se avevi chiesto di non ricevere email: un'impronta non reversibile del tuo indirizzo, perché un'importazione futura non ti aggiunga di nuovo
mail-erasure-kept-5 = l'avviso ai nostri responsabili del trattamento che la cancellazione è avvenuta (art. 19): un identificativo e un orario
mail-erasure-last = Questa è l'ultima email che ti inviamo: il tuo indirizzo non è più nei nostri sistemi e questo messaggio viene eliminato appena consegnato. Se ritieni che la cancellazione non sia completa, puoi proporre reclamo a un'autorità di controllo.

## Consent requests and newsletters: the links Kith adds to staff's text.
mail-request-confirm = Per acconsentire apri questo link e premi "Conferma" (valido { $days ->
        [one] un giorno
       *[other] { $days } giorni
    }):
mail-request-manage = Gestisci le tue scelte: { $link }
mail-unsubscribe = Per non ricevere più messaggi: { $link }
mail-footer-preferences = Le tue preferenze: { $link }
mail-footer-portal = Il portale privacy: { $link }
# same as English
mail-test-subject = [Test] { $subject }

## The Art. 14 notice (data not obtained from the person).
mail-art14-subject = { $controller }: come abbiamo i tuoi dati e quali sono i tuoi diritti
mail-art14-hello = Gentile destinatario,
mail-art14-intro = { $controller } tratta alcuni tuoi dati personali che non abbiamo ricevuto da te. La legge (art. 14 GDPR) ci chiede di dirtelo.
mail-art14-dpo = Responsabile della protezione dei dati: { $dpo }.
mail-art14-what = Quali dati: { $categories }.
mail-art14-where = Da dove: { $source }.
mail-art14-why = Perché, e su quale base:
mail-art14-no-purpose = per gestire il rapporto con te (nessuna finalità registrata finora)
mail-art14-kept = Conservazione: { $retention }
mail-art14-recipients = Destinatari: { $recipients }
mail-art14-basis-consent = il tuo consenso (art. 6(1)(a) GDPR), che puoi revocare in qualsiasi momento
mail-art14-basis-contract = un contratto con te, o misure precontrattuali (art. 6(1)(b))
mail-art14-basis-legal-obligation = un obbligo di legge (art. 6(1)(c))
mail-art14-basis-vital-interests = interessi vitali (art. 6(1)(d))
mail-art14-basis-public-task = un compito di interesse pubblico (art. 6(1)(e))
mail-art14-basis-legitimate-interests = il nostro legittimo interesse (art. 6(1)(f)), come descritto
mail-art14-basis-not-applicable = nessuna base registrata finora
mail-art14-category-name = nome
mail-art14-category-email = indirizzo email
mail-art14-category-phone = numero di telefono
mail-art14-category-address = indirizzo postale
mail-art14-category-job-title = ruolo
mail-art14-category-company = l'azienda per cui lavori
mail-art14-source-none = i nostri archivi
mail-art14-source-import = un elenco di contatti importato il { $date }, dal nostro precedente sistema di gestione clienti
mail-art14-source-import-file = un elenco di contatti importato il { $date } ("{ $file }"), dal nostro precedente sistema di gestione clienti
mail-art14-source-import-since = un elenco di contatti importato il { $date }, dal nostro precedente sistema di gestione clienti; vi erano registrati dal { $since }
mail-art14-source-import-file-since = un elenco di contatti importato il { $date } ("{ $file }"), dal nostro precedente sistema di gestione clienti; vi erano registrati dal { $since }
mail-art14-source-staff = il nostro personale, che li ha registrati il { $date } (per esempio da un biglietto da visita o da una conversazione)
mail-art14-rights = I tuoi diritti: puoi chiederci l'accesso ai tuoi dati, la rettifica, la cancellazione, la limitazione del trattamento e la portabilità, e opporti al trattamento (sempre, per il marketing diretto). Dove il trattamento si basa sul consenso, puoi revocarlo in qualsiasi momento.
mail-art14-portal = Puoi esercitarli dal portale privacy: { $portal }
mail-art14-complaint = Hai anche il diritto di proporre reclamo a un'autorità di controllo (in Italia il Garante per la protezione dei dati personali, www.garanteprivacy.it).

## Requests to processors (Art. 19), in the controller's default language.
mail-processor-subject = Richiesta ai sensi dell'art. 19 GDPR: { $action }
mail-processor-intro = { $controller } vi chiede, in qualità di suo responsabile del trattamento, di intervenire sui dati di una persona che vi trasmette.
mail-processor-action = Azione: { $action }
mail-processor-person = Persona (identificativo dell'interessato in Kith): { $id }
mail-processor-reference = Riferimento della richiesta: { $reference }
mail-processor-due = Vi preghiamo di confermare entro il { $due }.
mail-processor-ack = Confermate di averla eseguita (una pagina con un pulsante: nulla viene registrato finché non lo premete):
mail-processor-action-erasure = Cancellare la persona (art. 17)
mail-processor-action-rectification = Rettificare i dati della persona (art. 16)
mail-processor-action-restriction = Limitare il trattamento (art. 18)
mail-processor-action-restriction-lifted = La limitazione è revocata (art. 18, paragrafo 3)
