"""Browse panel: a tree of channels and their points; picking one selects it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from .layers import swatch

CODE_ROLE = Qt.ItemDataRole.UserRole


class BrowseTree(QTreeWidget):
    pointChosen = Signal(str)

    def __init__(self, atlas, parent=None):
        super().__init__(parent)
        self.setObjectName("browse")
        self.setHeaderLabels(["Point", "Name"])
        self.setUniformRowHeights(True)
        self.items: dict[str, QTreeWidgetItem] = {}
        for code, meridian in atlas.meridians.items():
            top = QTreeWidgetItem([code, meridian.name])
            top.setIcon(0, swatch(code))
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for point_code in meridian.points:
                point = atlas.points[point_code]
                child = QTreeWidgetItem([point_code, f"{point.pinyin} · {point.english}"])
                child.setData(0, CODE_ROLE, point_code)
                child.setToolTip(1, point.location)
                top.addChild(child)
                self.items[point_code] = child
            self.addTopLevelItem(top)
        self.resizeColumnToContents(0)
        self.currentItemChanged.connect(self._on_current)

    def _on_current(self, current, _previous) -> None:
        code = current.data(0, CODE_ROLE) if current is not None else None
        if code:
            self.pointChosen.emit(code)

    def show_point(self, code: str) -> None:
        item = self.items.get(code)
        if item is None or item is self.currentItem():
            return
        self.blockSignals(True)
        self.setCurrentItem(item)
        self.scrollToItem(item)
        self.blockSignals(False)
