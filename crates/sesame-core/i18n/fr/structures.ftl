# L’écran des structures : gestionnaire principal, déplacement, utilisateurs connectés.

structures-set-manager = Désigner le gestionnaire principal
structures-change-manager = Changer de gestionnaire principal
structures-manager-hint = Une personne de niveau 1 ou 2, non suspendue, répond de cette structure. Son utilisateur technique agit avec les droits de cette personne et utilise son adresse courriel.
structures-loading-people = Chargement des personnes de niveau 1 et 2…
structures-manager-saved = Gestionnaire principal de « { $name } » enregistré.
structures-move = Déplacer
structures-parent = Placer sous
structures-top = Haut de l’arborescence (une compagnie)
structures-move-hint = La structure se déplace avec tout ce qui se trouve dessous. Une compagnie placée sous une autre devient un établissement ; une structure placée en haut devient une compagnie.
structures-moved = Structure « { $name } » déplacée.
connected-via-manager = Gestionnaire principal de cette structure
connected-via-manager-above = Gestionnaire principal de { $structure }, au-dessus
connected-via-level-one = Utilisateur de niveau 1 : gère toutes les structures
connected-via-technical = Utilisateur technique, pour la ou le gestionnaire principal de { $structure }
connected-via-technical-here = Utilisateur technique de cette structure
connected-via-service = Utilisateur de service ayant accès à { $structure }
connected-via-service-all = Utilisateur de service ayant accès à toutes les compagnies ou à toute la structure
connected-none = Personne n’atteint encore cette structure.
connected-intro = Qui atteint cette structure, et comment :
structures-held-by = Cette structure ne peut pas être retirée tant que quelque chose en dépend.
structures-held-sub = Sous-structures à retirer ou à déplacer d’abord : { $names }.
structures-held-technical = Son utilisateur technique : { $name }.
structures-held-service = Utilisateurs de service dont l’accès la nomme : { $names } (modifiez d’abord leur accès).
structures-held-hint = Elle ne peut pas être retirée tant que des sous-structures, son utilisateur technique ou l’accès d’utilisateurs de service en dépendent.
