"""Translations: every English text keeps the placeholders of its source; the catalogue covers the code."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from xuncha_desktop.resources import resource_path
from xuncha_desktop.ui.controllers.records import Controller

TS = resource_path("translations", "xuncha_en.ts")
QM = resource_path("translations", "xuncha_en.qm")
_PLACEHOLDER = re.compile(r"%(?:n|L?\d+)|\{[a-z_]+\}")


def _messages() -> list[tuple[str, list[str], ET.Element]]:
    found = []
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        found.append((message.findtext("source") or "", forms, translation))
    return found


def test_every_translation_keeps_its_placeholders() -> None:
    messages = _messages()
    assert len(messages) > 100
    for source, forms, translation in messages:
        assert translation.get("type") not in ("unfinished", "obsolete"), source
        wanted = sorted(_PLACEHOLDER.findall(source))
        for form in forms:
            assert form, source
            assert sorted(_PLACEHOLDER.findall(form)) == wanted, (source, form)


def test_catalogue_covers_every_string_in_the_code(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "pyside6-lupdate")
    sources = sorted(str(p) for p in Path(resource_path("..", "xuncha_desktop", "ui")).resolve().glob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = {(m.findtext("source")) for m in ET.parse(fresh).getroot().iter("message")}
    in_catalogue = {source for source, _forms, _t in _messages()}
    assert in_code - in_catalogue == set(), "run the steps in resources/translations/fill_en.py"
    # the compiled catalogue holds what the source says (lrelease was run after the last edit)
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.get("numerus") != "yes":
                source = message.findtext("source") or ""
                assert translator.translate(name, source) == message.findtext("translation"), source


def test_english_window(qtbot: QtBot, controller: Controller, ids: dict[str, str]) -> None:
    from xuncha_desktop.ui import i18n
    from xuncha_desktop.ui.main_window import MainWindow

    assert i18n.install("en") == "en"
    controller.lang = "en"
    window = MainWindow(controller, offer_drafts=False)
    qtbot.addWidget(window)
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels[:4] == ["Dashboard", "Office overview", "Rounds and units", "Interviews"]
    assert window.list_of("interview").count_label.text() == "0 records"
    assert window.list_of("unit").count_label.text() == "1 record"
    # strings of a base class are translated in a subclass too (the interview editor's buttons)
    editor = window.new_record("interview", {"unit_id": ids["unit"]})
    assert {b.text() for b in editor.findChildren(QPushButton)} >= {"Save", "Close", "Insert time (Ctrl+T)"}
    header = window.list_of("interview").model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "interviewee's name"
    editor.close()


def test_qt_s_own_dialogs_speak_chinese(qtbot: QtBot) -> None:
    """File dialogs and standard buttons use Qt's Chinese translations ("Look in:", "Files of type:" and
    dates like "2 12 2026" were English before)."""
    from PySide6.QtCore import QCoreApplication, QDate, QLocale

    from xuncha_desktop.ui import i18n

    assert i18n.install("zh") == "zh"  # what the window does at start
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QLocale().toString(QDate(2026, 12, 2), QLocale.FormatType.ShortFormat) == "2026/12/2"
