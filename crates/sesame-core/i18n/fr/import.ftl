# Importer des personnes depuis un tableur (« Importer un fichier » du suivi des utilisateurs).

people-import = Importer un fichier
import-title = Importer des personnes depuis un fichier
import-intro = Une ligne par personne. Sesame fait d’abord vérifier chaque ligne par le serveur, sans rien modifier ; vous appliquez ensuite les lignes valides en une seule fois, ou rien du tout.
import-may-create = Niveaux que vous pouvez créer : { $levels }.
import-path-placeholder = Chemin du fichier CSV (ou choisissez-le)
import-browse = Choisir un fichier…
import-read = Lire et vérifier
import-template = Télécharger le modèle
import-template-file = modele-import-personnes
import-report-file = rapport-import
import-progress-reading = Lecture du fichier…
import-progress-checking = Le serveur vérifie { $rows } lignes…
import-progress-applying = Le serveur applique { $rows } lignes…
import-progress-letters = Mots de passe et lettres : { $done } sur { $total }
import-report-dry-run = Vérification de « { $file } » : rien n’a encore changé
import-report-applied = Import de « { $file } » : terminé
import-totals-dry-run = À créer : { $create } · à mettre à jour : { $update } · inchangées : { $unchanged } · refusées : { $refused }
import-totals-applied = Créées : { $create } · mises à jour : { $update } · inchangées : { $unchanged } · refusées : { $refused }
import-only-refused = Lignes refusées seulement
import-column-line = Ligne
import-column-outcome = Résultat
import-column-detail = Changements ou motifs
import-outcome-will-create = Sera créée
import-outcome-will-update = Sera mise à jour
import-outcome-created = Créée
import-outcome-updated = Mise à jour
import-outcome-unchanged = Inchangée
import-outcome-refused = Refusée
import-delivery = Les nouvelles personnes reçoivent leur accès par :
import-delivery-invitation = Une invitation par courriel
import-delivery-letter = Une lettre d’identifiants (un seul PDF)
import-apply = Appliquer l’import
import-export-report = Exporter le rapport
import-back = Retour au suivi des utilisateurs
import-applied = Import appliqué. Créées : { $created } ; mises à jour : { $updated }.
import-letters-done = { $count ->
        [one] Une lettre se trouve dans le PDF.
       *[other] { $formatted } lettres se trouvent dans un seul PDF.
    }
import-letters-partial = Lettres dans le PDF : { $made }. Nouvelles personnes encore sans mot de passe : { $missing } ; initialisez-les depuis le suivi des utilisateurs.
dialog-import-title = Appliquer l’import ?
dialog-import-body-invitation = À créer : { $create } ; à mettre à jour : { $update }. Tout est enregistré en une fois, ou rien. Les lignes refusées ({ $refused }) sont laissées de côté. Chaque nouvelle personne reçoit une invitation par courriel.
dialog-import-body-letter = À créer : { $create } ; à mettre à jour : { $update }. Tout est enregistré en une fois, ou rien. Les lignes refusées ({ $refused }) sont laissées de côté. Les mots de passe des nouvelles personnes sont ensuite initialisés et leurs lettres enregistrées dans un seul PDF, chacune dans la langue de sa ou son destinataire.
dialog-import-discard-title = Quitter sans importer ?
dialog-import-discard-body = Les lignes de « { $file } » n’ont pas été importées. Quitter l’import malgré tout ?
import-file-io = Impossible d’ouvrir ce fichier : { $reason }
import-file-no-rows = Ce fichier nomme ses colonnes mais ne contient personne.
import-file-empty = Ce fichier est vide : sa première ligne doit nommer les colonnes.
import-file-unreadable = La ligne { $line } n’est pas du CSV lisible : un guillemet est peut-être resté ouvert.
import-file-too-many = Ce fichier compte plus de { $max } personnes : répartissez-les dans plusieurs fichiers.
import-file-unknown-columns = Colonnes inconnues : { $columns }.
import-file-missing-columns = Colonnes manquantes : { $columns }.
import-file-repeated-columns = Colonnes nommées deux fois : { $columns }.
import-file-expected-columns = Les colonnes sont : { $columns } (les cinq premières sont obligatoires).

# Le lot de lettres du suivi, refusé pour certaines personnes (tout ou rien : rien n’est imprimé).
people-batch-refused = Aucun mot de passe n’a été changé ni aucune lettre imprimée. Décochez ou réactivez : { $people }
import-read-as = Lu en { $encoding }, champs séparés par des { $separator }.
import-separator-semicolon = points-virgules
import-separator-comma = virgules
import-separator-tab = tabulations
import-read-sheet = Lu dans la feuille « { $sheet } » de ce classeur { $kind }.
import-kind-xlsx = Excel
import-kind-xls = Excel 97–2003
import-kind-ods = OpenDocument
import-file-workbook = Impossible d’ouvrir ce classeur : il est peut-être endommagé ou protégé par un mot de passe. Ouvrez-le dans votre tableur et enregistrez-le de nouveau sans mot de passe. ({ $reason })
import-lossy-note = Un « ? » peut remplacer ici une lettre que l’encodage { $encoding } ne sait pas représenter : vérifiez les noms, ou enregistrez le fichier en « CSV UTF-8 » ou en classeur.
import-lossy-lines = { $count ->
    [one] Une ligne contient un « ? » à la place d’une lettre peut-être perdue : elle est signalée plus bas.
   *[other] { $count } lignes contiennent un « ? » à la place d’une lettre peut-être perdue : elles sont signalées plus bas.
}
