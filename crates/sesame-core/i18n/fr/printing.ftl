# La boîte d’impression : une imprimante de cet ordinateur, ou un fichier PDF.
print-title = Imprimer
print-destination = Imprimante
print-save-pdf = Enregistrer en PDF…
print-default-printer = { $name } (par défaut)
print-looking = Recherche des imprimantes…
print-no-printers = Aucune imprimante n’est installée sur cet ordinateur : le document peut être enregistré en PDF.
print-service-unreachable = Le service d’impression de cet ordinateur n’a pas répondu ({ $reason }) : le document peut être enregistré en PDF.
print-copies = Exemplaires
print-paper = Papier
print-two-sided = Imprimer en recto verso
print-straight = Le document part directement à l’imprimante : aucun fichier contenant le mot de passe n’est écrit sur cet ordinateur.
print-stopped = Cette imprimante est arrêtée : { $reason }
print-stopped-no-reason = Cette imprimante est arrêtée.
print-own-passphrase = Choisir ma propre phrase secrète
print-passphrase = Phrase secrète
print-proposed = Phrase secrète proposée pour ce fichier (affichée maintenant seulement) :
print-unprotected = Sans phrase secrète, quiconque obtient ce fichier peut y lire le mot de passe.
print-action = Imprimer
print-action-save = Enregistrer…
print-copies-invalid = Indiquez un nombre d’exemplaires de 1 à 99.
print-passphrase-short = Une phrase secrète compte au moins { $count } caractères.
print-pages = { $count ->
    [one] Une page
   *[other] { $formatted } pages
}
# L’état d’une impression, sous le bandeau.
print-job-sent = Envoyé à « { $printer } » : en attente de l’imprimante…
print-job-printing = Impression en cours sur « { $printer } »…
print-job-done = Imprimé sur « { $printer } ».
print-job-failed = « { $printer } » n’a pas imprimé le document : { $reason }
print-send-failed = Le document n’a pas pu être envoyé à « { $printer } » : { $reason }
# Mon compte, niveau 1 : comment l’organisation remet ses documents.
documents-heading = Documents de l’organisation
documents-protect = Protéger par défaut les fichiers PDF enregistrés par une phrase secrète
documents-address-help = L’adresse par laquelle le logiciel des éditeurs atteint Sesame, imprimée sur les informations de connexion et dans leur code QR. Laissez-la vide pour utiliser l’adresse du serveur.
documents-saved = Les réglages des documents sont enregistrés.
