# Textes écrits par le serveur : courriels (dans la langue du destinataire) et page d’invitation.

-product = Sesame

mail-hello = Bonjour,
mail-hello-name = Bonjour { $name },
mail-invitation-subject = { $organization } : confirmez votre accès à { -product }
mail-invitation-body =
    { $greeting }

    { $inviter } vous invite à gérer les comptes de { $organization } (code d’organisation { $code }) avec { -product }.

    Pour accepter, ouvrez ce lien, confirmez et choisissez votre mot de passe :
    { $link }

    Le lien ne sert qu’une fois et expire le { $expires }.
    Si vous n’attendiez pas ce message, ignorez-le : rien ne se fait sans votre confirmation.

mail-technical-created-subject = { $organization } : utilisateur technique créé pour { $structure }
mail-technical-created-body =
    Bonjour { $manager },

    Un utilisateur technique a été créé pour la structure { $structure }, dont vous êtes le gestionnaire principal.

    Identifiant : { $login }
    Code d’organisation : { $code }

    Il agit avec vos droits, sur les structures que vous gérez. Son mot de passe a été affiché une seule fois à { $actor }, qui l’a créé ; il n’est jamais envoyé par courriel.
    Si vous n’êtes pas à l’origine de cette demande, contactez votre administrateur de niveau 1.

mail-technical-reset-subject = { $organization } : mot de passe réinitialisé pour l’utilisateur technique de { $structure }
mail-technical-reset-body =
    Bonjour { $manager },

    Le mot de passe de l’utilisateur technique { $login } de la structure { $structure } a été réinitialisé par { $actor }.
    L’ancien mot de passe ne fonctionne plus : le logiciel qui utilise ce compte a besoin du nouveau.

    Si vous n’êtes pas à l’origine de cette demande, contactez votre administrateur de niveau 1.

page-title = Confirmez votre accès — { -product }
page-switch-language = English
page-heading = Bienvenue chez { $organization }
page-intro = Une invitation à gérer des comptes avec { -product } a été envoyée à { $email }. Choisissez votre mot de passe pour confirmer.
page-user-id = Votre identifiant : { $user_id }
page-password = Nouveau mot de passe
page-password-repeat = Confirmer le nouveau mot de passe
page-password-rule = Au moins 12 caractères.
page-confirm = Confirmer et activer mon compte
page-done-heading = Votre compte est actif
page-done-text = Vous pouvez maintenant vous connecter à { -product } avec le code d’organisation { $code } et l’identifiant { $user_id }.
page-invalid-heading = Ce lien ne fonctionne plus
page-invalid-text = Il a déjà servi, il a expiré ou il a été retiré. Demandez à votre administrateur de vous envoyer une nouvelle invitation.
page-error-mismatch = Les deux mots de passe diffèrent.
page-error-weak = Le mot de passe est trop court : au moins 12 caractères.

# Échecs de connexion répétés sur un compte : son ou sa titulaire est prévenu·e une fois, le journal d’audit le garde.
mail-under-attack-subject = { $organization } : échecs de connexion répétés sur { $login }
mail-under-attack-body =
    Bonjour { $name },

    { $whose ->
        [person] Quelqu’un a tenté de se connecter à votre compte { $login }
       *[other] Quelqu’un a tenté d’obtenir des jetons d’API pour l’{ $kind } { $login } ({ $label })
    } avec un mauvais mot de passe, { $failures } fois, la dernière depuis l’adresse { $source }.

    Jusqu’au { $until }, ce compte ne peut être utilisé que depuis les adresses d’où il s’est récemment connecté ; toute autre adresse est refusée. { $whose ->
        [person] Vous pouvez toujours vous connecter depuis les ordinateurs que vous utilisez d’habitude.
       *[other] Le logiciel qui utilise ce compte continue de fonctionner depuis l’endroit d’où il se connecte d’habitude.
    }

    Si ces tentatives ne sont pas attendues, prévenez un administrateur ou une administratrice de niveau 1 de votre organisation : chaque tentative est inscrite au journal d’audit. Si le mot de passe a pu être découvert, changez-le.

    Ce message n’est envoyé qu’une fois pour cette série de tentatives.

    Code d’organisation : { $code }
audit-action-sign_in_attacked = Échecs de connexion répétés
audit-action-provisioning_token_issued = Jeton de provisionnement délivré
audit-action-document_settings_changed = Réglages des documents modifiés
audit-detail-attack = { $failures } échecs, le dernier depuis { $source } ; autres adresses refusées jusqu’au { $until } ; personnes prévenues : { $recipients }
