"""Treatment plans: round trip through a file, validation messages, and corrupt files left alone."""
from __future__ import annotations

import json

import pytest

from viewer.atlas.plan import SUFFIX, Plan, PlanError, load_plan, save_plan


def sample() -> Plan:
    plan = Plan("Low back, session 1", "Review next week.")
    for key in ("BL23", "BL40", "tp:QL1"):
        plan.add(key)
    plan.items[1].note = "distal point"
    return plan


def test_plan_round_trips_through_a_file(tmp_path):
    """Saving and loading gives the same title, note, order, kinds and item notes."""
    path = tmp_path / f"plan{SUFFIX}"
    save_plan(sample(), path)
    again = load_plan(path, {"BL23", "BL40"}, {"QL1"})
    assert again == sample()
    assert again.keys() == ["BL23", "BL40", "tp:QL1"]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "meridian-viewer-plan" and data["version"] == 1
    assert "patient" not in path.read_text(encoding="utf-8").lower()


def test_add_move_remove():
    """No duplicates; moving clamps at the ends."""
    plan = sample()
    assert plan.add("BL23") is None
    assert plan.move(0, -1) == 0 and plan.move(0, 5) == 2
    assert plan.keys() == ["BL40", "tp:QL1", "BL23"]
    plan.remove(1)
    assert plan.keys() == ["BL40", "BL23"]


@pytest.mark.parametrize("text, message", [
    ("{not json", "plan.mvplan: not a plan file (invalid JSON at line 1"),
    ('{"format": "other"}', "plan.mvplan: not a Meridian Viewer plan"),
    ('{"format": "meridian-viewer-plan", "version": 9, "items": []}', "made by a newer version of the app"),
    ('{"format": "meridian-viewer-plan", "version": 1, "items": [{"kind": "needle", "ref": "BL23"}]}',
     "plan.mvplan: item 1.kind: must be 'point' or 'trigger_point'"),
    ('{"format": "meridian-viewer-plan", "version": 1, "items": [{"kind": "point", "ref": "ZZ9"}]}',
     "plan.mvplan: item 1.ref: 'ZZ9' is not a known point"),
])
def test_bad_plan_files_are_refused_with_a_clear_message(tmp_path, text, message):
    """Each kind of broken file names the file, the item and the field."""
    path = tmp_path / "plan.mvplan"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as info:
        load_plan(path, {"BL23"}, {"QL1"})
    assert message in str(info.value)
    assert path.read_text(encoding="utf-8") == text  # refused, never touched
