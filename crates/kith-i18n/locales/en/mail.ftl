## Mail Kith writes to people (and to processors). One message a paragraph
## or line; code joins them with blank lines and adds links on lines of
## their own. Texts staff write (templates, purpose names) are not here.

## Channels of consent, in running text.
mail-channel-email = email
mail-channel-phone = phone
mail-channel-sms = SMS
mail-channel-post = post

## Double opt-in after a public form.
mail-confirm-subject = Please confirm your subscription
mail-confirm-asked = You asked to receive: { $names }.
mail-confirm-link = To confirm, open this link and press "Confirm" (valid for { $days } days):
mail-confirm-ignore = If this was not you, ignore this message: without confirmation we will not write to you again.

## Consent receipts.
mail-receipt-subject = Your consent receipt: { $purpose }
mail-receipt-given = You gave your consent for "{ $purpose }" ({ $channels }) on { $date }.
mail-receipt-withdrawn = You withdrew your consent for "{ $purpose }" ({ $channels }) on { $date }.
mail-receipt-attached = Your consent receipt is attached (signed by { $controller }; the key is published at { $key }).
mail-receipt-change = Change your choices at any time: { $link }

## Sign-in link to the privacy portal.
mail-portal-subject = Sign in to the privacy portal
mail-portal-open = To see your data and your requests, open this link within { $minutes } minutes (it works once):
mail-portal-ignore = If you did not ask for it, ignore this message.

## Data-subject requests.
mail-dsr-subject = Your privacy request: { $kind }
mail-dsr-completed = Your request ({ $kind }) received on { $received } was completed on { $done }.
mail-dsr-done-what = What was done: { $what }
mail-dsr-rejected = Your request ({ $kind }) received on { $received } was refused: { $reason }
mail-dsr-complaint = You may lodge a complaint with a supervisory authority.
mail-dsr-extended = Your request ({ $kind }) received on { $received } needs more time: we extended the deadline by { $months } month(s) (GDPR Art. 12(3)). Reason: { $reason }
mail-dsr-kind-access = Access (Art. 15)
mail-dsr-kind-portability = Portability (Art. 20)
mail-dsr-kind-rectification = Rectification (Art. 16)
mail-dsr-kind-erasure = Erasure (Art. 17)
mail-dsr-kind-restriction = Restriction (Art. 18)
mail-dsr-kind-objection = Objection (Art. 21)
mail-dsr-kind-withdraw-consent = Withdraw consent (Art. 7(3))
mail-dsr-kind-information = Information (Art. 13–15)
mail-dsr-kind-automated-decision-review = Review of an automated decision (Art. 22)

## The confirmation of an erasure (the last mail to the person).
mail-erasure-subject = { $controller }: your data has been erased
mail-erasure-intro = As you asked (request { $reference }, received on { $received }), on { $erased } we erased your personal data: your contact record, your addresses and numbers, notes and interactions, lawful bases and consent standing, any mail queued for you, and the key they were sealed under, so that no copy (not even in backups) can be opened again.
mail-erasure-keep = We keep only the following, for the reasons given:
mail-erasure-kept-1 = the register of requests, which proves we received and carried out your request (Art. 5(2), 12): it holds an identifier only, none of your data
mail-erasure-kept-2 = the consent ledger's chain, without values: the proof in it that held your data was sealed under your own key, which was destroyed
mail-erasure-kept-3 = the activity log (who did what, and when), with identifiers and action names, none of your data
mail-erasure-kept-4 = if you had unsubscribed from email: a one-way fingerprint of your address, so that a future import cannot add you again
mail-erasure-kept-5 = the notice to our processors that the erasure happened (Art. 19): an identifier and a time
mail-erasure-last = This is the last mail we send you: your address is no longer in our systems, and this message is deleted as soon as it is delivered. If you believe the erasure is incomplete, you may lodge a complaint with a supervisory authority.

## Consent requests and newsletters: the links Kith adds to staff's text.
mail-request-confirm = To agree, open this link and press "Confirm" (valid { $days } days):
mail-request-manage = Manage your choices: { $link }
mail-unsubscribe = Unsubscribe: { $link }
mail-footer-preferences = Your preferences: { $link }
mail-footer-portal = Your privacy portal: { $link }
mail-test-subject = [Test] { $subject }

## The Art. 14 notice (data not obtained from the person).
mail-art14-subject = { $controller }: how we have your details, and your rights
mail-art14-hello = Hello,
mail-art14-intro = { $controller } holds some personal data about you that we did not get from you. The law (Art. 14 GDPR) asks us to tell you.
mail-art14-dpo = Data protection officer: { $dpo }.
mail-art14-what = What data: { $categories }.
mail-art14-where = Where from: { $source }.
mail-art14-why = Why, and on what basis:
mail-art14-no-purpose = to manage our relationship with you (no purpose recorded yet)
mail-art14-kept = Kept: { $retention }
mail-art14-recipients = Recipients: { $recipients }
mail-art14-basis-consent = your consent (Art. 6(1)(a) GDPR), which you may withdraw at any time
mail-art14-basis-contract = a contract with you, or steps before one (Art. 6(1)(b))
mail-art14-basis-legal-obligation = a legal obligation (Art. 6(1)(c))
mail-art14-basis-vital-interests = vital interests (Art. 6(1)(d))
mail-art14-basis-public-task = a task in the public interest (Art. 6(1)(e))
mail-art14-basis-legitimate-interests = our legitimate interests (Art. 6(1)(f)), as described
mail-art14-basis-not-applicable = no basis recorded yet
mail-art14-category-name = name
mail-art14-category-email = email address
mail-art14-category-phone = phone number
mail-art14-category-address = postal address
mail-art14-category-job-title = job title
mail-art14-category-company = the company you work for
mail-art14-source-none = our records
mail-art14-source-import = a contact list we imported on { $date }, from our previous customer-relationship system
mail-art14-source-import-file = a contact list we imported on { $date } ("{ $file }"), from our previous customer-relationship system
mail-art14-source-import-since = a contact list we imported on { $date }, from our previous customer-relationship system; it held your details since { $since }
mail-art14-source-import-file-since = a contact list we imported on { $date } ("{ $file }"), from our previous customer-relationship system; it held your details since { $since }
mail-art14-source-staff = our staff, who recorded them on { $date } (for example from a business card or a conversation)
mail-art14-rights = Your rights: you may ask us for access to your data, rectification, erasure, restriction of processing and portability, and object to processing (always, to direct marketing). Where processing rests on consent, you may withdraw it at any time.
mail-art14-portal = You can use them from the privacy portal: { $portal }
mail-art14-complaint = You also have the right to lodge a complaint with a supervisory authority, in particular in the country where you live or work.

## Requests to processors (Art. 19), in the controller's default language.
mail-processor-subject = Request under GDPR Art. 19: { $action }
mail-processor-intro = { $controller } asks you, as its processor, to act on the data of one person you receive from it.
mail-processor-action = Action: { $action }
mail-processor-person = Person (Kith subject id): { $id }
mail-processor-reference = Request reference: { $reference }
mail-processor-due = Please acknowledge by { $due }.
mail-processor-ack = Acknowledge that you have carried it out (a page with a button, nothing is recorded until you press it):
mail-processor-action-erasure = Erase the person (Art. 17)
mail-processor-action-rectification = Rectify the person's data (Art. 16)
mail-processor-action-restriction = Restrict processing (Art. 18)
mail-processor-action-restriction-lifted = The restriction is lifted (Art. 18(3))
