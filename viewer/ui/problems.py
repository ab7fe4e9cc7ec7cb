"""A dialog listing what could not be loaded (file, entry, field and why)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout


class ProblemsDialog(QDialog):
    def __init__(self, problems, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # opened again and again: never piles up
        self.setWindowTitle("Load problems")
        self.resize(720, 360)
        layout = QVBoxLayout(self)
        count = len(problems)
        summary = ("Everything loaded without problems." if not count else
                   f"{count} problem{'s' if count != 1 else ''} found. The entries named below were skipped; "
                   "everything else loaded normally.")
        layout.addWidget(QLabel(summary))
        self.text = QPlainTextEdit("\n".join(str(p) for p in problems))
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
