"""Plan handouts: one A4 page with the body view(s), the plan's points, plain notes and the disclaimer.

Handouts are for paper: they are drawn in the light theme (``theme.PAPER``) whatever the screen's theme.
The same painting code serves the PDF (QPdfWriter), the PNG (a QImage whose dots-per-metre Qt writes
into the PNG's pHYs chunk) and printing (a QPrinter from the system dialog).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import QImage, QPageLayout, QPainter

from ..atlas import i18n
from ..atlas.describe import DISCLAIMER
from ..atlas.i18n import _
from ..atlas.localize import Localized, localize
from ..atlas.store import atomic_write_bytes
from . import theme
from .fonts import hanzi_safe
from .printing import (
    A4_MM,
    MARGIN_MM,
    draw_figures,
    draw_html,
    finish,
    on_paper,
    painting,
    plan_views,
    printable,
    write_pdf,
)
from .safe_text import escape

PATIENT_SECTIONS = ("session", "feel", "purpose")


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
    draw_html(painter, QRectF(page.left(), page.top(), page.width(), 18 * unit), title, 11.0)
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
    draw_html(painter, QRectF(text_left, body_top, text_width, page.bottom() - body_top - 20 * unit), html, size,
              smallest=6.5)
    disclaimer = content.overview.disclaimer or _(DISCLAIMER)
    draw_html(painter, QRectF(page.left(), page.bottom() - 18 * unit, page.width(), 18 * unit),
               f"<p style='color:{theme.css('muted')}'><i>{escape(disclaimer)} {escape(_(DISCLAIMER))}</i></p>",
               size * 0.9)


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
        raise OSError(_("could not encode the handout for {path}").format(path=path))
    atomic_write_bytes(Path(path), bytes(buffer.data()))
    return Path(path)


def print_handout(content, plan, printer, lang: str | None = None) -> None:
    """Paint the handout on a printer chosen in the system print dialog."""
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    painter = painting(printer, _("could not start drawing on the printer"))
    paint_handout(painter, printable(printer.pageLayout(), printer.resolution()), content, plan, lang)
    finish(painter, _("could not finish drawing on the printer"))


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
        raise OSError(_("could not encode the image for {path}").format(path=path))
    atomic_write_bytes(Path(path), bytes(buffer.data()))
    return Path(path)

