"""A whole session without a mouse: only key presses (and, where a user would press Tab, a focus move).

Search a point, read its details, add it to a plan, export a handout through the save dialog, answer a
card, locate a point with the crosshair, and ask "where does it hurt?" with the crosshair.
"""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
ARROWS = {(1, 0): Qt.Key.Key_Right, (-1, 0): Qt.Key.Key_Left, (0, 1): Qt.Key.Key_Down, (0, -1): Qt.Key.Key_Up}


def _search(window, qtbot, text: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert window.browse.search.hasFocus()
    qtbot.keyClicks(window.browse.search, text)
    qtbot.keyClick(window.browse.search, Qt.Key.Key_Return)


def _type_in_save_dialog(qtbot, path, typed: list) -> None:
    """Once the modal save dialog is up: type the file name into it and press Enter (keys only)."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QFileDialog):
        QTimer.singleShot(20, lambda: _type_in_save_dialog(qtbot, path, typed))
        return
    field = dialog.findChild(QLineEdit, "fileNameEdit")
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field, str(path))
    typed.append(path)

    def enter(tries: int = 40) -> None:
        # The dialog's file-name completion may take the first Enter (as it would a user's): press again.
        if shiboken6.isValid(dialog) and dialog.isVisible() and tries:
            qtbot.keyClick(field, Qt.Key.Key_Return)
            QTimer.singleShot(50, lambda: enter(tries - 1))

    enter()


def _back_to(window, qtbot) -> None:
    """The focus returns to the main window once a dialog has closed (as Alt+Tab would make sure of): with
    other top-level windows about, the platform may not hand it back by itself."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _steer_crosshair(window, qtbot, x: float, y: float) -> None:
    """Press arrows (Shift while far) until the crosshair sits on the scene point (x, y), as a user would."""
    diagram = window.diagram
    for _ in range(400):
        here = diagram.mapFromScene(window.crosshair.item.pos())
        there = diagram.mapFromScene(x, y)
        dx, dy = there.x() - here.x(), there.y() - here.y()
        if abs(dx) <= 2 and abs(dy) <= 2:
            return
        axis = (1 if dx > 0 else -1, 0) if abs(dx) >= abs(dy) else (0, 1 if dy > 0 else -1)
        far = max(abs(dx), abs(dy)) > 30
        qtbot.keyClick(diagram, ARROWS[axis], SHIFT if far else Qt.KeyboardModifier.NoModifier)
    raise AssertionError("the crosshair never reached the point")


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_whole_session_by_keyboard_alone(window, qtbot, tmp_path, content):
    """Search, details, plan, handout, card, locate and 'where does it hurt?' — no mouse event at all."""
    # Search a point and select it: Ctrl+F, type, Enter.
    _search(window, qtbot, "zusanli")
    assert window.selection.code == "ST36"
    assert "Three cun down from ST35" in window.details.toPlainText()
    assert "ST36" in window.diagram.accessibleName()

    # Add it to the plan with the menu's shortcut (the focus goes to the diagram first, as Tab would).
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_Return, CTRL)
    assert window.plan_panel.plan.keys() == ["ST36"]

    # Export the handout: Ctrl+E, then the file name typed into the save dialog and Enter.
    out, typed = tmp_path / "handout.pdf", []
    QTimer.singleShot(0, lambda: _type_in_save_dialog(qtbot, out, typed))
    qtbot.keyClick(window.diagram, Qt.Key.Key_E, CTRL)
    assert typed == [out]
    assert out.read_bytes().startswith(b"%PDF")
    _back_to(window, qtbot)

    # Answer a study card: Ctrl+T shows the Study panel, Enter starts, 2 answers.
    qtbot.keyClick(window.diagram, Qt.Key.Key_T, CTRL)
    panel = window.study.build()
    qtbot.waitUntil(lambda: panel.isVisible())
    panel.cards.setFocus()
    qtbot.keyClick(panel.cards, Qt.Key.Key_Return)
    assert panel.cards.question is not None
    qtbot.keyClick(panel.cards, Qt.Key.Key_2)
    assert "Right" in panel.cards.feedback.text() or "Not quite" in panel.cards.feedback.text()
    if panel.cards.pending_right:
        qtbot.keyClick(panel.cards, Qt.Key.Key_Space)  # rated "good"
    assert panel.cards.session.summary.answered == 1

    # Locate a point with the crosshair: Ctrl+Tab to the next tab, N for a point, X, arrows, Enter.
    qtbot.keyClick(panel.cards, Qt.Key.Key_Tab, CTRL)
    assert panel.currentWidget() is panel.locate
    panel.locate.setFocus()
    qtbot.keyClick(panel.locate, Qt.Key.Key_N)
    code, view = panel.locate.target
    qtbot.keyClick(panel.locate, Qt.Key.Key_X)
    assert window.crosshair.visible
    assert window.diagram.hasFocus()
    marker = content.layout.markers_of(code, view)[0]
    _steer_crosshair(window, qtbot, marker.x * 1000, marker.y * 1000)
    qtbot.keyClick(window.diagram, Qt.Key.Key_Return)
    result = panel.locate.result
    assert result is not None and result.distance_cun < 0.5
    assert "cun away" in panel.locate.feedback.text()
    qtbot.keyClick(window.diagram, Qt.Key.Key_Escape)  # Esc ends the locate session...
    assert not panel.locate.running
    qtbot.keyClick(window.diagram, Qt.Key.Key_Escape)  # ...and then hides the crosshair
    assert not window.crosshair.visible

    # Ask "where does it hurt?" with the crosshair on the low back: search BL23, X, Enter.
    _search(window, qtbot, "BL23")
    assert window.selection.code == "BL23"
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_X)
    qtbot.keyClick(window.diagram, Qt.Key.Key_Return)
    keys = window.pain.result_keys()
    assert window.pain_action.isChecked() and "BL23" in keys
    assert any(key.startswith("m:") for key in keys)
    assert window.pain_dock.isVisible()
