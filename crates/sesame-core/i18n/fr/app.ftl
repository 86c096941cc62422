# L’application de bureau.

action-back = Retour
action-cancel = Annuler
action-close = Fermer
action-confirm = Confirmer
action-copy = Copier
action-delete = Supprimer
action-initialize-password = Initialiser le mot de passe
action-link = Lier
action-modify = Modifier
action-print-letter = Imprimer la lettre
action-open = Ouvrir
printed-saved = Enregistré : { $path }
printed-in-documents = Aucune boîte de dialogue d’enregistrement n’est disponible sur ce système : le fichier a été enregistré sous { $path }
print-failed = Le fichier n’a pas pu être enregistré : { $reason }
open-failed = Aucune application n’a pu ouvrir { $file }. Le fichier est bien enregistré à cet endroit : ouvrez-le depuis vos fichiers.
action-dismiss = Masquer
action-edit-access = Modifier l’accès
action-quit = Quitter
action-remove = Retirer
action-save = Enregistrer
action-unlink = Délier
action-update = Mettre à jour
action-update-roles = Mettre à jour les rôles

nav-your-file = Votre dossier
nav-identification = Identification
nav-user-follow-up = Suivi des utilisateurs
nav-my-account = Mon compte
nav-sign-out = Se déconnecter

theme-system = Thème du système
theme-light = Clair
theme-dark = Sombre
theme-high-contrast-light = Contraste élevé, clair
theme-high-contrast-dark = Contraste élevé, sombre
field-scale = Taille de l’interface
scale-system = Comme le système
scale-percent = { $percent } %

language-en = anglais
language-fr = français

level-level_1 = Niveau 1
level-level_2_approval = Niveau 2 avec approbation
level-level_2 = Niveau 2
level-level_3 = Niveau 3

status-invited = Invité
status-active = Actif
status-suspended = Suspendu

two-factor-on = 2FA
two-factor-off = —

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

field-organization-code = Code d’organisation
field-organization-name = Nom de l’organisation
field-user-id = Identifiant
field-password = Mot de passe
field-totp = Code d’authentification
field-last-name = Nom
field-first-name = Prénom
field-email = Courriel
field-phone = Téléphone
field-level = Niveau
field-language = Langue de communication
field-roles = Rôles
field-status = Statut
field-also-contact = Aussi personne-ressource
field-public-service = Employeur du secteur public (active le « niveau 2 avec approbation »)
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
field-repeat-password = Confirmer le nouveau mot de passe

start-title = Bienvenue dans Sesame
start-intro = Où sont conservés les comptes de votre organisation ?
start-this-computer = Cet ordinateur
start-this-computer-detail = Sesame conserve les comptes sur cet ordinateur. Rien à installer.
start-shared-server = Un serveur
start-shared-server-detail = Votre organisation utilise un serveur Sesame partagé par plusieurs administrateurs.
start-starting = Démarrage de Sesame sur cet ordinateur…
start-embedded-failed = Sesame n’a pas pu démarrer sur cet ordinateur : { $reason }
start-url = Adresse du serveur
start-recent-servers = Serveurs déjà utilisés
start-connect = Se connecter
start-connecting = Connexion…
start-unreachable = Aucun serveur Sesame ne répond à { $url }. Vérifiez l’adresse et votre réseau, puis réessayez.
start-first-use = Première utilisation
start-first-use-intro = Cet ordinateur ne contient encore aucune organisation.
start-create-organization = Créer mon organisation
start-create-organization-detail = Saisissez votre organisation et devenez son premier administrateur de niveau 1.
start-open-demo = Ouvrir l’organisation de démonstration
start-open-demo-detail = Une boulangerie avec quelques dizaines de personnes, des structures et des comptes de service, pour tout essayer sans risque.
start-first-user = Vous, son premier utilisateur de niveau 1
start-create = Créer
start-created = Votre organisation est prête
start-created-detail = Connectez-vous avec le code d’organisation { $code }, l’identifiant { $user_id } et ce mot de passe temporaire ; vous choisirez le vôtre juste après.
start-continue-sign-in = Continuer vers la connexion
setup-error-invalid-fields = Certains champs ne sont pas valides : voyez le message sous chacun d’eux.
setup-error-code-taken = Une organisation avec le code « { $code } » existe déjà. Choisissez un autre code.
setup-error-password-hash = Sesame n’a pas pu préparer le mot de passe temporaire : { $reason }
setup-error-database = L’organisation n’a pas pu être enregistrée : { $reason }
# La raison affichée sous un code d’organisation refusé (les autres sont dans errors.ftl).
reason-organization_code = Entre 2 et 20 lettres de A à Z ou chiffres, sans accents ni espaces.

sign-in-title = Connexion à Sesame
sign-in-action = Se connecter
sign-in-busy = Connexion…
sign-in-change-server = Changer de serveur

password-change-title = Choisissez votre mot de passe
password-change-intro = Vous vous êtes connecté avec un mot de passe temporaire. Choisissez le vôtre avant de continuer.
password-change-action = Changer le mot de passe
password-rule = Au moins 12 caractères, différent de votre identifiant.
password-mismatch = Les deux nouveaux mots de passe diffèrent.
password-changed = Votre mot de passe a été changé.
password-shown-once = Notez-le maintenant : il ne sera plus jamais affiché.
temporary-password-created = Mot de passe temporaire créé

home-title = Votre dossier
home-welcome = { $name } — { $organization } (code d’organisation { $code })
home-level = Votre niveau : { $level }
home-user-follow-up-detail = Créer et modifier des comptes d’utilisateur, initialiser des mots de passe, mettre à jour les rôles.
home-my-account-detail = Vos coordonnées, votre langue et votre mot de passe.

people-title = Suivi des utilisateurs
people-no-match = Personne ne correspond à cette recherche ni à ces filtres.
people-options-title = Que faire pour { $name } ?
people-search = Nom, identifiant ou courriel (Ctrl+F)
people-new = Nouvel utilisateur
people-loading = Chargement… { $formatted } comptes jusqu’ici
people-count = { $count ->
        [one] { $formatted } compte
       *[other] { $formatted } comptes
    }
people-count-filtered = { $shown } comptes sur { $total }
people-asking = Recherche sur le serveur…
people-first-shown = { $count ->
        [one] { $formatted } compte pour l’instant
       *[other] { $formatted } premiers comptes
    }
people-found = { $count ->
        [0] Aucun compte trouvé
        [one] { $formatted } compte trouvé
       *[other] { $formatted } comptes trouvés
    }
people-large-list = Plus de { $formatted } comptes : le serveur cherche et trie cette liste, et l’affiche au fil du défilement.
people-roles-updated = { $count ->
        [one] Rôles mis à jour.
       *[other] Rôles de { $formatted } utilisateurs mis à jour.
    }
people-removed = { $name } a été retiré.
filter-all-levels = Tous les niveaux
filter-all-statuses = Tous les statuts

column-name = Nom
column-user-id = Identifiant
column-phone = Téléphone
column-level = Niveau
column-email = Courriel
column-roles = Rôles
column-status = Statut
column-two-factor = 2FA
column-options = Options

dialog-initialize-title = Nouveau mot de passe temporaire
dialog-initialize-body = Créer un mot de passe temporaire pour { $name } ? Son mot de passe actuel cessera de fonctionner, et cette personne en choisira un nouveau à sa prochaine connexion.
dialog-password-for = Mot de passe temporaire de { $name } :
dialog-roles-title = Rôles de { $name }
dialog-discard-title = Abandonner vos modifications ?
dialog-discard-body = Vos modifications de cette fiche ne sont pas encore enregistrées. Si vous partez maintenant, elles seront perdues.
dialog-my-account-discard-body = Ce que vous avez saisi sur cette page (coordonnées ou nouveau mot de passe) n’est pas encore enregistré. Si vous partez maintenant, ce sera perdu.
action-keep-editing = Continuer la saisie
dialog-suspend-title = Suspendre cet utilisateur ?
dialog-suspend-body = Suspendre { $name } ? Ses sessions prennent fin immédiatement et la connexion lui est refusée jusqu’à sa réactivation. Son compte, ses rôles et son historique sont conservés.
dialog-reactivate-title = Réactiver cet utilisateur ?
dialog-reactivate-body = Réactiver { $name } ? La connexion avec son mot de passe sera de nouveau possible.
people-suspended = { $name } est suspendu·e : ses sessions ont pris fin et la connexion lui est refusée.
people-reactivated = { $name } est réactivé·e et peut de nouveau se connecter.
action-suspend = Suspendre
action-reactivate = Réactiver
dialog-remove-title = Retirer cet utilisateur
dialog-remove-body = Retirer { $name } ? Cette personne ne pourra plus se connecter. C’est définitif.
clipboard-copied = Copié dans le presse-papiers.

person-title = Fiche d’identification de l’utilisateur
person-new-title = Nouveau compte d’utilisateur
person-section-identity = 1. Identité
person-section-link = 2. Lier des utilisateurs à la charge de cet utilisateur
person-section-under-charge = 3. Utilisateurs à la charge de cet utilisateur
person-link-search = Trouver un utilisateur de niveau 3 par nom ou identifiant
person-none-under-charge = Personne n’est à la charge de cet utilisateur.
person-created-on = Créé le { $date }
person-saved = Enregistré.
person-created = Utilisateur créé.

my-account-title = Mon compte
my-account-details = Coordonnées
my-account-this-computer = Sur cet ordinateur
my-account-this-computer-intro = Ces réglages sont conservés sur cet ordinateur seulement, pour toute personne qui y utilise Sesame.
my-account-password = Mot de passe

nav-service-users = Utilisateurs de services
service-users-title = Utilisateurs de services
service-users-search = Rechercher par code d’utilisateur ou application
service-users-new = Nouvel utilisateur de services
column-user-code = Code d’utilisateur
column-application = Application
column-language = Langue
column-scope = Accès
column-created = Créé le
column-last-used = Dernière utilisation
wizard-identification = Identification
wizard-access = Accès
wizard-letter = Lettre
wizard-access-intro = Cochez les compagnies et les niveaux de la structure administrative auxquels cet utilisateur aura accès ; chacun comprend ce qui se trouve en dessous.
wizard-letter-intro = L’utilisateur de services { $code } a été créé pour { $application }. Son mot de passe est ci-dessous.
wizard-letter-notice = Lisez ceci avant de terminer : le mot de passe n’est affiché que maintenant. Imprimez la lettre et transmettez le code d’organisation, le code d’utilisateur et le mot de passe à votre fournisseur. Ce mot de passe n’expire pas.
field-type = Type d’utilisation
type-service-user = Utilisateur de services (API seulement)
field-user-code = Code d’utilisateur
field-application = Application
field-create-suspended = Le créer suspendu (il ne peut pas se connecter avant d’être activé)
scope-all-companies = Toutes les compagnies
scope-whole-structure = Toute la structure
# Dans une phrase ou une liste : « Accès : toutes les compagnies, toute la structure ».
scope-part-all-companies = toutes les compagnies
scope-part-whole-structure = toute la structure
scope-structures = { $count ->
        [one] { $formatted } structure
       *[other] { $formatted } structures
    }
action-next = Suivant
action-finish = Terminer
action-activate = Activer
action-suspend = Suspendre
action-reset-password = Réinitialiser le mot de passe
reset-confirm-body = Créer un nouveau mot de passe ? L’actuel cesse aussitôt de fonctionner : le logiciel qui utilise ce compte aura besoin du nouveau.
password-reset-done = Nouveau mot de passe :

nav-structures = Structures
structures-title = Structures
structures-new-company = Nouvelle compagnie
structures-new-under = Ajouter une structure sous celle-ci
structures-rename = Renommer
structures-saved = Structure « { $name } » enregistrée.
structures-removed = Structure « { $name } » retirée.
field-structure-name = Nom
dialog-remove-structure-title = Retirer cette structure ?
dialog-remove-structure-body = Retirer « { $name } » ? Le serveur refuse tant que des sous-structures, un utilisateur technique ou l’accès d’utilisateurs de services en dépendent, et il dit lesquels.
structures-tree = Compagnies et structure administrative
structures-pick = Choisissez une structure dans l’arborescence.
structures-no-manager = Pas encore de gestionnaire principal
structures-connected-users = Utilisateurs connectés
structures-no-technical = Cette structure n’a pas d’utilisateur technique.
structures-technical-hidden = Cette structure a un utilisateur technique, géré par son gestionnaire principal.
field-structure-kind = Niveau
field-contact-email = Courriel de contact (celui du gestionnaire principal)
kind-company = Compagnie
kind-establishment = Établissement
kind-division = Division
kind-department = Service
action-create-technical-user = Créer un utilisateur technique
action-reset-technical-password = Réinitialiser le mot de passe (utilisateur technique)
action-export-connection = Exporter les informations de connexion
action-back-to-structure = Retour à la page de la structure
technical-input-title = Saisie de l’utilisateur technique
technical-input-rights = Il aura les droits du gestionnaire principal de la structure, pour toutes les structures qu’il gère, et suivra tout changement de gestionnaire ou d’adresse. Le gestionnaire principal reçoit un courriel.
technical-unreachable = Ce serveur fonctionne sur cet ordinateur seulement : le logiciel de l’éditeur ne peut pas l’atteindre d’ailleurs. Les informations de connexion indiqueront que vous lui communiquerez l’adresse ; indiquez l’adresse publique de l’API de l’organisation dans Mon compte dès que Sesame est joignable.
technical-summary-title = Récapitulatif de l’utilisateur technique
technical-summary-once = Le mot de passe ne sera plus jamais affiché en dehors de cet écran. Exportez maintenant les informations de connexion si le fournisseur en a besoin.

people-print-selected = { $count ->
        [0] Imprimer des lettres
        [one] Imprimer 1 lettre
       *[other] Imprimer { $formatted } lettres
    }
people-batch-done = { $count ->
        [one] 1 mot de passe temporaire créé ; sa lettre est en cours d’enregistrement.
       *[other] { $formatted } mots de passe temporaires créés ; leurs lettres sont en cours d’enregistrement, une par page.
    }
dialog-batch-title = Initialiser des mots de passe et imprimer les lettres
dialog-batch-body = { $count ->
        [one] Créer un mot de passe temporaire pour le compte sélectionné et imprimer sa lettre ? Son mot de passe actuel cessera de fonctionner.
       *[other] Créer des mots de passe temporaires pour les { $formatted } comptes sélectionnés et imprimer une lettre par compte ? Leurs mots de passe actuels cesseront de fonctionner.
    }

people-export = Exporter
people-csv-file = suivi-des-utilisateurs
column-last-name = Nom
column-first-name = Prénom
value-yes = Oui
value-no = Non

outbox-title = Boîte d’envoi
outbox-copy-link = Copier le lien
outbox-intro = Tous les courriels écrits par Sesame, dans la langue de leur destinataire. Sans serveur de courriel (sur « Cet ordinateur »), les invitations attendent ici : copiez leur lien pour la personne.
outbox-empty = Aucun courriel pour l’instant.
outbox-to = À { $recipient }, le { $date }
outbox-status-pending = En attente
outbox-status-sent = Envoyé
outbox-status-failed = Échec
home-outbox-detail = Les courriels écrits par Sesame : invitations et avis, avec leur état d’envoi.

field-paper = Papier des documents imprimés
paper-a4 = A4
paper-letter = Lettre US
field-sheet-format = Tableaux exportés
sheet-format-xlsx = Classeur Excel (.xlsx)
sheet-format-csv = CSV (.csv)
people-sheet = Suivi des utilisateurs
audit-sheet = Journal d’audit
health-sheet = Identifiants d’API
import-report-sheet = Rapport d’import

## Issue 5 : invitations, rôles, contacts, authentification à deux facteurs, journal d’audit

people-invite = Inviter par courriel
people-filters = Afficher :
filter-all-roles = Tous les rôles
filter-two-factor-any = Avec ou sans 2FA
filter-two-factor-with = Avec 2FA
filter-two-factor-without = Sans 2FA
people-roles-selected = { $count ->
        [0] Mettre à jour les rôles
        [one] Mettre à jour les rôles de 1 utilisateur
       *[other] Mettre à jour les rôles de { $formatted } utilisateurs
    }
people-selected-count = { $count ->
        [one] 1 utilisateur sélectionné
       *[other] { $formatted } utilisateurs sélectionnés
    }
people-invitation-sent = Invitation envoyée à { $email }. La personne reste « invitée » jusqu’à sa confirmation.
people-invitation-resent = Un nouveau lien d’invitation a été envoyé à { $email } ; le précédent ne fonctionne plus.
people-invitation-cancelled = L’invitation de { $email } a été retirée : son lien ne fonctionne plus.
people-link-closed = lien fermé
people-two-factor-reset = L’authentification à deux facteurs de { $name } a été réinitialisée : cette personne se connectera avec son seul mot de passe et pourra s’inscrire de nouveau.
action-resend-invitation = Renvoyer l’invitation
action-cancel-invitation = Annuler l’invitation
action-reset-two-factor = Réinitialiser la 2FA
action-send-invitation = Envoyer l’invitation
action-keep = La conserver
dialog-invite-title = Inviter par courriel
dialog-invite-body = La personne reçoit un courriel avec un lien, valable pour une durée limitée, pour confirmer et choisir son mot de passe. Son compte reste « invité » d’ici là.
invite-also-contact = Ajouter aussi comme contact
field-purpose = Objet
field-purpose-choose = Choisir…
purpose-invoices = Factures
purpose-technical = Questions techniques
purpose-contractual = Questions contractuelles
dialog-roles-many = Les rôles cochés ici remplacent les rôles de chaque utilisateur sélectionné.
dialog-cancel-invitation-title = Annuler l’invitation ?
dialog-cancel-invitation-body = Le lien envoyé à { $name } cessera de fonctionner. Le compte reste dans la liste comme invité : vous pourrez envoyer une nouvelle invitation ou le retirer.
dialog-reset-two-factor-title = Réinitialiser l’authentification à deux facteurs ?
dialog-reset-two-factor-body = On ne demandera plus à { $name } le code de son application d’authentification. À faire quand la personne a perdu son téléphone ; elle pourra s’inscrire de nouveau depuis Mon compte.

two-factor-title = Authentification à deux facteurs
two-factor-off-explained = En plus du mot de passe, demander à chaque connexion un code à six chiffres fourni par une application d’authentification sur votre téléphone (Google Authenticator, Microsoft Authenticator, FreeOTP…).
two-factor-on-explained = Chaque connexion demande le code de votre application d’authentification. Pour désactiver cette protection, saisissez un code valide.
two-factor-scan = Balayez ce code avec votre application d’authentification, ou saisissez la clé à la main ; tapez ensuite le code à six chiffres qu’elle affiche.
two-factor-key = Clé
two-factor-code = Code de l’application
two-factor-enrolled = L’authentification à deux facteurs est activée : la prochaine connexion demandera un code.
two-factor-disabled = L’authentification à deux facteurs est désactivée.
two-factor-qr-failed = Le code QR n’a pas pu être dessiné ; saisissez plutôt la clé à la main.
action-set-up-two-factor = Configurer l’authentification à deux facteurs
action-confirm-two-factor = Activer
action-turn-off-two-factor = Désactiver
action-copy-key = Copier la clé

home-contacts-detail = Qui joindre pour les factures, les questions techniques et contractuelles.
home-roles-detail = Les rôles des utilisateurs, dans les deux langues.
home-audit-detail = Qui a fait quoi, quand, et à qui.

roles-title = Rôles
roles-intro = Les rôles de l’organisation. Un utilisateur peut en détenir plusieurs ; chacun porte un nom en français et en anglais.
roles-add = Ajouter un rôle
roles-add-title = Nouveau rôle
roles-edit-title = Modifier le rôle
roles-no-description = Aucune description.
roles-saved = Rôle « { $name } » enregistré.
roles-code-taken = Un rôle porte déjà ce code.
field-role-code = Code (lettres, chiffres, - et _ ; ne pourra plus changer)
field-name-en = Nom en anglais
field-name-fr = Nom en français
field-description-en = Description en anglais
field-description-fr = Description en français

contacts-title = Contacts
contacts-intro = Les personnes par qui l’on joint l’organisation. Un contact peut aussi être un utilisateur.
contacts-add = Ajouter un contact
contacts-add-title = Nouveau contact
contacts-edit-title = Modifier le contact
contacts-empty = Aucun contact pour l’instant.
contacts-no-purpose = Objet à choisir
contacts-is-user = Aussi utilisateur : ouvrir la fiche
contacts-user-note = Ce contact est aussi un utilisateur : changer ici ses noms ou son courriel ne modifie pas son compte.
contacts-saved = Contact { $name } enregistré.
contacts-removed = Contact { $name } retiré.
dialog-remove-contact-title = Retirer le contact ?
dialog-remove-contact-body = { $name } ne figurera plus parmi les contacts.
dialog-remove-contact-user-body = { $name } ne figurera plus parmi les contacts. Son compte d’utilisateur reste tel quel.

audit-title = Journal d’audit
audit-intro = Chaque modification, avec son auteur, sa date et la personne visée. Les plus récentes d’abord.
audit-who = Qui (code d’utilisateur)
audit-whom = Sur qui
audit-from = Du
audit-to = Au
audit-date-placeholder = AAAA-MM-JJ
audit-filter-action = Action
audit-date-format = Saisissez une date comme 2026-11-23.
audit-all-actions = Toutes les actions
audit-search = Rechercher
audit-column-when = Quand
audit-column-who = Qui
audit-column-what = Action
audit-column-whom = Sur qui
audit-column-detail = Détail
audit-loading = Chargement…
audit-empty = Rien ne correspond à ces filtres.
audit-count = { $count ->
        [one] 1 entrée affichée
       *[other] { $formatted } entrées affichées
    }
audit-more = Afficher plus
audit-export = Exporter
audit-exporting = Exportation…
audit-csv-file = journal-audit
audit-action-organization_created = Organisation créée
audit-action-person_created = Utilisateur créé
audit-action-person_updated = Utilisateur modifié
audit-action-person_deleted = Utilisateur retiré
audit-action-person_suspended = Utilisateur suspendu
audit-action-person_reactivated = Utilisateur réactivé
audit-action-password_initialized = Mot de passe initialisé
audit-action-roles_updated = Rôles mis à jour
audit-action-placed_under_charge = Placé sous la charge
audit-action-removed_from_charge = Retiré de la charge
audit-action-invitation_sent = Invitation envoyée
audit-action-invitation_resent = Invitation renvoyée
audit-action-invitation_expired = Invitation retirée
audit-action-invitation_confirmed = Invitation acceptée
audit-action-own_details_updated = Coordonnées personnelles modifiées
audit-action-own_password_changed = Mot de passe personnel changé
audit-action-two_factor_enrolled = 2FA activée
audit-action-two_factor_disabled = 2FA désactivée
audit-action-two_factor_reset = 2FA réinitialisée
audit-action-role_created = Rôle créé
audit-action-role_updated = Rôle modifié
audit-action-contact_created = Contact créé
audit-action-contact_updated = Contact modifié
audit-action-contact_deleted = Contact retiré
audit-action-structure_created = Structure créée
audit-action-structure_renamed = Structure renommée
audit-action-structure_moved = Structure déplacée
audit-action-structure_removed = Structure supprimée
audit-action-primary_manager_set = Gestionnaire principal changé
audit-action-service_user_created = Utilisateur de service créé
audit-action-service_user_updated = Utilisateur de service modifié
audit-action-service_user_password_reset = Mot de passe d’utilisateur de service réinitialisé
audit-action-technical_user_created = Utilisateur technique créé
audit-action-technical_user_password_reset = Mot de passe d’utilisateur technique réinitialisé
audit-detail-organization = { $name } (code { $code })
audit-detail-person = { $level } ; rôles : { $roles }
audit-detail-no-role = aucun
audit-detail-temporary-password = Mot de passe temporaire
audit-detail-temporary-passwords = Mots de passe temporaires, pour plusieurs utilisateurs à la fois
audit-detail-roles = Rôles : { $from } → { $to }
audit-detail-manager = Responsable : { $user_id }
audit-detail-change = { $field } : { $from } → { $to }
audit-detail-empty = (vide)
audit-detail-role = Rôle { $role }
audit-detail-moved = { $name }, déplacée sous { $parent }
audit-detail-moved-to-top = { $name }, devenue une compagnie
audit-detail-structure = Structure { $name }
audit-detail-service-user = Application { $application } ; accès : { $scope }

## À propos
nav-about = À propos de Sesame
about-title = À propos de Sesame
about-version = Version { $version }
about-purpose = Gère les comptes d’utilisateurs d’une organisation et ses comptes de service réservés à l’API, et remet les identifiants sous forme de lettres PDF.
about-licence = Licence : MIT ou Apache 2.0, au choix.
about-fonts = Les lettres PDF intègrent les polices DejaVu (licence Bitstream Vera, modifications versées au domaine public) :

field-theme = Thème

## Joindre un serveur partagé en sécurité
trust-plain-title = Se connecter sans chiffrement ?
trust-plain-body = { $url } est joint en HTTP simple. Votre mot de passe, votre session et les mots de passe que vous remettez traverseraient le réseau en clair : quiconque s’y trouve pourrait les lire. Demandez à votre administrateur ou administratrice l’adresse https:// du serveur.
trust-plain-accept = Se connecter en clair
trust-certificate-title = Vérifiez le certificat du serveur
trust-certificate-body = Aucune autorité reconnue par cet ordinateur ne garantit le certificat de { $url }. Votre administrateur ou administratrice peut vous en donner l’empreinte (la commande sesame-server fingerprint l’affiche).
trust-fingerprint = Empreinte (SHA-256)
trust-certificate-compare = Comparez chaque paire de caractères. Ne faites confiance au serveur que si toutes correspondent : sinon, quelqu’un pourrait s’interposer entre vous et le serveur.
trust-certificate-accept = Elles correspondent : faire confiance à ce serveur
trust-changed-title = Le certificat du serveur a changé
trust-changed-body = { $url } présente un autre certificat que celui que vous aviez accepté. Sesame ne s’y connecte pas : c’est ce que montrerait quelqu’un qui s’interposerait entre vous et le serveur. Si votre administrateur ou administratrice a remplacé le certificat, demandez-lui sa nouvelle empreinte et comparez-la.
trust-changed-kept = Empreinte acceptée auparavant
trust-changed-shown = Empreinte présentée maintenant
trust-changed-compare = Comparer la nouvelle empreinte

# Sauvegardes de « Cet ordinateur » (Mon compte).
backup-heading = Sauvegardes de cet ordinateur
backup-last = Dernière sauvegarde automatique : { $date }.
backup-none-yet = Pas encore de sauvegarde automatique : la première est faite dans l’heure.
backup-automatic = Sesame sauvegarde les données de cet ordinateur chaque jour et avant chaque mise à jour, et garde 7 sauvegardes quotidiennes et 4 hebdomadaires dans { $folder }.
backup-now = Sauvegarder maintenant…
backup-move = Passer à un serveur partagé…
backup-file = Fichier de sauvegarde à restaurer
backup-restore = Restaurer…
backup-written = Sauvegarde enregistrée dans { $file }.
backup-failed = La sauvegarde n’a pas pu aboutir : { $reason }
backup-restored = Les données de la sauvegarde du { $date } ont été restaurées. Reconnectez-vous.
backup-restore-title = Remplacer les données de cet ordinateur ?
backup-holds = Cette sauvegarde date du { $date }. Elle contient { $organizations } : { $people } personnes, { $service } utilisateurs de services et { $structures } structures.
backup-replace-warning = Tout ce que contient cet ordinateur sera remplacé par son contenu. Une sauvegarde des données actuelles est d’abord enregistrée dans { $folder } : vous pourrez revenir en arrière.
backup-replace = Remplacer mes données
backup-not-a-backup = Ce fichier n’est pas une sauvegarde Sesame.
backup-truncated = Cette sauvegarde est incomplète : elle a été interrompue pendant son écriture ou sa copie. Choisissez-en une autre.
backup-damaged = Cette sauvegarde est endommagée : son contenu ne correspond plus à sa somme de contrôle. Choisissez-en une autre.
backup-newer = Cette sauvegarde a été faite par une version plus récente de Sesame. Mettez Sesame à jour, puis restaurez-la.
backup-move-title = Passer à un serveur partagé
backup-move-written = Les données de l’organisation ont été enregistrées dans { $file }.
backup-move-steps = Remettez ce fichier à l’administrateur ou à l’administratrice du serveur partagé. Sur ce serveur, il ou elle le restaure dans une base PostgreSQL vide :
backup-move-serve = puis démarre le serveur sur cette base (en HTTPS, comme l’explique son guide) :
backup-move-then = Ensuite, dans Sesame, choisissez « Un serveur » et saisissez son adresse. Chaque personne se connecte avec le même code d’organisation, le même identifiant et le même mot de passe qu’avant.
