## Public pages, for people without an account: consent forms, notices,
## double opt-in, the preference centre, unsubscribing, processors'
## acknowledgements. The reader is the person, addressed as "you".

## The frame of every public page: the list of languages.
public-languages = Language

## Answers when an address or a link cannot be used.
public-not-found-title = Not found
public-not-found-text = There is nothing at this address.
public-bad-address-title = This address is not valid
public-bad-address-text = Open the link again as you received it.
public-invalid-link-title = This link is not valid
public-invalid-link-text = The link is incomplete or was changed. Open it again from the message you received.
public-expired-link-title = This link has expired
public-expired-link-text = Links are valid for a limited time. Submit the form again to get a new one.

## The privacy notice a consent cites, and a notice's own page (/n/…).
public-notice-intro = How we use your data:
public-notice-version = { $name } (v{ $version })
public-notice-meta = Version { $version } · SHA-256 { $sha }

## The consent form (/f/…). $field is a field's name, $problem what is wrong with it.
public-form-email = Email
public-form-first-name = First name
public-form-last-name = Last name
public-form-phone = Phone
public-form-subscriptions = Subscriptions
public-form-choose = What would you like to receive? (tick what you want)
public-form-sharing = Sharing
public-form-share = Yes, you may share my details with: { $parties }
public-form-gpc = Your browser sends a Global Privacy Control signal: we will not share your details unless you tick the box above.
public-form-confirm-hint = We will email you a link to confirm.
public-form-fix = Please check — { $field }: { $problem }
public-problem-email = must be an email address
public-problem-phone = must be a phone number
public-problem-name = must be at most 100 characters, without control characters
public-problem-no-subscription = tick at least one subscription to subscribe
public-problem-unknown-subscription = this form does not offer that subscription
public-problem-other = is not valid
public-check-inbox-title = Check your inbox
public-check-inbox-text = If the address is valid, a message with a confirmation link is on its way. Nothing is sent to you until you confirm.

## Double opt-in (/c/…).
public-confirm-title = Confirm your subscription
public-confirm-text = Press the button to confirm that you want to receive what you asked for.
public-confirm-button = Confirm
public-confirmed-title = Thank you — confirmed
public-confirmed-text = Your choice is recorded. A receipt is on its way to your inbox; you can change your mind at any time from the link in it.
public-confirmed-already = This link was already used: your choice is recorded.

## The preference centre (/p/…). $names: the subscriptions not given.
public-prefs-title = Your email preferences
public-prefs-save = Save my choices
public-prefs-saved = Your choices are saved.
public-prefs-not-given = Your other choices are saved. Not subscribed, because you have not seen how we use your data for it: subscribe through its sign-up form, which shows it — { $names }
public-prefs-unsubscribe-all = Unsubscribe from all
public-prefs-unsubscribed = You are unsubscribed.
public-prefs-receipts = Your consent receipts
public-channel-email = Email
public-channel-phone = Phone
public-channel-sms = SMS
public-channel-post = Post
public-action-requested = Requested
public-action-given = Given
public-action-refused = Refused
public-action-withdrawn = Withdrawn
public-action-expired = Expired

## One-click unsubscribe (/u/…).
public-unsubscribe-title = Unsubscribe
public-unsubscribe-text = Press the button to stop receiving these messages.
public-unsubscribe-button = Unsubscribe

## A processor acknowledges a request under Art. 19 (/ack/…). The reader is
## an organisation acting for the controller.
public-ack-title = Acknowledge a data-protection request
public-ack-action = What is asked (GDPR Art. 19)
public-ack-subject = The person (subject id)
public-ack-reference = Reference
public-ack-due = Please acknowledge by
public-ack-done-on = Acknowledged on { $at }.
public-ack-explain = Press the button once you have carried out the request. Nothing is recorded until you do.
public-ack-button = I confirm it is done
public-ack-action-erasure = Erase the person (Art. 17)
public-ack-action-rectification = Rectify the person's data (Art. 16)
public-ack-action-restriction = Restrict processing (Art. 18)
public-ack-action-restriction-lifted = The restriction is lifted (Art. 18(3))
public-ack-invalid-text = Check that the whole link was copied from the message.
public-ack-expired-text = Ask the controller for a new request.
public-ack-recorded-title = Acknowledgement recorded
public-ack-recorded-text = Thank you: the controller's record of the request now shows that you carried it out.
public-ack-already-title = Already acknowledged
public-ack-already-text = This request was acknowledged before.
