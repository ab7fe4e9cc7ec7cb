"""Plan items carry their list number on the body: patient view, handout scenes, trigger points too."""
from __future__ import annotations

from viewer.atlas.plan import Plan


def _plan() -> Plan:
    plan = Plan("Numbers")
    for key in ("BL23", "BL25", "tp:QL1", "BL40"):
        plan.add(key)
    return plan


def test_patient_view_numbers_points_and_trigger_points_as_in_the_list(window, qtbot):
    """Each plan marker's label starts with its number in the list; leaving the view drops the numbers."""
    window.plan_panel.set_plan(_plan())
    window.set_view("back")
    window.patient_action.trigger()
    scene = window.scenes["back"]
    labels = {m.label.text() for m in scene.markers if m.isVisible() and m.label is not None and m.label.isVisible()}
    assert {"1 BL23", "2 BL25", "4 BL40"} <= labels
    crosses = [t for t in scene.triggers.markers if t.isVisible()]
    assert crosses and all(t.code == "QL1" and t.number_label.text() == "3" for t in crosses)
    window.patient_action.trigger()
    window.select("BL23")
    bl23 = next(m for m in scene.markers if m.code == "BL23" and m.label is not None and m.label.isVisible())
    assert bl23.label.text() == "BL23"
    assert all(t.number_label is None or not t.number_label.isVisible()
               for t in scene.triggers.markers if hasattr(t, "number_label"))


def test_handout_scene_numbers_follow_the_plan_order(content, qapp):
    """The handout's figure (a scene filtered to the plan) numbers the markers in the plan's order."""
    from viewer.ui.scene import BodyScene

    plan = _plan()
    plan.move(3, -3)  # BL40 first now
    scene = BodyScene(content.body.view("back"), content)
    scene.set_plan_filter(plan.keys(), pixels_per_unit=0.5)
    texts = {m.label.text() for m in scene.markers if m.label is not None and m.label.isVisible()}
    assert {"1 BL40", "2 BL23", "3 BL25"} <= texts


def test_presentation_caption_names_the_item_and_its_note(window, qtbot):
    """In presentation mode a caption shows 'n / total', the item's name and its plan note, as plain text."""
    from PySide6.QtCore import Qt

    plan = _plan()
    plan.items[1].note = "<b>not bold</b> press gently"
    window.plan_panel.set_plan(plan)
    window.presentation_action.trigger()
    caption = window.presentation.caption
    assert not caption.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert caption.isVisible()
    assert caption.text().startswith("2 / 4   BL25 ") and caption.text().endswith("<b>not bold</b> press gently")
    assert caption.textFormat() == Qt.TextFormat.PlainText
    assert caption.geometry().bottom() <= window.diagram.height()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not caption.isVisible()
