"""One renderer draws the figure: the diagram's scene, the printed page and the preview tools give the
same pixels for the same view (tests render each and compare the images)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from viewer.ui import printing, theme
from viewer.ui.figure_paint import S, figure_image
from viewer.ui.scene import BodyScene


def scene_figure(content, view: str, source: QRectF, size) -> QImage:
    """The window's scene of ``view`` with everything but the figure hidden, rendered from ``source``."""
    scene = BodyScene(content.body.view(view), content)
    for item in scene.items():
        item.setVisible(item is scene.figure)
    scene.setBackgroundBrush(theme.color("base"))  # paper, as printed (the window's canvas is tinted)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(theme.color("base"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), source)
    painter.end()
    return image


def differing(a: QImage, b: QImage, tolerance: int = 0) -> int:
    """Pixels whose colour differs by more than ``tolerance`` in any channel."""
    assert a.size() == b.size()
    count = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
            if max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue())) > tolerance:
                count += 1
    return count


def ink(image: QImage) -> int:
    """Pixels that are not the background (the figure really was drawn)."""
    background = image.pixel(0, 0)
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if image.pixel(x, y) != background)


@pytest.mark.parametrize("view", ["front", "side"])
def test_the_printed_figure_is_the_scenes_figure(qtbot, content, view):
    """A blank figure on a printed page (handout, quiz sheet) is pixel for pixel the figure of the
    window's scene at the same size: both are painted by the one renderer with the paper theme."""
    with theme.using(theme.PAPER):
        target = QRectF(0, 0, 300, 600)
        printed_scene = printing.figure_scene(content, view, [], target, 150)
        printed = printing._figure_image(printed_scene, target, 150, figure_dpi=150)
        on_screen = scene_figure(content, view, printed_scene.body_rect(), printed.size())
    assert ink(printed) > 2000
    assert differing(printed, on_screen) == 0


def test_the_preview_tools_draw_the_scenes_figure(qtbot, content):
    """figure_image (tools/preview_body.py, tools/check_muscles.py) paints the same figure as the scene."""
    with theme.using(theme.PAPER):
        scene = BodyScene(content.body.view("back"), content)
        rect = scene.body_rect()
        area = (rect.left() / S, rect.top() / S, rect.right() / S, rect.bottom() / S)
        tool = figure_image(content.body.view("back"), 500, area, surface="base")
        # the tool's picture is a whole number of pixels wide: render the scene from exactly that area
        scale = tool.height() / rect.height()
        source = QRectF(rect.left(), rect.top(), tool.width() / scale, rect.height())
        on_screen = scene_figure(content, "back", source, tool.size())
    assert ink(tool) > 2000
    assert differing(tool, on_screen, tolerance=8) < tool.width() * tool.height() * 0.002


def test_the_figure_follows_the_theme(qtbot, content):
    """The renderer takes its colours from the theme: the high-contrast figure differs from the light one."""
    view = content.body.view("soles")
    with theme.using(theme.PAPER):
        light = figure_image(view, 300)
    with theme.using(theme.HIGH_CONTRAST):
        contrast = figure_image(view, 300)
    assert differing(light, contrast) > 1000
