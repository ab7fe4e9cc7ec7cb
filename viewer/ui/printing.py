"""Printed pages: A4 with margins, HTML text blocks, body figures at print size, atomic PDF files.

Shared by the handout, the quiz sheet and the keyboard-shortcut reference. Paper is drawn in the light
theme (``on_paper``) whatever the screen's theme.
"""
from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from ..atlas.i18n import _
from ..atlas.plates import magnification
from ..atlas.store import atomic_write_bytes
from . import theme
from .fonts import unscaled
from .scene import BodyScene

A4_MM = (210.0, 297.0)
MARGIN_MM = 16.0  # on every side: more than most printers' unprintable border


def on_paper(draw):
    """Run ``draw`` in the paper (light) theme at the designed text sizes: print-outs never turn dark."""
    @functools.wraps(draw)
    def drawn(*args, **kwargs):
        with theme.using(theme.PAPER), unscaled():
            return draw(*args, **kwargs)
    return drawn



def plan_views(content, plan) -> list[str]:
    """The views to draw: the most magnified regional plate that shows every item of the plan, if one does;
    else the whole figures holding the plan's items, in the body model's order (at most two)."""
    plate = plan_plate(content, plan)
    if plate:
        return [plate]
    wanted = []
    for item in plan.items:
        if item.kind == "point":
            views = content.atlas.points[item.ref].views
        else:
            views = (content.muscles.trigger_points[item.ref].place.view,)
        if views and views[0] not in wanted:
            wanted.append(views[0])
    ordered = [v for v in content.body.views if v in wanted]
    return ordered[:2] or [content.body.registry.first]


def plan_plate(content, plan) -> str:
    """The regional plate (largest magnification first) with a marker of every item of ``plan``; "" if none."""
    if not plan.items:
        return ""
    registry = content.body.registry
    on_view: dict[str, set[str]] = {}
    for view, markers in content.layout.markers.items():
        on_view.setdefault(view, set()).update(m.code for m in markers)
    for view, markers in content.muscles.markers.items():
        on_view.setdefault(view, set()).update(m.code for m in markers)
    plates = sorted(registry.plates, key=lambda name: -magnification(content.body, name))
    return next((name for name in plates if all(item.ref in on_view.get(name, ()) for item in plan.items)), "")



def draw_html(painter: QPainter, rect: QRectF, html: str, point_size: float, smallest: float = 0.0) -> None:
    """Draw ``html`` in ``rect``; with ``smallest``, a text too long for the box (a longer language) is set
    smaller, down to that size, rather than cut off at the bottom."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(painter.device())  # point sizes in the device's own DPI
    doc.setDocumentMargin(0)
    font = painter.font()
    doc.setHtml(html)
    doc.setTextWidth(rect.width())
    while True:
        font.setPointSizeF(point_size)
        doc.setDefaultFont(font)
        if point_size - 0.25 < smallest or doc.size().height() <= rect.height():
            break
        point_size -= 0.25
    painter.save()
    painter.translate(rect.topLeft())
    doc.drawContents(painter, QRectF(0, 0, rect.width(), rect.height()))
    painter.restore()



def figure_dpi_of(image: QImage) -> float:
    return image.dotsPerMeterX() * 0.0254



def _figure_image(scene, target: QRectF, device_dpi: float, figure_dpi: int = 150) -> QImage:
    """The figure at print size: markers and labels keep their physical size at ``figure_dpi``."""
    source = scene.body_rect()
    scale = min(target.width() / source.width(), target.height() / source.height())
    width_in = source.width() * scale / device_dpi
    height_in = source.height() * scale / device_dpi
    image = QImage(max(1, round(width_in * figure_dpi)), max(1, round(height_in * figure_dpi)),
                   QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(round(figure_dpi / 0.0254))
    image.setDotsPerMeterY(round(figure_dpi / 0.0254))
    image.fill(theme.color("base"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), source)
    painter.end()
    return image



def figure_scene(content, view: str, keys, target: QRectF, device_dpi: float) -> BodyScene:
    """One view as printed: only ``keys`` (numbered as listed; [] = blank figure), with large labels laid
    out for the size the figure will have in ``target`` (device units)."""
    scene = BodyScene(content.body.view(view), content)
    source = scene.body_rect()
    scale = min(target.width() / source.width(), target.height() / source.height())
    scene.set_plan_filter(keys, pixels_per_unit=scale / device_dpi * 150)  # patient style: labels to read on paper
    scene.setBackgroundBrush(theme.color("base"))
    for marker in scene.markers:
        marker.size_factor = 1.5  # print: dots a little larger than on screen
    return scene



def draw_figures(painter: QPainter, content, views, keys, area: QRectF, gap: float) -> None:
    """The body views stacked in ``area``, showing only ``keys`` (numbered as listed; [] = blank figure)."""
    device_dpi = painter.device().logicalDpiX() or 96
    height = area.height() / len(views)
    for index, view in enumerate(views):
        target = QRectF(area.left(), area.top() + index * height, area.width(), height - gap)
        scene = figure_scene(content, view, keys, target, device_dpi)
        image = _figure_image(scene, target, device_dpi)
        width = image.width() / figure_dpi_of(image) * device_dpi
        height_px = image.height() / figure_dpi_of(image) * device_dpi
        painter.drawImage(QRectF(target.left() + (target.width() - width) / 2, target.top(), width, height_px), image)



def painting(device, failure: str) -> QPainter:
    """A painter that has really started on ``device``; OSError(``failure``) if it could not."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(failure)
    return painter



def finish(painter: QPainter, failure: str) -> None:
    if not painter.end():
        raise OSError(failure)



def printable(layout: QPageLayout, dpi: int) -> QRectF:
    """The area inside the margins, in the painter's coordinates: a PDF writer or printer already puts
    the painter's origin at the top-left margin, so the rectangle starts at (0, 0), not at the margin."""
    return QRectF(0, 0, layout.paintRectPixels(dpi).width(), layout.paintRectPixels(dpi).height())



def pdf_writer(device: QBuffer, title: str, dpi: int = 300) -> QPdfWriter:
    """An A4 portrait PDF with its margins (the handout's and the quiz sheet's page), into ``device``."""
    writer = QPdfWriter(device)
    writer.setResolution(dpi)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("Meridian Viewer")
    return writer



def write_pdf(path: Path, title: str, pages, dpi: int = 300) -> Path:
    """Paint ``pages`` (functions of painter and page rectangle) into a PDF, saved atomically at ``path``."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = pdf_writer(buffer, title, dpi)
    # rendered in memory first: a failure is never "saved"
    painter = painting(writer, _("could not start drawing the PDF {path}").format(path=path))
    for number, paint in enumerate(pages):
        if number:
            writer.newPage()
        paint(painter, printable(writer.pageLayout(), dpi))
    finish(painter, _("could not finish drawing the PDF {path}").format(path=path))
    data = bytes(buffer.data())
    if not data.startswith(b"%PDF"):
        raise OSError(_("the PDF for {path} came out empty").format(path=path))
    atomic_write_bytes(Path(path), data)
    return Path(path)

