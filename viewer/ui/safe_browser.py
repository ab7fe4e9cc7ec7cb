"""Rich text built from data (see ``safe_text``): a text browser that loads nothing and opens links only on a click."""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser


class SafeBrowser(QTextBrowser):
    """Rich text that never fetches anything: no remote resources; links open only when clicked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)

    def loadResource(self, kind, url):
        return None  # images, style sheets: nothing is loaded from anywhere

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)  # the system browser, only on the user's click

