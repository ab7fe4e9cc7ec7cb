"""Plan handouts: one A4 page with the body view(s), the plan's points, plain notes and the disclaimer.

Handouts are for paper: they are drawn in the light theme (``theme.PAPER``) whatever the screen's theme.
The same painting code serves the PDF (QPdfWriter), the PNG (a QImage whose dots-per-metre Qt writes
into the PNG's pHYs chunk) and printing (a QPrinter from the system dialog).
"""
from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from ..atlas import i18n
from ..atlas.i18n import _
from ..atlas.localize import Localized, localize
from ..atlas.store import atomic_write_bytes
from . import theme
from .details import DISCLAIMER
from .fonts import hanzi_safe, unscaled
from .scene import BodyScene
from .safe_text import escape

A4_MM = (210.0, 297.0)
MARGIN_MM = 16.0  # on every side: more than most printers' unprintable border
PATIENT_SECTIONS = ("session", "feel", "purpose")


def on_paper(draw):
    """Run ``draw`` in the paper (light) theme at the designed text sizes: print-outs never turn dark."""
    @functools.wraps(draw)
    def drawn(*args, **kwargs):
        with theme.using(theme.PAPER), unscaled():
            return draw(*args, **kwargs)
    return drawn


def plan_views(content, plan) -> list[str]:
    """The views to draw: those holding the plan's items, in the body model's order (at most two)."""
    wanted = []
    for item in plan.items:
        if item.kind == "point":
            views = content.atlas.points[item.ref].views
        else:
            views = (content.muscles.trigger_points[item.ref].place.view,)
        if views and views[0] not in wanted:
            wanted.append(views[0])
    ordered = [v for v in content.body.views if v in wanted]
    return ordered[:2] or ["front"]


def _items_html(local: Localized, plan) -> str:
    content = local.content
    rows = []
    for number, item in enumerate(plan.items, start=1):
        if item.kind == "point":
            point = content.atlas.points[item.ref]
            where = hanzi_safe(point.location)
            labels = local.caution_labels(point.caution_tags)
            if labels:
                # Translators: after a point's location on the handout; {labels} is a list of caution labels.
                where += " " + _("Caution: {labels}.").format(labels=_(", ").join(labels))
        else:
            tp = content.muscles.trigger_points[item.ref]
            where = f"{tp.name}. {content.muscles.muscles[tp.muscle].symptoms}"
        note = f"<br><i>{escape(item.note)}</i>" if item.note else ""
        rows.append(f"<p style='margin:0 0 6px 0'><b>{number}. {escape(hanzi_safe(local.caption(item.key)))}</b><br>"
                    f"<span style='color:{theme.css('muted')}'>{escape(where)}</span>{note}</p>")
    return "".join(rows) or "<p>" + escape(_("(The plan has no points yet.)")) + "</p>"


def _patient_html(content) -> str:
    parts = []
    for section in content.overview.sections:
        if section.id in PATIENT_SECTIONS:
            parts.append(f"<p style='margin:0 0 5px 0'><b>{escape(section.title)}.</b> "
                         f"{escape(section.text['patient']['shared'])}</p>")
    return "".join(parts)


def _draw_html(painter: QPainter, rect: QRectF, html: str, point_size: float) -> None:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(painter.device())  # point sizes in the device's own DPI
    doc.setDocumentMargin(0)
    font = painter.font()
    font.setPointSizeF(point_size)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    doc.setTextWidth(rect.width())
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


def handout_scene(content, view: str, keys, target: QRectF, device_dpi: float) -> BodyScene:
    """One view as printed: only ``keys`` (numbered as listed; [] = blank figure), with large labels laid
    out for the size the figure will have in ``target`` (device units)."""
    scene = BodyScene(content.body.view(view), content)
    scene.set_style("patient")  # labels large enough to read on paper
    scene.setBackgroundBrush(theme.color("base"))
    source = scene.body_rect()
    scale = min(target.width() / source.width(), target.height() / source.height())
    scene.set_plan_filter(keys, pixels_per_unit=scale / device_dpi * 150)
    for marker in scene.markers:
        marker.size_factor = 1.5  # print: dots a little larger than on screen
    return scene


def draw_figures(painter: QPainter, content, views, keys, area: QRectF, gap: float) -> None:
    """The body views stacked in ``area``, showing only ``keys`` (numbered as listed; [] = blank figure)."""
    device_dpi = painter.device().logicalDpiX() or 96
    height = area.height() / len(views)
    for index, view in enumerate(views):
        target = QRectF(area.left(), area.top() + index * height, area.width(), height - gap)
        scene = handout_scene(content, view, keys, target, device_dpi)
        image = _figure_image(scene, target, device_dpi)
        width = image.width() / figure_dpi_of(image) * device_dpi
        height_px = image.height() / figure_dpi_of(image) * device_dpi
        painter.drawImage(QRectF(target.left() + (target.width() - width) / 2, target.top(), width, height_px), image)


@on_paper
def paint_handout(painter: QPainter, page: QRectF, content, plan, lang: str | None = None) -> None:
    """Lay out the handout in ``page`` (device units of the painter), in ``lang`` (None: the user's)."""
    with i18n.language(lang) as chosen:
        _paint_handout(painter, page, localize(content, chosen), plan)


def _paint_handout(painter: QPainter, page: QRectF, local: Localized, plan) -> None:
    content = local.content
    unit = page.width() / (A4_MM[0] - 2 * MARGIN_MM)  # one millimetre of the printable width
    painter.fillRect(page, theme.color("base"))
    subtitle = _("Treatment plan · educational handout")
    title = (f"<h1 style='margin:0'>{escape(plan.title)}</h1>"
             f"<p style='color:{theme.css('muted')};margin:0'>{escape(subtitle)}</p>")
    _draw_html(painter, QRectF(page.left(), page.top(), page.width(), 18 * unit), title, 11.0)
    body_top = page.top() + 20 * unit
    figure_width = page.width() * 0.42
    views = plan_views(content, plan)
    draw_figures(painter, content, views, plan.keys(),
                 QRectF(page.left(), body_top, figure_width, page.height() * 0.78), 4 * unit)
    text_left = page.left() + figure_width + 6 * unit
    text_width = page.right() - text_left
    size = 9.0
    html = _items_html(local, plan)
    if plan.note:
        html += "<p>" + _("<b>Note:</b> {note}").format(note=escape(plan.note)) + "</p>"
    html += "<hr>" + _patient_html(content)
    _draw_html(painter, QRectF(text_left, body_top, text_width, page.bottom() - body_top - 20 * unit), html, size)
    disclaimer = content.overview.disclaimer or _(DISCLAIMER)
    _draw_html(painter, QRectF(page.left(), page.bottom() - 18 * unit, page.width(), 18 * unit),
               f"<p style='color:{theme.css('muted')}'><i>{escape(disclaimer)} {escape(_(DISCLAIMER))}</i></p>",
               size * 0.9)


def _painting(device, what: str) -> QPainter:
    """A painter that has really started on ``device``; OSError naming ``what`` if it could not."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(f"could not start drawing {what}")
    return painter


def _finish(painter: QPainter, what: str) -> None:
    if not painter.end():
        raise OSError(f"could not finish drawing {what}")


def _printable(layout: QPageLayout, dpi: int) -> QRectF:
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
    painter = _painting(writer, f"the PDF {path}")  # rendered in memory first: a failure is never "saved"
    for number, paint in enumerate(pages):
        if number:
            writer.newPage()
        paint(painter, _printable(writer.pageLayout(), dpi))
    _finish(painter, f"the PDF {path}")
    data = bytes(buffer.data())
    if not data.startswith(b"%PDF"):
        raise OSError(f"the PDF for {path} came out empty")
    atomic_write_bytes(Path(path), data)
    return Path(path)


def export_pdf(content, plan, path: Path, dpi: int = 300, lang: str | None = None) -> Path:
    return write_pdf(path, plan.title, [lambda painter, page: paint_handout(painter, page, content, plan, lang)], dpi)


@on_paper
def render_png(content, plan, dpi: int = 150, lang: str | None = None) -> QImage:
    width = round(A4_MM[0] / 25.4 * dpi)
    height = round(A4_MM[1] / 25.4 * dpi)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(theme.color("base"))
    margin = MARGIN_MM / 25.4 * dpi
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_handout(painter, QRectF(margin, margin, width - 2 * margin, height - 2 * margin), content, plan, lang)
    painter.end()
    return image


def export_png(content, plan, path: Path, dpi: int = 150, lang: str | None = None) -> Path:
    """Save the handout as PNG with its DPI recorded (so it prints at A4 size)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not render_png(content, plan, dpi, lang).save(buffer, "PNG"):  # the image's DPI goes into the pHYs chunk
        raise OSError(f"could not encode the handout for {path}")
    atomic_write_bytes(Path(path), bytes(buffer.data()))
    return Path(path)


def print_handout(content, plan, printer, lang: str | None = None) -> None:
    """Paint the handout on a printer chosen in the system print dialog."""
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    painter = _painting(printer, "on the printer")
    paint_handout(painter, _printable(printer.pageLayout(), printer.resolution()), content, plan, lang)
    _finish(painter, "on the printer")


def export_view_image(scene, path: Path, height_px: int = 3000) -> Path:
    """A high-resolution image of one view (for slides), whatever is shown on it, in the paper theme."""
    source = scene.body_rect()
    width_px = round(height_px * source.width() / source.height())
    image = QImage(width_px, height_px, QImage.Format.Format_ARGB32)
    with theme.using(theme.PAPER):
        scene.restyle()
        image.fill(theme.color("base"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene.render(painter, QRectF(0, 0, width_px, height_px), source)
        painter.end()
    scene.restyle()  # back to the screen's theme
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(f"could not encode the image for {path}")
    atomic_write_bytes(Path(path), bytes(buffer.data()))
    return Path(path)

