#!/usr/bin/env bash
# The app in a real window, as a screen reader reads it: a D-Bus session with the accessibility
# bus (at-spi2-core), accessibility switched on as a screen reader switches it on, the app under
# Xvfb on the demo preset, and two checks driven through AT-SPI (Debian's pyatspi):
# .ci/screen-reader.py finds the app, the follow-up's table, the focus after each Tab, a dialog,
# and presses a button through its accessibility action; .ci/ghosts.py shows the 2FA QR code,
# leaves the screen, and reads the window's pixels for a QR code left behind.
# Usage: .ci/screen-reader.sh [path/to/sesame]
# Needs: apt-get install -y at-spi2-core python3-pyatspi dbus-x11 xvfb xdotool imagemagick zbar-tools
set -euo pipefail
cd "$(dirname "$0")/.."
app=${1:-target/debug/sesame}
if [ "${SCREEN_READER_INSIDE:-}" != 1 ]; then
  export SCREEN_READER_INSIDE=1
  exec dbus-run-session -- bash "$0" "$app"
fi

work=$(mktemp -d)
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

/usr/libexec/at-spi-bus-launcher --launch-immediately &
for _ in $(seq 50); do
  dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress >/dev/null 2>&1 && break
  sleep 0.1
done
# What Orca does when it starts: tell applications that a screen reader listens.
dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
  org.freedesktop.DBus.Properties.Set string:org.a11y.Status string:IsEnabled variant:boolean:true >/dev/null

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1024x700x24 -nolisten tcp >/dev/null 2>&1 &
export DISPLAY=$display
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

# Each check on a fresh app: a fresh home, where the preset makes its own organization. The
# app draws with the renderer it chooses itself (as on a person's machine).
check() {
  local script=$1 home
  home=$(mktemp -d -p "$work")
  HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data \
    "$app" --preset "demo as level 1" >"$home/app.log" 2>&1 &
  local pid=$!
  set +e
  /usr/bin/python3 "$script" "$pid"
  local status=$?
  set -e
  if [ "$status" -ne 0 ]; then
    echo "--- the app's log"
    tail -n 40 "$home/app.log"
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  return "$status"
}

status=0
check .ci/screen-reader.py || status=$?
check .ci/ghosts.py || status=$?
exit "$status"
