"""The wheel (and so any pip install of the project) carries the data the program reads: the fonts with their
licences, icons, compiled translations, the demo's texts, and the migrations Alembic reads as files; and it
builds without setuptools warning that it would leave a data folder out (setup.py lists them as packages)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wheel_holds_every_data_file(tmp_path: Path) -> None:
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path),
                            str(ROOT)], capture_output=True, text=True, timeout=600, check=False)
    assert built.returncode == 0, built.stderr
    assert "absent from the `packages` configuration" not in built.stderr
    [wheel] = tmp_path.glob("xuncha_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    resources = ROOT / "resources"
    expected = {f"xuncha_desktop/assets/{path.relative_to(resources).as_posix()}"
                for pattern in ("fonts/*", "icons/*.svg", "translations/*.qm", "demo/corpus.json")
                for path in resources.glob(pattern)}
    migrations = ROOT / "xuncha_desktop" / "db" / "migrations"
    expected |= {f"xuncha_desktop/db/migrations/{path.relative_to(migrations).as_posix()}"
                 for pattern in ("env.py", "script.py.mako", "versions/*.py") for path in migrations.glob(pattern)}
    assert len(expected) > 40 and expected <= names, sorted(expected - names)
    fonts = "xuncha_desktop/assets/fonts/"
    assert {f"{fonts}ARPHICPL.TXT", f"{fonts}Apache-2.0.txt", f"{fonts}wqy-microhei.copyright"} <= names  # licences
