## Marketing → Campaigns: the list, a new campaign, a campaign's page.
campaigns-title = Campaigns
campaigns-intro = A newsletter sent to a segment for one subscription type. Only people who may be emailed for its purpose get it: each is checked again at the moment of sending, and every mail carries a one-click unsubscribe.
campaigns-new = New campaign
campaigns-none = No campaign yet.
campaigns-col-name = Name
campaigns-col-status = Status
campaigns-col-audience = Audience
campaigns-col-queued = Queued
campaigns-col-sent = Sent
campaigns-col-failed = Failed
campaigns-col-skipped = Skipped
campaigns-col-contact = Contact
campaigns-col-reason = Reason

## A campaign's status, and a recipient's.
campaigns-status-draft = Draft
campaigns-status-scheduled = Scheduled
campaigns-status-sending = Sending
campaigns-status-paused = Paused
campaigns-status-done = Done
campaigns-status-cancelled = Cancelled
campaigns-recipient-pending = Pending
campaigns-recipient-queued = Queued
campaigns-recipient-sent = Sent
campaigns-recipient-failed = Failed
campaigns-recipient-skipped = Skipped

## A campaign's page.
campaigns-one-title = Campaign
campaigns-back = Back to campaigns
campaigns-fact-for = For
campaigns-for-email = { $purpose } (email)
campaigns-fact-scheduled = Scheduled
campaigns-fact-rate = Rate
campaigns-rate-value = { $rate } a minute
campaigns-fact-filter = Audience filter
campaigns-fact-audience-now = Audience now
campaigns-audience-now = { $n ->
    [one] { $n } person may be emailed for { $purpose }
   *[other] { $n } people may be emailed for { $purpose }
}
campaigns-delivery = Delivery
campaigns-send-now = Send now
campaigns-at-utc = At (UTC)
campaigns-schedule = Schedule
campaigns-pause = Pause
campaigns-resume = Resume
campaigns-cancel = Cancel campaign
campaigns-log = Delivery log
campaigns-log-show = Show
campaigns-log-all = all
campaigns-filter = Filter
campaigns-log-none = No recipient yet.
campaigns-next-page = Next page

## A new campaign.
campaigns-errors = Please correct:
campaigns-subscription-type = Subscription type
campaigns-template = Template
campaigns-no-template = No newsletter template yet: { $link }.
campaigns-write-one = write one
campaigns-audience-note = “May email for the subscription type's purpose” is always added: a campaign never goes to someone who may not be emailed for it.
campaigns-segment = Saved segment
campaigns-segment-none = (none: use the filter below)
campaigns-query = Or a contact-list filter (as in the contacts list's address, e.g. { $example }; empty: everyone)
campaigns-when = When
campaigns-when-draft = Keep as a draft (see the audience count first)
campaigns-rate = Messages per minute
campaigns-save = Save campaign
campaigns-saved-draft = Saved as a draft: { $why }
campaigns-choose-one = choose one
campaigns-whole-number = must be a whole number
campaigns-give-time = give a date and time (UTC)
