## How a reader of this language writes dates, numbers and amounts.
## Variables: $d $m $y (two-digit day and month, four-digit year).
fmt-date = { $d }/{ $m }/{ $y }
fmt-date-time = { $date } { $time } { $zone }
fmt-group = ,
fmt-decimal = .
fmt-money-symbol = { $currency }{ $amount }
fmt-money-code = { $currency } { $amount }
