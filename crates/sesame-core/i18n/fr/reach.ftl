# La fiche d’une personne : ce que permet son niveau, et l’aperçu de la portée d’une personne de niveau 1 ou 2.

level-allows-level_1 = Le niveau 1 permet tout : voir tous les comptes de l’organisation, y compris les utilisateurs de niveau 1 ; créer, modifier, suspendre et supprimer les comptes de tous niveaux et initialiser leur mot de passe ; gérer les structures, les utilisateurs de service, les rôles et les contacts, et consulter tout le journal d’audit.
level-allows-level_2_approval = Le niveau 2 avec approbation voit tous les utilisateurs de niveau 2 et les utilisateurs de niveau 3 sous sa responsabilité ; il crée, modifie et supprime les utilisateurs de niveau 2, avec ou sans approbation, et ses propres utilisateurs de niveau 3, et initialise leur mot de passe ; il approuve ou refuse aussi les publications soumises par les niveaux 2 et 3.
level-allows-level_2 = Le niveau 2 voit tous les utilisateurs de niveau 2 et les utilisateurs de niveau 3 sous sa responsabilité ; il crée, modifie et supprime les utilisateurs de niveau 2 sans approbation et ses propres utilisateurs de niveau 3, et initialise leur mot de passe.
level-allows-level_3 = Le niveau 3 n’a pas de liste d’utilisateurs : cette personne gère seulement sa propre fiche (coordonnées, mot de passe, langue et double authentification).
reach-title = Ce que cette personne peut voir et faire
reach-sees = { $count ->
        [one] Ne voit que sa propre fiche.
       *[other] Voit { $formatted } personnes dans sa liste d’utilisateurs, sa propre fiche comprise.
    }
reach-more = Afficher la suite ({ $shown } sur { $total })
reach-by-level = Ce que cette personne peut faire aux autres, par niveau :
reach-level-nothing = { $level } : rien.
reach-level-anyone = { $level } : { $rights }.
reach-level-under-charge = { $level }, seulement ceux sous sa responsabilité : { $rights }.
reach-level-both = { $level } : { $rights } ; à ceux sous sa responsabilité, en plus : { $more }.
reach-right-see = voir
reach-right-modify = modifier
reach-right-delete = supprimer
reach-right-initialize-password = initialiser le mot de passe
reach-right-update-roles = mettre à jour les rôles
reach-right-suspend = suspendre
reach-right-reactivate = réactiver
reach-right-reset-two-factor = réinitialiser la double authentification
reach-right-modify-identity = changer l’identifiant
reach-right-link-under-charge = placer des personnes sous sa responsabilité
reach-right-manage-invitation = renvoyer ou annuler une invitation
reach-right-preview-reach = voir ce que la personne peut voir et faire
reach-grants = Niveaux que cette personne peut attribuer : { $levels }.
reach-grants-none = Cette personne ne peut créer aucun compte.
reach-manager-of = Gestionnaire principal de : { $structures }.
reach-manager-of-none = Gestionnaire principal d’aucune structure.
