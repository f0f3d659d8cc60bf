fmt-date = { $d }/{ $m }/{ $y }
fmt-date-time = { $date }, { $time } { $zone }
fmt-group = .
fmt-decimal = ,
fmt-money-symbol = { $amount } { $currency }
fmt-money-code = { $amount } { $currency }
