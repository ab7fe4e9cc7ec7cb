"""Help ▸ Keyboard shortcuts: every menu shortcut (read from the window's actions) plus the keys of the
diagram, presentation mode and study panels, in one table that can be saved as a printable PDF."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ..atlas.i18n import N_, _
from . import dialogs, theme
from .accessibility import name_parts, named
from .crosshair import KEY_ROWS as CROSSHAIR_KEYS
from .diagram_keys import KEY_ROWS as DIAGRAM_KEYS
from .safe_text import escape
from .words import without_mnemonic

# Keys that are not menu entries: (where, keys, what). Study and presentation keys are checked against
# the panels' own key tables by the tests, so this list cannot drift from what the keys do.
OTHER_KEYS = (
    (N_("Diagram"), N_("Mouse wheel, pinch"), N_("Zoom at the pointer (the spot under it stays put)")),
    (N_("Diagram"), N_("Drag"), N_("Pan")),
    (N_("Diagram"), "+  /  −", N_("Zoom in / out")),
    (N_("Diagram"), "0", N_("Fit the whole figure")),
    (N_("Diagram"), N_("Click"), N_("Select a point, trigger point or muscle (in 'Where does it hurt?': a spot)")),
    *DIAGRAM_KEYS,
    *CROSSHAIR_KEYS,
    (N_("Plan"), "Ctrl+↑  Ctrl+↓", N_("Move the chosen item of the plan up / down")),
    (N_("Plan"), "Delete", N_("Remove the chosen item from the plan")),
    (N_("Presentation"), "→  Space  Page Down", N_("Next item of the plan (or next point on the channel)")),
    (N_("Presentation"), "←  Backspace  Page Up", N_("Previous item")),
    (N_("Presentation"), "Esc", N_("Leave presentation mode")),
    (N_("Study: cards"), "1  2  3  4", N_("Choose an answer")),
    (N_("Study: cards"), "Enter", N_("Start / next card")),
    (N_("Study: cards"), "H  Space  E", N_("Rate the card: hard, good, easy")),
    (N_("Study: locate"), "N", N_("Next point to find")),
    (N_("Study: locate"), "Space", N_("Show the next step of the answer (landmarks, route)")),
    (N_("Study: locate"), "Esc", N_("Stop")),
)


def _plain(text: str) -> str:
    """A menu title without its mnemonic ("&File", "文件(&F)") or trailing dots."""
    return without_mnemonic(text).rstrip("…").rstrip(".")


def key_names(keys: str) -> str:
    """Key names in the user's language, as Qt's own translations name them ("Space" -> "Espacio")."""
    words = {"Mouse wheel, pinch": _("Mouse wheel, pinch"), "Drag": _("Drag"), "Click": _("Click")}
    if keys in words:
        return words[keys]
    qt_names = {"Space": "Space", "Page Down": "PgDown", "Page Up": "PgUp", "Backspace": "Backspace",
                "Enter": "Enter", "Esc": "Esc"}
    return "  ".join(QKeySequence(qt_names[k]).toString(QKeySequence.SequenceFormat.NativeText) if k in qt_names
                     else k for k in keys.split("  "))


def menu_shortcuts(window) -> list[tuple[str, str, str]]:
    """(menu, shortcut, entry) for every menu entry that has a shortcut, in menu order (submenus too)."""
    rows = []

    def walk(title: str, menu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(f"{title} ▸ {_plain(action.text())}", action.menu())
                continue
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            if keys and not action.isSeparator():
                rows.append((title, keys, _plain(action.text())))

    for menu_action in window.menuBar().actions():
        if menu_action.menu() is not None:
            walk(_plain(menu_action.text()), menu_action.menu())
    return rows


def shortcuts_html(window) -> str:
    def table(title: str, rows) -> str:
        body = "".join(f"<tr><td style='padding:2px 14px 2px 0'><b>{escape(keys)}</b></td>"
                       f"<td style='padding:2px 14px 2px 0'>{escape(what)}</td>"
                       f"<td style='color:{theme.css('muted')}'>{escape(where)}</td></tr>"
                       for where, keys, what in rows)
        return f"<h3 style='margin:10px 0 4px 0'>{escape(title)}</h3><table cellspacing='0'>{body}</table>"

    menus = [(menu, keys, entry) for menu, keys, entry in menu_shortcuts(window)]
    others = [(_(where), key_names(keys), _(what)) for where, keys, what in OTHER_KEYS]
    title = _("Meridian Viewer: keyboard shortcuts")
    return (f"<h2 style='margin:0'>{escape(title)}</h2>"
            + table(_("Menu commands"), menus) + table(_("Diagram, presentation and study"), others))


def save_pdf(window, path: Path) -> Path:
    """The reference as an A4 PDF (atomic save), for printing and pinning beside the lab computer."""
    from .printing import draw_html, write_pdf

    def paint(painter, page: QRectF) -> None:
        with theme.using(theme.PAPER):
            draw_html(painter, page, shortcuts_html(window), 9.5)

    return write_pdf(path, _("Meridian Viewer keyboard shortcuts"), [paint])


class ShortcutsDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # opened again and again: never piles up
        self.window = window
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.resize(640, 640)
        layout = QVBoxLayout(self)
        self.text = named(QTextBrowser(), _("Keyboard shortcuts"))
        self.text.setOpenLinks(False)
        self.text.setHtml(shortcuts_html(window))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save = buttons.addButton(_("Save as PDF for printing…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save.clicked.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        name_parts(self)

    def _on_save(self) -> None:
        path = dialogs.ask_save_path(self, _("Save keyboard shortcuts"), _("PDF (*.pdf)"), "meridian-viewer-keys.pdf")
        if path is None:
            return
        try:
            saved = save_pdf(self.window, Path(path).with_suffix(".pdf"))
        except OSError as exc:
            self.window.messages.error(_("Shortcuts not saved: {error}").format(error=exc))
            return
        self.window.messages.say(_("Keyboard shortcuts saved to {file}").format(file=saved.name))


def show_shortcuts(window) -> None:
    ShortcutsDialog(window).open()
