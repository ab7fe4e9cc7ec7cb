"""Browse panel in the window: search as you type, filters, Ctrl+F, history, favourites."""
from __future__ import annotations

import json

import pytest
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


@pytest.mark.parametrize("query, key", [("piriformis", "m:piriformis"), ("QL1", "tp:QL1"), ("zusanly", "ST36"),
                                        ("hoku", "LI4")])
def test_the_search_box_finds_muscles_trigger_points_and_forgives_typos(window, qtbot, query, key):
    """Typed into the search box, Enter selects the best match of any kind."""
    browse = window.browse
    qtbot.keyClicks(browse.search, query)
    with qtbot.waitSignal(window.selection.changed, timeout=2000):
        qtbot.keyClick(browse.search, Qt.Key.Key_Return)
    assert window.selection.code == key


def test_search_results_are_grouped_by_kind(window, qtbot):
    """'sciatica' lists the indication (with its points) in one group and muscles in another."""
    browse = window.browse
    qtbot.keyClicks(browse.search, "sciatica")
    groups = [browse.tree.topLevelItem(i).text(0) for i in range(browse.tree.topLevelItemCount())]
    assert groups[0] == "Symptoms and indications"
    indication = browse.tree.topLevelItem(0).child(0)
    assert indication.text(0).startswith("sciatica (") and indication.childCount() >= 3
    codes = {indication.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(indication.childCount())}
    assert all("sciatica" in window.content.atlas.points[c].tags for c in codes)


def test_favourites_stay_in_browse_when_a_filter_is_set(window, qtbot):
    """A starred LI4 stays in the Favourites group with the LI channel chosen, and goes with LU."""
    window.select("LI4")
    window.favourite_action.trigger()
    browse = window.browse
    browse.channel.setFocus()
    qtbot.keyClick(browse.channel, Qt.Key.Key_Down)  # LU
    assert browse.tree.topLevelItem(0).text(0) != "★ Favourites"
    qtbot.keyClick(browse.channel, Qt.Key.Key_Down)  # LI
    top = browse.tree.topLevelItem(0)
    assert browse.channel.currentData() == "LI"
    assert top.text(0) == "★ Favourites" and top.child(0).text(0) == "LI4"


def test_the_view_filter_offers_the_close_up_plates_and_lists_the_points_each_shows(window, qtbot):
    """After the whole figures, the view filter lists every regional plate by its title; choosing one (by
    keyboard) lists exactly the points drawn on that plate, whichever figure their placements name."""
    from viewer.atlas.views import registry
    from viewer.ui.words import view_name

    browse, layout = window.browse, window.content.layout
    plates = registry().plates
    offered = [browse.view.itemData(i) for i in range(browse.view.count())]
    assert [v for v in offered if v in plates] == list(plates)
    plate = next(p for p in plates if "hand" in registry()[p].regions)
    browse.view.setFocus()
    while browse.view.currentData() != plate:
        before = browse.view.currentIndex()
        qtbot.keyClick(browse.view, Qt.Key.Key_Down)
        assert browse.view.currentIndex() != before, "the plate cannot be reached with the keyboard"
    assert browse.view.currentText() == view_name(plate)
    codes = browse.visible_codes()
    drawn = {c for c in window.content.atlas.points if layout.markers_of(c, plate)}
    assert codes and set(codes) == drawn
    assert not any(plate in window.content.atlas.points[c].views for c in codes)  # known only from the layout
