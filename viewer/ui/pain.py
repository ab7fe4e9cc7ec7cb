"""'Where does it hurt?': the muscles that refer pain to a spot, and the acupoints near it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..atlas.keys import muscle_key

KEY_ROLE = Qt.ItemDataRole.UserRole


class PainPanel(QWidget):
    chosen = Signal(str)

    def __init__(self, content, parent=None):
        super().__init__(parent)
        self.setObjectName("pain")
        self.content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.hint = QLabel("Turn on <b>Where does it hurt?</b> (<b>H</b>) and click a spot on the body.")
        self.hint.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Candidate", "Why", "Travell & Simons"])
        self.tree.setRootIsDecorated(True)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        self.tree.itemActivated.connect(self._on_item)
        self.tree.itemClicked.connect(self._on_item)

    def show_results(self, view: str, hits, near) -> None:
        """``hits``: PainHit list (common sources first, essential before spillover);
        ``near``: (acupoint code, distance)."""
        self.tree.clear()
        self.hint.setText(f"A spot on the <b>{view}</b> view: {len(hits)} muscle"
                          f"{'s' if len(hits) != 1 else ''} may refer pain here; {len(near)} acupoint"
                          f"{'s' if len(near) != 1 else ''} lie close by. Educational, not a diagnosis.")
        muscles = QTreeWidgetItem([f"Muscles referring pain here ({len(hits)})", "", ""])
        for hit in hits:
            muscle = self.content.muscles.muscles[hit.muscle]
            how = "common" if hit.frequency == "common" else "less common"
            item = QTreeWidgetItem([muscle.name, f"{hit.kind}, {how}", hit.source.removeprefix("T&S ")])
            item.setData(0, KEY_ROLE, muscle_key(hit.muscle))
            muscles.addChild(item)
        points = QTreeWidgetItem([f"Acupoints near the spot ({len(near)})", "", ""])
        for code, distance in near:
            point = self.content.atlas.points[code]
            item = QTreeWidgetItem([f"{code} {point.pinyin}", f"{distance * 170:.0f} cm away", ""])
            item.setData(0, KEY_ROLE, code)
            points.addChild(item)
        for group in (muscles, points):
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)

    def result_keys(self) -> list[str]:
        keys = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            keys.extend(group.child(j).data(0, KEY_ROLE) for j in range(group.childCount()))
        return keys

    def _on_item(self, item, _column) -> None:
        key = item.data(0, KEY_ROLE)
        if key:
            self.chosen.emit(key)
