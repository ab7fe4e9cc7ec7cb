"""The foot on its regional plates: the dorsum (from the front view) and the lateral ankle and foot (from the
side view).

Each test states a fact of the WHO Standard Acupuncture Point Locations (2008) or of surface anatomy as a
relation in the view's anatomical directions (read from the view registry's x_axis / y_axis, never from
coordinates), measured in proportional cun with the scale of that view where a distance is stated.
"""
from __future__ import annotations

import itertools

LEVEL = 0.15  # cun: "level with" / "straight below" allow this much


class Directions:
    """Anatomical offsets of one view: how far ``a`` lies anterior to / above ``b``, in model units."""

    def __init__(self, content, view: str):
        spec = content.body.spec(view)
        self.body = content.body.view(view)
        self.x_sign = {"anterior": 1, "posterior": -1}.get(spec.x_axis, 0)
        # a view from the front or back of one limb: +x is lateral when it points to the limb's own side
        self.lateral_sign = (1 if spec.x_axis == spec.positive_side else -1) if spec.x_axis in ("left", "right") else 0
        self.y_sign = {"inferior": -1, "superior": 1}.get(spec.y_axis, 0)
        self.content, self.view = content, view

    def at(self, name: str) -> tuple[float, float]:
        if name in self.body.landmarks:
            return self.body.landmarks[name]
        return self.content.layout.position(name, self.view)

    def anterior(self, a: str, b: str) -> float:
        """How far ``a`` lies in front of ``b`` (negative: behind)."""
        assert self.x_sign, f"the {self.view} view's x axis is not anterior/posterior"
        return (self.at(a)[0] - self.at(b)[0]) * self.x_sign

    def lateral(self, a: str, b: str) -> float:
        """How far ``a`` lies lateral to ``b`` (negative: medial), on a view of one limb from front or back."""
        assert self.lateral_sign, f"the {self.view} view's x axis is not left/right"
        return (self.at(a)[0] - self.at(b)[0]) * self.lateral_sign

    def above(self, a: str, b: str) -> float:
        return (self.at(a)[1] - self.at(b)[1]) * self.y_sign

    def cun(self, scale: str) -> float:
        return self.body.scales[scale]


def test_foot_plates_show_the_points_of_their_region(content):
    shown = {name: {m.code for m in content.layout.markers.get(name, [])}
             for name in ("foot_dorsal", "foot_lateral")}
    assert {f"ST{n}" for n in range(41, 46)} | {"LR1", "LR2", "LR3"} | {f"GB{n}" for n in range(41, 45)} \
        <= shown["foot_dorsal"]
    assert {f"BL{n}" for n in range(60, 68)} | {"GB40", "GB41", "GB42", "GB43", "GB44"} <= shown["foot_lateral"]
    assert not shown["foot_lateral"] & {"KI3", "SP5", "KI6"}


def test_lateral_ankle_points_around_the_lateral_malleolus(content):
    lat = Directions(content, "foot_lateral")
    unit = lat.cun("leg_lateral")
    # BL60 between the malleolus and the Achilles tendon, level with the prominence
    assert lat.anterior("lateral_malleolus", "BL60") > 0 and lat.anterior("BL60", "heel") > 0
    assert abs(lat.above("BL60", "lateral_malleolus")) / unit < 0.3
    # BL62 straight below it, GB40 in front of and below it
    assert lat.above("lateral_malleolus", "BL62") > 0 and abs(lat.anterior("BL62", "lateral_malleolus")) / unit < 0.3
    assert lat.anterior("GB40", "lateral_malleolus") > 0 and lat.above("lateral_malleolus", "GB40") > 0
    # along the lateral border of the foot to the little toe, in this order
    order = ["BL62", "BL63", "BL64", "BL65", "BL66", "BL67"]
    assert all(lat.anterior(b, a) > 0 for a, b in itertools.pairwise(order))
    assert lat.anterior("BL65", "metatarsal5_head") < 0 < lat.anterior("BL66", "metatarsal5_head")
    # GB41 - GB43 on the dorsum, above the lateral border
    for gb, bl in (("GB41", "BL64"), ("GB42", "BL65"), ("GB43", "BL66")):
        assert lat.above(gb, bl) > 0


def test_dorsum_of_the_foot_points_in_their_intermetatarsal_spaces(content):
    dor = Directions(content, "foot_dorsal")
    # ST41 at the middle of the ankle crease, between the malleoli
    assert dor.lateral("ST41", "medial_malleolus") > 0 and dor.lateral("lateral_malleolus", "ST41") > 0
    # distal to proximal along each ray: LR1 (toe) - LR2 (web) - LR3; ST45 - ST44 - ST43 - ST42
    for chain in (["LR1", "LR2", "LR3"], ["ST45", "ST44", "ST43", "ST42", "ST41"], ["GB44", "GB43", "GB42", "GB41"]):
        assert all(dor.above(b, a) > 0 for a, b in itertools.pairwise(chain)), chain
    # medial to lateral at the webs: LR2 (1st-2nd) - ST44 (2nd-3rd) - GB43 (4th-5th)
    assert dor.lateral("ST44", "LR2") > 0 and dor.lateral("GB43", "ST44") > 0
    # the spring points lie just proximal to their webs, not on them
    assert dor.above("ST44", "toe_web_2_3") > 0 and dor.above("LR2", "toe_web_1_2") > 0
