# The desktop app.

action-back = Back
action-cancel = Cancel
action-close = Close
action-confirm = Confirm
action-copy = Copy
action-delete = Delete
action-initialize-password = Initialize password
action-link = Link
action-modify = Modify
action-print-letter = Print letter
action-open = Open
printed-saved = Saved: { $path }
printed-in-documents = No save dialog is available on this system: the file was saved as { $path }
print-failed = The file could not be saved: { $reason }
open-failed = No application could open { $file }. The file is saved there: open it from your files.
action-dismiss = Dismiss
action-edit-access = Change the access
action-quit = Quit
action-remove = Remove
action-save = Save
action-unlink = Unlink
action-update = Update
action-update-roles = Update roles

nav-your-file = Your file
nav-identification = Identification
nav-user-follow-up = User follow-up
nav-my-account = My account
nav-sign-out = Sign out

theme-system = System theme
theme-light = Light
theme-dark = Dark
theme-high-contrast-light = High contrast, light
theme-high-contrast-dark = High contrast, dark
field-scale = Interface size
scale-system = As the system
scale-percent = { $percent }%

language-en = English
language-fr = French

level-level_1 = Level 1
level-level_2_approval = Level 2 with approval
level-level_2 = Level 2
level-level_3 = Level 3

status-invited = Invited
status-active = Active
status-suspended = Suspended

two-factor-on = 2FA
two-factor-off = —

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

field-organization-code = Organization code
field-organization-name = Organization name
field-user-id = User ID
field-password = Password
field-totp = Authentication code
field-last-name = Last name
field-first-name = First name
field-email = Email
field-phone = Phone
field-level = Level
field-language = Communication language
field-roles = Roles
field-status = Status
field-also-contact = Also a contact
field-public-service = Public-service employer (enables “level 2 with approval”)
field-current-password = Current password
field-new-password = New password
field-repeat-password = Confirm the new password

start-title = Welcome to Sesame
start-intro = Where are your organization’s accounts kept?
start-this-computer = This computer
start-this-computer-detail = Sesame keeps the accounts on this computer. Nothing to install.
start-shared-server = A server
start-shared-server-detail = Your organization runs a Sesame server shared by several administrators.
start-starting = Starting Sesame on this computer…
start-embedded-failed = Sesame could not start on this computer: { $reason }
start-url = Server address
start-recent-servers = Servers used before
start-connect = Connect
start-connecting = Connecting…
start-unreachable = No Sesame server answers at { $url }. Check the address and your network, then try again.
start-first-use = First use
start-first-use-intro = This computer holds no organization yet.
start-create-organization = Create my organization
start-create-organization-detail = Enter your organization and become its first level-1 administrator.
start-open-demo = Open the demo organization
start-open-demo-detail = A bakery with a few dozen people, structures and service accounts, to try everything safely.
start-first-user = You, its first level-1 user
start-create = Create
start-created = Your organization is ready
start-created-detail = Sign in with the organization code { $code }, the user ID { $user_id } and this temporary password; you will choose your own right after.
start-continue-sign-in = Continue to sign in
setup-error-invalid-fields = Some fields are not valid: see the message under each of them.
setup-error-code-taken = An organization with the code “{ $code }” already exists. Choose another code.
setup-error-password-hash = Sesame could not prepare the temporary password: { $reason }
setup-error-database = The organization could not be saved: { $reason }
# The reason under a refused organization code (the other reasons are in errors.ftl).
reason-organization_code = Between 2 and 20 letters A–Z or digits, without accents or spaces.

sign-in-title = Sign in to Sesame
sign-in-action = Sign in
sign-in-busy = Signing in…
sign-in-change-server = Change server

password-change-title = Choose your password
password-change-intro = You signed in with a temporary password. Choose your own before going on.
password-change-action = Change password
password-rule = At least 12 characters, not your user ID.
password-mismatch = The two new passwords differ.
password-changed = Your password was changed.
password-shown-once = Note it now: it will never be shown again.
temporary-password-created = Temporary password created

home-title = Your file
home-welcome = { $name } — { $organization } (organization code { $code })
home-level = Your level: { $level }
home-user-follow-up-detail = Create and modify user accounts, initialize passwords, update roles.
home-my-account-detail = Your contact details, language and password.

people-title = User follow-up
people-no-match = Nobody matches this search and these filters.
people-options-title = What to do for { $name }?
people-search = Name, user ID or email (Ctrl+F)
people-new = New user
people-loading = Loading… { $formatted } accounts so far
people-count = { $count ->
        [one] { $formatted } account
       *[other] { $formatted } accounts
    }
people-count-filtered = { $shown } of { $total } accounts
people-asking = Searching the server…
people-first-shown = { $count ->
        [one] { $formatted } account so far
       *[other] First { $formatted } accounts
    }
people-found = { $count ->
        [0] No account found
        [one] { $formatted } account found
       *[other] { $formatted } accounts found
    }
people-large-list = Over { $formatted } accounts: the server searches and sorts this list, and shows it as you scroll.
people-roles-updated = { $count ->
        [one] Roles updated.
       *[other] Roles of { $formatted } users updated.
    }
people-removed = { $name } was removed.
filter-all-levels = All levels
filter-all-statuses = All statuses

column-name = Name
column-user-id = User ID
column-phone = Phone
column-level = Level
column-email = Email
column-roles = Roles
column-status = Status
column-two-factor = 2FA
column-options = Options

dialog-initialize-title = New temporary password
dialog-initialize-body = Create a temporary password for { $name }? Their current password stops working, and they will choose a new one at their next sign-in.
dialog-password-for = Temporary password of { $name }:
dialog-roles-title = Roles of { $name }
dialog-discard-title = Discard your changes?
dialog-discard-body = What you changed in this record is not saved yet. If you leave now, it is lost.
dialog-my-account-discard-body = What you typed on this page (contact details or a new password) is not saved yet. If you leave now, it is lost.
action-keep-editing = Keep editing
dialog-suspend-title = Suspend this user?
dialog-suspend-body = Suspend { $name }? Their sessions end at once and they can no longer sign in until they are reactivated. Their account, roles and history are kept.
dialog-reactivate-title = Reactivate this user?
dialog-reactivate-body = Reactivate { $name }? They can sign in again with their password.
people-suspended = { $name } is suspended: their sessions ended and they can no longer sign in.
people-reactivated = { $name } is reactivated and can sign in again.
action-suspend = Suspend
action-reactivate = Reactivate
dialog-remove-title = Remove this user
dialog-remove-body = Remove { $name }? They will no longer be able to sign in. This cannot be undone.
clipboard-copied = Copied to the clipboard.

person-title = User identification record
person-new-title = New user account
person-section-identity = 1. Identity
person-section-link = 2. Link users under this user’s charge
person-section-under-charge = 3. Users under this user’s charge
person-link-search = Find a level-3 user by name or user ID
person-none-under-charge = Nobody is under this user’s charge.
person-created-on = Created on { $date }
person-saved = Saved.
person-created = User created.

my-account-title = My account
my-account-details = Contact details
my-account-this-computer = On this computer
my-account-this-computer-intro = These settings are kept on this computer only, for whoever uses Sesame here.
my-account-password = Password

nav-service-users = Service users
service-users-title = Service users
service-users-search = Search by user code or application
service-users-new = New service user
column-user-code = User code
column-application = Application
column-language = Language
column-scope = Access
column-created = Created
column-last-used = Last used
wizard-identification = Identification
wizard-access = Access
wizard-letter = Letter
wizard-access-intro = Tick the companies and levels of the administrative structure this user may reach; each includes what lies under it.
wizard-letter-intro = The service user { $code } was created for { $application }. Its password is below.
wizard-letter-notice = Read this before you finish: the password is shown only now. Print the letter and hand the organization code, the user code and the password to your software vendor. This password does not expire.
field-type = Type of user
type-service-user = Service user (API only)
field-user-code = User code
field-application = Application
field-create-suspended = Create it suspended (it cannot connect until activated)
scope-all-companies = All companies
scope-whole-structure = Whole structure
# Inside a sentence or a list: "Access: all companies, whole structure".
scope-part-all-companies = all companies
scope-part-whole-structure = whole structure
scope-structures = { $count ->
        [one] { $formatted } structure
       *[other] { $formatted } structures
    }
action-next = Next
action-finish = Finish
action-activate = Activate
action-suspend = Suspend
action-reset-password = Reset password
reset-confirm-body = Create a new password? The current one stops working at once: the software that uses this account needs the new one.
password-reset-done = New password:

nav-structures = Structures
structures-title = Structures
structures-new-company = New company
structures-new-under = Add a structure under this one
structures-rename = Rename
structures-saved = Structure “{ $name }” saved.
structures-removed = Structure “{ $name }” removed.
field-structure-name = Name
dialog-remove-structure-title = Remove this structure?
dialog-remove-structure-body = Remove “{ $name }”? The server refuses while sub-structures, a technical user or service users’ access depend on it, and says which.
structures-tree = Companies and administrative structure
structures-pick = Choose a structure in the tree.
structures-no-manager = No primary manager yet
structures-connected-users = Connected users
structures-no-technical = This structure has no technical user.
structures-technical-hidden = This structure has a technical user, managed by its primary manager.
field-structure-kind = Level
field-contact-email = Contact email (the primary manager’s)
kind-company = Company
kind-establishment = Establishment
kind-division = Division
kind-department = Department
action-create-technical-user = Create a technical user
action-reset-technical-password = Reset password (technical user)
action-export-connection = Export the connection information
action-back-to-structure = Back to the structure page
technical-input-title = Technical user input
technical-input-rights = It will have the rights of the structure’s primary manager, for every structure they manage, and follow any change of manager or of their address. The primary manager gets an email.
technical-unreachable = This server runs on this computer only: the vendor’s software cannot reach it from elsewhere. The connection information will say that you give them the address; set the organization’s public API address in My account once Sesame is reachable.
technical-summary-title = Technical user summary
technical-summary-once = The password will never be shown again outside this screen. Export the connection information now if the software vendor needs it.

people-print-selected = { $count ->
        [0] Print letters
        [one] Print 1 letter
       *[other] Print { $formatted } letters
    }
people-batch-done = { $count ->
        [one] 1 temporary password created; its letter is being saved.
       *[other] { $formatted } temporary passwords created; their letters are being saved, one per page.
    }
dialog-batch-title = Initialize passwords and print letters
dialog-batch-body = { $count ->
        [one] Create a temporary password for the selected account and print its letter? Its current password stops working.
       *[other] Create temporary passwords for the { $formatted } selected accounts and print one letter per account? Their current passwords stop working.
    }

people-export = Export
people-csv-file = user-follow-up
column-last-name = Last name
column-first-name = First name
value-yes = Yes
value-no = No

outbox-title = Mail outbox
outbox-copy-link = Copy the link
outbox-intro = Every mail Sesame wrote, in its recipient’s language. Without a mail server (on “This computer”), invitations wait here: copy their link to the person.
outbox-empty = No mail yet.
outbox-to = To { $recipient }, { $date }
outbox-status-pending = Waiting
outbox-status-sent = Sent
outbox-status-failed = Failed
home-outbox-detail = The mail Sesame wrote: invitations and notices, with their delivery status.

field-paper = Paper for printed documents
paper-a4 = A4
paper-letter = US Letter
field-sheet-format = Exported tables
sheet-format-xlsx = Excel workbook (.xlsx)
sheet-format-csv = CSV (.csv)
people-sheet = Follow-up
audit-sheet = Audit log
health-sheet = API credentials
import-report-sheet = Import report

## Issue 5: invitations, roles, contacts, two-factor authentication, audit log

people-invite = Invite by email
people-filters = Show:
filter-all-roles = All roles
filter-two-factor-any = With or without 2FA
filter-two-factor-with = With 2FA
filter-two-factor-without = Without 2FA
people-roles-selected = { $count ->
        [0] Update roles
        [one] Update roles of 1 user
       *[other] Update roles of { $formatted } users
    }
people-selected-count = { $count ->
        [one] 1 selected user
       *[other] { $formatted } selected users
    }
people-invitation-sent = Invitation sent to { $email }. The person appears as invited until they confirm.
people-invitation-resent = A new invitation link was sent to { $email }; the previous one no longer works.
people-invitation-cancelled = The invitation of { $email } was withdrawn: its link no longer works.
people-link-closed = link closed
people-two-factor-reset = Two-factor authentication of { $name } was reset: they will sign in with their password only, and may enroll again.
action-resend-invitation = Resend invitation
action-cancel-invitation = Cancel invitation
action-reset-two-factor = Reset 2FA
action-send-invitation = Send invitation
action-keep = Keep it
dialog-invite-title = Invite by email
dialog-invite-body = The person receives an email with a link, valid for a limited time, to confirm and choose their password. Their account stays “invited” until then.
invite-also-contact = Also add as a contact
field-purpose = Purpose
field-purpose-choose = Choose…
purpose-invoices = Invoices
purpose-technical = Technical matters
purpose-contractual = Contractual matters
dialog-roles-many = The roles ticked here replace the roles of each selected user.
dialog-cancel-invitation-title = Cancel the invitation?
dialog-cancel-invitation-body = The link sent to { $name } will stop working. The account stays on the list as invited: you can send a new invitation or remove it.
dialog-reset-two-factor-title = Reset two-factor authentication?
dialog-reset-two-factor-body = { $name } will no longer be asked for a code from their authenticator app. Do this when they lost their phone; they can enroll again from My account.

two-factor-title = Two-factor authentication
two-factor-off-explained = Besides your password, ask for a six-digit code from an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, FreeOTP, …) at each sign-in.
two-factor-on-explained = Each sign-in asks for the code of your authenticator app. To turn this off, type a current code.
two-factor-scan = Scan this code with your authenticator app, or type the key by hand; then type the six-digit code the app shows.
two-factor-key = Key
two-factor-code = Code from the app
two-factor-enrolled = Two-factor authentication is on: the next sign-in will ask for a code.
two-factor-disabled = Two-factor authentication is off.
two-factor-qr-failed = The QR code could not be drawn; type the key by hand instead.
action-set-up-two-factor = Set up two-factor authentication
action-confirm-two-factor = Turn on
action-turn-off-two-factor = Turn off
action-copy-key = Copy the key

home-contacts-detail = Who to reach for invoices, technical and contractual matters.
home-roles-detail = The roles users hold, in both languages.
home-audit-detail = Who did what, when, and to whom.

roles-title = Roles
roles-intro = The organization’s roles. Users hold any number of them; each has a name in English and in French.
roles-add = Add a role
roles-add-title = New role
roles-edit-title = Change the role
roles-no-description = No description.
roles-saved = Role “{ $name }” saved.
roles-code-taken = A role already has this code.
field-role-code = Code (letters, digits, - and _; cannot be changed later)
field-name-en = Name in English
field-name-fr = Name in French
field-description-en = Description in English
field-description-fr = Description in French

contacts-title = Contacts
contacts-intro = The people the organization is reached through. A contact may also be a user.
contacts-add = Add a contact
contacts-add-title = New contact
contacts-edit-title = Change the contact
contacts-empty = No contacts yet.
contacts-no-purpose = Purpose to choose
contacts-is-user = Also a user: open the record
contacts-user-note = This contact is also a user: changing the names or email here does not change the user account.
contacts-saved = Contact { $name } saved.
contacts-removed = Contact { $name } removed.
dialog-remove-contact-title = Remove the contact?
dialog-remove-contact-body = { $name } will no longer be listed as a contact.
dialog-remove-contact-user-body = { $name } will no longer be listed as a contact. Their user account stays as it is.

audit-title = Audit log
audit-intro = Every change, with who made it, when and to whom. Newest first.
audit-who = Who (user ID)
audit-whom = On whom
audit-from = From
audit-to = To
audit-date-placeholder = YYYY-MM-DD
audit-filter-action = Action
audit-date-format = Type a date as 2026-11-23.
audit-all-actions = All actions
audit-search = Search
audit-column-when = When
audit-column-who = Who
audit-column-what = Action
audit-column-whom = On whom
audit-column-detail = Detail
audit-loading = Loading…
audit-empty = Nothing matches these filters.
audit-count = { $count ->
        [one] 1 entry shown
       *[other] { $formatted } entries shown
    }
audit-more = Show more
audit-export = Export
audit-exporting = Exporting…
audit-csv-file = audit-log
audit-action-organization_created = Organization created
audit-action-person_created = User created
audit-action-person_updated = User changed
audit-action-person_deleted = User removed
audit-action-person_suspended = User suspended
audit-action-person_reactivated = User reactivated
audit-action-password_initialized = Password initialized
audit-action-roles_updated = Roles updated
audit-action-placed_under_charge = Placed under charge
audit-action-removed_from_charge = Removed from charge
audit-action-invitation_sent = Invitation sent
audit-action-invitation_resent = Invitation resent
audit-action-invitation_expired = Invitation withdrawn
audit-action-invitation_confirmed = Invitation accepted
audit-action-own_details_updated = Own details changed
audit-action-own_password_changed = Own password changed
audit-action-two_factor_enrolled = 2FA turned on
audit-action-two_factor_disabled = 2FA turned off
audit-action-two_factor_reset = 2FA reset
audit-action-role_created = Role created
audit-action-role_updated = Role changed
audit-action-contact_created = Contact created
audit-action-contact_updated = Contact changed
audit-action-contact_deleted = Contact removed
audit-action-structure_created = Structure created
audit-action-structure_renamed = Structure renamed
audit-action-structure_moved = Structure moved
audit-action-structure_removed = Structure removed
audit-action-primary_manager_set = Primary manager changed
audit-action-service_user_created = Service user created
audit-action-service_user_updated = Service user changed
audit-action-service_user_password_reset = Service user password reset
audit-action-technical_user_created = Technical user created
audit-action-technical_user_password_reset = Technical user password reset
audit-detail-organization = { $name } (code { $code })
audit-detail-person = { $level }; roles: { $roles }
audit-detail-no-role = none
audit-detail-temporary-password = Temporary password
audit-detail-temporary-passwords = Temporary passwords, several users at once
audit-detail-roles = Roles: { $from } → { $to }
audit-detail-manager = Manager: { $user_id }
audit-detail-change = { $field }: { $from } → { $to }
audit-detail-empty = (none)
audit-detail-role = Role { $role }
audit-detail-moved = { $name }, moved under { $parent }
audit-detail-moved-to-top = { $name }, now a company
audit-detail-structure = Structure { $name }
audit-detail-service-user = Application { $application }; access: { $scope }

## About
nav-about = About Sesame
about-title = About Sesame
about-version = Version { $version }
about-purpose = Manages an organization’s user accounts and API-only service accounts, and hands credentials over as PDF letters.
about-licence = Licence: MIT or Apache 2.0, at your choice.
about-fonts = The PDF letters embed the DejaVu fonts (Bitstream Vera licence, with public-domain changes):

field-theme = Theme

## Reaching a shared server safely
trust-plain-title = Connect without encryption?
trust-plain-body = { $url } is reached over plain HTTP. Your password, your session and the passwords you hand out would cross the network in clear, where anyone on it could read them. Ask your administrator for the server’s https:// address.
trust-plain-accept = Connect in clear
trust-certificate-title = Check the server’s certificate
trust-certificate-body = No authority this computer trusts vouches for the certificate of { $url }. Your administrator can give you its fingerprint (the command sesame-server fingerprint prints it).
trust-fingerprint = Fingerprint (SHA-256)
trust-certificate-compare = Compare every pair of characters. Trust the server only if they all match: otherwise someone may stand between you and the server.
trust-certificate-accept = They match: trust this server
trust-changed-title = The server’s certificate changed
trust-changed-body = { $url } shows a certificate other than the one you accepted before. Sesame does not connect: this is what someone standing between you and the server would show. If your administrator replaced the certificate, ask them for its new fingerprint and compare it.
trust-changed-kept = Fingerprint accepted before
trust-changed-shown = Fingerprint shown now
trust-changed-compare = Compare the new fingerprint

# Backups of "This computer" (My account).
backup-heading = Backups of this computer
backup-last = Latest automatic backup: { $date }.
backup-none-yet = No automatic backup yet: the first is taken within the hour.
backup-automatic = Sesame backs up this computer’s data every day and before each upgrade, keeping 7 daily and 4 weekly backups in { $folder }.
backup-now = Back up now…
backup-move = Move to a shared server…
backup-file = Backup file to restore
backup-restore = Restore…
backup-written = Backup written to { $file }.
backup-failed = The backup could not be completed: { $reason }
backup-restored = The data of the backup of { $date } was restored. Sign in again.
backup-restore-title = Replace this computer’s data?
backup-holds = This backup was taken on { $date }. It holds { $organizations }: { $people } people, { $service } service users and { $structures } structures.
backup-replace-warning = Everything this computer holds now will be replaced by it. A backup of the current data is written first into { $folder }, so this can be undone.
backup-replace = Replace my data
backup-not-a-backup = This file is not a Sesame backup.
backup-truncated = This backup is incomplete: it was cut short while it was written or copied. Choose another one.
backup-damaged = This backup is damaged: its content no longer matches its checksum. Choose another one.
backup-newer = This backup was made by a newer version of Sesame. Update Sesame, then restore it.
backup-move-title = Move to a shared server
backup-move-written = The organization’s data was written to { $file }.
backup-move-steps = Give this file to the administrator of the shared server. On that server, they restore it into an empty PostgreSQL database:
backup-move-serve = then start the server on that database (with HTTPS, as its guide explains):
backup-move-then = Then, in Sesame, choose "A server" and enter its address. Everyone signs in with the same organization code, user ID and password as before.
