"""The patient's language: separate from the user's, used by the patient view, handouts and printing.

A practitioner working in English can show the patient view and print the handout in Spanish or
Chinese. One small observable value holds the choice; the patient view's combo box and the File ▸
Patient language menu both edit it and both follow it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup

from ..atlas import i18n
from ..atlas.i18n import _

if TYPE_CHECKING:  # the combo box is the patient view's, made after the first picture
    from PySide6.QtWidgets import QComboBox

SAME = ""  # the user's own language


class PatientLanguage(QObject):
    changed = Signal(str)  # the language tag, "" = the user's

    def __init__(self, parent=None):
        super().__init__(parent)
        self._value = SAME

    @property
    def value(self) -> str:
        return self._value

    def effective(self) -> str:
        """The language texts for the patient are rendered in."""
        return self._value or i18n.current()

    def set(self, lang: str) -> None:
        lang = lang if lang in i18n.available() else SAME
        if lang != self._value:
            self._value = lang
            self.changed.emit(lang)


def _choices() -> list[tuple[str, str]]:
    current = i18n.NATIVE_NAMES.get(i18n.current(), i18n.current())
    return [(SAME, _("Same as the interface ({name})").format(name=current))] + [
        (lang, i18n.NATIVE_NAMES.get(lang, lang)) for lang in i18n.available()]


def combo(state: PatientLanguage, parent=None) -> QComboBox:
    """A combo box editing ``state`` and following it."""
    from PySide6.QtWidgets import QComboBox

    box = QComboBox(parent)
    box.setObjectName("patient_language")
    box.setAccessibleName(_("Patient's language"))
    for lang, title in _choices():
        box.addItem(title, lang)
    box.setCurrentIndex(max(0, box.findData(state.value)))
    box.currentIndexChanged.connect(lambda index: state.set(box.itemData(index)))
    state.changed.connect(lambda lang: box.setCurrentIndex(max(0, box.findData(lang))))
    return box


def menu(state: PatientLanguage, parent_menu) -> None:
    """A 'Patient language' submenu of checkable entries editing ``state`` and following it."""
    sub = parent_menu.addMenu(_("Patient &language (patient view, handouts)"))
    sub.setObjectName("patient_language_menu")
    group = QActionGroup(sub)
    for lang, title in _choices():
        action = QAction(sub, checkable=True)  # text set apart: see MainWindow.make_action
        action.setText(title)
        action.setData(lang)
        action.setChecked(lang == state.value)
        group.addAction(action)
        sub.addAction(action)
    group.triggered.connect(lambda action: state.set(action.data()))
    state.changed.connect(lambda lang: [a.setChecked(a.data() == lang) for a in group.actions()])
