#!/bin/bash
# Runs a xuncha bundle tarball inside a root (chroot) the way tests/bundle/ runs it: minimal environment
# (PATH default, fresh HOME, LANG=C.UTF-8, TZ=UTC, QT_QPA_PLATFORM=offscreen).
# Usage: smoke.sh ROOT TARBALL LABEL     (ROOT=/ runs on the host itself, no chroot)
# Prints each step's command, exit code, wall time and output tail; exits non-zero if a step failed.
set -u
ROOT=$1; TARBALL=$2; LABEL=$3
PASS=xuncha-demo-2020      # xuncha_desktop.demo.builder.DEMO_PASSPHRASE (tests/bundle checks they agree)
T=/tmp/xt-$LABEL
mounted=""
cleanup() { for m in $mounted; do umount -l "$m" 2>/dev/null; done; }
trap cleanup EXIT
if [ "$ROOT" != / ]; then
  for d in proc dev dev/pts sys; do
    mountpoint -q "$ROOT/$d" || { mount --bind "/$d" "$ROOT/$d" && mounted="$ROOT/$d $mounted"; }
  done
  RUN="chroot $ROOT"
else
  RUN=""
fi
rm -rf "$ROOT$T"; mkdir -p "$ROOT$T/home"
tar -C "$ROOT$T" -xzf "$TARBALL"
B=$T/xuncha
ENVV="env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=$T/home LANG=C.UTF-8 TZ=UTC QT_QPA_PLATFORM=offscreen XDG_DATA_HOME=$T/home/data XDG_CONFIG_HOME=$T/home/config"
fail=0
step() {  # step NAME expected_rc cmd...
  local name=$1 want=$2; shift 2
  local t0=$(date +%s.%N)
  out=$($RUN $ENVV "$@" 2>&1); rc=$?
  local t1=$(date +%s.%N)
  printf '### [%s] %s: rc=%s (want %s) %.1fs\n' "$LABEL" "$name" "$rc" "$want" "$(echo "$t1 - $t0" | bc)"
  echo "$out" | tail -n 8 | sed 's/^/    /'
  [ "$rc" = "$want" ] || fail=1
}
echo "### [$LABEL] root=$ROOT glibc: $($RUN ldd --version | head -1)"
step version 0 $B/xuncha --version
step demo 0 env XUNCHA_PASSPHRASE=$PASS $B/xuncha demo --workspace $T/ws
step verify 0 env XUNCHA_PASSPHRASE=$PASS $B/xuncha verify --workspace $T/ws
step gui-smoke 0 env XUNCHA_PASSPHRASE=$PASS $B/巡察外业桌面端 gui --smoke --workspace $T/ws
step gui-smoke-wrong-pass 1 env "XUNCHA_PASSPHRASE=not the passphrase" $B/巡察外业桌面端 gui --smoke --workspace $T/ws
exit $fail
