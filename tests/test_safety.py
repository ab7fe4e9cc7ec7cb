"""The safety layer's data: structures drawn inside the figure, points linked to what lies beneath,
and file mistakes named by file, entry and field."""
from __future__ import annotations

import textwrap

import pytest

from viewer.atlas.safety import link_points, load_safety, place_safety


def test_bundled_file_loads_without_problems(content):
    """Every structure of assets/atlas/safety.toml loads and places; none is skipped."""
    assert content.safety.problems == []
    assert {"pleura", "kidney", "subclavian", "femoral_vessels", "femoral_nerve", "popliteal", "sciatic",
            "median", "ulnar", "radial", "common_fibular", "vertebral_artery"} <= set(content.safety.structures)


def test_lungs_and_pleura_are_drawn_on_front_back_and_side(content):
    views = {d.view for d in content.safety.drawn_of("pleura")}
    assert views >= {"front", "back", "side"}


@pytest.mark.parametrize("view", ["front", "back", "side", "soles"])
def test_every_structure_lies_inside_the_figure(content, view):
    """Every point along every drawn outline and line lies on the body (no shape floats off the figure)."""
    body = content.body.view(view)
    outside = [(d.structure, round(x, 3), round(y, 3)) for d in content.safety.drawn.get(view, [])
               for x, y in d.polyline if not body.contains(x, y)]
    assert outside == []


def test_right_kidney_is_drawn_lower_than_the_left(content):
    """On the back view the subject's right lies at x > 0; the right kidney sits lower (under the liver)."""
    kidneys = {d.side: d for d in content.safety.drawn["back"] if d.structure == "kidney"}
    assert set(kidneys) == {"left", "right"}
    right, left = kidneys["right"].polyline, kidneys["left"].polyline
    assert min(x for x, _ in right) > 0 > max(x for x, _ in left)
    assert max(y for _, y in right) > max(y for _, y in left)
    # between T12 and L3, as the anatomy books give it
    t12, l3 = content.body.view("back").landmarks["T12"][1], content.body.view("back").landmarks["L3"][1]
    assert t12 - 0.01 < min(y for _, y in right) and max(y for _, y in right) < l3 + 0.015


def test_pleura_reaches_lower_than_the_lung_behind(content):
    """Behind, the pleural recess reaches T12 while the lung's lower edge stays near T10."""
    back = content.body.view("back").landmarks
    pleura = [d for d in content.safety.drawn["back"] if d.structure == "pleura" and d.closed]
    edge = [d for d in content.safety.drawn["back"] if d.structure == "pleura" and not d.closed]
    assert max(y for d in pleura for _, y in d.polyline) >= back["T12"][1] - 0.005
    assert max(y for d in edge for _, y in d.polyline) < back["T11"][1]


def _structures(content, key):
    return [n.structure for n in content.safety.notes_for(key)]


@pytest.mark.parametrize("key, structure", [
    ("GB21", "pleura"), ("BL13", "pleura"), ("BL42", "pleura"), ("BL43", "pleura"), ("ST12", "pleura"),
    ("KI27", "pleura"), ("tp:LT1", "pleura"), ("tp:LT2", "pleura"), ("tp:RH1", "pleura"), ("tp:SPS1", "pleura"),
    ("tp:ICT1", "pleura"), ("tp:ICT2", "pleura"), ("tp:UT1", "pleura"),
    ("BL23", "kidney"), ("BL52", "kidney"), ("tp:QL1", "kidney"),
    ("ST30", "femoral_vessels"), ("SP12", "femoral_vessels"),
    ("GB30", "sciatic"), ("BL36", "sciatic"), ("BL40", "popliteal"), ("GB34", "common_fibular"),
    ("GB20", "vertebral_artery"), ("GB12", "vertebral_artery"), ("tp:SUBOC1", "vertebral_artery"),
    ("tp:SUBOC2", "vertebral_artery"), ("ST12", "subclavian"), ("PC6", "median"), ("SI8", "ulnar"),
    ("LU5", "radial"),
])
def test_points_over_a_structure_carry_its_note(content, key, structure):
    assert structure in _structures(content, key)


@pytest.mark.parametrize("key", ["LI4", "GV20", "ST36", "LR3", "KI1", "tp:FRO1"])
def test_points_far_from_every_structure_carry_none(content, key):
    assert content.safety.notes_for(key) == []


@pytest.mark.parametrize("key, region", [
    ("GB21", "GB21"), ("BL42", "BL outer line"), ("BL13", "inner BL line"), ("ST12", "supraclavicular"),
    ("tp:ICT2", "T10 to T12"), ("KI27", "front of the chest"),
])
def test_the_depth_fact_of_the_region_is_chosen(content, key, region):
    """A point takes the depth figure and safe direction of the region it lies in."""
    note = next(n for n in content.safety.notes_for(key) if n.structure == "pleura")
    assert region in note.region
    assert "cm" in note.depth and note.safe
    assert note.depth in note.sentence() and note.safe in note.sentence()


def test_a_structure_without_regions_gives_its_own_depth_and_direction(content):
    note = next(n for n in content.safety.notes_for("BL40") if n.structure == "popliteal")
    popliteal = content.safety.structures["popliteal"]
    assert (note.depth, note.safe, note.region) == (popliteal.depth, popliteal.safe, "")


# --- the file format -------------------------------------------------------------------------------

GOOD = """
[[structure]]
id = "toy_vessel"
name = "Toy vessel"
kind = "vessel"
note = "Runs down beside L2."
safe = "Keep away."
[[structure.shape]]
view = "back"
line = [ { at = "L1", lateral = 2, hscale = "back" }, { at = "L3", lateral = 2, hscale = "back" } ]
"""


def _load(tmp_path, content, text):
    path = tmp_path / "safety.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    safety = place_safety(load_safety(path), content.atlas, content.body)
    return link_points(safety, content.layout, content.muscles)


def test_a_toy_line_links_the_points_beside_it(tmp_path, content):
    """BL22/BL23 lie 1.5 cun out at L1/L2, within the margin of a line 2 cun out; LI4 does not."""
    safety = _load(tmp_path, content, GOOD)
    assert safety.problems == []
    assert "toy_vessel" in [n.structure for n in safety.notes_for("BL23")]
    assert safety.notes_for("LI4") == []


def test_link_adds_and_unlink_removes(tmp_path, content):
    text = GOOD.replace('safe = "Keep away."', 'safe = "Keep away."\nunlink = ["BL23"]') + \
        '[[structure.link]]\npoints = ["LI4"]\n'
    safety = _load(tmp_path, content, text)
    assert safety.problems == []
    assert safety.notes_for("BL23") == []
    assert [(n.structure, n.relation) for n in safety.notes_for("LI4")] == [("toy_vessel", "listed")]


@pytest.mark.parametrize("change, field", [
    (('kind = "vessel"', 'kind = "bone"'), "kind"),
    (('note = "Runs down beside L2."', 'note = 3'), "note"),
    (('safe = "Keep away."', 'safe = "Keep away."\ncolour = "red"'), "colour"),
    (('view = "back"', 'view = "back"\nside = "middle"'), "shape[0].side"),
    (('line = [', 'outline = [ { at = "L1" }, { at = "L2" }, { at = "L3" } ]\nline = ['), "shape[0].outline"),
    (('line = [ { at = "L1", lateral = 2, hscale = "back" }, ', 'line = [ '), "shape[0].line"),
    (('{ at = "L1", lateral = 2, hscale = "back" }', '{ at = "L1", lateral = 2 }'), "shape[0].line[0].hscale"),
    (('safe = "Keep away."', 'safe = "Keep away."\nmargin_cm = 40'), "margin_cm"),
    (('safe = "Keep away."', 'safe = "Keep away."\n[[structure.link]]\npoints = ["BL23"]\nregion = "nowhere"'),
     "link[0].region"),
])
def test_a_bad_entry_is_named_by_file_entry_and_field_and_skipped(tmp_path, content, change, field):
    """The mistake is reported, that structure is skipped, and the next one still loads."""
    old, new = change
    bad = GOOD.replace(old, new, 1)
    assert bad != GOOD
    safety = _load(tmp_path, content, bad + GOOD.replace("toy_vessel", "other_vessel"))
    assert [(p.file, p.entry, p.field) for p in safety.problems] == [("safety.toml", "toy_vessel", field)]
    assert "entry skipped" in safety.problems[0].message
    assert list(safety.structures) == ["other_vessel"]


def test_a_shape_that_cannot_be_placed_is_named_and_the_rest_drawn(tmp_path, content):
    text = GOOD.replace('{ at = "L3"', '{ at = "no_such_landmark"')
    safety = _load(tmp_path, content, text)
    assert [(p.entry, p.field) for p in safety.problems] == [("toy_vessel", "shape[0].line[1].at")]
    assert "no_such_landmark" in safety.problems[0].message
    assert safety.drawn["back"] == []


def test_a_link_to_an_unknown_point_is_named(tmp_path, content):
    safety = _load(tmp_path, content, GOOD + '[[structure.link]]\npoints = ["XX99"]\n')
    assert [(p.entry, p.field) for p in safety.problems] == [("toy_vessel", "link")]
    assert "XX99" in safety.problems[0].message
    assert safety.notes_for("XX99") == []


@pytest.mark.parametrize("text", ["[[structure]\n", "structure = 3\n", "[other]\nx = 1\n"])
def test_a_broken_or_foreign_file_is_reported_not_raised(tmp_path, content, text):
    safety = _load(tmp_path, content, text)
    assert safety.problems and all(p.file == "safety.toml" for p in safety.problems)
    assert safety.structures == {}


def test_a_missing_file_is_reported(tmp_path):
    safety = load_safety(tmp_path / "safety.toml")
    assert [p.file for p in safety.problems] == ["safety.toml"]


def test_a_bare_spot_is_measured_too(content):
    """'Where does it hurt' asks about a spot, not a point: between the shoulder blades lies the pleura,
    on the back of the hand nothing."""
    from viewer.atlas.safety import notes_at

    back = content.body.view("back").landmarks
    assert [n.structure for n in notes_at(content.safety, "back", 0.04, back["T4"][1])] == ["pleura"]
    assert notes_at(content.safety, "back", *back["metacarpal2_mid"]) == []


def test_links_to_trigger_points_are_not_reported_when_no_muscle_file_loaded(tmp_path, content):
    """Without the muscle files (their own problem) a link to a trigger point is skipped quietly."""
    from viewer.atlas.muscles import MuscleAtlas

    path = tmp_path / "safety.toml"
    path.write_text(GOOD + '[[structure.link]]\npoints = ["tp:UT1", "BL23"]\n', encoding="utf-8")
    safety = link_points(place_safety(load_safety(path), content.atlas, content.body), content.layout, MuscleAtlas())
    assert safety.problems == []
    assert safety.notes_for("tp:UT1") == [] and safety.notes_for("BL23")
