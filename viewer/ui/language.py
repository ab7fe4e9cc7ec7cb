"""The interface language: chosen at start (``--lang``, the saved choice, the system's), Qt's own
dialog translations, and the Language menu.

Texts are built when the widgets are, so a new choice applies at the next start; the menu says so
and offers to restart at once.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication

from ..atlas import i18n
from ..atlas.i18n import _
from .session import FILE_NAME

KEY = "language"
SYSTEM = "system"


def saved_choice(data_dir) -> str:
    """The language saved by the Language menu ('system' when none was chosen or the file is unreadable)."""
    if data_dir is None:
        return SYSTEM
    value = QSettings(str(data_dir / FILE_NAME), QSettings.Format.IniFormat).value(KEY, SYSTEM)
    return value if isinstance(value, str) and (value == SYSTEM or i18n.normalise(value)) else SYSTEM


def save_choice(data_dir, choice: str) -> bool:
    """Remember the choice for the next start; False when the settings file cannot be written."""
    if data_dir is None:
        return False
    settings = QSettings(str(data_dir / FILE_NAME), QSettings.Format.IniFormat)
    settings.setValue(KEY, choice)
    settings.sync()
    return settings.status() == QSettings.Status.NoError


def system_language() -> str:
    """The desktop's language as Qt reports it (QLocale honours the platform's settings), else English."""
    for name in QLocale.system().uiLanguages():
        found = i18n.normalise(name)
        if found:
            return found
    return i18n.system_language()


def start(app: QApplication, requested: str | None, data_dir=None) -> str:
    """Settle the user's language before any widget is built: --lang, then the saved choice, then the
    system's. Installs Qt's own translations (buttons of standard dialogs, the print and file dialogs)."""
    choice = requested or saved_choice(data_dir)
    lang = i18n.set_language(system_language() if choice in (None, SYSTEM) else choice)
    install_qt_translations(app, lang)
    return lang


def install_qt_translations(app: QApplication, lang: str) -> bool:
    """Load Qt's bundled ``qtbase_<lang>.qm``; False when Qt ships none for it (English needs none)."""
    for old in app.findChildren(QTranslator, "meridian-qtbase"):
        app.removeTranslator(old)
        old.deleteLater()
    if lang in (i18n.SOURCE, i18n.PSEUDO):
        return False
    translator = QTranslator(app)
    translator.setObjectName("meridian-qtbase")
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{lang}", folder) and not translator.load(f"qtbase_{lang.split('_')[0]}", folder):
        translator.deleteLater()
        return False
    app.installTranslator(translator)
    return True


def add_menu(window, data_dir) -> None:
    """The Language menu: the system's language or one of the bundled ones, applied at the next start."""
    menu = window.menuBar().addMenu(_("&Language"))
    menu.setObjectName("language_menu")
    group = QActionGroup(menu)
    saved = saved_choice(data_dir)
    entries = [(SYSTEM, _("System language ({name})").format(name=i18n.NATIVE_NAMES[system_language()]))]
    entries += [(lang, i18n.NATIVE_NAMES.get(lang, lang)) for lang in i18n.available()]
    for choice, title in entries:
        action = QAction(menu, checkable=True)  # text set apart: see MainWindow.make_action
        action.setText(title)
        action.setData(choice)
        action.setChecked(choice == saved)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: _chosen(window, data_dir, action.data()))
    window.language_menu = menu


def _chosen(window, data_dir, choice: str) -> None:
    if not save_choice(data_dir, choice):
        window.messages.warn(_("The language could not be saved: the settings file cannot be written."))
        return
    wanted = system_language() if choice == SYSTEM else choice
    if wanted == i18n.current():
        window.messages.say(_("Language saved."))
        return
    from PySide6.QtWidgets import QMessageBox  # imported when asked, not on every start

    with i18n.language(wanted):  # ask in the language chosen, which the user can read
        title, text = _("Language"), _("The new language applies when the app starts again. Restart now?")
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    box.setObjectName("restart_prompt")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.finished.connect(lambda result: _restart(window) if result == QMessageBox.StandardButton.Yes else None)
    box.open()


def _restart(window) -> None:
    """Start a new instance with the same arguments once this window has closed (and saved its layout)."""
    if window.close():
        from PySide6.QtCore import QProcess

        QProcess.startDetached(sys.executable, without_lang(sys.orig_argv[1:]))


def without_lang(argv: list[str]) -> list[str]:
    """The command line minus ``--lang X`` / ``--lang=X``, so the new choice is the one used."""
    kept, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            kept.append(arg)
    return kept
