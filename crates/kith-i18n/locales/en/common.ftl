## The frame of every staff page: the language's own name, navigation, the
## breach banner.
language-name = English
nav-skip = Skip to content
nav-main = Main
nav-contacts = Contacts
nav-segments = Segments
nav-companies = Companies
nav-deals = Deals
nav-privacy = Privacy
nav-campaigns = Campaigns
nav-templates = Templates
nav-requests = Requests
nav-audit = Audit
nav-admin = Admin
nav-my-account = My account
nav-sign-out = Sign out
role-admin = admin
role-sales = sales
role-marketing = marketing
role-dpo = DPO
role-support = support
role-readonly = read-only
breach-banner-label = Breach deadlines
breach-banner-title = Personal-data breach:
breach-banner-text = notify the supervisory authority within 72 hours of becoming aware (Art. 33(1)).

## Field names (view::field_label) and the name of a contact without one.
field-first-name = First name
field-last-name = Last name
field-emails = Emails
field-phones = Phones
field-address = Address
field-job-title = Job title
field-notes = Notes
field-interaction-bodies = Interaction texts
field-owner-id = Owner
field-company-id = Company
field-amount-minor = Amount
contact-no-name = (no name)
