"""The menu commands are one table (viewer/ui/actions.py): the menus and shortcuts come from it."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence

from viewer.ui.actions import ACTIONS, MENUS, TOOLBAR


def _ids(entries):
    return [e for e in entries if e != "-" and not e.startswith("@")]


def test_every_command_is_laid_out_once_and_every_entry_is_a_command():
    """Each command of the table sits in exactly one menu; menus and toolbar name only known commands."""
    ids = [c.id for c in ACTIONS]
    assert len(ids) == len(set(ids))
    in_menus = [e for _, entries in MENUS for e in _ids(entries)]
    assert sorted(in_menus) == sorted(ids)
    assert set(_ids(TOOLBAR)) <= set(ids)


def test_the_menus_show_the_table_titles_in_its_order(window):
    """The built menu bar holds, menu by menu, the titles of the table (separators and generated entries
    aside), so a title changed in the table is what the user sees."""
    by_id = {c.id: c for c in ACTIONS}
    bar = {a.text(): a.menu() for a in window.menuBar().actions()}
    for title, entries in MENUS:
        if title.startswith("@"):
            continue
        shown = [a.objectName().removeprefix("action_") for a in bar[title].actions()
                 if a.objectName().startswith("action_")]
        assert shown == _ids(entries), title
        for command_id in shown:
            action = window.actions_by_id[command_id]
            assert action.text() == by_id[command_id].title or command_id == "favourite"  # ☆/★ in its title


def test_shortcuts_are_those_of_the_table_and_never_shared(window):
    """Every command's shortcut is the one in the table, and no two commands share one."""
    seen = {}
    for command in ACTIONS:
        keys = window.actions_by_id[command.id].shortcut()
        if command.shortcut is None:
            assert keys.isEmpty(), command.id
            continue
        assert keys == QKeySequence(command.shortcut), command.id
        text = keys.toString()
        assert text not in seen, (command.id, seen.get(text))
        seen[text] = command.id


def test_a_shortcut_from_the_table_reaches_its_handler(window, qtbot):
    """T (from the table) toggles the trigger-point layer through the window's handler."""
    from PySide6.QtCore import Qt

    window.show()
    qtbot.waitExposed(window)
    window.diagram.setFocus()
    before = window.triggers_action.isChecked()
    qtbot.keyClick(window.diagram, Qt.Key.Key_T)
    assert window.triggers_action.isChecked() is not before
    assert window.view_state.layers.trigger_points is not before
