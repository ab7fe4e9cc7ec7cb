"""Selection keys: one typed value, spelled in one module; the plan file keeps its form."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from viewer.atlas import keys
from viewer.atlas.keys import Kind, SelectionKey
from viewer.atlas.plan import Plan, load_plan, save_plan

ROOT = Path(__file__).resolve().parents[1]
PREFIX = re.compile(r"""[fbrFBR]?["'](?:m|tp|spot):""")  # a key prefix written in a string literal


@pytest.mark.parametrize(("text", "kind", "ref"), [
    ("BL23", Kind.POINT, "BL23"),
    ("EX-B7", Kind.POINT, "EX-B7"),
    ("m:quadratus_lumborum", Kind.MUSCLE, "quadratus_lumborum"),
    ("tp:QL1", Kind.TRIGGER_POINT, "QL1"),
    ("spot:back:0.0500,0.4200", Kind.SPOT, "back:0.0500,0.4200"),
    ("", Kind.POINT, ""),
])
def test_a_key_parses_to_its_kind_and_reference_and_prints_back_the_same(text, kind, ref):
    """Parsing and printing are inverse: every kind survives the round trip through its string."""
    key = keys.parse(text)
    assert (key.kind, key.ref) == (kind, ref)
    assert str(key) == text
    assert keys.parse(key) is key


def test_the_makers_agree_with_the_parser():
    """muscle_key, trigger_key, point_key and spot_key write what parse reads back."""
    assert keys.parse(keys.muscle_key("piriformis")) == SelectionKey(Kind.MUSCLE, "piriformis")
    assert keys.parse(keys.trigger_key("QL1")) == SelectionKey(Kind.TRIGGER_POINT, "QL1")
    assert keys.parse(keys.point_key("ST36")) == SelectionKey(Kind.POINT, "ST36")
    assert keys.parse(keys.spot_key("front", -0.1, 0.5)) == SelectionKey(Kind.SPOT, "front:-0.1000,0.5000")
    assert keys.trigger_refs(["ST36", "tp:QL1", "m:piriformis", keys.parse("tp:GM1")]) == {"QL1", "GM1"}


def test_muscle_of_names_the_muscle_of_a_muscle_or_trigger_point(content):
    """A trigger point key leads to its muscle; an acupoint leads to none."""
    tp = next(iter(content.muscles.trigger_points.values()))
    assert keys.muscle_of(content.muscles, keys.trigger_key(tp.id)) == tp.muscle
    assert keys.muscle_of(content.muscles, keys.muscle_key(tp.muscle)) == tp.muscle
    assert keys.muscle_of(content.muscles, "BL23") is None


def test_no_module_but_keys_spells_a_key_prefix():
    """The m:/tp:/spot: spellings live in viewer/atlas/keys.py only: no other source file of the app or
    its tools writes them in a string (so the key format can change in one place)."""
    found = []
    for folder in ("viewer", "tools", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            if path == ROOT / "viewer" / "atlas" / "keys.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if PREFIX.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_the_prefix_scan_would_see_a_prefix():
    """The pattern of the scan above matches the ways a prefix was written before (not vacuous)."""
    for line in ('key = f"m:{ref}"', "code.startswith('tp:')", 'x.removeprefix("tp:")'):
        assert PREFIX.search(line), line


def test_an_existing_plan_file_loads_and_saves_with_the_same_items(content, tmp_path):
    """docs/examples/low-back.mvplan (acupoints and a trigger point) keeps its on-disk form: saved again,
    its items are byte for byte what they were, and the keys the app uses are the usual ones."""
    source = ROOT / "docs" / "examples" / "low-back.mvplan"
    plan = load_plan(source, set(content.atlas.points), set(content.muscles.trigger_points))
    assert "tp:QL1" in plan and keys.parse("BL23") in plan and "m:quadratus_lumborum" not in plan
    target = tmp_path / "again.mvplan"
    save_plan(plan, target)

    def items_text(path: Path) -> str:
        return json.dumps(json.loads(path.read_text(encoding="utf-8"))["items"], ensure_ascii=False)

    assert items_text(target) == items_text(source)
    assert target.read_bytes() == source.read_bytes()


def test_a_plan_takes_acupoints_and_trigger_points_but_no_muscle():
    """Plan.add keeps the kind of the key; a muscle or a spot is refused with a clear message."""
    plan = Plan()
    assert plan.add("BL23").kind == "point"
    item = plan.add(keys.trigger_key("QL1"))
    assert (item.kind, item.ref, item.key) == ("trigger_point", "QL1", "tp:QL1")
    with pytest.raises(ValueError, match="muscle piriformis"):
        plan.add(keys.muscle_key("piriformis"))
    assert plan.keys() == ["BL23", "tp:QL1"]
