"""'Where does it hurt?' in the pelvis, thigh, leg and foot: textbook referral facts (Travell & Simons vol. 2).

Spots are taken from body landmarks, never from the zone outlines, so a zone that drifts away from
the place the manual describes makes these tests fail.
"""
from __future__ import annotations

import pytest

from viewer.atlas.muscles import where_it_hurts


def _between(content, view, a, b, t):
    ax, ay = content.body.view(view).landmark(a)
    bx, by = content.body.view(view).landmark(b)
    return ax + (bx - ax) * t, ay + (by - ay) * t


def _sources(content, view, spot, kind=None):
    return {h.muscle for h in where_it_hurts(content.muscles, view, *spot) if kind in (None, h.kind)}


def test_heel_pain_comes_from_soleus_behind_and_quadratus_plantae_underneath(content):
    """The back of the heel is soleus's essential zone; the underside of the heel is quadratus plantae's."""
    back_of_heel = _between(content, "back", "heel", "achilles_lateral", 0.25)
    under_heel = _between(content, "soles", "sole_heel", "sole_centre", 0.2)
    assert "soleus" in _sources(content, "back", back_of_heel, "essential")
    assert "quadratus_plantae" in _sources(content, "soles", under_heel, "essential")
    # tibialis posterior sends spillover pain over the heel and the whole sole
    assert "tibialis_posterior" in _sources(content, "soles", under_heel, "spillover")


def test_pain_at_the_inner_heel_points_to_abductor_hallucis(content):
    """Abductor hallucis refers to the inner side of the heel (seen from behind and from below)."""
    inner_heel = _between(content, "back", "heel", "medial_malleolus", 0.55)
    assert "abductor_hallucis" in _sources(content, "back", inner_heel, "essential")


def test_ball_of_the_foot_lists_the_plantar_forefoot_muscles(content):
    """Under the middle metatarsal heads: flexor digitorum brevis, adductor hallucis and flexor digitorum longus."""
    ball = _between(content, "soles", "sole_web_2_3", "sole_centre", 0.3)
    assert {"flexor_digitorum_brevis", "adductor_hallucis", "flexor_digitorum_longus"} <= \
        _sources(content, "soles", ball, "essential")


def test_big_toe_pain_underneath_and_on_top(content):
    """Under the big toe: flexor hallucis longus (brevis spills over); on top: extensor hallucis longus."""
    pad = _between(content, "soles", "sole_big_toe_tip", "sole_centre", 0.12)
    assert "flexor_hallucis_longus" in _sources(content, "soles", pad, "essential")
    assert "flexor_hallucis_brevis" in _sources(content, "soles", pad)
    top = _between(content, "front", "big_toe_tip", "dorsum_1_2", 0.4)
    assert {"extensor_hallucis_longus", "tibialis_anterior"} <= _sources(content, "front", top, "essential")


def test_anterior_ankle_pain(content):
    """The front of the ankle: tibialis anterior essential, extensor hallucis longus spillover."""
    ankle = content.body.view("front").landmark("ankle_front")
    assert "tibialis_anterior" in _sources(content, "front", ankle, "essential")
    assert "extensor_hallucis_longus" in _sources(content, "front", ankle)


def test_medial_knee_pain_lists_sartorius_and_vastus_medialis(content):
    """Between the medial femoral epicondyle and the medial tibial condyle."""
    knee = _between(content, "front", "medial_epicondyle_femur", "tibia_medial_condyle", 0.5)
    assert {"sartorius", "vastus_medialis"} <= _sources(content, "front", knee, "essential")


def test_groin_pain_lists_pectineus_and_the_short_adductors(content):
    """Just below the inguinal ligament, between its midpoint and the pubic tubercle."""
    groin = _between(content, "front", "inguinal_mid", "pubic_tubercle", 0.5)
    assert {"pectineus", "adductor_longus_brevis"} <= _sources(content, "front", groin, "essential")


def test_inner_thigh_pain_lists_gracilis(content):
    """Gracilis gives a superficial pain along the inner thigh."""
    thigh = _between(content, "front", "pubic_tubercle", "medial_epicondyle_femur", 0.3)
    assert "gracilis" in _sources(content, "front", thigh, "essential")


def test_tailbone_pain_lists_the_pelvic_floor(content):
    """Coccygodynia: coccygeus, levator ani, obturator internus and the anal sphincter refer to the coccyx."""
    coccyx = _between(content, "back", "coccyx_tip", "sacral_hiatus", 0.3)
    assert {"coccygeus", "levator_ani", "obturator_internus", "sphincter_ani"} <= \
        _sources(content, "back", coccyx, "essential")


def test_perineal_pain_lists_bulbospongiosus(content):
    """Just in front of the perineum: bulbospongiosus essential; levator ani spills over toward it."""
    perineum = _between(content, "front", "perineum", "pubic_symphysis", 0.3)
    assert "bulbospongiosus" in _sources(content, "front", perineum, "essential")
    assert "levator_ani" in _sources(content, "front", perineum)


@pytest.mark.parametrize("muscle", [
    "abductor_hallucis", "flexor_digitorum_brevis", "abductor_digiti_minimi_pedis", "quadratus_plantae",
    "flexor_hallucis_brevis", "adductor_hallucis", "plantar_interossei_pedis",
])
def test_plantar_muscles_are_drawn_and_marked_on_the_soles(content, muscle):
    """A student looks for the muscles of the sole on the soles view: outline and trigger points are there."""
    muscles = content.muscles
    assert any(r.kind == "muscle" for r in muscles.regions_of(muscle, "soles"))
    for tp in muscles.muscles[muscle].trigger_points:
        assert tp.place.view == "soles", tp.id


def test_muscles_under_others_are_drawn_dashed_and_superficial_ones_solid(content):
    """Deep muscles (pelvic floor, short rotators, deep calf and sole layers) carry the dashed 'deep' outline."""
    muscles = content.muscles
    for muscle in ("obturator_internus", "levator_ani", "gemelli", "quadratus_femoris", "vastus_intermedius",
                   "tibialis_posterior", "flexor_hallucis_longus", "quadratus_plantae", "adductor_hallucis"):
        outlines = [r for r in muscles.regions_of(muscle) if r.kind == "muscle"]
        assert outlines and all(r.deep for r in outlines), muscle
    for muscle in ("sartorius", "gracilis", "abductor_hallucis", "flexor_digitorum_brevis"):
        assert not any(r.deep for r in muscles.regions_of(muscle) if r.kind == "muscle"), muscle


def test_new_lower_muscles_name_their_chapter(content):
    """Each muscle of the pelvis, thigh, leg and foot files names the chapter of the manual its pattern follows."""
    files = {"muscles/pelvis.toml", "muscles/thigh.toml", "muscles/leg.toml", "muscles/foot.toml"}
    lower = [m for m in content.muscles.muscles.values() if m.file in files]
    assert len(lower) >= 30
    assert all(m.source.startswith("T&S vol. 2, ch. ") for m in lower)
