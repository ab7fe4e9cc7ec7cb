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
