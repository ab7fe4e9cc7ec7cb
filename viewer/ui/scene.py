"""One body view as a QGraphicsScene: figure, channel lines, markers and labels."""
from __future__ import annotations

import functools
from typing import ClassVar

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene

from ..atlas.geometry import smooth_open
from ..atlas.keys import trigger_key
from ..atlas.pathways import pathway_runs
from ..atlas.plates import magnification
from ..atlas.viewstate import Mode, SceneContent, Source, ViewState, scene_content
from . import theme
from .figure_paint import to_painter_path
from .fonts import hanzi_supported, text_scale
from .items import FigureItem, LabelItem, MarkerItem, PathwayItem
from .safety_layer import SafetyLayer
from .trigger_layer import TriggerLayer, TriggerMarkerItem


def point_tooltip(point) -> str:
    hanzi = f" {point.hanzi}" if hanzi_supported() else ""
    return f"{point.code} {point.pinyin}{hanzi}\n{point.english}"


def _free(rect: QRectF, labels, dots, zones) -> bool:
    """A label may go at ``rect`` if it covers no other label, no other dot and none of ``zones``."""
    return not any(rect.intersects(r) for r in labels) and not any(rect.intersects(d) for d in dots) \
        and not any(z.intersects(rect) for z in zones)


class BodyScene(QGraphicsScene):
    """The diagram of one view. Emits which point was clicked or hovered; holds no selection logic."""

    pointClicked = Signal(str, object)  # code, marker key
    pointHovered = Signal(str)  # code, or "" when the pointer leaves a marker
    triggerClicked = Signal(str)  # trigger point id
    spotClicked = Signal(float, float)  # a spot of the figure away from any marker (model units)
    spotBrushed = Signal(float, float)  # the pointer dragged on with the button down (brushing an area)

    def __init__(self, view, content, parent=None):
        super().__init__(parent)
        self.view_name = view.name
        # a regional plate is already magnified: its labels show at a smaller zoom (at "fit" on most plates)
        self._magnification = magnification(content.body, view.name)
        self._style = "normal"
        self.setBackgroundBrush(theme.color("canvas"))
        self.figure = FigureItem(view)
        self.addItem(self.figure)
        self.markers: list[MarkerItem] = []
        self.by_code: dict[str, list[MarkerItem]] = {}
        self.pathways: dict[str, list[PathwayItem]] = {}
        self._labels_on = False
        self.brushing = False  # "where does it hurt?" mode: a drag brushes an area
        self._plan: set[str] | None = None  # patient view / handout: only these keys are drawn
        self._numbers: dict[str, int] = {}  # ...numbered as in the plan's list
        self._size_boost = 1.0  # presentation mode draws larger dots
        self._locate_items: list = []
        self._brush: QGraphicsPathItem | None = None
        self._blocked: set[int] = set()
        self._selected = ""
        self._cached = False  # see use_caches()
        self._font = QFont()
        self._font.setPointSizeF(self.STYLES["normal"][2] * text_scale())
        self._font.setBold(True)
        atlas = content.atlas
        for meridian in atlas.meridians:
            colour = theme.meridian_colour(meridian)
            for run in pathway_runs(atlas, content.layout, meridian, view.name):
                path = to_painter_path(smooth_open(run))
                item = PathwayItem(meridian, path, colour, meridian in theme.YANG_CHANNELS)
                self.addItem(item)
                self.pathways.setdefault(meridian, []).append(item)
        colours: dict[str, QColor] = {}
        for marker in content.layout.markers.get(view.name, []):
            point = atlas.points[marker.code]
            colour = colours.get(point.meridian)
            if colour is None:  # one colour per channel (shared: dots never change theirs in place)
                colour = colours[point.meridian] = theme.meridian_colour(point.meridian)
            item = MarkerItem(marker, point.meridian, colour, functools.partial(point_tooltip, point))
            self.addItem(item)
            self.markers.append(item)
            self.by_code.setdefault(marker.code, []).append(item)
        # What the scene draws as built (everything of the acupoint layer); apply() takes it from there.
        self.content = SceneContent("normal", frozenset(self.pathways), frozenset(self.by_code))
        self.triggers = TriggerLayer(self, view.name, content.muscles)
        self.safety = SafetyLayer(self, view.name, content.safety)
        self._view = view
        margin = 0.04 * theme.SCENE_HEIGHT
        self.setSceneRect(self.body_rect().adjusted(-margin, -margin, margin, margin))

    def body_rect(self) -> QRectF:
        return self.figure.boundingRect()

    def use_caches(self) -> None:
        """Keep the figure, the channel lines and the dots as device pixmaps: they change only with the zoom,
        so a repaint is then a blit. The window calls this after its first paint (setting the caches up for
        ~400 items costs more than drawing them once); a one-off picture (handout) does without."""
        if self._cached:
            return
        self._cached = True
        for item in (self.figure, *(i for items in self.pathways.values() for i in items), *self.markers):
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    # --- state set from outside -------------------------------------------------------------
    def set_zoom(self, zoom: float, pixels_per_unit: float = 1.0) -> None:
        """Level of detail for a zoom relative to 'fit': dot size, and labels past a threshold.

        ``pixels_per_unit`` is the view's scale (screen pixels per scene unit), used to keep
        labels from overlapping each other.
        """
        factor = max(0.8, min(1.3, 0.8 + 0.12 * (zoom - 1.0))) * self._size_boost
        for item in self.markers:
            if item.size_factor != factor:
                item.size_factor = factor
                item.update()
        self._pixels_per_unit = pixels_per_unit
        self.set_labels_visible(zoom * self._magnification >= theme.LABEL_ZOOM)

    def set_labels_visible(self, on: bool) -> None:
        """Level of detail: point codes are shown beside every marker only when zoomed in.

        Labels are placed greedily (selected point first) to the outer side, the inner side,
        above or below their dot; a label that would cover another is left out (hover still names it).
        """
        self._labels_on = on
        self._blocked = self._layout_labels() if (on or self._plan is not None) else set()
        for item in self.markers:
            self._update_label(item)

    def refresh_labels(self) -> None:
        """Lay the point labels out again (another layer's labels came or went)."""
        self.set_labels_visible(self._labels_on)

    _crosses_labelled = False

    def _labelled_items(self) -> list:
        """Markers that may carry a label, selected first; in a plan, its trigger points' crosses too."""
        items = sorted((i for i in self.markers if i.isVisible()), key=lambda i: i.state != "selected")
        if self._plan is not None:
            items += [t for t in self.triggers.visible_markers() if trigger_key(t.code) in self._plan]
        return items

    def _in_plan(self, item) -> bool:
        return self._plan is not None and (item.code in self._plan or trigger_key(item.code) in self._plan)

    def _layout_labels(self) -> set[int]:
        scale = getattr(self, "_pixels_per_unit", 1.0) or 1.0
        metrics = QFontMetricsF(self._font)
        height = metrics.height() / scale
        gap = (theme.MARKER_PX / 2 + 3) / scale
        placed: list[QRectF] = []
        dots = [QRectF(i.pos().x() - gap, i.pos().y() - gap, 2 * gap, 2 * gap)
                for i in self.markers if i.isVisible()]
        cross = (TriggerMarkerItem.SIZE + 3) / scale
        dots += [QRectF(t.pos().x() - cross, t.pos().y() - cross, 2 * cross, 2 * cross)
                 for t in self.triggers.visible_markers()]
        dots += [QRectF(s.pos(), s.boundingRect().size() / scale) for s in self.safety.visible_labels()]
        if self._plan is not None:  # a cross's number chip sits above right of it (see TriggerMarkerItem)
            dots += [QRectF(t.pos().x() + cross / 2, t.pos().y() - cross - height, height, height)
                     for t in self.triggers.visible_markers()]
        # In a plan, labels keep off the red pain zones where they can (they would be hard to read there).
        zones = [r.path() for r in self.triggers.visible_regions()] if self._plan is not None else []
        blocked: set[int] = set()
        for item in self._labelled_items():
            width = (metrics.horizontalAdvance(self.label_text(item)) + 4) / scale
            x, y = item.pos().x(), item.pos().y()
            outward = 1 if item.marker.x >= 0 else -1
            out_x = x + gap if outward > 0 else x - gap - width
            in_x = x - gap - width if outward > 0 else x + gap
            candidates = [
                QRectF(out_x, y - height / 2, width, height),
                QRectF(in_x, y - height / 2, width, height),
                QRectF(x - width / 2, y - gap - height, width, height),
                QRectF(x - width / 2, y + gap, width, height),
                QRectF(out_x, y - gap - height, width, height),
                QRectF(out_x, y + gap, width, height),
                QRectF(in_x, y - gap - height, width, height),
                QRectF(in_x, y + gap, width, height),
            ]

            at = item.pos()
            index = next((i for avoid in (True, False) for i, rect in enumerate(candidates)
                          if _free(rect, placed, [d for d in dots if not d.contains(at)], zones if avoid else [])),
                         None)
            if index is None and self._in_plan(item):
                # A plan's label is never dropped: take the place that covers other labels least.
                def overlap(rect):
                    return sum(rect.intersected(r).width() * rect.intersected(r).height() for r in placed)
                index = min(range(len(candidates)), key=lambda i: overlap(candidates[i]))
            if index is None:
                blocked.add(id(item))
                continue
            placed.append(candidates[index])
            item.label_slot = index
        return blocked

    def _label_crosses(self) -> None:
        """In a plan, each trigger point's cross carries its id (QL1) like an acupoint's dot its code."""
        if self._plan is None and not self._crosses_labelled:
            return  # nothing to take away (and the trigger layer may not even be built)
        self._crosses_labelled = self._plan is not None
        for item in self.triggers.markers:
            wanted = item.isVisible() and self._in_plan(item)
            label = getattr(item, "label", None)
            if wanted and label is None:
                label = item.label = LabelItem(item.code, item, self._font)
            if label is not None:
                label.setFont(self._font)
                label.place(getattr(item, "label_slot", 0))
                label.setVisible(wanted)

    def apply(self, content: SceneContent) -> None:
        """Draw what the view state says (``viewstate.scene_content``); only what changed is touched."""
        old, self.content = self.content, content
        self.brushing = content.brushing
        if content.plan is not None and content.style != self._style:  # the patient style, then its plan
            self.set_style(content.style)
        if content.plan != old.plan:
            self._set_plan(content.plan)
        if content.style != self._style:
            self.set_style(content.style)
        if content.channel_lines != old.channel_lines:
            for channel, items in self.pathways.items():
                for item in items:
                    item.setVisible(channel in content.channel_lines)
        if (content.near, content.dim_except) != (old.near, old.dim_except):
            for item in self.markers:
                if item.state in ("normal", "dim", "near"):
                    item.set_state(self._rest_state(item.code))
        if (content.selected, content.marker) != (old.selected, old.marker):
            self.select(content.selected, content.marker)
        # A new selection alone changes only its markers and the previous one's (select() above did them).
        if (content.points, content.near) != (old.points, old.near):
            for item in self.markers:
                item.setVisible(self._marker_shown(item))
                self._update_label(item)
        if content.plan is None and (content.zones, content.active_trigger_point, content.trigger_markers,
                                     old.plan) != (old.zones, old.active_trigger_point, old.trigger_markers, None):
            self.triggers.set_markers_visible(content.trigger_markers)
            self.triggers.show(dict(content.zones), content.active_trigger_point)
        if content.safety != self.safety.visible:
            self.safety.set_visible(content.safety)
        if content.brush != old.brush:
            self.show_brush(content.brush)

    def select(self, code: str, key=None) -> None:
        """Highlight ``code``: the clicked marker (``key``) as selected, its other markers as its pair."""
        for item in self.by_code.get(self._selected, []):
            item.set_state(self._rest_state(item.code))
            item.setVisible(self._marker_shown(item))
            self._update_label(item)
        self._selected = code
        items = self.by_code.get(code, [])
        primary = next((i for i in items if i.marker.key == key), items[0] if items else None)
        for item in items:
            item.setVisible(self._marker_shown(item))
            item.set_state("selected" if item is primary else "pair")
            self._update_label(item)

    def selected_items(self) -> list[MarkerItem]:
        return [i for i in self.by_code.get(self._selected, []) if i.state in ("selected", "pair")]

    def set_plan_filter(self, keys, pixels_per_unit: float | None = None) -> None:
        """A one-off picture (handout, quiz sheet): only a plan's points and trigger points, labelled and
        numbered, in the patient style; None = everything again.

        ``pixels_per_unit`` is the scale the scene will be shown or printed at, for label placement.
        """
        if pixels_per_unit:
            self._pixels_per_unit = pixels_per_unit
        markers = {self.view_name: tuple((i.code, i.meridian) for i in self.markers)}
        state = ViewState(mode=Mode.PATIENT if keys is not None else Mode.NORMAL, plan=keys or ())
        self.apply(scene_content(state, self.view_name, Source(markers)))

    def _set_plan(self, keys) -> None:
        """Only a plan's points and trigger points (with their pain zones), labelled; None = all."""
        self._plan = set(keys) if keys is not None else None
        self._numbers = {key: number for number, key in enumerate(keys or (), start=1)}
        for item in self.markers:
            item.setVisible(self._marker_shown(item))
        self.triggers.show_plan(self._plan, self._numbers)
        if self._plan is not None:  # with the plan's crosses and zones shown, lay the labels out around them
            self._blocked = self._layout_labels()  # sets each plan label's slot; plan labels are never dropped
        for item in self.markers:
            self._update_label(item)
        self._label_crosses()

    STYLES: ClassVar[dict] = {  # background (a theme colour), dot size boost, label point size
        "normal": ("canvas", 1.0, 8.0),
        "patient": ("canvas", 1.4, 11.0),
        "presentation": ("presentation", 1.4, 13.0),
    }

    def set_style(self, name: str) -> None:
        """Normal; patient view (larger dots and labels); projector (dark surround, larger still)."""
        background, boost, _points = self.STYLES[name]
        self._style = name
        self.setBackgroundBrush(theme.color(background))
        self._size_boost = boost
        for item in self.markers:
            item.size_factor = boost
            item.update()
        self.refont()

    def refont(self) -> None:
        """Point codes at the style's size times View ▸ Text size; the labels are laid out again."""
        self._font.setPointSizeF(self.STYLES[self._style][2] * text_scale())
        for item in self.markers:
            if item.label is not None:
                item.label.setFont(self._font)
        self.set_labels_visible(self._labels_on)

    def restyle(self) -> None:
        """Redraw everything in the current theme's colours (after View ▸ Theme changed it)."""
        self.setBackgroundBrush(theme.color(self.STYLES[self._style][0]))
        if self._brush is not None:
            self._brush.setPen(self._brush_pen())
        for item in self.items():
            if hasattr(item, "restyle"):
                item.restyle()
            else:
                item.update()

    def _brush_pen(self) -> QPen:
        pen = QPen(theme.color("brush"), 14, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        pen.setCosmetic(True)
        return pen

    def show_brush(self, spots) -> None:
        """Mark the spot (or brushed stroke) asked about in 'where does it hurt?' mode."""
        if self._brush is None:
            self._brush = QGraphicsPathItem()
            self._brush.setPen(self._brush_pen())
            self._brush.setZValue(30)
            self._brush.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.addItem(self._brush)
        path = QPainterPath()
        if spots:
            (x0, y0), rest = spots[0], spots[1:]
            path.moveTo(x0 * theme.SCENE_HEIGHT, y0 * theme.SCENE_HEIGHT)
            path.lineTo(x0 * theme.SCENE_HEIGHT + 0.01, y0 * theme.SCENE_HEIGHT)
            for x, y in rest:
                path.lineTo(x * theme.SCENE_HEIGHT, y * theme.SCENE_HEIGHT)
        self._brush.setPath(path)
        self._brush.setVisible(bool(spots))

    def show_locate(self, result=None, click=None, step: int = 0) -> None:
        """'Locate the point' feedback: the click, the true spot, then the landmarks and the route."""
        for item in self._locate_items:
            self.removeItem(item)
        self._locate_items = []
        if result is None:
            return
        S = theme.SCENE_HEIGHT

        def pen(colour, width, style=Qt.PenStyle.SolidLine):
            p = QPen(theme.color(colour), width, style, Qt.PenCapStyle.RoundCap)
            p.setCosmetic(True)
            return p

        def ring(x, y, colour, radius=9.0, fill=None):
            item = self.addEllipse(-radius, -radius, 2 * radius, 2 * radius, pen(colour, 2.5),
                                   theme.color(fill) if fill else Qt.BrushStyle.NoBrush)
            item.setPos(x * S, y * S)
            item.setFlag(item.GraphicsItemFlag.ItemIgnoresTransformations)
            item.setZValue(40)
            self._locate_items.append(item)

        tx, ty = result.target
        if click is not None:
            line = self.addLine(click[0] * S, click[1] * S, tx * S, ty * S,
                                pen("locate_click", 1.5, Qt.PenStyle.DotLine))
            line.setZValue(39)
            self._locate_items.append(line)
            ring(click[0], click[1], "locate_click")
        ring(tx, ty, "locate_target", 6.0, "locate_target")
        if step >= 1:
            for _name, (lx, ly) in result.landmarks:
                ring(lx, ly, "locate_landmark", 11.0)
        if step >= 2:
            for _name, (lx, ly) in result.landmarks:
                guide = self.addLine(lx * S, ly * S, tx * S, ty * S, pen("locate_landmark", 2.0, Qt.PenStyle.DashLine))
                guide.setZValue(39)
                self._locate_items.append(guide)

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self.brushing:
            x, y = event.scenePos().x() / theme.SCENE_HEIGHT, event.scenePos().y() / theme.SCENE_HEIGHT
            if self._view.contains(x, y):
                self.spotBrushed.emit(x, y)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:
        views = self.views()
        transform = views[0].viewportTransform() if views else None
        under = (self.items(event.scenePos(), Qt.ItemSelectionMode.IntersectsItemShape,
                            Qt.SortOrder.DescendingOrder, transform) if transform is not None
                 else self.items(event.scenePos()))
        hit = [i for i in under if isinstance(i, (MarkerItem, TriggerMarkerItem))]
        if not hit and event.button() == Qt.MouseButton.LeftButton:
            x, y = event.scenePos().x() / theme.SCENE_HEIGHT, event.scenePos().y() / theme.SCENE_HEIGHT
            if self._view.contains(x, y):
                self.spotClicked.emit(x, y)
        super().mousePressEvent(event)

    # --- helpers ----------------------------------------------------------------------------
    def _marker_shown(self, item: MarkerItem) -> bool:
        """As the view state says: ``SceneContent.points`` (one formula, in ``viewstate.scene_content``)."""
        return item.code in self.content.points

    def area_of(self, codes, trigger_points=()) -> QRectF:
        """The scene rectangle holding the markers of these acupoints and trigger points (to frame them)."""
        spots = [i.pos() for c in codes for i in self.by_code.get(c, [])]
        spots += [t.pos() for t in self.triggers.markers if t.code in trigger_points]
        return QPolygonF(spots).boundingRect()

    def _rest_state(self, code: str) -> str:
        """A marker's state when it is not selected: highlighted, dimmed by a filter, or normal."""
        if code in self.content.near:
            return "near"
        matching = self.content.dim_except
        return "dim" if matching is not None and code not in matching else "normal"

    def label_text(self, item: MarkerItem) -> str:
        """The code; with a plan shown, its number in the plan's list before it ("2 BL23")."""
        number = self._numbers.get(item.code) if self._plan is not None else None
        return f"{number} {item.code}" if number else item.code

    def _update_label(self, item: MarkerItem) -> None:
        """Show or hide a marker's code label; labels are only created once first needed."""
        selected = item.state == "selected" or (self._plan is not None and item.code in self._plan)
        wanted = item.isVisible() and (selected or (self._labels_on and id(item) not in self._blocked))
        if item.label is None:
            if not wanted:
                return
            item.label = LabelItem(item.code, item, self._font)
        if item.label.text() != self.label_text(item):
            item.label.setText(self.label_text(item))
        if wanted:
            item.label.place(getattr(item, "label_slot", 0) if (self._labels_on or self._plan is not None) else 0)
        item.label.setVisible(wanted)
