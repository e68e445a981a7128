#!/bin/sh
# Installs the system packages the program and its tests need on Debian, Ubuntu or Kylin (apt):
# Python's venv, the libraries Qt loads (offscreen and under X11/Xvfb), a CJK font for the window,
# poppler for reading PDFs back in tests; LibreOffice (headless, ~200 MB) for rendering .docx in tests;
# openbox and xdotool for the tests in a real X11 session; desktop-file-utils to check the bundle's menu entry.
# Installs only what is missing; needs root or sudo for that.
set -eu

PACKAGES="python3-venv
libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3
xvfb xauth openbox xdotool libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
fonts-wqy-microhei
poppler-utils poppler-data
libreoffice-writer-nogui
desktop-file-utils"

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "install-system-packages: no apt here; install the equivalents of: $PACKAGES" >&2
    exit 0
fi

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $package"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "installing system packages:$missing"
$SUDO apt-get update -q
# shellcheck disable=SC2086 # the list is meant to split
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
