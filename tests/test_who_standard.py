"""The figure against the WHO standard: relations between points and landmarks, measured in cun.

Each test states facts of the WHO Standard Acupuncture Point Locations (2008) as distances and levels in
proportional cun, and measures them on the placed figure with the scale of that region.
"""
from __future__ import annotations

import math

import pytest

from viewer.atlas.geometry import flatten

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


# --- sacrum --------------------------------------------------------------------------------------

def test_sacral_foramina_levels(content):
    """The 4th posterior sacral foramen (BL34) is level with the sacral hiatus (GV2), and BL30 and BL54
    share that level; the PSIS is level with the 2nd foramen (BL32, BL28, BL53); BL27-30 lie 1.5 cun and
    BL53/BL54 3 cun from the midline."""
    gv2 = at(content, "GV2", "back")
    for code in ("BL34", "BL30", "BL54"):
        assert cun_above(content, "back", "back", at(content, code, "back", "right"), gv2) == \
            pytest.approx(0.0, abs=LEVEL), code
    psis = landmark(content, "back", "psis")
    for code in ("BL32", "BL28", "BL53"):
        assert cun_above(content, "back", "back", at(content, code, "back", "right"), psis) == \
            pytest.approx(0.0, abs=LEVEL), code
    bl31 = at(content, "BL31", "back", "right")
    assert bl31[1] < psis[1] and abs(bl31[0]) < abs(psis[0])  # the 1st foramen: above and inside the PSIS
    for code, out in (("BL27", 1.5), ("BL28", 1.5), ("BL29", 1.5), ("BL30", 1.5), ("BL53", 3.0), ("BL54", 3.0)):
        assert abs(at(content, code, "back", "right")[0]) / scale(content, "back", "back") == \
            pytest.approx(out, abs=LEVEL), code


# --- front: knee, thigh, chest, mouth ---------------------------------------------------------

def test_lr8_is_level_with_the_popliteal_crease(content):
    """LR8 lies at the medial end of the popliteal crease: level with KI10 and BL40's crease, below the
    base of the patella, at the inner edge of the knee."""
    lr8 = at(content, "LR8", "front", "left")
    crease = landmark(content, "back", "popliteal_crease_medial")
    assert cun_above(content, "front", "leg_front", lr8, crease) == pytest.approx(0.0, abs=LEVEL)
    assert cun_above(content, "front", "thigh_medial", landmark(content, "front", "patella_base_medial"), lr8) > 1.0
    assert abs(lr8[0]) < abs(at(content, "SP9", "front", "left")[0])  # at the inner edge, inside SP9's line


def test_medial_thigh_is_18_cun_to_the_base_of_the_patella(content):
    """WHO: upper border of the pubic symphysis to the base of the patella is 18 cun; SP10 is 2 cun and
    LR9 4 cun above the base, LR10 3 cun and LR11 2 cun below the level of the symphysis."""
    base = landmark(content, "front", "patella_base_medial")
    pubis = landmark(content, "front", "pubic_symphysis")
    assert math.dist(pubis, base) / scale(content, "front", "thigh_medial") == pytest.approx(18.0, abs=LEVEL)
    assert cun_above(content, "front", "thigh_medial", at(content, "SP10", "front", "left"), base) == \
        pytest.approx(2.0, abs=LEVEL)
    assert cun_above(content, "front", "thigh_medial", at(content, "LR9", "front", "left"), base) == \
        pytest.approx(4.0, abs=LEVEL)
    for code, down in (("LR10", 3.0), ("LR11", 2.0)):
        assert cun_above(content, "front", "thigh_medial", pubis, at(content, code, "front", "left")) == \
            pytest.approx(down, abs=LEVEL), code


def test_lu2_and_cv21_are_one_cun_from_their_references(content):
    """The sternum is 9 cun from the suprasternal notch to the xiphisternal junction: CV21 lies 1 cun
    below CV22, LU2 1 cun above LU1 (6 cun lateral, level with the 1st intercostal space), ST13 level
    with LU2 under the clavicle."""
    notch = landmark(content, "front", "suprasternal_notch")
    xiphi = landmark(content, "front", "xiphisternal_junction")
    sternum = (xiphi[1] - notch[1]) / 9
    assert (at(content, "CV21", "front")[1] - at(content, "CV22", "front")[1]) / sternum == \
        pytest.approx(1.0, abs=LEVEL)
    lu1, lu2 = at(content, "LU1", "front", "left"), at(content, "LU2", "front", "left")
    assert (lu1[1] - lu2[1]) / sternum == pytest.approx(1.0, abs=LEVEL)
    assert lu1[1] == pytest.approx(at(content, "CV20", "front")[1])
    assert abs(lu2[0]) / scale(content, "front", "chest") == pytest.approx(6.0, abs=LEVEL)
    assert at(content, "ST13", "front", "left")[1] == pytest.approx(lu2[1])


def test_gv28_is_shown_inside_the_upper_lip(content):
    """GV28 is inside the mouth at the frenulum of the upper lip: not on the philtrum between GV26 and
    GV27, but on the drawn inset of the everted lip, which its text mentions."""
    gv26, gv27, gv28 = (at(content, code, "front") for code in ("GV26", "GV27", "GV28"))
    assert not (abs(gv28[0]) < 1e-6 and gv26[1] <= gv28[1] <= gv27[1])
    front = content.body.view("front")
    assert "upper_lip_frenulum" in front.insets and gv28 == front.landmark("upper_lip_frenulum")
    assert front.contains(*gv28)  # on the drawn lip, so a locate-the-point click there counts
    assert "inset" in content.atlas.points["GV28"].location
    assert not [p for p in content.layout.problems if p.entry == "GV28"]


def test_groin_levels_sp12_sp13_gb27(content):
    """SP12 lies level with the upper border of the pubic symphysis (CV2), 3.5 cun lateral, on the drawn
    inguinal crease; SP13 is 4.3 cun below the navel and 4 cun lateral; GB27 is level with CV4 (3 cun
    below the navel), just medial to the ASIS."""
    lower = scale(content, "front", "abdomen_lower")
    chest = scale(content, "front", "chest")
    navel = landmark(content, "front", "umbilicus")
    sp12, sp13 = at(content, "SP12", "front", "left"), at(content, "SP13", "front", "left")
    assert (sp12[1] - at(content, "CV2", "front")[1]) / lower == pytest.approx(0.0, abs=LEVEL)
    assert abs(sp12[0]) / chest == pytest.approx(3.5, abs=LEVEL)
    assert (sp13[1] - navel[1]) / lower == pytest.approx(4.3, abs=LEVEL)
    assert abs(sp13[0]) / chest == pytest.approx(4.0, abs=LEVEL)
    gb27 = at(content, "GB27", "front", "left")
    assert (gb27[1] - at(content, "CV4", "front")[1]) / lower == pytest.approx(0.0, abs=LEVEL)
    asis = landmark(content, "front", "asis")
    assert abs(gb27[0]) < asis[0] and abs(gb27[0] - asis[0]) / chest < 1.0
    front = content.body.view("front")
    nearest = min(math.dist(q, sp12) for p in front.paths if p.role == "crease" for q in flatten(p.commands, 24))
    assert nearest / chest < LEVEL, "SP12 is not on the drawn inguinal crease"
    side_gb27, side_cv4 = at(content, "GB27", "side"), at(content, "CV4", "side")
    assert (side_gb27[1] - side_cv4[1]) / lower == pytest.approx(0.0, abs=LEVEL)


def test_forehead_hairline_points_and_the_pupil_line(content):
    """EX-HN4 (middle of the eyebrow), GB14 (1 cun above it) and GB15 are straight above the pupil; BL4,
    GB15, GB13 and ST8 lie 1.5, 2.25, 3 and 4.5 cun from the midline, and with GV24 just inside the
    anterior hairline (0.5 cun of the 5 from the hairline to GV20, within 0.3)."""
    front = content.body.view("front")
    pupil = front.landmark("pupil")
    width = scale(content, "front", "head_width")
    for code in ("EX-HN4", "GB14", "GB15"):
        assert abs(at(content, code, "front", "left")[0] - pupil[0]) / width < LEVEL, code
    hairline = next(p for p in front.paths if p.role == "contour" and p.commands[0][1:] == (0.0, front.landmark(
        "anterior_hairline")[1]))
    line = flatten(hairline.commands, 40)
    scalp = scale(content, "front", "head_front")
    for code, out in (("GV24", 0.0), ("BL4", 1.5), ("GB15", 2.25), ("GB13", 3.0), ("ST8", 4.5)):
        x, y = at(content, code, "front", "left") if code != "GV24" else at(content, code, "front")
        assert abs(x) / width == pytest.approx(out, abs=LEVEL), code
        edge = min(line, key=lambda q: abs(q[0] - abs(x)))
        assert (edge[1] - y) / scalp == pytest.approx(0.5, abs=0.3), code
