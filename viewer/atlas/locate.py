"""How far a 'locate the point' click is from the point, in the local proportional cun along each axis.

A miss is measured with the scales that placed the point: a point found 3 cun down the line from the
navel to the pubis is judged in that line's cun (5 to the line) along it and in its own lateral cun
across it. Where the placement names no scale for an axis, the region's scale of that view is used;
on the front of the trunk the vertical runs on a ruler of the standard's bone cun (9 from the
suprasternal notch to the xiphisternal junction, 8 on to the navel, 5 on to the pubic symphysis), so a
miss that crosses the navel is counted with both abdominal scales. Qt-free.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from .i18n import N_, _, join
from .placement import Marker, PlacementError, Resolver
from .views import ViewSpec

UNMAPPED = 1.0 / 75.0  # soles and anything unmapped: about 2.3 cm per cun on a 170 cm figure

# The front trunk's vertical ruler: (landmark, bone cun from the suprasternal notch).
TRUNK_RULER = (("suprasternal_notch", 0.0), ("xiphisternal_junction", 9.0), ("umbilicus", 17.0),
               ("pubic_symphysis", 22.0))
TRUNK_REGIONS = ("chest", "abdomen")
NEGLIGIBLE = 0.05  # cun: smaller parts of a miss are not put into words


@dataclass(frozen=True)
class Miss:
    """A click's offset from the point: the part along each axis, in cun, and the words for it."""

    parts: tuple[tuple[float, str], ...]  # (cun, "too low") per axis, largest first

    @property
    def cun(self) -> float:
        return math.hypot(*(c for c, _direction in self.parts)) if self.parts else 0.0

    def words(self) -> str:
        said = [_(MISS_WORDS[w]).format(cun=f"{c:.1f}") for c, w in self.parts if c >= NEGLIGIBLE]
        return join(said) if said else _("right on the spot")


# The direction of a miss (the key kept in Miss.parts) -> the words shown, with the distance in cun.
MISS_WORDS = {
    "too low": N_("{cun} cun too low"),
    "too high": N_("{cun} cun too high"),
    "too far forward": N_("{cun} cun too far forward"),
    "too far back": N_("{cun} cun too far back"),
    "off the midline": N_("{cun} cun off the midline"),
    "too far out": N_("{cun} cun too far out"),
    "too far in": N_("{cun} cun too far in"),
}


def region_scale(content, code: str, view: str) -> float:
    """The one cun of the point's region on ``view`` (the fallback for an axis its placement leaves open)."""
    scales = content.body.view(view).scales
    spec = content.body.spec(view)
    name = spec.region_scales.get(content.atlas.points[code].region, spec.cun_scale)
    return scales.get(name, UNMAPPED)


def _trunk_cun(landmarks, y: float) -> float | None:
    """Bone cun below the suprasternal notch at height ``y`` on the front ruler; None off its ends."""
    marks = [(landmarks[name][1], cun) for name, cun in TRUNK_RULER]
    for (y0, c0), (y1, c1) in pairwise(marks):
        if y0 <= y <= y1:
            return c0 + (c1 - c0) * (y - y0) / (y1 - y0)
    return None


def _axes(content, code: str, marker: Marker):
    """Two vectors, one cun long each in model units: along the placement's line (or down) and across it."""
    view = content.body.view(marker.view)
    place = [p for p in content.atlas.points[code].places if p.view == marker.view][marker.index]
    fallback = region_scale(content, code, marker.view)
    resolver = Resolver(content.atlas, content.body)

    def scale(name):
        return view.scales.get(name, fallback) if name else fallback

    down, across = (0.0, 1.0), (1.0, 0.0)
    along_unit, across_unit = scale(place.vscale), scale(place.hscale)
    if place.start and place.end:
        try:
            (ax, ay), (bx, by) = (resolver.reference(view, place.start, "from"),
                                  resolver.reference(view, place.end, "to"))
        except PlacementError:
            ax = ay = bx = by = 0.0
        length = math.hypot(bx - ax, by - ay)
        if length:
            down = ((bx - ax) / length, (by - ay) / length)
            if down[1] < 0:
                down = (-down[0], -down[1])
            across = (down[1], -down[0])
            along_unit = length / place.of if place.of else fallback
            if not place.hscale and (place.lateral or place.forward) and place.of:
                across_unit = along_unit  # the engine measured this offset in the line's own cun
    if marker.x < 0 and content.body.spec(marker.view).mirrored:  # the mirror image of a bilateral point
        down, across = (-down[0], down[1]), (-across[0], across[1])
    return (down[0] * along_unit, down[1] * along_unit), (across[0] * across_unit, across[1] * across_unit)


def _word(spec: ViewSpec, target_x: float, dx: float, dy: float) -> str:
    """The words for a miss in the image direction (dx, dy) from a point at ``target_x``."""
    if abs(dy) >= abs(dx):
        return "too low" if dy > 0 else "too high"
    if spec.sideways:  # +x runs backwards (the face looks to the image's left) or forwards
        return "too far forward" if (dx > 0) == (spec.x_axis == "anterior") else "too far back"
    if abs(target_x) < 1e-9:
        return "off the midline"
    return "too far out" if (dx > 0) == (target_x > 0) else "too far in"


def measure_miss(content, code: str, marker: Marker, x: float, y: float) -> Miss:
    """The click (x, y) against ``marker`` of ``code``, in the local cun along each axis."""
    dx, dy = x - marker.x, y - marker.y
    (vx, vy), (hx, hy) = _axes(content, code, marker)
    det = vx * hy - vy * hx
    along = (dx * hy - dy * hx) / det
    side = (vx * dy - vy * dx) / det
    spec = content.body.spec(marker.view)
    parts = [(abs(along), _word(spec, marker.x, along * vx, along * vy)),
             (abs(side), _word(spec, marker.x, side * hx, side * hy))]
    view = content.body.view(marker.view)
    point = content.atlas.points[code]
    on_ruler = not spec.sideways and all(name in view.landmarks for name, _cun in TRUNK_RULER)
    if on_ruler and point.region in TRUNK_REGIONS and abs(vx) < 1e-9:
        start, end = _trunk_cun(view.landmarks, marker.y), _trunk_cun(view.landmarks, y)
        if start is not None and end is not None:
            parts[0] = (abs(end - start), parts[0][1])
    return Miss(tuple(sorted(parts, key=lambda p: -p[0])))
