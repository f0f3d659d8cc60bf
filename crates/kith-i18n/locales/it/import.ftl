## Importazione di contatti da un file CSV: il caricamento, la pagina di
## un'esecuzione, le sue informative ex art. 14.
import-title = Importa contatti
import-back = Torna alla panoramica privacy
import-intro = Un file CSV (UTF-8, con { $comma } o { $semicolon }) la cui prima riga indica le colonne. Le esportazioni di HubSpot, Salesforce, Zoho e Google Contatti vengono riconosciute. Dopo il caricamento associ le colonne, verifichi il file e poi lo importi: nulla viene scritto finché non importi. Ogni contatto registra questo file e la sua riga come fonte. Il file resta conservato cifrato finché non viene importato, scartato o ha più di un giorno; la cancellazione di un contatto lo elimina. File oltre 32 MiB: { $cli }.
import-file = File CSV
import-upload = Carica e associa le colonne
import-recent = Importazioni recenti
import-none = Ancora nessuna importazione.
import-col-uploaded = Caricato
# same as English
import-col-file = File
import-col-state = Stato
import-send-again = Invia di nuovo il modulo.
import-expired = Il modulo è scaduto; ricarica la pagina.
import-too-large = La pagina accetta file fino a 32 MiB; importa quelli più grandi con `kith import contacts`.

import-counts = { $created } creati, { $updated } aggiornati, { $skipped } saltati, { $rejected } rifiutati
import-counts-dry = { $created } da creare, { $updated } da aggiornare, { $skipped } saltati, { $rejected } rifiutati
import-state-check-running = Verifica in corso
import-state-import-running = Importazione in corso
import-state-interrupted = Interrotta: completata fino alla riga { $line }
import-state-uploaded = Caricato: associa le colonne e verifica il file
import-state-checked = Verificato: { $counts }
import-state-imported = Importato: { $counts }
import-state-failed = Interrotta da un errore
import-state-dropped = Eliminato: un contatto è stato cancellato dopo il caricamento di questo file, perciò il file non è stato conservato dove un'importazione potrebbe farlo ricomparire. Caricalo di nuovo se va ancora importato.
import-state-discarded = Scartato

import-run-title = Importazione di { $file }
import-all = Tutte le importazioni
# same as English
import-size = { $size } KiB
import-facts = { $size }, caricato il { $when }.
import-no-file = Il file non è più conservato.
import-checking = Verifica
import-importing = Importazione
import-progress = { $percent }% del file letto · { $counts }.
import-progress-line = { $percent }% del file letto · { $counts } · completata fino alla riga { $line }.
import-refresh = Questa pagina si aggiorna da sola ogni due secondi. Puoi lasciarla: l'importazione prosegue.
import-interrupted = Interrotta
import-stopped-check = La verifica si è fermata: il server che la eseguiva è stato arrestato o riavviato. Verifica di nuovo il file.
import-stopped-import = L'importazione si è fermata: il server che la eseguiva è stato arrestato o riavviato.
import-resume-help = Tutte le righe fino alla riga { $line } sono state elaborate. La ripresa legge le righe successive, con le stesse colonne e la stessa base giuridica; una riga che corrisponde a un contatto già presente in Kith (ad esempio uno aggiornato dal passaggio interrotto) lo aggiorna di nuovo o viene saltata, e il suo consenso non viene registrato due volte.
import-resume = Riprendi dopo la riga { $line }
import-result-check = Verifica: non è stato scritto nulla
import-result-import = Importazione
# same as English
import-result = { $counts }.
import-result-line = { $counts }. Completata fino alla riga { $line }.
import-claimed = Consenso dichiarato senza prova — da richiedere di nuovo: { $n }. Non hanno ricevuto alcuna base giuridica per la finalità; { $link } (con l'etichetta { $tag }) sono il segmento di una campagna di consenso.
import-claimed-dry = Consenso dichiarato senza prova — da richiedere di nuovo: { $n }. Non riceverebbero alcuna base giuridica per la finalità; { $link } (con l'etichetta { $tag }) sono il segmento di una campagna di consenso.
import-claimed-link = le persone a cui richiederlo
import-problems = Righe aggiornate, saltate o rifiutate
import-col-line = Riga
import-col-outcome = Esito
import-col-why = Motivo
import-outcome-created = creato
import-outcome-would-create = da creare
import-outcome-updated = aggiornato
import-outcome-would-update = da aggiornare
import-outcome-skipped = saltato
import-outcome-rejected = rifiutato
import-more-lines = Qui sono conservate solo le prime righe; l'opzione { $flag } della riga di comando elenca tutte le righe.
import-columns = Colonne
import-columns-help = Ogni colonna va in un campo oppure viene ignorata. I nomi riconosciuti vengono scelti per te. I campi { $custom } sono i campi personalizzati consentiti dalla politica dei campi; i campi { $consent } contengono la prova del consenso importato.
import-col-column = Colonna
import-col-field = Campo
import-field-for = Campo per { $column }
import-ignored = (ignorata)
import-basis-legend = Base giuridica per una finalità (facoltativa)
import-purpose = Finalità
import-no-purpose = Nessuna finalità
import-basis = Base giuridica
import-basis-consent = Consenso
import-basis-contract = Contratto
import-basis-legal-obligation = Obbligo legale
import-basis-vital-interests = Interessi vitali
import-basis-public-task = Compito di interesse pubblico
import-basis-legitimate-interests = Legittimo interesse
import-file-basis-legend = La colonna della base giuridica nel file (HubSpot, Zoho, Salesforce)
import-file-basis-help = Una colonna associata a { $column } indica la base giuridica di ogni persona per una finalità: "Performance of a contract" è il contratto, "Legitimate interest" è il legittimo interesse (con l'esportazione indicata come fonte della valutazione), "Not applicable" è nessuna. Un consenso dichiarato senza prova non viene registrato: queste persone vengono contate ed elencate per richiederlo di nuovo. I valori sconosciuti fanno rifiutare la riga.
import-basis-purpose = Finalità di quella colonna
import-consent-legend = Consenso (solo con la base giuridica consenso)
import-consent-help = Il consenso si importa solo con la sua prova: l'informativa che le persone hanno visto e, nel file, l'ora originale di ciascuna ({ $at }) e la registrazione originale ({ $evidence }). Le righe senza questi dati vengono rifiutate.
import-notice-seen = Informativa vista dalle persone
import-channels = Canali oggetto del consenso (se il file non ha una colonna { $column }):
# same as English
import-channel-email = Email
import-channel-phone = Telefono
# same as English
import-channel-sms = SMS
import-channel-post = Posta
import-act = Cosa hanno fatto le persone per acconsentire (se il file non ha una colonna { $column })
import-check = Verifica il file
import-import = Importa
import-discard = Scarta il file
import-columns-changed = Le colonne sono cambiate dal caricamento della pagina: ricaricala.
import-unknown-field = La colonna "{ $column }" è associata a un campo sconosciuto.
import-choose-purpose = Scegli una finalità dall'elenco.
import-choose-basis = Scegli una base giuridica dall'elenco.
import-choose-notice = Scegli un'informativa dall'elenco.
import-choose-channels = Scegli i canali dall'elenco.
import-gone = Il file non è più conservato: caricalo di nuovo.
import-choose-mode = Scegli verifica, importazione o ripresa.

import-art14-title = Invia l'informativa ex art. 14
import-art14-back = Torna all'importazione di { $file }
import-art14-nothing = Tutti coloro che questa importazione ha creato hanno già ricevuto l'informativa (o sono stati cancellati nel frattempo): non c'è nulla da inviare.
import-art14-summary = { $n ->
    [one] Mette in coda l'informativa ex art. 14 per { $count } persona creata da questa importazione che non l'ha ancora ricevuta: un'email ciascuno, nella sua lingua, che indica il titolare del trattamento, le finalità e le loro basi giuridiche, la fonte dei dati, i diritti dell'interessato con il link al portale e il diritto di proporre reclamo all'autorità di controllo. Ogni informativa viene registrata sul contatto; nessuno la riceve due volte. Le persone senza indirizzo email vengono contate, non contattate.
   *[other] Mette in coda l'informativa ex art. 14 per { $count } persone create da questa importazione che non l'hanno ancora ricevuta: un'email ciascuno, nella sua lingua, che indica il titolare del trattamento, le finalità e le loro basi giuridiche, la fonte dei dati, i diritti dell'interessato con il link al portale e il diritto di proporre reclamo all'autorità di controllo. Ogni informativa viene registrata sul contatto; nessuno la riceve due volte. Le persone senza indirizzo email vengono contate, non contattate.
}
import-art14-send = { $n ->
    [one] Invia a { $n } persona
   *[other] Invia a { $n } persone
}
import-art14-cancel = Annulla
import-art14-panel = Informativa ex art. 14
import-art14-why = I dati di queste persone non sono stati raccolti presso di loro: vengono informate, una volta, di chi li detiene, perché, da dove provengono e dei loro diritti, entro un mese (art. 14, par. 3, lett. a).
import-art14-send-run = { $n ->
    [one] Invia l'informativa ex art. 14 a { $n } persona di questa esecuzione che non l'ha ancora ricevuta
   *[other] Invia l'informativa ex art. 14 alle { $n } persone di questa esecuzione che non l'hanno ancora ricevuta
}
import-art14-all-had = Tutti coloro che questa importazione ha creato hanno ricevuto l'informativa.
import-art14-queued = { $n ->
    [one] { $n } informativa in coda.
   *[other] { $n } informative in coda.
}
import-art14-no-address = { $n ->
    [one] { $n } persona non ha un indirizzo email: non inviata.
   *[other] { $n } persone non hanno un indirizzo email: non inviate.
}
import-art14-restricted = Con limitazione: { $n } (trattamento limitato, art. 18): non inviate.
import-art14-days = I giorni devono essere un numero intero da 1 a 30: l'informativa va fornita entro un mese (art. 14, par. 3, lett. a).
