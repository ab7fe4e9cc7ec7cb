"""Help menu dialogs: what could not be loaded (file, entry, field and why), and the About box."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from .. import APP_NAME, __version__
from ..atlas.describe import DISCLAIMER
from ..atlas.i18n import _, ngettext
from .accessibility import name_parts, named


class ProblemsDialog(QDialog):
    def __init__(self, problems, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # opened again and again: never piles up
        self.setWindowTitle(_("Load problems"))
        self.resize(720, 360)
        layout = QVBoxLayout(self)
        count = len(problems)
        summary = _("Everything loaded without problems.") if not count else ngettext(
            "{n} problem found. The entry named below was skipped; everything else loaded normally.",
            "{n} problems found. The entries named below were skipped; everything else loaded normally.",
            count).format(n=count)
        label = QLabel(summary)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.text = named(QPlainTextEdit("\n".join(str(p) for p in problems)), _("Load problems"),
                          _("One line per skipped entry: file, entry, field and why"))
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        name_parts(self)


def show_about(window) -> None:
    """Help ▸ About: version, how many points and channels, and the disclaimer."""
    from PySide6.QtWidgets import QMessageBox  # imported when opened, not on every start

    atlas = window.content.atlas
    counts = ngettext("{points} points on {channels} channel.", "{points} points on {channels} channels.",
                      len(atlas.meridians)).format(points=len(atlas.points), channels=len(atlas.meridians))
    disclaimer = _(DISCLAIMER)
    QMessageBox.about(window, _("About {app}").format(app=APP_NAME),
                      f"<h3>{APP_NAME} {__version__}</h3><p>{counts}</p><p>{disclaimer}</p>")
