## Signing in (the browser's language).
signin-title = Sign in
signin-heading = Sign in to Kith
signin-email = Email
signin-password = Password
signin-submit = Sign in
signin-form-expired = The sign-in form expired. Please try again.
signin-wrong = The email or the password is not correct.
signin-code-title = Second step
signin-code-intro = Type the six-digit code your authenticator app shows for Kith, or one of your recovery codes.
signin-code = Code
signin-start-again = Start again
signin-code-form-expired = The form expired. Please try again.
signin-code-wrong = The code is not correct. Type the current code of your app, or a recovery code.

## My account.
account-title = My account
account-must-change = An admin reset your password. Choose a new one to continue: type the temporary password you were given, then your new one.
account-must-enrol = This server requires a second factor for your role. Set it up below to continue.
account-instructions-link = Instructions for processing personal data
account-password-heading = Password
account-temporary-password = Temporary password
account-current-password = Current password
account-new-password = New password (12+ characters, not a common one)
account-new-password-again = New password again
account-change-password = Change password
account-password-mismatch = does not match the new password
account-password-changed = Password changed. Your other sessions have ended.
account-locale-heading = Language and time zone
account-language = Language
account-language-browser = Browser's language
account-zone = Time zone
account-zone-server = Server's zone ({ $zone })
account-locale-save = Save
account-locale-saved = Language and time zone saved.
account-language-invalid = Choose one of the languages in the list.
account-zone-invalid = Choose a time zone from the list, such as Europe/Rome.
account-2fa-heading = Second factor
account-recovery-codes-title = Your recovery codes.
account-recovery-codes-text = Each signs you in once if you lose your phone. Write them down or print them now: they are shown only this once, and Kith keeps only their hashes.
account-2fa-on = On: signing in asks for a code from your authenticator app. { $n ->
        [one] { $n } recovery code
       *[other] { $n } recovery codes
    } left.
account-2fa-disable-password = Your password, to turn it off
account-2fa-turn-off = Turn off
account-2fa-scan = Scan this code with an authenticator app (or type the key below into it):
account-2fa-qr-alt = QR code of your Kith sign-in key
account-2fa-key = Key:
account-2fa-type-code = Type the six-digit code the app shows:
account-2fa-code = Code
account-2fa-turn-on = Turn on
account-2fa-off = Off. With a second factor, signing in also asks for a code from an authenticator app on your phone.
account-2fa-set-up = Set up a second factor
account-2fa-on-notice = Second factor on. Keep the recovery codes below somewhere safe.
account-2fa-off-notice = Second factor off.
account-2fa-required = This server requires a second factor for your role; it cannot be turned off.
account-tokens-heading = My API tokens
account-token-created-title = Token “{ $name }” created.
account-token-created-text = Copy it now: it is shown only this once, and Kith keeps only a hash of it. Whatever a program does with it is recorded as you, with this token's name.
account-token-name = Name
account-token-created = Created
account-token-status = Status
account-token-revoke = Revoke
account-token-revoke-label = Revoke { $name }
account-token-revoked = revoked { $date }
account-token-name-placeholder = e.g. newsletter sync
account-token-create = Create token
