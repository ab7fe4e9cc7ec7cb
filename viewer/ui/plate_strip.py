"""The regional plates as miniatures: click one (or pick it with the arrows and Enter) to show it.

The miniatures are drawn the first time the strip is shown (or when the window asks, after its first
paint), never while the window starts."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsScene, QListView, QListWidget, QListWidgetItem

from ..atlas.i18n import _
from . import theme
from .accessibility import named
from .items import FigureItem, S
from .lazy import BuiltOnFirstShow
from .safe_text import tooltip
from .words import view_name, view_short, without_mnemonic

ICON = 64  # the miniature's height in logical pixels
VIEW_ROLE = Qt.ItemDataRole.UserRole


def miniature(view, height: int = ICON, ratio: float = 1.0) -> QPixmap:
    """The drawing of a body-model view, fitted into a ``height``-high pixmap (``ratio``: device pixels)."""
    x0, y0, x1, y1 = view.bounds
    width = max(1, round(height * (x1 - x0) / (y1 - y0)))
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(theme.color("canvas"))
    scene = QGraphicsScene()
    scene.addItem(FigureItem(view))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, width, height), QRectF(x0 * S, y0 * S, (x1 - x0) * S, (y1 - y0) * S))
    painter.end()
    return pixmap


class PlateStrip(BuiltOnFirstShow, QListWidget):
    """One entry per regional plate and own projection (vertex, medial leg), in the registry's order: its miniature
    and its short name."""

    chosen = Signal(str)  # the plate's view name

    def __init__(self, body, parent=None):
        super().__init__(parent)
        self.body = body
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)  # a grid in a side panel, a strip when docked along the bottom
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(2 * ICON, ICON))
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        lines = 2 * self.fontMetrics().height()
        self.setGridSize(QSize(2 * ICON + 24, ICON + lines + 10))
        named(self, _("Regional plates"), _("Miniatures of the regional plates: arrows choose one, Enter shows it"))
        self.itemActivated.connect(self._on_item)
        self.itemClicked.connect(self._on_item)
        for name in [n for n in body.registry.names if not body.registry[n].shortcut]:  # plates, own projections
            if name not in body.views:
                continue
            item = QListWidgetItem(without_mnemonic(view_short(name)))
            item.setData(VIEW_ROLE, name)
            item.setToolTip(tooltip(view_name(name)))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, view_name(name))
            self.addItem(item)

    def build_content(self) -> None:
        """Draw the miniatures (the first time the strip is seen)."""
        ratio = self.devicePixelRatioF() or 1.0
        for row in range(self.count()):
            item = self.item(row)
            item.setIcon(QIcon(miniature(self.body.view(item.data(VIEW_ROLE)), ICON, ratio)))

    def show_current(self, view: str) -> None:
        """Mark the plate on screen (no entry when a whole figure is)."""
        row = next((r for r in range(self.count()) if self.item(r).data(VIEW_ROLE) == view), -1)
        self.blockSignals(True)
        try:
            self.setCurrentRow(row)
        finally:
            self.blockSignals(False)

    def _on_item(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(VIEW_ROLE))
