#!/usr/bin/env bash
# The app as a screen reader reads it: a D-Bus session with the accessibility bus
# (at-spi2-core), accessibility switched on as a screen reader switches it on, the app under
# Xvfb on the demo preset, and an AT-SPI client (.ci/screen-reader.py, Debian's pyatspi) that
# finds the app, the follow-up's table, the focus after each Tab, a dialog, and presses a
# button through its accessibility action. Usage: .ci/screen-reader.sh [path/to/sesame]
# Needs: apt-get install -y at-spi2-core python3-pyatspi dbus-x11 xvfb xdotool
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

# A fresh home: the preset makes its own organization there.
HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data ICED_BACKEND=tiny-skia \
  "$app" --preset "demo as level 1" >"$work/app.log" 2>&1 &
app_pid=$!
set +e
/usr/bin/python3 .ci/screen-reader.py "$app_pid"
status=$?
set -e
if [ "$status" -ne 0 ]; then
  echo "--- the app's log"
  tail -n 40 "$work/app.log"
fi
exit "$status"
