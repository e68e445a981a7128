"""The release builds' scripts (build_spec/linux/glibc2.31/ and build_spec/windows/, docs/bundle.md): they
parse, they use the demo's passphrase the program has, and the check that keeps newer glibc out of the Linux
bundle works."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from xuncha_desktop.demo.builder import DEMO_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "build_spec" / "linux" / "glibc2.31"
WINDOWS = ROOT / "build_spec" / "windows"


def test_the_scripts_parse_and_use_the_demo_passphrase() -> None:
    scripts = sorted(FOLDER.glob("*.sh"))
    assert {s.name for s in scripts} == {"build.sh", "bundle.sh", "python.sh", "smoke.sh", "window-on-x11.sh"}
    for script in scripts:
        checked = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, check=False)
        assert checked.returncode == 0, (script.name, checked.stderr)
    for name in ("smoke.sh", "window-on-x11.sh"):
        assert DEMO_PASSPHRASE in (FOLDER / name).read_text(encoding="utf-8"), name


def test_the_glibc_check_passes_old_enough_files_and_names_newer_ones(tmp_path: Path) -> None:
    assert shutil.which("readelf") is not None  # binutils, as on every machine that builds the bundle
    folder = tmp_path / "bundle"
    folder.mkdir()
    shutil.copy(sys.executable, folder / "python")  # an ELF file needing some glibc
    (folder / "notes.txt").write_text("not an ELF file", encoding="utf-8")
    check = [sys.executable, str(FOLDER / "highest_glibc.py"), str(folder)]
    passed = subprocess.run([*check, "99.0"], capture_output=True, text=True, check=False)
    assert passed.returncode == 0 and passed.stdout.startswith("1 ELF files; the newest glibc needed: 2."), passed
    refused = subprocess.run([*check, "2.0"], capture_output=True, text=True, check=False)
    assert refused.returncode == 1 and refused.stdout.splitlines()[1].endswith(": python"), refused


def test_the_windows_build_script_parses_and_finds_what_it_reads() -> None:
    script = WINDOWS / "build.sh"
    checked = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    text = script.read_text(encoding="utf-8")
    # the stubs it compiles for Wine (never shipped), and the passphrase and version it reads with sed
    for stub in ("bcryptprimitives.c", "icuuc.c", "mscms.c"):
        assert (WINDOWS / "stubs" / stub).is_file() and stub in text
    builder = (ROOT / "xuncha_desktop" / "demo" / "builder.py").read_text(encoding="utf-8")
    assert f'DEMO_PASSPHRASE = "{DEMO_PASSPHRASE}"' in builder.splitlines()
    assert "s/^__version__ = " in text and '__version__ = "' in (ROOT / "xuncha_desktop" / "__init__.py").read_text()
