# Ce qu’un lecteur d’écran dit des parties de l’application qui n’affichent pas de mots.
a11y-banner = Navigation
a11y-people-table = Personnes
a11y-select-row = Sélectionner { $name }
a11y-row-options = Options pour { $name }
a11y-theme = Thème
nav-go-to = Aller à…
label-value = { $label } : { $value }
a11y-qr-code = Code QR pour l’application d’authentification
