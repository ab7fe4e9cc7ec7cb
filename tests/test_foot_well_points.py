"""The well points of the foot sit at the corners of the toenails (front and side views).

Facts of the WHO standard: SP1 and LR1 at the medial and lateral corners of the big toe's nail, ST45, GB44
and BL67 at the lateral corners of the nails of the 2nd, 4th and 5th toes; the spring points just
proximal to the webs. Front view: y runs inferior (toward the toes), the subject's left foot is at x > 0
so +x is lateral there; side view: the toes point to -x (docs/body-model.md).
"""
from __future__ import annotations

import math

import pytest

NAIL_CORNER = 0.2  # cun: "at the corner" allows this much (the WHO point lies 0.1 F-cun from it)


def at(content, view, code):
    return content.layout.position(code, view, "left")


@pytest.mark.parametrize(("view", "scale", "wells"), [
    ("front", "leg_front", {"SP1": "big_toe_nail_medial", "LR1": "big_toe_nail_lateral",
                            "ST45": "toe2_nail_lateral", "GB44": "toe4_nail_lateral",
                            "BL67": "toe5_nail_lateral"}),
    ("side", "leg_lateral", {"GB44": "toe4_nail_lateral", "BL67": "toe5_nail_lateral"}),
])
def test_well_points_at_the_nail_corners(content, view, scale, wells):
    body = content.body.view(view)
    unit = body.scales[scale]
    for code, corner in wells.items():
        assert math.dist(at(content, view, code), body.landmark(corner)) / unit < NAIL_CORNER, code


def test_nail_corners_of_the_big_toe_and_the_lateral_toes(content):
    """On the dorsum: the big toe's lateral nail corner lies lateral to its medial one, both proximal to
    the toe's tip and distal to the web; the lateral corners step laterally from the 2nd to the 5th toe."""
    front = content.body.view("front")
    lm = front.landmark
    assert lm("big_toe_nail_lateral")[0] > lm("big_toe_nail_medial")[0]
    for corner in ("big_toe_nail_lateral", "big_toe_nail_medial"):
        assert lm("toe_web_1_2")[1] < lm(corner)[1] < lm("big_toe_tip")[1]
    xs = [lm(f"toe{n}_nail_lateral")[0] for n in (2, 4, 5)]
    assert xs == sorted(xs) and lm("toe2_nail_lateral")[0] > lm("big_toe_nail_lateral")[0]
    side = content.body.view("side")
    # in the side view the 4th toe's nail reaches further forward (toward -x) than the little toe's
    assert side.landmark("toe4_nail_lateral")[0] < side.landmark("toe5_nail_lateral")[0]
    assert side.landmark("toe5_nail_lateral")[1] < side.landmark("toe5_tip")[1]


def test_spring_points_just_proximal_to_their_webs_not_on_them(content):
    """ST44 and LR2 lie proximal to the web margins (Bafeng, EX-LE10, lies on the webs themselves), so no
    two points share a spot on the dorsum."""
    unit = content.body.view("front").scales["leg_front"]
    web = content.body.view("front").landmark
    for code, name in (("ST44", "toe_web_2_3"), ("LR2", "toe_web_1_2")):
        y = at(content, "front", code)[1]
        assert 0.05 < (web(name)[1] - y) / unit < 0.6, code
    bafeng = [(m.x, m.y) for m in content.layout.markers_of("EX-LE10", "front")]
    for code in ("ST44", "LR2", "GB43"):
        assert min(math.dist(at(content, "front", code), b) for b in bafeng) / unit > 0.1, code


def test_st35_also_on_the_side_view_below_the_patella(content):
    """The lateral knee eye (ST35) shows on the side view too, below the patella and in front of the
    fibular head, so it is not hidden under the identical outer Xiyan (EX-LE5) of the front view."""
    st35 = at(content, "side", "ST35")
    side = content.body.view("side")
    assert st35[1] > side.landmark("patella_centre")[1]
    assert st35[0] < side.landmark("fibula_head")[0]
    assert side.contains(*st35)
