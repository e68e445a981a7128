"""The one-folder bundle, built once per session with build_spec/xuncha.spec and copied outside the checkout.

``XUNCHA_BUNDLE=DIR`` tests an already built folder instead (e.g. ``dist/xuncha`` after ``make bundle``).
Every run gets a minimal environment (no venv on PATH, no PYTHONPATH, a fresh HOME): what a user without
Python has.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLI = "xuncha"
WINDOW = "巡察外业桌面端"


def executable(bundle: Path, name: str) -> Path:
    return bundle / (f"{name}.exe" if sys.platform == "win32" else name)


def build(dist: Path, work: Path) -> Path:
    """Runs PyInstaller on the spec, as `make bundle` does; returns the folder."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(ROOT / "build_spec" / "xuncha.spec")],
                   cwd=ROOT, check=True, timeout=1800)
    return dist / "xuncha"


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("XUNCHA_BUNDLE")
    built = Path(given) if given else build(tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("work"))
    copy = tmp_path_factory.mktemp("elsewhere") / "xuncha"
    shutil.copytree(built, copy, symlinks=True)  # run from a copy: nothing may point back at the build
    return copy


class Runner:
    """Runs the bundle's executables with nothing of the build machine's Python in reach."""

    def __init__(self, bundle: Path, home: Path) -> None:
        self.bundle = bundle
        self.home = home
        self.env = {"PATH": os.defpath, "HOME": str(home), "LANG": "C.UTF-8", "TZ": "UTC",
                    "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(home / "data"),
                    "XDG_CONFIG_HOME": str(home / "config")}
        if sys.platform == "win32":
            self.env |= {"SYSTEMROOT": os.environ["SYSTEMROOT"], "USERPROFILE": str(home),
                         "LOCALAPPDATA": str(home / "data"), "APPDATA": str(home / "config")}

    def run(self, *args: str, program: str = CLI, env: Mapping[str, str] | None = None,
            check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([str(executable(self.bundle, program)), *args], env={**self.env, **(env or {})},
                              cwd=self.home, capture_output=True, text=True, encoding="utf-8", timeout=600)
        if check and done.returncode != 0:
            raise AssertionError(f"{program} {' '.join(args)} exited {done.returncode}:\n{done.stderr[-3000:]}")
        return done


@pytest.fixture(scope="session")
def runner(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Runner:
    return Runner(bundle, tmp_path_factory.mktemp("home"))
