## The audit trail and the changes of an entry.
audit-title = Audit trail
audit-intro = Every read, change and export of personal data, oldest first. Entries hold ids, never personal values; each entry's hash covers the one before it.
audit-contact-id = Contact id
audit-contact-id-placeholder = the id in a contact's address
audit-by-user = By user
audit-anyone = Anyone
audit-show = Show entries
audit-verify = Verify the whole chain
audit-empty = No entries match.
audit-caption = Audit entries
audit-when = When
audit-who = Who
audit-action = Action
audit-contact = Contact
audit-object = Object
audit-request = Request
audit-via-token = via API token { $token }
audit-changes-link = changes
audit-next = Next page →
audit-chain-intact = The chain is intact: { $n ->
        [one] { $n } entry verified
       *[other] { $n } entries verified
    }.
# $reason: the store's words, in English.
audit-chain-broken = The chain is broken at entry { $seq }: { $reason }.
audit-subject-invalid = must be a contact id
audit-user-invalid = is not a valid choice
audit-changes-title = Changes of entry { $seq }
audit-changes-heading = Changes of audit entry { $seq }
audit-changes-intro = The values before and after, kept sealed under the person's key: they are gone with the person if erased. Opening them is itself recorded in the audit trail.
audit-changes-caption = Changed fields
audit-field = Field
audit-before = Before
audit-after = After
audit-back = Back to the audit trail

## Field names in the table of changes.
audit-changed-first-name = first name
audit-changed-last-name = last name
audit-changed-emails = emails
audit-changed-phones = phones
audit-changed-address = address
audit-changed-job-title = job title
audit-changed-notes = notes
audit-changed-interaction-bodies = interaction texts
