## Privacy → Breaches (Art. 33–34): the list, a new breach, a breach's page,
## its notices and their print view, the people affected, the clock.

breaches-title = Breaches
breaches-heading = Personal-data breaches
breaches-link-overview = Privacy overview
breaches-link-register = Record of processing
breaches-link-dpias = Impact assessments
breaches-intro = Every personal-data breach is recorded here, notified or not (Art. 33(5)). The supervisory authority must be notified within 72 hours of becoming aware of a breach, unless it is unlikely to result in a risk to people (Art. 33(1)); the deadline runs from aware at.
breaches-record = Record a breach
breaches-empty = No breach is recorded.
breaches-col-reference = Reference
breaches-col-what = What happened
breaches-col-status = Status
breaches-col-aware = Aware at
breaches-col-deadline = Deadline
breaches-col-left = Time left
breaches-col-notified = Authority notified
breaches-yes = Yes
breaches-no = No
breaches-not-set = not set

## The 72-hour clock ($h hours, $m minutes).
breaches-clock-left = { $h } h { $m } min left
breaches-clock-overdue = overdue by { $h } h { $m } min
breaches-clock-unset = aware at not set

## A new breach.
breaches-new-title = Record a breach
breaches-new-submit = Record the breach
breaches-f-reference = Reference
breaches-f-aware-legend-new = Aware at: the 72-hour clock starts here (locked once set)
breaches-f-aware-legend = Aware at (locked once set)
breaches-f-aware-when = When the controller became reasonably certain (UTC)
breaches-f-aware-evidence = On what evidence

## The record's fields (new breach and a breach's page).
breaches-f-what = What happened
breaches-f-title = Title (describe the breach, not people)
breaches-f-authority-refs = Authority case references (comma-separated)
breaches-f-occurred-from = Occurred from (UTC; empty: unknown)
breaches-f-occurred-to = Occurred to (UTC; empty: unknown)
breaches-f-detected = Detected at (UTC)
breaches-f-nature = Nature
breaches-f-cause = Cause
breaches-f-systems = Systems involved
breaches-f-recipients = Recipients involved (from the recipient register)
breaches-f-recipients-empty = The recipient register is empty
breaches-f-recipients-link = Recipients
breaches-f-data-people = Data and people
breaches-f-categories = Data categories (the field policy's)
breaches-f-specials = Special categories (Art. 9–10)
breaches-f-approx-records = Approximate number of records
breaches-f-approx-people = Approximate number of people
breaches-f-people-categories = Categories of people
breaches-f-countries = Countries of the people (ISO codes, comma-separated)
breaches-f-risk = Risk (likelihood × severity matrix)
breaches-f-consequences = Likely consequences for the people
breaches-f-likelihood = Likelihood
breaches-f-severity = Severity
breaches-f-measures = Measures taken or proposed
breaches-f-dpo-view = The DPO's view
breaches-f-sealed = The affected values were sealed (encrypted at rest)
breaches-f-key-exposed = The master key was exposed
breaches-f-decision = Decision
breaches-f-authority-decision = The supervisory authority
breaches-f-authority-reason = Why (required when not notifying)
breaches-f-people-decision = The people
breaches-f-people-ground = Ground when not telling them (risk not high, or Art. 34(3))
breaches-f-people-reason = Measures or public notice (grounds b and c)
breaches-f-status = Status

## A breach's page.
breaches-page-title = Breach { $reference }
breaches-page-heading = Breach { $reference }: { $title }
breaches-find-affected = Find the affected people
breaches-latest-count = latest frozen count:
breaches-people-found = { $n } people (frozen { $at })
breaches-clock-heading = The 72-hour clock
breaches-aware-label = Aware at
breaches-aware-recorded = (recorded by { $by }; evidence: { $evidence }).
breaches-deadline-label = Deadline
breaches-notified = the authority was notified.
breaches-correct-summary = Correct aware at (needs a reason; the old value stays in the history)
breaches-correct-at = Aware at (UTC)
breaches-correct-evidence = Evidence
breaches-correct-reason = Reason for the correction
breaches-correct-submit = Correct aware at
breaches-aware-unset = Aware at is not set: set it below when the controller is reasonably certain a breach occurred.
breaches-record-heading = Record and decision
breaches-risk-label = Risk:
breaches-risk-value = { $level } ({ $method })
breaches-risk-unassessed = not assessed yet: give likelihood and severity
breaches-proposed = Kith proposes the Art. 34(3) ground { $ground }: the values were sealed and the master key was not exposed.
breaches-save = Save the record

## Notices.
breaches-notices-heading = Notices
breaches-notices-intro = Kith does not submit to the authority's portal: draft the notice from the record, print it, submit it, then record here when you did. A sent notice never changes; its hash is of what was drafted.
breaches-notice-heading = { $kind } notice to { $audience }
breaches-notice-heading-authority = { $kind } notice to { $audience } ({ $authority })
breaches-notice-follows = follows
breaches-notice-print = Print
breaches-missing = Still missing: { $items }.
breaches-notice-mails = Mails:
breaches-notice-mail-counts = { $queued } queued, { $outbox } held in the outbox (no SMTP configured: not sent), { $sent } sent, { $failed } failed
breaches-notice-queue = Queue the mails to the affected people
breaches-notice-submitted-at = Submitted at (UTC; empty: now)
breaches-notice-delay = Reason for the delay (required after the deadline)
breaches-notice-record-sent = Record as sent
breaches-notice-sent = Sent { $at }
breaches-notice-sent-delay = Sent { $at }; delay: { $reason }
breaches-draft-heading = Draft a notice
breaches-draft-to = To
breaches-draft-authority = Authority
breaches-draft-follows = Follow-up of
breaches-draft-initial = initial notice
breaches-draft-submit = Draft from the record
breaches-followable = { $kind } of { $at }

## History.
breaches-history-heading = History
breaches-history-when = When
breaches-history-who = Who
breaches-history-what = What
breaches-history-values = Old and new values

## The print view of a notice.
breaches-print-title = Breach notice — { $reference }
breaches-print-running = Personal-data breach notification (GDPR Art. 33) · { $reference } · { $kind }
breaches-print-heading = Personal-data breach { $reference }: { $kind } notice
breaches-print-heading-to = Personal-data breach { $reference }: { $kind } notice to { $authority }
breaches-print-follows = Follows notice
breaches-print-sent = Sent
breaches-print-not-yet = not yet
breaches-print-delay = Reason for the delay
breaches-print-hash = SHA-256 of the notice as drafted
breaches-item-controller = Controller
breaches-item-dpo = Data protection officer
breaches-item-description = What happened
breaches-item-nature = Nature of the breach
breaches-item-cause = Cause
breaches-item-systems = Systems involved
breaches-item-recipients = Recipients involved
breaches-item-occurred-from = Occurred from
breaches-item-occurred-to = Occurred to
breaches-item-detected = Detected at
breaches-item-aware = Aware at
breaches-item-deadline = Deadline (aware at + 72 h)
breaches-item-people-categories = Categories of people
breaches-item-approx-people = Approximate number of people
breaches-item-people-found = People found by the latest frozen query
breaches-item-approx-records = Approximate number of records
breaches-item-data-categories = Categories of data
breaches-item-specials = Special categories
breaches-item-countries = Countries of the people
breaches-item-consequences = Likely consequences
breaches-item-risk-method = Risk method
breaches-item-risk-level = Risk level
breaches-item-measures = Measures taken or proposed
breaches-item-people-decision = The people are told
breaches-item-authority-refs = Authority case references
breaches-item-bundled = Bundled breaches

## Closed vocabularies, by stored spelling.
breaches-status-open = Open
breaches-status-closed = Closed
breaches-nature-confidentiality = Confidentiality (disclosure or access)
breaches-nature-integrity = Integrity (alteration)
breaches-nature-availability = Availability (loss or destruction)
breaches-authority-undecided = Not decided yet
breaches-authority-notify = Notify the authority
breaches-authority-do-not-notify = Do not notify (risk unlikely)
breaches-people-undecided = Not decided yet
breaches-people-tell = Tell the people
breaches-people-do-not-tell = Do not tell the people
breaches-ground-risk-not-high = The risk to the people is not high (Art. 34(1) does not apply)
breaches-ground-unintelligible = (a) The data are unintelligible to whoever obtained them
breaches-ground-measures-taken = (b) Measures taken since removed the high risk
breaches-ground-disproportionate-effort = (c) Disproportionate effort: a public notice instead
breaches-level-1 = Negligible
breaches-level-2 = Limited
breaches-level-3 = Significant
breaches-level-4 = Maximum
breaches-risk-unlikely = Unlikely to result in a risk
breaches-risk-risk = A risk
breaches-risk-high = A high risk
breaches-method-likelihood-severity-4x4 = Likelihood × severity matrix (1–4 each)
breaches-audience-authority = The supervisory authority (Art. 33)
breaches-audience-people = The people affected (Art. 34)
breaches-kind-initial = Initial
breaches-kind-follow-up = Follow-up
breaches-kind-bundled = Bundled
breaches-category-identity = Identity
breaches-category-contact = Contact details
breaches-category-professional = Professional
breaches-category-financial = Financial
breaches-category-demographic = Demographic
breaches-category-preferences = Preferences
breaches-category-other = Other
breaches-special-health = Health
breaches-special-religion = Religious or philosophical beliefs
breaches-special-political-opinion = Political opinions
breaches-special-ethnic-origin = Racial or ethnic origin
breaches-special-trade-union = Trade-union membership
breaches-special-genetic = Genetic data
breaches-special-biometric = Biometric data
breaches-special-sex-life = Sex life or sexual orientation
breaches-special-criminal = Criminal convictions and offences
breaches-source-manual = Entered by staff
breaches-source-web-form = Web form
breaches-source-import = Import
breaches-source-api = API

## The people affected by a breach.
breaches-affected-title = People affected by a breach
breaches-affected-heading = People affected by the breach
breaches-affected-the-breach = The breach
breaches-affected-intro = Find the people a breach affects (Art. 33(3)(a), 34): every part of the query is optional, and they combine (all must hold). The query reads the country and the list of fields each person has a value in, kept in clear for this; it opens no record except the names of the first { $n } people listed. Freezing records the query, the count, the breakdown, the authorities and a SHA-256 hash of the people found into the breach record, and adds the people to the list the notice to the people (Art. 34) is mailed to.
breaches-affected-query = Query
breaches-affected-window = Time window
breaches-affected-from = From
breaches-affected-from-example = 2026-12-01 or 2026-12-01T08:00:00Z
breaches-affected-to = To (not included)
breaches-affected-actor-id = Who accessed: a staff user's id
breaches-affected-actor-hint = the people whose record this user opened or exported in the window
breaches-affected-actor = Who accessed (the people whose record this user opened or exported in the window)
breaches-affected-anyone = Anyone (no user)
breaches-affected-no-user = Without a user, the window selects the people whose record existed in it.
breaches-affected-categories = Data categories (a value in a field of one of them)
breaches-affected-recipient = System or recipient
breaches-affected-any = Any
breaches-affected-recipient-note = A recipient selects the people with a lawful basis or a given consent for a purpose it receives data for as they stand today, not at the time of the breach: someone who withdrew consent since the breach is left out, someone who gave it only afterwards is included. Check the consent history of the window when it matters.
breaches-affected-countries = Countries (ISO codes, comma-separated)
breaches-affected-source = Source
breaches-affected-run-id = An import run's id
breaches-affected-run = An import
breaches-affected-form-id = A consent form's id
breaches-affected-form = A consent form
breaches-affected-per-country = List each affected country's authority even when the controller has a lead authority
breaches-affected-preview = Preview
breaches-affected-freeze = Freeze into the breach record
breaches-affected-result = Result: { $n } { $n ->
    [one] person
   *[other] people
}
breaches-affected-not-indexed = Not yet indexed: { $n } { $n ->
    [one] contact
   *[other] contacts
}. Their country and fields are still being read in the background (records written before this version or by an older server), so the result may be incomplete; run the query again later.
breaches-affected-by-category = By data category
breaches-affected-no-category = No category.
breaches-affected-col-category = Category
breaches-affected-col-people = People
breaches-affected-by-country = By country
breaches-affected-col-country = Country
breaches-affected-nobody = Nobody.
breaches-affected-authorities = Supervisory authorities concerned
breaches-affected-no-authority = No EEA authority: nobody affected lives in the EEA and the controller has no EEA establishment on record.
breaches-affected-lead = lead authority
breaches-affected-in-country = { $n } affected in its country
breaches-affected-first = People (first { $n })
breaches-affected-frozen = Queries frozen into the breach record
breaches-affected-none-frozen = No query is frozen yet.
breaches-affected-col-frozen = Frozen
breaches-affected-col-hash = SHA-256 of the people's ids
breaches-affected-frozen-notice = Frozen into the breach record: { $n } { $n ->
    [one] person
   *[other] people
}.
breaches-affected-unknown = Unknown
breaches-affected-gone = (no longer on record)

## Examples and names in the breach pages.
breaches-hash = SHA-256
breaches-f-reference-example = BR-2027-001
breaches-affected-countries-example = IT, FR

## Errors in the forms.
breaches-err-whole-number = must be a whole number
breaches-err-choice = is not a valid choice
breaches-err-required = required
breaches-err-audience = choose the authority or the people
