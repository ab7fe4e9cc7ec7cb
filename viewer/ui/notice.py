"""A message the user must see (a plan not opened, items left out): a dialog that does not block.

Opened with ``open()``, so the window keeps running and tests are not held; tests (and kiosk set-ups)
replace ``Notice.ask``. The text is shown as plain text: it may quote data from a file.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox


class Notice(QMessageBox):
    @classmethod
    def ask(cls, parent, title: str, text: str, details: str = "", callback=None) -> Notice:
        """Show ``text`` (and ``details`` below it); ``callback`` runs once the user has closed it."""
        box = cls(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("notice")
        box.setTextFormat(Qt.TextFormat.PlainText)
        if details:
            box.setInformativeText(details)
            label = box.findChild(QLabel, "qt_msgbox_informativelabel")
            if label is not None:  # plain text there too
                label.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if callback is not None:
            box.finished.connect(lambda _result: callback())
        box.open()
        return box
