"""Classroom helpers: the keyboard-shortcut reference (and its PDF), Window ▸ Reset layout."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget


def _menu_action(window, menu_title: str, text: str):
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu_title:
            for action in top.menu().actions():
                if action.text().replace("&", "").rstrip("…") == text:
                    return action
    raise LookupError(text)


def test_shortcut_reference_lists_every_menu_shortcut(window):
    """Each menu entry with a shortcut appears with its keys; the other keys table is included."""
    from PySide6.QtGui import QKeySequence

    from viewer.ui.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    text = dialog.text.toPlainText()
    assert "Export handout (PDF/PNG)" in text and "Patient view" in text and "Zoom to selection" in text
    for key in ("Ctrl+E", "F9", "F5", "Ctrl+T", "Ctrl+Return"):
        assert QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) in text
    assert "Rate the card: hard, good, easy" in text
    dialog.deleteLater()


def test_study_and_presentation_keys_in_the_reference_are_the_real_ones(window):
    """The reference's study and presentation keys match the panels' own key tables."""
    from viewer.ui.modes import PresentationMode
    from viewer.ui.shortcuts import OTHER_KEYS

    window.raise_panel("study")
    panel = window.study.build()
    names = {Qt.Key.Key_Space: "Space", Qt.Key.Key_Return: "Enter", Qt.Key.Key_Enter: "Enter",
             Qt.Key.Key_Escape: "Esc", Qt.Key.Key_Right: "→", Qt.Key.Key_Left: "←", Qt.Key.Key_PageDown: "Page Down",
             Qt.Key.Key_PageUp: "Page Up", Qt.Key.Key_Backspace: "Backspace"}

    def listed(where: str) -> set[str]:
        words = set()
        for place, keys, _what in OTHER_KEYS:
            if place == where:
                words |= {k.strip() for k in keys.replace("Page Down", "PgDn").replace("Page Up", "PgUp").split()}
        return {w.replace("PgDn", "Page Down").replace("PgUp", "Page Up") for w in words}

    def named(keys) -> set[str]:
        return {names.get(k, k.name.removeprefix("Key_")) for k in keys}

    assert named(panel.cards.keys) == listed("Study: cards")
    assert named(panel.locate.keys) == listed("Study: locate")
    assert named(k for keys in PresentationMode.KEYS.values() for k in keys) == listed("Presentation")


def test_shortcut_reference_saves_a_printable_pdf(window, tmp_path, monkeypatch, qtbot):
    """'Save as PDF' writes an A4 page that renders to text (pdftoppm)."""
    from viewer.ui import dialogs
    from viewer.ui.shortcuts import ShortcutsDialog

    out = tmp_path / "keys.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: out)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.save.click()
    assert out.read_bytes().startswith(b"%PDF")
    assert "saved to keys.pdf" in window.messages.text
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(out), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page*.png"))) == 1


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: a floating dock
def test_reset_layout_gives_the_body_its_room_back(window, qtbot):
    """A squeezed layout (huge, floating panels) is undone by Window ▸ Reset layout."""
    window.resize(1400, 900)
    details = window.details_dock
    window.resizeDocks([details], [1150], Qt.Orientation.Horizontal)
    window.browse_dock.setFloating(True)
    qtbot.waitUntil(lambda: window.diagram.width() < 400)  # squeezed (the body keeps a small minimum)
    _menu_action(window, "Window", "Reset layout").trigger()
    qtbot.waitUntil(lambda: window.diagram.width() > 1400 * 0.4)
    assert not window.browse_dock.isFloating() and window.browse_dock.isVisible()
    assert all(not d.isFloating() for d in window.findChildren(QDockWidget))
