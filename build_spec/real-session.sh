#!/bin/sh
# Runs a command in a real X11 session of the given size: Xvfb, the openbox window manager, the xcb platform.
#   build_spec/real-session.sh 1366x768 .venv/bin/python -m xuncha_desktop.ui.screenshots docs/screenshots/1366x768
# Xvfb and openbox come from build_spec/install-system-packages.sh (make setup runs it).
set -eu
size="$1"; shift
number=90
while [ -e "/tmp/.X${number}-lock" ] || [ -e "/tmp/.X11-unix/X${number}" ]; do number=$((number + 1)); done
home=$(mktemp -d)
Xvfb ":${number}" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
server=$!
trap 'kill $manager $server 2>/dev/null || true; rm -rf "$home"' EXIT
tries=0
while [ ! -e "/tmp/.X11-unix/X${number}" ]; do
  tries=$((tries + 1)); [ "$tries" -lt 100 ] || { echo "Xvfb did not start" >&2; exit 1; }; sleep 0.1
done
DISPLAY=":${number}" HOME="$home" openbox >/dev/null 2>&1 &
manager=$!
sleep 1
DISPLAY=":${number}" QT_QPA_PLATFORM=xcb "$@"
