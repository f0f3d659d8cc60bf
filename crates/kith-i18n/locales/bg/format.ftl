fmt-date = { $d }.{ $m }.{ $y } г.
fmt-date-time = { $date }, { $time } ч. { $zone }
fmt-group = {"\u00A0"}
fmt-decimal = ,
fmt-money-symbol = { $amount } { $currency }
fmt-money-code = { $amount } { $currency }
