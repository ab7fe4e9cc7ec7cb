"""'Where does it hurt?' at the classic complaint sites of the Trigger Point Manual's pain guides
(Travell & Simons): headache sites, jaw, tennis elbow, wrist, thumb base, heel and sole. Each test states
the textbook's main sources for the spot; spots come from body landmarks and acupoints, never from zones."""
from __future__ import annotations

from viewer.atlas.muscles import where_it_hurts


def _at(content, view: str, landmark: str, forward: float = 0.0, up: float = 0.0, lateral: float = 0.0,
        scale: str = "head_side"):
    """A landmark moved by ``forward`` (side view: toward the face), ``lateral`` and ``up`` units of ``scale``."""
    v = content.body.view(view)
    x, y = v.landmark(landmark)
    s = v.scales[scale]
    return x - forward * s + lateral * s, y - up * s


def _between(content, view: str, a: str, b: str, t: float):
    ax, ay = content.body.view(view).landmark(a)
    bx, by = content.body.view(view).landmark(b)
    return ax + (bx - ax) * t, ay + (by - ay) * t


def _ranked(content, view: str, spot) -> list[str]:
    return [h.muscle for h in where_it_hurts(content.muscles, view, *spot)]


def test_vertex_headache_comes_from_sternocleidomastoid_and_splenius_capitis(content):
    """The crown of the head: the sternal division of SCM and splenius capitis refer there; the spot is
    answered both on the side view and on the back view, which show the top of the head."""
    side = _ranked(content, "side", _at(content, "side", "vertex", up=-1.2))
    back = _ranked(content, "back", _at(content, "back", "vertex", up=-1.2, lateral=1.0, scale="mastoid"))
    for ranked in (side, back):
        assert {"sternocleidomastoid", "splenius_capitis"} <= set(ranked[:3]), ranked


def test_heel_pad_seen_from_below_lists_soleus(content):
    """Soleus sends its pain to the back and the underside of the heel: the heel pad on the soles view
    lists it together with quadratus plantae, both as main (essential) sources."""
    heel = _between(content, "soles", "sole_heel", "sole_centre", 0.15)
    hits = {h.muscle: h.kind for h in where_it_hurts(content.muscles, "soles", *heel)}
    assert hits.get("soleus") == hits.get("quadratus_plantae") == "essential"


def _first(ranked: list[str], n: int) -> set[str]:
    return set(ranked[:n])


def test_tennis_elbow_lists_supinator_radial_wrist_extensor_and_brachioradialis_first(content):
    """Lateral epicondyle: the manual's guide names supinator, brachioradialis and extensor carpi radialis
    longus first; triceps, supraspinatus, the finger extensors and anconeus come after them."""
    ranked = _ranked(content, "back", content.body.view("back").landmark("lateral_epicondyle"))
    assert _first(ranked, 3) == {"supinator", "extensor_carpi_radialis_longus", "brachioradialis"}, ranked
    for later in ("triceps_brachii", "supraspinatus", "anconeus"):
        assert later in ranked[3:], ranked


def test_back_of_the_wrist_lists_the_radial_wrist_extensors(content):
    """Back of the wrist: extensor carpi radialis brevis among the first sources; its radial side also
    extensor carpi radialis longus."""
    mid = _ranked(content, "back", content.body.view("back").landmark("wrist_dorsal_mid"))
    assert "extensor_carpi_radialis_brevis" in _first(mid, 3), mid
    radial = _ranked(content, "back", _at(content, "back", "wrist_dorsal_radial", up=-0.5, scale="forearm"))
    assert "extensor_carpi_radialis_longus" in _first(radial, 3), radial


def test_front_of_the_wrist_lists_flexor_carpi_radialis_first(content):
    """Palm side of the wrist, middle: flexor carpi radialis is the first source."""
    ranked = _ranked(content, "front", content.body.view("front").landmark("wrist_crease_mid"))
    assert ranked[0] == "flexor_carpi_radialis", ranked


def test_thumb_base_lists_opponens_and_adductor_pollicis(content):
    """Base of the thumb on the palm side (radial end of the wrist crease, thenar eminence): opponens
    pollicis first, adductor pollicis with it over the thenar; infraspinatus, whose pain only sometimes
    reaches the hand, after them."""
    crease = _ranked(content, "front", content.body.view("front").landmark("wrist_crease_radial"))
    assert crease[0] == "opponens_pollicis", crease
    if "infraspinatus" in crease:
        assert crease.index("infraspinatus") > crease.index("opponens_pollicis")
    thenar = _ranked(content, "front", content.body.view("front").landmark("thenar_mid"))
    assert _first(thenar, 2) == {"opponens_pollicis", "adductor_pollicis"}, thenar


def test_heel_lists_soleus_quadratus_plantae_and_abductor_hallucis_before_tibialis_posterior(content):
    """Heel pain: soleus, quadratus plantae and (on the inner heel) abductor hallucis; tibialis posterior,
    whose pain only spills under the heel, comes last."""
    soles = content.body.view("soles")
    hx, hy = soles.landmark("sole_heel")
    inner_heel = (hx - 0.013, hy - 0.015)  # x < 0 of the heel line: the big-toe (inner) side of this foot
    ranked = _ranked(content, "soles", inner_heel)
    assert _first(ranked, 3) == {"abductor_hallucis", "quadratus_plantae", "soleus"}, ranked
    assert ranked[-1] == "tibialis_posterior", ranked


def test_ball_of_the_foot_lists_the_short_flexors_first(content):
    """Under the first metatarsal head: flexor hallucis brevis among the first; under the middle
    metatarsal heads: flexor digitorum brevis and adductor hallucis. Tibialis posterior follows them."""
    first_head = _between(content, "soles", "sole_big_toe_tip", "sole_heel", 0.3)
    ranked = _ranked(content, "soles", first_head)
    assert "flexor_hallucis_brevis" in _first(ranked, 2), ranked
    middle = _between(content, "soles", "sole_web_2_3", "sole_centre", 0.3)
    ranked = _ranked(content, "soles", middle)
    assert {"flexor_digitorum_brevis", "adductor_hallucis"} <= _first(ranked, 3), ranked
    assert ranked[-1] == "tibialis_posterior", ranked


def test_jaw_joint_lists_lateral_pterygoid_and_masseter(content):
    """Just in front of the ear (the jaw joint): lateral pterygoid and the deep masseter first."""
    ranked = _ranked(content, "side", _at(content, "side", "tragus", forward=0.8))
    assert {"lateral_pterygoid", "masseter"} <= _first(ranked, 3), ranked


def test_temple_lists_temporalis_upper_trapezius_and_sternocleidomastoid(content):
    """Temporal headache: upper trapezius, sternocleidomastoid and temporalis are its main sources."""
    ranked = _ranked(content, "side", content.layout.position("EX-HN5", "side"))
    assert _first(ranked, 3) == {"temporalis", "upper_trapezius", "sternocleidomastoid"}, ranked


def test_occiput_lists_trapezius_sternocleidomastoid_and_semispinalis_before_occipitalis(content):
    """Back of the head at the level of the occipital protuberance: upper trapezius, sternocleidomastoid,
    semispinalis capitis and the suboccipitals; occipitalis is a less common source there."""
    a = content.layout.position("GB19", "back", "right")
    b = content.layout.position("GB20", "back", "right")
    ranked = _ranked(content, "back", ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2))
    assert {"upper_trapezius", "sternocleidomastoid", "semispinalis_capitis"} <= _first(ranked, 4), ranked
    assert ranked.index("occipitofrontalis_occipital") > ranked.index("semispinalis_capitis")


def test_forehead_lists_sternocleidomastoid_and_frontalis(content):
    """Forehead above the eyebrow: the clavicular sternocleidomastoid and frontalis."""
    ranked = _ranked(content, "front", content.layout.position("GB14", "front", "left"))
    assert _first(ranked, 2) == {"sternocleidomastoid", "occipitofrontalis_frontal"}, ranked


def test_pain_behind_the_eye_lists_sternocleidomastoid_and_splenius_cervicis(content):
    """In and behind the eye: the sternal sternocleidomastoid and splenius cervicis, on the front view
    and on the side view; occipitalis only after them."""
    front = _ranked(content, "front", _at(content, "front", "pupil", up=0.3, scale="forehead"))
    assert _first(front, 2) == {"sternocleidomastoid", "splenius_cervicis"}, front
    side = _ranked(content, "side", _at(content, "side", "outer_canthus", forward=-0.4))
    assert {"sternocleidomastoid", "splenius_cervicis"} <= _first(side, 3), side


def test_eyebrow_lists_temporalis_with_the_sternocleidomastoid(content):
    """Over the eyebrow (front view): the anterior temporalis refers along the brow, with SCM."""
    ranked = _ranked(content, "front", _at(content, "front", "eyebrow_mid", up=0.2, scale="forehead"))
    assert {"temporalis", "sternocleidomastoid"} <= set(ranked), ranked


def test_every_answer_lists_common_sources_before_less_common_ones(content):
    """At each of the complaint sites above, no less common source is listed before a common one."""
    spots = [("back", content.body.view("back").landmark("lateral_epicondyle")),
             ("front", content.body.view("front").landmark("wrist_crease_radial")),
             ("soles", _between(content, "soles", "sole_heel", "sole_centre", 0.15)),
             ("front", _at(content, "front", "pupil", up=0.3, scale="forehead"))]
    for view, spot in spots:
        frequencies = [h.frequency for h in where_it_hurts(content.muscles, view, *spot)]
        assert "less_common" in frequencies, (view, frequencies)
        assert frequencies == sorted(frequencies, key=lambda f: f != "common"), (view, frequencies)
