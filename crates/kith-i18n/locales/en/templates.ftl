## Mail templates: the list and a template's page.
templates-title = Mail templates
templates-intro = A subject and a body per language, with merge fields such as { $field } filled in for each person. Each person gets the text in their language (that of their latest consent), else English. Consent requests use them: from the contacts list (“{ $bulk }”), on a contact's page, and in a purpose's automatic request rule.
templates-new = New template
templates-none = No template yet.
templates-write-first = Write the first one
templates-col-name = Name
templates-col-for = For
templates-col-languages = Languages
templates-deleted = The template was deleted.
templates-saved = The template was saved.
templates-kind-newsletter = Newsletter
templates-kind-consent-request = Consent request
templates-kind-notice = Notice
templates-new-title = New mail template
templates-one-title = Mail template
templates-back = Back to templates
templates-errors = Please correct what is marked below.
templates-help = Fill in the languages you write in; leave the others empty. Plain text: a blank line starts a new paragraph. A consent request must contain { $field }; Kith adds the unsubscribe header to every request.
templates-subject = Subject
templates-body = Body
templates-save = Save template
templates-fields = Merge fields
templates-fields-help = Write { $plain }, or { $fallback } to show a word of yours when the person has no such value. Values are escaped: they can never add markup, links or mail headers.
templates-field-first-name = the person's first name
templates-field-last-name = the person's last name
templates-field-company = the name of the person's company
templates-field-purpose = the name of the purpose the mail is about
templates-field-controller = the controller's name (who sends the mail)
templates-field-confirm-url = the link that confirms consent (consent requests only; required in them)
templates-field-unsubscribe-url = the one-click unsubscribe link
templates-field-preferences-url = the link to the person's preference centre
templates-field-portal-url = the privacy portal, where the person sees their data and files requests
templates-preview = Preview with a contact
templates-find = Find a contact (name, email or phone)
templates-no-choice = No contact to choose.
templates-no-match = No contact to choose matches this search.
templates-contact = Contact
templates-search-only = — search only —
templates-language = Language
templates-own-language = The contact's own
templates-preview-button = Preview
templates-preview-subject = Subject:
templates-html-source = HTML version (source)
templates-hidden-links = Links that act as the person are hidden here; the person's mail has them.
templates-test = Send a test to yourself
templates-test-help = Sent to { $email } through the mail server, filled in with sample values (no contact's data).
templates-test-language = English, else the first
templates-send-test = Send test
templates-delete = Delete this template
templates-test-sent = A test mail with sample values was sent to { $to }.
templates-choose-kind = choose what it is for
templates-not-a-choice = is not a valid choice

## Consent requests with a template: from the contacts list, a contact's
## page, a purpose's requests page.
templates-req-all-title = Request consent from all matching
templates-req-back-list = Back to the list
templates-req-all-intro = Every contact matching the list's search and filter gets a consent request by email, in their language (that of their latest consent, else English), with a confirmation link valid for the days you choose. Contacts without email, who already answered, objected, or are restricted are skipped. Next you see how many contacts match, before anything is sent.
templates-req-needs = A consent request needs a purpose, a notice and a consent request template.
templates-req-no-template-link = There is no consent request template yet: { $link }.
templates-req-no-template = There is no consent request template yet (marketing, the DPO or an admin writes them).
templates-req-no-template-plain = There is no consent request template yet.
templates-req-write-one = write one
templates-req-setup = Purposes and notices are set up under { $link }.
templates-req-privacy = Privacy
templates-req-purpose = Purpose
templates-req-template = Template
templates-req-notice = Notice the request links to
templates-req-days = Days to answer
templates-req-review = Review…
templates-req-one-title = Request consent
templates-req-one-heading = Request consent: { $name }
templates-req-back-contact = Back to the contact
templates-req-one-intro = The contact gets a consent request by email in their language (that of their latest consent, else English), with a confirmation link. Nothing is sent to a contact without email, who already gave or refused consent on email, objected, or whose processing is restricted.
templates-req-send = Send the request
templates-req-queued = The consent request is queued; the contact's consent shows as awaiting an answer.
templates-req-not-sent = Not sent: { $why }.
templates-req-choose-purpose = choose a purpose
templates-req-choose-template = choose a consent request template
templates-req-choose-notice = choose the notice the request links to
templates-req-choose-both = choose a consent request template and a notice
templates-req-purpose-title = Consent requests: { $name }
templates-req-back-purpose = Back to the purpose
templates-req-auto = Ask new contacts automatically
templates-req-auto-intro = When staff enter a contact, or an import creates one, with an email address and no lawful basis for this purpose, Kith sends a consent request with the template below within about a minute (a job checks new contacts; a server restart loses none). Contacts created before the rule is switched on are never asked by it.
templates-req-auto-needs = The rule needs a consent request template ({ $write }) and a notice ({ $publish }).
templates-req-publish-one = publish one
templates-req-auto-enabled = Ask new contacts without a basis for this purpose
templates-req-auto-notice = Notice the request links to (its newest version is used)
templates-req-save-rule = Save rule
templates-req-rule-saved = The automatic request rule was saved.
templates-req-again = Ask again: consent under an older notice
templates-req-old-count = { $n ->
    [one] { $count } contact gave consent for this purpose under an older version of its notice.
   *[other] { $count } contacts gave consent for this purpose under an older version of its notice.
}
templates-req-old-count-see = { $n ->
    [one] { $count } contact gave consent for this purpose under an older version of its notice ({ $link }).
   *[other] { $count } contacts gave consent for this purpose under an older version of its notice ({ $link }).
}
templates-req-see-them = see them
templates-req-again-intro = Each gets a consent request under the notice you choose (the current one), in their language. Their consent stays valid until they answer: confirming records consent under the new notice; not answering changes nothing.
templates-req-current-notice = The current notice
templates-req-ask-n = { $n ->
    [one] Ask { $n } contact again
   *[other] Ask { $n } contacts again
}
templates-req-asked = Consent requested again from { $asked } contact(s); { $skipped } skipped (no email, already asked under this notice, objected or restricted). Their consent stays valid until they answer.
