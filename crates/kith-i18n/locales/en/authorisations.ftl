## Privacy → Staff authorisations (Art. 29, 32(4)) and My account →
## Instructions.

authorisations-title = Staff authorisations
authorisations-link-overview = Privacy overview
authorisations-link-register = Record of processing
authorisations-link-recipients = Recipients
authorisations-intro = Everyone who can open personal data acts on the controller's instructions (Art. 29) and is trained for it (Art. 32(4)). Each staff member acknowledges the current instructions before opening personal data; training expiring within 30 days or expired is a reminder.
authorisations-instructions = Instructions
authorisations-version = Version
authorisations-published = published { $at }
authorisations-hash = SHA-256
authorisations-read = Read
authorisations-none-published = No instructions are published yet: nobody is asked to acknowledge any.
authorisations-publish-summary = Publish a new version
authorisations-publish-label = Instructions ({ $min } to { $max } characters). A published version is never changed: this becomes the next version, and every staff member must acknowledge it before opening personal data again.
authorisations-publish = Publish
authorisations-col-staff = Staff member
authorisations-col-role = Role and scope
authorisations-col-training = Training
authorisations-col-todo = To do
authorisations-disabled = disabled
authorisations-training-span = { $from } to { $to }
authorisations-remove-label = Remove the training { $course } of { $email }
authorisations-remove = Remove
authorisations-record-training = Record a training
authorisations-choose = Choose…
authorisations-course = Course
authorisations-completed-on = Completed on
authorisations-expires-on = Expires on (leave empty if it does not)
authorisations-record-training-submit = Record the training
authorisations-acknowledged-on = version { $version } on { $at }

## What each role may open.
authorisations-scope-admin = all personal data; staff accounts, API tokens and settings
authorisations-scope-dpo = all personal data; privacy settings, requests, registers and the audit trail
authorisations-scope-sales = contacts, companies, interactions and deals: reading and changing
authorisations-scope-marketing = contacts, companies, interactions and deals: reading and changing
authorisations-scope-support = contacts, companies, interactions and deals: reading and changing
authorisations-scope-readonly = contacts, companies and deals, and the registers: reading only
authorisations-scope-hidden = { $scope }; hidden from the role: { $fields }

## Where a staff member stands.
authorisations-ack-current = acknowledged the current instructions
authorisations-ack-older = acknowledged an older version only
authorisations-ack-never = never acknowledged
authorisations-ack-not-required = no instructions published
authorisations-training-current = trained
authorisations-training-expiring = expiring within 30 days
authorisations-training-expired = expired
authorisations-training-none = no training recorded
authorisations-remind-never = has not acknowledged the instructions (version { $version })
authorisations-remind-older = acknowledged version { $version }, not the current version { $current }
authorisations-remind-expired = training “{ $course }” expired on { $on }
authorisations-remind-expiring = training “{ $course }” expires on { $on }

## My account → Instructions.
authorisations-account-heading = Instructions for processing personal data
authorisations-my-account = My account
authorisations-must-acknowledge = Before you open personal data, read these instructions and confirm that you will follow them (GDPR Art. 29).
authorisations-acknowledged = You have acknowledged this version.
authorisations-acknowledge = I have read and will follow these instructions
authorisations-none-yet = No instructions are published yet.
authorisations-form-unreadable = The form could not be read: reload the page.
authorisations-not-recorded = Not recorded: { $reason }.
authorisations-none-published-error = No instructions are published.

## Errors in the forms.
authorisations-err-date = must be a date such as { $example }
authorisations-err-user = choose a staff member
authorisations-err-required = required
authorisations-err-no-user = this staff member does not exist
