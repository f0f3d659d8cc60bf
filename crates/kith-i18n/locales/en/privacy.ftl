## Privacy overview (privacy.html) and its charts.
privacy-title = Privacy
privacy-heading = Privacy overview
privacy-intro = { $contacts ->
    [one] { $contacts } contact
   *[other] { $contacts } contacts
}. Counts per purpose: lawful basis recorded, and consent per channel as it stands now (expired consent and unanswered requests counted as such).
privacy-accountability = Accountability:
privacy-link-register = Record of processing
privacy-link-recipients = Recipients and transfers
privacy-link-breaches = Breaches
privacy-link-setup = Purposes, notices, subscriptions and forms
privacy-link-outbox = Outbox
privacy-link-import = Import contacts
privacy-link-retention = Retention
privacy-link-fields = Field policy
privacy-link-evidence = Evidence pack
privacy-art14-heading = Art. 14 notices
privacy-art14-text = People whose data came from an import or a staff entry are told, once, who holds it, why, where it came from and their rights, within a month (Art. 14(3)(a)).
privacy-art14-overdue = Overdue: { $n ->
    [one] { $n } person has
   *[other] { $n } people have
} been in Kith for more than a month without the notice.
privacy-art14-overdue-none = Overdue: none.
privacy-art14-auto = Send automatically
privacy-art14-after = days after the contact is created
privacy-save = Save
privacy-empty = No purposes are defined yet.
privacy-empty-define = Define the first purpose
privacy-bars-help = Each number and each part of a bar opens the contacts it counts.
privacy-basis-caption = Lawful basis
privacy-consent-caption = Consent
privacy-channel = Channel
privacy-trend-heading = The last 12 months
privacy-trend-heading-of = The last 12 months: { $purpose }
privacy-trend-help = Per calendar month (UTC): consent given and withdrawn (each ledger event once, whatever its channels), and requests from people answered (completed or rejected; every request, they are not about one purpose).
privacy-trend-help-of = Per calendar month (UTC): consent given and withdrawn for this purpose (each ledger event once, whatever its channels), and requests from people answered (completed or rejected; every request, they are not about one purpose).
privacy-trend-purpose = Purpose
privacy-trend-every = Every purpose
privacy-show = Show
privacy-trend-caption = Per month
privacy-month = Month
privacy-consent-given = Consent given
privacy-consent-withdrawn = Consent withdrawn
privacy-requests-answered = Requests answered
privacy-trend-unknown = That purpose does not exist: the trend shows every purpose.
privacy-chart-trend = Last 12 months: { $purpose }
privacy-chart-trend-all = Last 12 months: every purpose
privacy-chart-basis = { $purpose }: lawful basis
privacy-chart-consent = { $purpose }: consent by { $channel }
privacy-no-basis = No basis
privacy-chart-empty = No contacts to count
privacy-chart-nothing = Nothing recorded in these months
privacy-month-label = { $month } { $year }
privacy-month-1 = Jan
privacy-month-2 = Feb
privacy-month-3 = Mar
privacy-month-4 = Apr
privacy-month-5 = May
privacy-month-6 = Jun
privacy-month-7 = Jul
privacy-month-8 = Aug
privacy-month-9 = Sep
privacy-month-10 = Oct
privacy-month-11 = Nov
privacy-month-12 = Dec

## Closed vocabularies shown on these pages (by their stored spelling).
privacy-basis-not-applicable = Not applicable
privacy-basis-consent = Consent
privacy-basis-contract = Contract
privacy-basis-legal-obligation = Legal obligation
privacy-basis-vital-interests = Vital interests
privacy-basis-public-task = Public task
privacy-basis-legitimate-interests = Legitimate interests
privacy-state-none = No record
privacy-state-awaiting = Awaiting an answer
privacy-state-not-responded = Not responded
privacy-state-given = Given
privacy-state-refused = Refused
privacy-state-withdrawn = Withdrawn
privacy-state-expired = Expired
privacy-channel-email = Email
privacy-channel-phone = Phone
privacy-channel-sms = SMS
privacy-channel-post = Post

## Consent setup (privacy_setup.html) and the edit pages of a form and a purpose.
privacy-setup-title = Consent setup
privacy-back-overview = Back to the overview
privacy-back-setup = Back to consent setup
privacy-setup-purposes = Purposes
privacy-setup-no-purposes = No purposes yet.
privacy-setup-default = (default: { $basis })
privacy-name = Name
privacy-description = Description
privacy-default-basis = Default lawful basis
privacy-data-categories = Data categories (comma-separated)
privacy-setup-retention = Retention, in words for people
privacy-setup-recipients = Recipients are declared in the register, each naming the purposes it serves:
privacy-recipients-link = Privacy → Recipients
privacy-direct-marketing = Direct marketing (an objection stops it at once)
privacy-setup-rule-later = Set the retention rule the sweep enforces on the purpose's page once it is added.
privacy-setup-add-purpose = Add purpose
privacy-setup-notices = Notices
privacy-setup-notices-help = A notice is never edited: publishing under the same name adds its next version.
privacy-notice-version = { $name } v{ $version }
privacy-language = Language
privacy-setup-notice-url = Address of the published text (optional)
privacy-setup-notice-text = Text
privacy-setup-publish = Publish version
privacy-setup-subs = Subscription types
privacy-setup-channels = Channels
privacy-setup-add-sub = Add subscription type
privacy-setup-forms = Consent forms
privacy-setup-inactive = (inactive)
privacy-edit = Edit
privacy-form-slug = Address /f/…
privacy-form-title = Title
privacy-form-intro = Introduction
privacy-form-logo = Logo address (optional)
privacy-form-also-ask = Also ask for
privacy-form-phone = Phone
privacy-setup-subs-offered = Subscriptions offered (shown unticked)
privacy-form-notice = Notice
privacy-setup-third-parties = Third parties the person may agree to share with (comma-separated)
privacy-form-button = Button text
privacy-form-button-default = Subscribe
privacy-setup-create-form = Create form
privacy-setup-bad-form = Choose a notice and at least one subscription type.
privacy-form-edit-title = Edit consent form
privacy-form-open-public = Open the public page
privacy-form-active = Active (the public page answers)
privacy-form-subs-offered = Subscriptions offered (shown unticked to visitors)
privacy-form-third-parties = Third parties (comma-separated)
privacy-form-save = Save form
privacy-purpose-edit-title = Edit purpose
privacy-purpose-requests = Consent requests for this purpose (automatic rule, re-permission)
privacy-purpose-retention = Retention, in words for people (quoted in access exports)
privacy-purpose-rule = Retention rule (the sweep enforces it)
privacy-purpose-rule-help = Keep a person's data for this period after the anchor, then dispose of it — once no other purpose still justifies keeping it. Leave the anchor empty for no rule.
privacy-purpose-after = After
privacy-purpose-no-rule = — no rule —
privacy-purpose-keep-for = Keep for
privacy-purpose-unit = Unit
privacy-purpose-then = Then
privacy-purpose-recipients = Recipients are declared in the register (each recipient names the purposes it receives data for):
privacy-purpose-save = Save purpose
privacy-whole-number = must be a whole number
privacy-anchor-last-interaction = the last interaction
privacy-anchor-created = creation
privacy-anchor-contract-end = the end of the contract
privacy-anchor-consent-withdrawn = the withdrawal of consent
privacy-anchor-deal-closed = the closing of the person's deals
privacy-disposal-delete = delete
privacy-disposal-anonymise = anonymise
privacy-unit-days = days
privacy-unit-months = months
privacy-unit-years = years
privacy-period = { $unit ->
    [days] { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
    [months] { $count ->
        [one] { $count } month
       *[other] { $count } months
    }
   *[years] { $count ->
        [one] { $count } year
       *[other] { $count } years
    }
}
privacy-rule = { $period } { $after }, then { $disposal }
privacy-rule-at-once = at once { $after }, then { $disposal }
privacy-after-last-interaction = after the last interaction
privacy-after-created = after creation
privacy-after-contract-end = after the end of the contract
privacy-after-consent-withdrawn = after the withdrawal of consent
privacy-after-deal-closed = after the closing of the person's deals

## Field policy (fields.html).
privacy-fields-title = Field policy
privacy-fields-version = version { $version }
privacy-fields-intro = Kith holds only the personal fields listed here as allowed, for the purposes named. A value for any other field is refused wherever it is written: API, staff pages, imports, forms.
privacy-fields-remove-q = Remove “{ $field }”?
privacy-fields-remove-text = { $n ->
   *[other] contact(s) hold a value for it. Removing it turns it off and purges those values for good (each purge is logged, without the value).
}
privacy-fields-remove-purge = Remove and purge { $n } value(s)
privacy-fields-keep = Keep it
privacy-fields-heading = Fields
privacy-fields-field = Field
privacy-fields-kind = Kind
privacy-fields-category = Category
privacy-fields-needed-for = Needed for
privacy-fields-special = Special category
privacy-fields-allowed = Allowed
privacy-fields-no-purpose = no purpose named yet
privacy-yes = yes
privacy-no = no
privacy-fields-remove = Remove…
privacy-fields-add = Add or change a field
privacy-fields-key = Field (a built-in key such as job_title, or a new custom name such as shoe_size)
privacy-fields-label = Label
privacy-fields-kind-new = Kind (new custom fields)
privacy-fields-choices = Choices (choice fields, comma-separated)
privacy-fields-purpose = Needed for the purpose
privacy-fields-special-art = Special category (GDPR Art. 9/10)
privacy-fields-special-none = none
privacy-fields-reason = Why Kith must hold it (required for a special category)
privacy-fields-save = Save field
privacy-fields-built-in = built-in
privacy-fields-special-reason = { $category } — { $reason }
privacy-fields-removed = Removed { $field }: { $n } value(s) purged; the policy is now at version { $version }.
privacy-fields-removed-same = Removed { $field }: { $n } value(s) purged; the policy is unchanged.
privacy-kind-text = Text
privacy-kind-number = Number
privacy-kind-date = Date
privacy-kind-choice = Single choice
privacy-kind-multi-choice = Multiple choice
privacy-category-identity = Identity
privacy-category-contact = Contact details
privacy-category-professional = Professional
privacy-category-financial = Financial
privacy-category-demographic = Demographic
privacy-category-preferences = Preferences
privacy-category-other = Other
privacy-special-health = Health
privacy-special-religion = Religious or philosophical beliefs
privacy-special-political-opinion = Political opinions
privacy-special-ethnic-origin = Racial or ethnic origin
privacy-special-trade-union = Trade-union membership
privacy-special-genetic = Genetic data
privacy-special-biometric = Biometric data
privacy-special-sex-life = Sex life or sexual orientation

## Retention (retention.html) and reviews due (reviews.html).
privacy-retention-title = Retention
privacy-retention-rules = Rules
privacy-retention-help = A person's data is kept while any purpose that applies to them still justifies it; then the rule of the last one applies. Legal holds and restrictions suspend it. Set a rule on the purpose's page.
privacy-retention-rule = Rule
privacy-retention-no-rule = no rule
privacy-retention-dry-button = Dry run: list who would go
privacy-retention-run-button = Run now: dispose of everyone whose time is up
privacy-retention-daily = The server also runs the sweep once a day.
privacy-retention-result-dry = Dry run: { $checked } contacts checked, { $disposed } would go
privacy-retention-result-run = Run: { $checked } contacts checked, { $disposed } disposed of
privacy-retention-tally = Kept: { $kept } · suspended by a legal hold or restriction: { $suspended } · no purpose applies: { $none } · no rule: { $norule }
privacy-retention-contact = Contact
privacy-retention-expired-on = Expired on
privacy-retention-open = Open
privacy-retention-past = Past runs
privacy-retention-none-yet = No sweep has run yet.
privacy-retention-started = Started
privacy-retention-by = By
privacy-retention-checked = Checked
privacy-retention-disposed = Disposed of
privacy-retention-dry = Dry run
privacy-retention-run = Run
privacy-retention-unfinished = (unfinished: the next run resumes it)
privacy-reviews-title = Reviews due
privacy-reviews-intro = Your contacts not reviewed for { $days } days. Is each record still accurate and needed? Open it and press Mark reviewed, correct it, or delete it.
privacy-reviews-none = Nothing to review.
privacy-reviews-last = Last reviewed

## Outbox (outbox.html).
privacy-outbox-title = Outbox
privacy-outbox-intro = Mail Kith queued, newest first. Without an SMTP server configured, messages stay here (status “outbox”). Opening one is recorded in the audit trail.
privacy-outbox-message = Message
privacy-outbox-to = To:
privacy-outbox-subject = Subject:
privacy-outbox-parting = Confirmations of erasures
privacy-outbox-parting-help = The last mail to a person erased at their request. Kept apart from their erased data, sealed, and deleted as soon as it is delivered, or after 7 days (send it by hand from here when there is no SMTP server).
privacy-outbox-queued = Queued
privacy-outbox-status = Status
privacy-outbox-attempts = Attempts
privacy-outbox-empty = No mail yet.

## Evidence pack (evidence.html).
privacy-evidence-recipients = Recipients
privacy-evidence-dpias = DPIAs
privacy-evidence-intro = One signed archive to hand to a supervisory authority: what Kith holds about your processing, as it stood on a day. People appear only as pseudonyms (a keyed hash that only this deployment can recompute) and in counts: no names, addresses or notes.
privacy-evidence-holds = What the pack holds
privacy-evidence-holds-register = The record of processing (Art. 30) in force on the day: CSV, print-ready HTML, DPV JSON-LD and its canonical JSON
privacy-evidence-holds-dpias = The data-protection impact assessments (Art. 35)
privacy-evidence-holds-recipients = The recipients with their agreements (Art. 28) and transfer grounds and references (Art. 44–49)
privacy-evidence-holds-consent = Consent per purpose: counts of ledger events per action and notice, the notices' texts with their SHA-256
privacy-evidence-holds-requests = The request log: received, due, extended, completed, status, outcome; each person as a pseudonym
privacy-evidence-holds-breaches = The breach register (Art. 33(5)) with its history and notices; people as counts
privacy-evidence-holds-retention = Retention runs, with their counts per rule
privacy-evidence-holds-heads = The heads of the audit chain and of the consent ledger on the day and now
privacy-evidence-holds-manifest = A manifest with the SHA-256 of every file, signed with Ed25519 (a compact JWS)
privacy-evidence-build = Build a pack
privacy-evidence-as-of = As of (day, UTC; empty for now)
privacy-evidence-period = Period of the logs (requests, consent events, breaches, retention runs; empty for all)
privacy-evidence-from = From
privacy-evidence-to = To
privacy-evidence-purposes = Purposes (none ticked: every purpose)
privacy-no-purpose-yet = No purpose is defined yet.
privacy-evidence-download = Build and download
privacy-evidence-verify = How the authority verifies it
privacy-evidence-key = The pack is signed with this deployment's evidence key. Its public part is published at:
privacy-evidence-thumbprint = Its thumbprint (RFC 7638):
privacy-evidence-read-out = Read it out to the auditor so they know the key is yours.
privacy-evidence-with-kith = With Kith:
privacy-evidence-without-kith = Without Kith:
privacy-evidence-needs = The script needs Python's standard library and the package
privacy-evidence-format = the format is described in
privacy-evidence-checks = Both check every file's SHA-256, that no file was added or removed, the signature, and that the archive's bytes are exactly the canonical layout: any changed byte is refused.

## A contact's retention standing on the privacy panel (pages/privacy/standing.rs).
retention-explain-no-purpose = No purpose applies to this contact: no retention rule can expire it. Review whether it is still needed.
retention-explain-no-rule = The purposes that apply have no retention rule: the data is kept while they do.
retention-explain-kept-rule = Kept: “{ $purpose }” still justifies it (rule: { $rule }); no expiry date yet.
retention-explain-kept = Kept: “{ $purpose }” is in force and has no retention rule.
retention-explain-expires = Expires on { $date } under “{ $purpose }” ({ $rule }).
retention-explain-held = Expired on { $date } under “{ $purpose }” ({ $rule }), but a legal hold suspends it until it is released (review on { $review }).
retention-explain-restricted = Expired on { $date } under “{ $purpose }” ({ $rule }), but processing is restricted (Art. 18): it is kept until the restriction is lifted.
retention-explain-expired = Expired on { $date } under “{ $purpose }” ({ $rule }): the next sweep will { $disposal } it.
