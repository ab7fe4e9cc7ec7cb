"""A compact channel legend drawn over the diagram's corner (for projectors and screenshots)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ..atlas.model import channel_label
from . import theme


class LegendOverlay(QWidget):
    """Lists the channels drawn on the current view: colour, line style (yang dashed) and code."""

    ROW = 18

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.entries: list[tuple[str, str]] = []
        self._font = QFont()
        self._font.setPointSizeF(8.5)

    # Rows for the trigger-point layer, drawn with their own symbols.
    TRIGGER_ROWS = [("✕", "Trigger point"), ("■", "Pain zone (essential)"), ("▨", "Spillover zone"),
                    ("▭", "Muscle"), ("┅", "Deep muscle (dashed)")]

    def set_entries(self, entries: list[tuple[str, str]], triggers: bool = False) -> None:
        """``entries``: (code, name) of each channel to list, in order; ``triggers`` adds the TrP key."""
        entries = list(entries) + (self.TRIGGER_ROWS if triggers else [])
        self.entries = entries
        metrics = QFontMetrics(self._font)
        width = max((metrics.horizontalAdvance(f"{channel_label(c)}  {n}") for c, n in entries), default=0) + 46
        self.resize(width, len(entries) * self.ROW + 12 if entries else 0)
        self.setVisible(bool(entries))
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(0, 0, 0, 40), 1))
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setFont(self._font)
        for row, (code, name) in enumerate(self.entries):
            y = 6 + row * self.ROW + self.ROW / 2
            if code in ("✕", "■", "▨", "▭", "┅"):
                self._paint_trigger_row(painter, code, name, y)
                continue
            colour = theme.meridian_colour(code)
            style = Qt.PenStyle.DashLine if code in theme.YANG_CHANNELS else Qt.PenStyle.SolidLine
            painter.setPen(QPen(colour, 2.5, style, Qt.PenCapStyle.FlatCap))
            painter.drawLine(QPointF(8, y), QPointF(32, y))
            painter.setPen(QPen(QColor("white"), 1))
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(20, y), 3.5, 3.5)
            painter.setPen(theme.LABEL_TEXT)
            painter.drawText(QRectF(38, y - self.ROW / 2, self.width() - 40, self.ROW),
                             Qt.AlignmentFlag.AlignVCenter, f"{channel_label(code)}  {name}")
        painter.end()

    def _paint_trigger_row(self, painter: QPainter, symbol: str, name: str, y: float) -> None:
        red = QColor("#B3261E")
        if symbol == "✕":
            painter.setPen(QPen(red, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(QPointF(15, y - 5), QPointF(25, y + 5))
            painter.drawLine(QPointF(15, y + 5), QPointF(25, y - 5))
        elif symbol in ("▭", "┅"):
            style = Qt.PenStyle.SolidLine if symbol == "▭" else Qt.PenStyle.DashLine
            painter.setPen(QPen(QColor(120, 60, 45, 220), 1.4, style))
            painter.setBrush(QColor(150, 80, 60, 60 if symbol == "▭" else 30))
            painter.drawRoundedRect(QRectF(9, y - 6, 22, 12), 5, 5)
        else:
            rect = QRectF(9, y - 6, 22, 12)
            painter.setPen(QPen(red, 1.2, Qt.PenStyle.SolidLine if symbol == "■" else Qt.PenStyle.DashLine))
            painter.setBrush(QColor(214, 40, 40, 135) if symbol == "■" else
                             QBrush(QColor(214, 40, 40, 150), Qt.BrushStyle.BDiagPattern))
            painter.drawRect(rect)
        painter.setPen(theme.LABEL_TEXT)
        painter.drawText(QRectF(38, y - self.ROW / 2, self.width() - 40, self.ROW), Qt.AlignmentFlag.AlignVCenter, name)
