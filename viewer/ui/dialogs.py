"""File dialogs behind small functions, so tests (and kiosk set-ups) can replace them."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

PLAN_FILTER = "Meridian Viewer plans (*.mvplan);;All files (*)"


def ask_open_path(parent, caption: str, filters: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
    return Path(path) if path else None


def ask_save_path(parent, caption: str, filters: str, suggested: str = "") -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return Path(path) if path else None


def ask_printer(parent):
    """The system print dialog; returns a configured QPrinter or None if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None
