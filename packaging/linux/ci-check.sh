#!/usr/bin/env bash
# Packaging check (run by .ci/run after the tests; runs on its own too, as root on Debian):
# builds the two .deb packages from the dev-profile binaries the tests already built, installs
# them with dpkg, validates the installed desktop integration files, starts the installed app
# under Xvfb for a few seconds and the installed server on a temporary database.
# --no-build packages the binaries already in target/debug as they are.
set -euo pipefail
cd "$(dirname "$0")/../.."

CARGO_DEB_VERSION=3.8.0
export DEBIAN_FRONTEND=noninteractive
started=$(date +%s)
step() { printf '== packaging: %s (%ss)\n' "$1" "$(($(date +%s) - started))"; }
fail() { echo "packaging check FAILED: $*" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step "tools"
need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null || need+=(x11-utils)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v appstreamcli >/dev/null || need+=(appstream)
command -v dpkg-shlibdeps >/dev/null || need+=(dpkg-dev)
command -v curl >/dev/null || need+=(curl)
command -v strip >/dev/null || need+=(binutils)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ "$(cargo deb --version 2>/dev/null)" != "cargo-deb $CARGO_DEB_VERSION" ]; then
  cargo install cargo-deb --version "$CARGO_DEB_VERSION" --locked --quiet
fi

# The binaries: `cargo test` has built both (dev profile) for the integration tests, so this is
# a no-op in CI; on its own it builds them. One profile only: no release build here. Not
# `cargo build --bins`: without the dev-dependencies some iced crates get other features, and
# that would rebuild them.
step "binaries (dev profile, reused from the tests)"
if [ "${1:-}" != --no-build ]; then
  cargo test --locked --no-run >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "cargo test --no-run"; }
fi
for bin in sesame sesame-server; do
  [ -x "target/debug/$bin" ] || fail "target/debug/$bin was not built"
done

step "build the .deb packages"
out="$work/debs"
# cargo-deb warns that the dev profile is meant for tests, not releases: that is the point here.
cargo deb -p sesame-app --profile dev --no-build --locked --fast --quiet --output "$out/" >/dev/null
cargo deb -p sesame-server --profile dev --no-build --locked --fast --quiet --output "$out/" >/dev/null
app_deb=$(ls "$out"/sesame_*.deb)
server_deb=$(ls "$out"/sesame-server_*.deb)
ls -l "$app_deb" "$server_deb"

step "install them with dpkg"
# No questions (there is no terminal): keep a configuration file changed on this machine.
dpkg_options=(--force-confdef --force-confold)
if ! dpkg -i "${dpkg_options[@]}" "$app_deb" "$server_deb" >"$work/dpkg.log" 2>&1; then
  # Missing dependencies (a fresh machine): let apt bring them and finish the configuration.
  apt-get update -qq
  apt-get install -y -qq -f --no-install-recommends -o Dpkg::Options::=--force-confdef \
    -o Dpkg::Options::=--force-confold >>"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i"; }
fi
for package in sesame sesame-server; do
  [ "$(dpkg-query -W -f '${Status}' "$package")" = "install ok installed" ] || { cat "$work/dpkg.log"; fail "$package is not installed"; }
done
files=(
  /usr/bin/sesame
  /usr/share/applications/app.sesame.Sesame.desktop
  /usr/share/metainfo/app.sesame.Sesame.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/app.sesame.Sesame.svg
  /usr/share/doc/sesame/copyright
  /usr/share/doc/sesame/LICENSE-DejaVu.txt
  /usr/bin/sesame-server
  /usr/lib/systemd/system/sesame-server.service
  /usr/lib/sysusers.d/sesame-server.conf
  /etc/sesame/server.env
)
for size in 16 24 32 48 64 128 256 512; do
  files+=("/usr/share/icons/hicolor/${size}x${size}/apps/app.sesame.Sesame.png")
done
for file in "${files[@]}"; do
  [ -f "$file" ] || fail "$file is missing"
done
[ "$(stat -c %a /etc/sesame/server.env)" = 600 ] || fail "/etc/sesame/server.env is not mode 600"
getent passwd sesame >/dev/null || fail "the system user sesame was not created"
echo "installed: ${#files[@]} files checked, user sesame exists"

step "validate the desktop integration files"
desktop-file-validate /usr/share/applications/app.sesame.Sesame.desktop
appstreamcli validate --no-net /usr/share/metainfo/app.sesame.Sesame.metainfo.xml
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify /usr/lib/systemd/system/sesame-server.service
  echo "systemd-analyze verify: sesame-server.service OK"
fi

step "start the installed app under Xvfb"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { cat "$work/xvfb.log"; fail "Xvfb did not start"; }
DISPLAY=":$(cat "$work/display")"
export DISPLAY
mkdir "$work/home"
SESAME_HOME="$work/home" ICED_BACKEND=tiny-skia /usr/bin/sesame >"$work/app.log" 2>&1 &
app=$!
pids+=("$app")
wm_class=$(sed -n 's/^StartupWMClass=//p' /usr/share/applications/app.sesame.Sesame.desktop)
window=""
for _ in $(seq 50); do
  kill -0 "$app" 2>/dev/null || break
  window=$(xwininfo -root -tree | grep -F "(\"$wm_class\" \"$wm_class\")" || true)
  [ -n "$window" ] && break
  sleep 0.2
done
sleep 5
kill -0 "$app" 2>/dev/null || { cat "$work/app.log"; fail "the installed app exited within 5 seconds"; }
[ -n "$window" ] || { xwininfo -root -tree; fail "no window whose WM_CLASS is $wm_class (StartupWMClass of the .desktop file)"; }
echo "app running after 5 s; its window: ${window#"${window%%[! ]*}"}"
# The window carries the application icon (256 x 256, from resources/icons).
window_id=$(echo "$window" | awk '{print $1}')
# (its first two numbers are the width and the height)
xprop -id "$window_id" -f _NET_WM_ICON 32c '=$0,$1\n' _NET_WM_ICON | grep -q "=256,256" \
  || fail "the window has no 256 x 256 icon (_NET_WM_ICON)"
echo "window icon: 256 x 256"
kill "$app"
wait "$app" 2>/dev/null || true

step "start the installed server as the user sesame"
chmod 755 "$work"
install -d -o sesame -g sesame -m 700 "$work/server"
setpriv --reuid sesame --regid sesame --init-groups -- env SESAME_DATABASE_URL="sqlite:$work/server/sesame.db" SESAME_LISTEN=127.0.0.1:0 \
  /usr/bin/sesame-server serve >"$work/server.log" 2>&1 &
server=$!
pids+=("$server")
url=""
for _ in $(seq 100); do
  kill -0 "$server" 2>/dev/null || break
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/server.log" | head -n 1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/server.log"; fail "the installed server did not start"; }
health=$(curl -fsS --max-time 5 "$url/healthz") || { cat "$work/server.log"; fail "GET $url/healthz"; }
[ "$health" = ok ] || fail "GET $url/healthz answered '$health'"
curl -fsS --max-time 5 -o /dev/null "$url/api/v1/openapi.json" || fail "GET $url/api/v1/openapi.json"
[ -s "$work/server/sesame.db" ] || fail "the server created no database (migrations)"
echo "server answered ok at $url/healthz, database created by the migrations"
kill -INT "$server"
for _ in $(seq 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
kill -0 "$server" 2>/dev/null && fail "the server did not stop within 10 s of SIGINT"
wait "$server" || fail "the server did not exit cleanly on SIGINT"
echo "server stopped cleanly on SIGINT"

step "done"
