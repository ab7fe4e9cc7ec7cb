"""Graphics items of the body diagram: the figure, point markers, labels and channel lines."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSimpleTextItem

from . import theme
from .figure_paint import FigureStyle, figure_layers, paint_figure, solid
from .figure_paint import pen as _pen
from .safe_text import tooltip as safe_tooltip

S = theme.SCENE_HEIGHT


class FigureItem(QGraphicsItem):
    """The whole drawing of one view, painted by the figure renderer (``figure_paint``) in drawing order."""

    def __init__(self, view):
        super().__init__()
        self._layers = figure_layers(view)
        self.restyle()
        rect = QRectF()
        for _, path in self._layers:
            rect = rect.united(path.boundingRect())
        rect = rect.adjusted(-4, -4, 4, 4)
        x0, y0, x1, y1 = (v * S for v in view.bounds)
        frame = QRectF(x0, y0, x1 - x0, y1 - y0)
        # a regional plate shows a rectangle of its parent's drawing: the strokes beyond it are cut off
        self._clip = frame if not frame.adjusted(-4, -4, 4, 4).contains(rect) else None
        self._rect = frame if self._clip is not None else rect
        self.setZValue(0)

    def restyle(self) -> None:
        """Take the pens and the skin from the current theme."""
        self._style = FigureStyle()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def covers(self, area: QPainterPath) -> bool:
        """Does the body's silhouette reach into ``area`` (scene units)?"""
        return any(role == "skin" and path.intersects(area) for role, path in self._layers)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._clip is not None:  # a regional plate: the parent's strokes beyond its rectangle are cut off
            painter.save()
            painter.setClipRect(self._clip)
        paint_figure(painter, self._layers, self._style)
        if self._clip is not None:
            painter.restore()


class MarkerItem(QGraphicsItem):
    """One dot of a point. Drawn at a fixed screen size, whatever the zoom."""

    _RECT = QRectF(-12.0, -12.0, 24.0, 24.0)  # room for the largest dot (presentation mode) with its halo
    _FLAG = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations

    def __init__(self, marker, meridian: str, colour: QColor, tooltip):
        """``tooltip``: a function giving the dot's tooltip text. It is asked for, and the hand cursor set, when
        the pointer first comes onto the dot: a diagram has hundreds of dots, and their names need the fonts
        checked for hanzi."""
        super().__init__()
        self.marker = marker
        self.meridian = meridian
        self.colour = colour
        self.state = "normal"  # "normal", "selected", "pair", "near" (highlighted), "dim"
        self.hovered = False
        self.size_factor = 1.0  # set by the scene from the zoom: small dots at fit, larger up close
        self.setPos(marker.x * S, marker.y * S)
        self.setFlag(self._FLAG)
        self.setAcceptHoverEvents(True)
        self._tooltip = tooltip
        self.setZValue(10)
        self.label: QGraphicsSimpleTextItem | None = None

    @property
    def code(self) -> str:
        return self.marker.code

    def boundingRect(self) -> QRectF:
        return self._RECT

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = theme.MARKER_PX / 2 + 3  # a little larger than the dot: easier to hit
        path.addEllipse(QPointF(0, 0), r, r)
        return path

    def restyle(self) -> None:
        self.colour = theme.meridian_colour(self.meridian)
        self.update()

    def set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.setZValue(20 if state in ("selected", "pair") else 5 if state == "dim" else 10)
            self.update()

    def toolTip(self) -> str:
        self._first_hover()
        return super().toolTip()

    def _first_hover(self) -> None:
        # Before the view looks for the cursor and Qt for the tooltip: the pointer always enters the dot first.
        if self._tooltip is not None:
            self.setToolTip(safe_tooltip(self._tooltip()))
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self._tooltip = None

    def hoverEnterEvent(self, event) -> None:
        self._first_hover()
        self.hovered = True
        self.update()
        scene = self.scene()
        if scene is not None:
            scene.pointHovered.emit(self.code)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self.hovered = False
        self.update()
        scene = self.scene()
        if scene is not None:
            scene.pointHovered.emit("")
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            scene = self.scene()
            if scene is not None:
                scene.pointClicked.emit(self.code, self.marker.key)
            event.accept()
            return
        super().mousePressEvent(event)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = theme.MARKER_PX * self.size_factor
        if self.state == "selected":
            size = max(theme.SELECTED_PX, size + 4)
        elif self.state in ("pair", "near") or self.hovered:
            size += 3
        r = size / 2
        if self.state == "dim":  # filtered out in Browse: a small faint dot
            r *= 0.7
        look = _look(self.colour, self.state)
        if self.state == "near":
            painter.setPen(look.ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r + 2.5, r + 2.5)
        if self.state in ("selected", "pair"):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(look.halo)
            painter.drawEllipse(QPointF(0, 0), r + 3, r + 3)
        painter.setPen(look.edge)
        painter.setBrush(look.fill)
        painter.drawEllipse(QPointF(0, 0), r, r)
        if self.state == "selected":
            painter.setPen(look.ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r + 1, r + 1)


class _Look:
    """The pens and brushes of a dot of one colour in one state, in the current theme."""

    def __init__(self, colour: QColor, state: str):
        self.theme = theme.current()  # kept alive, so its id (part of the key) is not reused meanwhile
        fill = QColor(colour)
        if state == "dim":
            fill.setAlpha(45)
        self.fill = solid(fill)
        self.edge = QPen(theme.color("marker_edge"), 1.2)
        self.ring = QPen(theme.color("near" if state == "near" else "select"), 2.0)
        halo = theme.color("select")
        halo.setAlpha(70 if state == "selected" else 45)
        self.halo = solid(halo)


_LOOKS: dict[tuple, _Look] = {}  # a few dozen at most: 15 channel colours x 5 states, per theme


def _look(colour: QColor, state: str) -> _Look:
    """The dot's pens and brushes, made once per theme, colour and state (a repaint draws ~400 dots)."""
    now = theme.current()
    key = (id(now), colour.name(QColor.NameFormat.HexArgb), state)
    look = _LOOKS.get(key)
    if look is None:
        if len(_LOOKS) > 512:  # themes switched back and forth many times
            _LOOKS.clear()
        look = _LOOKS[key] = _Look(colour, state)
    return look


class LabelItem(QGraphicsSimpleTextItem):
    """A point code beside its marker; shown when zoomed in (level of detail) or when selected."""

    def __init__(self, text: str, parent: MarkerItem, font):
        super().__init__(text, parent)
        self.setFont(font)
        self.restyle()
        self.setPen(Qt.PenStyle.NoPen)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.place(0)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def restyle(self) -> None:
        self.setBrush(solid(theme.color("label_text")))

    def place(self, slot: int) -> None:
        """Put the label beside its dot: 0 outer side, 1 inner side, 2 above, 3 below, 4-7 diagonals
        (outer-above, outer-below, inner-above, inner-below)."""
        rect = self.boundingRect()
        offset = theme.MARKER_PX * self.parentItem().size_factor / 2 + 3
        outward = self.parentItem().marker.x >= 0
        out_x = offset if outward else -offset - rect.width()
        in_x = -offset - rect.width() if outward else offset
        middle = -rect.height() / 2
        above, below = -offset - rect.height(), offset
        positions = [(out_x, middle), (in_x, middle), (-rect.width() / 2, above), (-rect.width() / 2, below),
                     (out_x, above), (out_x, below), (in_x, above), (in_x, below)]
        self.setPos(*positions[slot if 0 <= slot < len(positions) else 0])

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.color("label_chip"))
        painter.drawRoundedRect(self.boundingRect().adjusted(-2, 0, 2, 0), 3, 3)
        super().paint(painter, option, widget)


class PathwayItem(QGraphicsPathItem):
    """A channel's course through its points on one view: a smooth line in the channel's colour."""

    def __init__(self, meridian: str, path: QPainterPath, colour: QColor, dashed: bool):
        super().__init__(path)
        self.meridian = meridian
        self.dashed = dashed
        self.restyle(colour)
        self.setZValue(5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def restyle(self, colour: QColor | None = None) -> None:
        line = QColor(colour or theme.meridian_colour(self.meridian))
        line.setAlpha(200)
        self.setPen(_pen(line, 2.0, Qt.PenStyle.DashLine if self.dashed else Qt.PenStyle.SolidLine))
