#!/bin/bash
# Runs inside the bullseye build root (build.sh copies it there), in the checkout cloned to /build/xuncha: a venv on /opt/python3.11,
# the locked requirements with the PySide6 pins moved to the newest release whose wheels are
# manylinux_2_28 (6.9.3; 6.10 and later are manylinux_2_34), then the Makefile's bundle recipe.
set -euo pipefail
PY=/opt/python3.11/bin/python3.11
PYSIDE=${PYSIDE:-6.9.3}
cd /build/xuncha
export QT_QPA_PLATFORM=offscreen
# PySide6-Pdf exists on PyPI only as 6.12.0.140 (manylinux_2_34); in 6.9 QtPdf/QtPdfWidgets are in
# PySide6-Addons. Drop the requirement in this build copy (so the spec's copy_metadata and 关于 skip it).
sed -i '/"PySide6-Pdf>=/d' pyproject.toml
sed -e "s/^PySide6_Essentials==.*/PySide6_Essentials==$PYSIDE/" -e "s/^PySide6_Addons==.*/PySide6_Addons==$PYSIDE/" \
    -e "s/^shiboken6==.*/shiboken6==$PYSIDE/" -e '/^PySide6_Pdf==/d' requirements.lock > requirements-kylin.lock
t0=$(date +%s)
rm -rf .venv
$PY -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet ${WHEELS:+--find-links $WHEELS} -c requirements-kylin.lock -e '.[dev]' \
  --report /tmp/pip-report.json
.venv/bin/python - <<'PY'
import json
rep = json.load(open("/tmp/pip-report.json"))
built = [i["metadata"]["name"] for i in rep["install"]
         if not i["download_info"]["url"].endswith(".whl") and i["metadata"]["name"] != "xuncha-desktop"]
print("installed", len(rep["install"]), "distributions; built from source:", built or "none")
PY
t1=$(date +%s); echo "TIME venv+install $((t1-t0))s"
.venv/bin/python -c 'import PySide6, PySide6.QtPdf, PySide6.QtCharts, sqlcipher3; print("PySide6", PySide6.__version__)'
VERSION=$(.venv/bin/python -c 'from xuncha_desktop import __version__; print(__version__)')
rm -rf dist build/pyinstaller
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build_spec/xuncha.spec
tar -C dist -czf dist/xuncha-$VERSION-linux-$(uname -m)-glibc2.31.tar.gz xuncha
t2=$(date +%s); echo "TIME bundle $((t2-t1))s"
du -sh dist/xuncha dist/xuncha-*.tar.gz
