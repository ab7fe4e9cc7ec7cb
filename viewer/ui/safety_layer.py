"""The safety layer of a body scene: what a needle can meet (lungs and pleura, kidneys, vessels, nerves)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSimpleTextItem

from . import theme
from .figure_paint import solid, to_painter_path
from .safe_text import tooltip as safe_tooltip

S = theme.SCENE_HEIGHT
# kind -> (line colour, fill, line width in px) in the theme's names: distinct from the channels and pain zones
STYLES = {"organ": ("organ_edge", "organ_fill", 1.6), "vessel": ("vessel", None, 2.6), "nerve": ("nerve", None, 3.0)}
LEGEND = {"◍": "organ", "⎯": "vessel", "┄": "nerve"}  # the legend's symbols (legend.SAFETY_ROWS)
# the core drawn inside a vessel's or nerve's line: a white lumen, dark dotted fibres
CORES = {"vessel": ("vessel_core", Qt.PenStyle.SolidLine), "nerve": ("nerve_core", Qt.PenStyle.DotLine)}


def line_pens(kind: str) -> list[QPen]:
    """The pens of a vessel's or nerve's line, drawn one over the other (cosmetic: pixels on screen)."""
    colour, _fill, width = STYLES[kind]
    core, style = CORES[kind]
    pens = [QPen(theme.color("casing"), width + 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                 Qt.PenJoinStyle.RoundJoin),
            QPen(theme.color(colour), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin),
            QPen(theme.color(core), 0.9, style, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin)]
    for pen in pens:
        pen.setCosmetic(True)
    return pens


def paint_key(painter: QPainter, symbol: str, rect) -> None:
    """The legend's sample of one kind: a translucent area with a dashed edge, or a cased line."""
    colour, fill, _width = STYLES[LEGEND[symbol]]
    if fill is not None:
        painter.setPen(QPen(theme.color(colour), 1.4, Qt.PenStyle.DashLine))
        painter.setBrush(theme.color(fill))
        painter.drawRoundedRect(rect, 5, 5)
        return
    y = rect.center().y()
    for pen in line_pens(LEGEND[symbol]):
        painter.setPen(pen)
        painter.drawLine(QPointF(rect.left() + 1, y), QPointF(rect.right() - 1, y))


class StructureItem(QGraphicsPathItem):
    """An organ as a translucent area with a dashed edge; a vessel or nerve as a line with a white casing."""

    def __init__(self, drawn, structure):
        super().__init__(to_painter_path(drawn.commands))
        self.drawn = drawn
        self.structure = structure
        colour, fill, width = STYLES[structure.kind]
        self.cased = structure.kind in CORES  # vessels and nerves; an organ's outline or edge is dashed
        pen = QPen(theme.color(colour), width, Qt.PenStyle.SolidLine if self.cased else Qt.PenStyle.DashLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setBrush(solid(theme.color(fill)) if fill is not None and drawn.closed else Qt.BrushStyle.NoBrush)
        self.setZValue(1.5 if drawn.closed else 6)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip(safe_tooltip(f"{structure.name}\n{structure.note}"))

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self.cased:
            super().paint(painter, option, widget)
            return
        # Unlike a channel line: a white casing, the colour, and a core (white for a vessel's lumen,
        # dark dots for a nerve's fibres), so the kind reads without colour too.
        for pen in line_pens(self.structure.kind):
            painter.setPen(pen)
            painter.drawPath(self.path())


class StructureLabel(QGraphicsSimpleTextItem):
    """A structure's short label on a white chip, fixed size on screen, beside its shape."""

    def __init__(self, text: str, kind: str):
        super().__init__(text)  # plain text by nature: nothing in it is interpreted
        font = self.font()
        font.setPointSizeF(7.5)
        font.setItalic(True)
        self.setFont(font)
        self.setBrush(theme.color(f"{kind}_text"))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(12.5)  # readable over dots and crosses (clicks pass through to them); under a selected dot

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.color("label_chip"))
        painter.drawRoundedRect(self.boundingRect().adjusted(-2, 0, 2, 0), 3, 3)
        super().paint(painter, option, widget)


class SafetyLayer:
    """Adds the safety structures of one view to its scene (on first use) and shows or hides them."""

    def __init__(self, scene, view_name: str, safety):
        self.scene = scene
        self.view_name = view_name
        self.safety = safety
        self.items: list[StructureItem] = []
        self.labels: list[StructureLabel] = []
        self._built = False
        self.visible = False

    def _build(self) -> None:
        if self._built:
            return
        self._built = True
        for drawn in self.safety.drawn.get(self.view_name, []):
            structure = self.safety.structures[drawn.structure]
            item = StructureItem(drawn, structure)
            self.scene.addItem(item)
            self.items.append(item)
            if drawn.label and (drawn.side in ("left", "right") and self._labelled_side(drawn)):
                label = StructureLabel(drawn.label, structure.kind)
                x, y = drawn.label_anchor()
                label.setPos(x * S, y * S)
                self.scene.addItem(label)
                self.labels.append(label)

    def _labelled_side(self, drawn) -> bool:
        """One label per shape: on the copy at x > 0 (a one-sided shape is labelled where it is)."""
        copies = [d for d in self.safety.drawn.get(self.view_name, [])
                  if d.structure == drawn.structure and d.label == drawn.label]
        return len(copies) == 1 or max(x for x, _ in drawn.polyline) > 0

    def set_visible(self, on: bool) -> None:
        self.visible = on
        if not on and not self._built:
            return  # nothing drawn yet, nothing to hide
        self._build()
        for item in self.items + self.labels:
            item.setVisible(on)
        self.scene.refresh_labels()  # the point labels keep clear of these labels

    def visible_labels(self) -> list[StructureLabel]:
        return [label for label in self.labels if label.isVisible()]

    def visible_items(self) -> list:
        return [i for i in self.items + self.labels if i.isVisible()]
