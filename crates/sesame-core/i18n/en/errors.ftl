# The server's error codes, as people read them. One message per code of api::ErrorCode.

error-unauthenticated = Please sign in.
error-session_expired = Your session has expired. Sign in again; what you typed is kept.
error-invalid_credentials = The organization code, user ID or password is incorrect.
error-account_locked = Too many failed attempts. Try again in { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }.
error-interactive_sign_in_refused = This is a service or technical account: it works only with the API and cannot sign in here.
error-credential_expired = This API password has expired. Ask an administrator of your organization to rotate or reset it.
error-not_an_api_account = Only service and technical users get API tokens; people sign in to the app.
error-provisioning_token_scim_only = A provisioning token is for the SCIM address (/scim/v2) only.
error-not_provisioning = Only an active service user marked for provisioning (SCIM) gets a provisioning token: tick “Provisioning (SCIM)” in its record first.
error-password_change_required = Choose a new password before going on.
error-two_factor_required = Enter the code from your authenticator app.
error-invalid_two_factor_code = This authentication code is not valid.
error-account_suspended = This account is suspended.
error-person_suspended = This person is suspended: no password or letter can be issued for them until they are reactivated.
error-forbidden = You are not allowed to do this.
error-not_found = This record no longer exists or is not visible to you.
error-stale_version = Someone else saved this record in the meantime. It was reloaded; nothing was overwritten.
error-duplicate_user_id = This user ID is already taken in your organization.
error-duplicate = This entry already exists.
error-last_level_one = This is the last active level-1 user: the organization would have no one left to manage it.
error-not_on_self = You cannot do this to your own account; ask another administrator.
error-own_level = You cannot change your own level.
error-level_not_grantable = You cannot give a level above your own.
error-approval_unavailable = “Level 2 with approval” exists only for public-service employers.
error-people_only = This action is for administrators signed in to the app, not for API accounts.
error-invalid_field = This value is not valid.
error-unknown_field = The request contained a field the server does not know.
error-invalid_json = The request could not be read.
error-body_too_large = The request is too large.
error-wrong_password = The current password is incorrect.
error-weak_password = The password is too weak: at least 12 characters, not the user ID.
error-invitation_invalid = This invitation link no longer works.
error-structure_cycle = A structure cannot be moved under itself or its own sub-structures.
error-no_primary_manager = This structure has no primary manager yet.
error-technical_user_exists = This structure already has a technical user.
error-structure_has_sub_structures = This structure still has sub-structures: remove or move them first.
error-structure_has_technical_user = This structure still has a technical user: it cannot be removed.
error-structure_in_service_user_access = Service users have access to this structure: change their access first.
error-internal = Something went wrong on the server. Try again; if it persists, contact your administrator.
error-unreachable = The server cannot be reached.

reason-required = Required.
reason-too_long = Too long.
reason-invalid_characters = Contains characters that are not allowed.
reason-invalid_email = Not a valid email address.
reason-user_code_length = Between 6 and 10 characters.
reason-user_code_characters = Letters A–Z and digits only, without accents or spaces.
reason-user_id_length = Between 2 and 64 characters.
reason-user_id_characters = Letters, digits and . _ - @ only, without spaces.
reason-unknown_role = Unknown role.
reason-unknown_user = No one has this user ID in your organization.
reason-invalid_value = Not a valid value.
reason-invalid_phone = Not a valid phone number.
reason-invalid_url = Not a web address (https://…) without a query.
reason-loopback_address = This address is this computer’s own: nobody else can reach it.
field-public-api-url = Public API address

# A refused request field as a sentence (the API's `message`): its name for people, then why.
field-message = { $field }: { $reason }
reason-unknown_field = Not a field the server knows.
# Names of request fields that no form of the app labels.
field-name = Name
field-code = Code
field-cursor = Page position
field-limit = Page size
field-q = Search
field-ids = Selection
field-kind = Kind of structure
field-parent-id = Parent structure
field-person-id = Person
field-scope = Access
field-contact-purpose = Contact purpose
field-version = Version
