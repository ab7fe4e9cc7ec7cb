"""The one renderer of the figure: a view's strokes painted by role with the theme's colours.

The diagram's figure item, the printed handouts and quiz sheets (through the same scene) and the preview
tools (``tools/preview_body.py``, ``tools/check_muscles.py``) all draw the body with ``paint_figure``;
no other module holds a table of the figure's colours or line widths.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from . import theme

if TYPE_CHECKING:  # figure_image() is for previews, tools and exports, never the first picture
    from PySide6.QtGui import QImage

S = theme.SCENE_HEIGHT

# role: pen width (device pixels: cosmetic, the same at any zoom) and line style. The skin is filled with
# the theme's "skin" and edged with its "outline"; every other role takes the colour of its own name.
ROLE_STYLES: dict[str, tuple[float, Qt.PenStyle]] = {
    "skin": (1.6, Qt.PenStyle.SolidLine),
    "contour": (1.1, Qt.PenStyle.SolidLine),
    "crease": (0.9, Qt.PenStyle.SolidLine),
    "bone": (1.0, Qt.PenStyle.DashLine),
    "feature": (1.0, Qt.PenStyle.SolidLine),
}

Layers = list[tuple[str, QPainterPath]]


def to_painter_path(commands) -> QPainterPath:
    """Turn body-model path commands (model units) into a QPainterPath in scene units."""
    path = QPainterPath()
    for cmd in commands:
        op = cmd[0]
        if op == "M":
            path.moveTo(cmd[1] * S, cmd[2] * S)
        elif op == "L":
            path.lineTo(cmd[1] * S, cmd[2] * S)
        elif op == "C":
            path.cubicTo(cmd[1] * S, cmd[2] * S, cmd[3] * S, cmd[4] * S, cmd[5] * S, cmd[6] * S)
        elif op == "Z":
            path.closeSubpath()
    return path


def figure_layers(view) -> Layers:
    """The view's strokes as (role, painter path in scene units), in drawing order."""
    return [(p.role, to_painter_path(p.commands)) for p in view.paths]


def pen(colour: QColor, width: float, style=Qt.PenStyle.SolidLine, scale: float = 1.0) -> QPen:
    """A round-capped pen ``width`` device pixels wide (times ``scale``), whatever the painter's transform."""
    result = QPen(colour, width * scale, style, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    result.setCosmetic(True)
    return result


def solid(colour: QColor) -> QBrush:
    """A brush filled with ``colour``. (``QBrush(colour)`` would do, but on its first call PySide weighs all of
    the constructor's overloads and so creates the five enums of QGradient, about 4 ms of a start.)"""
    brush = QBrush()
    brush.setColor(colour)
    brush.setStyle(Qt.BrushStyle.SolidPattern)
    return brush


class FigureStyle:
    """The pens and the skin's brush of the current theme (``line_scale`` widens every line, e.g. for
    an image many times the screen's size)."""

    def __init__(self, line_scale: float = 1.0):
        self.pens = {role: pen(theme.color("outline" if role == "skin" else role), width, style, line_scale)
                     for role, (width, style) in ROLE_STYLES.items()}
        self.skin = solid(theme.color("skin"))


def paint_figure(painter: QPainter, layers: Layers, style: FigureStyle) -> None:
    """Paint the strokes in order: skin shapes filled and edged, the other roles as lines."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for role, path in layers:
        painter.setPen(style.pens.get(role, style.pens["contour"]))
        painter.setBrush(style.skin if role == "skin" else Qt.BrushStyle.NoBrush)
        painter.drawPath(path)


def figure_image(view, height: int, area: tuple[float, float, float, float] | None = None,
                 line_scale: float = 1.0, surface: str = "canvas") -> QImage:
    """The view's figure alone, ``height`` pixels tall, on the theme's ``surface``: the whole
    ``view.bounds`` or the rectangle ``area`` (model units). For previews and tools."""
    from PySide6.QtGui import QImage

    x0, y0, x1, y1 = area or view.bounds
    scale = height / ((y1 - y0) * S)
    image = QImage(max(1, round((x1 - x0) * S * scale)), height, QImage.Format.Format_ARGB32)
    image.fill(theme.color(surface))
    painter = QPainter(image)
    painter.scale(scale, scale)
    painter.translate(-x0 * S, -y0 * S)
    paint_figure(painter, figure_layers(view), FigureStyle(line_scale))
    painter.end()
    return image


def model_to_image(view_or_area, height: int):
    """The function mapping model (x, y) to pixel (x, y) of ``figure_image(view, height, area)``."""
    x0, y0, _x1, y1 = view_or_area if isinstance(view_or_area, tuple) else view_or_area.bounds
    scale = height / (y1 - y0)
    return lambda x, y: ((x - x0) * scale, (y - y0) * scale)
