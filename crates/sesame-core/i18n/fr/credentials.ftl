# Identifiants d’API : validité, rotation, rappels, état (utilisateurs de services et techniques).

credential-never = jamais
credential-validity-days = { $days ->
        [one] un jour
       *[other] { $days } jours
    }
credential-validity-never = n’expire jamais
credential-responsible-default = chaque utilisateur ou utilisatrice de niveau 1
field-responsible-id = Personne responsable
field-days = Validité
field-grace-days = Délai de grâce
field-filter = Filtre

audit-action-service_user_password_rotated = Rotation du mot de passe d’un utilisateur de services
audit-action-technical_user_password_rotated = Rotation du mot de passe d’un utilisateur technique
audit-action-previous_password_ended = Ancien mot de passe révoqué
audit-action-credential_validity_changed = Validité des identifiants d’API modifiée
audit-action-credential_reminder_sent = Rappel d’expiration envoyé
audit-detail-rotation = l’ancien mot de passe fonctionne jusqu’au { $until } ({ $days ->
        [one] un jour
       *[other] { $days } jours
    }) ; le nouveau expire le { $expires }
audit-detail-validity = { $from } → { $to }
audit-detail-reminder = { $days } jours avant l’expiration du { $expires }, à { $recipients }

mail-credential-reminder-subject = { $organization } : le mot de passe d’API de { $login } expire le { $expires }
mail-credential-reminder-body =
    Bonjour { $name },

    Le mot de passe de l’{ $kind } { $login } ({ $label }) expire le { $expires }, dans { $days ->
        [one] un jour
       *[other] { $days } jours
    }. Passé cette date, le logiciel qui utilise ce compte ne pourra plus obtenir de jetons d’API.

    Pour changer sans interruption, ouvrez ce compte dans Sesame et choisissez Rotation : un nouveau mot de passe est émis et l’actuel continue de fonctionner pendant le délai de grâce que vous choisissez (7 jours par défaut). Transmettez le nouveau mot de passe à qui exploite le logiciel, puis révoquez l’ancien.

    Code d’organisation : { $code }
credential-kind-service_user = utilisateur de services
credential-kind-technical_user = utilisateur technique

# Documents : la vie du mot de passe, le serveur partagé, qui l’a émis, comment obtenir un jeton.
doc-letters-title = { $count } lettres d’identifiants
doc-field-expires = Expire le
doc-field-previous-until = Fin de l’ancien
doc-field-server = Adresse du serveur
doc-field-issued-by = Émis par
doc-letter-service-step-2-expires = Ce mot de passe expire le { $date }. D’ici là, un administrateur ou une administratrice de niveau 1 en fait la rotation : vous recevez une nouvelle lettre et ce mot de passe continue de fonctionner quelques jours.
doc-rotation-step = L’ancien mot de passe fonctionne jusqu’au { $date } : saisissez ce nouveau mot de passe dans l’application d’ici là.
doc-token-title = Obtenir un jeton d’API
doc-token-intro = Envoyez le code d’organisation, l’identifiant de connexion et le mot de passe à l’adresse des jetons. Le code QR en haut de cette page contient l’adresse de l’API (jamais le mot de passe).
doc-token-password-placeholder = le mot de passe ci-dessus
doc-token-answer = La réponse contient un jeton : envoyez-le avec chaque requête dans l’en-tête Authorization: Bearer suivi du jeton. Un jeton dure une heure ; demandez-en un nouveau quand il expire.
