"""The view-state model (viewer/atlas/viewstate.py): change events, and what a scene draws as one pure
function of the state — checked on a small made-up atlas, without Qt."""
from __future__ import annotations

import pytest

from viewer.atlas.keys import muscle_key, parse, trigger_key
from viewer.atlas.model import replace
from viewer.atlas.viewstate import Layers, Mode, Pain, Source, ViewState, scene_content

# Two views: three channels on "front", one on "back"; BL23 is on the back only.
SOURCE = Source(
    markers={"front": (("ST36", "ST"), ("ST36", "ST"), ("PC6", "PC"), ("LR3", "LR")),
             "back": (("BL23", "BL"), ("BL40", "BL"))},
    muscle_of={"QL1": "quadratus_lumborum", "TRAP1": "trapezius"},
)


def test_assigning_a_field_tells_subscribers_what_changed_once_and_only_when_it_changed():
    state = ViewState(view="front")
    heard = []
    state.subscribe(heard.append)
    state.view = "back"
    state.view = "back"  # the same value: nothing to tell
    state.set_layer(acupoints=False)
    assert heard == [frozenset({"view"}), frozenset({"layers"})]
    assert state.layers == Layers(acupoints=False)


def test_a_batch_is_announced_once_with_every_field_it_changed():
    state = ViewState()
    heard = []
    state.subscribe(heard.append)
    with state.batch():
        state.mode = Mode.PATIENT
        state.plan = ["BL23"]
        state.show_channel("BL", False)
        assert heard == []
    assert heard == [frozenset({"mode", "plan", "hidden_channels"})]


def test_unsubscribing_stops_the_events_and_unknown_fields_are_refused():
    state = ViewState()
    heard = []
    unsubscribe = state.subscribe(heard.append)
    unsubscribe()
    state.view = "back"
    assert heard == []
    with pytest.raises(AttributeError, match="colour"):
        state.colour = "red"
    with pytest.raises(AttributeError, match="zoom"):
        ViewState(zoom=2)


def test_field_values_are_frozen_so_a_subscriber_can_keep_them():
    plan = ["BL23"]
    state = ViewState(plan=plan, selection="tp:QL1")
    plan.append("BL40")
    assert state.plan == ("BL23",)
    assert state.selection == parse("tp:QL1")


def test_the_normal_view_draws_every_channel_and_point_of_the_view():
    content = scene_content(ViewState(view="front"), "front", SOURCE)
    assert content.style == "normal"
    assert content.channel_lines == {"ST", "PC", "LR"}
    assert content.points == {"ST36", "PC6", "LR3"}
    assert scene_content(ViewState(), "back", SOURCE).points == {"BL23", "BL40"}


def test_a_hidden_channel_loses_its_line_and_its_points_but_not_the_selected_point():
    state = ViewState(hidden_channels={"ST", "PC"}, selection="PC6")
    content = scene_content(state, "front", SOURCE)
    assert content.channel_lines == {"LR"}
    assert content.points == {"LR3", "PC6"}
    assert content.selected == "PC6"


def test_acupoints_off_hides_lines_and_points_and_lines_off_hides_only_lines():
    off = scene_content(ViewState(layers=Layers(acupoints=False)), "front", SOURCE)
    assert off.channel_lines == frozenset() and off.points == frozenset()
    lines_off = scene_content(ViewState(layers=Layers(channel_lines=False)), "front", SOURCE)
    assert lines_off.channel_lines == frozenset() and lines_off.points == {"ST36", "PC6", "LR3"}


@pytest.mark.parametrize("layers", [Layers(), Layers(acupoints=False), Layers(channel_lines=False),
                                    Layers(trigger_points=True, safety=True)])
@pytest.mark.parametrize("hidden", [frozenset(), frozenset({"BL"}), frozenset({"ST", "PC", "LR"})])
def test_the_patient_view_draws_the_plan_alone_whatever_the_switches(layers, hidden):
    """The bug of issue 12 by construction: no layer switch or channel brings a line back over a plan."""
    state = ViewState(mode=Mode.PATIENT, plan=["BL23", "tp:QL1"], layers=layers, hidden_channels=hidden,
                      selection="BL23", filter={"LR3"})
    content = scene_content(state, "back", SOURCE)
    assert content.channel_lines == frozenset()
    assert content.points == {"BL23"}
    assert content.plan == ("BL23", "tp:QL1")
    assert content.style == "patient"
    assert not content.safety and not content.trigger_markers and not content.brush
    assert scene_content(state, "front", SOURCE).points == frozenset()


def test_presentation_only_changes_the_style():
    normal = scene_content(ViewState(), "front", SOURCE)
    shown = scene_content(ViewState(presenting=True), "front", SOURCE)
    assert shown.style == "presentation"
    assert shown == replace(normal, style="presentation")


def test_presenting_the_patient_view_keeps_the_plan_alone():
    state = ViewState(mode=Mode.PATIENT, plan=["BL23"], presenting=True)
    content = scene_content(state, "back", SOURCE)
    assert content.style == "presentation"
    assert content.points == {"BL23"} and content.channel_lines == frozenset() and content.plan == ("BL23",)


def test_blank_body_study_hides_points_lines_and_crosses():
    state = ViewState(mode=Mode.STUDY, layers=Layers(trigger_points=True))
    content = scene_content(state, "front", SOURCE)
    assert content.points == frozenset() and content.channel_lines == frozenset()
    assert not content.trigger_markers


def test_a_selected_muscle_or_trigger_point_shows_its_muscle_zones():
    muscle = scene_content(ViewState(selection=muscle_key("trapezius")), "back", SOURCE)
    assert dict(muscle.zones) == {"trapezius": {"muscle", "essential", "spillover"}}
    assert muscle.active_trigger_point == "" and muscle.selected == ""
    tp = scene_content(ViewState(selection=trigger_key("QL1")), "back", SOURCE)
    assert set(tp.zones) == {"quadratus_lumborum"} and tp.active_trigger_point == "QL1"


def test_the_pain_answer_lights_its_view_and_its_zones_everywhere():
    pain = Pain("back", {"quadratus_lumborum": frozenset({"essential"})}, near=("BL23",),
                brush=((0.1, 0.5), (0.12, 0.5)))
    state = ViewState(pain=pain, brushing=True, layers=Layers(acupoints=False))
    back, front = scene_content(state, "back", SOURCE), scene_content(state, "front", SOURCE)
    assert back.near == {"BL23"} and back.points == {"BL23"}  # near a painful spot: drawn with acupoints off
    assert back.brush == pain.brush and back.brushing
    assert front.near == frozenset() and front.brush == () and front.brushing
    assert dict(front.zones) == dict(back.zones) == {"quadratus_lumborum": {"essential"}}
    selected = ViewState(pain=pain, selection=muscle_key("trapezius"))
    assert set(scene_content(selected, "back", SOURCE).zones) == {"trapezius"}  # the selection wins


def test_the_browse_filter_dims_and_the_safety_switch_passes_through():
    content = scene_content(ViewState(filter={"ST36"}, layers=Layers(safety=True)), "front", SOURCE)
    assert content.dim_except == {"ST36"} and content.safety


def test_source_of_the_bundled_content_lists_every_marker(content):
    source = Source.of(content)
    assert set(source.markers) == set(content.layout.markers)
    assert sum(len(m) for m in source.markers.values()) == sum(len(m) for m in content.layout.markers.values())
    tp = next(iter(content.muscles.trigger_points.values()))
    assert source.muscle_of[tp.id] == tp.muscle


def test_marked_points_are_ringed_and_drawn_on_every_view_that_has_them():
    state = ViewState(marked={"LR3"}, hidden_channels={"LR"})
    content = scene_content(state, "front", SOURCE)
    assert content.near == {"LR3"} and "LR3" in content.points
    assert scene_content(state, "back", SOURCE).points == {"BL23", "BL40"}
