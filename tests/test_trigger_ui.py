"""Trigger-point layer in the window: select a muscle or trigger point, toggle layers, 'where does it hurt?'."""
from __future__ import annotations

import shutil
import textwrap

import pytest
from PySide6.QtCore import Qt

from tests.test_muscles import TOY
from viewer.atlas.content import load_content
from viewer.atlas.resources import asset_path


def _window_with(qtbot, tmp_path, muscles_toml: str):
    meridians = tmp_path / "atlas" / "meridians"
    shutil.copytree(asset_path("atlas/meridians"), meridians)
    (tmp_path / "atlas" / "muscles").mkdir()
    (tmp_path / "atlas" / "muscles" / "toy.toml").write_text(muscles_toml, encoding="utf-8")
    content = load_content(meridians)
    from viewer.app import create_window

    win = create_window(content=content, data_dir=tmp_path / "data", size=(1400, 900))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture()
def tp_window(qtbot, tmp_path):
    return _window_with(qtbot, tmp_path, textwrap.dedent(TOY))


@pytest.fixture()
def deep_window(qtbot, tmp_path):
    """The toy muscle drawn deep, with a markup-like name, a chapter and a less common essential zone."""
    text = textwrap.dedent(TOY).replace('name = "Toy quadratus"', 'name = "Toy <b>deep</b> quadratus"')
    text = text.replace('region = "lower_back"', 'region = "lower_back"\nsource = "T&S vol. 2, ch. 4"')
    text = text.replace('[[muscle.shape]]\n', '[[muscle.shape]]\ndeep = true\n')
    text = text.replace('kind = "essential"', 'kind = "essential"\nfrequency = "less_common"')
    return _window_with(qtbot, tmp_path, text)


def test_clicking_a_trigger_point_shows_its_muscle_zones_and_details(tp_window, qtbot):
    """A click on the X selects it: the muscle outline and both zones appear, the panel names it."""
    win = tp_window
    win.set_view("back")
    scene = win.scenes["back"]
    assert scene.triggers.visible_regions() == []
    win.triggers_action.trigger()
    item = scene.triggers.markers[0]
    win.diagram.centerOn(item)
    with qtbot.waitSignal(win.selection.changed, timeout=2000) as blocker:
        qtbot.mouseClick(win.diagram.viewport(), Qt.MouseButton.LeftButton,
                         pos=win.diagram.mapFromScene(item.scenePos()))
    assert blocker.args[0] == "tp:TQ1"
    kinds = sorted({r.region.kind for r in scene.triggers.visible_regions()})
    assert kinds == ["essential", "muscle", "spillover"]
    assert all(m.active for m in scene.triggers.markers)
    text = win.details.toPlainText()
    assert "TQ1" in text and "Toy quadratus" in text and "nearest acupoint" in text


def test_layers_show_the_two_systems_together_or_apart(tp_window):
    """Trigger points start hidden (T shows them); acupoints (A) can be hidden too."""
    win = tp_window
    win.set_view("back")
    scene = win.scenes["back"]
    assert not any(m.isVisible() for m in scene.triggers.markers)
    win.triggers_action.trigger()
    assert all(m.isVisible() for m in scene.triggers.markers)
    win.triggers_action.trigger()
    assert not any(m.isVisible() for m in scene.triggers.markers)
    win.acupoints_action.trigger()
    assert not any(m.isVisible() for m in scene.markers)
    assert not any(p.isVisible() for items in scene.pathways.values() for p in items)
    win.acupoints_action.trigger()
    win.triggers_action.trigger()
    assert all(m.isVisible() for m in scene.triggers.markers)
    assert any(m.isVisible() for m in scene.markers)


def test_where_does_it_hurt_lists_muscles_and_nearby_acupoints(tp_window, qtbot):
    """In pain mode, a click on the sacrum lists the toy muscle (essential) and lights nearby acupoints."""
    win = tp_window
    win.set_view("back")
    win.pain_action.trigger()
    back = win.content.body.view("back")
    x, y = back.landmark("sacral_foramen_2")
    x += 0.5 * back.scales["back"]
    scene = win.scenes["back"]
    win.diagram.centerOn(x * 1000, y * 1000)
    pos = win.diagram.mapFromScene(x * 1000, y * 1000)
    qtbot.mouseClick(win.diagram.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: bool(win.pain.result_keys()), timeout=2000)
    keys = win.pain.result_keys()
    assert keys[0] == "m:toy_ql"
    assert "BL32" in keys or "BL28" in keys
    assert "essential" in [r.region.kind for r in scene.triggers.visible_regions()]
    near = [i for i in scene.markers if i.state == "near"]
    assert near and {i.code for i in near} <= set(keys)
    win.pain_action.trigger()
    assert scene.triggers.visible_regions() == [] and not any(i.state == "near" for i in scene.markers)


def test_muscles_panel_selects_a_muscle(tp_window, qtbot):
    """Choosing the muscle in the Muscles panel selects it and shows its outline."""
    win = tp_window
    with qtbot.waitSignal(win.selection.changed, timeout=2000):
        win.muscles.setCurrentItem(win.muscles.items["m:toy_ql"])
    assert win.selection.code == "m:toy_ql"
    assert win.current_view == "back"
    assert "Dry needling" in win.details.toPlainText()


def test_correspondence_dialog_shows_our_count_beside_published_figures(tp_window, qtbot):
    """Help ▸ Trigger points and acupoints: our share within 1 cun, the published studies, the caveat."""
    from viewer.ui.correspondence import CorrespondenceDialog

    tp_window.show_correspondence()
    dialog = tp_window.findChild(CorrespondenceDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    text = dialog.summary.toPlainText()
    assert "Of the 1 trigger points drawn here, 1 (100%) have an acupoint within 1 cun" in text
    assert "Dorsher 2006" in text and "71%" in text and "Caveat" in text
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "TQ1"
    dialog.close()


def test_compare_panel_follows_selection_and_switches_voice(tp_window, qtbot):
    """Selecting BL23 fills the 'Here' comparison; the Students button changes the overview text."""
    win = tp_window
    win.select("BL23")
    win.raise_panel("compare")
    qtbot.waitUntil(win.compare.isVisible, timeout=2000)
    text = win.compare.browser.toPlainText()
    assert "Here: BL23" in text and "Traditional acupuncture" in text and "Dry needling" in text
    patient = win.compare.browser.toPlainText()
    with qtbot.waitSignal(win.compare.voiceChanged, timeout=2000):
        qtbot.mouseClick(win.compare.findChild(type(win.compare.buttons.buttons()[1]), "voice_student"),
                         Qt.MouseButton.LeftButton)
    assert win.compare.voice == "student"
    assert win.compare.browser.toPlainText() != patient
    assert "References" in win.compare.browser.toPlainText()
    win.select("tp:TQ1")
    assert "Here: TQ1" in win.compare.browser.toPlainText()


def test_brushing_accumulates_spots_into_one_answer(tp_window):
    """In pain mode, a press then a drag over two places keeps both places in the answer."""
    win = tp_window
    win.set_view("back")
    win.pain_action.trigger()
    scene = win.scenes["back"]
    assert scene.brushing
    back = win.content.body.view("back")
    flank = (back.landmark("L3")[0] + 5 * back.scales["back"], back.landmark("L3")[1])
    scene.spotClicked.emit(*flank)
    assert win.pain.result_keys()[0] == "m:toy_ql"
    near_flank = set(win.pain.result_keys())
    x, y = win.content.layout.position("BL54", "back", "right")
    scene.spotBrushed.emit(x, y)
    assert len(win.view_state.pain.brush) == 2
    assert "BL54" in win.pain.result_keys() and near_flank - {"m:toy_ql"} <= set(win.pain.result_keys())


def test_pain_panel_says_how_often_and_which_chapter_as_plain_text(deep_window):
    """A click in the sacral zone lists the muscle as a less common source with its chapter; the name's
    markup-like text is shown literally, not as bold."""
    win = deep_window
    win.set_view("back")
    win.pain_action.trigger()
    back = win.content.body.view("back")
    x, y = back.landmark("sacral_foramen_2")
    win.scenes["back"].spotClicked.emit(x + 0.5 * back.scales["back"], y)
    group = win.pain.tree.topLevelItem(0)
    row = group.child(0)
    assert row.text(0) == "Toy <b>deep</b> quadratus"
    assert row.text(1) == "essential, less common" and row.text(2) == "vol. 2, ch. 4"
    assert win.pain.tree.headerItem().text(2) == "Travell & Simons"


def test_deep_muscle_is_dashed_and_named_in_the_legend(deep_window, qtbot):
    """Selecting the deep muscle draws its outline dashed; the legend explains the dashed outline; the
    details panel names the chapter and says it lies deep."""
    win = deep_window
    win.set_view("back")
    win.select("m:toy_ql")
    outlines = [r for r in win.scenes["back"].triggers.visible_regions() if r.region.kind == "muscle"]
    assert outlines and all(r.pen().style() == Qt.PenStyle.DashLine for r in outlines)
    assert "Deep muscle (dashed)" in [name for _, name in win.legend.entries]
    text = win.details.toPlainText()
    assert "T&S vol. 2, ch. 4" in text and "lies deep" in text and "Toy <b>deep</b> quadratus" in text


def test_a_row_of_the_trigger_point_acupoint_table_shows_both_on_the_body(window, qtbot):
    """Help ▸ Trigger points and acupoints: a click on a row selects the trigger point, rings its nearest
    acupoint and frames both on the diagram."""
    from PySide6.QtCore import Qt

    from viewer.ui.correspondence import CorrespondenceDialog

    help_menu = next(a for a in window.menuBar().actions() if a.text() == "&Help").menu()
    next(a for a in help_menu.actions() if a.text().startswith("&Trigger points and acupoints")).trigger()
    dialog = window.findChild(CorrespondenceDialog)
    qtbot.waitUntil(dialog.isVisible)
    table = dialog.table
    row = 5
    tp_id, code = table.item(row, 0).text(), table.item(row, 2).text()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(row, 1)).center())
    assert window.selection.code == f"tp:{tp_id}"
    scene = window.scenes[window.current_view]
    rings = [i for i in scene.by_code[code] if i.state == "near"]
    crosses = [t for t in scene.triggers.markers if t.code == tp_id and t.isVisible()]
    assert rings and crosses
    viewport = window.diagram.viewport().rect()
    for item in (rings[0], crosses[0]):
        assert viewport.contains(window.diagram.mapFromScene(item.pos()))
    assert window.diagram.zoom > 1.5  # framed close up, not the whole figure
