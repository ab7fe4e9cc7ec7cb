"""Muscles panel: trigger-point muscles by region; picking a muscle or trigger point selects it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from ..atlas.i18n import _
from ..atlas.keys import muscle_key, trigger_key
from .accessibility import named
from .lazy import BuiltOnFirstShow
from .safe_text import tooltip
from .words import view_word

KEY_ROLE = Qt.ItemDataRole.UserRole


class MusclesPanel(BuiltOnFirstShow, QTreeWidget):
    """A tree region -> muscle -> trigger points. Emits the selection key of the muscle or trigger point."""

    chosen = Signal(str)

    def __init__(self, muscles, parent=None, terms=None):
        super().__init__(parent)
        self.terms = terms or {}  # (region, id) -> the region in the user's language
        self.setObjectName("muscles")
        self.setHeaderLabels([_("Muscle / trigger point"), _("Where")])
        named(self, _("Muscles and trigger points"), _("By body region; choosing one shows it on the body"))
        self.setUniformRowHeights(True)
        # Names in full ("Quadratus lumborum"): the first column follows its widest shown row.
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.muscles = muscles
        self._items: dict[str, QTreeWidgetItem] = {}
        self.currentItemChanged.connect(self._on_current)

    @property
    def items(self) -> dict[str, QTreeWidgetItem]:
        """Tree items by key; the tree is filled on first use (the panel starts behind a tab)."""
        self.ensure_built()
        return self._items

    def build_content(self) -> None:
        muscles = self.muscles
        groups: dict[str, QTreeWidgetItem] = {}
        for muscle in muscles.muscles.values():
            group = groups.get(muscle.region)
            if group is None:
                region = self.terms.get(("region", muscle.region)) or muscle.region.replace("_", " ")
                group = QTreeWidgetItem([region[:1].upper() + region[1:], ""])
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                groups[muscle.region] = group
                self.addTopLevelItem(group)
            item = QTreeWidgetItem([muscle.name, _(", ").join(view_word(v) for v in muscle.views)])
            item.setData(0, KEY_ROLE, muscle_key(muscle.id))
            item.setToolTip(0, tooltip(muscle.summary))
            group.addChild(item)
            self._items[muscle_key(muscle.id)] = item
            for tp in muscle.trigger_points:
                child = QTreeWidgetItem([f"✕ {tp.id}", tp.name])
                child.setData(0, KEY_ROLE, trigger_key(tp.id))
                item.addChild(child)
                self._items[trigger_key(tp.id)] = child

    def _on_current(self, current, _previous) -> None:
        key = current.data(0, KEY_ROLE) if current is not None else None
        if key:
            self.chosen.emit(key)

    def show_key(self, key: str) -> None:
        if not self._built:
            return  # nothing to follow yet; the tree will be built when shown
        item = self._items.get(key)
        if item is None or item is self.currentItem():
            return
        self.blockSignals(True)
        self.setCurrentItem(item)
        self.scrollToItem(item)
        self.blockSignals(False)
