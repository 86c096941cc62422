#!/usr/bin/env bash
# Renders every application icon from the SVG source resources/icons/app.sesame.Sesame.svg:
# the PNG sizes (16 to 512), the Windows .ico (16 to 256) and the macOS .icns.
# The results are committed; run this again after changing the SVG, then commit them too.
# Needs (Debian): apt-get install -y librsvg2-bin icoutils python3
set -euo pipefail
cd "$(dirname "$0")/../../resources/icons"

for tool in rsvg-convert icotool python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y librsvg2-bin icoutils python3" >&2; exit 1; }
done

svg=app.sesame.Sesame.svg
sizes=(16 24 32 48 64 128 256 512)
for size in "${sizes[@]}"; do
  rsvg-convert --width "$size" --height "$size" --format png "$svg" --output "app.sesame.Sesame-$size.png"
done

# Windows: BMP entries up to 64 px (read by every version), PNG-compressed entries for 128 and 256.
icotool --create --output app.sesame.Sesame.ico \
  app.sesame.Sesame-{16,24,32,48,64}.png \
  --raw=app.sesame.Sesame-128.png --raw=app.sesame.Sesame-256.png

# macOS: an .icns whose entries are the PNG files themselves, as Apple's iconutil writes them
# (macOS 10.7 or later): 16, 32, 64, 128, 256, 512, and the Retina (@2x) entries.
python3 - <<'PY'
import struct
entries = [  # (type, pixel size)
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
]
body = b""
for kind, size in entries:
    with open(f"app.sesame.Sesame-{size}.png", "rb") as png:
        data = png.read()
    body += kind + struct.pack(">I", 8 + len(data)) + data
with open("app.sesame.Sesame.icns", "wb") as icns:
    icns.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY

ls -l app.sesame.Sesame*
