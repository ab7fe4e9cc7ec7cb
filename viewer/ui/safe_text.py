"""Text from data (content, packs, plans, user files) on screen: always as text, never as HTML.

Qt guesses: a tooltip, a QLabel or a message box whose text "might be rich text" renders it as HTML,
and HTML may load images (``<img src="file:///...">`` reads local files, ``/dev/zero`` aborts the app).
Every widget that shows data text goes through this module:

- ``escape(text)`` for data placed inside the app's own HTML (details, compare, handout, study);
- ``tooltip(text)`` for tooltips (escaped inside a rich-text wrapper, so Qt shows the text as written);
- ``plain(label)`` for labels that show data: their format is fixed to plain text;
- ``safe_browser.SafeBrowser`` for rich text built from data: it loads no resource and opens links only on
  a click (its own module: only panels need it, so the first picture does not wait for QTextBrowser).
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def escape(text: object) -> str:
    """``text`` made inert for HTML: ``<``, ``>``, ``&`` and quotes become entities."""
    return html.escape(str(text), quote=True)


def tooltip(text: object) -> str:
    """A tooltip showing ``text`` literally (line breaks kept)."""
    return "<qt>" + escape(text).replace("\n", "<br>") + "</qt>"


def plain(label: QLabel) -> QLabel:
    """Fix ``label`` to plain text (it shows data) and return it."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
