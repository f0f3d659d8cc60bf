## Importing contacts from a CSV file: the upload, a run's page, its
## Art. 14 notices.
import-title = Import contacts
import-back = Back to the privacy overview
import-intro = A CSV file (UTF-8, with { $comma } or { $semicolon }) whose first line names the columns. Exports of HubSpot, Salesforce, Zoho and Google Contacts are recognised. After the upload you map the columns, check the file, then import it: nothing is written until you import. Every contact records this file and its line as its source. The file is kept encrypted until it is imported, discarded, or a day old; erasing a contact drops it too. Files over 32 MiB: { $cli }.
import-file = CSV file
import-upload = Upload and map the columns
import-recent = Recent imports
import-none = No imports yet.
import-col-uploaded = Uploaded
import-col-file = File
import-col-state = State
import-send-again = Send the form again.
import-expired = The form has expired; reload the page.
import-too-large = The page takes files up to 32 MiB; import larger ones with `kith import contacts`.

## Where a run stands.
import-counts = { $created } created, { $updated } updated, { $skipped } skipped, { $rejected } rejected
import-counts-dry = { $created } would be created, { $updated } would be updated, { $skipped } skipped, { $rejected } rejected
import-state-check-running = Check running
import-state-import-running = Import running
import-state-interrupted = Interrupted: done up to line { $line }
import-state-uploaded = Uploaded: map the columns and check the file
import-state-checked = Checked: { $counts }
import-state-imported = Imported: { $counts }
import-state-failed = Stopped with an error
import-state-dropped = Dropped: a contact was erased after this file was uploaded, so the file was not kept where an import could bring them back. Upload it again if it is still to be imported.
import-state-discarded = Discarded

## A run's page.
import-run-title = Import of { $file }
import-all = All imports
import-size = { $size } KiB
import-facts = { $size }, uploaded { $when }.
import-no-file = The file is no longer kept.
import-checking = Checking
import-importing = Importing
import-progress = { $percent }% of the file read · { $counts }.
import-progress-line = { $percent }% of the file read · { $counts } · done up to line { $line }.
import-refresh = This page refreshes itself every two seconds. You may leave it: the import goes on.
import-interrupted = Interrupted
import-stopped-check = The check stopped: the server doing it was stopped or restarted. Check the file again.
import-stopped-import = The import stopped: the server doing it was stopped or restarted.
import-resume-help = Every line up to line { $line } is done. Resuming reads the lines after it, with the same columns and basis; a row matching a contact already in Kith (for example one the stopped pass had updated) updates it again or is skipped, and its consent is not recorded twice.
import-resume = Resume after line { $line }
import-result-check = Check: nothing was written
import-result-import = Import
import-result = { $counts }.
import-result-line = { $counts }. Done up to line { $line }.
import-claimed = Consent claimed without proof — ask again: { $n }. They got no basis for the purpose; { $link } (tagged { $tag }) are the segment of a consent campaign.
import-claimed-dry = Consent claimed without proof — ask again: { $n }. They would get no basis for the purpose; { $link } (tagged { $tag }) are the segment of a consent campaign.
import-claimed-link = the people to ask again
import-problems = Lines updated, skipped or rejected
import-col-line = Line
import-col-outcome = Outcome
import-col-why = Why
import-outcome-created = created
import-outcome-would-create = would create
import-outcome-updated = updated
import-outcome-would-update = would update
import-outcome-skipped = skipped
import-outcome-rejected = rejected
import-more-lines = Only the first lines are kept here; the CLI's { $flag } lists every line.
import-columns = Columns
import-columns-help = Each column goes to a field, or is ignored. Recognised names are chosen for you. { $custom } fields are the custom fields the field policy allows; { $consent } fields carry the proof of imported consent.
import-col-column = Column
import-col-field = Field
import-field-for = Field for { $column }
import-ignored = (ignored)
import-basis-legend = Lawful basis for a purpose (optional)
import-purpose = Purpose
import-no-purpose = No purpose
import-basis = Basis
import-basis-consent = Consent
import-basis-contract = Contract
import-basis-legal-obligation = Legal obligation
import-basis-vital-interests = Vital interests
import-basis-public-task = Public task
import-basis-legitimate-interests = Legitimate interests
import-file-basis-legend = The file's lawful-basis column (HubSpot, Zoho, Salesforce)
import-file-basis-help = A column mapped to { $column } gives each person's basis for one purpose: "Performance of a contract" is contract, "Legitimate interest" is legitimate interests (the export named as the assessment's source), "Not applicable" is none. A claimed consent without its proof is not recorded: those people are counted and listed to be asked again. Unknown values reject the row.
import-basis-purpose = Purpose of that column
import-consent-legend = Consent (only with the basis consent)
import-consent-help = Consent is imported only with its proof: the notice people saw, and in the file each person's original time ({ $at }) and the original record ({ $evidence }). Rows without them are rejected.
import-notice-seen = Notice the people saw
import-channels = Channels consented to (unless the file has a { $column } column):
import-channel-email = Email
import-channel-phone = Phone
import-channel-sms = SMS
import-channel-post = Post
import-act = What the people did to consent (unless the file has a { $column } column)
import-check = Check the file
import-import = Import
import-discard = Discard the file
import-columns-changed = The columns changed since the page was loaded: reload it.
import-unknown-field = The column "{ $column }" is mapped to an unknown field.
import-choose-purpose = Choose a purpose from the list.
import-choose-basis = Choose a lawful basis from the list.
import-choose-notice = Choose a notice from the list.
import-choose-channels = Choose channels from the list.
import-gone = The file is no longer kept: upload it again.
import-choose-mode = Choose check, import or resume.

## Art. 14 notices to the people an import created.
import-art14-title = Send the Art. 14 notice
import-art14-back = Back to the import of { $file }
import-art14-nothing = Everyone this import created has had the notice (or was erased since): there is nothing to send.
import-art14-summary = { $n ->
    [one] This queues the Art. 14 notice to { $count } person this import created who has not had it: one mail each, in their language, stating the controller, the purposes and their bases, where their data came from, their rights with the portal link and the right to complain to the authority. Each notice is recorded on the contact; nobody gets it twice. People without an email address are counted, not sent.
   *[other] This queues the Art. 14 notice to { $count } people this import created who have not had it: one mail each, in their language, stating the controller, the purposes and their bases, where their data came from, their rights with the portal link and the right to complain to the authority. Each notice is recorded on the contact; nobody gets it twice. People without an email address are counted, not sent.
}
import-art14-send = { $n ->
    [one] Send to { $n } person
   *[other] Send to { $n } people
}
import-art14-cancel = Cancel
import-art14-panel = Art. 14 notice
import-art14-why = These people's data did not come from them: they are told, once, who holds it, why, where it came from and their rights, within a month (Art. 14(3)(a)).
import-art14-send-run = { $n ->
    [one] Send the Art. 14 notice to the { $n } person of this run who has not had it
   *[other] Send the Art. 14 notice to the { $n } people of this run who have not had it
}
import-art14-all-had = Everyone this import created has had the notice.
import-art14-queued = { $n } notice(s) queued.
import-art14-no-address = { $n } person(s) have no email address: not sent.
import-art14-restricted = Restricted: { $n } (processing restricted, Art. 18): not sent.
import-art14-days = The days must be a whole number from 1 to 30: the notice is due within a month (Art. 14(3)(a)).
