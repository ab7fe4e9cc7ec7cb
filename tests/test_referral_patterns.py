"""Referral zones against the textbook patterns (Travell & Simons), asked through 'where does it hurt?'."""
from __future__ import annotations

from viewer.atlas.muscles import where_it_hurts


def spot(content, view, a, b=None, t=0.5, below=0.0):
    """A landmark, or the point a fraction t of the way from landmark a to b; optionally lowered."""
    marks = content.body.view(view).landmarks
    (x1, y1) = marks[a]
    (x2, y2) = marks[b] if b else marks[a]
    return x1 + (x2 - x1) * t, y1 + (y2 - y1) * t + below


def kind_at(content, muscle, view, xy):
    """'essential', 'spillover' or None: how the muscle's pattern covers the spot."""
    return next((h.kind for h in where_it_hurts(content.muscles, view, *xy) if h.muscle == muscle), None)


def test_ql_essential_zone_covers_the_greater_trochanter(content):
    """Quadratus lumborum, superficial trigger points: pain over the greater trochanter and outer hip."""
    assert kind_at(content, "quadratus_lumborum", "back", spot(content, "back", "greater_trochanter")) == "essential"
    assert kind_at(content, "quadratus_lumborum", "side", spot(content, "side", "greater_trochanter")) == "essential"


def test_ql_lower_deep_trigger_point_refers_to_the_lower_buttock_as_essential(content):
    """The lower deep QL trigger point's main zone is the lower buttock, just above the gluteal fold."""
    lower_buttock = spot(content, "back", "gluteal_fold_mid", "psis", t=0.2)
    assert kind_at(content, "quadratus_lumborum", "back", lower_buttock) == "essential"


def test_ql_refers_along_the_iliac_crest_and_over_the_sacroiliac_joint(content):
    """The upper deep trigger point: the sacroiliac joint; the superficial ones: along the crest."""
    assert kind_at(content, "quadratus_lumborum", "back", spot(content, "back", "psis")) == "essential"
    assert kind_at(content, "quadratus_lumborum", "back", spot(content, "back", "iliac_crest_top")) == "essential"


def test_ql_spills_over_into_the_groin_and_lower_abdomen(content):
    """Pain from the QL may spread forward to the groin (front view)."""
    assert kind_at(content, "quadratus_lumborum", "front", spot(content, "front", "inguinal_mid")) == "spillover"


def test_gluteus_minimus_refers_to_the_buttock_in_both_patterns(content):
    """Both the front and the back part of gluteus minimus refer to the buttock (essential)."""
    buttock = spot(content, "back", "greater_trochanter", "gluteal_fold_mid", t=0.5)
    assert kind_at(content, "gluteus_minimus", "back", buttock) == "essential"
    lower_outer_buttock = spot(content, "side", "greater_trochanter", "psis", t=0.5, below=0.01)
    assert kind_at(content, "gluteus_minimus", "side", lower_outer_buttock) == "essential"


def test_gluteus_minimus_back_part_refers_to_the_back_of_the_thigh_and_calf(content):
    """The posterior pattern's essential zone runs down the back of the thigh and into the calf."""
    thigh = spot(content, "back", "gluteal_fold_mid", "popliteal_crease_mid")
    calf = spot(content, "back", "popliteal_crease_mid", "gastrocnemius_junction")
    assert kind_at(content, "gluteus_minimus", "back", thigh) == "essential"
    assert kind_at(content, "gluteus_minimus", "back", calf) == "essential"


def test_gluteus_minimus_front_part_refers_down_the_outer_thigh_and_leg(content):
    """The anterior pattern: the outer thigh and the outer leg (side view)."""
    thigh = spot(content, "side", "greater_trochanter", "knee_lateral")
    leg = spot(content, "side", "fibula_head", "lateral_malleolus", t=0.4)
    assert kind_at(content, "gluteus_minimus", "side", thigh) == "essential"
    assert kind_at(content, "gluteus_minimus", "side", leg) == "essential"


def test_iliocostalis_thoracis_t6_refers_to_the_lateral_chest_wall(content):
    """The mid-thoracic iliocostalis trigger point refers around to the side of the chest."""
    chest_wall = spot(content, "side", "axilla_apex", "rib11_free_end", t=0.4)
    assert kind_at(content, "iliocostalis_thoracis", "side", chest_wall) is not None


def test_lower_latissimus_refers_to_the_front_of_the_shoulder_and_the_flank(content):
    """The lower latissimus dorsi trigger point: front of the shoulder, and the flank above the crest."""
    front_shoulder = spot(content, "front", "coracoid", "anterior_axillary_fold")
    flank = spot(content, "side", "iliac_crest_top", "rib11_free_end", t=0.4)
    assert kind_at(content, "latissimus_dorsi", "front", front_shoulder) is not None
    assert kind_at(content, "latissimus_dorsi", "side", flank) is not None


def test_latissimus_main_zone_is_at_the_inferior_angle_of_the_scapula(content):
    """The common axillary trigger point: an ache at and around the inferior angle of the scapula."""
    angle = spot(content, "back", "scapula_inferior_angle")
    assert kind_at(content, "latissimus_dorsi", "back", angle) == "essential"


def test_supraspinatus_refers_to_the_mid_deltoid_and_the_lateral_epicondyle(content):
    """Supraspinatus: a deep ache over the middle deltoid that can settle on the lateral epicondyle."""
    mid_deltoid = spot(content, "back", "acromion", "deltoid_insertion", t=0.4)
    assert kind_at(content, "supraspinatus", "back", mid_deltoid) == "essential"
    assert kind_at(content, "supraspinatus", "back", spot(content, "back", "lateral_epicondyle")) == "essential"


def test_lowest_gluteus_maximus_trigger_point_refers_to_the_coccyx(content):
    """GMAX3, near the tip of the coccyx, makes the coccyx itself ache (essential), on either side."""
    x, y = spot(content, "back", "coccyx_tip")
    for dx in (0.003, -0.003):
        assert kind_at(content, "gluteus_maximus", "back", (x + dx, y)) == "essential"


def test_lowest_multifidi_refer_over_the_sacrum_to_the_coccyx(content):
    """The lowest multifidi send pain over the sacrum down to the coccyx."""
    assert kind_at(content, "multifidi", "back", spot(content, "back", "coccyx_tip")) is not None
    assert kind_at(content, "multifidi", "back", spot(content, "back", "sacral_foramen_3")) is not None
