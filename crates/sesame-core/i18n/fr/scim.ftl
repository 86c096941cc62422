# Provisionnement SCIM : la marque de l’utilisateur de service, et le détail des erreurs SCIM.
field-provisioning = Provisionnement (SCIM)
scim-not-found = Cette ressource n’existe pas.
scim-invalid-syntax = La requête est illisible : { $reason }
scim-invalid-filter = Le filtre est inutilisable : { $reason }
scim-invalid-path = Le chemin est inutilisable : { $reason }
scim-no-target = Le chemin ne désigne aucune valeur.
scim-not-provisioning = Seul un utilisateur de service marqué pour le provisionnement par une personne de niveau 1 active peut utiliser SCIM.
provisioning-help = Ses jetons d’API peuvent alors créer, modifier, suspendre et supprimer des personnes par SCIM (/scim/v2), avec les droits de la personne de niveau 1 qui a coché cette case.

# Pourquoi une requête, un filtre ou un chemin est illisible (la raison dans les phrases ci-dessus).
scim-reason-unterminated = un texte entre guillemets n’est pas fermé
scim-reason-not-a-path = « { $word } » n’est pas un chemin d’attribut
scim-reason-expected = « { $expected } » était attendu, pas « { $found } »
scim-reason-operator-after = un opérateur doit suivre « { $word } »
scim-reason-unknown-operator = « { $word } » n’est pas un opérateur (eq, ne, co, sw, ew, gt, ge, lt, le, pr)
scim-reason-not-a-value = « { $word } » n’est pas une valeur (un texte entre guillemets, un nombre, true, false ou null)
scim-reason-value-after = une valeur doit suivre « { $word } », pas « { $found } »
scim-reason-unexpected = « { $found } » n’était pas attendu ici
scim-reason-path-start = un chemin commence par un attribut
scim-reason-sub-after-dot = un sous-attribut doit suivre le point
scim-reason-after-path = « { $found } » suit le chemin
scim-reason-patch-op = un message PatchOp avec ses Operations était attendu
scim-reason-op-kind = l’op de chaque opération est add, replace ou remove
scim-reason-value-object = sans chemin, la valeur doit être un objet
scim-reason-extension-object = l’extension entreprise doit être un objet
scim-reason-json = le corps n’est pas du JSON valide (ligne { $line }, colonne { $column })
scim-reason-search-request = un objet SearchRequest était attendu
scim-reason-whole-number = { $word } doit être un nombre entier
scim-reason-unsupported = le filtrage sur { $word } n’est pas possible
scim-reason-eq-ne = { $word } ne se compare qu’avec eq ou ne
scim-reason-true-false = active se compare avec true ou false
scim-reason-not-text = { $word } ne se compare pas avec un texte
scim-reason-nested = les filtres entre crochets ne s’imbriquent pas
