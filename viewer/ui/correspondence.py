"""How close are trigger points to acupoints? The app's own count beside published figures."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from ..atlas.keys import trigger_key
from ..atlas.muscles import correspondence_summary
from . import theme
from .safe_text import escape

PUBLISHED = (
    ("Melzack, Stillwell & Fox 1977", "71% of trigger points matched an acupoint in location and pain pattern."),
    ("Dorsher 2006", "92% anatomic correspondence among 255 trigger points."),
    ("Birch 2003", "argued that only ashi (tender) points, not classical acupoints, are fairly comparable "
                   "with trigger points, so high figures overstate the overlap."),
)


def summary_html(items) -> str:
    s = correspondence_summary(items)
    rows = "".join(f"<li><b>{escape(who)}</b>: {escape(what)}</li>" for who, what in PUBLISHED)
    return (
        "<h3>Trigger points and acupoints in this atlas</h3>"
        f"<p>Of the <b>{s['trigger_points']}</b> trigger points drawn here, <b>{s['within_1_cun']}</b> "
        f"({s['share_1_cun']:.0%}) have an acupoint within 1 cun and <b>{s['within_2_cm']}</b> "
        f"({s['share_2_cm']:.0%}) within 2 cm, measured on the body model.</p>"
        f"<p>Published figures for comparison:</p><ul>{rows}</ul>"
        f"<p style='color:{theme.css('muted')}'><i>Caveat: our count measures distance on a drawing, "
        "only on the view where "
        "each trigger point is shown, against the WHO points and the extra points of this atlas. It says "
        "nothing about shared function or pain patterns, and the dense acupoint grid makes some "
        "closeness unavoidable by chance.</i></p>"
    )


class CorrespondenceDialog(QDialog):
    """The summary and one row per trigger point; choosing a row shows the pair on the body."""

    pairChosen = Signal(str, str)  # trigger point id, acupoint code

    def __init__(self, content, items, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # opened again and again: never piles up
        self.setWindowTitle("Trigger points and acupoints")
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.summary = QTextBrowser()
        self.summary.setOpenLinks(False)
        self.summary.setHtml(summary_html(items))
        self.summary.setMaximumHeight(260)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(items), 5)
        self.table.setHorizontalHeaderLabels(["Trigger point", "Muscle", "Nearest acupoint", "cm", "cun"])
        muscles = content.muscles
        self.pairs = sorted(items, key=lambda c: c.distance_cm)
        for row, item in enumerate(self.pairs):
            muscle = muscles.muscles[muscles.trigger_points[item.trigger_point].muscle]
            cells = (item.trigger_point, muscle.name, item.acupoint, f"{item.distance_cm:.1f}",
                     f"{item.distance_cun:.1f}" if item.distance_cun is not None else "")
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setToolTip("Choose a row to see the trigger point and its nearest acupoint on the body")
        self.table.currentCellChanged.connect(self._on_row)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_row(self, row: int, *_columns) -> None:
        if 0 <= row < len(self.pairs):
            self.pairChosen.emit(self.pairs[row].trigger_point, self.pairs[row].acupoint)


def open_correspondence(window) -> CorrespondenceDialog:
    """Open the table beside the window; a chosen row selects the trigger point, rings its acupoint and
    frames both on the body."""
    dialog = CorrespondenceDialog(window.content, window.correspondence, window)

    def show_pair(tp_id: str, code: str) -> None:
        window.select(trigger_key(tp_id))
        scene = window.scenes[window.current_view]
        scene.highlight([code])
        window.diagram.fit_to(scene.area_of([code], [tp_id]))

    dialog.pairChosen.connect(show_pair)
    dialog.open()
    return dialog
