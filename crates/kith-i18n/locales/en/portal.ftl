## The privacy portal (/portal): the person signs in by a one-time link and
## sees their data, downloads it and makes requests. Addressed as "you".
portal-title = Your privacy
portal-intro = Enter your email address: we send you a link to see the data we hold about you, download it, and make requests.
portal-email = Email
portal-send = Send me a sign-in link
portal-sent = If the address is in our records, a sign-in link is on its way. It works once, for 15 minutes.
portal-sign-in = Sign in
portal-sign-in-text = Press the button to sign in to the privacy portal.
portal-invalid = This link is not valid or was already used. Ask for a new one.
portal-expired = This link has expired. Ask for a new one.

## Signed in. $date: when a prepared file is deleted.
portal-your-data = The data we hold about you
portal-download-json = Prepare all of it as JSON
portal-download-csv = Prepare all of it as CSV files (zip)
portal-files = Your files (each is deleted automatically when it expires):
portal-until = available until { $date }
portal-prepared = Your file is ready below.
portal-consents = Your consents and subscriptions
portal-manage = Change or withdraw them
portal-requests = Your requests
portal-none = No requests yet.
portal-file = Make a request
portal-what = What do you ask for?
portal-details = Details (what to correct, what you object to…)
portal-submit = Send the request
portal-filed = Your request is registered. We answer within one month.
portal-sign-out = Sign out
portal-problem-rectification = say what should be corrected
portal-problem-note = must be at most 2000 characters, without control characters
portal-problem-kind = this request is not filed here

## The kinds of request (GDPR articles) and where a request stands.
portal-kind-access = Access (Art. 15)
portal-kind-portability = Portability (Art. 20)
portal-kind-rectification = Rectification (Art. 16)
portal-kind-erasure = Erasure (Art. 17)
portal-kind-restriction = Restriction (Art. 18)
portal-kind-objection = Objection (Art. 21)
portal-kind-withdraw-consent = Withdraw consent (Art. 7(3))
portal-kind-information = Information (Art. 13–15)
portal-kind-automated-decision-review = Review of an automated decision (Art. 22)
portal-status-received = Received
portal-status-verifying = Verifying identity
portal-status-in-progress = In progress
portal-status-waiting-on-subject = Waiting on the person
portal-status-completed = Completed
portal-status-rejected = Rejected
portal-status-withdrawn = Withdrawn
