"""File dialogs behind small functions, so tests (and kiosk set-ups) can replace them."""
from __future__ import annotations

from pathlib import Path

from ..atlas.i18n import N_, _

PLAN_FILTER = N_("Meridian Viewer plans (*.mvplan);;All files (*)")


def plan_filter() -> str:
    return _(PLAN_FILTER)


def ask_open_path(parent, caption: str, filters: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    path, _filter = QFileDialog.getOpenFileName(parent, caption, "", filters)
    return Path(path) if path else None


def ask_save_path(parent, caption: str, filters: str, suggested: str = "") -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    path, _filter = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return Path(path) if path else None


def ask_printer(parent):
    """The system print dialog; returns a configured QPrinter or None if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


class UnsavedChanges:
    """Save / Discard / Cancel for a plan with unsaved changes; ``ask`` is the one place tests replace."""

    SAVE, DISCARD, CANCEL = "save", "discard", "cancel"

    @classmethod
    def ask(cls, parent, title: str, answer) -> None:
        """Ask without blocking (``open()``); ``answer`` is called with SAVE, DISCARD or CANCEL."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Warning, _("Unsaved plan"),
                          _("The plan \u201c{title}\u201d has changes that are not saved.").format(title=title),
                          buttons.Save | buttons.Discard | buttons.Cancel, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the title is the user's text
        box.setInformativeText(_("Save them before going on?"))
        box.setDefaultButton(buttons.Save)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        words = {buttons.Save: cls.SAVE, buttons.Discard: cls.DISCARD}
        box.finished.connect(lambda _result: answer(words.get(box.standardButton(box.clickedButton()), cls.CANCEL)))
        box.open()
