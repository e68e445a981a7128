"""The window's typed settings: declared once, read back typed, defaults, and bad stored values ignored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from xuncha_desktop.ui import settings


def test_options_read_back_typed_and_defaults_apply(tmp_path: Path) -> None:
    assert settings.LANGUAGE.get() == "zh"
    assert settings.SYNC_FOLDER.get() == Path.home()
    assert settings.WINDOW_GEOMETRY.get() is None and settings.LIST_HEADER.of("clue").get() is None
    settings.LANGUAGE.set("en")
    settings.SYNC_FOLDER.set(tmp_path)
    settings.LIST_HEADER.of("clue").set(QByteArray(b"\x00\xffheader"))
    QSettings().sync()
    assert settings.LANGUAGE.get() == "en"
    folder = settings.SYNC_FOLDER.get()
    assert isinstance(folder, Path) and folder == tmp_path
    header = settings.LIST_HEADER.of("clue").get()
    assert isinstance(header, QByteArray) and bytes(header.data()) == b"\x00\xffheader"
    assert settings.LIST_HEADER.of("problem").get() is None  # one state per list
    settings.LANGUAGE.reset()
    assert settings.LANGUAGE.get() == "zh"


@pytest.mark.parametrize(("option", "stored"), [
    (settings.LANGUAGE, "fr"),  # an unknown value
    (settings.LANGUAGE, 3),  # a value of the wrong type
    (settings.SYNC_FOLDER, ""),
    (settings.SYNC_FOLDER, 7),
    (settings.WINDOW_GEOMETRY, "not bytes"),
])
def test_a_stored_value_of_the_wrong_type_falls_back_to_the_default(option: settings.Option[object],
                                                                    stored: object) -> None:
    QSettings().setValue(option.key, stored)
    QSettings().sync()
    assert option.get() == option.default


def test_every_key_is_declared_once() -> None:
    assert {"ui/language", "window/geometry", "window/state", "lists/{}/header", "sync/folder"} <= set(
        settings.REGISTRY)
    with pytest.raises(ValueError, match="declared twice"):
        settings.Option("ui/language", settings.choice(("zh",)), "zh")


def test_no_other_module_spells_a_settings_key() -> None:
    ui = Path(settings.__file__).parent
    spelled = [p.name for p in ui.rglob("*.py") if p.name not in ("settings.py", "screenshots.py")
               and "QSettings(" in p.read_text(encoding="utf-8")]
    assert spelled == []
