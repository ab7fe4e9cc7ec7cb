"""Layers panel: one switch per channel (doubling as the colour legend), channel lines, landmarks."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..atlas.i18n import _
from ..atlas.model import channel_label
from .accessibility import named
from .lazy import BuiltOnFirstShow
from .safe_text import tooltip
from .theme import swatch


class LayersPanel(BuiltOnFirstShow, QWidget):
    meridianToggled = Signal(str, bool)
    pathwaysToggled = Signal(bool)

    def __init__(self, atlas, parent=None):
        super().__init__(parent)
        self.setObjectName("layers")
        self.atlas = atlas
        self._boxes: dict[str, QCheckBox] = {}
        self.layer_actions: list = []  # the window's layer switches (acupoints, trigger points, safety)

    @property
    def boxes(self) -> dict[str, QCheckBox]:
        """One switch per channel; built on first use, since the panel starts behind a tab."""
        self.ensure_built()
        return self._boxes

    def build_content(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        for action in self.layer_actions:  # the menu's own switches: one state, shown in both places
            box = QCheckBox(action.iconText())
            box.setToolTip(tooltip(action.statusTip() or action.iconText()))
            box.setChecked(action.isChecked())
            action.toggled.connect(box.setChecked)
            box.clicked.connect(lambda _on, a=action: a.trigger())
            outer.addWidget(box)
        self.pathways = QCheckBox(_("Channel lines"))
        self.pathways.setChecked(True)
        self.pathways.toggled.connect(self.pathwaysToggled)
        outer.addWidget(self.pathways)
        buttons = QHBoxLayout()
        for text, state in ((_("All"), True), (_("None"), False)):
            button = named(QPushButton(text), _("Show all channels") if state else _("Hide all channels"))
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
