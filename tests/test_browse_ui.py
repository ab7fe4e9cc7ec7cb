"""Browse panel in the window: search as you type, filters, Ctrl+F, history, favourites."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt


def test_typing_filters_the_list_and_enter_selects_the_best_hit(window, qtbot):
    """Typing 'zu san li' lists ST36 first; Enter selects it."""
    browse = window.browse
    qtbot.keyClicks(browse.search, "zu san li")
    assert browse.visible_codes()[0] == "ST36"
    with qtbot.waitSignal(window.selection.changed, timeout=2000):
        qtbot.keyClick(browse.search, Qt.Key.Key_Return)
    assert window.selection.code == "ST36"
    assert "found" in browse.count.text()


def test_ctrl_f_focuses_the_search_box(window, qtbot):
    """Ctrl+F (Find) puts the cursor in the search field."""
    window.find_action.trigger()
    qtbot.waitUntil(lambda: window.browse.search.hasFocus(), timeout=2000)


def test_back_pain_filter_lists_only_tagged_points(window):
    """Choosing the 'back pain' indication shows only points tagged with it."""
    browse = window.browse
    browse.tag.setCurrentIndex(browse.tag.findData("back pain"))
    codes = browse.visible_codes()
    assert "BL23" in codes
    assert all("back pain" in window.content.atlas.points[c].tags for c in codes)
    assert browse.count.text() == f"{len(codes)} points listed"


def test_channel_and_view_filters_combine(window):
    """Channel BL + back view lists BL points drawn on the back, and nothing else."""
    browse = window.browse
    browse.channel.setCurrentIndex(browse.channel.findData("BL"))
    browse.view.setCurrentIndex(browse.view.findData("back"))
    codes = browse.visible_codes()
    assert codes and all(c.startswith("BL") for c in codes)
    assert all("back" in window.content.atlas.points[c].views for c in codes)


def test_back_and_forward_walk_the_selection_history(window):
    """Alt+Left/Right (Back/Forward) revisit earlier selections."""
    for code in ("LU7", "LI4", "ST36"):
        window.select(code)
    assert not window.forward_action.isEnabled()
    window.back_action.trigger()
    assert window.selection.code == "LI4"
    window.back_action.trigger()
    assert window.selection.code == "LU7" and not window.back_action.isEnabled()
    window.forward_action.trigger()
    assert window.selection.code == "LI4"


def test_favourites_persist_to_the_user_data_folder(window, tmp_path):
    """Ctrl+D stars the point, the tree gains a Favourites group and the file is written."""
    window.select("SP6")
    window.favourite_action.trigger()
    assert window.favourite_action.isChecked()
    saved = json.loads((tmp_path / "userdata" / "favourites.json").read_text(encoding="utf-8"))
    assert saved == {"points": ["SP6"]}
    top = window.browse.tree.topLevelItem(0)
    assert top.text(0) == "★ Favourites" and top.child(0).text(0) == "SP6"
    window.favourite_action.trigger()
    assert not window.favourite_action.isChecked()
