"""The window's scenes show what the view-state model says (viewer/atlas/viewstate.py), whatever the order
of the switches: the patient view draws the plan and nothing else, even after A or a channel's tick box."""
from __future__ import annotations

from PySide6.QtCore import Qt


def build_plan(window):
    for key in ("BL23", "BL40", "tp:QL1"):
        window.select(key)
        window.add_to_plan_action.trigger()


def drawn_lines(scene) -> set[str]:
    return {channel for channel, items in scene.pathways.items() if any(i.isVisible() for i in items)}


def drawn_points(scene) -> set[str]:
    return {i.code for i in scene.markers if i.isVisible()}


def test_patient_view_keeps_channel_lines_off_after_a_pressed_twice_or_a_channel_toggled(window, qtbot):
    """The bug of issue 12: in the patient view, A twice (or a channel ticked off and on) brought every
    channel line back over the plan's points."""
    build_plan(window)
    qtbot.keyClick(window.diagram, Qt.Key.Key_F9)
    assert window.patient_view.active
    scene = window.scenes[window.current_view]
    assert drawn_lines(scene) == set()
    assert drawn_points(scene) == {"BL23", "BL40"}
    qtbot.keyClick(window.diagram, Qt.Key.Key_A)
    qtbot.keyClick(window.diagram, Qt.Key.Key_A)
    assert window.acupoints_action.isChecked()
    assert drawn_lines(scene) == set()
    assert drawn_points(scene) == {"BL23", "BL40"}
    window.layers.boxes["BL"].click()
    window.layers.boxes["BL"].click()
    assert drawn_lines(scene) == set()
    assert drawn_points(scene) == {"BL23", "BL40"}
    qtbot.keyClick(window.diagram, Qt.Key.Key_F9)  # and back: every line again
    assert not window.patient_view.active
    assert drawn_lines(scene) == set(scene.pathways)


def test_the_legend_stays_away_in_the_patient_view_and_follows_l_otherwise(window, qtbot):
    """The legend is part of what the state decides: A or T in the patient view do not bring it back."""
    build_plan(window)
    window.select("")
    assert window.legend.isVisible()
    qtbot.keyClick(window.diagram, Qt.Key.Key_F9)
    for key in (Qt.Key.Key_A, Qt.Key.Key_A, Qt.Key.Key_T):
        qtbot.keyClick(window.diagram, key)
    assert not window.legend.isVisible()
    qtbot.keyClick(window.diagram, Qt.Key.Key_F9)
    assert window.legend.isVisible()
    qtbot.keyClick(window.diagram, Qt.Key.Key_L)
    assert not window.legend.isVisible()
    qtbot.keyClick(window.diagram, Qt.Key.Key_A)  # a layer switch does not override L
    qtbot.keyClick(window.diagram, Qt.Key.Key_A)
    assert not window.legend.isVisible()


def test_every_scene_shows_the_state_after_a_switch_even_those_not_on_screen(window, qtbot):
    """Hiding a channel reaches every built view, not only the one on screen."""
    for view in window.content.body.views:
        window.scene_for(view)
    window.layers.boxes["BL"].click()
    for scene in window.scenes.values():
        assert "BL" not in drawn_lines(scene)
        assert not any(i.isVisible() for i in scene.markers if i.meridian == "BL")
    qtbot.keyClick(window.diagram, Qt.Key.Key_A)
    assert all(drawn_points(scene) == set() for scene in window.scenes.values())


def test_only_the_scene_adapter_walks_the_scenes():
    """Scenes observe the view state through viewer/ui/scenes.py; nothing else loops over them to push state."""
    from pathlib import Path

    ui = Path(__file__).resolve().parents[1] / "viewer" / "ui"
    walkers = sorted(p.name for p in ui.glob("*.py")
                     if "scenes.values()" in p.read_text(encoding="utf-8") or "for scene in" in p.read_text("utf-8"))
    assert walkers == ["scenes.py"]


def test_controllers_reach_none_of_the_main_windows_own_attributes():
    """modes, study_wiring, plan_controller and safety_wiring are handed the view state and their services
    (tools/window_reach.py counts what they still take from the window; QMainWindow's own API aside)."""
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("window_reach", root / "tools" / "window_reach.py")
    reach = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reach)
    for name in ("modes", "study_wiring", "plan_controller", "safety_wiring"):
        read, written = reach.reach((root / "viewer" / "ui" / f"{name}.py").read_text(encoding="utf-8"))
        assert (name, read, written) == (name, set(), set())
    read, _written = reach.reach("def f(window):\n    window.plans.save()\n    window.saveState()\n")
    assert read == {"plans"}  # the counter sees a reach (and leaves QMainWindow's API out)


def test_presenting_the_patient_view_returns_to_it_when_the_presentation_ends(window, qtbot):
    """F9 then F5 then Esc: presented, the patient view still draws the plan alone; after Esc it is still up."""
    build_plan(window)
    qtbot.keyClick(window.diagram, Qt.Key.Key_F9)
    scene = window.scenes[window.current_view]
    qtbot.keyClick(window.diagram, Qt.Key.Key_F5)
    assert window.presentation.active and scene.content.style == "presentation"
    assert drawn_points(scene) == {"BL23", "BL40"} and drawn_lines(scene) == set()  # presented: the plan alone
    window.presentation.leave()
    assert window.patient_view.active and not window.presentation.active
    assert scene.content.style == "patient"
    assert drawn_points(scene) == {"BL23", "BL40"} and drawn_lines(scene) == set()
    qtbot.keyClick(window.diagram, Qt.Key.Key_F9)
    assert drawn_lines(scene) == set(scene.pathways)


def test_a_change_is_drawn_on_the_view_that_is_up_and_on_another_when_it_is_next_looked_up(window, qtbot):
    """A selection costs one scene: a hidden built scene catches up when it is shown or asked for."""
    qtbot.waitUntil(lambda: "back" in dict.keys(window.scenes))
    hidden = dict.__getitem__(window.scenes, "back")
    applied = []
    original = hidden.apply
    hidden.apply = lambda content: (applied.append(content), original(content))
    window.select("LU7")
    assert applied == []
    assert window.scenes["back"].content.selected == "LU7" and len(applied) == 1
    window.select("LU7")  # no change, nothing to catch up
    assert window.scenes["back"] is hidden and len(applied) == 1
