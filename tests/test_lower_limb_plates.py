"""The lower limb on its own views: the medial view of the leg (an own projection) and its plate, and the
legibility of every lower-limb point on some view.

Each test states a fact of the WHO Standard Acupuncture Point Locations (2008) or of surface anatomy as a
relation in the view's anatomical directions (see tests/test_foot_plates.py), measured in proportional cun
with the view's scale where a distance is stated.
"""
from __future__ import annotations

import itertools
import math

import pytest

from tests.test_foot_plates import LEVEL, Directions

MEDIAL = "medial_leg"


@pytest.fixture(scope="module")
def med(content):
    return Directions(content, MEDIAL)


def test_medial_leg_is_a_view_of_the_left_leg_seen_from_inside(content):
    """One side only, anterior to the right: a medial view of the left leg."""
    spec = content.body.spec(MEDIAL)
    assert not spec.mirrored and spec.positive_side == "left" and spec.x_axis == "anterior"
    assert {m.side for m in content.layout.markers.get(MEDIAL, [])} == {"left"}


def test_medial_view_shows_the_medial_points_of_leg_ankle_and_foot(content):
    shown = {m.code for m in content.layout.markers.get(MEDIAL, [])}
    wanted = ({f"SP{n}" for n in range(1, 11)} | {f"KI{n}" for n in range(2, 11)}
              | {f"LR{n}" for n in range(4, 9)})
    assert wanted <= shown
    # the sole and the dorsum cannot be seen from the medial side
    assert not shown & {"KI1", "LR1", "LR2", "LR3", "ST41", "ST36"}


def test_ki3_in_the_hollow_between_malleolus_and_achilles_level_with_the_prominence(med):
    assert med.anterior("medial_malleolus", "KI3") > 0
    assert med.anterior("KI3", "achilles_front_at_malleolus") > 0
    assert abs(med.above("KI3", "medial_malleolus")) / med.cun("leg_medial") < LEVEL


def test_ki6_one_cun_below_the_malleolus_and_ki5_one_cun_below_ki3(med):
    unit = med.cun("leg_medial")
    assert med.above("medial_malleolus", "KI6") / unit == pytest.approx(1.0, abs=LEVEL)
    assert abs(med.anterior("KI6", "medial_malleolus")) / unit < LEVEL
    assert med.above("KI3", "KI5") / unit == pytest.approx(1.0, abs=LEVEL)
    assert abs(med.anterior("KI5", "KI3")) / unit < LEVEL
    # KI6 lies in front of KI5: below the malleolus, not below the hollow
    assert med.anterior("KI6", "KI5") > 0


def test_ki4_behind_and_below_ki3_in_front_of_the_achilles_attachment(med):
    assert med.anterior("KI3", "KI4") > 0 and med.above("KI3", "KI4") > 0
    assert med.anterior("KI4", "achilles_insertion") > 0 and med.above("KI4", "achilles_insertion") > 0
    # KI4 lies above KI5 (superior to the calcaneus, KI5 in front of its tuberosity)
    assert med.above("KI4", "KI5") > 0


def test_ki2_below_the_navicular_tuberosity(med):
    unit = med.cun("leg_medial")
    assert med.above("navicular_tuberosity", "KI2") > 0
    assert abs(med.anterior("KI2", "navicular_tuberosity")) / unit < 0.3
    assert med.above("navicular_tuberosity", "KI2") / unit < 1.0


def test_ki7_two_cun_above_the_malleolus_in_front_of_the_achilles_and_ki8_half_a_cun_in_front(med):
    unit = med.cun("leg_medial")
    assert med.above("KI7", "medial_malleolus") / unit == pytest.approx(2.0, abs=LEVEL)
    assert med.above("KI8", "medial_malleolus") / unit == pytest.approx(2.0, abs=LEVEL)
    assert med.anterior("KI8", "KI7") / unit == pytest.approx(0.5, abs=LEVEL)
    assert med.anterior("KI7", "achilles_front_at_malleolus") > 0
    # KI8 lies behind the tibia (whose medial surface carries the malleolus prominence)
    assert med.anterior("medial_malleolus", "KI8") > 0


def test_ki9_five_cun_above_the_malleolus_on_the_line_from_ki3_to_ki10(med):
    unit = med.cun("leg_medial")
    assert med.above("KI9", "medial_malleolus") / unit == pytest.approx(5.0, abs=0.4)
    # behind the tibial border line that SP6 and SP7 follow
    assert med.anterior("SP7", "KI9") > 0 and med.anterior("SP6", "KI9") > 0
    assert med.above("KI10", "KI9") > 0 and med.above("KI9", "KI7") > 0


def test_sp5_midway_between_navicular_tuberosity_and_malleolus(med):
    unit = med.cun("leg_medial")
    for axis in (med.anterior, med.above):
        a = axis("SP5", "navicular_tuberosity")
        b = axis("medial_malleolus", "SP5")
        assert a == pytest.approx(b, abs=0.1 * unit)
    assert med.anterior("SP5", "medial_malleolus") > 0 and med.above("medial_malleolus", "SP5") > 0


def test_sp6_three_cun_above_the_malleolus_behind_the_tibia_in_front_of_the_kidney_line(med):
    unit = med.cun("leg_medial")
    assert med.above("SP6", "medial_malleolus") / unit == pytest.approx(3.0, abs=LEVEL)
    assert med.anterior("medial_malleolus", "SP6") > 0
    assert med.anterior("SP6", "KI7") > 0
    assert med.above("SP7", "medial_malleolus") / unit == pytest.approx(6.0, abs=LEVEL)


def test_sp9_below_the_medial_condyle_sp8_three_cun_lower_lr7_one_cun_behind(med):
    unit = med.cun("leg_medial")
    assert med.above("SP9", "SP8") / unit == pytest.approx(3.0, abs=LEVEL)
    assert med.above("SP9", "medial_malleolus") / unit == pytest.approx(13.0, abs=LEVEL)
    assert med.anterior("SP9", "LR7") / unit == pytest.approx(1.0, abs=LEVEL)
    assert abs(med.above("LR7", "SP9")) / unit < LEVEL
    # the condyle lies above it and the knee crease above that
    assert med.above("LR8", "SP9") > 0 and med.above("KI10", "SP9") > 0


def test_lr8_in_front_of_ki10_at_the_medial_end_of_the_knee_crease(med):
    unit = med.cun("leg_medial")
    assert med.anterior("LR8", "KI10") > 0
    assert abs(med.above("LR8", "KI10")) / unit < 0.3


def test_lr4_in_front_of_the_malleolus_behind_the_tibialis_anterior_tendon(med):
    unit = med.cun("leg_medial")
    assert med.anterior("LR4", "medial_malleolus") > 0
    assert med.anterior("tibialis_anterior_tendon", "LR4") > 0
    assert abs(med.above("LR4", "medial_malleolus")) / unit < 0.5
    assert med.above("LR4", "SP5") > 0


def test_lr5_and_lr6_on_the_medial_surface_of_the_tibia_in_front_of_the_spleen_line(med):
    unit = med.cun("leg_medial")
    assert med.above("LR5", "medial_malleolus") / unit == pytest.approx(5.0, abs=LEVEL)
    assert med.above("LR6", "medial_malleolus") / unit == pytest.approx(7.0, abs=LEVEL)
    assert med.anterior("LR5", "SP7") > 0 and med.anterior("LR6", "SP7") > 0
    assert med.anterior("tibial_tuberosity", "LR6") > 0


def test_first_ray_spleen_points_along_the_red_white_border(med):
    """SP4 in front of and below the 1st metatarsal base, SP3 behind and SP2 in front of the 1st
    metatarsophalangeal joint, SP1 at the medial corner of the toenail; all on the medial border, in order."""
    assert med.anterior("SP4", "metatarsal1_base") > 0 and med.above("metatarsal1_base", "SP4") > 0
    assert med.anterior("metatarsal1_head", "SP3") > 0 and med.anterior("SP2", "metatarsal1_head") > 0
    assert med.above("metatarsal1_head", "SP3") > 0 and med.above("metatarsal1_head", "SP2") > 0
    order = ["KI2", "SP4", "SP3", "SP2", "SP1"]
    assert all(med.anterior(b, a) > 0 for a, b in itertools.pairwise(order))
    unit = med.cun("leg_medial")
    assert abs(med.anterior("SP1", "big_toe_nail_medial")) / unit < 0.2
    assert 0 < med.above("big_toe_nail_medial", "SP1") / unit < 0.3
    assert med.above("SP10", "KI10") > 0 and med.anterior("SP10", "LR8") > 0



# --- every point of the lower limb legible somewhere ----------------------------------------------

LOWER_LIMB = {"hip", "buttock", "thigh", "knee", "leg", "ankle", "foot"}


def _share(markers, code, x, y, height):
    others = [math.dist((x, y), (m.x, m.y)) for m in markers if m.code != code]
    return min(others, default=math.inf) / height


def test_every_lower_limb_point_is_legible_on_some_view(content):
    """Each WHO point of the lower limb lies at least 2 % of some view's height from every other point
    shown on that view (the acceptance measure of the regional plates)."""
    best: dict[str, float] = {}
    for name, markers in content.layout.markers.items():
        _x0, y0, _x1, y1 = content.body.view(name).bounds
        for m in markers:
            best[m.code] = max(best.get(m.code, 0.0), _share(markers, m.code, m.x, m.y, y1 - y0))
    lower = [code for code, point in content.atlas.points.items()
             if point.region in LOWER_LIMB and not code.startswith("EX")]
    assert len(lower) > 80
    crowded = sorted((round(best.get(code, 0.0), 4), code) for code in lower if best.get(code, 0.0) < 0.02)
    assert not crowded, crowded
