# Texts the server writes: emails (in the recipient's language) and the invitation page.

-product = Sesame

mail-hello = Hello,
mail-hello-name = Hello { $name },
mail-invitation-subject = { $organization }: confirm your access to { -product }
mail-invitation-body =
    { $greeting }

    { $inviter } invited you to manage the accounts of { $organization } (organization code { $code }) with { -product }.

    To accept, open this link, confirm, and choose your password:
    { $link }

    The link works once and expires on { $expires }.
    If you were not expecting this message, ignore it: nothing happens without your confirmation.

mail-technical-created-subject = { $organization }: technical user created for { $structure }
mail-technical-created-body =
    Hello { $manager },

    A technical user was created for the structure { $structure }, of which you are the primary manager.

    Login: { $login }
    Organization code: { $code }

    It acts with your rights, for the structures you manage. Its password was shown once to { $actor }, who created it; it is never sent by email.
    If you did not expect this, contact your level-1 administrator.

mail-technical-reset-subject = { $organization }: technical user password reset for { $structure }
mail-technical-reset-body =
    Hello { $manager },

    The password of the technical user { $login } of the structure { $structure } was reset by { $actor }.
    The old password no longer works: the software that uses this account needs the new one.

    If you did not expect this, contact your level-1 administrator.

page-title = Confirm your access — { -product }
page-switch-language = Français
page-heading = Welcome to { $organization }
page-intro = An invitation to manage accounts with { -product } was sent to { $email }. Choose your password to confirm.
page-user-id = Your user ID: { $user_id }
page-password = New password
page-password-repeat = Confirm the new password
page-password-rule = At least 12 characters.
page-confirm = Confirm and activate my account
page-done-heading = Your account is active
page-done-text = You can now sign in to { -product } with the organization code { $code } and the user ID { $user_id }.
page-invalid-heading = This link no longer works
page-invalid-text = It was already used, it expired, or it was withdrawn. Ask your administrator to send a new invitation.
page-error-mismatch = The two passwords differ.
page-error-weak = The password is too short: at least 12 characters.

# Repeated failed sign-ins on one account: its owner is told once, and the audit log keeps it.
mail-under-attack-subject = { $organization }: repeated failed sign-ins on { $login }
mail-under-attack-body =
    Hello { $name },

    { $whose ->
        [person] Someone tried to sign in to your account { $login }
       *[other] Someone tried to obtain API tokens for the { $kind } { $login } ({ $label })
    } with a wrong password { $failures } times, most recently from the address { $source }.

    Until { $until }, this account can only be used from the addresses it recently signed in from; every other address is refused. { $whose ->
        [person] You can still sign in from the computers you usually use.
       *[other] The software that uses this account keeps working from where it usually connects.
    }

    If these attempts were not expected, tell a level-1 administrator of your organization: every attempt is recorded in the audit log. If the password may be known to someone else, change it.

    This message is sent once for this series of attempts.

    Organization code: { $code }
audit-action-sign_in_attacked = Repeated failed sign-ins
audit-action-provisioning_token_issued = Provisioning token issued
audit-action-document_settings_changed = Document settings changed
audit-detail-attack = { $failures } failures, the last from { $source }; other addresses refused until { $until }; told: { $recipients }
