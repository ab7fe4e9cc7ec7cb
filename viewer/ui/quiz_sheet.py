"""A printable quiz: a blank figure and the plan's points to find, numbered; then its answer sheet.

Two A4 pages in one PDF — page 1 for the students, page 2 (the same figure with the points drawn and
numbered as in the list) for the teacher. Made with the page and figure code of printing.py.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from ..atlas.i18n import _
from ..atlas.keys import describe_key
from . import theme
from .printing import draw_figures, draw_html, on_paper, plan_views, write_pdf
from .safe_text import escape


def _list_html(content, plan, answers: bool) -> str:
    rows = []
    for number, item in enumerate(plan.items, start=1):
        name = escape(describe_key(content, item.key))
        if answers and item.kind == "point":
            location = escape(content.atlas.points[item.ref].location)
            where = f"<br><span style='color:{theme.css('muted')}'>{location}</span>"
        else:
            where = ""
        rows.append(f"<p style='margin:0 0 7px 0'><b>{number}.</b> {name}{where}</p>")
    empty = _("(The plan has no points: add some, then print the quiz.)")
    return "".join(rows) or f"<p>{escape(empty)}</p>"


@on_paper
def paint_sheet(painter: QPainter, page: QRectF, content, plan, answers: bool) -> None:
    """One page: the quiz (blank figure, name line) or its answer sheet (points drawn and numbered)."""
    unit = page.width() / 180.0
    painter.fillRect(page, theme.color("base"))
    kind = _("Answer sheet") if answers else _("Quiz: find the points")
    task = (_("The points drawn and numbered as in the list.") if answers else
            _("Mark each point on the figure and write its number beside it."))
    head = f"<h1 style='margin:0'>{escape(kind)}</h1><p style='margin:0'>{escape(plan.title)} · {escape(task)}</p>"
    if not answers:
        blanks = _("Name: {line}&nbsp;&nbsp;Date: {short}").format(line="_" * 30, short="_" * 12)
        head += f"<p style='margin:6px 0 0 0'>{blanks}</p>"
    draw_html(painter, QRectF(page.left(), page.top(), page.width(), 26 * unit), head, 11.0)
    top = page.top() + 28 * unit
    figure_width = page.width() * 0.56
    draw_figures(painter, content, plan_views(content, plan), plan.keys() if answers else [],
                 QRectF(page.left(), top, figure_width, page.bottom() - top), 4 * unit)
    left = page.left() + figure_width + 5 * unit
    draw_html(painter, QRectF(left, top, page.right() - left, page.bottom() - top),
               _list_html(content, plan, answers), 10.0 if not answers else 8.5)


def export_quiz(content, plan, path: Path, dpi: int = 300) -> Path:
    """The quiz (page 1) and its answer sheet (page 2) as one PDF, saved atomically."""
    pages = [lambda painter, page, answers=answers: paint_sheet(painter, page, content, plan, answers)
             for answers in (False, True)]
    return write_pdf(path, _("Quiz: {title}").format(title=plan.title), pages, dpi)
