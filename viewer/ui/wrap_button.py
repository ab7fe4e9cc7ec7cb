"""A push button whose text wraps, so a long answer grows the button downwards, never the window wider."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy


class WrapButton(QPushButton):
    """Behaves like a QPushButton; the text sits in a word-wrapping label shown as plain text."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # answers come from data files
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 7, 10, 7)
        layout.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setText(text)

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def text(self) -> str:
        return self.label.text()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.layout().totalHeightForWidth(width)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, self.label.fontMetrics().height() + 14)

    def sizeHint(self) -> QSize:
        width = min(self.label.sizeHint().width() + 20, 360)
        return QSize(width, self.heightForWidth(width))
