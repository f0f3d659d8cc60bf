fmt-date = { $d }/{ $m }/{ $y }
fmt-date-time = { $date } à { $time } { $zone }
fmt-group = {"\u202F"}
fmt-decimal = ,
fmt-money-symbol = { $amount } { $currency }
fmt-money-code = { $amount } { $currency }
