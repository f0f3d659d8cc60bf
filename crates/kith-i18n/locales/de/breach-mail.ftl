## Die E-Mail an die von einer Verletzung des Schutzes personenbezogener
## Daten betroffenen Personen (Art. 34 DSGVO): klar und einfach.

breach-mail-subject = { $controller }: Verletzung des Schutzes Ihrer personenbezogenen Daten
breach-mail-intro = Wir schreiben Ihnen, weil es bei { $controller } zu einer Verletzung des Schutzes personenbezogener Daten gekommen ist, die Sie betrifft.
breach-mail-what = Was ist passiert: { $nature }.
breach-mail-consequences = Was das für Sie bedeuten kann: { $consequences }
breach-mail-measures = Was wir getan haben und was wir Ihnen raten: { $measures }
breach-mail-dpo = Bei Fragen wenden Sie sich an unseren Datenschutzbeauftragten (DSB): { $dpo }.
breach-mail-nature-confidentiality = einige Ihrer Daten könnten von Unbefugten eingesehen worden sein
breach-mail-nature-integrity = einige Ihrer Daten könnten verändert worden sein
breach-mail-nature-availability = einige Ihrer Daten gingen verloren oder waren zeitweise nicht verfügbar

## Der Ausdruck einer Benachrichtigung der betroffenen Personen: die E-Mail in jeder Sprache.
breach-mail-print-subject = E-Mail ({ $language }): Betreff
breach-mail-print-text = E-Mail ({ $language }): Text
