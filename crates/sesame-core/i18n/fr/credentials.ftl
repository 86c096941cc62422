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
