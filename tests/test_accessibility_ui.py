"""Screen readers and the keyboard: accessible names, the diagram's spoken selection, Tab and arrow keys
on the diagram, and the keyboard crosshair."""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QDialog

from viewer.ui.accessibility import accessible_name, unnamed


def _describe(widgets) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__}" for w in widgets]


def _open_every_panel(window, qtbot):
    """Show each dock once, so panels that build their content on first show have built it."""
    for name in ("browse", "muscles", "plan", "layers", "details", "compare", "study"):
        window.raise_panel(name)
    window.pain_dock.show()
    window.pain_dock.raise_()
    window.study.build()
    window.layers.boxes  # noqa: B018 - built on first use
    assert window.muscles.items  # built on first use


@pytest.fixture()
def spoken(monkeypatch):
    """What the app asked the screen reader to announce (QAccessible.updateAccessibility, recorded)."""
    said: list[str] = []
    real = QAccessible.updateAccessibility

    def record(event):
        if event.type() == QAccessible.Event.Announcement:
            said.append(event.message())
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return said


def test_every_control_of_the_main_window_has_an_accessible_name(window, qtbot):
    """Walking the whole widget tree (every panel built) finds no control a screen reader cannot name."""
    _open_every_panel(window, qtbot)
    window.select("ST36")
    window.after_paint.finish()  # the controls Qt adds by itself are named just after the first paint
    assert _describe(unnamed(window)) == []
    # Names say what a control is for, not what it shows at the moment (on Linux Qt reports a combo box's
    # current choice as its name and the given name beside it).
    assert window.browse.channel.accessibleName() == "Channel filter"
    assert accessible_name(window.plan_panel.up_button) == "Move up"
    assert accessible_name(window.diagram).startswith("Body diagram")


@pytest.mark.parametrize("entry", ["Keyboard shortcuts", "Trigger points and acupoints", "Load problems",
                                   "Data packs"])
def test_every_control_of_each_dialog_has_an_accessible_name(window, qtbot, entry):
    """Each dialog, opened through its real Help menu entry, names every one of its controls."""
    help_menu = next(a for a in window.menuBar().actions() if a.text() == "&Help").menu()
    action = next(a for a in help_menu.actions() if a.text().replace("&", "").rstrip("…") == entry)
    action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
    assert _describe(unnamed(dialog)) == []
    dialog.close()


@pytest.mark.qt_log_ignore("This plugin does not support")
@pytest.mark.parametrize("entry", ["Export handout (PDF/PNG)", "Export quiz sheet (PDF)", "Export view image"])
def test_the_save_dialogs_of_the_file_menu_name_every_control(window, qtbot, entry):
    """The save dialogs (handout, quiz sheet, view image), opened by their File menu entries, name every
    control; the dialog is then cancelled with Esc and nothing is written."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text().replace("&", "").rstrip("…") == entry)
    found = []

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, inspect)
            return
        found.append(_describe(unnamed(dialog)))
        close(dialog)

    def close(dialog, tries: int = 40) -> None:  # Esc until it closes (the first may come too early)
        if shiboken6.isValid(dialog) and dialog.isVisible() and tries:
            qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
            QTimer.singleShot(50, lambda: close(dialog, tries - 1))

    window.select("BL23")
    window.add_to_plan_action.trigger()
    QTimer.singleShot(0, inspect)
    action.trigger()
    assert found == [[]]
    assert "written" not in window.messages.text


def test_the_diagram_says_what_is_selected_after_a_key_and_a_click(window, qtbot, spoken):
    """The diagram's accessible name and description follow the selection and each change is announced."""
    window.select("ST35")
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_Right)
    assert window.selection.code == "ST36"
    assert "ST36 Zúsānlǐ" in accessible_name(window.diagram) and "Stomach 36" in accessible_name(window.diagram)
    description = QAccessible.queryAccessibleInterface(window.diagram).text(QAccessible.Text.Description)
    assert "Three cun down from ST35" in description
    assert any(text.startswith("ST36 Zúsānlǐ") and "Three cun down" in text for text in spoken)

    marker = window.scenes["front"].by_code["LU5"][0]
    spot = window.diagram.mapFromScene(marker.pos())
    qtbot.mouseClick(window.diagram.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert window.selection.code == "LU5"
    assert "LU5" in accessible_name(window.diagram) and "LU5" in spoken[-1]
    window.select("tp:QL1")
    assert "Trigger point QL1" in accessible_name(window.diagram) and "back view" in accessible_name(window.diagram)


def test_tab_and_arrows_step_along_the_channel_and_the_focus_is_never_trapped(window, qtbot):
    """With a point selected, Tab/Shift+Tab and the arrows step; Ctrl+Tab leaves; after Esc, Tab leaves."""
    window.select("ST36")
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_Tab)
    assert window.selection.code == "ST37" and window.diagram.hasFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.diagram, Qt.Key.Key_Up)
    assert window.selection.code == "ST35"
    qtbot.keyClick(window.diagram, Qt.Key.Key_Down)
    assert window.selection.code == "ST36"

    qtbot.keyClick(window.diagram, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert not window.diagram.hasFocus() and window.selection.code == "ST36"

    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_Escape)
    assert window.selection.code == ""
    qtbot.keyClick(window.diagram, Qt.Key.Key_Tab)
    assert not window.diagram.hasFocus() and window.selection.code == ""


def test_stepping_from_a_trigger_point_stays_in_its_body_region(window, qtbot, content):
    """] from a trigger point goes to the next trigger point of the same region, and wraps around."""
    from viewer.ui.diagram_keys import neighbour

    muscles = content.muscles
    region = muscles.muscles[muscles.trigger_points["QL1"].muscle].region
    ring = [tp.id for m in muscles.muscles.values() if m.region == region for tp in m.trigger_points]
    window.select(f"tp:{ring[-1]}")
    window.next_action.trigger()
    assert window.selection.code == f"tp:{ring[0]}"
    assert neighbour(content, "LU11", 1) == "LU1" and neighbour(content, "LU1", -1) == "LU11"


def _crosshair_screen_pos(window):
    return window.diagram.mapFromScene(window.crosshair.item.pos())


def test_crosshair_shows_on_the_selection_moves_and_hides(window, qtbot):
    """X puts the crosshair on the selected point; arrows move it, Shift further; Esc hides it only."""
    window.select("ST36")
    window.crosshair_action.trigger()
    assert window.crosshair.visible and window.diagram.hasFocus()
    marker = window.scenes["front"].selected_items()[0]
    assert window.crosshair.item.pos() == marker.pos()
    start = _crosshair_screen_pos(window)
    qtbot.keyClick(window.diagram, Qt.Key.Key_Right)
    small = _crosshair_screen_pos(window).x() - start.x()
    qtbot.keyClick(window.diagram, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    big = _crosshair_screen_pos(window).y() - start.y()
    assert 0 < small < big
    assert window.selection.code == "ST36"  # the arrows moved the crosshair, not the selection
    qtbot.keyClick(window.diagram, Qt.Key.Key_Escape)
    assert not window.crosshair.visible and not window.crosshair_action.isChecked()
    assert window.selection.code == "ST36"  # Esc hid the crosshair and left the selection alone


def test_crosshair_enter_asks_where_it_hurts(window, qtbot):
    """Enter at the crosshair (outside locate-the-point) turns on 'where does it hurt?' and asks there."""
    window.select("BL23")
    window.crosshair_action.trigger()
    qtbot.keyClick(window.diagram, Qt.Key.Key_Return)
    assert window.pain_action.isChecked()
    keys = window.pain.result_keys()
    assert "BL23" in keys and any(k.startswith("m:") for k in keys)


def test_crosshair_off_the_body_says_so_and_asks_nothing(window, qtbot):
    """Enter with the crosshair on the paper beside the figure leaves the answer alone and says why."""
    window.crosshair_action.trigger()
    for _ in range(20):
        qtbot.keyClick(window.diagram, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.diagram, Qt.Key.Key_Return)
    assert not window.pain_action.isChecked() and window.pain.result_keys() == []
    assert "not on the body" in window.messages.text


def test_crosshair_follows_a_change_of_view(window, qtbot):
    """Turning to another view takes the crosshair along (it stays usable)."""
    window.crosshair_action.trigger()
    window.set_view("back")
    assert window.crosshair.visible and window.crosshair.item.scene() is window.scenes["back"]


def test_the_reference_lists_the_diagram_and_crosshair_keys_that_work(window):
    """Help ▸ Keyboard shortcuts names every key the diagram and the crosshair act on, and no other."""
    from viewer.ui.crosshair import ANSWER_KEYS, MOVES
    from viewer.ui.diagram_keys import NAV_KEYS
    from viewer.ui.shortcuts import OTHER_KEYS, ShortcutsDialog

    names = {Qt.Key.Key_Right: "→", Qt.Key.Key_Left: "←", Qt.Key.Key_Up: "↑", Qt.Key.Key_Down: "↓",
             Qt.Key.Key_Tab: "Tab", Qt.Key.Key_Backtab: "Shift+Tab", Qt.Key.Key_Return: "Enter",
             Qt.Key.Key_Enter: "Enter", Qt.Key.Key_Escape: "Esc"}

    def listed(where: str) -> set[str]:
        return {word for place, keys, _what in OTHER_KEYS if place == where for word in keys.split()}

    nav = {("Ctrl+" if ctrl else "") + names[key] for key, ctrl in NAV_KEYS}
    assert nav <= listed("Diagram")
    crosshair = {names[k] for k in (*MOVES, *ANSWER_KEYS, Qt.Key.Key_Escape)}
    crosshair.add(window.crosshair_action.shortcut().toString())
    assert listed("Crosshair") == crosshair
    dialog = ShortcutsDialog(window)
    assert "Move the crosshair; with Shift in bigger steps" in dialog.text.toPlainText()
    dialog.deleteLater()


def _menus(window):
    """(path, menu) for every menu of the menu bar and every submenu, depth first."""
    found = []

    def walk(path: str, menu) -> None:
        found.append((path, menu))
        for action in menu.actions():
            if action.menu() is not None:
                walk(f"{path} ▸ {action.text()}", action.menu())

    for top in window.menuBar().actions():
        walk(top.text(), top.menu())
    return found


def test_every_menu_entry_is_reachable_from_the_keyboard(window):
    """Each menu has an &-letter no sibling menu shares; each entry has a shortcut or such a letter."""
    from viewer.ui.accessibility import mnemonic

    titles = [mnemonic(a.text()) for a in window.menuBar().actions()]
    assert "" not in titles and len(set(titles)) == len(titles), titles
    window.select("ST36")  # the favourite entry renames itself with the selection
    for path, menu in _menus(window):
        entries = [a for a in menu.actions() if not a.isSeparator()]
        letters = [mnemonic(a.text()) for a in entries]
        for action in entries:
            if action.menu() is not None or action.shortcut().isEmpty():
                letter = mnemonic(action.text())
                assert letter and letters.count(letter) == 1, (path, action.text())


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_a_menu_entry_runs_from_its_letters(window, qtbot):
    """Alt+W opens the Window menu and B hides the Browse panel: no mouse needed."""
    assert window.browse_dock.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_B)
    qtbot.waitUntil(lambda: not window.browse_dock.isVisible())


def test_every_shortcut_of_the_window_is_in_the_reference(window):
    """The keys of every action the window holds (menus, toolbar, diagram) appear in the F1 reference."""
    from PySide6.QtGui import QAction, QKeySequence

    from viewer.ui.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    text = dialog.text.toPlainText()
    keyed = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(keyed) > 20 and window.crosshair_action in keyed
    for action in keyed:
        for key in action.shortcuts():
            assert key.toString(QKeySequence.SequenceFormat.NativeText) in text, action.text()
    assert "Keyboard crosshair" in text and "Move the chosen item of the plan up / down" in text
    dialog.deleteLater()


def test_an_exported_view_image_leaves_the_crosshair_out(window, tmp_path):
    """The crosshair is for the screen: File ▸ Export view image draws the same picture with it shown."""
    from PIL import Image, ImageChops

    window.select("BL23")
    window.plans.export_view(tmp_path / "without.png", height_px=600)
    window.crosshair_action.trigger()
    assert window.crosshair.visible
    window.plans.export_view(tmp_path / "with.png", height_px=600)
    with Image.open(tmp_path / "without.png") as a, Image.open(tmp_path / "with.png") as b:
        assert ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is None
    grab = window.diagram.viewport().grab().toImage()  # while on screen it is drawn
    spot = window.diagram.mapFromScene(window.crosshair.item.pos())
    arm = grab.pixelColor(spot.x() + 12, spot.y())
    assert arm.lightness() < 80  # the ink of the right arm
