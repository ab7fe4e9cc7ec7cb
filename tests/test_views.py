"""The view registry (assets/atlas/views.toml): every consumer reads it, bad entries are named, plates map."""
from __future__ import annotations

import ast
import math
import tomllib
from pathlib import Path

import pytest

from viewer.atlas import views
from viewer.atlas.body import build_body
from viewer.atlas.model import replace
from viewer.atlas.plates import inside
from viewer.atlas.views import ViewSpec, load_registry, parse_registry, to_plate, transform

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = views.registry()

# Strings spelled like a view's name that mean something else: the subject's side (a column of the export,
# a field of safety.toml). Counted per file, so a new view-name literal beside them is still caught.
NOT_VIEW_NAMES = {("viewer/atlas/export.py", "side"): 2, ("viewer/atlas/safety.py", "side"): 4}


def _string_literals(path: Path) -> list[str]:
    return [node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_no_view_name_is_written_in_the_code_outside_the_registry():
    """No module of viewer/ but views.py spells a view's name as a string: every view is data."""
    found: dict[tuple[str, str], int] = {}
    for path in sorted((ROOT / "viewer").rglob("*.py")):
        if path.name == "views.py" and path.parent.name == "atlas":
            continue
        rel = path.relative_to(ROOT).as_posix()
        for text in _string_literals(path):
            if text in REGISTRY:
                found[(rel, text)] = found.get((rel, text), 0) + 1
    assert REGISTRY.names, "the bundled registry declares views"
    assert found == NOT_VIEW_NAMES


def test_the_literal_count_sees_a_view_name_in_code():
    """The count above finds a view's name where one is written (it can fail)."""
    code = f"if view == {REGISTRY.first!r}:\n    pass\n"
    assert REGISTRY.first in [n.value for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Constant)]


def test_the_bundled_registry_loads_clean_in_menu_order():
    """views.toml has no problem; its first view is the one shown at start; shortcuts are unique."""
    assert REGISTRY.problems == ()
    data = tomllib.loads((ROOT / "assets/atlas/views.toml").read_text(encoding="utf-8"))
    assert REGISTRY.names == tuple(data)
    keys = [s.shortcut for s in REGISTRY.views.values() if s.shortcut]
    assert len(keys) == len(set(keys))


def test_every_view_of_the_body_model_comes_from_the_registry_with_its_scales():
    """The body model has exactly the registry's views, its titles, and one scale per declared scale."""
    body = build_body()
    assert tuple(body.views) == REGISTRY.names
    for name, view in body.views.items():
        spec = REGISTRY[name]
        assert view.title == spec.title
        assert set(spec.scales) <= set(view.scales)
        for scale_name, scale in spec.scales.items():
            a, b = view.landmark(scale.start), view.landmark(scale.end)
            length = 2 * abs(a[0]) if scale.across else math.dist(a, b)
            assert view.scales[scale_name] == pytest.approx(length / scale.cun, rel=1e-5)


def _one(text: str):
    return parse_registry(tomllib.loads(text))


BASE = '''
[whole]
title = "Whole"
short = "&Whole"
mirrored = true
positive_side = "left"
x_axis = "left"
'''


P = '[p]\ntitle = "P"\nshort = "P"\n'
PLATE = P + 'parent = "whole"\n'


@pytest.mark.parametrize(("entry", "view", "field", "words"), [
    (P + 'parent = "nowhere"\ncrop = [0, 0, 1, 1]', "p", "parent", "nowhere"),
    (PLATE + 'crop = [0.1, 0.5, 0.1, 0.6]', "p", "crop", "x0 < x1"),
    (PLATE + 'crop = [0, 0, 1]', "p", "crop", "[x0, y0, x1, y1]"),
    (PLATE, "p", "crop", "[x0, y0, x1, y1]"),
    (P + 'crop = [0, 0, 1, 1]', "p", "crop", "parent"),
    (PLATE + 'crop = [0.1, 0.5, 0.3, 0.6]', "p", "crop", "midline"),
    (PLATE + 'crop = [-0.1, 0.5, 0.1, 0.6]\nrotate = "x"', "p",
     "rotate", "degrees"),
    (P + 'x_axis = "up"', "p", "x_axis", "'up'"),
    ('[p]\nshort = "P"', "p", "title", "missing"),
    (P + 'colour = 1', "p", "colour", "not a field"),
    (P + 'mirrored = true', "p", "positive_side", "which side"),
    (P + 'scales = { a = ["x", "y", 0, false] }', "p", "scales.a", "cun > 0"),
    (P + 'drawing = "../x.svg"', "p", "drawing", ".svg"),
    ('[Bad-Name]\ntitle = "P"\nshort = "P"', "Bad-Name", "", "lower-case"),
])
def test_a_bad_view_is_named_by_file_view_and_field_and_the_others_load(entry, view, field, words):
    """Each mistake in views.toml is a Problem naming views.toml, the view and the field; the view is left
    out and the rest of the file loads."""
    reg = _one(BASE + entry)
    assert reg.names == ("whole",)
    [problem] = reg.problems
    assert (problem.file, problem.entry, problem.field) == ("views.toml", view, field)
    assert words in problem.message


def test_an_unreadable_views_file_is_a_problem_not_a_crash(tmp_path):
    """A views.toml that is not TOML gives no views and one Problem naming the file."""
    path = tmp_path / "views.toml"
    path.write_text("[front\n", encoding="utf-8")
    reg = load_registry(path)
    assert reg.views == {} and reg.problems[0].file == "views.toml"


def test_a_scale_naming_an_unknown_landmark_and_a_plate_of_a_missing_parent_are_named():
    """build_body() with a registry whose view's scale names no landmark: that scale is left out with a Problem
    naming the drawing and the scale; a plate whose parent could not be built is left out, named; the other
    views are built."""
    first = REGISTRY[REGISTRY.first]
    bad = replace(first, name="broken", shortcut="", scales={"x": views.ScaleDef("no_such_landmark", "vertex", 1.0)})
    orphan = ViewSpec("orphan", "Orphan", "O", "orphan", parent="nowhere", crop=(-0.1, 0.0, 0.1, 0.2))
    reg = views.Registry({first.name: first, "broken": bad, "orphan": orphan})
    body = build_body(registry=reg)
    assert tuple(body.views) == (first.name, "broken")
    assert "x" not in body.view("broken").scales
    assert [(p.entry, p.field) for p in body.problems] == [("x", "landmark"), ("orphan", "parent")]


def test_a_plate_takes_the_sides_and_axes_of_its_parent_unless_it_says_otherwise():
    """A plate without mirrored/positive_side/x_axis inherits them; one that says them keeps its own."""
    reg = _one(BASE + '[a]\ntitle = "A"\nshort = "A"\nparent = "whole"\ncrop = [-0.1, 0.0, 0.1, 0.2]\n'
               '[b]\ntitle = "B"\nshort = "B"\nparent = "whole"\ncrop = [0.1, 0.4, 0.3, 0.5]\n'
               'mirrored = false\npositive_side = "left"\n')
    assert reg.problems == ()
    assert (reg["a"].mirrored, reg["a"].positive_side, reg["a"].x_axis) == (True, "left", "left")
    assert (reg["b"].mirrored, reg["b"].side_at(-0.2)) == (False, "left")


def test_the_plate_transform_maps_the_crop_onto_a_unit_high_rectangle_round_its_centre():
    """The crop's corners land on the plate's bounds; a quarter turn turns the crop's right edge downward."""
    spec = ViewSpec("p", "P", "P", "p", parent="whole", crop=(0.1, 0.4, 0.3, 0.5))
    assert spec.plate_bounds() == pytest.approx((-1.0, -0.5, 1.0, 0.5))
    assert to_plate(spec, 0.1, 0.4) == pytest.approx((-1.0, -0.5))
    assert to_plate(spec, 0.3, 0.5) == pytest.approx((1.0, 0.5))
    turned = ViewSpec("p", "P", "P", "p", parent="whole", crop=(0.1, 0.4, 0.3, 0.5), rotate=90.0)
    # clockwise on a picture whose y points down: the right edge's midpoint goes to the bottom
    assert to_plate(turned, 0.3, 0.45) == pytest.approx((0.0, 1.0))
    a, b, c, d, _e, _f = transform(turned)
    assert a * d - b * c == pytest.approx(100.0)  # a similarity: scale 10 in each direction, no mirror


def test_sides_of_a_mirrored_and_of_a_one_sided_view():
    """A mirrored view names the side at x > 0 and its mirror image; a one-sided view only its own side."""
    mirrored = ViewSpec("m", "M", "M", "m", mirrored=True, positive_side="right")
    assert [mirrored.side_at(0.1), mirrored.side_at(-0.1), mirrored.side_at(0.0)] == ["right", "left", "mid"]
    assert mirrored.copies(True) == [("right", 1.0), ("left", -1.0)]
    one = ViewSpec("o", "O", "O", "o", mirrored=False, positive_side="left", x_axis="posterior")
    assert one.copies(True) == [("left", 1.0)] and one.sideways


# --- plates -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def content():
    from viewer.atlas.content import load_content

    return load_content(use_cache=False)


def _a_plate_with_a_parent_marker(content):
    """A plate of the bundled registry and a point whose marker on the parent lies inside it."""
    for name in REGISTRY.plates:
        spec = REGISTRY[name]
        for m in content.layout.markers[spec.parent]:
            if content.layout.markers_of(m.code, name) and not any(p.view == name for p in
                                                                   content.atlas.points[m.code].places):
                return spec, m
    raise AssertionError("no plate shows a marker of its parent")


def test_there_are_at_least_ten_views_and_every_plate_is_built(content):
    """The registry has >= 10 views; each plate is a view of the body model with its parent's landmarks."""
    assert len(content.body.views) >= 10
    for name in REGISTRY.plates:
        parent = content.body.view(REGISTRY[name].parent)
        assert set(parent.landmarks) <= set(content.body.view(name).landmarks)


def test_a_derived_marker_lands_where_the_plate_transform_puts_its_parent_marker(content):
    """The plate's marker of a point is its parent marker mapped by the plate's transform, and distances
    grow by the magnification (1 / crop height)."""
    spec, m = _a_plate_with_a_parent_marker(content)
    [derived] = [d for d in content.layout.markers_of(m.code, spec.name) if d.side == m.side and d.index == m.index]
    assert (derived.x, derived.y) == pytest.approx(to_plate(spec, m.x, m.y))
    parent = content.body.view(spec.parent)
    name, (lx, ly) = next(iter(parent.landmarks.items()))
    px, py = content.body.view(spec.name).landmark(name)
    if spec.mirrored or lx * m.x >= 0:  # the landmark of the same side as the marker
        assert math.dist((px, py), (derived.x, derived.y)) == pytest.approx(
            math.dist((lx, ly), (m.x, m.y)) / (spec.crop[3] - spec.crop[1]))


def test_every_marker_of_a_plate_lies_within_its_bounds(content):
    """No plate holds a marker outside its rectangle (derived ones are cut to it, own ones are checked)."""
    for name in REGISTRY.plates:
        x0, y0, x1, y1 = content.body.view(name).bounds
        for m in content.layout.markers[name]:
            assert x0 <= m.x <= x1 and y0 <= m.y <= y1, (name, m)


def _toy_layout(*places, bilateral=True):
    from viewer.atlas.model import Atlas, Needling, Point
    from viewer.atlas.placement import layout_points

    point = Point(code="P1", meridian="XX", pinyin="p", hanzi="h", english="e", region="hand", location="l",
                  needling=Needling("oblique", "0.5 cun"), places=tuple(places), bilateral=bilateral,
                  source="toy.toml")
    return layout_points(Atlas(points={"P1": point}), build_body())


def _hand_plate():
    return next(REGISTRY[n] for n in REGISTRY.plates if "hand" in REGISTRY[n].regions
                and not REGISTRY[n].mirrored and REGISTRY[REGISTRY[n].parent].mirrored)


def test_a_point_placed_on_a_plate_replaces_its_derived_marker_there():
    """With a placement of its own on the plate, the point has exactly that marker there, not the derived one."""
    from viewer.atlas.model import Placement

    spec = _hand_plate()
    body = build_body()
    landmarks = body.view(spec.name).landmarks
    inner = [n for n, (x, y) in landmarks.items() if inside(body.view(spec.name).bounds, x, y)]
    a, b = inner[0], inner[-1]
    derived_only = _toy_layout(Placement(spec.parent, at=a))
    [derived] = derived_only.markers_of("P1", spec.name)
    assert (derived.x, derived.y) == pytest.approx(landmarks[a])
    own = _toy_layout(Placement(spec.parent, at=a), Placement(spec.name, at=b))
    [marker] = own.markers_of("P1", spec.name)
    assert (marker.x, marker.y) == pytest.approx(landmarks[b]) and marker.side == spec.positive_side
    assert own.problems == []


def test_a_plate_placement_off_the_plate_is_named():
    """An own placement that lands outside the plate's rectangle is a Problem naming the point."""
    from viewer.atlas.model import Placement

    spec = _hand_plate()
    lay = _toy_layout(Placement(spec.name, xy=(0.9, 0.9)), bilateral=False)
    assert [(p.entry, p.field) for p in lay.problems] == [("P1", "place")]
    assert spec.name in lay.problems[0].message
