## Deals: the pipeline board, the list with totals, a deal's page.
## Stage names come from configuration and are not messages.
deals-title = Deals
deals-board-title = Pipeline
deals-to-board = ← Pipeline board
deals-to-list = List view with totals →
deals-back = ← Pipeline
deals-totals = Totals per stage
deals-col-stage = Stage
deals-col-deals = Deals
deals-col-deal = Deal
deals-col-amount = Amount
deals-col-company = Company
deals-contacts = Contacts
deals-all-stages = All stages
deals-show = Show
# Keep the link as it is; translate its text.
deals-list-empty = No deals here yet. Create one on the <a href="/deals">pipeline board</a>.
deals-next-page = Next page →
deals-column-empty = No deals.
deals-stage-of = Stage of { $title }
deals-move = Move
deals-move-to = Move to
deals-column-all = All { $n } in { $stage } →
deals-new = New deal
deals-not-saved = Nothing was saved. Please correct the fields marked below.
deals-field-title = Title
deals-field-currency = Currency
deals-no-company = None
deals-create = Create deal
deals-history = Stage history
deals-created-in = Created in { $stage }
deals-moved-from-to = { $from } → { $to }
deals-moved = Deal moved.
deals-bad-amount = must be an amount such as 12500 or 12500.50
deals-bad-company = is not a valid choice
deals-bad-stage = is not a stage of the pipeline
deals-currency-example = EUR

## The six stages Kith starts with (names::stage), while they keep their English names.
stage-lead = Lead
stage-qualified = Qualified
stage-proposal = Proposal
stage-negotiation = Negotiation
stage-won = Won
stage-lost = Lost
