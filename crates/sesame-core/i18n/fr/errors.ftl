# Les codes d’erreur du serveur, tels que les gens les lisent. Un message par code d’api::ErrorCode.

error-unauthenticated = Veuillez vous connecter.
error-session_expired = Votre session a expiré. Reconnectez-vous ; ce que vous avez saisi est conservé.
error-invalid_credentials = Le code d’organisation, l’identifiant ou le mot de passe est incorrect.
error-account_locked = Trop de tentatives infructueuses. Réessayez dans { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    }.
error-interactive_sign_in_refused = Ce compte de service ou technique fonctionne uniquement avec l’API : il ne peut pas se connecter ici.
error-credential_expired = Ce mot de passe d’API a expiré. Demandez à un administrateur ou une administratrice de votre organisation d’en faire la rotation ou de le réinitialiser.
error-not_an_api_account = Seuls les utilisateurs de services et techniques obtiennent des jetons d’API ; les personnes se connectent à l’application.
error-provisioning_token_scim_only = Un jeton de provisionnement ne sert qu’à l’adresse SCIM (/scim/v2).
error-not_provisioning = Seul un utilisateur de service actif et marqué pour le provisionnement (SCIM) reçoit un jeton de provisionnement : cochez d’abord « Approvisionnement (SCIM) » dans sa fiche.
error-password_change_required = Choisissez un nouveau mot de passe avant de continuer.
error-two_factor_required = Saisissez le code de votre application d’authentification.
error-invalid_two_factor_code = Ce code d’authentification n’est pas valide.
error-account_suspended = Ce compte est suspendu.
error-person_suspended = Cette personne est suspendue : aucun mot de passe ni aucune lettre ne peut être émis pour elle tant qu’elle n’est pas réactivée.
error-forbidden = Vous n’êtes pas autorisé à faire cela.
error-not_found = Cette fiche n’existe plus ou ne vous est pas visible.
error-stale_version = Quelqu’un d’autre a enregistré cette fiche entre-temps. Elle a été rechargée ; rien n’a été écrasé.
error-duplicate_user_id = Cet identifiant est déjà utilisé dans votre organisation.
error-duplicate = Cette entrée existe déjà.
error-last_level_one = C’est le dernier utilisateur de niveau 1 actif : plus personne ne pourrait gérer l’organisation.
error-not_on_self = Vous ne pouvez pas faire cela sur votre propre compte ; demandez à un autre administrateur.
error-own_level = Vous ne pouvez pas changer votre propre niveau.
error-level_not_grantable = Vous ne pouvez pas attribuer un niveau supérieur au vôtre.
error-approval_unavailable = Le « niveau 2 avec approbation » n’existe que pour les employeurs du secteur public.
error-people_only = Cette action est réservée aux administrateurs connectés à l’application, pas aux comptes d’API.
error-invalid_field = Cette valeur n’est pas valide.
error-unknown_field = La requête contenait un champ inconnu du serveur.
error-invalid_json = La requête est illisible.
error-body_too_large = La requête est trop volumineuse.
error-wrong_password = Le mot de passe actuel est incorrect.
error-weak_password = Le mot de passe est trop faible : au moins 12 caractères, différent de l’identifiant.
error-invitation_invalid = Ce lien d’invitation ne fonctionne plus.
error-structure_cycle = Une structure ne peut pas être déplacée sous elle-même ni sous ses propres sous-structures.
error-no_primary_manager = Cette structure n’a pas encore de gestionnaire principal.
error-technical_user_exists = Cette structure a déjà un utilisateur technique.
error-structure_has_sub_structures = Cette structure a encore des sous-structures : supprimez-les ou déplacez-les d’abord.
error-structure_has_technical_user = Cette structure a encore un utilisateur technique : elle ne peut pas être supprimée.
error-structure_in_service_user_access = Des utilisateurs de services ont accès à cette structure : modifiez d’abord leur accès.
error-internal = Une erreur s’est produite sur le serveur. Réessayez ; si elle persiste, contactez votre administrateur.
error-unreachable = Le serveur est injoignable.

reason-required = Obligatoire.
reason-too_long = Trop long.
reason-invalid_characters = Contient des caractères non autorisés.
reason-invalid_email = Adresse courriel non valide.
reason-user_code_length = Entre 6 et 10 caractères.
reason-user_code_characters = Lettres A à Z et chiffres seulement, sans accents ni espaces.
reason-user_id_length = Entre 2 et 64 caractères.
reason-user_id_characters = Lettres, chiffres et . _ - @ seulement, sans espaces.
reason-unknown_role = Rôle inconnu.
reason-unknown_user = Personne n’a cet identifiant dans votre organisation.
reason-invalid_value = Valeur non valide.
reason-invalid_phone = Numéro de téléphone non valide.
reason-invalid_url = Ce n’est pas une adresse web (https://…) sans paramètres.
reason-loopback_address = Cette adresse est celle de cet ordinateur : personne d’autre ne peut l’atteindre.
field-public-api-url = Adresse publique de l’API

# A refused request field as a sentence (the API's `message`): its name for people, then why.
field-message = { $field } : { $reason }
reason-unknown_field = Champ inconnu du serveur.
# Names of request fields that no form of the app labels.
field-name = Nom
field-code = Code
field-cursor = Position dans la liste
field-limit = Taille de la page
field-q = Recherche
field-ids = Sélection
field-kind = Type de structure
field-parent-id = Structure parente
field-person-id = Personne
field-scope = Accès
field-contact-purpose = Objet du contact
field-version = Version
