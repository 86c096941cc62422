# Identifiants d’API : validité, rotation, rappels, état (utilisateurs de services et techniques).

credential-never = jamais
credential-validity-days = { $days ->
        [one] un jour
       *[other] { $days } jours
    }
credential-validity-never = n’expire jamais
credential-responsible-default = chaque utilisateur ou utilisatrice de niveau 1
field-responsible-id = Personne responsable
field-days = Validité (jours)
field-grace-days = Délai de grâce (jours)
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

reason-grace_days_range = Entre 1 et 30 jours.
reason-validity_range = Entre 1 et 3 650 jours.

# L’application : validité, rotation, PDF protégés, état des identifiants.
column-expires = Expiration
validity-current-days = Les mots de passe d’API émis désormais fonctionnent { $count ->
        [one] un jour
       *[other] { $count } jours
    }.
validity-current-never = Les mots de passe d’API émis désormais n’expirent jamais.
validity-change = Modifier la validité
validity-intro = Durée pendant laquelle le mot de passe d’un utilisateur de services ou technique fonctionne après son émission. Les mots de passe déjà émis gardent leur date.
validity-never = N’expirent jamais (déconseillé)
record-expires = Le mot de passe expire le { $date }.
record-never-expires = Le mot de passe n’expire jamais.
record-previous-until = L’ancien mot de passe fonctionne jusqu’au { $date }.
action-end-previous = Révoquer l’ancien mot de passe maintenant
action-rotate = Rotation
action-rotate-confirm = Faire la rotation du mot de passe
rotate-intro = Un nouveau mot de passe est émis ; l’actuel continue de fonctionner pendant le délai de grâce, pour que le logiciel change sans interruption.
protect-pdf = Protéger le PDF par une phrase secrète
protect-passphrase-notice = Affichée ici seulement. Transmettez-la par un autre canal que le fichier (par téléphone, par exemple) : le PDF ne s’ouvre qu’avec elle.
health-open = État des identifiants d’API
health-intro = Chaque utilisateur de services et technique que vous gérez : dernière utilisation, âge du mot de passe, jours avant l’expiration et personnes averties.
health-filter = Afficher
health-filter-all = Tous
health-filter-never_used = Jamais utilisés
health-filter-unused_90_days = Inutilisés depuis 90 jours
health-filter-expires_within_30_days = Expirent dans les 30 jours
health-filter-expired = Expirés
health-column-user-id = Compte
health-column-kind = Type
health-column-age = Âge
health-column-expiry = Expiration
health-column-owner = Personnes averties
health-count = { $count ->
        [one] { $count } compte
       *[other] { $count } comptes
    }
health-days = { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    }
health-column-label = Pour
health-column-left = Jours restants
health-kind-service = Services
health-kind-technical = Technique
health-never-used = Jamais utilisé
health-never-expires = Jamais
health-expired = expiré
health-export = Exporter
health-csv-file = identifiants-api

credential-already-expired = maintenant (il avait expiré)
mail-technical-rotated-subject = { $organization } : nouveau mot de passe pour l’utilisateur technique de { $structure }
mail-technical-rotated-body =
    Bonjour { $manager },

    { $actor } a fait la rotation du mot de passe de l’utilisateur technique { $login } de la structure { $structure }.
    L’ancien mot de passe fonctionne jusqu’au { $until } : le logiciel qui utilise ce compte doit passer au nouveau d’ici là.

    Si vous n’êtes pas à l’origine de cette demande, contactez votre administrateur ou administratrice de niveau 1.

credential-responsible-default-choice = Chaque utilisateur ou utilisatrice de niveau 1
responsible-help = Avertie par courriel 30 et 7 jours avant l’expiration du mot de passe.
health-sort-by = Trier par :
label-value = { $label } : { $value }
