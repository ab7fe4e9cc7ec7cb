"""Head, face, hand and sacrum plates, the vertex view and the side view's raised arm against the standard.

Each fact is stated in the view's own anatomical directions (its ``x_axis`` and ``y_axis`` in
assets/atlas/views.toml), measured on the plate a student reads it from, so a plate turned the wrong way
or a crop that cuts a point off fails here as surely as a misplaced point.
"""
from __future__ import annotations

import math
from itertools import pairwise

import pytest

from tests.test_hand_and_arm import WELL_POINTS as HAND_WELL_POINTS
from viewer.atlas.views import registry

OPPOSITE = {"left": "right", "right": "left", "anterior": "posterior", "posterior": "anterior",
            "medial": "lateral", "lateral": "medial", "superior": "inferior", "inferior": "superior"}


def toward(view: str, direction: str, a, b) -> float:
    """How far ``b`` lies from ``a`` in the anatomical ``direction`` on ``view`` (negative: the other way)."""
    spec = registry()[view]
    for axis, index in ((spec.x_axis, 0), (spec.y_axis, 1)):
        if direction == axis:
            return b[index] - a[index]
        if direction == OPPOSITE[axis]:
            return a[index] - b[index]
    raise AssertionError(f"{view} shows no {direction} direction")


def markers(content, code, view):
    return [(m.x, m.y) for m in content.layout.markers[view] if m.code == code]


def at(content, code, view):
    """The single marker of ``code`` on a one-sided view (a plate of one hand, the side view)."""
    found = markers(content, code, view)
    assert len(found) == 1, f"{code} has {len(found)} markers on {view}"
    return found[0]


def on_side(content, code, view, side):
    return content.layout.position(code, view, side)


def lm(content, view, name):
    return content.body.view(view).landmark(name)


def cun(content, view, scale, distance):
    return distance / content.body.view(view).scales[scale]


def lateral_of_hand(view: str) -> str:
    """The direction toward the thumb (radial) on a plate of one hand, in the view's axis words."""
    spec = registry()[view]
    return "lateral" if spec.x_axis in ("medial", "lateral") else spec.positive_side


# --- the hand ---------------------------------------------------------------------------------------

def test_fingers_are_true_to_the_palm_and_the_thumb_leaves_from_the_thenar_eminence(content):
    """The middle finger is about 0.8 of the palm's length (wrist crease to its base); the thumb's
    metacarpophalangeal crease lies proximal to PC8 and its tip distal to it, beside the finger bases."""
    v = "hand_palmar"
    wrist, base, tip = (lm(content, v, k) for k in ("wrist_crease_mid", "middle_base_crease", "middle_tip"))
    ratio = math.dist(base, tip) / math.dist(wrist, base)
    assert 0.72 <= ratio <= 0.9, ratio
    pc8 = at(content, "PC8", v)
    assert toward(v, "superior", pc8, lm(content, v, "thumb_mcp_crease")) > 0
    assert toward(v, "inferior", pc8, lm(content, v, "thumb_tip")) > 0
    assert toward(v, lateral_of_hand(v), lm(content, v, "index_base_crease"), lm(content, v, "thumb_tip")) > 0


PLATE_OF = {"front": "hand_palmar", "back": "hand_dorsal"}
WELL_POINTS = [(code, PLATE_OF[view], digit, corner) for code, view, digit, corner in HAND_WELL_POINTS]


@pytest.mark.parametrize("code, view, finger, side", WELL_POINTS)
def test_well_points_sit_at_the_corner_of_the_nail(content, code, view, finger, side):
    """A well point lies beside the named corner of its nail: on that side of the digit's tip, level with
    the base of the nail (distal to the last joint, proximal to the tip), within 0.1 hand-length of it."""
    point = at(content, code, view)
    tip = lm(content, view, f"{finger}_tip")
    corner = lm(content, view, f"{finger}_nail_{side}")
    radial = lateral_of_hand(view)
    want = radial if side == "radial" else OPPOSITE[radial]
    assert toward(view, want, tip, point) > 0, f"{code} is not on the {side} side of the {finger}"
    assert toward(view, "superior", tip, point) > 0  # proximal to the tip
    hand = math.dist(lm(content, view, "wrist_crease_mid" if view == "hand_palmar" else "wrist_dorsal_mid"),
                     lm(content, view, "middle_tip"))
    assert math.dist(point, corner) < 0.1 * hand


def test_ht9_and_si1_are_on_opposite_sides_of_the_little_finger(content):
    """HT9 on the radial side of the little finger (toward the ring finger), SI1 on its ulnar border."""
    for code, view, side in (("HT9", "hand_palmar", "radial"), ("SI1", "hand_dorsal", "ulnar")):
        radial = lateral_of_hand(view)
        want = radial if side == "radial" else OPPOSITE[radial]
        assert toward(view, want, lm(content, view, "little_tip"), at(content, code, view)) > 0, code


def test_pc9_is_at_the_tip_of_the_middle_finger(content):
    """PC9: the centre of the tip of the middle finger, beyond its distal crease."""
    v = "hand_palmar"
    pc9 = at(content, "PC9", v)
    assert toward(v, "inferior", lm(content, v, "middle_dip_crease"), pc9) > 0
    assert math.dist(pc9, lm(content, v, "middle_tip")) < 0.2 * math.dist(
        lm(content, v, "middle_dip_crease"), lm(content, v, "middle_tip"))


def test_pc8_lies_between_the_second_and_third_metacarpals_short_of_their_heads(content):
    """PC8 (and HT8 between the 4th and 5th) in the palm, proximal to the finger bases, between the lines
    of the two fingers whose metacarpals bound it."""
    v = "hand_palmar"
    radial = lateral_of_hand(v)
    for code, a, b in (("PC8", "middle", "index"), ("HT8", "little", "ring")):
        p = at(content, code, v)
        assert toward(v, radial, lm(content, v, f"{a}_base_crease"), p) > 0, code
        assert toward(v, radial, p, lm(content, v, f"{b}_base_crease")) > 0, code
        assert toward(v, "superior", lm(content, v, f"{a}_base_crease"), p) > 0, code


def test_li4_is_beside_the_middle_of_the_second_metacarpal(content):
    """LI4: on the back of the hand between the 1st and 2nd metacarpals, radial to the middle of the 2nd:
    about halfway from the wrist crease to the index knuckle, between the index and the thumb."""
    v = "hand_dorsal"
    li4 = at(content, "LI4", v)
    wrist, knuckle = lm(content, v, "wrist_dorsal_mid"), lm(content, v, "index_mcp")
    share = toward(v, "inferior", wrist, li4) / toward(v, "inferior", wrist, knuckle)
    assert 0.35 <= share <= 0.7, share
    radial = lateral_of_hand(v)
    assert toward(v, radial, knuckle, li4) > 0
    assert toward(v, radial, li4, lm(content, v, "thumb_tip")) > 0


# --- head and neck ------------------------------------------------------------------------------------

def test_gb20_and_gv16_under_the_occiput(content):
    """On the neck plate GV16 lies straight below the external occipital protuberance, GB20 level with it
    between the midline and the mastoid process (in the hollow between trapezius and sternocleidomastoid)."""
    v = "neck_occiput"
    bump = lm(content, v, "external_occipital_protuberance")
    gv16 = at(content, "GV16", v)
    assert toward(v, "inferior", bump, gv16) > 0
    assert cun(content, v, "mastoid", abs(gv16[0] - bump[0])) < 0.05
    for side in ("left", "right"):
        gb20 = on_side(content, "GB20", v, side)
        mastoid = lm(content, v, "mastoid")
        assert cun(content, v, "head_back", abs(gb20[1] - gv16[1])) < 0.1
        assert 0 < cun(content, v, "mastoid", abs(gb20[0] - gv16[0])) < cun(content, v, "mastoid", abs(mastoid[0]))


def test_gb12_is_behind_and_below_the_mastoid_process(content):
    """GB12: in the depression posterior-inferior to the mastoid process (head lateral plate)."""
    v = "head_lateral"
    gb12, mastoid = at(content, "GB12", v), lm(content, v, "mastoid")
    assert toward(v, "posterior", mastoid, gb12) > 0
    assert toward(v, "inferior", mastoid, gb12) > 0


def test_ear_apex_points_on_the_head_lateral_plate(content):
    """TE20 at the ear apex; GB8 straight above it, 1.5 cun higher; GV20 on the line through the apices."""
    v = "head_lateral"
    apex = lm(content, v, "ear_apex")
    assert cun(content, v, "head_side", math.dist(at(content, "TE20", v), apex)) <= 0.3
    gb8 = at(content, "GB8", v)
    assert cun(content, v, "head_side", toward(v, "superior", apex, gb8)) == pytest.approx(1.5, abs=0.3)
    assert cun(content, v, "head_side", abs(toward(v, "anterior", apex, gb8))) < 0.3
    assert cun(content, v, "head_side", abs(toward(v, "anterior", apex, at(content, "GV20", v)))) < 0.1


def test_vertex_view_gv20_and_sishencong(content):
    """From above: GV20 on the midline, level with the ear apices; the four Sishencong spots 1 cun
    anterior, posterior, left and right of it; the GV line runs GV24 .. GV18 from front to back."""
    v = "vertex"
    gv20 = at(content, "GV20", v)
    assert gv20[0] == pytest.approx(0.0, abs=1e-9)
    apex = lm(content, v, "ear_apex")
    assert cun(content, v, "head_top", abs(toward(v, "anterior", apex, gv20))) < 0.1
    spots = markers(content, "EX-HN1", v)
    assert len(spots) == 4
    for p in spots:
        assert cun(content, v, "head_top", math.dist(p, gv20)) == pytest.approx(1.0, abs=0.1)
    for direction in ("anterior", "posterior", "left", "right"):
        assert any(toward(v, direction, gv20, p) > 0.9 * math.dist(p, gv20) for p in spots), direction
    line = [at(content, code, v) for code in ("GV24", "GV23", "GV22", "GV21", "GV20", "GV19", "GV18")]
    assert all(toward(v, "posterior", a, b) > 0 for a, b in pairwise(line))


def test_vertex_view_bl_and_gb_lines(content):
    """BL5-BL8 run 1.5 cun and GB15-GB18 2.25 cun (the pupil line) from the midline, front to back."""
    v = "vertex"
    for codes, off in ((("BL5", "BL6", "BL7", "BL8"), 1.5), (("GB15", "GB16", "GB17", "GB18"), 2.25)):
        for side in ("left", "right"):
            pts = [on_side(content, c, v, side) for c in codes]
            for code, p in zip(codes, pts, strict=True):
                assert cun(content, v, "head_top", abs(p[0])) == pytest.approx(off, abs=0.1), code
            assert all(toward(v, "posterior", a, b) > 0 for a, b in pairwise(pts))
            assert all(toward(v, side, (0.0, p[1]), p) > 0 for p in pts)


# --- sacrum ---------------------------------------------------------------------------------------------

def test_bl31_to_bl34_in_the_sacral_foramina_in_order(content):
    """On the sacrum plate BL31-BL34 lie in the 1st-4th posterior sacral foramina, each below the last;
    GV1 lies below the tip of the coccyx, on the midline."""
    v = "sacrum"
    for side in ("left", "right"):
        prev = None
        for k in range(1, 5):
            p = on_side(content, f"BL3{k}", v, side)
            hole = lm(content, v, f"sacral_foramen_{k}")
            assert cun(content, v, "back", math.dist((abs(p[0]), p[1]), hole)) < 0.2
            if prev is not None:
                assert toward(v, "inferior", prev, p) > 0
            prev = p
    gv1, tip = at(content, "GV1", v), lm(content, v, "coccyx_tip")
    assert toward(v, "inferior", tip, gv1) > 0 and gv1[0] == pytest.approx(0.0, abs=1e-9)


# --- every point of a region on its plates --------------------------------------------------------------

MY_PLATES = ["hand_palmar", "hand_dorsal", "face", "head_lateral", "neck_occiput", "sacrum"]


@pytest.mark.parametrize("plate", MY_PLATES)
def test_each_point_of_the_region_appears_on_the_plate(content, plate):
    """Every point of the plate's region that is placed on the side of the body the plate shows has a
    marker on the plate: the crop cuts none off."""
    spec = registry()[plate]
    regions = set(spec.regions)
    assert regions
    sides = {m.side for m in content.layout.markers[plate]}
    want = {m.code for m in content.layout.markers[spec.parent]
            if content.atlas.points[m.code].region in regions
            and (spec.mirrored or m.side in sides or m.side == "mid")}
    have = {m.code for m in content.layout.markers[plate]}
    assert want - have == set()
