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

from ..atlas.i18n import N_, _
from ..atlas.keys import trigger_key
from ..atlas.muscles import correspondence_summary
from . import theme
from .accessibility import name_parts, named
from .safe_text import escape

PUBLISHED = (
    ("Melzack, Stillwell & Fox 1977", N_("71% of trigger points matched an acupoint in location and pain pattern.")),
    ("Dorsher 2006", N_("92% anatomic correspondence among 255 trigger points.")),
    ("Birch 2003", N_("argued that only ashi (tender) points, not classical acupoints, are fairly comparable "
                      "with trigger points, so high figures overstate the overlap.")),
)


def summary_html(items) -> str:
    s = correspondence_summary(items)
    rows = "".join(f"<li><b>{escape(who)}</b>: {escape(_(what))}</li>" for who, what in PUBLISHED)
    title = _("Trigger points and acupoints in this atlas")
    count = _("Of the <b>{total}</b> trigger points drawn here, <b>{cun}</b> ({cun_share}) have an acupoint within "
              "1 cun and <b>{cm}</b> ({cm_share}) within 2 cm, measured on the body model.").format(
        total=s["trigger_points"], cun=s["within_1_cun"], cun_share=f"{s['share_1_cun']:.0%}",
        cm=s["within_2_cm"], cm_share=f"{s['share_2_cm']:.0%}")
    published = _("Published figures for comparison:")
    caveat = _("Caveat: our count measures distance on a drawing, only on the view where each trigger point is "
               "shown, against the WHO points and the extra points of this atlas. It says nothing about shared "
               "function or pain patterns, and the dense acupoint grid makes some closeness unavoidable by chance.")
    return (f"<h3>{escape(title)}</h3><p>{count}</p><p>{escape(published)}</p><ul>{rows}</ul>"
            f"<p style='color:{theme.css('muted')}'><i>{escape(caveat)}</i></p>")


class CorrespondenceDialog(QDialog):
    """The summary and one row per trigger point; choosing a row shows the pair on the body."""

    pairChosen = Signal(str, str)  # trigger point id, acupoint code

    def __init__(self, content, items, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # opened again and again: never piles up
        self.setWindowTitle(_("Trigger points and acupoints"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.summary = named(QTextBrowser(), _("Summary: trigger points and acupoints"))
        self.summary.setOpenLinks(False)
        self.summary.setHtml(summary_html(items))
        self.summary.setMaximumHeight(260)
        layout.addWidget(self.summary)
        self.table = named(QTableWidget(len(items), 5), _("Trigger points and their nearest acupoints"),
                           _("Choosing a row shows the pair on the body"))
        headers = [_("Trigger point"), _("Muscle"), _("Nearest acupoint"), _("cm"), _("cun")]
        self.table.setHorizontalHeaderLabels(headers)
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
        self.table.setToolTip(_("Choose a row to see the trigger point and its nearest acupoint on the body"))
        self.table.currentCellChanged.connect(self._on_row)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        name_parts(self)

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
        window.view_state.marked = {code}
        window.diagram.fit_to(scene.area_of([code], [tp_id]))

    dialog.pairChosen.connect(show_pair)
    dialog.open()
    return dialog
