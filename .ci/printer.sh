#!/usr/bin/env bash
# A real printer for the printing tests: CUPS with Debian's PDF printer, which writes each job
# it prints as a PDF into one folder (outside every home and temporary folder, so the test's
# search for stray copies of a password does not find the printed page itself). Prints the
# folder on its last line; the tests read it from SESAME_TEST_PRINTED_DIR and print to the
# printer named in SESAME_TEST_PRINTER.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v cupsd >/dev/null 2>&1 || ! command -v lpadmin >/dev/null 2>&1 || [ ! -e /usr/lib/cups/backend/cups-pdf ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends cups cups-client printer-driver-cups-pdf poppler-utils >/dev/null
fi
out=/var/spool/cups-pdf/sesame
mkdir -p "$out"
chmod 0777 "$out"
sed -i -e "s|^Out .*|Out $out|" -e "s|^#\?AnonDirName .*|AnonDirName $out|" /etc/cups/cups-pdf.conf
# CUPS keeps a printed job's document for a day by default: a letter's password with it.
if ! grep -q "^PreserveJobFiles No" /etc/cups/cupsd.conf; then
  sed -i '/^PreserveJobFiles/d' /etc/cups/cupsd.conf
  echo "PreserveJobFiles No" >> /etc/cups/cupsd.conf
  if lpstat -r 2>/dev/null | grep -q "is running"; then
    kill "$(cat /run/cups/cupsd.pid 2>/dev/null || pgrep -x cupsd)" 2>/dev/null || true
    sleep 1
  fi
fi
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  /usr/sbin/cupsd
  for _ in $(seq 30); do
    lpstat -r 2>/dev/null | grep -q "is running" && break
    sleep 1
  done
fi
if ! lpstat -p Sesame-PDF >/dev/null 2>&1; then
  lpadmin -p Sesame-PDF -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd -D "Sesame PDF" -E
fi
# The PDF goes to PostScript and back (cups-pdf prints PostScript): through cairo the fonts
# keep their letters' names, so the printed page's text reads back (poppler's own converter
# loses them).
lpadmin -p Sesame-PDF -o pdftops-renderer-default=pdftocairo
lpadmin -d Sesame-PDF
echo "$out"
