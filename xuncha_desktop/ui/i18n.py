"""The window's language: Qt translators for its own strings, the core catalogue for service messages.

Source strings in the code are Chinese (zh_CN, the users' language). English comes from
``resources/translations/xuncha_en.qm``, compiled from ``xuncha_en.ts``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from xuncha_desktop.resources import resource_path
from xuncha_desktop.ui import settings

LANGUAGES = {"zh": "中文", "en": "English"}
_installed: list[QTranslator] = []


def translations_dir() -> str:
    return str(resource_path("translations"))


def chosen_language(explicit: str | None = None) -> str:
    """``zh`` or ``en``: the explicit choice, else the saved setting, else Chinese."""
    if explicit in LANGUAGES:
        return str(explicit)
    return settings.LANGUAGE.get()


def save_language(lang: str) -> None:
    """The language of the next start (设置 → 界面语言); Qt cannot re-translate built widgets in place."""
    if lang in LANGUAGES:
        settings.LANGUAGE.set(lang)


def install(lang: str) -> str:
    """Installs the translators of ``lang`` on the running application; returns the language in force."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang == "en":
        translator = QTranslator(app)
        if translator.load("xuncha_en", translations_dir()):
            app.installTranslator(translator)
            _installed.append(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        # Qt's own texts (standard buttons, context menus, the calendar) in Chinese as well
        qt_translator = QTranslator(app)
        if qt_translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_translator)
            _installed.append(qt_translator)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return lang


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
