"""Regional plates carry the trigger points, referral zones and safety shapes of the figure they magnify,
answer "where does it hurt?" and "what lies beneath?" as the figure does, and a handout whose items all lie
in one region is drawn on that region's plate."""
from __future__ import annotations

import math

import pytest

from viewer.atlas.muscles import correspondences, nearby_points, where_it_hurts
from viewer.atlas.plan import Plan, PlanItem
from viewer.atlas.safety import notes_at
from viewer.atlas.views import to_plate


def _plates(content):
    registry = content.body.registry
    return [(name, registry[name]) for name in registry.plates if registry[name].parent in content.body.views]


def _inside(bounds, x, y):
    return bounds[0] <= x <= bounds[2] and bounds[1] <= y <= bounds[3]


def test_every_plate_of_a_whole_figure_shows_the_trigger_points_that_fall_inside_it(content):
    shown = 0
    for name, spec in _plates(content):
        bounds = content.body.view(name).bounds
        on_plate = {(m.code, m.side): (m.x, m.y) for m in content.muscles.markers.get(name, [])}
        for m in content.muscles.markers.get(spec.parent, []):
            x, y = to_plate(spec, m.x, m.y)
            if _inside(bounds, x, y):
                assert on_plate[(m.code, m.side)] == pytest.approx((x, y), abs=1e-9), (name, m.code)
                shown += 1
        assert len(on_plate) <= len(content.muscles.markers.get(spec.parent, []))
    assert shown > 50  # the neck, the sacrum, the face ... are full of them


def test_zones_and_safety_shapes_are_drawn_on_the_plates(content):
    plates = dict(_plates(content))
    zones = {name for name in plates if any(r.kind != "muscle" for r in content.muscles.regions.get(name, []))}
    safety = {name for name in plates if content.safety.drawn.get(name)}
    assert "neck_occiput" in zones & safety  # suboccipital and trapezius zones; the vertebral artery
    assert {"hand_palmar", "face"} <= zones
    for name in plates:
        for region in content.muscles.regions.get(name, []):
            assert region.view == name


def _spot_on(content, name, spec, markers):
    """A spot of the parent with something placed there, and the same spot on the plate."""
    bounds = content.body.view(name).bounds
    for m in markers:
        x, y = to_plate(spec, m.x, m.y)
        if _inside(bounds, x, y):
            return (m.x, m.y), (x, y)
    return None


def test_where_it_hurts_on_a_plate_answers_as_the_whole_figure_does(content):
    asked = 0
    for name, spec in _plates(content):
        spot = _spot_on(content, name, spec, content.muscles.markers.get(spec.parent, []))
        if spot is None:
            continue
        (px, py), (x, y) = spot
        on_figure = where_it_hurts(content.muscles, spec.parent, px, py)
        assert where_it_hurts(content.muscles, name, x, y) == on_figure
        near = nearby_points(content.layout, name, x, y)
        near_figure = nearby_points(content.layout, spec.parent, px, py)
        assert [code for code, _d in near] == [code for code, _d in near_figure]
        assert [d for _c, d in near] == pytest.approx([d for _c, d in near_figure])
        asked += bool(on_figure)
    assert asked >= 3


def test_what_lies_beneath_a_spot_of_a_plate_is_what_lies_beneath_it_on_the_figure(content):
    spec = content.body.registry["neck_occiput"]
    drawn = [d for d in content.safety.drawn[spec.parent] if d.structure == "vertebral_artery"]
    assert drawn, "the back view draws the vertebral artery"
    x, y = drawn[0].commands[0][1:3]
    beneath = notes_at(content.safety, "neck_occiput", *to_plate(spec, x, y))
    assert [n.structure for n in beneath] == [n.structure for n in notes_at(content.safety, spec.parent, x, y)]
    assert "vertebral_artery" in {n.structure for n in beneath}
    distances = {n.structure: n.distance_cm for n in notes_at(content.safety, spec.parent, x, y)}
    assert all(math.isclose(n.distance_cm, distances[n.structure]) for n in beneath)  # centimetres, not magnified


def test_a_plate_adds_no_second_safety_note_or_trigger_point_pairing(content):
    assert not {c.view for c in correspondences(content.muscles, content.layout, content.body)} \
        & set(content.body.registry.plates)
    for key, notes in content.safety.notes.items():
        assert len({n.structure for n in notes}) == len(notes), key


def _plan(*refs: str) -> Plan:
    plan = Plan()
    for ref in refs:
        plan.items.append(PlanItem("point", ref))
    return plan


def test_a_handout_of_hand_points_is_drawn_on_a_hand_plate_and_a_mixed_one_on_whole_figures(content):
    from viewer.ui.printing import plan_views

    registry = content.body.registry
    hand = plan_views(content, _plan("LI4", "LI3"))
    assert len(hand) == 1 and "hand" in registry[hand[0]].regions
    face = plan_views(content, _plan("ST2", "LI20"))
    assert len(face) == 1 and "face" in registry[face[0]].regions
    whole = plan_views(content, _plan("BL23", "ST36"))
    assert set(whole) <= set(registry.full) and len(whole) == 2


def test_the_trigger_point_layer_draws_on_a_plate(window, qtbot):
    from PySide6.QtCore import Qt

    window.view_state.view = "neck_occiput"
    qtbot.keyClick(window.diagram, Qt.Key.Key_T)
    scene = window.scenes["neck_occiput"]
    qtbot.waitUntil(lambda: scene.content.trigger_markers)
    crosses = [item for item in scene.items() if type(item).__name__ == "TriggerMarkerItem" and item.isVisible()]
    assert len(crosses) >= 5


def test_locate_the_point_on_a_plate_is_scored_as_on_the_whole_figure(content):
    """A click on a plate is judged on the same spot of the figure (cun, cm, words) and shown on the plate."""
    from viewer.atlas.plates import whole_figure_spot
    from viewer.atlas.study import score_locate

    marker = content.layout.markers_of("LI4", "hand_dorsal")[0]
    spot = (marker.x + 0.02, marker.y + 0.01)
    on_plate = score_locate(content, "LI4", "hand_dorsal", *spot)
    figure, x, y = whole_figure_spot("hand_dorsal", *spot)
    on_figure = score_locate(content, "LI4", figure, x, y)
    assert on_plate.view == "hand_dorsal" and figure in content.body.registry.full
    assert (on_plate.distance_cun, on_plate.distance_cm, on_plate.grade, on_plate.miss_words()) == \
        (on_figure.distance_cun, on_figure.distance_cm, on_figure.grade, on_figure.miss_words())
    assert on_plate.target == pytest.approx((marker.x, marker.y))  # the answer drawn where the plate shows it
