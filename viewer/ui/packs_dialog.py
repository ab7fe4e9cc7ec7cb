"""Help ▸ Data packs: the loaded packs with their decks and plans, problems, and the data folder's path.

The path is shown in a read-only field with a Copy button, so a teacher can still find the folder on
a machine where no file manager opens (the dialog says so when that happens).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..atlas.i18n import _, ngettext
from . import theme
from .accessibility import buddy, name_parts, named

PLAN_ROLE = 256  # Qt.UserRole: the plan's path on a plan row


def pack_problems(problems) -> list:
    return [p for p in problems if p.file.startswith("packs/") or p.file.endswith("pack.toml")]


class PacksDialog(QDialog):
    def __init__(self, window, no_file_manager: bool = False):
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # opened again and again: never piles up
        self.window = window
        self.setWindowTitle(_("Data packs"))
        self.resize(720, 460)
        data_dir = window.data_dir or Path()
        layout = QVBoxLayout(self)
        self.path = named(QLineEdit(str(data_dir)), _("Data folder"))
        folder = _("Data folder (a pack is a folder inside its packs/ folder, holding pack.toml):")
        layout.addWidget(buddy(QLabel(folder), self.path))
        row = QHBoxLayout()
        self.path.setReadOnly(True)
        copy = QPushButton(_("Copy path"))
        copy.clicked.connect(self.copy_path)
        self.open_folder = QPushButton(_("Open folder"))
        self.open_folder.clicked.connect(self._on_open_folder)
        for widget in (self.path, copy, self.open_folder):
            row.addWidget(widget)
        layout.addLayout(row)
        self.notice = QLabel(_("No file manager could be opened here: copy the path above and open it yourself."))
        self.notice.setStyleSheet(f"color: {theme.css('warning')}")
        self.notice.setWordWrap(True)
        self.notice.setVisible(no_file_manager)
        layout.addWidget(self.notice)
        self.tree = named(QTreeWidget(), _("Loaded packs"), _("Each pack with its decks and plans; Enter opens a plan"))
        self.tree.setHeaderLabels([_("Pack"), _("Contents")])
        self.tree.setColumnWidth(0, 300)
        self._fill(window.content, data_dir)
        layout.addWidget(self.tree, 1)
        problems = pack_problems(window.content.problems)
        self.problems = named(QPlainTextEdit("\n".join(str(p) for p in problems) or _("No problems in the packs.")),
                              _("Problems in the packs"))
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(110)
        layout.addWidget(buddy(QLabel(_("Problems ({n}):").format(n=len(problems))), self.problems))
        layout.addWidget(self.problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_plan = buttons.addButton(_("Open plan"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_plan.setEnabled(False)
        self.open_plan.clicked.connect(self._on_open_plan)
        self.tree.currentItemChanged.connect(
            lambda item, _old: self.open_plan.setEnabled(item is not None and item.data(0, PLAN_ROLE) is not None))
        self.tree.itemActivated.connect(lambda item, _col: self._on_open_plan())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        name_parts(self)

    def _fill(self, content, data_dir: Path) -> None:
        if not content.packs:
            QTreeWidgetItem(self.tree, [_("No packs loaded"), _("meridian-viewer pack new DIR makes a template")])
        for pack in content.packs:
            counts = _("{notes} notes, {translations} translations, {points} points").format(
                notes=pack.notes, translations=pack.translations, points=pack.points)
            summary = f"packs/{pack.folder}/ · {counts}"
            top = QTreeWidgetItem(self.tree, [pack.name, summary])
            for deck in pack.decks:
                count = ngettext("{n} point (Study panel)", "{n} points (Study panel)", len(deck.points))
                QTreeWidgetItem(top, [_("Deck: {name}").format(name=deck.name), count.format(n=len(deck.points))])
            for plan in pack.plans:
                items = ngettext("{file} · {n} item", "{file} · {n} items", plan.items).format(
                    file=plan.file, n=plan.items)
                item = QTreeWidgetItem(top, [_("Plan: {title}").format(title=plan.title), items])
                item.setData(0, PLAN_ROLE, str(data_dir / "packs" / pack.folder / plan.file))
            top.setExpanded(True)

    def copy_path(self) -> None:
        QGuiApplication.clipboard().setText(self.path.text())
        self.window.messages.say(_("Data folder path copied"), seconds=4)

    def _on_open_folder(self) -> None:
        self.notice.setVisible(not open_folder(Path(self.path.text())))

    def _on_open_plan(self) -> None:
        item = self.tree.currentItem()
        path = item.data(0, PLAN_ROLE) if item is not None else None
        if path and self.window.plans.open_plan(Path(path), as_copy=True):
            self.window.raise_panel("plan")
            self.accept()


def open_folder(folder: Path) -> bool:
    """Ask the desktop to show ``folder``; False when no file manager took it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def open_data_folder(window) -> None:
    """Help ▸ Open data folder: the file manager if there is one, else the path to copy."""
    if window.data_dir is None or not open_folder(window.data_dir):
        PacksDialog(window, no_file_manager=True).open()


def show_packs(window) -> None:
    PacksDialog(window).open()
