"""The placement engine turns landmarks + proportional cun into coordinates (on a toy body)."""
from __future__ import annotations

import math
from dataclasses import dataclass

import pytest

from viewer.atlas.model import Atlas, Needling, Placement, Point
from viewer.atlas.placement import layout_points, pair_of
from viewer.atlas.views import registry


@dataclass
class ToyView:
    name: str
    landmarks: dict
    scales: dict


@dataclass
class ToyBody:
    views: dict

    def view(self, name):
        return self.views[name]

    @property
    def registry(self):  # the toy views are declared as the bundled registry declares these names
        return registry()

    def spec(self, name):
        return registry()[name]


BODY = ToyBody({
    "front": ToyView("front", {"wrist": (0.2, 0.5), "elbow": (0.2, 0.38), "navel": (0.0, 0.4),
                               "xiphoid": (0.0, 0.3)}, {"chest": 0.01}),
    "back": ToyView("back", {"L2": (0.0, 0.42)}, {"back": 0.012}),
    "side": ToyView("side", {"ear": (0.01, 0.07)}, {"head": 0.01}),
})


def point(code, *places, bilateral=True, meridian="XX"):
    return Point(code=code, meridian=meridian, pinyin="p", hanzi="h", english="e", region="chest",
                 location="l", needling=Needling("oblique", "0.5 cun"), places=tuple(places),
                 bilateral=bilateral, source="toy.toml")


def layout(*points):
    atlas = Atlas(points={p.code: p for p in points})
    return layout_points(atlas, BODY)


def test_line_placement_is_the_stated_fraction_of_the_way():
    """2 cun of a 12-cun line lies 2/12 of the way from 'from' to 'to'."""
    lay = layout(point("PC6", Placement("front", start="wrist", end="elbow", cun=2, of=12)))
    x, y = lay.position("PC6", "front", "left")
    assert (x, y) == pytest.approx((0.2, 0.5 - 0.12 * 2 / 12))


def test_bilateral_points_are_mirrored_with_sides_named_per_view():
    """A bilateral point gets a left and a right marker, mirror images of each other."""
    lay = layout(point("BL23", Placement("back", at="L2", lateral=1.5, hscale="back")))
    right = lay.position("BL23", "back", "right")
    left = lay.position("BL23", "back", "left")
    assert right == pytest.approx((1.5 * 0.012, 0.42))  # back view: subject's right at x > 0
    assert left == pytest.approx((-right[0], right[1]))
    marker = lay.markers_of("BL23", "back")[0]
    assert pair_of(marker, lay).side != marker.side


def test_offsets_scale_with_the_named_cun():
    """3 cun lateral is twice as far from the midline as 1.5 cun lateral."""
    lay = layout(point("A", Placement("back", at="L2", lateral=1.5, hscale="back")),
                 point("B", Placement("back", at="L2", lateral=3, hscale="back")))
    assert lay.position("B", "back")[0] == pytest.approx(2 * lay.position("A", "back")[0])


def test_points_can_be_measured_from_other_points():
    """A placement may start from another point's computed position."""
    lay = layout(point("A", Placement("front", start="navel", end="xiphoid", cun=4, of=8), bilateral=False),
                 point("B", Placement("front", at="A", lateral=2, hscale="chest")))
    ax, ay = lay.position("A", "front")
    assert lay.position("B", "front", "left") == pytest.approx((ax + 0.02, ay))


def test_lateral_on_a_line_is_perpendicular_to_it():
    """On a slanted line the lateral offset is perpendicular and measured in the line's own cun."""
    body = ToyBody({"front": ToyView("front", {"a": (0.1, 0.5), "b": (0.2, 0.4)}, {})})
    atlas = Atlas(points={"P": point("P", Placement("front", start="a", end="b", cun=0, of=10, lateral=1))})
    lay = layout_points(atlas, body)
    x, y = lay.position("P", "front", "left")
    unit = math.hypot(0.1, 0.1) / 10
    assert math.hypot(x - 0.1, y - 0.5) == pytest.approx(unit)
    assert (x - 0.1) * 0.1 + (y - 0.5) * -0.1 == pytest.approx(0.0)  # perpendicular
    assert x > 0.1  # away from the midline


def test_unknown_landmark_is_reported_with_entry_and_field_and_marker_skipped():
    """A misspelt landmark names point and field; the point keeps its other markers."""
    lay = layout(point("A", Placement("front", at="navle"), Placement("back", at="L2"), bilateral=False))
    assert [m.view for m in lay.markers_of("A")] == ["back"]
    assert len(lay.problems) == 1
    assert lay.problems[0].entry == "A" and lay.problems[0].field == "place[0].at"
    assert "'navle' is neither a landmark of the front view nor a known point" in lay.problems[0].message


@pytest.mark.parametrize(("place", "field", "words"), [
    (Placement("front", start="wrist"), "place[0].from", "both 'from' and 'to'"),
    (Placement("front", start="wrist", end="elbow"), "place[0].frac", "'cun' and 'of'"),
    (Placement("front", start="wrist", end="elbow", frac=0.5, lateral=1), "place[0].hscale", "needed for offsets"),
])
def test_an_incomplete_line_is_reported_by_field_not_crashed_on(place, field, words):
    """A placement built without the loader's checks (half a line, no fraction, an offset without a
    scale) is reported with the missing field; the point's other markers stay."""
    lay = layout(point("A", place, Placement("back", at="L2"), bilateral=False))
    assert [m.view for m in lay.markers_of("A")] == ["back"]
    assert [(p.entry, p.field) for p in lay.problems] == [("A", field)]
    assert words in lay.problems[0].message


def test_circular_references_are_reported_not_recursed_forever():
    """Two points defined from each other give a clear error."""
    lay = layout(point("A", Placement("front", at="B")), point("B", Placement("front", at="A")))
    assert lay.problems and "circle" in lay.problems[0].message


def test_midline_point_off_the_midline_is_reported():
    """A non-bilateral point that does not land on x = 0 on front/back is a data error."""
    lay = layout(point("A", Placement("front", at="wrist"), bilateral=False))
    assert "off the midline" in lay.problems[0].message


def test_side_view_forward_moves_toward_the_face_and_hand_typed_points_are_counted():
    """forward on the side view is toward -x; xy placements are listed as manual."""
    lay = layout(point("A", Placement("side", at="ear", forward=1, hscale="head")),
                 point("B", Placement("side", xy=(0.0, 0.1))))
    assert lay.position("A", "side") == pytest.approx((0.0, 0.07))
    assert lay.manual == ["B (side)"]
    assert [m.side for m in lay.markers_of("A")] == ["left"]  # bilateral: near side only


def test_channel_lines_break_where_the_file_says_and_between_views(content):
    """BL40 -> BL41 is not joined (outer back line starts anew); BL10 -> BL11 is."""
    from viewer.atlas.pathways import pathway_runs

    runs = pathway_runs(content.atlas, content.layout, "BL", "back")
    pos = {code: content.layout.position(code, "back", "right") for code in ("BL10", "BL11", "BL40", "BL41")}

    def joined(a, b):
        return any(pos[a] in run and pos[b] in run and run.index(pos[b]) == run.index(pos[a]) + 1 for run in runs)

    assert joined("BL10", "BL11")
    assert not joined("BL40", "BL41")
    assert all(len(run) >= 2 for run in runs)
