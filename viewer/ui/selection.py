"""The one place that knows which point is selected; widgets listen to it instead of each other."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """Current point code (or "") and which marker was used to pick it."""

    changed = Signal(str, object)  # code, marker key or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.code = ""
        self.key = None

    def select(self, code: str, key=None) -> None:
        if code == self.code and key == self.key:
            return
        self.code, self.key = code, key
        self.changed.emit(code, key)

    def clear(self) -> None:
        self.select("", None)
