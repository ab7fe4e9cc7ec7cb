"""The hands (palm on the front view, back of the hand on the back view) and the side view's raised arm
against the standard and against the proportions of a real hand.

Directions are taken from the figure itself, not from coordinates typed here: "radial" is the side of a
finger's axis the thumb lies on, "proximal" is toward the wrist crease along the hand's axis, "posterior"
on the side view is the side of the occiput away from the nose.
"""
from __future__ import annotations

import math

import pytest

from viewer.atlas.geometry import flatten, point_in_polygon

FINGERS = ("index", "middle", "ring", "little")


def lm(content, view, name):
    return content.body.view(view).landmark(name)


def marker(content, code, view):
    """The marker of a bilateral point on the side where the view stores its landmarks (x > 0)."""
    found = [(m.x, m.y) for m in content.layout.markers[view] if m.code == code and m.x > 0]
    assert len(found) == 1, f"{code} has {len(found)} markers at x > 0 on {view}"
    return found[0]


def along(a, b, p):
    """How far p lies along the line a -> b, as a share of its length (0 at a, 1 at b)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    return ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)


def side_of(a, b, p):
    """+1 or -1: the side of the line a -> b that p lies on."""
    return math.copysign(1.0, (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]))


def hand(view):
    """The names of the wrist-crease landmark and of the finger bases on this view of the hand."""
    return ("wrist_crease_mid", "{}_base_crease") if view == "front" else ("wrist_dorsal_mid", "{}_mcp")


def radial(content, view, finger):
    """The sign of the radial side (toward the thumb) of ``finger``'s axis (base -> tip)."""
    base = lm(content, view, hand(view)[1].format(finger))
    return side_of(base, lm(content, view, f"{finger}_tip"), lm(content, view, "thumb_tip"))


def test_fingers_are_true_to_the_palm(content):
    """The middle finger from its palmar base crease to its tip is about 0.8 of the palm's length (wrist
    crease to that crease), not the 0.6 of a mitten; index and ring reach past the middle finger's last
    joint, the little finger about to the ring finger's last joint."""
    wrist, base, tip = (lm(content, "front", k) for k in ("wrist_crease_mid", "middle_base_crease", "middle_tip"))
    assert 0.72 <= math.dist(base, tip) / math.dist(wrist, base) <= 0.9
    axis = (wrist, tip)
    middle_dip = along(*axis, lm(content, "front", "middle_dip_crease"))
    for finger in ("index", "ring"):
        assert along(*axis, lm(content, "front", f"{finger}_tip")) > middle_dip
    little = along(*axis, lm(content, "front", "little_tip"))
    assert abs(little - along(*axis, lm(content, "front", "ring_dip_crease"))) < 0.06


def test_the_thumb_leaves_the_hand_from_the_thenar_eminence(content):
    """The thumb's metacarpophalangeal crease lies proximal to PC8 (the thumb rises from the thenar
    eminence, not from the middle of the palm) and its tip distal to PC8, beside the finger bases."""
    axis = (lm(content, "front", "wrist_crease_mid"), lm(content, "front", "middle_tip"))
    pc8 = along(*axis, marker(content, "PC8", "front"))
    thumb_tip = along(*axis, lm(content, "front", "thumb_tip"))
    assert along(*axis, lm(content, "front", "thumb_mcp_crease")) < pc8 < thumb_tip
    assert thumb_tip > along(*axis, lm(content, "front", "index_base_crease"))


WELL_POINTS = [  # code, view, digit, corner of its nail
    ("LU11", "front", "thumb", "radial"),
    ("HT9", "front", "little", "radial"),
    ("LI1", "back", "index", "radial"),
    ("TE1", "back", "ring", "ulnar"),
    ("SI1", "back", "little", "ulnar"),
]


@pytest.mark.parametrize("code, view, digit, corner", WELL_POINTS)
def test_well_points_sit_at_the_named_corner_of_the_nail(content, code, view, digit, corner):
    """A well point lies at its nail corner: on that side of the digit's axis, level with the base of the
    nail (distal to the last joint, short of the tip)."""
    point = marker(content, code, view)
    tip = lm(content, view, f"{digit}_tip")
    if digit == "thumb":  # the thumb's radial side is the one away from the index finger
        base = lm(content, view, "thumb_mcp_crease" if view == "front" else "thumb_nail_ulnar")
        want = -side_of(base, tip, lm(content, view, "index_tip"))
    else:
        base = lm(content, view, hand(view)[1].format(digit))
        want = radial(content, view, digit)
    if corner == "ulnar":
        want = -want
    assert side_of(base, tip, point) == want, f"{code} is not on the {corner} side of the {digit}"
    assert 0.6 < along(base, tip, point) < 1.0
    palm = math.dist(lm(content, view, hand(view)[0]), lm(content, view, "middle_tip"))
    assert math.dist(point, lm(content, view, f"{digit}_nail_{corner}")) < 0.05 * palm


def test_ht9_and_si1_are_on_opposite_sides_of_the_little_finger(content):
    """HT9 on the radial side of the little finger (toward the ring finger), SI1 on its ulnar side."""
    for code, view, want in (("HT9", "front", 1), ("SI1", "back", -1)):
        base = lm(content, view, hand(view)[1].format("little"))
        assert side_of(base, lm(content, view, "little_tip"), marker(content, code, view)) == \
            want * radial(content, view, "little"), code


def test_pc9_at_the_tip_of_the_middle_finger_and_pc8_between_the_2nd_and_3rd_metacarpals(content):
    """PC9 at the centre of the middle fingertip; PC8 in the palm between the lines of the index and middle
    fingers, proximal to their bases; HT8 likewise between the ring and little fingers."""
    base, tip = lm(content, "front", "middle_base_crease"), lm(content, "front", "middle_tip")
    pc9 = marker(content, "PC9", "front")
    assert along(base, tip, pc9) > 0.95 and math.dist(pc9, tip) < 0.05 * math.dist(base, tip)
    for code, ulnar_finger, radial_finger in (("PC8", "middle", "index"), ("HT8", "little", "ring")):
        p = marker(content, code, "front")
        for finger, want in ((ulnar_finger, 1), (radial_finger, -1)):
            b, t = lm(content, "front", f"{finger}_base_crease"), lm(content, "front", f"{finger}_tip")
            assert side_of(b, t, p) == want * radial(content, "front", finger), (code, finger)
            assert along(b, t, p) < 0, (code, finger)


def test_li4_beside_the_middle_of_the_second_metacarpal(content):
    """LI4 on the back of the hand, radial to the middle of the 2nd metacarpal: about halfway from the
    wrist crease to the index knuckle, on the thumb's side of the line from the wrist to that knuckle."""
    wrist, knuckle = lm(content, "back", "wrist_dorsal_mid"), lm(content, "back", "index_mcp")
    li4 = marker(content, "LI4", "back")
    assert 0.35 <= along(wrist, knuckle, li4) <= 0.7
    thumb = lm(content, "back", "thumb_tip")
    assert side_of(wrist, knuckle, li4) == side_of(wrist, knuckle, thumb)  # radial of the 2nd metacarpal


# --- the side view's raised arm ------------------------------------------------------------------

ARM = ["LI5", "LI6", "LI7", "LI8", "LI9", "LI10", "LI11", "LI12", "LI13", "LI14",
       "TE4", "TE5", "TE6", "TE7", "TE8", "TE9", "TE10", "TE11", "TE12", "SI5", "SI6", "SI7", "SI8"]


def side_marker(content, code):
    found = [(m.x, m.y) for m in content.layout.markers["side"] if m.code == code]
    assert len(found) == 1, f"{code} has {len(found)} markers on the side view"
    return found[0]


def test_side_view_arm_carries_its_points_clear_of_the_head(content):
    """The raised arm is drawn beside the head, not behind it, and carries the yang channels of its back
    (the back of the forearm faces the viewer in full elevation): LI along the border toward the back of
    the body (the thumb side), TE down the middle, SI along the border toward the face; wrist above elbow
    above the deltoid insertion."""
    view = content.body.view("side")
    nose, occiput = view.landmark("nose_tip"), view.landmark("external_occipital_protuberance")
    skins = [flatten(p.commands, 16) for p in view.paths if p.role == "skin"]
    heads = [s for s in skins if point_in_polygon(s, *nose) and not point_in_polygon(s, *view.landmark("umbilicus"))]
    assert len(heads) == 1
    back = math.copysign(1.0, occiput[0] - nose[0])
    for code in ARM:
        p = side_marker(content, code)
        assert view.contains(*p), code
        assert not point_in_polygon(heads[0], *p), f"{code} is drawn under the head"
    assert (side_marker(content, "LI6")[0] - side_marker(content, "TE6")[0]) * back > 0
    assert (side_marker(content, "TE8")[0] - side_marker(content, "SI7")[0]) * back > 0
    for low, high in (("LI11", "LI5"), ("LI14", "LI11"), ("TE10", "TE4")):
        assert side_marker(content, high)[1] < side_marker(content, low)[1], (high, low)
