"""The window's settings, each declared once here with its key, its type and its default (Picard's typed
options); no other module spells a QSettings key.

``option.get()`` returns a value of the declared type: the default when nothing is stored, and also when
what is stored has the wrong type or an unknown value (a hand-edited file, an older program's format), so
a bad setting never reaches a widget. ``option.set(value)`` stores it. Settings live in QSettings (the
platform's place, or an INI file the tests point to), so the window's state never enters the workspace.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

REGISTRY: dict[str, Option[object]] = {}


class Option(Generic[T]):
    """One setting. ``read`` turns a stored value into ``T`` or returns None when it cannot."""

    def __init__(self, key: str, read: Callable[[object], T | None], default: T, register: bool = True) -> None:
        self.key = key
        self._read = read
        self.default = default
        if register:
            if key in REGISTRY:
                raise ValueError(f"setting {key!r} declared twice")
            REGISTRY[key] = self  # type: ignore[assignment]

    def get(self) -> T:
        stored = QSettings().value(self.key)
        if stored is None:
            return self.default
        value = self._read(stored)
        return self.default if value is None else value

    def set(self, value: T) -> None:
        QSettings().setValue(self.key, str(value) if isinstance(value, Path) else value)

    def reset(self) -> None:
        QSettings().remove(self.key)


class OptionFamily(Generic[T]):
    """Settings of one type and default under keys made from a name, e.g. one header state per list."""

    def __init__(self, pattern: str, read: Callable[[object], T | None], default: T) -> None:
        self.pattern, self._read, self.default = pattern, read, default
        self._made: dict[str, Option[T]] = {}
        if pattern in REGISTRY:
            raise ValueError(f"setting {pattern!r} declared twice")
        REGISTRY[pattern] = self  # type: ignore[assignment]

    def of(self, name: str) -> Option[T]:
        if name not in self._made:
            self._made[name] = Option(self.pattern.format(name), self._read, self.default, register=False)
        return self._made[name]


# ---- readers: the stored value as the type, or None ----------------------------------------------------
def choice(allowed: Collection[str]) -> Callable[[object], str | None]:
    return lambda stored: stored if isinstance(stored, str) and stored in allowed else None


def folder(stored: object) -> Path | None:
    return Path(stored) if isinstance(stored, str) and stored.strip() else None


def byte_array(stored: object) -> QByteArray | None:
    if isinstance(stored, QByteArray) and not stored.isEmpty():
        return stored
    return None


# ---- the settings --------------------------------------------------------------------------------------
LANGUAGES = ("zh", "en")
LANGUAGE = Option("ui/language", choice(LANGUAGES), "zh")
"""设置 → 界面语言: applies at the next start."""

WINDOW_GEOMETRY: Option[QByteArray | None] = Option("window/geometry", byte_array, None)
WINDOW_STATE: Option[QByteArray | None] = Option("window/state", byte_array, None)
LIST_HEADER: OptionFamily[QByteArray | None] = OptionFamily("lists/{}/header", byte_array, None)
"""Each list's column widths and order (``LIST_HEADER.of(kind)``)."""

SYNC_FOLDER = Option("sync/folder", folder, Path.home())
"""Where the last package or key file was saved or opened: the file dialogs start there."""

DOCUMENTS_FOLDER = Option("documents/folder", folder, Path.home())
"""Where the last ledger was exported or workbook imported: those file dialogs start there."""

def minutes(stored: object) -> int | None:
    try:
        value = int(str(stored))
    except ValueError:
        return None
    return value if 0 <= value <= 24 * 60 else None


IDLE_LOCK_MINUTES = Option("security/idle_lock_minutes", minutes, 10)
"""After this many minutes without a key or mouse touch the window locks and asks the passphrase again
(0: never; a suspend locks it in any case)."""
