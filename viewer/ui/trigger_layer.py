"""The trigger-point layer of a body scene: muscle outlines, referral zones and X markers."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSimpleTextItem

from ..atlas.keys import trigger_key, trigger_refs
from . import theme
from .figure_paint import solid, to_painter_path
from .safe_text import tooltip as safe_tooltip

S = theme.SCENE_HEIGHT
STYLES = {"muscle": Qt.PenStyle.SolidLine, "essential": Qt.PenStyle.SolidLine, "spillover": Qt.PenStyle.DashLine}


class RegionItem(QGraphicsPathItem):
    """A muscle outline or a referral zone. Spillover zones are hatched so they differ without colour;
    deep muscles (under other muscles) have a dashed outline and a lighter fill."""

    def __init__(self, region):
        super().__init__(to_painter_path(region.commands))
        self.region = region
        self.restyle()
        self.setZValue({"muscle": 2, "spillover": 3, "essential": 4}[region.kind])
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)

    def restyle(self) -> None:
        """Fill and outline in the theme's colours of the region's kind (muscle, essential, spillover)."""
        kind, style = self.region.kind, STYLES[self.region.kind]
        fill = theme.color(f"{kind}_fill")
        if self.region.deep:
            fill.setAlpha(fill.alpha() // 2)
            style = Qt.PenStyle.DashLine
        pen = QPen(theme.color(f"{kind}_edge"), 1.4, style)
        pen.setCosmetic(True)
        self.setPen(pen)
        if kind == "spillover":
            brush = QBrush(theme.color("spillover_hatch"), Qt.BrushStyle.BDiagPattern)
            brush.setTransform(brush.transform().scale(0.25, 0.25))
            self.setBrush(brush)
        else:
            self.setBrush(solid(fill))


class NumberItem(QGraphicsSimpleTextItem):
    """A trigger point's number in a plan, bold dark red on a light chip (readable over a pain zone)."""

    def __init__(self, parent):
        super().__init__(parent)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.restyle()

    def restyle(self) -> None:
        self.setBrush(theme.color("number_text"))

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.color("number_chip"))
        painter.drawRoundedRect(self.boundingRect().adjusted(-2, 0, 2, 0), 3, 3)
        super().paint(painter, option, widget)


class TriggerMarkerItem(QGraphicsItem):
    """A trigger point drawn as an X (as in the classic manuals), fixed size on screen."""

    SIZE = 5.0

    def __init__(self, marker, tooltip: str):
        super().__init__()
        self.marker = marker
        self.active = False
        self.dimmed = False
        self.size_factor = 1.0  # for a label beside the cross (LabelItem reads it)
        self.label = None  # its id, shown in a plan (patient view, handout)
        self.setPos(marker.x * S, marker.y * S)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(safe_tooltip(tooltip))
        self.setZValue(12)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    @property
    def code(self) -> str:
        return self.marker.code

    def set_number(self, number: int | None) -> None:
        """The item's number in a plan's list, drawn above right of the cross (None: no number)."""
        label = getattr(self, "number_label", None)
        if number is None:
            if label is not None:
                label.hide()
            return
        if label is None:
            label = self.number_label = NumberItem(self)
        label.setText(str(number))
        label.setPos(self.SIZE + 3, -self.SIZE - 3 - label.boundingRect().height())
        label.show()

    def boundingRect(self) -> QRectF:
        r = self.SIZE + 5
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self.SIZE + 3, self.SIZE + 3)
        return path

    def set_active(self, active: bool, dimmed: bool = False) -> None:
        if (active, dimmed) != (self.active, self.dimmed):
            self.active, self.dimmed = active, dimmed
            self.update()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.scene() is not None:
            self.scene().triggerClicked.emit(self.code)
            event.accept()
            return
        super().mousePressEvent(event)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.dimmed:
            painter.setOpacity(0.3)
        r = self.SIZE + (2 if self.active else 0)
        if self.active:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.color("label_chip"))
            painter.drawEllipse(QPointF(0, 0), r + 3, r + 3)
        for colour, width in ((theme.color("trp_edge"), 4.2), (theme.color("trp"), 2.2)):
            pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawLine(QPointF(-r, -r), QPointF(r, r))
            painter.drawLine(QPointF(-r, r), QPointF(r, -r))


class TriggerLayer:
    """Adds the muscles' items to one scene and decides which are shown."""

    def __init__(self, scene, view_name: str, muscles):
        self.scene = scene
        self.view_name = view_name
        self.muscles = muscles
        self._regions: list[RegionItem] = []
        self._markers: list[TriggerMarkerItem] = []
        self._built = False
        self.markers_on = False

    def _build(self) -> None:
        """Create the items on first use: most sessions start with the trigger-point layer off."""
        if self._built:
            return
        self._built = True
        for region in self.muscles.regions.get(self.view_name, []):
            item = RegionItem(region)
            self.scene.addItem(item)
            self._regions.append(item)
        for marker in self.muscles.markers.get(self.view_name, []):
            tp = self.muscles.trigger_points[marker.code]
            muscle = self.muscles.muscles[tp.muscle]
            item = TriggerMarkerItem(marker, f"{marker.code} — {muscle.name}\n{tp.name}")
            item.setVisible(self.markers_on)
            self.scene.addItem(item)
            self._markers.append(item)

    @property
    def regions(self) -> list[RegionItem]:
        self._build()
        return self._regions

    @property
    def markers(self) -> list[TriggerMarkerItem]:
        self._build()
        return self._markers

    def set_markers_visible(self, on: bool) -> None:
        self.markers_on = on
        if not self._built and not on:
            return
        for item in self.markers:
            item.setVisible(on or item.active)

    def show(self, muscles: dict[str, set[str]], active_tp: str = "") -> None:
        """Show, for each muscle id, the given kinds ("muscle", "essential", "spillover")."""
        if not self._built and not muscles and not active_tp:
            return
        for item in self.regions:
            item.setVisible(item.region.kind in muscles.get(item.region.muscle, ()))
        for item in self.markers:
            tp = self.muscles.trigger_points[item.code]
            active = item.code == active_tp or (not active_tp and tp.muscle in muscles)
            item.set_active(active, dimmed=bool(muscles or active_tp) and not active)
            item.setVisible(self.markers_on or active)

    def show_plan(self, keys, numbers=None) -> None:
        """Only the trigger points among the selection ``keys``, with their muscles' essential zones; None = normal.

        ``numbers`` (selection key -> position in the plan's list) are drawn beside the crosses."""
        chosen = trigger_refs(keys or ())
        if not self._built and not chosen:
            return
        if keys is None:
            self.show({})
            self.set_markers_visible(self.markers_on)
            for item in self.markers:
                item.set_number(None)
            return
        muscles = {self.muscles.trigger_points[t].muscle for t in chosen if t in self.muscles.trigger_points}
        for item in self.regions:
            item.setVisible(item.region.kind == "essential" and item.region.muscle in muscles)
        for item in self.markers:
            item.set_active(item.code in chosen)
            item.setVisible(item.code in chosen)
            item.set_number((numbers or {}).get(trigger_key(item.code)) if item.code in chosen else None)

    def visible_regions(self) -> list[RegionItem]:
        return [r for r in self._regions if r.isVisible()]

    def visible_markers(self) -> list[TriggerMarkerItem]:
        return [m for m in self._markers if m.isVisible()]
