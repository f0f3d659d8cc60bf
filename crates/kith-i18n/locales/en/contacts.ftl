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
    [one] { $n } contact
   *[other] { $n } contacts
}.
contacts-bulk-will-remove-tag = This will remove the tag “{ $x }” on { $n ->
    [one] { $n } contact
   *[other] { $n } contacts
}.
contacts-bulk-will-assign-owner = This will make { $x } the owner on { $n ->
    [one] { $n } contact
   *[other] { $n } contacts
}.
contacts-bulk-will-remove-owner = This will remove the owner on { $n ->
    [one] { $n } contact
   *[other] { $n } contacts
}.
contacts-bulk-will-set-basis = This will record the lawful basis “{ $x }” on { $n ->
    [one] { $n } contact
   *[other] { $n } contacts
}.
contacts-bulk-will-request-consent = This will send a consent request by email (contacts without email, or who already answered, are skipped) on { $n ->
    [one] { $n } contact
   *[other] { $n } contacts
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
