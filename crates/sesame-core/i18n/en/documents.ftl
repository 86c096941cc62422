# PDF documents: the credential letter and the technical user's connection information.

doc-organization-code = Organization code
doc-date = { $date }
doc-letter-title = Your access to Sesame
doc-letter-service-title = Credentials of a service user
doc-letter-intro = { $name }, here are the credentials of your Sesame account for { $organization }.
doc-letter-service-intro = Here are the credentials of the service user { $code } of { $organization }, for the application { $application }.
doc-field-user-id = User ID
doc-field-user-code = User code
doc-field-application = Application
doc-field-password = Password
doc-letter-steps = How to sign in
doc-letter-step-1 = Open Sesame and enter the organization code, your user ID and the password above.
doc-letter-step-2 = This password is temporary: Sesame asks you to choose your own, of at least 12 characters, right away.
doc-letter-service-steps = What to do with it
doc-letter-service-step-1 = Give the organization code, the user code and the password to your software vendor, who enters them in the application.
doc-letter-service-step-2 = This password does not expire. If it is lost, a level-1 administrator resets it and prints a new letter.
doc-confidential = Confidential. This document contains a password: hand it only to the person it is meant for, keep it out of sight, and destroy it once the password has been entered.
doc-footer = Printed with Sesame on { $date }
doc-connection-title = Connection information of a technical user
doc-connection-intro = The technical user of the structure { $structure } connects external software to the Sesame API. It has the rights of the structure’s primary manager.
# The alternative text of the QR code, read instead of the picture (tagged PDF).
doc-qr-alt = QR code of the API address: { $address }
doc-field-structure = Structure
doc-field-login = Login
doc-field-api-address = API address
doc-api-address-unknown = Given to you by the administrator of Sesame (this server is not reachable from outside)
doc-api-address-placeholder = <API address>
doc-field-primary-manager = Primary manager
doc-field-created = Created on
doc-connection-note = This password will not be shown again. The technical user cannot sign in to the app; it only gets API tokens.
doc-letter-file = credential-letter
doc-letters-file = credential-letters
doc-connection-file = connection-information
