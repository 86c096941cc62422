# API credentials: validity, rotation, reminders, health (service and technical users).

credential-never = never
credential-validity-days = { $days ->
        [one] one day
       *[other] { $days } days
    }
credential-validity-never = never expires
credential-responsible-default = every level-1 user
field-responsible-id = Responsible person
field-days = Validity (days)
field-grace-days = Grace period (days)
field-filter = Filter

audit-action-service_user_password_rotated = Service user password rotated
audit-action-technical_user_password_rotated = Technical user password rotated
audit-action-previous_password_ended = Previous password ended
audit-action-credential_validity_changed = Validity of API credentials changed
audit-action-credential_reminder_sent = Expiry reminder sent
audit-detail-rotation = old password works until { $until } ({ $days ->
        [one] one day
       *[other] { $days } days
    }); new one expires { $expires }
audit-detail-validity = { $from } → { $to }
audit-detail-reminder = { $days } days before expiry on { $expires }, to { $recipients }

mail-credential-reminder-subject = { $organization }: the API password of { $login } expires on { $expires }
mail-credential-reminder-body =
    Hello { $name },

    The password of the { $kind } { $login } ({ $label }) expires on { $expires }, in { $days ->
        [one] one day
       *[other] { $days } days
    }. From then on the software that uses this account can no longer obtain API tokens.

    To switch without interruption, open this account in Sesame and choose Rotate: a new password is issued while the current one keeps working for a grace period you choose (7 days unless you change it). Give the new password to whoever runs the software, then end the old one.

    Organization code: { $code }
credential-kind-service_user = service user
credential-kind-technical_user = technical user

# Documents: the password's life, the shared server, who issued it, how to obtain a token.
doc-letters-title = { $count } credential letters
doc-field-expires = Expires on
doc-field-previous-until = Old password ends on
doc-field-server = Server address
doc-field-issued-by = Issued by
doc-letter-service-step-2-expires = This password expires on { $date }. Before then, a level-1 administrator rotates it: you receive a new letter while this password keeps working for a few days.
doc-rotation-step = The previous password keeps working until { $date }: enter this new one in the application before then.
doc-token-title = How to obtain an API token
doc-token-intro = Send the organization code, the login and the password to the token address. The QR code at the top of this page holds the API address (never the password).
doc-token-password-placeholder = the password above
doc-token-answer = The answer holds a token: send it with each request as the header Authorization: Bearer followed by the token. A token lasts an hour; ask for a new one when it expires.

reason-grace_days_range = Between 1 and 30 days.
reason-validity_range = Between 1 and 3,650 days.

# The app: validity, rotation, protected PDFs, the health view.
column-expires = Expires
validity-current-days = API passwords issued from now on work for { $count ->
        [one] one day
       *[other] { $count } days
    }.
validity-current-never = API passwords issued from now on never expire.
validity-change = Change the validity
validity-intro = How long a service or technical user's password works from when it is issued. Passwords already issued keep their date.
validity-never = Never expire (not recommended)
record-expires = The password expires on { $date }.
record-never-expires = The password never expires.
record-previous-until = The old password works until { $date }.
action-end-previous = End the old password now
action-rotate = Rotate
action-rotate-confirm = Rotate the password
rotate-intro = A new password is issued; the current one keeps working during the grace period, so the software can switch without interruption.
protect-pdf = Protect the PDF with a passphrase
protect-passphrase-notice = Shown only here. Give it through another channel than the file (by phone, for example): the PDF opens only with it.
health-open = Health of API credentials
health-intro = Every service and technical user you manage: last use, age of the password, days to expiry and who is reminded.
health-filter = Show
health-filter-all = All
health-filter-never_used = Never used
health-filter-unused_90_days = Unused for 90 days
health-filter-expires_within_30_days = Expires within 30 days
health-filter-expired = Expired
health-column-user-id = Account
health-column-kind = Kind
health-column-age = Age
health-column-expiry = Expiry
health-column-owner = Reminded
health-count = { $count ->
        [one] one account
       *[other] { $count } accounts
    }
health-days = { $count ->
        [one] 1 day
       *[other] { $count } days
    }
health-column-label = Serves
health-column-left = Days left
health-kind-service = Service
health-kind-technical = Technical
health-never-used = Never used
health-never-expires = Never
health-expired = expired
health-export = Export
health-csv-file = api-credentials

credential-already-expired = now (it had expired)
mail-technical-rotated-subject = { $organization }: new password for the technical user of { $structure }
mail-technical-rotated-body =
    Hello { $manager },

    { $actor } rotated the password of the technical user { $login } of the structure { $structure }.
    The old password keeps working until { $until }: the software that uses this account must switch to the new one before then.

    If you did not expect this, contact your level-1 administrator.

credential-responsible-default-choice = Every level-1 user
responsible-help = Reminded by email 30 and 7 days before the password expires.
health-sort-by = Sort by:
label-value = { $label }: { $value }
