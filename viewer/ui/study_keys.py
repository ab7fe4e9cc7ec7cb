"""While a study session runs, its keys (1-4, H, Space, E, N, Esc ...) work wherever the focus is.

Without this, a key pressed with the focus on the diagram switched the view ("1") or the
"where does it hurt?" mode ("H"), and Space pressed a button that had kept the focus after a click.
Text fields keep their keys, so the search box still takes digits and letters.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_TYPES = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)


def _takes_typing(widget: QWidget) -> bool:
    if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
        return not getattr(widget, "isReadOnly", lambda: False)()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    return False


class StudyKeys(QObject):
    """Watches the window's focus widget and hands the running tab its keys before anyone else sees them.

    The filter sits on the focus widget only (followed through ``focusChanged``): an application-wide
    filter would also see objects still under construction, which PySide cannot wrap safely.
    """

    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel
        self._watched: QWidget | None = None
        QApplication.instance().focusChanged.connect(self._follow_focus)
        self._follow_focus()

    def _follow_focus(self, *_widgets) -> None:
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.panel):
            return
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        widget = QApplication.focusWidget()
        self._watched = widget if widget is not None and widget.window() is self.panel.window() else None
        if self._watched is not None:
            self._watched.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() not in _TYPES:
            return False
        tab = self.panel.running_tab()
        if tab is None or _takes_typing(obj):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        action = tab.keys.get(event.key())
        if action is None:
            return False
        event.accept()
        if event.type() == QEvent.Type.KeyPress:
            action()
        return True
