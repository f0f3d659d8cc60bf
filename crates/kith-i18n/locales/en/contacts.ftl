## Contacts: the new-contact form, the contact form's fields, bulk changes,
## saved segments, and the words of closed vocabularies shown with them.
contacts-new-title = New contact
contacts-correct-fields = Please correct the fields marked below.
contacts-create = Create contact
contacts-cancel = Cancel
contacts-back-to-list = Back to the list
contacts-bad-date = must be a date such as 2026-01-31
contacts-bad-choice = is not a valid choice

## The contact form's fields.
contacts-first-name = First name
contacts-last-name = Last name
contacts-job-title = Job title
contacts-emails-field = Emails (one per line)
contacts-phones-field = Phones (one per line)
contacts-owner = Owner
contacts-nobody = Nobody
contacts-company = Company
contacts-no-company = None
contacts-tags-field = Tags (comma-separated)
contacts-postal-address = Postal address
contacts-street = Street
contacts-postal-code = Postal code
contacts-city = City
contacts-region = Region
contacts-country = Country
contacts-notes = Notes
contacts-custom-fields = Custom fields
# $category: the GDPR Art. 9 category's name.
contacts-special-category = (special category: { $category })
contacts-stale-choice = (no longer a choice)

## Bulk changes. $n: how many contacts; $x: the tag, owner or basis.
contacts-bulk-confirm-title = Confirm bulk change
contacts-bulk-none-match = No contacts match this search and filter, so there is nothing to change.
contacts-bulk-none-exist = None of the ticked contacts exists any more, so there is nothing to change.
contacts-bulk-none-ticked = No rows are ticked. Go back, tick some rows, or choose “All contacts matching”.
contacts-bulk-will-add-tag = This will add the tag “{ $x }” on { $n ->
    [one] <strong>{ $n }</strong> contact
   *[other] <strong>{ $n }</strong> contacts
}.
contacts-bulk-will-remove-tag = This will remove the tag “{ $x }” on { $n ->
    [one] <strong>{ $n }</strong> contact
   *[other] <strong>{ $n }</strong> contacts
}.
contacts-bulk-will-assign-owner = This will make { $x } the owner on { $n ->
    [one] <strong>{ $n }</strong> contact
   *[other] <strong>{ $n }</strong> contacts
}.
contacts-bulk-will-remove-owner = This will remove the owner on { $n ->
    [one] <strong>{ $n }</strong> contact
   *[other] <strong>{ $n }</strong> contacts
}.
contacts-bulk-will-set-basis = This will record the lawful basis “{ $x }” on { $n ->
    [one] <strong>{ $n }</strong> contact
   *[other] <strong>{ $n }</strong> contacts
}.
contacts-bulk-will-request-consent = This will send a consent request by email (contacts without email, or who already answered, are skipped) on { $n ->
    [one] <strong>{ $n }</strong> contact
   *[other] <strong>{ $n }</strong> contacts
}.
contacts-bulk-send-to = { $n ->
    [one] Send to { $n } contact
   *[other] Send to { $n } contacts
}
contacts-bulk-change = { $n ->
    [one] Change { $n } contact
   *[other] Change { $n } contacts
}
contacts-bulk-choose-basis = choose a lawful basis
contacts-bulk-choose-source = choose where the basis comes from
contacts-bulk-choose-purpose = choose a purpose
contacts-bulk-choose-purpose-notice = choose a purpose and a notice
contacts-bulk-choose-action = choose what to do

## Saved segments.
contacts-segments-title = Segments
contacts-segments-build = Build one on the contact list
contacts-segments-intro = A segment is the contact list's filters under a name: conditions on lawful basis, consent, who may be contacted (the same rule every send uses), restriction, objection, notice version and review, with the owner, tag, company and source filters. Yours, or shared with the team.
# Keep the link as it is; translate its text.
contacts-segments-empty = No segments yet. Filter the <a href="/contacts#segment">contact list</a>, then “Save segment”.
contacts-segments-name = Name
contacts-segments-count = Contacts now
contacts-segments-shared = Shared
contacts-segments-changed = Changed
contacts-segments-actions = Actions
contacts-segments-colleagues = (a colleague's)
contacts-segments-with-team = With the team
contacts-segments-owner-only = Only its owner
contacts-segments-stop-sharing = Stop sharing
contacts-segments-share = Share with the team
contacts-segments-delete = Delete
contacts-segments-delete-named = Delete segment { $name }
contacts-segments-saved = Segment saved.
contacts-segments-sharing-changed = Sharing changed.
contacts-segments-deleted = Segment deleted.

## Lawful bases (GDPR Art. 6(1)).
contacts-basis-not-applicable = Not applicable
contacts-basis-consent = Consent
contacts-basis-contract = Contract
contacts-basis-legal-obligation = Legal obligation
contacts-basis-vital-interests = Vital interests
contacts-basis-public-task = Public task
contacts-basis-legitimate-interests = Legitimate interests

## A contact's page.
contacts-one = Contact
contacts-back = ← Contacts
contacts-details = Details
contacts-email = Email
contacts-phone = Phone
contacts-address = Address
contacts-tags = Tags
contacts-created = Created
contacts-source = Source
contacts-field-policy = Field policy
contacts-changed = Changed
contacts-edit = Edit
contacts-not-saved = Nothing was saved. Please correct the fields marked below.
contacts-save = Save
contacts-saved = Changes saved.
contacts-created-notice = Contact created.
contacts-added = Added to the timeline.
contacts-erasure-requested = An erasure request was filed in the register: the privacy team checks it and carries it out.
contacts-policy-version = Fields last written under field policy version { $version }
contacts-policy-none = Fields collected before Kith kept a field policy
# $what: how the contact came in (contacts-source-detail); $who: a staff email; $when: date and time.
contacts-source-by = { $what } — by { $who }, { $when }
contacts-source-at = { $what } — { $when }
contacts-source-none = Not recorded (created before Kith kept provenance)
# $kind: how (Import, Web form…); $detail: the file, form or token, and the row or page.
contacts-source-detail = { $kind }: { $detail }
contacts-source-created-in-source = { $what } (created in the source on { $date })
contacts-activity = Activity
contacts-add-to-timeline = Add to the timeline
contacts-add-a = Add a
contacts-kind-note = Note
contacts-kind-call = Call
contacts-kind-email = Email
contacts-kind-meeting = Meeting
contacts-what-happened = What happened
contacts-add = Add
contacts-timeline-empty = Nothing recorded yet. Notes, calls, emails, meetings and deal changes appear here, newest first.
contacts-text-hidden = (text hidden for your role)
contacts-deal-moved = “{ $title }” moved from { $from } to { $to }
contacts-deal-created = “{ $title }” created in { $stage }
contacts-deals = Deals
contacts-no-deals = No deals with this contact.
contacts-delete = Delete
contacts-delete-summary = Delete this contact…
contacts-delete-text = This erases the contact, its timeline and all its personal data for good. It cannot be undone. A contact under a legal hold or a restriction is not deleted until the hold or restriction is lifted.
contacts-delete-for-good = Delete for good
contacts-erasure-text = Your role files an erasure request: the privacy team checks whether the data must be kept (a legal hold, a restriction, Art. 17(3)) and then erases it.
contacts-request-erasure = Request erasure
contacts-who-read = Who read or changed this contact

## The privacy panel on a contact's page.
contacts-privacy = Privacy
# $dates: when mail servers refused the addresses.
contacts-undeliverable = A mail server refused an address of this person permanently ({ $dates }): campaigns skip it until the address is changed.
contacts-restricted-title = Processing restricted
# Follows contacts-restricted-title in bold.
contacts-restricted-text = since { $since } (GDPR Art. 18): stored only — no edits, notes, sends or bulk actions.
contacts-lift-restriction = Lift the restriction
contacts-restrict = Restrict processing
contacts-art14-send = Send the Art. 14 notice
# $how: contacts-art14-from-import and its siblings; $language: the language's name.
contacts-art14-sent = Art. 14 notice sent on { $date } ({ $how }, in { $language })
contacts-art14-not-sent = Art. 14 notice not sent
contacts-art14-from-import = from the import's page
contacts-art14-automatically = automatically
contacts-art14-by-staff = by staff
contacts-language-en = English
contacts-language-it = Italian
contacts-language-fr = French
contacts-language-bg = Bulgarian
contacts-language-de = German
contacts-language-es = Spanish
contacts-retention = Retention
contacts-hold-title = Legal hold
# Follows contacts-hold-title in bold.
contacts-hold-text = — retention will not dispose of this contact. Reason: { $reason }. Review on { $date }.
contacts-release-hold = Release the legal hold
contacts-place-hold = Place a legal hold
contacts-hold-reason = Reason (e.g. the case the data is evidence in)
contacts-hold-review-on = Review on
contacts-hold-place = Place the hold
contacts-review-due = Review due:
contacts-review-question = is this record still accurate and needed?
contacts-last-reviewed = Last reviewed { $date }.
contacts-mark-reviewed = Mark reviewed: accurate and still needed
contacts-objections = Objections
contacts-uphold = Uphold
contacts-override = Override (compelling grounds)
contacts-requests = Requests (GDPR rights)
contacts-no-requests = No requests from this person.
contacts-request-line = { $status }, received { $received }
contacts-request-line-due = { $status }, received { $received }, due { $due }
contacts-register-request = Register a request
contacts-person-asks = The person asks for
contacts-received-by = Received by
contacts-note = Note
contacts-register = Register request
contacts-no-purposes = No purposes are defined yet.
contacts-may-we-contact = May we contact this person?
contacts-consent-history = Consent history ({ $n })
contacts-receipt = receipt
contacts-request-consent = Request consent
contacts-set-basis = Set lawful basis
contacts-purpose = Purpose
contacts-basis = Basis
contacts-lia-ref = Assessment reference (for legitimate interests)
contacts-ends-on = Ends on (the contract's end, if known)
contacts-save-basis = Save basis
contacts-record-objection-title = Record an objection (Art. 21)
contacts-person-objects = The person objects to
contacts-record-objection = Record objection
contacts-record-consent-title = Record consent given by phone or on paper
contacts-consent-given = Consent given
contacts-how = How
contacts-channels = Channels
contacts-affirmative-act = What the person said or did
contacts-evidence = Evidence (recording id, scanned form)
contacts-record = Record
# $channel: Email, Phone…; $purpose: the purpose's name.
contacts-badge-no-email = Do not email: { $purpose }
contacts-badge-no-phone = Do not call: { $purpose }
contacts-badge-no-sms = Do not text: { $purpose }
contacts-badge-no-post = Do not write: { $purpose }
contacts-badge-awaiting = { $channel }: { $purpose } — awaiting since { $date }
contacts-badge-not-responded = { $channel }: { $purpose } — not responded
contacts-badge-expired = { $channel }: { $purpose } — consent expired
contacts-badge-ok = { $channel }: { $purpose } ✓
# $source: where the basis came from (Web form…), $name: the form's or file's name.
contacts-basis-source-named = { $source } “{ $name }”
contacts-basis-detail = { $source }, since { $date }, set by { $who }
contacts-basis-detail-lia = { $source }, assessment { $lia }, since { $date }, set by { $who }
contacts-the-system = the system

## Timeline entry kinds.
contacts-event-note = note
contacts-event-call = call
contacts-event-email = email
contacts-event-meeting = meeting
contacts-event-deal = deal

## How a contact came in.
contacts-source-manual = Entered by staff
contacts-source-web-form = Web form
contacts-source-import = Import
contacts-source-api = API

## Where a lawful basis came from.
contacts-bsource-web-form = Web form
contacts-bsource-import = Import
contacts-bsource-manual = Manual entry
contacts-bsource-api-client = API client

## Channels.
contacts-channel-email = Email
contacts-channel-phone = Phone
contacts-channel-sms = SMS
contacts-channel-post = Post

## Consent ledger actions and methods.
contacts-action-requested = Requested
contacts-action-given = Given
contacts-action-refused = Refused
contacts-action-withdrawn = Withdrawn
contacts-action-expired = Expired
contacts-method-web-form = Web form
contacts-method-double-opt-in = Double opt-in
contacts-method-portal = Privacy portal
contacts-method-phone = Phone
contacts-method-paper = Paper form
contacts-method-import = Import
contacts-method-api = API

## Decisions on objections (Art. 21).
contacts-decision-pending = Awaiting a decision
contacts-decision-upheld = Upheld: processing stopped
contacts-decision-overridden = Overridden: compelling legitimate grounds recorded

## Data-subject requests and how they arrive.
contacts-dsr-access = Access (Art. 15)
contacts-dsr-portability = Portability (Art. 20)
contacts-dsr-rectification = Rectification (Art. 16)
contacts-dsr-erasure = Erasure (Art. 17)
contacts-dsr-restriction = Restriction (Art. 18)
contacts-dsr-objection = Objection (Art. 21)
contacts-dsr-withdraw-consent = Withdraw consent (Art. 7(3))
contacts-dsr-information = Information (Art. 13–15)
contacts-dsr-automated-decision-review = Review of an automated decision (Art. 22)
contacts-dsr-channel-portal = Privacy portal
contacts-dsr-channel-email = Email
contacts-dsr-channel-phone = Call
contacts-dsr-channel-letter = Letter
contacts-dsr-channel-staff = Staff

## The contact list.
contacts-list-title = Contacts
contacts-list-new = + New contact
contacts-list-reviews = Reviews due
contacts-list-saved-views = Saved views
contacts-list-saved-views-label = Saved views:
contacts-list-delete-view = Delete view { $name }
contacts-list-search = Search
contacts-list-search-placeholder = Name, email or phone
contacts-list-filters = Filters, sort and columns
contacts-list-anyone = Anyone
contacts-list-tag = Tag
contacts-list-any = Any
contacts-list-created-from = Created from
contacts-list-created-to = Created to
contacts-list-sort = Sort
contacts-list-columns = Columns
contacts-list-clear = Clear
contacts-list-consent-basis = Consent & basis
contacts-list-active-conditions = Active conditions
contacts-list-remove-condition = Remove the condition { $condition }
contacts-list-act-on-all = act on all of them
contacts-list-add-condition-label = Add a condition
contacts-list-condition = Condition
contacts-list-channel = Channel
contacts-list-consent-state = Consent state
contacts-list-add-condition = Add condition
contacts-list-save-as-segment = Save as a segment
contacts-list-save-filters-segment = Save these filters as a segment
contacts-list-save-segment = Save segment
contacts-list-saved-segments = Saved segments
contacts-list-start-again = start again
contacts-list-save-this-view = Save this view
contacts-list-save-as-view = Save filters, sort and columns as a view
contacts-list-save-view = Save view
# Keep the markup and the commands as they are; translate the words.
contacts-list-first-run-add-import = <strong>No contacts yet</strong> — <a href="/contacts/new">add one</a>, or import a CSV file (<a href="/import">Import contacts</a>, or <code>kith import contacts</code>). For a tour, <code>kith demo</code> fills Kith with fictitious sample data.
contacts-list-first-run-add = <strong>No contacts yet</strong> — <a href="/contacts/new">add one</a>, or import a CSV file (an admin or the DPO imports files). For a tour, <code>kith demo</code> fills Kith with fictitious sample data.
contacts-list-first-run-import = <strong>No contacts yet</strong>, or import a CSV file (<a href="/import">Import contacts</a>, or <code>kith import contacts</code>). For a tour, <code>kith demo</code> fills Kith with fictitious sample data.
contacts-list-first-run = <strong>No contacts yet</strong>, or import a CSV file (an admin or the DPO imports files). For a tour, <code>kith demo</code> fills Kith with fictitious sample data.
contacts-list-no-match = No contacts match.
contacts-list-no-match-search = No contacts match this search.
contacts-list-no-match-filters = No contacts match these filters.
contacts-list-no-match-both = No contacts match this search and these filters.
contacts-list-show-all = Show all contacts
contacts-list-request-all = Request consent from all matching…
contacts-list-bulk-action = Bulk action
contacts-list-selected-rows = Selected rows
contacts-list-all-matching = All contacts matching this search and filter
contacts-list-all-contacts = All contacts matching — every contact
contacts-list-action = Action
contacts-list-assign-owner = Assign owner
contacts-list-add-tag = Add tag
contacts-list-remove-tag = Remove tag
contacts-list-request-by-email = Request consent by email
contacts-list-owner-for-assign = Owner (for “Assign owner”)
contacts-list-tag-for = Tag (for add / remove)
contacts-list-review = Review…
contacts-list-basis-options = Lawful basis and consent request options
contacts-list-basis-for-set = Basis (for “Set lawful basis”)
contacts-list-source-name = Source name (file, form, client)
contacts-list-lia-ref = Assessment reference (legitimate interests)
contacts-list-effective = Effective date
contacts-list-notice-for = Notice (for “Request consent”)
contacts-list-mail-subject = Mail subject
contacts-list-mail-text = Mail text
contacts-list-days-to-answer = Days to answer
contacts-list-select-page = Select all on this page
contacts-list-select = Select { $name }
contacts-list-name = Name
contacts-list-consent-col = Consent: { $purpose }
contacts-list-next-page = Next page →
contacts-list-first-page = ↑ First page
contacts-list-changed = { $n ->
    [one] { $n } contact changed.
   *[other] { $n } contacts changed.
}
contacts-list-requested = { $n ->
    [one] Consent requested from { $n } contact.
   *[other] Consent requested from { $n } contacts.
}
contacts-list-deleted = The contact and all its personal data were deleted.
contacts-list-view-saved = View saved.
contacts-list-view-deleted = View deleted.
contacts-list-match-count = { $n ->
    [one] { $n } contact matches
   *[other] { $n } contacts match
}
contacts-list-no-basis = No basis
contacts-list-choose-source = choose a source from the list
contacts-list-choose-channel = choose a channel
contacts-list-choose-basis = choose a basis (or none)
contacts-list-choose-state = choose a consent state
contacts-list-choose-condition = choose a condition
contacts-list-unknown-purpose = an unknown purpose
contacts-sort-newest = Newest first
contacts-sort-oldest = Oldest first
contacts-sort-recently-changed = Recently changed
contacts-sort-least-recently-changed = Least recently changed

## The list's columns.
contacts-col-email = Email
contacts-col-phone = Phone
contacts-col-job-title = Job title
contacts-col-company = Company
contacts-col-owner = Owner
contacts-col-tags = Tags
contacts-col-created = Created
contacts-col-updated = Updated

## Segment conditions: the kinds to add, and active conditions as chips.
contacts-cond-may = May be contacted (purpose, channel)
contacts-cond-may-not = May not be contacted (purpose, channel)
contacts-cond-basis = Lawful basis is (purpose, basis)
contacts-cond-consent = Consent state is (purpose, channel, state)
contacts-cond-objected = Objected to the purpose
contacts-cond-objected-any = Objected to any purpose
contacts-cond-old-notice = Consent under an older notice (purpose)
contacts-cond-restricted = Processing restricted
contacts-cond-not-restricted = Processing not restricted
contacts-cond-review-due = Review due
# $basis and $state arrive in lower case.
contacts-chip-basis = { $purpose }: basis { $basis }
contacts-chip-no-basis = { $purpose }: no lawful basis
contacts-chip-consent = { $purpose }: { $channel } consent { $state }
contacts-chip-may = { $purpose }: may contact by { $channel }
contacts-chip-may-not = { $purpose }: may not contact by { $channel }
contacts-chip-objected = { $purpose }: objected
contacts-chip-old-notice = { $purpose }: consent under an older notice

## Consent badges in the list: basis · email consent state.
contacts-badge-unknown = Unknown
contacts-badge-no-basis = no basis
contacts-badge-title-may = Basis: { $basis }; email consent: { $state }; may be emailed
contacts-badge-title-may-not = Basis: { $basis }; email consent: { $state }; may not be emailed

## Consent states to look for.
contacts-state-none = No record
contacts-state-awaiting = Awaiting an answer
contacts-state-not-responded = Not responded
contacts-state-given = Given
contacts-state-refused = Refused
contacts-state-withdrawn = Withdrawn
contacts-state-expired = Expired

contacts-choose-kind = choose note, call, email or meeting
contacts-bad-emails = each line must be an email address such as name@example.com
contacts-special-not-allowed = your role may not change special-category fields

## Special categories of personal data (GDPR Art. 9) and criminal records (Art. 10).
contacts-special-health = Health
contacts-special-religion = Religious or philosophical beliefs
contacts-special-political-opinion = Political opinions
contacts-special-ethnic-origin = Racial or ethnic origin
contacts-special-trade-union = Trade-union membership
contacts-special-genetic = Genetic data
contacts-special-biometric = Biometric data
contacts-special-sex-life = Sex life or sexual orientation
contacts-special-criminal = Criminal convictions and offences
