# Documents PDF : la lettre d’identifiants et les informations de connexion de l’utilisateur technique.

doc-organization-code = Code d’organisation
doc-date = Le { $date }
doc-letter-title = Votre accès à Sesame
doc-letter-service-title = Identifiants d’un utilisateur de services
doc-letter-intro = { $name }, voici les identifiants de votre compte Sesame pour { $organization }.
doc-letter-service-intro = Voici les identifiants de l’utilisateur de services { $code } de { $organization }, pour l’application { $application }.
doc-field-user-id = Identifiant
doc-field-user-code = Code d’utilisateur
doc-field-application = Application
doc-field-password = Mot de passe
doc-letter-steps = Pour vous connecter
doc-letter-step-1 = Ouvrez Sesame et saisissez le code d’organisation, votre identifiant et le mot de passe ci-dessus.
doc-letter-step-2 = Ce mot de passe est temporaire : Sesame vous demande aussitôt d’en choisir un, d’au moins 12 caractères.
doc-letter-service-steps = Que faire de ces identifiants ?
doc-letter-service-step-1 = Transmettez le code d’organisation, le code d’utilisateur et le mot de passe à votre fournisseur, qui les intègre à l’application.
doc-letter-service-step-2 = Ce mot de passe n’expire pas. S’il est perdu, un administrateur de niveau 1 le réinitialise et imprime une nouvelle lettre.
doc-confidential = Confidentiel. Ce document contient un mot de passe : remettez-le uniquement à la personne à qui il est destiné, gardez-le à l’abri des regards et détruisez-le une fois le mot de passe saisi.
doc-footer = Imprimé avec Sesame le { $date }
doc-connection-title = Informations de connexion d’un utilisateur technique
doc-connection-intro = L’utilisateur technique de la structure { $structure } relie un logiciel externe à l’API de Sesame. Il a les droits du gestionnaire principal de la structure.
# Le texte de remplacement du code QR, lu à la place de l’image (PDF balisé).
doc-qr-alt = Code QR de l’adresse de l’API : { $address }
doc-field-structure = Structure
doc-field-login = Identifiant de connexion
doc-field-api-address = Adresse de l’API
doc-api-address-unknown = Communiquée par l’administrateur ou l’administratrice de Sesame (ce serveur n’est pas joignable de l’extérieur)
doc-api-address-placeholder = <adresse de l’API>
doc-field-primary-manager = Gestionnaire principal
doc-field-created = Créé le
doc-connection-note = Ce mot de passe ne sera plus affiché. L’utilisateur technique ne peut pas se connecter à l’application ; il obtient seulement des jetons d’API.
doc-letter-file = lettre-identifiants
doc-letters-file = lettres-identifiants
doc-connection-file = informations-connexion
