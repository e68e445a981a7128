"""SVG icons from ``resources/icons`` (sharp at any scale)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from xuncha_desktop.resources import resource_path


@cache
def icon(name: str) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
