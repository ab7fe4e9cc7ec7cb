"""'Where does it hurt?': the muscles that refer pain to a spot, and the acupoints near it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..atlas.i18n import N_, _, ngettext
from ..atlas.keys import muscle_key
from .accessibility import named
from .words import view_word

KEY_ROLE = Qt.ItemDataRole.UserRole
ZONES = {"essential": N_("essential"), "spillover": N_("spillover")}


class PainPanel(QWidget):
    chosen = Signal(str)

    def __init__(self, content, parent=None):
        super().__init__(parent)
        self.setObjectName("pain")
        self.content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.hint = QLabel(_("Turn on <b>Where does it hurt?</b> (<b>H</b>) and click a spot on the body."))
        self.hint.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Candidate"), _("Why"), _("Travell & Simons")])
        self.tree.setRootIsDecorated(True)
        named(self.tree, _("Where it hurts: candidates"),
              _("Muscles that may refer pain to the spot, acupoints near it"))
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        self.tree.itemActivated.connect(self._on_item)
        self.tree.itemClicked.connect(self._on_item)

    def show_results(self, view: str, hits, near) -> None:
        """``hits``: PainHit list (common sources first, essential before spillover);
        ``near``: (acupoint code, distance)."""
        self.tree.clear()
        spot = ngettext("A spot on the <b>{view}</b> view: {n} muscle may refer pain here.",
                        "A spot on the <b>{view}</b> view: {n} muscles may refer pain here.", len(hits))
        close = ngettext("{n} acupoint lies close by.", "{n} acupoints lie close by.", len(near))
        caveat = _("Educational, not a diagnosis.")
        spot = spot.format(view=view_word(view), n=len(hits))
        self.hint.setText(f"{spot}<br>{close.format(n=len(near))}<br>{caveat}")
        muscles = QTreeWidgetItem([_("Muscles referring pain here ({n})").format(n=len(hits)), "", ""])
        for hit in hits:
            muscle = self.content.muscles.muscles[hit.muscle]
            how = _("common") if hit.frequency == "common" else _("less common")
            why = _("{zone}, {frequency}").format(zone=_(ZONES[hit.kind]) if hit.kind in ZONES else hit.kind,
                                                 frequency=how)
            item = QTreeWidgetItem([muscle.name, why, hit.source.removeprefix("T&S ")])
            item.setData(0, KEY_ROLE, muscle_key(hit.muscle))
            muscles.addChild(item)
        points = QTreeWidgetItem([_("Acupoints near the spot ({n})").format(n=len(near)), "", ""])
        for code, distance in near:
            point = self.content.atlas.points[code]
            item = QTreeWidgetItem([f"{code} {point.pinyin}", _("{cm} cm away").format(cm=f"{distance * 170:.0f}"), ""])
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
