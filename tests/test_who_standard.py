"""The figure against the WHO standard: relations between points and landmarks, measured in cun.

Each test states facts of the WHO Standard Acupuncture Point Locations (2008) as distances and levels in
proportional cun, and measures them on the placed figure with the scale of that region.
"""
from __future__ import annotations

import pytest

LEVEL = 0.1  # cun: "level with" allows this much


def at(content, code, view, side=None):
    return content.layout.position(code, view, side)


def landmark(content, view, name):
    return content.body.view(view).landmark(name)


def scale(content, view, name):
    return content.body.view(view).scales[name]


def cun_above(content, view, unit, a, b):
    """How many cun (of scale ``unit``) point/landmark ``a`` lies above ``b`` (both as (x, y))."""
    return (b[1] - a[1]) / scale(content, view, unit)


def cun_apart_x(content, view, unit, a, b):
    return abs(a[0] - b[0]) / scale(content, view, unit)


# --- back of the head and the nape (back view, 7 cun from the posterior hairline to GV20) -----------

def test_nape_spacing_of_gv15_gv16_and_gb20(content):
    """GV16 is 1 cun above the posterior hairline; GV15 0.5 cun below GV16 (above the hairline); GB20 and
    GV16 are level, BL10 and GV15 are level."""
    hairline = landmark(content, "back", "posterior_hairline")
    gv16, gv15 = at(content, "GV16", "back"), at(content, "GV15", "back")
    assert cun_above(content, "back", "head_back", gv16, hairline) == pytest.approx(1.0, abs=LEVEL)
    assert cun_above(content, "back", "head_back", gv16, gv15) == pytest.approx(0.5, abs=LEVEL)
    assert cun_above(content, "back", "head_back", gv15, hairline) == pytest.approx(0.5, abs=LEVEL)
    gb20 = at(content, "GB20", "back", "right")
    assert cun_above(content, "back", "head_back", gb20, gv16) == pytest.approx(0.0, abs=LEVEL)
    bl10 = at(content, "BL10", "back", "right")
    assert cun_above(content, "back", "head_back", bl10, gv15) == pytest.approx(0.0, abs=LEVEL)
    assert cun_apart_x(content, "back", "mastoid", bl10, gv15) == pytest.approx(1.3, abs=LEVEL)


def test_occiput_levels_gv17_bl9_gb19_and_the_gv_line_above(content):
    """GV17, BL9 and GB19 are level with the upper border of the external occipital protuberance, GB19
    straight above GB20; GV18, GV19 and GV20 follow at 1.5 cun steps (4, 5.5 and 7 cun above the hairline)."""
    gv17 = at(content, "GV17", "back")
    for code in ("BL9", "GB19"):
        assert cun_above(content, "back", "head_back", at(content, code, "back", "right"), gv17) == \
            pytest.approx(0.0, abs=LEVEL), code
    assert cun_apart_x(content, "back", "mastoid", at(content, "BL9", "back", "right"), gv17) == \
        pytest.approx(1.3, abs=LEVEL)
    assert at(content, "GB19", "back", "right")[0] == pytest.approx(at(content, "GB20", "back", "right")[0])
    top = landmark(content, "back", "occipital_protuberance_top")
    assert cun_above(content, "back", "head_back", gv17, top) == pytest.approx(0.0, abs=LEVEL)
    assert cun_above(content, "back", "head_back", gv17, at(content, "GV16", "back")) == pytest.approx(1.5, abs=LEVEL)
    below = gv17
    for code in ("GV18", "GV19", "GV20"):
        here = at(content, code, "back")
        assert cun_above(content, "back", "head_back", here, below) == pytest.approx(1.5, abs=LEVEL), code
        below = here
    # the protuberance itself lies between GV16 (under it) and GV17 (on top of it)
    bump = landmark(content, "back", "external_occipital_protuberance")
    assert gv17[1] < bump[1] < at(content, "GV16", "back")[1]


def test_side_view_occiput_agrees_with_the_back_view(content):
    """On the side view GV17, BL9 and GB19 are level too, and GB20 lies at the height the back view gives."""
    gv17 = at(content, "GV17", "side")
    for code in ("BL9", "GB19"):
        assert cun_above(content, "side", "head_side", at(content, code, "side"), gv17) == \
            pytest.approx(0.0, abs=LEVEL), code
    for code in ("GV17", "GB20"):
        assert at(content, code, "side")[1] == pytest.approx(at(content, code, "back", "mid" if code == "GV17"
                                                                 else "right")[1], abs=0.002), code


def test_gv20_lies_on_the_line_joining_the_ear_apices(content):
    """Side view: the ear apex (TE20 just above it) lies straight below GV20; GB8 is 1.5 cun above TE20's
    hairline level and GB7 1 finger-breadth (about 1 cun) in front of the apex, level with it."""
    gv20, te20 = at(content, "GV20", "side"), at(content, "TE20", "side")
    apex = landmark(content, "side", "ear_apex")
    assert cun_apart_x(content, "side", "head_side", apex, gv20) == pytest.approx(0.0, abs=LEVEL)
    assert cun_apart_x(content, "side", "head_side", te20, gv20) == pytest.approx(0.0, abs=LEVEL)
    assert cun_above(content, "side", "head_side", at(content, "GB8", "side"), te20) == pytest.approx(1.5, abs=0.3)
    gb7 = at(content, "GB7", "side")
    assert cun_above(content, "side", "head_side", gb7, apex) == pytest.approx(0.0, abs=LEVEL)
    assert gb7[0] < apex[0]  # in front of it (the face looks to the image's left)
