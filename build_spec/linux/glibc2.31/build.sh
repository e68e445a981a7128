#!/bin/bash
# The release bundle for Linux offices: from nothing to a tested one-folder bundle that runs on glibc >= 2.31
# (银河麒麟 Kylin V10 SP1, Debian 11, and newer: Debian 12 checked too). `make bundle` builds on this
# machine's glibc (2.36 on Debian 12), which Kylin's older glibc cannot load (docs/bundle.md).
#
#   sudo build_spec/linux/glibc2.31/build.sh [CHECKOUT] [WORKDIR]   (defaults: this checkout, CHECKOUT/build/glibc2.31)
#   make bundle-glibc2.31                                            (the same, as root)
#
# Needs: root, debootstrap, network to deb.debian.org and PyPI. Steps (each skipped when its result exists):
#   1. a Debian 11 "bullseye" build root (debootstrap minbase + compilers and -dev packages + the X11/xcb,
#      cups, dbus, glib, fontconfig libraries PyInstaller collects into the bundle)
#   2. CPython 3.11 built in that root from Debian bookworm's source package (bin/build-cpython.sh)
#   3. a venv with requirements.lock, PySide6 pinned to 6.9.3 (the last manylinux_2_28 release), then
#      PyInstaller with build_spec/xuncha.spec, as `make bundle` (bin/build-bundle-in-root.sh)
#   4. a clean bullseye runtime root (debootstrap minbase + what a desktop has) and the host: --version,
#      demo, verify, gui --smoke (bin/test-in-root.sh)
# Result: WORKDIR/xuncha-<version>-linux-x86_64-glibc2.31.tar.gz and WORKDIR/build.log with timings.
# The checkout itself is not modified: it is cloned into the root.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CHECKOUT=$(cd "${1:-$HERE/../../..}" && pwd)
W=${2:-$CHECKOUT/build/glibc2.31}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SUITE=bullseye
BUILD=$W/$SUITE-build
RUNROOT=$W/$SUITE-run
mkdir -p "$W"
exec > >(tee -a "$W/build.log") 2>&1
T0=$(date +%s)
stamp() { echo "=== $(date -u +%H:%M:%S) [+$(( $(date +%s) - T0 ))s] $*"; }

RUNTIME_PKGS=libgl1,libegl1,libfontconfig1,fontconfig,libfreetype6,libxkbcommon0,libglib2.0-0,libdbus-1-3,libx11-6,libx11-xcb1,libxkbcommon-x11-0,libxcb-cursor0,libxcb-icccm4,libxcb-keysyms1,libxcb-image0,libxcb-render-util0,libxcb-shape0,libxcb-xkb1,libxcb-randr0,libxcb-xfixes0,libxcb-sync1,libxcb-xinerama0,libxcb-shm0,libxcb-render0,libxrender1,libxi6,fonts-wqy-microhei,ca-certificates
TEST_PKGS=xvfb,xauth   # only for the window test on a real X server in the runtime root
BUILD_PKGS=build-essential,binutils,dpkg-dev,xz-utils,pkg-config,libssl-dev,zlib1g-dev,libbz2-dev,liblzma-dev,libffi-dev,libsqlite3-dev,libreadline-dev,libncursesw5-dev,uuid-dev,libgdbm-dev,libgdbm-compat-dev,libexpat1-dev,libcups2,libavahi-client3,libwayland-client0,libwayland-cursor0,libwayland-egl1,git,bc

MOUNTED=""
mount_root() {  # bind /proc /dev /dev/pts /sys into a root (undone on exit)
  for d in proc dev dev/pts sys; do
    mountpoint -q "$1/$d" || { mount --bind "/$d" "$1/$d"; MOUNTED="$1/$d $MOUNTED"; }
  done
  cp /etc/resolv.conf "$1/etc/resolv.conf"
}
cleanup() { for m in $MOUNTED; do umount -l "$m" 2>/dev/null || true; done; }
trap cleanup EXIT

# 1. build root
if [ ! -x "$BUILD/usr/bin/gcc" ]; then
  stamp "1. debootstrap $SUITE build root"
  command -v debootstrap >/dev/null || apt-get install -y -q debootstrap
  rm -rf "$BUILD"
  debootstrap --variant=minbase --include="$RUNTIME_PKGS,$BUILD_PKGS" $SUITE "$BUILD" "$MIRROR" >"$W/debootstrap-build.log"
  cat > "$BUILD/etc/apt/sources.list" <<SRC
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb ${MIRROR%/debian}/debian-security $SUITE-security main
deb-src $MIRROR bookworm main
SRC
  mount_root "$BUILD"
  chroot "$BUILD" apt-get update -q >/dev/null
  chroot "$BUILD" env DEBIAN_FRONTEND=noninteractive apt-get -y -q upgrade >/dev/null
fi
mount_root "$BUILD"
stamp "build root: $(chroot "$BUILD" ldd --version | head -1), $(chroot "$BUILD" gcc --version | head -1)"

# 2. CPython 3.11
if [ ! -x "$BUILD/opt/python3.11/bin/python3.11" ]; then
  stamp "2. CPython 3.11 from Debian's source package"
  cp "$HERE/python.sh" "$BUILD/usr/local/bin/xuncha-python.sh"
  chroot "$BUILD" /usr/local/bin/xuncha-python.sh
fi
stamp "python: $(chroot "$BUILD" /opt/python3.11/bin/python3.11 -VV)"

# 3. venv, requirements, bundle
stamp "3. venv + requirements + pyinstaller"
rm -rf "$BUILD/build/xuncha"; mkdir -p "$BUILD/build"
git clone -q "$CHECKOUT" "$BUILD/build/xuncha"
stamp "checkout $(git -C "$BUILD/build/xuncha" log -1 --format='%h %ci')"
cp "$HERE/bundle.sh" "$BUILD/usr/local/bin/xuncha-bundle.sh"
# pip inside the root trusts the same CA bundle as pip here (this machine's PyPI traffic goes through a
# proxy with its own CA; elsewhere the root's ca-certificates suffice and nothing is copied).
CA=${PIP_CERT:-$(pip config get global.cert 2>/dev/null || true)}
CAENV=""
if [ -n "$CA" ] && [ -f "$CA" ]; then cp "$CA" "$BUILD/usr/local/share/pip-ca.pem"; CAENV=PIP_CERT=/usr/local/share/pip-ca.pem; fi
chroot "$BUILD" env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 $CAENV ${WHEELS:+WHEELS=$WHEELS} \
  /usr/local/bin/xuncha-bundle.sh
TARBALL=$(ls "$BUILD"/build/xuncha/dist/xuncha-*-glibc2.31.tar.gz)
cp "$TARBALL" "$W/"
TARBALL=$W/$(basename "$TARBALL")
stamp "bundle: $TARBALL ($(du -h "$TARBALL" | cut -f1))"
python3 "$HERE/highest_glibc.py" "$BUILD/build/xuncha/dist/xuncha" 2.31

# 4. tests: a clean bullseye runtime root, then this host
if [ ! -e "$RUNROOT/etc/debian_version" ]; then
  stamp "4. debootstrap $SUITE runtime root (minbase + desktop libraries)"
  debootstrap --variant=minbase --include="$RUNTIME_PKGS,$TEST_PKGS" $SUITE "$RUNROOT" "$MIRROR" >"$W/debootstrap-run.log"
fi
rc=0
stamp "4a. test in the $SUITE runtime root"
"$HERE/smoke.sh" "$RUNROOT" "$TARBALL" bullseye || rc=1
stamp "4a'. the window on Xvfb (xcb) in the $SUITE runtime root"
mount_root "$RUNROOT"
"$HERE/window-on-x11.sh" "$RUNROOT" /tmp/xt-bullseye/xuncha /tmp/xt-bullseye/ws 91 2>&1 | tail -3 || rc=1
stamp "4b. test on this host ($(ldd --version | head -1))"
"$HERE/smoke.sh" / "$TARBALL" host || rc=1
if command -v Xvfb >/dev/null; then
  stamp "4b'. the window on Xvfb (xcb) on this host"
  "$HERE/window-on-x11.sh" / /tmp/xt-host/xuncha /tmp/xt-host/ws 92 2>&1 | tail -3 || rc=1
fi
stamp "done rc=$rc"
exit $rc
