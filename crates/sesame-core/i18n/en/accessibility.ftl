# What a screen reader says of the app's parts that show no words of their own.
a11y-banner = Navigation
a11y-people-table = People
a11y-select-row = Select { $name }
a11y-row-options = Options for { $name }
a11y-theme = Theme
nav-go-to = Go to…
label-value = { $label }: { $value }
a11y-qr-code = QR code for the authenticator app
