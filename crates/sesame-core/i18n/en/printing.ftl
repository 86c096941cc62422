# The print dialog: a printer of this computer, or a PDF file.
print-title = Print
print-destination = Printer
print-save-pdf = Save as PDF…
print-default-printer = { $name } (default)
print-looking = Looking for printers…
print-no-printers = No printer is set up on this computer: the document can be saved as a PDF.
print-service-unreachable = The printing service of this computer did not answer ({ $reason }): the document can be saved as a PDF.
print-copies = Copies
print-paper = Paper
print-two-sided = Print on both sides
print-straight = The document goes straight to the printer: no file holding the password is written on this computer.
print-stopped = This printer is stopped: { $reason }
print-stopped-no-reason = This printer is stopped.
print-own-passphrase = Choose my own passphrase
print-passphrase = Passphrase
print-proposed = Passphrase proposed for this file (shown only now):
print-unprotected = Without a passphrase, anyone who gets hold of this file can read the password in it.
print-action = Print
print-action-save = Save…
print-copies-invalid = Enter a number of copies from 1 to 99.
print-passphrase-short = A passphrase needs at least { $count } characters.
print-pages = { $count ->
    [one] One page
   *[other] { $formatted } pages
}
# The state of a job, under the banner.
print-job-sent = Sent to “{ $printer }”: waiting for the printer…
print-job-printing = Printing on “{ $printer }”…
print-job-done = Printed on “{ $printer }”.
print-job-failed = “{ $printer }” did not print the document: { $reason }
print-send-failed = The document could not be sent to “{ $printer }”: { $reason }
# My account, level 1: how the organization hands documents over.
documents-heading = Documents of the organization
documents-protect = Protect saved PDF files with a passphrase by default
documents-address-help = The address vendors’ software uses to reach Sesame, printed on connection information and as its QR code. Leave it empty to use the server’s own address.
documents-saved = The document settings are saved.
