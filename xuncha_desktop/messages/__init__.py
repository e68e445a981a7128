"""The one catalogue of user-facing messages of the core (errors and command-line output).

Each message has a Chinese and an English text with the same ``{placeholders}``; the window translates
its own strings with Qt's system, and shows these through :func:`render` in the chosen language.
The catalogue is kept in one module per area (``core.py``, ...): every module of this package that
defines ``MESSAGES`` is merged here, and a key may be defined once only.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from typing import Final


def _load() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(__path__):
        part = importlib.import_module(f"{__name__}.{info.name}")
        for key, texts in getattr(part, "MESSAGES", {}).items():
            if key in merged:
                raise RuntimeError(f"message {key!r} is defined twice")
            merged[key] = texts
    return merged


MESSAGES: Final[dict[str, tuple[str, str]]] = _load()

_ENGLISH = ("en", "en_US", "en_GB", "C")


def language() -> str:
    """``zh`` or ``en``: XUNCHA_LANG if set, Chinese otherwise (the users' language)."""
    chosen = os.environ.get("XUNCHA_LANG", "zh")
    return "en" if chosen.split(".")[0] in _ENGLISH else "zh"


def render(key: str, lang: str | None = None, **values: object) -> str:
    zh, en = MESSAGES[key]
    return (en if (lang or language()) == "en" else zh).format(**values)


def both(key: str, **values: object) -> str:
    """Chinese and English together, for the command line and the log read by either reader."""
    zh, en = MESSAGES[key]
    return f"{zh.format(**values)} / {en.format(**values)}"
