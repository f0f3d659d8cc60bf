deals-title = Geschäfte
deals-board-title = Vertriebspipeline
deals-to-board = ← Vertriebspipeline
deals-to-list = Listenansicht mit Summen →
deals-back = ← Vertriebspipeline
deals-totals = Summen je Phase
deals-col-stage = Phase
deals-col-deals = Geschäfte
deals-col-deal = Geschäft
deals-col-amount = Betrag
deals-col-company = Unternehmen
deals-contacts = Kontakte
deals-all-stages = Alle Phasen
deals-show = Anzeigen
deals-list-empty = Noch keine Geschäfte. Legen Sie eines in der <a href="/deals">Vertriebspipeline</a> an.
deals-next-page = Nächste Seite →
deals-column-empty = Keine Geschäfte.
deals-stage-of = Phase von { $title }
deals-move = Verschieben
deals-move-to = Verschieben nach
deals-column-all = Alle { $n } in { $stage } →
deals-new = Neues Geschäft
deals-not-saved = Es wurde nichts gespeichert. Bitte korrigieren Sie die unten markierten Felder.
deals-field-title = Titel
deals-field-currency = Währung
deals-no-company = Keines
deals-create = Geschäft anlegen
deals-history = Phasenverlauf
deals-created-in = Angelegt in { $stage }
deals-moved-from-to = { $from } → { $to }
deals-moved = Geschäft verschoben.
deals-bad-amount = muss ein Betrag wie 12500 oder 12500.50 sein
deals-bad-company = ist keine gültige Auswahl
deals-bad-stage = ist keine Phase der Pipeline
# same as English
deals-currency-example = EUR

# same as English
stage-lead = Lead
stage-qualified = Qualifiziert
stage-proposal = Angebot
stage-negotiation = Verhandlung
stage-won = Gewonnen
stage-lost = Verloren
