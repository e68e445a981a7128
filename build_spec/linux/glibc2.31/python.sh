#!/bin/bash
# Runs inside the bullseye build root (build.sh copies it there): CPython 3.11 from Debian bookworm's source package (upstream tarball +
# Debian's bug-fix/CVE backports only; Debian's layout patches are left out), shared, into /opt/python3.11.
set -euo pipefail
PREFIX=/opt/python3.11
mkdir -p /src/cpython && cd /src/cpython
ls python3.11_*.orig.tar.* >/dev/null 2>&1 || apt-get source --download-only python3.11
DEBTAR=$(ls python3.11_*.debian.tar.xz | tail -1)
ORIG=$(ls python3.11_*.orig.tar.* | tail -1)
rm -rf build debian && mkdir build
tar -xJf "$DEBTAR"
tar -xf "$ORIG" -C build --strip-components=1
cd build
# Debian's series: the first part adapts Python to Debian's layout (multiarch, dist-packages, ...); from
# shutdown-deadlock.diff on they are upstream fixes and CVE backports. Apply only those.
applied=0; failed=""
for p in $(sed -n '/^shutdown-deadlock.diff$/,$p' ../debian/patches/series | grep -v '^#'); do
  if patch -p1 --forward --batch -s < "../debian/patches/$p" >/tmp/patch.out 2>&1; then
    applied=$((applied+1))
  else
    failed="$failed $p"; cat /tmp/patch.out
  fi
done
echo "debian patches applied: $applied; failed:${failed:- none}"
# CVE-2026-4224.patch makes pyexpat.c include an internal header; Debian builds pyexpat as a core module
# (setup-modules.diff, left out here), setup.py does not: say it is a core module, as 3.12's pyexpat.c does.
if grep -q '"pycore_ceval.h"' Modules/pyexpat.c && ! grep -q Py_BUILD_CORE_MODULE Modules/pyexpat.c; then
  sed -i '1i #ifndef Py_BUILD_CORE_BUILTIN\n#  define Py_BUILD_CORE_MODULE 1\n#endif' Modules/pyexpat.c
fi
./configure --prefix=$PREFIX --enable-shared --with-ensurepip=install \
  LDFLAGS="-Wl,-rpath,$PREFIX/lib" >/tmp/configure.log 2>&1 || { tail -30 /tmp/configure.log; exit 1; }
make -j"${JOBS:-2}" >/tmp/make.log 2>&1 || { tail -40 /tmp/make.log; exit 1; }
grep -A8 'necessary bits to build these optional modules were not found' /tmp/make.log || true
if grep -A5 'Failed to build these modules' /tmp/make.log; then echo 'a module failed to build' >&2; exit 1; fi
make install >/tmp/make-install.log 2>&1 || { tail -30 /tmp/make-install.log; exit 1; }
$PREFIX/bin/python3.11 -c 'import ssl, sqlite3, ctypes, pyexpat, xml.etree.ElementTree, lzma, bz2, zlib, readline, uuid, decimal, hashlib; print("cpython ok", __import__("sys").version, ssl.OPENSSL_VERSION)'
