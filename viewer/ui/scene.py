"""One body view as a QGraphicsScene: figure, channel lines, markers and labels."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsScene

from ..atlas.body import smooth_open
from ..atlas.pathways import pathway_runs
from . import theme
from .fonts import hanzi_supported
from .items import FigureItem, LabelItem, MarkerItem, PathwayItem, to_painter_path


def point_tooltip(point) -> str:
    hanzi = f" {point.hanzi}" if hanzi_supported() else ""
    return f"{point.code} {point.pinyin}{hanzi}\n{point.english}"


class BodyScene(QGraphicsScene):
    """The diagram of one view. Emits which point was clicked or hovered; holds no selection logic."""

    pointClicked = Signal(str, object)  # code, marker key
    pointHovered = Signal(str)  # code, or "" when the pointer leaves a marker

    def __init__(self, view, content, parent=None):
        super().__init__(parent)
        self.view_name = view.name
        self.setBackgroundBrush(theme.PAPER)
        self.figure = FigureItem(view)
        self.addItem(self.figure)
        self.markers: list[MarkerItem] = []
        self.by_code: dict[str, list[MarkerItem]] = {}
        self.pathways: dict[str, list[PathwayItem]] = {}
        self._labels_on = False
        self._hidden: set[str] = set()
        self._selected = ""
        self._font = QFont()
        self._font.setPointSizeF(8.0)
        self._font.setBold(True)
        atlas = content.atlas
        for meridian in atlas.meridians:
            colour = theme.meridian_colour(meridian)
            for run in pathway_runs(atlas, content.layout, meridian, view.name):
                path = to_painter_path(smooth_open(run))
                item = PathwayItem(meridian, path, colour, meridian in theme.YANG_CHANNELS)
                self.addItem(item)
                self.pathways.setdefault(meridian, []).append(item)
        for marker in content.layout.markers.get(view.name, []):
            point = atlas.points[marker.code]
            item = MarkerItem(marker, point.meridian, theme.meridian_colour(point.meridian), point_tooltip(point))
            self.addItem(item)
            self.markers.append(item)
            self.by_code.setdefault(marker.code, []).append(item)
        margin = 0.04 * theme.SCENE_HEIGHT
        self.setSceneRect(self.body_rect().adjusted(-margin, -margin, margin, margin))

    def body_rect(self) -> QRectF:
        return self.figure.boundingRect()

    # --- state set from outside -------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        """Level of detail for a zoom relative to 'fit': dot size, and labels past a threshold."""
        factor = max(0.8, min(1.3, 0.8 + 0.12 * (zoom - 1.0)))
        for item in self.markers:
            if item.size_factor != factor:
                item.size_factor = factor
                item.update()
        if (zoom >= theme.LABEL_ZOOM) != self._labels_on:
            self.set_labels_visible(zoom >= theme.LABEL_ZOOM)

    def set_labels_visible(self, on: bool) -> None:
        """Level of detail: point codes are shown beside every marker only when zoomed in."""
        self._labels_on = on
        for item in self.markers:
            self._update_label(item)

    def set_meridian_visible(self, meridian: str, visible: bool) -> None:
        if visible:
            self._hidden.discard(meridian)
        else:
            self._hidden.add(meridian)
        for item in self.pathways.get(meridian, []):
            item.setVisible(visible)
        for item in self.markers:
            if self._meridian_of(item) == meridian:
                item.setVisible(visible or item.code == self._selected)

    def set_pathways_visible(self, visible: bool) -> None:
        for meridian, items in self.pathways.items():
            for item in items:
                item.setVisible(visible and meridian not in self._hidden)

    def select(self, code: str, key=None) -> None:
        """Highlight ``code``: the clicked marker (``key``) as selected, its other markers as its pair."""
        for item in self.by_code.get(self._selected, []):
            item.set_state("normal")
            item.setVisible(self._meridian_of(item) not in self._hidden)
            self._update_label(item)
        self._selected = code
        items = self.by_code.get(code, [])
        primary = next((i for i in items if i.marker.key == key), items[0] if items else None)
        for item in items:
            item.setVisible(True)
            item.set_state("selected" if item is primary else "pair")
            self._update_label(item)

    def selected_items(self) -> list[MarkerItem]:
        return [i for i in self.by_code.get(self._selected, []) if i.state in ("selected", "pair")]

    # --- helpers ----------------------------------------------------------------------------
    def _meridian_of(self, item: MarkerItem) -> str:
        return item.meridian

    def _update_label(self, item: MarkerItem) -> None:
        """Show or hide a marker's code label; labels are only created once first needed."""
        wanted = item.isVisible() and (self._labels_on or item.state == "selected")
        if item.label is None:
            if not wanted:
                return
            item.label = LabelItem(item.code, item, self._font)
        item.label.setVisible(wanted)
