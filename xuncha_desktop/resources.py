"""The one way to the program's data files (fonts, icons, translations, the demo's texts) and build facts.

The files live in the repository's top-level ``resources/`` folder, which setup.py installs as the package
``xuncha_desktop.assets``: ``importlib.resources`` finds them in a checkout (editable install), in an
installed wheel, and in the PyInstaller bundle (where the spec puts them under ``xuncha_desktop/assets``).
Nothing here depends on the source tree being present at run time.
"""

from __future__ import annotations

import functools
import json
import sys
from importlib.resources import files
from pathlib import Path

PACKAGE = "xuncha_desktop.assets"
BUILD_INFO = "build-info.json"  # written into the bundle by build_spec/xuncha.spec


@functools.cache
def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen is not None:  # the bundle: data files sit beside the frozen modules
        return Path(frozen, *PACKAGE.split("."))
    found = files(PACKAGE)
    if not isinstance(found, Path):  # a zip import: the program reads its fonts by path, so it is unsupported
        raise RuntimeError(f"{PACKAGE} must be installed as files, not inside {found}")
    return found


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def frozen() -> bool:
    """True in the PyInstaller bundle, False when run from source or an installed wheel."""
    return getattr(sys, "frozen", False) is True


def build_info() -> dict[str, str]:
    """What the bundle's build wrote (``built``: its date and time, UTC, ISO 8601); empty from source."""
    frozen_dir = getattr(sys, "_MEIPASS", None)
    if frozen_dir is None:
        return {}
    try:
        data = json.loads(Path(frozen_dir, BUILD_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
