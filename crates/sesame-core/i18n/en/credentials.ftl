# API credentials: validity, rotation, reminders, health (service and technical users).

credential-never = never
credential-validity-days = { $days ->
        [one] one day
       *[other] { $days } days
    }
credential-validity-never = never expires
credential-responsible-default = every level-1 user
field-responsible-id = Responsible person
field-days = Validity
field-grace-days = Grace period
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
