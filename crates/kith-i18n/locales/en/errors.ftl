## Error pages: their titles, the texts of fixed failures, the frame.
errors-status = Error { $status }.
errors-back = Back to contacts
errors-nothing-here-title = Nothing to show here
errors-nothing-here-text = This address only takes a submitted form. Start again from the menu.
errors-bad-form-title = The form could not be read
errors-bad-form-text = Go back, reload the page and try again.
errors-not-found-title = Not found
errors-not-found-text = There is nothing at this address.
# $what: the kind of record, as the domain names it (in English).
errors-no-such-record = No { $what } with this id exists.
errors-internal-title = Something went wrong
errors-internal-text = Something went wrong on our side. Nothing was changed; please try again. The X-Request-Id header of this page identifies it in the server log.
errors-sign-in-title = Please sign in
errors-sign-in-text = Your session has ended.
errors-forbidden-title = Not allowed
# $what: the action, as the domain names it (in English).
errors-forbidden-text = your role may not { $what }
errors-check-input-title = Please check the input
errors-not-done-title = Could not be done
errors-restricted-title = Processing restricted
errors-restricted-text = processing of this contact is restricted (GDPR Art. 18): it is stored, but nothing else may be done with it until the restriction is lifted
errors-idempotency-text = the Idempotency-Key was already used with a different request
errors-too-many-title = Too many attempts
errors-try-again-seconds = Too many failed attempts. Sign-in is paused; try again in { $n } seconds.
errors-try-again-minutes = Too many failed attempts. Sign-in is paused; try again in { $n ->
        [one] { $n } minute
       *[other] { $n } minutes
    }.
errors-busy-title = Busy
errors-busy-text = The server is too busy right now. Please try again in a moment.

## For form.rs (the lead's): the form and address failures.
errors-nul-text = Text must not contain NUL characters.
errors-form-expired-title = The form has expired
errors-form-expired-text = This form was not sent from a current Kith page. Go back, reload the page and try again.
errors-bad-address-title = This address is not valid
errors-bad-address-text = The address holds a value Kith cannot read. Start again from the menu.
errors-link-out-of-date = This page link is out of date
