"""Layers panel: one switch per channel (doubling as the colour legend), channel lines, landmarks."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..atlas.model import channel_label
from . import theme
from .lazy import BuiltOnFirstShow
from .safe_text import tooltip


def swatch(meridian: str, size: int = 14) -> QIcon:
    """A small legend icon: the channel colour, dashed for yang channels as on the diagram, on a light chip
    like the legend's (the channel colours are made for a light figure, also in the dark theme)."""
    pixmap = QPixmap(size * 2, size)
    pixmap.fill(theme.TRANSPARENT)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.color("legend_bg"))
    painter.drawRoundedRect(0, 0, size * 2, size, 3, 3)
    pen = QPen(theme.meridian_colour(meridian), 3,
               Qt.PenStyle.DashLine if meridian in theme.YANG_CHANNELS else Qt.PenStyle.SolidLine)
    painter.setPen(pen)
    painter.drawLine(1, size // 2, size * 2 - 1, size // 2)
    painter.setPen(QPen(theme.color("marker_edge"), 1))
    painter.setBrush(theme.meridian_colour(meridian))
    painter.drawEllipse(size - 4, size // 2 - 4, 8, 8)
    painter.end()
    return QIcon(pixmap)


class LayersPanel(BuiltOnFirstShow, QWidget):
    meridianToggled = Signal(str, bool)
    pathwaysToggled = Signal(bool)

    def __init__(self, atlas, parent=None):
        super().__init__(parent)
        self.setObjectName("layers")
        self.atlas = atlas
        self._boxes: dict[str, QCheckBox] = {}

    @property
    def boxes(self) -> dict[str, QCheckBox]:
        """One switch per channel; built on first use, since the panel starts behind a tab."""
        self.ensure_built()
        return self._boxes

    def build_content(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.pathways = QCheckBox("Channel lines")
        self.pathways.setChecked(True)
        self.pathways.toggled.connect(self.pathwaysToggled)
        outer.addWidget(self.pathways)
        buttons = QHBoxLayout()
        for text, state in (("All", True), ("None", False)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=state: self.set_all(s))
            buttons.addWidget(button)
        outer.addLayout(buttons)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        for code, meridian in self.atlas.meridians.items():
            box = QCheckBox(f"{channel_label(code)}  {meridian.name}")
            box.setIcon(swatch(code))
            box.setToolTip(tooltip(meridian.full_name))
            box.setChecked(True)
            box.toggled.connect(lambda on, c=code: self.meridianToggled.emit(c, on))
            column.addWidget(box)
            self._boxes[code] = box
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll, 1)

    def restyle(self) -> None:
        """Swatches in the current theme's channel colours."""
        for code, box in self._boxes.items():
            box.setIcon(swatch(code))

    def set_all(self, on: bool) -> None:
        for box in self.boxes.values():
            box.setChecked(on)
