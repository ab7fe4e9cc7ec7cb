"""A compact channel legend drawn over the diagram's corner (for projectors and screenshots)."""
from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetrics, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from ..atlas.i18n import N_, _
from ..atlas.model import channel_label
from . import safety_layer, theme
from .fonts import relative_font


class LegendOverlay(QWidget):
    """Lists the channels drawn on the current view: colour, line style (yang dashed) and code."""

    MIN_ROW = 18
    GAP = 10  # px from the diagram's edges

    def __init__(self, parent: QWidget):
        """``parent`` is the DiagramView; the legend moves to a corner where it hides none of the figure."""
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.entries: list[tuple[str, str]] = []
        self.compact = False  # codes only, when the full legend would hide the figure in every corner
        relative_font(self, 0.95)  # follows View ▸ Text size
        self.safety = False  # the safety layer's rows (organ, vessel, nerve) are listed
        self._base: tuple[list, bool] = ([], False)
        self._picture: tuple | None = None  # (what it shows, the picture of it, the theme): see paintEvent
        self.view = parent
        parent.zoomChanged.connect(self.place)
        parent.horizontalScrollBar().valueChanged.connect(self.place)
        parent.verticalScrollBar().valueChanged.connect(self.place)
        parent.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def corners(self) -> list[QPoint]:
        """Top left, top right, bottom left, bottom right of the diagram, in the view's coordinates."""
        area, gap = self.view.viewport().geometry(), self.GAP
        left, top = area.left() + gap, area.top() + gap
        right, bottom = area.right() - self.width() - gap, area.bottom() - self.height() - gap
        return [QPoint(left, top), QPoint(right, top), QPoint(left, bottom), QPoint(right, bottom)]

    def hides_figure(self, corner: QPoint) -> bool:
        """Would the legend, put at ``corner``, lie over the drawn body?"""
        figure = getattr(self.view.scene(), "figure", None)
        if figure is None:
            return False
        rect = QRect(corner - self.view.viewport().geometry().topLeft(), self.size())
        area = QPainterPath()
        area.addPolygon(self.view.mapToScene(rect))
        return figure.covers(area)

    def place(self, *_args) -> None:
        """The first corner where the legend hides none of the figure; if there is none, the codes only."""
        for compact in (False, True):
            self.compact = compact
            self._fit_size()
            corners = self.corners()
            free = next((c for c in corners if not self.hides_figure(c)), None)
            if free is not None:
                self.move(free)
                break
        else:
            self.move(corners[0])
        self.update()

    # Rows for the trigger-point layer, drawn with their own symbols.
    TRIGGER_ROWS = (("✕", N_("Trigger point")), ("■", N_("Pain zone (essential)")), ("▨", N_("Spillover zone")),
                    ("▭", N_("Muscle")), ("┅", N_("Deep muscle (dashed)")))
    # Rows for the safety layer: what lies beneath (drawn as in safety_layer.py).
    SAFETY_ROWS = (("◍", N_("Lung, pleura, kidney (beneath)")), ("⎯", N_("Artery or vein")), ("┄", N_("Nerve")))
    SYMBOLS = tuple(symbol for symbol, _ in TRIGGER_ROWS + SAFETY_ROWS)
    # Translators: the legend's short words when little room is left beside the figure.
    SHORT: ClassVar[dict[str, str]] = {"Trigger point": N_("TrP"), "Pain zone (essential)": N_("Pain"),
                                       "Spillover zone": N_("Spill"), "Muscle": N_("Muscle"),
                                       "Deep muscle (dashed)": N_("Deep"),
                                       "Lung, pleura, kidney (beneath)": N_("Organ"),
                                       "Artery or vein": N_("Vessel"), "Nerve": N_("Nerve")}

    @property
    def row(self) -> int:
        """Height of one row: enough for the text at any text size."""
        return max(self.MIN_ROW, QFontMetrics(self.font()).height() + 4)

    def _text(self, code: str, name: str) -> str:
        if code in self.SYMBOLS:
            return _(self.SHORT.get(name, name)) if self.compact else _(name)
        return channel_label(code) if self.compact else f"{channel_label(code)}  {name}"

    def _fit_size(self) -> None:
        metrics = QFontMetrics(self.font())
        width = max((metrics.horizontalAdvance(self._text(c, n)) for c, n in self.entries), default=0) + 46
        self.resize(width, len(self.entries) * self.row + 12 if self.entries else 0)

    def set_entries(self, entries: list[tuple[str, str]], triggers: bool = False) -> None:
        """``entries``: (code, name) of each channel to list, in order; ``triggers`` adds the TrP key."""
        self._base = (list(entries), triggers)
        self._refresh()
        self.setVisible(bool(self.entries))

    def set_safety(self, on: bool) -> None:
        """List the safety layer's key (or not); the legend is not shown by this alone."""
        self.safety = on
        self._refresh()
        if not self.entries:
            self.hide()

    def _refresh(self) -> None:
        entries, triggers = self._base
        self.entries = (entries + (list(self.TRIGGER_ROWS) if triggers else [])
                        + (list(self.SAFETY_ROWS) if self.safety else []))
        self.place()
        self.update()

    def paintEvent(self, event) -> None:
        # Drawn once into a picture, then copied: the legend lies over the diagram, so every repaint of the
        # diagram beneath it (a selection, a hover, a pan) repaints it too, and drawing it costs a few ms.
        ratio = self.devicePixelRatioF()
        key = (self.size().toTuple(), ratio, id(theme.current()), self.font().key(),
               tuple((code, self._text(code, name)) for code, name in self.entries))
        if self._picture is None or self._picture[0] != key:
            picture = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
            picture.setDevicePixelRatio(ratio)
            picture.fill(theme.TRANSPARENT)
            painter = QPainter(picture)
            self._paint(painter)
            painter.end()
            self._picture = (key, picture, theme.current())  # the theme kept: its id stays unique meanwhile
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture[1])
        painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(theme.color("legend_edge"), 1))
        painter.setBrush(theme.color("legend_bg"))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setFont(self.font())
        for row, (code, name) in enumerate(self.entries):
            y = 6 + row * self.row + self.row / 2
            if code in self.SYMBOLS:
                self._paint_trigger_row(painter, code, name, y)
                continue
            colour = theme.meridian_colour(code)
            style = Qt.PenStyle.DashLine if code in theme.YANG_CHANNELS else Qt.PenStyle.SolidLine
            painter.setPen(QPen(colour, 2.5, style, Qt.PenCapStyle.FlatCap))
            painter.drawLine(QPointF(8, y), QPointF(32, y))
            painter.setPen(QPen(theme.color("marker_edge"), 1))
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(20, y), 3.5, 3.5)
            painter.setPen(theme.color("legend_text"))
            painter.drawText(QRectF(38, y - self.row / 2, self.width() - 40, self.row),
                             Qt.AlignmentFlag.AlignVCenter, self._text(code, name))

    def _paint_trigger_row(self, painter: QPainter, symbol: str, name: str, y: float) -> None:
        red = theme.color("trp")
        if symbol in safety_layer.LEGEND:
            safety_layer.paint_key(painter, symbol, QRectF(9, y - 6, 22, 12))
        elif symbol == "✕":
            painter.setPen(QPen(red, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(QPointF(15, y - 5), QPointF(25, y + 5))
            painter.drawLine(QPointF(15, y + 5), QPointF(25, y - 5))
        elif symbol in ("▭", "┅"):
            style = Qt.PenStyle.SolidLine if symbol == "▭" else Qt.PenStyle.DashLine
            fill = theme.color("muscle_fill")
            if symbol != "▭":
                fill.setAlpha(fill.alpha() // 2)  # deep muscles are drawn lighter, as on the figure
            painter.setPen(QPen(theme.color("muscle_edge"), 1.4, style))
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(9, y - 6, 22, 12), 5, 5)
        else:
            rect = QRectF(9, y - 6, 22, 12)
            painter.setPen(QPen(red, 1.2, Qt.PenStyle.SolidLine if symbol == "■" else Qt.PenStyle.DashLine))
            painter.setBrush(theme.color("essential_fill") if symbol == "■" else
                             QBrush(theme.color("spillover_hatch"), Qt.BrushStyle.BDiagPattern))
            painter.drawRect(rect)
        painter.setPen(theme.color("legend_text"))
        painter.drawText(QRectF(38, y - self.row / 2, self.width() - 40, self.row), Qt.AlignmentFlag.AlignVCenter,
                         self._text(symbol, name))
