# Provisionnement SCIM : la marque de l’utilisateur de service, et le détail des erreurs SCIM.
field-provisioning = Provisionnement (SCIM)
scim-not-found = Cette ressource n’existe pas.
scim-invalid-syntax = La requête est illisible : { $reason }
scim-invalid-filter = Le filtre est inutilisable : { $reason }
scim-invalid-path = Le chemin est inutilisable : { $reason }
scim-no-target = Le chemin ne désigne aucune valeur.
scim-not-provisioning = Seul un utilisateur de service marqué pour le provisionnement par une personne de niveau 1 active peut utiliser SCIM.
provisioning-help = Ses jetons d’API peuvent alors créer, modifier, suspendre et supprimer des personnes par SCIM (/scim/v2), avec les droits de la personne de niveau 1 qui a coché cette case.
