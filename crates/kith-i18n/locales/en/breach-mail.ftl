## The mail to the people affected by a personal-data breach (GDPR Art. 34):
## clear and plain language. One message a paragraph; code joins them with
## blank lines. The consequences and measures are the DPO's own words.

breach-mail-subject = { $controller }: a breach of your personal data
breach-mail-intro = We are writing because { $controller } suffered a personal-data breach that concerns you.
breach-mail-what = What happened: { $nature }.
breach-mail-consequences = What it may mean for you: { $consequences }
breach-mail-measures = What we have done, and what we advise you to do: { $measures }
breach-mail-dpo = If you have questions, write to our data protection officer: { $dpo }.
breach-mail-nature-confidentiality = some of your data may have been seen by someone who should not have
breach-mail-nature-integrity = some of your data may have been altered
breach-mail-nature-availability = some of your data was lost or unavailable for a time

## The print view of a people notice: the mail drafted in each language.
breach-mail-print-subject = Mail ({ $language }): subject
breach-mail-print-text = Mail ({ $language }): text
