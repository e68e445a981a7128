#!/bin/bash
# The window on a real X server (Xvfb, xcb platform, GLX) instead of offscreen. Runs inside the root given
# (or / for the host). Usage: window-on-x11.sh ROOT BUNDLE_DIR_IN_ROOT WORKSPACE_IN_ROOT DISPLAYNUM
ROOT=$1; B=$2; WS=$3; D=${4:-77}
RUN=""; [ "$ROOT" != / ] && RUN="chroot $ROOT"
$RUN sh -c "Xvfb :$D -screen 0 1366x768x24 -nolisten tcp >/tmp/xvfb-$D.log 2>&1 & echo \$! > /tmp/xvfb-$D.pid"
sleep 2
$RUN env -i PATH=/usr/bin:/bin HOME=/tmp LANG=C.UTF-8 TZ=UTC DISPLAY=:$D QT_QPA_PLATFORM=xcb LIBGL_DEBUG=verbose \
  XUNCHA_PASSPHRASE=xuncha-demo-2020 "$B/巡察外业桌面端" gui --smoke --workspace "$WS"
rc=$?
echo "xcb smoke rc=$rc"
$RUN sh -c "kill \$(cat /tmp/xvfb-$D.pid)"
exit $rc
