"""Trigger-point atlas: loading, placement of shapes/zones, 'where does it hurt?' and correspondence."""
from __future__ import annotations

import math
import textwrap

import pytest

from viewer.atlas.body import build_body
from viewer.atlas.muscles import (
    correspondence_summary,
    correspondences,
    load_muscles,
    nearby_points,
    place_muscles,
    where_it_hurts,
)

TOY = """
[[muscle]]
id = "toy_ql"
name = "Toy quadratus"
latin = "musculus exemplaris"
region = "lower_back"
summary = "A test muscle beside the lumbar spine."
symptoms = "Aching over the sacrum."
palpation = "Press beside L3 with the patient lying on the side."
needling = "Aim toward the transverse processes."
safety = ["Kidney in front."]
safety_tags = ["organ"]

[[muscle.shape]]
view = "back"
outline = [
  { at = "L1", lateral = 1, hscale = "back" },
  { at = "L1", lateral = 3, hscale = "back" },
  { at = "L4", lateral = 3, hscale = "back" },
  { at = "L4", lateral = 1, hscale = "back" },
]

[[muscle.trigger_point]]
id = "TQ1"
name = "Beside L3"
place = { view = "back", at = "L3", lateral = 2, hscale = "back" }

[[muscle.zone]]
kind = "essential"
view = "back"
outline = [
  { at = "L5", lateral = 0.5, hscale = "back" },
  { at = "L5", lateral = 3, hscale = "back" },
  { at = "sacral_foramen_4", lateral = 2, hscale = "back" },
  { at = "sacral_foramen_4", lateral = 0.5, hscale = "back" },
]

[[muscle.zone]]
kind = "spillover"
view = "back"
outline = [
  { at = "L2", lateral = 4, hscale = "back" },
  { at = "L2", lateral = 6, hscale = "back" },
  { at = "L5", lateral = 6, hscale = "back" },
  { at = "L5", lateral = 4, hscale = "back" },
]
"""


@pytest.fixture()
def toy(tmp_path, content):
    folder = tmp_path / "muscles"
    folder.mkdir()
    (folder / "toy.toml").write_text(textwrap.dedent(TOY), encoding="utf-8")
    return place_muscles(load_muscles(folder), content.atlas, build_body())


def test_toy_muscle_loads_with_shape_zones_and_mirrored_trigger_points(toy):
    """One muscle, one trigger point drawn on both sides, outline + two zones per side."""
    assert list(toy.muscles) == ["toy_ql"] and toy.problems == []
    assert sorted(m.side for m in toy.markers["back"]) == ["left", "right"]
    kinds = sorted((r.kind, r.side) for r in toy.regions["back"])
    assert kinds == [("essential", "left"), ("essential", "right"), ("muscle", "left"), ("muscle", "right"),
                     ("spillover", "left"), ("spillover", "right")]


def test_where_it_hurts_lists_essential_before_spillover(toy, content):
    """A spot in the sacral zone finds the muscle's essential zone; a flank spot its spillover."""
    back = content.body.view("back")
    sx, sy = back.landmark("sacral_foramen_2")
    sacrum = (sx + 0.5 * back.scales["back"], sy)
    assert [(h.muscle, h.kind) for h in where_it_hurts(toy, "back", *sacrum)] == [("toy_ql", "essential")]
    flank = (back.landmark("L3")[0] - 5 * back.scales["back"], back.landmark("L3")[1])  # mirrored side
    assert [(h.muscle, h.kind) for h in where_it_hurts(toy, "back", *flank)] == [("toy_ql", "spillover")]
    assert where_it_hurts(toy, "back", 0.0, 0.05) == []


def test_nearby_acupoints_are_sorted_by_distance(content):
    """Around BL23 the nearest acupoint is BL23 itself, then its neighbours."""
    x, y = content.layout.position("BL23", "back", "right")
    near = nearby_points(content.layout, "back", x, y)
    assert near[0] == ("BL23", 0.0)
    assert [d for _, d in near] == sorted(d for _, d in near)
    assert "GV4" in [c for c, _ in near]


def test_correspondence_measures_distance_to_the_nearest_acupoint(toy, content):
    """TQ1 (2 cun lateral to L3) is 0.5 cun from the inner bladder line at most and counted."""
    items = correspondences(toy, content.layout, content.body)
    assert [c.trigger_point for c in items] == ["TQ1"]
    assert items[0].distance_cun <= 1.0
    summary = correspondence_summary(items)
    assert summary["trigger_points"] == 1 and summary["within_1_cun"] == 1


def test_bad_muscle_entry_names_file_entry_and_field(tmp_path, content):
    """A zone of unknown kind is reported and only that muscle is skipped."""
    folder = tmp_path / "muscles"
    folder.mkdir()
    (folder / "bad.toml").write_text(textwrap.dedent(TOY).replace('kind = "spillover"', 'kind = "sometimes"'),
                                     encoding="utf-8")
    catalog = load_muscles(folder)
    assert catalog.muscles == {}
    assert str(catalog.problems[0]).startswith("muscles/bad.toml: toy_ql.zone[1].kind: must be 'essential'")


def _twin(muscle_id: str, tp_id: str, tp_lateral: float, essential_extra: str = "") -> str:
    """The toy muscle under another id, its trigger point moved, extra keys on its essential zone."""
    text = textwrap.dedent(TOY).replace('"toy_ql"', f'"{muscle_id}"').replace('"TQ1"', f'"{tp_id}"')
    text = text.replace('place = { view = "back", at = "L3", lateral = 2,',
                        f'place = {{ view = "back", at = "L3", lateral = {tp_lateral},')
    return text.replace('kind = "essential"', 'kind = "essential"\n' + essential_extra)


def _load(tmp_path, content, text: str):
    folder = tmp_path / "muscles"
    folder.mkdir(exist_ok=True)
    (folder / "toy.toml").write_text(text, encoding="utf-8")
    return place_muscles(load_muscles(folder), content.atlas, build_body())


def test_textbook_source_frequency_and_depth_are_read(tmp_path, content):
    """A muscle names its chapter; a zone may name another and say it is a less common source;
    a deep shape is marked deep on the drawing."""
    text = _twin("toy_deep", "TD1", 2, 'frequency = "less_common"\nsource = "T&S vol. 2, ch. 4"\n')
    text = text.replace('region = "lower_back"', 'region = "lower_back"\nsource = "T&S vol. 1, ch. 48"')
    text = text.replace('[[muscle.shape]]\n', '[[muscle.shape]]\ndeep = true\n')
    catalog = _load(tmp_path, content, text)
    assert catalog.problems == []
    muscle = catalog.muscles["toy_deep"]
    assert muscle.source == "T&S vol. 1, ch. 48" and muscle.file == "muscles/toy.toml"
    kinds = {(r.kind, r.deep, r.frequency, r.source) for r in catalog.regions["back"]}
    assert kinds == {("muscle", True, "common", "T&S vol. 1, ch. 48"),
                     ("essential", False, "less_common", "T&S vol. 2, ch. 4"),
                     ("spillover", False, "common", "T&S vol. 1, ch. 48")}


@pytest.mark.parametrize("change, field, message", [
    (('region = "lower_back"', 'region = "lower_back"\nsource = "Travell p. 12"'), "source", "volume and chapter"),
    (('kind = "spillover"', 'kind = "spillover"\nfrequency = "rare"'), "zone[1].frequency", "'common' or"),
    (('[[muscle.shape]]\n', '[[muscle.shape]]\ndeep = "yes"\n'), "shape[0].deep", "true or false"),
    (('kind = "spillover"', 'kind = "spillover"\ndeep = true'), "zone[1].deep", "not a known field"),
])
def test_bad_source_frequency_or_depth_is_reported(tmp_path, content, change, field, message):
    """A malformed chapter, an unknown frequency or a non-boolean depth names file, muscle and field."""
    catalog = _load(tmp_path, content, textwrap.dedent(TOY).replace(*change))
    assert catalog.muscles == {}
    problem = str(catalog.problems[0])
    assert problem.startswith(f"muscles/toy.toml: toy_ql.{field}:") and message in problem, problem


def test_where_it_hurts_ranks_common_sources_before_less_common_then_nearer(tmp_path, content):
    """Essential zones come first; among them common sources before less common ones, and of two common
    sources the one whose trigger point lies nearer to the spot."""
    text = (_twin("far_common", "FC1", 6, "")
            + _twin("rare", "RR1", 1, 'frequency = "less_common"\n')
            + _twin("near_common", "NC1", 1, ""))
    catalog = _load(tmp_path, content, text)
    assert catalog.problems == []
    back = content.body.view("back")
    sx, sy = back.landmark("sacral_foramen_2")
    hits = where_it_hurts(catalog, "back", sx + 0.5 * back.scales["back"], sy)
    assert [(h.muscle, h.frequency) for h in hits] == [
        ("near_common", "common"), ("far_common", "common"), ("rare", "less_common")]


def test_a_common_source_ranks_before_a_less_common_one_even_if_that_zone_is_essential(tmp_path, content):
    """As in the manual's pain guides, how often a muscle causes pain at the spot comes first: a common
    source whose spillover reaches the spot is listed before a less common source whose essential zone
    covers it; between two common sources the essential zone wins."""
    swapped = (_twin("common_spill", "CS1", 2, "").replace('kind = "essential"', 'kind = "SWAP"')
               .replace('kind = "spillover"', 'kind = "essential"').replace('kind = "SWAP"', 'kind = "spillover"'))
    text = _twin("rare_main", "RM1", 2, 'frequency = "less_common"\n') + swapped + _twin("common_main", "CM1", 2, "")
    catalog = _load(tmp_path, content, text)
    assert catalog.problems == []
    back = content.body.view("back")
    sx, sy = back.landmark("sacral_foramen_2")
    hits = where_it_hurts(catalog, "back", sx + 0.5 * back.scales["back"], sy)
    assert [(h.muscle, h.kind, h.frequency) for h in hits] == [
        ("common_main", "essential", "common"), ("common_spill", "spillover", "common"),
        ("rare_main", "essential", "less_common")]


# --- the bundled trigger-point atlas ---------------------------------------------------------------

BACK_PAIN_MUSCLES = {"upper_trapezius", "middle_trapezius", "lower_trapezius", "levator_scapulae", "rhomboids",
                     "serratus_posterior_superior", "serratus_posterior_inferior", "infraspinatus",
                     "latissimus_dorsi", "iliocostalis_thoracis", "iliocostalis_lumborum", "longissimus_thoracis",
                     "multifidi", "quadratus_lumborum", "iliopsoas", "rectus_abdominis", "gluteus_maximus",
                     "gluteus_medius", "gluteus_minimus", "piriformis", "hamstrings", "tensor_fasciae_latae"}


def _segments_cross(a, b, c, d) -> bool:
    def orient(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0


def test_bundled_trigger_point_atlas_is_complete(content):
    """At least 50 muscles, the back-pain set among them, each with outline, trigger point and essential zone."""
    muscles = content.muscles
    assert [str(p) for p in muscles.problems] == []
    assert len(muscles.muscles) >= 50
    assert set(muscles.muscles) >= BACK_PAIN_MUSCLES
    for muscle in muscles.muscles.values():
        assert muscles.regions_of(muscle.id) and muscle.trigger_points, muscle.id
        assert any(r.kind == "essential" for r in muscles.regions_of(muscle.id)), muscle.id
        assert muscle.summary and muscle.palpation and muscle.needling and muscle.safety, muscle.id
        assert muscle.source.startswith("T&S vol. "), f"{muscle.id} names no textbook chapter"


def test_every_zone_and_trigger_point_lies_on_the_figure(content):
    """Trigger points are inside the skin; zone and outline curves stay inside it too."""
    muscles = content.muscles
    for view_name, markers in muscles.markers.items():
        view = content.body.view(view_name)
        for m in markers:
            assert view.contains(m.x, m.y), f"{m.code} on {view_name}"
    for view_name, regions in muscles.regions.items():
        view = content.body.view(view_name)
        for region in regions:
            outside = [p for p in region.polygon if not view.contains(*p)]
            assert outside == [], f"{region.muscle} {region.kind} on {view_name}"


def _distance_to_outline(polygon, x: float, y: float) -> float:
    best = math.inf
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        dx, dy = x2 - x1, y2 - y1
        t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy or 1.0)))
        best = min(best, math.hypot(x1 + t * dx - x, y1 + t * dy - y))
    return best


def test_every_trigger_point_sits_on_its_own_muscle(content):
    """A trigger point is drawn on the view where its muscle is outlined, inside that outline or within
    1 cm of its edge (a trigger point lies in the muscle's belly, never beside it); on the regional plates too."""
    from viewer.atlas.views import scale_of

    muscles = content.muscles
    for view, markers in muscles.markers.items():
        for marker in markers:
            muscle = muscles.trigger_points[marker.code].muscle
            outlines = [r for r in muscles.regions_of(muscle, view) if r.kind == "muscle"]
            assert outlines, f"{marker.code}: {muscle} has no outline on the {view} view"
            if not any(r.contains(marker.x, marker.y) for r in outlines):
                magnified = scale_of(content.body.spec(view))  # a plate's units are its figure's, magnified
                gap_cm = min(_distance_to_outline(list(r.polygon), marker.x, marker.y) for r in outlines) * 170 \
                    / magnified
                assert gap_cm < 1.0, f"{marker.code} lies {gap_cm:.1f} cm outside {muscle} on {view}"


def test_zone_polygons_are_valid(content):
    """Every drawn region is a simple polygon (no self-crossing) with real area."""
    for regions in content.muscles.regions.values():
        for region in regions:
            pts = region.polygon
            area = sum(pts[i][0] * pts[i - 1][1] - pts[i - 1][0] * pts[i][1] for i in range(len(pts))) / 2
            assert abs(area) > 1e-5, region.muscle
            segs = [(pts[i - 1], pts[i]) for i in range(len(pts))]
            for i, (a, b) in enumerate(segs):
                for c, d in segs[i + 2:len(segs) - (1 if i == 0 else 0)]:
                    crossing = f"{region.muscle} {region.kind} {region.view} crosses itself"
                    assert not _segments_cross(a, b, c, d), crossing


def test_lower_back_pain_points_to_quadratus_lumborum_and_gluteus_medius(content):
    """A spot over the posterior iliac spine lists QL and gluteus medius among the essential zones."""
    back = content.body.view("back")
    hits = where_it_hurts(content.muscles, "back", *back.landmark("psis"))
    essential = [h.muscle for h in hits if h.kind == "essential"]
    assert {"quadratus_lumborum", "gluteus_medius"} <= set(essential)
    kinds = [h.kind for h in hits]
    assert kinds == sorted(kinds, key=lambda k: k != "essential")


def test_temple_pain_points_to_upper_trapezius(content):
    """A spot at the temple (Taiyang on the side view) lists the upper trapezius."""
    x, y = content.layout.position("EX-HN5", "side")
    assert "upper_trapezius" in [h.muscle for h in where_it_hurts(content.muscles, "side", x, y)]


def test_correspondence_summary_of_the_bundled_atlas(content):
    """Every trigger point gets a nearest acupoint; the shares are real fractions."""
    items = correspondences(content.muscles, content.layout, content.body)
    assert len(items) >= len(content.muscles.trigger_points) - 5
    summary = correspondence_summary(items)
    assert 0.0 < summary["share_1_cun"] <= 1.0 and 0.0 < summary["share_2_cm"] <= 1.0


def test_brushed_area_collects_every_muscle_once_essential_first(toy, content):
    """Brushing from the sacrum to the flank lists the muscle once, with its best (essential) zone."""
    from viewer.atlas.muscles import where_it_hurts_area

    back = content.body.view("back")
    sx, sy = back.landmark("sacral_foramen_2")
    sacrum = (sx + 0.5 * back.scales["back"], sy)
    flank = (back.landmark("L3")[0] + 5 * back.scales["back"], back.landmark("L3")[1])
    hits = where_it_hurts_area(toy, "back", [flank, sacrum])
    assert [(h.muscle, h.kind) for h in hits] == [("toy_ql", "essential")]
    assert where_it_hurts_area(toy, "back", [(0.0, 0.05)]) == []
