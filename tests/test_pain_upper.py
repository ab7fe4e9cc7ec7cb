"""'Where does it hurt?' for the upper limb, jaw and head, checked against the Trigger Point Manual's
patterns (Travell & Simons vol. 1): each test states a textbook fact about where a muscle refers pain."""
from __future__ import annotations

import pytest

from viewer.atlas.muscles import where_it_hurts

UPPER_FILES = ("muscles/head_face.toml", "muscles/neck_thorax.toml", "muscles/arm.toml", "muscles/forearm_hand.toml")


def _spot(content, view: str, landmark: str, lateral: float = 0.0, up: float = 0.0, scale: str = "forearm"):
    v = content.body.view(view)
    x, y = v.landmark(landmark)
    s = v.scales[scale] if (lateral or up) else 0.0
    return x + lateral * s, y - up * s


def _essential(content, view: str, spot) -> list[str]:
    return [h.muscle for h in where_it_hurts(content.muscles, view, *spot) if h.kind == "essential"]


@pytest.mark.parametrize("view", ["back", "front"])
def test_tennis_elbow_lists_supinator_and_radial_wrist_extensor(content, view):
    """Pain at the lateral epicondyle: supinator and extensor carpi radialis longus are essential sources
    (on the back and on the front view)."""
    essential = _essential(content, view, _spot(content, view, "lateral_epicondyle"))
    assert {"supinator", "extensor_carpi_radialis_longus"} <= set(essential)


def test_tennis_elbow_also_lists_triceps_and_anconeus_as_less_common_sources(content):
    """The deep triceps head and the anconeus refer to the lateral epicondyle (essential) but are less
    common sources there; the finger extensor and brachioradialis only spill over there. Common sources
    come first, and within each frequency essential zones before spillover."""
    hits = where_it_hurts(content.muscles, "back", *_spot(content, "back", "lateral_epicondyle"))
    kinds = {h.muscle: (h.kind, h.frequency) for h in hits}
    assert kinds["triceps_brachii"] == kinds["anconeus"] == ("essential", "less_common")
    assert kinds["extensor_digitorum"][0] == kinds["brachioradialis"][0] == "spillover"
    order = [(h.frequency != "common", h.kind != "essential") for h in hits]
    assert order == sorted(order)


def test_wrist_pain_points_to_the_matching_wrist_muscle(content):
    """Back of the wrist: extensor carpi radialis brevis; its ulnar side: extensor carpi ulnaris; ulnar side
    of the front of the wrist: flexor carpi ulnaris; middle of the front: flexor carpi radialis."""
    assert "extensor_carpi_radialis_brevis" in _essential(content, "back", _spot(content, "back", "wrist_dorsal_mid"))
    assert "extensor_carpi_ulnaris" in _essential(content, "back", _spot(content, "back", "wrist_dorsal_ulnar"))
    assert "flexor_carpi_ulnaris" in _essential(content, "front", _spot(content, "front", "wrist_crease_ulnar"))
    assert "flexor_carpi_radialis" in _essential(content, "front", _spot(content, "front", "wrist_crease_mid"))
    assert "extensor_carpi_ulnaris" not in _essential(content, "back", _spot(content, "back", "wrist_dorsal_radial"))


def test_thumb_base_pain_lists_brachialis_and_adductor_pollicis(content):
    """Pain at the base of the thumb on its back: brachialis and adductor pollicis; at the radial end of the
    front wrist crease: opponens pollicis."""
    back = _essential(content, "back", _spot(content, "back", "metacarpal2_mid", 0.3, 0.2))
    assert {"brachialis", "adductor_pollicis"} <= set(back)
    assert "opponens_pollicis" in _essential(content, "front", _spot(content, "front", "wrist_crease_radial"))
    assert "opponens_pollicis" in _essential(content, "front", _spot(content, "front", "thenar_mid"))


def test_thumb_web_pain_lists_supinator_and_brachioradialis(content):
    """The back of the thumb web (over the first dorsal interosseous) is an essential zone of supinator and
    brachioradialis, while the interosseous itself sends its pain along the index finger."""
    web = where_it_hurts(content.muscles, "back", *_spot(content, "back", "metacarpal2_mid"))
    kinds = {h.muscle: h.kind for h in web}
    assert kinds["supinator"] == kinds["brachioradialis"] == "essential"
    index = _spot(content, "back", "index_tip", -0.3, 1.5)
    assert "first_dorsal_interosseous" in _essential(content, "back", index)


def test_finger_flexors_refer_along_the_palm_side_of_the_fingers(content):
    """Palm side of the little finger: flexor digitorum profundus; of the thumb: flexor pollicis longus."""
    little = _spot(content, "front", "little_tip", -0.3, 1.0)
    assert "flexor_digitorum_profundus" in _essential(content, "front", little)
    thumb = _spot(content, "front", "thumb_tip", -0.3, 0.7)
    assert "flexor_pollicis_longus" in _essential(content, "front", thumb)


def test_jaw_joint_pain_lists_the_pterygoids(content):
    """Pain just in front of the ear at the jaw joint: the lateral pterygoid first of all, and the medial
    pterygoid, whose pain lies below and behind the joint."""
    joint = _spot(content, "side", "tragus", -0.8, 0.0, "head_side")
    essential = _essential(content, "side", joint)
    assert {"lateral_pterygoid", "medial_pterygoid"} <= set(essential)
    teeth = _spot(content, "side", "chin", 0.5, 1.3, "head_side")
    assert "digastric" in _essential(content, "side", teeth)


def test_cheek_and_behind_the_ear(content):
    """The upper cheek below the eye (maxillary region) is a lateral pterygoid zone on the front view; the
    hollow behind the earlobe (TE17) belongs to the posterior digastric."""
    cheek = _spot(content, "front", "infraorbital_margin", 0.5, -0.6, "forehead")
    assert "lateral_pterygoid" in _essential(content, "front", cheek)
    assert "digastric" in _essential(content, "side", content.layout.position("TE17", "side"))


def test_headache_patterns_of_the_head_muscles(content):
    """Forehead above the eyebrow: frontalis; over the eye ('behind the eye'): occipitalis; back of the
    head: occipitalis and semispinalis capitis; temple: temporalis region muscles, upper trapezius."""
    forehead = content.layout.position("GB14", "front", "left")
    assert "occipitofrontalis_frontal" in _essential(content, "front", forehead)
    eye = _spot(content, "front", "pupil", 0.0, 0.3, "forehead")
    assert "occipitofrontalis_occipital" in _essential(content, "front", eye)
    occiput = content.layout.position("GB19", "back", "right")
    assert {"occipitofrontalis_occipital", "semispinalis_capitis"} <= set(_essential(content, "back", occiput))
    temple = content.layout.position("EX-HN5", "side")
    assert "upper_trapezius" in _essential(content, "side", temple)


def test_chest_and_groin_patterns(content):
    """Over the sternum: sternalis; in the groin above the inguinal ligament: internal oblique/transversus."""
    assert "sternalis" in _essential(content, "front", _spot(content, "front", "sternum_ics3"))
    groin = _spot(content, "front", "inguinal_mid", -0.2, 0.0, "abdomen_lower")
    assert "internal_oblique_transversus" in _essential(content, "front", groin)


def test_upper_body_muscles_are_complete_and_deep_ones_marked(content):
    """The upper-body files bring at least 40 muscles and 60 trigger points, each naming its chapter of
    volume 1; the pterygoids, supinator and longus colli are drawn as deep muscles."""
    upper = [m for m in content.muscles.muscles.values() if m.file in UPPER_FILES]
    assert len(upper) >= 40
    assert sum(len(m.trigger_points) for m in upper) >= 60
    assert all(m.source.startswith("T&S vol. 1, ch. ") for m in upper)
    for muscle_id in ("lateral_pterygoid", "medial_pterygoid", "supinator", "longus_colli"):
        regions = content.muscles.regions_of(muscle_id)
        assert any(r.kind == "muscle" and r.deep for r in regions), muscle_id
    assert not any(r.deep for r in content.muscles.regions_of("brachioradialis"))
