"""The body model: drawing, landmarks and proportional-cun scales of every view.

Pure Python (stdlib only, no Qt).  See docs/body-model.md for the contract.

Units: the standing height of the figure.  y = 0 at the vertex, y = 1 at the soles,
x is the horizontal offset from the view's midline (positive to the image's right).

The front/back silhouette is authored once, as the x > 0 half, run through a
centripetal Catmull-Rom spline and closed with its mirror image, so the figure is
exactly symmetric.  Inner line work of paired structures is mirrored the same way.
Landmarks are the authored anchor points of the drawing (many detail strokes are
drawn *through* them), and every scale is computed from landmarks.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .drawing import Stroke
from .geometry import (
    Point,
    dist,
    ellipse,
    flatten,
    lerp,
    mirror,
    point_in_polygon,
    rounded_box,
    smooth_closed,
    smooth_open,
    x_at_y,
    y_at_x,
)

# ---------------------------------------------------------------------------
# Data classes
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class View:
    """One plate of the atlas: its drawing, named landmarks and cun scales."""

    name: str
    title: str
    paths: tuple[Stroke, ...]
    landmarks: dict[str, Point]
    scales: dict[str, float]
    bounds: tuple[float, float, float, float]
    # landmarks drawn on an inset beside the figure rather than where they lie -> the inset's box
    # (x0, y0, x1, y1); an inset is drawn on one side only, outside the mirror symmetry of the figure
    insets: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)

    @cached_property
    def _skin(self) -> tuple[tuple[tuple[float, float, float, float], tuple[Point, ...]], ...]:
        """The skin shapes as polygons with their bounding boxes. Derived, not a field: built on first use
        (also for a view read from the cache), never stored."""
        polys = []
        for p in self.paths:
            if p.role != "skin":
                continue
            poly = flatten(p.commands, 16)
            xs = [q[0] for q in poly]
            ys = [q[1] for q in poly]
            polys.append(((min(xs), min(ys), max(xs), max(ys)), tuple(poly)))
        return tuple(polys)

    def contains(self, x: float, y: float) -> bool:
        """True if (x, y) lies inside the union of the skin shapes (even-odd per shape)."""
        return any(x0 <= x <= x1 and y0 <= y <= y1 and point_in_polygon(poly, x, y)
                   for (x0, y0, x1, y1), poly in self._skin)

    def landmark(self, name: str) -> Point:
        """The named landmark; KeyError naming the view and the landmark if unknown."""
        try:
            return self.landmarks[name]
        except KeyError:
            raise KeyError(f"view {self.name!r} has no landmark {name!r}") from None


@dataclass(frozen=True)
class BodyModel:
    """All views of the figure, by name ("front", "back", "side", "soles")."""

    views: dict[str, View]

    def view(self, name: str) -> View:
        """The named view; KeyError with the list of views if unknown."""
        try:
            return self.views[name]
        except KeyError:
            raise KeyError(f"no view {name!r}; views are {sorted(self.views)}") from None


def _r(p: Point) -> Point:
    return (round(p[0], 6), round(p[1], 6))


class _Sheet:
    """Collects the paths and landmarks of one view while it is being built."""

    def __init__(self, mirrored: bool):
        self.mirrored = mirrored
        self.paths: list[Stroke] = []
        self.lm: dict[str, Point] = {}
        self.insets: dict[str, tuple[float, float, float, float]] = {}

    def add(self, role: str, commands, closed: bool = False, both: bool | None = None):
        both = self.mirrored if both is None else both
        self.paths.append(Stroke(role, tuple(commands), closed))
        if both:
            self.paths.append(Stroke(role, mirror(commands), closed))

    def line(self, role, pts, both=None):
        self.add(role, smooth_open(pts), False, both)

    def loop(self, role, pts, both=None):
        self.add(role, smooth_closed(pts), True, both)

    def ellipse(self, role, cx, cy, rx, ry, rot=0.0, both=None):
        self.add(role, ellipse(cx, cy, rx, ry, rot), True, both)

    def mark(self, name: str, p: Point):
        self.lm[name] = _r(p)


def _symmetric_outline(half: list) -> tuple:
    """Closed smooth outline from the x >= 0 half (first and last point on x = 0)."""
    other = [(-p[0], p[1]) + tuple(p[2:]) for p in reversed(half[1:-1])]
    return smooth_closed(half + other)


def _bounds(paths, landmarks, pad=0.004):
    xs, ys = [], []
    for p in paths:
        for q in flatten(p.commands, 8):
            xs.append(q[0])
            ys.append(q[1])
    for (x, y) in landmarks.values():
        xs += [x, -x]
        ys.append(y)
    return (round(min(xs) - pad, 6), round(min(ys) - pad, 6),
            round(max(xs) + pad, 6), round(max(ys) + pad, 6))


def _view(name, title, sheet: _Sheet, scale_defs) -> View:
    lm = dict(sheet.lm)
    scales = {}
    for key, (a, b, cun, across) in scale_defs.items():
        pa, pb = lm[a], lm[b]
        if across:  # between a bilateral landmark and its mirror image
            length = 2 * abs(pa[0])
        else:
            length = dist(pa, pb)
        scales[key] = round(length / cun, 7)
    return View(name, title, tuple(sheet.paths), lm, scales, _bounds(sheet.paths, lm), dict(sheet.insets))


# ---------------------------------------------------------------------------
# Front / back: shared geometry of the upper limb
# ---------------------------------------------------------------------------

# Axis of the hanging arm (about 12 deg of abduction, a little carrying angle).
_SHO = (0.106, 0.21)
_ELB = (0.1423, 0.375)
_WRI = (0.1773, 0.515)
_HAND_LEN = 0.1
_HAND_DIR = (0.196, 0.981)           # unit vector, wrist -> middle fingertip
_HAND_RAD = (0.981, -0.196)          # unit vector toward the radial (thumb) side


def _arm_c(y: float) -> float:
    """x of the arm axis at height y."""
    if y <= _ELB[1]:
        return _SHO[0] + (y - _SHO[1]) * (_ELB[0] - _SHO[0]) / (_ELB[1] - _SHO[1])
    return _ELB[0] + (y - _ELB[1]) * (_WRI[0] - _ELB[0]) / (_WRI[1] - _ELB[1])


def _fore_dir():
    dx, dy = _WRI[0] - _ELB[0], _WRI[1] - _ELB[1]
    n = math.hypot(dx, dy)
    return (dx / n, dy / n), (dy / n, -dx / n)   # along (distal), lateral


def _fa(t: float, s: float) -> Point:
    """Point on the forearm: t = fraction elbow->wrist along the axis, s = lateral offset."""
    (ax, ay), (lx, ly) = _fore_dir()
    L = dist(_ELB, _WRI)
    return (_ELB[0] + ax * L * t + lx * s, _ELB[1] + ay * L * t + ly * s)


def _hand(u: float, v: float) -> Point:
    """Hand frame: u along the hand (0 wrist crease, 1 middle fingertip), v toward the thumb.
    Both in hand lengths."""
    return (_WRI[0] + _HAND_LEN * (u * _HAND_DIR[0] + v * _HAND_RAD[0]),
            _WRI[1] + _HAND_LEN * (u * _HAND_DIR[1] + v * _HAND_RAD[1]))


# lateral / medial half widths of the arm at given heights
_ARM_LAT = [(0.24, 0.0195), (0.265, 0.0205), (0.29, 0.0195), (0.315, 0.019), (0.34, 0.0195),
            (0.36, 0.0205), (0.385, 0.0225), (0.405, 0.0245), (0.43, 0.0225), (0.46, 0.0195),
            (0.49, 0.0172), (0.505, 0.0163)]
_ARM_MED = [(0.488, 0.0152), (0.46, 0.0172), (0.43, 0.019), (0.405, 0.0205), (0.385, 0.021),
            (0.368, 0.0222), (0.35, 0.0205), (0.325, 0.021), (0.3, 0.0218), (0.275, 0.0215),
            (0.262, 0.0205)]

# Hand outline in (u, v) hand units, from the radial side of the wrist around the
# thumb and the fingertips to the ulnar side of the wrist.
_HAND_OUT = [
    (0.0, 0.158), (0.07, 0.192), (0.15, 0.232), (0.24, 0.27), (0.33, 0.304),
    (0.42, 0.333), (0.49, 0.35), (0.56, 0.36), (0.62, 0.36), (0.658, 0.349),
    (0.676, 0.328), (0.668, 0.306), (0.636, 0.29), (0.58, 0.272), (0.525, 0.25),
    (0.482, 0.228, 1),                                          # web of the thumb
    (0.53, 0.208), (0.6, 0.2), (0.7, 0.192), (0.79, 0.182), (0.86, 0.17),
    (0.905, 0.157), (0.929, 0.136), (0.931, 0.114), (0.918, 0.097), (0.888, 0.088),
    (0.842, 0.09, 1),                                           # index | middle
    (0.885, 0.082), (0.935, 0.077), (0.972, 0.067), (0.993, 0.048), (0.997, 0.026),
    (0.988, 0.006), (0.966, -0.006), (0.93, -0.01),
    (0.862, -0.006, 1),                                         # middle | ring
    (0.905, -0.016), (0.937, -0.026), (0.957, -0.042), (0.961, -0.062), (0.95, -0.081),
    (0.926, -0.093), (0.89, -0.098),
    (0.805, -0.097, 1),                                         # ring | little
    (0.835, -0.109), (0.855, -0.124), (0.864, -0.143), (0.856, -0.162), (0.834, -0.176),
    (0.795, -0.185), (0.735, -0.192), (0.66, -0.199), (0.56, -0.206), (0.44, -0.213),
    (0.3, -0.206), (0.16, -0.183), (0.0, -0.155),
]

# finger separations: (web u, v) -> (notch u, v) where the fingers part
_FINGER_SEPS = [((0.585, 0.1), (0.842, 0.09)), ((0.605, -0.003), (0.862, -0.006)),
                ((0.585, -0.096), (0.805, -0.097))]
# fingers: (base centre u, v), (tip u, v), half width -- used for the joint creases and nails
_FINGERS = [((0.6, 0.148), (0.931, 0.125), 0.042), ((0.62, 0.048), (0.997, 0.035), 0.044),
            ((0.6, -0.05), (0.961, -0.054), 0.041), ((0.57, -0.146), (0.864, -0.142), 0.036)]
_TIPS = {"index_tip": (0.915, 0.126), "middle_tip": (0.982, 0.036), "ring_tip": (0.946, -0.054),
         "little_tip": (0.85, -0.142), "thumb_tip": (0.655, 0.328)}


def _arm_outline_lateral() -> list:
    return [(_arm_c(y) + w, y) for (y, w) in _ARM_LAT]


def _arm_outline_medial() -> list:
    return [(_arm_c(y) - w, y) for (y, w) in _ARM_MED]


# ---------------------------------------------------------------------------
# Front / back: the silhouette half (x > 0)
# ---------------------------------------------------------------------------

_HEAD_HALF = [
    (0.0, 0.0), (0.019, 0.0027), (0.033, 0.0105), (0.0425, 0.0225), (0.0468, 0.036),
    (0.0475, 0.049), (0.0488, 0.0545, 1),                       # ear attachment (top)
    (0.0528, 0.0555), (0.0553, 0.0615), (0.0556, 0.0715), (0.0538, 0.0815),
    (0.0506, 0.0895), (0.0478, 0.0935), (0.0462, 0.0945, 1),    # ear lobe
    (0.0446, 0.1), (0.0418, 0.1055), (0.0385, 0.1098), (0.0345, 0.1142),
    (0.0315, 0.1185, 1),                                        # jaw meets neck
    (0.0305, 0.128), (0.0308, 0.14), (0.0322, 0.151), (0.0365, 0.1595),
    (0.047, 0.1655), (0.062, 0.1705), (0.078, 0.1755), (0.093, 0.181),
    (0.1055, 0.1865), (0.1155, 0.1925), (0.1235, 0.2005), (0.1288, 0.211),
    (0.1312, 0.2245),
]

_TRUNK_HALF = [
    (0.0925, 0.2525, 1),                                         # axilla
    (0.0912, 0.265), (0.0895, 0.282), (0.0868, 0.3), (0.0828, 0.318), (0.0785, 0.337),
    (0.0752, 0.356), (0.0745, 0.372), (0.0756, 0.388), (0.0787, 0.405), (0.0836, 0.423),
    (0.0892, 0.443), (0.0936, 0.463), (0.0965, 0.483), (0.0978, 0.503), (0.0972, 0.523),
    (0.0955, 0.545), (0.0928, 0.575), (0.0893, 0.607), (0.0852, 0.638), (0.0806, 0.666),
    (0.0765, 0.69), (0.0738, 0.71), (0.0732, 0.728), (0.0742, 0.748), (0.0762, 0.77),
    (0.0772, 0.792), (0.0762, 0.816), (0.0728, 0.845), (0.0685, 0.876), (0.0648, 0.905),
    (0.0628, 0.93), (0.0636, 0.945), (0.0662, 0.956),            # lateral malleolus
]

_LEG_MEDIAL_HALF = [
    (0.0247, 0.9485),                                            # medial malleolus
    (0.0248, 0.938), (0.0258, 0.92), (0.0255, 0.9), (0.0238, 0.875),
    (0.0208, 0.845), (0.0178, 0.815), (0.0168, 0.79), (0.0182, 0.765), (0.0205, 0.745),
    (0.0212, 0.728), (0.0198, 0.712), (0.0178, 0.695), (0.0172, 0.675), (0.0168, 0.65),
    (0.0148, 0.62), (0.0118, 0.59), (0.0082, 0.562), (0.0048, 0.542), (0.0021, 0.526),
    (0.0, 0.5145),
]

# foot seen from the front (a little from above), turned out.  The toes are authored
# as rounded lobes: (tip x, tip y, half width, depth of the tip curve in half widths,
# tilt toward +x in degrees).  Neighbouring lobes touch; between them the outline dips
# into a narrow cleft, from which a crease runs up to the toe web.
_TOES_FRONT = [
    (0.0436, 1.0014, 0.0089, 0.8, 5.0),       # big toe: broad, blunt tip
    (0.0574, 1.0004, 0.0044, 0.95, 10.0),
    (0.0657, 0.9990, 0.0040, 0.95, 14.0),
    (0.0736, 0.9970, 0.0037, 0.95, 19.0),
    (0.0811, 0.9945, 0.0033, 0.95, 25.0),     # little toe
]
# webs between the toes (where the separation creases end); web 3|4 lies halfway
# between webs 2|3 and 4|5 (Bafeng is placed there)
_TOE_WEBS = [(0.0522, 0.9893), (0.0610, 0.9882), (0.0689, 0.98655), (0.0768, 0.9849)]


def _toe_frame(i):
    tx, ty, h, depth, deg = _TOES_FRONT[i]
    a = math.radians(deg)
    d = (math.sin(a), math.cos(a))            # distal (down the image, tilted out)
    p = (math.cos(a), -math.sin(a))           # across the toe, toward +x
    c = (tx - d[0] * h * depth, ty - d[1] * h * depth)   # centre of the tip curve

    def at(along, across):
        """along: + distal from the tip centre (in half widths); across: + toward +x."""
        return (c[0] + (d[0] * along + p[0] * across) * h,
                c[1] + (d[1] * along + p[1] * across) * h)
    return at


def _toe_lobe(i):
    """Outline points of toe i from its lateral (+x) side round the tip to its medial side."""
    at = _toe_frame(i)
    r = _TOES_FRONT[i][3]
    return [at(0.1, 1.0), at(0.55 * r, 0.9), at(0.9 * r, 0.5), at(r, 0.0),
            at(0.9 * r, -0.5), at(0.55 * r, -0.9), at(0.1, -1.0)]


def _toe_notch(i):
    """The cleft between toe i and toe i + 1 (an outline corner)."""
    a = _toe_frame(i)(0.1, 1.0)
    b = _toe_frame(i + 1)(0.1, -1.0)
    return ((a[0] + b[0]) / 2, min(a[1], b[1]) - 0.0021)


def _toe_cleft(i):
    """Outline points of the cleft between toe i + 1 and toe i (in outline order): the
    sides of the two toes run up nearly parallel into a narrow rounded gap."""
    a = _toe_frame(i)(0.1, 1.0)
    b = _toe_frame(i + 1)(0.1, -1.0)
    n = _toe_notch(i)
    return [(b[0] + (n[0] - b[0]) * 0.65, n[1] + 0.0008), n + (1,),
            (a[0] + (n[0] - a[0]) * 0.65, n[1] + 0.0008)]


def _foot_front_outline():
    pts = [(0.0682, 0.964), (0.0722, 0.9705), (0.0768, 0.9762), (0.0795, 0.9788),
           (0.0822, 0.9825), (0.0846, 0.9862)]                  # lateral border, 5th MT
    for i in (4, 3, 2, 1, 0):
        lobe = _toe_lobe(i)
        pts += lobe[1:] if i == 4 else lobe
        if i > 0:
            pts += _toe_cleft(i - 1)
    # the big toe's medial side runs on into the medial border of the foot
    pts += [(0.0317, 0.9876), (0.0301, 0.9835),                      # MT1 head
            (0.0289, 0.980), (0.0281, 0.9745), (0.0269, 0.9688), (0.0258, 0.9635),
            (0.0250, 0.959)]
    return pts


_FOOT_FRONT = _foot_front_outline()

# foot seen from behind: heel in front, the forefoot just showing at the sides
_FOOT_BACK = [
    (0.0688, 0.966), (0.0728, 0.976), (0.0756, 0.9855), (0.0752, 0.993), (0.0712, 0.9975),
    (0.0625, 0.9985), (0.055, 0.9995), (0.046, 1.0005), (0.037, 0.9995), (0.0305, 0.997),
    (0.0265, 0.9925), (0.0252, 0.985), (0.0258, 0.975), (0.0255, 0.962),
]


def _front_back_half(feet) -> list:
    hand = [_hand(*p[:2]) + tuple(p[2:]) for p in _HAND_OUT]
    return (_HEAD_HALF + _arm_outline_lateral() + hand + _arm_outline_medial()
            + _TRUNK_HALF + feet + _LEG_MEDIAL_HALF)


# ---------------------------------------------------------------------------
# Front view
# ---------------------------------------------------------------------------

# The back of the head and the nape in the standard's cun: 7 from the posterior hairline up to GV20
# (the vertex).  GV16 lies 1 cun above the hairline just below the external occipital protuberance,
# level with GB20; GV15, over the C2 spinous process, half a cun above the hairline; GV17 (with BL9
# and GB19) level with the upper border of the protuberance, 2.5 cun above the hairline.
_HAIRLINE_BACK_Y = 0.1155
_VERTEX_Y = 0.004
_NAPE_CUN = (_HAIRLINE_BACK_Y - _VERTEX_Y) / 7


def _above_hairline(cun: float) -> float:
    """Height of a level ``cun`` above the posterior hairline, on the 7-cun hairline-to-vertex scale."""
    return _HAIRLINE_BACK_Y - cun * _NAPE_CUN


_OCCIPUT_TOP_Y = _above_hairline(2.5)    # upper border of the external occipital protuberance
_OCCIPUT_Y = _above_hairline(1.75)       # the protuberance itself, between GV16 and GV17
_SKULL_BASE_Y = _above_hairline(1.0)     # the hollows under the occiput: GV16, GB20

_POPLITEAL_Y = 0.7245                    # the ends of the popliteal crease (back and front views)

_VERTEBRA_Y = {}
# C1 names the hollow below its (impalpable) arch, on top of the C2 spinous process: GV15, BL10.
_cy = [_above_hairline(0.5), 0.1215, 0.1352, 0.1489, 0.1626, 0.1763, 0.19]
for _i, _y in enumerate(_cy, 1):
    _VERTEBRA_Y[f"C{_i}"] = _y
for _i in range(1, 13):
    _VERTEBRA_Y[f"T{_i}"] = 0.19 + 0.015 * _i
for _i in range(1, 6):
    _VERTEBRA_Y[f"L{_i}"] = 0.37 + 0.017 * _i


def _finger_pt(f, t: float, side: float) -> Point:
    """Point on finger ``f`` (index into _FINGERS): t = 0 base .. 1 tip, side -1..1 across."""
    (ub, vb), (ut, vt), h = _FINGERS[f]
    taper = 1.0 - 0.18 * t
    return _hand(ub + (ut - ub) * t, vb + (vt - vb) * t + side * h * taper)


def _hand_details(s: _Sheet, palmar: bool):
    H = _hand
    F = _finger_pt
    for (a, b) in _FINGER_SEPS:
        s.line("crease", [H(*a), H(a[0] * 0.4 + b[0] * 0.6, a[1] * 0.4 + b[1] * 0.6), H(*b)])
    if palmar:
        # digital creases: finger base (double), proximal and distal interphalangeal joints
        for f in range(4):
            length = _FINGERS[f][1][0] - _FINGERS[f][0][0]
            for t, w in [(0.06, 0.85), (0.42, 0.8), (0.72, 0.72)]:
                t2 = t + 0.012 / length
                s.line("crease", [F(f, t, -w), F(f, t + 0.008 / length, 0.0), F(f, t, w)])
                if t == 0.42:
                    s.line("crease", [F(f, t2, -w * 0.8), F(f, t2 + 0.006 / length, 0.0),
                                      F(f, t2, w * 0.8)])
        # palmar creases: thenar ("life line"), proximal and distal transverse
        s.line("crease", [H(0.47, 0.224), H(0.38, 0.16), H(0.26, 0.125), H(0.13, 0.105),
                          H(0.04, 0.095)])
        s.line("crease", [H(0.47, 0.215), H(0.44, 0.09), H(0.44, -0.04), H(0.43, -0.13)])
        s.line("crease", [H(0.56, 0.11), H(0.53, 0.02), H(0.505, -0.09), H(0.49, -0.203)])
        # thenar and hypothenar eminences
        s.line("contour", [H(0.09, 0.19), H(0.2, 0.205), H(0.3, 0.236)])
        s.line("contour", [H(0.12, -0.16), H(0.25, -0.168), H(0.36, -0.18)])
        # thumb: interphalangeal crease and pad
        s.line("crease", [H(0.565, 0.362), H(0.555, 0.322), H(0.548, 0.27)])
        s.line("crease", [H(0.615, 0.352), H(0.628, 0.325), H(0.622, 0.3)])
    else:
        # knuckles, joint wrinkles and nails seen from the back of the hand
        for (u, v) in [(0.56, 0.15), (0.585, 0.05), (0.57, -0.05), (0.535, -0.14)]:
            s.line("contour", [H(u - 0.006, v + 0.03), H(u + 0.01, v), H(u - 0.006, v - 0.03)])
        for f in range(4):
            for t, w in [(0.38, 0.5), (0.4, 0.42), (0.66, 0.4)]:
                s.line("crease", [F(f, t, -w), F(f, t - 0.006, 0.0), F(f, t, w)])
            s.line("feature", [F(f, 0.8, -0.55), F(f, 0.94, -0.6), F(f, 0.985, 0.0),
                               F(f, 0.94, 0.6), F(f, 0.8, 0.55)])
            s.line("feature", [F(f, 0.8, -0.55), F(f, 0.79, 0.0), F(f, 0.8, 0.55)])
        s.line("feature", [H(0.59, 0.355), H(0.63, 0.353), H(0.657, 0.33),
                           H(0.644, 0.307), H(0.6, 0.3), H(0.59, 0.328), H(0.59, 0.355)])
        s.line("crease", [H(0.55, 0.36), H(0.545, 0.325), H(0.54, 0.285)])
        # extensor tendons fanning over the dorsum
        for v in (0.13, 0.04, -0.06, -0.14):
            s.line("contour", [H(0.08, v * 0.35), H(0.3, v * 0.75), H(0.5, v)])


def _lip_inset(s: _Sheet) -> None:
    """An inset beside the face: the upper lip turned up, showing its frenulum meeting the gum (GV28).

    GV28 lies inside the mouth, so it is drawn here rather than on the philtrum; a dashed leader
    joins the inset to the mouth.
    """
    x0, x1, y0, y1 = 0.059, 0.085, 0.1025, 0.1215
    mid = (x0 + x1) / 2
    s.add("contour", rounded_box(x0, y0, x1, y1, 0.0025), True, both=False)
    s.line("bone", [(x0, 0.1075), (0.038, 0.1062), (0.0175, 0.1038)], both=False)     # to the mouth
    gum_y = 0.1122
    s.loop("skin", [(x0 + 0.0015, 0.1048), (mid, 0.1036), (x1 - 0.0015, 0.1048),
                    (x1 - 0.0015, gum_y), (x0 + 0.0015, gum_y)], both=False)  # inner face of the lip
    s.loop("skin", [(x0 + 0.0015, gum_y), (x1 - 0.0015, gum_y), (x1 - 0.0015, 0.1146),
                    (x0 + 0.0015, 0.1146)], both=False)                       # the gum
    for left, width in ((mid - 0.0034, 0.0033), (mid + 0.0001, 0.0033), (mid - 0.0063, 0.0027),
                        (mid + 0.0036, 0.0027)):                              # upper incisors
        s.add("feature", rounded_box(left, 0.1146, left + width, 0.1146 + 1.4 * width, 0.0006),
              True, both=False)
    s.line("contour", [(mid, 0.1072), (mid - 0.0004, 0.1098), (mid, gum_y)], both=False)  # frenulum
    s.line("crease", [(x0 + 0.003, 0.1058), (mid, 0.1052), (x1 - 0.003, 0.1058)], both=False)
    s.mark("upper_lip_frenulum", (mid, gum_y))
    s.insets["upper_lip_frenulum"] = (x0, y0, x1, y1)


@lru_cache(maxsize=1)
def _front() -> View:
    s = _Sheet(mirrored=True)
    outline = _symmetric_outline(_front_back_half(_FOOT_FRONT))
    s.add("skin", outline, True, both=False)

    # --- head --------------------------------------------------------------
    s.mark("vertex", (0.0, 0.004))
    hair = [(0.0, 0.0245), (0.018, 0.0262), (0.036, 0.0285), (0.0415, 0.037),
            (0.0438, 0.05), (0.0445, 0.066)]
    s.line("contour", hair)
    s.mark("anterior_hairline", (0.0, 0.0245))
    s.mark("hairline_corner", (0.0362, 0.0288))
    # brows
    # the middle of the brow lies straight above the pupil (EX-HN4; GB14 1 cun above it)
    brow = [(0.0057, 0.0595), (0.011, 0.0568), (0.0185, 0.0553), (0.026, 0.0563), (0.032, 0.0598)]
    s.line("feature", brow)
    s.line("feature", [(0.006, 0.0598), (0.0115, 0.0579), (0.0185, 0.0566), (0.026, 0.0573)])
    s.mark("eyebrow_medial", (0.006, 0.0595))
    s.mark("eyebrow_mid", (0.018, 0.056))
    s.mark("eyebrow_lateral", (0.0317, 0.0598))
    s.mark("glabella", (0.0, 0.0595))
    # eyes
    ic, oc = (0.0088, 0.0668), (0.0272, 0.0662)
    s.loop("feature", [(ic[0], ic[1], 1), (0.0125, 0.0645), (0.018, 0.0633), (0.0235, 0.0641),
                       (oc[0], oc[1], 1), (0.0232, 0.0683), (0.018, 0.0691), (0.0125, 0.0686)])
    s.line("feature", [(0.0112, 0.0636), (0.018, 0.0619), (0.0245, 0.0631)])       # lid fold
    s.add("feature", ellipse(0.018, 0.0663, 0.0027, 0.0027), True)
    s.mark("inner_canthus", ic)
    s.mark("outer_canthus", oc)
    s.mark("pupil", (0.018, 0.0663))
    s.mark("infraorbital_margin", (0.018, 0.0738))
    # nose
    s.line("feature", [(0.0052, 0.082), (0.0098, 0.0838), (0.0118, 0.0872), (0.0098, 0.0899),
                       (0.0062, 0.0902)])
    s.line("feature", [(0.0055, 0.0897), (0.0032, 0.0888), (0.0014, 0.0899), (0.0, 0.0903)])
    s.line("contour", [(0.0055, 0.066), (0.0058, 0.073), (0.0062, 0.079)])
    s.mark("nose_tip", (0.0, 0.0868))
    s.mark("subnasale", (0.0, 0.0908))
    s.mark("ala_nasi", (0.0113, 0.0876))
    # mouth
    mc = (0.0148, 0.1046)
    s.line("feature", [mc, (0.0095, 0.1036), (0.0042, 0.1037), (0.0, 0.1043)])
    s.line("feature", [(mc[0] - 0.001, mc[1] - 0.0004), (0.0085, 0.1004), (0.0032, 0.0985),
                       (0.0012, 0.0991), (0.0, 0.0989)])
    s.line("feature", [(0.0065, 0.1098), (0.0, 0.1104)])
    s.line("feature", [(0.0024, 0.0918), (0.0028, 0.0985)])
    s.mark("mouth_corner", mc)
    s.mark("philtrum_mid", (0.0, 0.0934))
    s.mark("mentolabial_groove", (0.0, 0.1155))
    _lip_inset(s)
    s.line("contour", [(0.007, 0.1155), (0.0, 0.1162)])
    s.mark("chin", (0.0, 0.128))
    # jaw line running on inside the silhouette to the chin
    s.line("contour", [(0.0315, 0.1185), (0.024, 0.1245), (0.0135, 0.1305), (0.0, 0.1327)])
    s.mark("mandible_angle", (0.0372, 0.1078))
    s.mark("zygoma_lower", (0.0405, 0.0765))
    s.line("contour", [(0.033, 0.0725), (0.039, 0.0745), (0.0445, 0.0755)])    # zygomatic arch
    # ear detail (helix rim)
    s.line("feature", [(0.0495, 0.0575), (0.0527, 0.0625), (0.053, 0.0715), (0.0515, 0.081),
                       (0.049, 0.0875)])
    s.mark("ear_front", (0.0465, 0.0715))

    # --- neck --------------------------------------------------------------
    scm = smooth_open([(0.0318, 0.1215), (0.0285, 0.136), (0.0225, 0.153), (0.0138, 0.172),
                       (0.0085, 0.1835)])
    s.add("contour", scm)
    s.mark("laryngeal_prominence", (0.0, 0.1545))
    s.line("crease", [(0.0045, 0.1512), (0.0022, 0.1545), (0.0, 0.1553)])
    s.mark("scm_front", (x_at_y(scm, 0.1545) - 0.0012, 0.1545))
    s.line("contour", [(0.0085, 0.1835), (0.0045, 0.1868), (0.0, 0.1875)])  # jugular notch
    s.mark("suprasternal_notch", (0.0, 0.185))
    clav = [(0.0105, 0.1872), (0.03, 0.1878), (0.052, 0.1858), (0.076, 0.1875), (0.097, 0.1925),
            (0.1085, 0.1955)]
    s.line("contour", clav)
    s.mark("clavicle_medial_end", (0.0112, 0.1878))
    s.mark("clavicle_mid", (0.052, 0.1862))
    s.mark("clavicle_lateral_end", (0.1, 0.1935))
    s.mark("acromion", (0.1115, 0.1972))
    s.mark("supraclavicular_fossa", (0.058, 0.1788))
    s.mark("coracoid", (0.0925, 0.206))

    # --- trunk -------------------------------------------------------------
    s.mark("nipple", (0.058, 0.27))
    s.ellipse("feature", 0.058, 0.27, 0.0044, 0.0042)
    s.ellipse("feature", 0.058, 0.27, 0.0014, 0.0014)
    # sternum (dashed bone guide) with the xiphoid
    s.line("bone", [(0.011, 0.19), (0.0125, 0.205), (0.0095, 0.214), (0.0098, 0.26),
                    (0.0085, 0.298), (0.004, 0.312), (0.0, 0.318)])
    s.line("bone", [(0.0095, 0.214), (0.0, 0.2135)])                  # sternal angle
    for i, y in enumerate([0.2055, 0.2245, 0.2465, 0.27, 0.2945, 0.3155], 1):
        s.mark(f"sternum_ics{i}", (0.0, y))
    s.mark("xiphisternal_junction", (0.0, 0.3))
    # pectoralis major lower border into the anterior axillary fold
    s.line("contour", [(0.0095, 0.279), (0.028, 0.2935), (0.05, 0.2975), (0.07, 0.2915),
                       (0.0835, 0.2785), (0.0925, 0.2625), (0.0975, 0.2515)])
    s.line("contour", [(0.0885, 0.1975), (0.0935, 0.216), (0.1015, 0.236)])  # deltopectoral groove
    s.mark("anterior_axillary_fold", (0.0965, 0.2515))
    s.mark("axilla_apex", (0.0915, 0.2475))
    # costal margin
    costal = smooth_open([(0.0045, 0.3075), (0.02, 0.315), (0.04, 0.3285), (0.058, 0.3445),
                          (0.0675, 0.358), (0.072, 0.374)])
    s.add("contour", costal)
    s.mark("costal_margin", (0.058, y_at_x(costal, 0.058) - 0.001))
    s.mark("rib11_free_end", (0.0705, 0.3835))
    s.line("contour", [(0.0715, 0.3775), (0.0712, 0.3865)])
    # rectus abdominis, linea alba, navel
    s.line("contour", [(0.0435, 0.338), (0.0488, 0.362), (0.0505, 0.39), (0.0495, 0.418)])
    s.line("contour", [(0.0, 0.322), (0.0, 0.385)], both=False)
    s.add("crease", ellipse(0.0, 0.4005, 0.0032, 0.0043), True, both=False)
    s.line("crease", [(0.0035, 0.3955), (0.0, 0.3942)])
    s.mark("umbilicus", (0.0, 0.4005))
    # iliac flare, ASIS, inguinal groove
    # The ASIS is level with CV4 (3 cun below the navel), where GB27 lies just medial to it.  The
    # inguinal crease runs below the ligament (ASIS to pubic tubercle) and crosses the level of the
    # upper border of the symphysis 3.5 cun from the midline, at SP12.
    asis_y = 0.4005 + 3 * (0.49 - 0.4005) / 5
    s.line("contour", [(0.0815, 0.4245), (0.0745, 0.4385), (0.069, asis_y - 0.002)])
    s.mark("asis", (0.0668, asis_y))
    s.line("crease", [(0.0672, asis_y + 0.003), (0.061, 0.4695), (0.0555, 0.4805), (0.0508, 0.49),
                      (0.043, 0.4978), (0.031, 0.5035), (0.018, 0.5072), (0.0075, 0.5095), (0.0022, 0.5125)])
    s.mark("inguinal_mid", (0.0405, 0.4715))      # mid-inguinal point, on the ligament over the artery
    s.mark("pubic_tubercle", (0.0148, 0.4878))
    s.line("contour", [(0.0145, 0.486), (0.007, 0.4885), (0.0, 0.4895)])
    s.mark("pubic_symphysis", (0.0, 0.49))
    s.mark("perineum", (0.0, 0.508))

    # --- upper limb --------------------------------------------------------
    c = _arm_c
    s.line("contour", [(0.1015, 0.236), (0.113, 0.262), (0.124, 0.283), (c(0.296) + 0.0125, 0.296)])
    s.mark("deltoid_insertion", (c(0.296) + 0.0128, 0.2965))
    # biceps borders
    s.line("contour", [(c(0.275) - 0.0125, 0.275), (c(0.31) - 0.0115, 0.31),
                       (c(0.345) - 0.0085, 0.345), (c(0.366) - 0.001, 0.366)])
    s.line("contour", [(c(0.305) + 0.0135, 0.305), (c(0.335) + 0.0125, 0.335),
                       (c(0.36) + 0.0085, 0.36), (c(0.368) + 0.005, 0.368)])
    # cubital crease
    ecl = (c(0.3725) + 0.0172, 0.3725)
    ecm = (c(0.3755) + 0.0004, 0.3765)
    ecd = (c(0.374) - 0.0162, 0.374)
    bic = (c(0.3762) + 0.0048, 0.3762)
    s.line("crease", [ecl, bic, ecm, ecd])
    s.mark("elbow_crease_lateral_end", ecl)
    s.mark("elbow_crease_mid", ecm)
    s.mark("elbow_crease_medial_end", ecd)
    s.mark("biceps_tendon", bic)
    s.mark("lateral_epicondyle", (c(0.371) + 0.0192, 0.371))
    s.mark("medial_epicondyle", (c(0.3685) - 0.0195, 0.3685))
    s.line("contour", [(c(0.362) - 0.0212, 0.362), (c(0.3675) - 0.018, 0.3675),
                       (c(0.373) - 0.0208, 0.373)])
    # forearm: brachioradialis and flexor mass edges, wrist tendons
    s.line("contour", [_fa(0.06, 0.0158), _fa(0.2, 0.0118), _fa(0.38, 0.0085), _fa(0.55, 0.008)])
    s.line("contour", [_fa(0.06, -0.0148), _fa(0.2, -0.0085), _fa(0.35, -0.0035)])
    s.line("contour", [_fa(0.7, 0.0055), _fa(0.85, 0.0052), _fa(0.97, 0.005)])   # FCR
    s.line("contour", [_fa(0.66, 0.0006), _fa(0.82, 0.0004), _fa(0.97, 0.0005)])  # palmaris
    wr = _fa(1.0, 0.0128)
    wm = _fa(1.0, 0.0008)
    wu = _fa(1.0, -0.0115)
    s.line("crease", [_fa(1.0, 0.0152), wr, wm, wu, _fa(1.0, -0.0145)])
    s.line("crease", [_fa(0.955, 0.0118), _fa(0.953, 0.0), _fa(0.955, -0.011)])
    s.mark("wrist_crease_radial", wr)
    s.mark("wrist_crease_mid", wm)
    s.mark("wrist_crease_ulnar", wu)
    s.mark("radial_styloid", _fa(0.94, 0.0138))
    s.mark("pisiform", _hand(0.04, -0.112))
    _hand_details(s, palmar=True)
    s.mark("thenar_mid", _hand(0.27, 0.238))
    s.mark("palm_centre", _hand(0.42, 0.05))
    s.mark("palm_ulnar", _hand(0.42, -0.1))
    for k, (u, v) in _TIPS.items():
        s.mark(k, _hand(u, v))

    # --- lower limb --------------------------------------------------------
    s.mark("greater_trochanter", (0.0935, 0.5))
    s.line("contour", [(0.0635, 0.472), (0.056, 0.51), (0.045, 0.56), (0.033, 0.612)])  # sartorius
    s.line("contour", [(0.0775, 0.585), (0.0725, 0.64), (0.0655, 0.681), (0.0585, 0.7015)])
    s.line("contour", [(0.031, 0.642), (0.0258, 0.672), (0.0268, 0.693), (0.0335, 0.7045),
                       (0.0398, 0.7065)])                                   # vastus medialis
    pat = [(0.048, 0.7015), (0.0555, 0.7045), (0.0585, 0.713), (0.0555, 0.7245),
           (0.0485, 0.7315, 1), (0.0415, 0.7245), (0.038, 0.713), (0.0405, 0.7045)]
    s.loop("contour", pat)
    s.mark("patella_base_lateral", (0.0553, 0.7055))
    s.mark("patella_base_medial", (0.0408, 0.7055))
    s.mark("patella_centre", (0.0483, 0.715))
    s.mark("patella_apex", (0.0485, 0.7305))
    s.line("contour", [(0.0455, 0.7305), (0.045, 0.744), (0.046, 0.7555)])
    s.line("contour", [(0.0515, 0.7305), (0.052, 0.744), (0.0508, 0.7555)])
    s.line("contour", [(0.0435, 0.7575), (0.0482, 0.7605), (0.053, 0.7575)])
    s.mark("knee_eye_lateral", (0.0578, 0.7385))
    s.mark("knee_eye_medial", (0.0392, 0.7385))
    s.mark("tibial_tuberosity", (0.0482, 0.757))
    s.mark("tibia_medial_condyle", (0.0275, 0.757))
    s.mark("fibula_head", (0.0685, 0.7505))
    s.line("contour", [(0.0722, 0.745), (0.0692, 0.7495), (0.0712, 0.7545)])
    s.mark("medial_epicondyle_femur", (0.0238, 0.7035))
    # the medial end of the popliteal crease, at the medial edge of the knee (LR8)
    inner_knee = x_at_y(outline, _POPLITEAL_Y, pick=lambda xs: min(x for x in xs if x > 0))
    s.mark("popliteal_crease_medial_end", (inner_knee + 0.0022, _POPLITEAL_Y))
    # shin: tibial crest and calf edges
    s.line("contour", [(0.0495, 0.765), (0.0492, 0.81), (0.0468, 0.87), (0.0435, 0.925)])
    s.line("contour", [(0.023, 0.775), (0.0265, 0.81), (0.0295, 0.85)])
    s.line("contour", [(0.0705, 0.778), (0.066, 0.82), (0.0615, 0.87)])
    # ankle: malleoli, crease, tendons
    s.line("contour", [(0.0282, 0.9425), (0.0304, 0.9495), (0.0288, 0.9565)])
    s.line("contour", [(0.0615, 0.9485), (0.059, 0.9565), (0.0612, 0.9635)])
    s.mark("medial_malleolus", (0.0272, 0.9495))
    s.mark("lateral_malleolus", (0.0638, 0.9565))
    s.line("crease", [(0.0315, 0.9535), (0.0395, 0.9555), (0.0475, 0.9555), (0.0565, 0.954)])
    s.line("crease", [(0.0382, 0.9572), (0.0438, 0.9579), (0.0492, 0.9575)])
    s.mark("ankle_front", (0.0462, 0.9548))
    s.line("contour", [(0.0345, 0.946), (0.0335, 0.957), (0.031, 0.965)])     # tib. anterior
    # foot: dorsum, toes (clefts, webs, joint wrinkles, nails), medial arch, tendons
    for i, web in enumerate(_TOE_WEBS):
        notch = _toe_notch(i)
        s.line("crease", [notch, lerp(notch, web, 0.5), web])       # toe separations
    for i in range(5):
        at = _toe_frame(i)
        r = _TOES_FRONT[i][3]
        big = i == 0
        # nail on the top of the end phalanx, its free edge just short of the tip
        nw = 0.5 if big else 0.44
        e, q = 0.5 * r, (-0.42 if big else -0.3)        # free edge, nail fold
        m = (e + q) / 2
        s.loop("feature", [at(e, 0.0), at(e - 0.05, nw * 0.75), at(m + 0.1, nw),
                           at(q + 0.12, nw * 0.8), at(q, 0.0), at(q + 0.12, -nw * 0.8),
                           at(m + 0.1, -nw), at(e - 0.05, -nw * 0.75)])
        # wrinkles over the interphalangeal joint(s)
        if big:
            s.line("crease", [at(-1.0, -0.5), at(-1.06, 0.0), at(-1.0, 0.5)])
            s.line("crease", [at(-1.2, -0.38), at(-1.25, 0.05), at(-1.2, 0.42)])
        else:
            s.line("crease", [at(-1.25, -0.5), at(-1.32, 0.0), at(-1.25, 0.5)])
    # the medial longitudinal arch: where the dorsum turns into the medial face
    s.line("contour", [(0.0292, 0.9632), (0.0306, 0.9682), (0.0318, 0.9742), (0.0327, 0.9798),
                       (0.0331, 0.9838), (0.0326, 0.9872), (0.0321, 0.9892)])
    s.mark("navicular_tuberosity", (0.0292, 0.9675))
    s.mark("metatarsal1_head", (0.0325, 0.9865))
    # long extensor tendons: hallucis to the big toe, digitorum fanning to toes 2 - 5
    s.line("contour", [(0.0392, 0.9575), (0.0404, 0.9705), (0.0416, 0.9805), (0.0424, 0.9855)])
    for toe, x0 in enumerate((0.0506, 0.0521, 0.0536, 0.0551)):
        w0 = _TOE_WEBS[toe]
        base = lerp(w0, _TOE_WEBS[toe + 1], 0.5) if toe < 3 else (w0[0] + 0.0042, w0[1] - 0.0012)
        a0 = (x0, 0.9592)
        mid = lerp(a0, base, 0.33)
        s.line("contour", [a0, (mid[0] - 0.0005, mid[1]), lerp(a0, base, 0.62)])
    s.mark("big_toe_tip", _toe_frame(0)(0.45, 0.0))
    s.mark("toe2_tip", _toe_frame(1)(0.4, 0.0))
    s.mark("toe4_tip", _toe_frame(3)(0.55, -0.15))
    s.mark("toe5_tip", _toe_frame(4)(0.35, 0.0))
    s.mark("toe_web_1_2", _TOE_WEBS[0])
    s.mark("toe_web_2_3", _TOE_WEBS[1])
    s.mark("toe_web_4_5", _TOE_WEBS[3])
    s.mark("dorsum_1_2", (0.0435, 0.9655))
    s.mark("dorsum_4_5", (0.0688, 0.9765))

    scales = {
        "chest": ("nipple", "nipple", 8, True),
        "abdomen_upper": ("xiphisternal_junction", "umbilicus", 8, False),
        "abdomen_lower": ("umbilicus", "pubic_symphysis", 5, False),
        "forehead": ("glabella", "anterior_hairline", 3, False),
        "head_front": ("anterior_hairline", "vertex", 5, False),
        "head_width": ("hairline_corner", "hairline_corner", 9, True),
        "upper_arm": ("anterior_axillary_fold", "elbow_crease_mid", 9, False),
        "forearm": ("elbow_crease_mid", "wrist_crease_mid", 12, False),
        "thigh_medial": ("pubic_symphysis", "patella_base_medial", 18, False),
        "chest_vertical": ("suprasternal_notch", "xiphisternal_junction", 9, False),
        "leg_front": ("knee_eye_lateral", "ankle_front", 16, False),
        "leg_medial": ("tibia_medial_condyle", "medial_malleolus", 13, False),
    }
    return _view("front", "Front (anterior) view", s, scales)


# ---------------------------------------------------------------------------
# Back view
# ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _back() -> View:
    s = _Sheet(mirrored=True)
    outline = _symmetric_outline(_front_back_half(_FOOT_BACK))
    s.add("skin", outline, True, both=False)
    c = _arm_c

    # --- head and neck -----------------------------------------------------
    s.mark("vertex", (0.0, _VERTEX_Y))
    s.line("contour", [(0.0455, 0.0835), (0.0425, 0.097), (0.035, 0.1075), (0.022, 0.1135),
                       (0.0, 0.1162)])                                      # posterior hairline
    s.mark("posterior_hairline", (0.0, _HAIRLINE_BACK_Y))
    s.line("feature", [(0.049, 0.0575), (0.0472, 0.066), (0.047, 0.078), (0.0478, 0.088)])
    s.line("feature", [(0.0505, 0.06), (0.0535, 0.068), (0.0525, 0.08)])
    # the external occipital protuberance and the superior nuchal lines running out to the mastoids
    s.loop("bone", [(0.0, _OCCIPUT_TOP_Y), (0.0042, _OCCIPUT_Y), (0.0, _SKULL_BASE_Y - 0.0025),
                    (-0.0042, _OCCIPUT_Y)], both=False)
    s.line("bone", [(0.002, _OCCIPUT_TOP_Y + 0.001), (0.016, _OCCIPUT_TOP_Y + 0.0035),
                    (0.03, _OCCIPUT_TOP_Y + 0.0095), (0.04, 0.0905)])
    s.mark("external_occipital_protuberance", (0.0, _OCCIPUT_Y))
    s.mark("occipital_protuberance_top", (0.0, _OCCIPUT_TOP_Y))
    s.mark("mastoid", (0.0418, 0.0965))
    s.mark("occipital_fossa", (0.0228, _SKULL_BASE_Y))
    # trapezius: neck edges and lower border
    s.line("contour", [(0.013, 0.113), (0.0195, 0.135), (0.029, 0.155), (0.045, 0.1685)])
    s.line("contour", [(0.0385, 0.262), (0.03, 0.3), (0.0175, 0.338), (0.0065, 0.362)])
    # spine: dashed line and spinous process marks
    s.line("bone", [(0.0, _VERTEBRA_Y["C1"] + 0.003), (0.0, 0.2), (0.0, 0.46)], both=False)
    for k, y in _VERTEBRA_Y.items():
        s.mark(k, (0.0, y))
        if k.startswith("C") and k != "C7":
            continue
        w = 0.0055 if k != "C7" else 0.0075
        gap = 0.0045 if k.startswith("L") else 0.0038
        s.add("bone", (("M", -w / 2, y - gap), ("L", w / 2, y - gap)), both=False)
    s.ellipse("bone", 0.0, _VERTEBRA_Y["C7"] - 0.0045, 0.0035, 0.0025, both=False)
    # scapula
    s.mark("acromion", (0.1125, 0.1985))
    sup = (0.0505, 0.2115)
    inf = (0.0535, 0.2935)
    scap = [(sup[0], sup[1], 1), (0.066, 0.2125), (0.084, 0.2115), (0.0985, 0.2155),
            (0.1015, 0.2265), (0.095, 0.2445), (0.0835, 0.2625), (0.0685, 0.2815),
            (inf[0], inf[1], 1), (0.0465, 0.2825), (0.0418, 0.264), (0.0398, 0.2455),
            (0.0408, 0.2275)]
    s.loop("bone", scap)
    s.line("bone", [(0.0405, 0.2345), (0.055, 0.2295), (0.0735, 0.2215), (0.092, 0.2105),
                    (0.1045, 0.2025), (0.1135, 0.2005)])                    # spine of scapula
    s.mark("scapula_superior_angle", (sup[0] + 0.0008, sup[1] + 0.0015))
    s.mark("scapula_inferior_angle", (inf[0], inf[1] - 0.0012))
    s.mark("scapula_spine_root", (0.0418, 0.2338))
    s.mark("scapula_spine_mid", (0.0735, 0.2218))
    s.mark("scapula_medial_border", (0.04, _VERTEBRA_Y["T3"]))
    s.mark("infraspinous_centre", (0.0665, 0.2525))
    s.mark("posterior_axillary_fold", (0.0968, 0.2545))
    s.line("contour", [(0.1015, 0.236), (0.0975, 0.247), (0.0935, 0.2575)])
    s.line("contour", [(0.0935, 0.2575), (0.086, 0.273), (0.0845, 0.292)])     # teres/lat edge
    # --- pelvis and sacrum -------------------------------------------------
    # The four posterior sacral foramina run from just below L5 down to the level of the sacral
    # hiatus (the 4th is level with it: BL34, BL30, BL54 and GV2 share a height); the PSIS is level
    # with the 2nd.
    hiatus_y = 0.504
    foramina = [(0.0158, 0.468), (0.0143, 0.48), (0.0125, 0.492), (0.0102, hiatus_y)]
    psis = (0.0302, foramina[1][1])
    crest = [(psis[0] + 0.0003, psis[1] - 0.002), (0.0335, 0.4665), (0.042, 0.4505), (0.0575, 0.4395),
             (0.0725, 0.4365), (0.0835, 0.4425), (0.0885, 0.452)]
    s.line("bone", crest)
    s.mark("iliac_crest_top", (0.0725, 0.4375))
    s.mark("psis", psis)
    s.ellipse("feature", psis[0], psis[1], 0.0022, 0.0016)            # dimple over the PSIS
    sac = [(0.0, 0.4595), (0.0215, 0.4605), (0.0262, 0.465), (0.0245, 0.481), (0.0205, 0.4965),
           (0.0152, 0.5065), (0.0068, 0.5098), (0.0, 0.5105)]
    s.line("bone", sac)
    for i, (x, y) in enumerate(foramina, 1):
        s.mark(f"sacral_foramen_{i}", (x, y))
        s.ellipse("bone", x, y, 0.0018, 0.0018)
    s.mark("sacral_hiatus", (0.0, hiatus_y))
    s.mark("coccyx_tip", (0.0, 0.5105))
    s.line("crease", [(0.0, 0.482), (0.0, 0.5), (0.0, 0.5135)], both=False)    # gluteal cleft
    glut = [(0.0032, 0.5255), (0.0155, 0.5295), (0.032, 0.5355), (0.05, 0.5365), (0.0655, 0.532)]
    s.line("crease", glut)
    s.mark("gluteal_fold_mid", (0.045, 0.5352))
    s.line("contour", [(0.0885, 0.467), (0.0915, 0.486), (0.0905, 0.503)])   # gluteal edge
    s.mark("greater_trochanter", (0.0935, 0.5))
    # --- thigh, knee, leg --------------------------------------------------
    s.line("contour", [(0.0555, 0.575), (0.055, 0.63), (0.0585, 0.69), (0.0625, 0.718)])
    s.line("contour", [(0.038, 0.62), (0.0375, 0.675), (0.0335, 0.718)])
    pop_l = (0.0625, _POPLITEAL_Y)
    pop_m = (0.0482, _POPLITEAL_Y + 0.0017)
    pop_d = (0.0332, _POPLITEAL_Y)
    s.line("crease", [(0.0685, 0.7225), pop_l, pop_m, pop_d, (0.0262, 0.7215)])
    s.mark("popliteal_crease_mid", pop_m)
    s.mark("popliteal_crease_lateral", pop_l)
    s.mark("popliteal_crease_medial", pop_d)
    gj = (0.0475, 0.8385)
    s.line("contour", [(0.0235, 0.792), (0.029, 0.815), (0.0375, 0.831), gj])
    s.line("contour", [(0.0715, 0.792), (0.0665, 0.815), (0.057, 0.83), gj])
    s.line("contour", [(gj[0], gj[1] - 0.016), (gj[0] + 0.0005, gj[1] - 0.06), (0.0482, 0.752)])
    s.mark("gastrocnemius_junction", gj)
    s.line("contour", [(0.0398, 0.87), (0.0405, 0.91), (0.041, 0.95), (0.0392, 0.975)])
    s.line("contour", [(0.0548, 0.87), (0.0535, 0.91), (0.0525, 0.95), (0.0545, 0.975)])
    s.line("contour", [(0.0615, 0.9485), (0.059, 0.9565), (0.0612, 0.9635)])
    s.line("contour", [(0.0282, 0.9425), (0.0304, 0.9495), (0.0288, 0.9565)])
    s.line("contour", [(0.0328, 0.988), (0.046, 0.9935), (0.0595, 0.988)])     # heel pad
    s.mark("lateral_malleolus", (0.0638, 0.9565))
    s.mark("medial_malleolus", (0.0272, 0.9495))
    s.mark("achilles_lateral", (0.0578, 0.9545))
    s.mark("achilles_medial", (0.0348, 0.9505))
    s.mark("heel", (0.0465, 0.9965))

    # --- upper limb (dorsal side) -----------------------------------------
    s.line("contour", [(0.102, 0.214), (0.114, 0.24), (0.124, 0.27), (c(0.296) + 0.0125, 0.296)])
    s.mark("deltoid_insertion", (c(0.296) + 0.0128, 0.2965))
    s.line("contour", [(c(0.3) - 0.006, 0.3), (c(0.33) - 0.004, 0.33), (c(0.352) - 0.0005, 0.352)])
    olec = (c(0.371) - 0.001, 0.371)
    s.line("contour", [(olec[0] - 0.0055, olec[1] - 0.003), (olec[0], olec[1] + 0.0035),
                       (olec[0] + 0.0055, olec[1] - 0.003)])
    s.line("crease", [(olec[0] - 0.004, olec[1] + 0.0082), (olec[0] + 0.004, olec[1] + 0.0078)])
    s.mark("olecranon", olec)
    s.mark("lateral_epicondyle", (c(0.371) + 0.0192, 0.371))
    s.mark("medial_epicondyle", (c(0.3685) - 0.0195, 0.3685))
    s.mark("elbow_crease_lateral_end", (c(0.3725) + 0.0172, 0.3725))
    s.line("contour", [_fa(0.08, 0.013), _fa(0.3, 0.006), _fa(0.6, 0.001)])
    s.line("contour", [_fa(0.12, -0.011), _fa(0.4, -0.007), _fa(0.75, -0.007)])
    wr = _fa(1.0, 0.0125)
    wm = _fa(1.0, 0.0005)
    wu = _fa(1.0, -0.0112)
    s.line("crease", [_fa(1.0, 0.0148), wr, wm, wu, _fa(1.0, -0.0142)])
    s.line("contour", [_fa(0.925, -0.0148), _fa(0.955, -0.0118), _fa(0.98, -0.0145)])  # ulna head
    s.mark("wrist_dorsal_mid", wm)
    s.mark("wrist_dorsal_radial", _fa(1.0, 0.0138))
    s.mark("wrist_dorsal_ulnar", _fa(0.96, -0.0128))
    _hand_details(s, palmar=False)
    s.mark("metacarpal2_mid", _hand(0.3, 0.185))
    s.mark("hand_dorsum_4_5", _hand(0.4, -0.095))
    s.mark("metacarpal5_head", _hand(0.56, -0.182))
    for k, (u, v) in _TIPS.items():
        s.mark(k, _hand(u, v))

    scales = {
        "back": ("scapula_medial_border", "scapula_medial_border", 6, True),
        "mastoid": ("mastoid", "mastoid", 9, True),
        "head_back": ("posterior_hairline", "vertex", 7, False),
        "upper_arm": ("posterior_axillary_fold", "olecranon", 9, False),
        "forearm": ("olecranon", "wrist_dorsal_mid", 12, False),
        "thigh_back": ("gluteal_fold_mid", "popliteal_crease_mid", 14, False),
        "leg_back": ("popliteal_crease_mid", "lateral_malleolus", 16, False),
    }
    return _view("back", "Back (posterior) view", s, scales)


# ---------------------------------------------------------------------------
# Side view (left side toward the viewer, face to the image's left)
# ---------------------------------------------------------------------------

_S_SHO = (0.0115, 0.2)               # shoulder joint of the raised arm
_S_ARM_ANGLE = math.radians(21.0)    # raised arm, tilted back from the vertical


def _s_arm(t: float, w: float) -> Point:
    """Raised arm frame: t = distance from the shoulder along the arm, w = offset
    toward the back (+) / front (-)."""
    d = (math.sin(_S_ARM_ANGLE), -math.cos(_S_ARM_ANGLE))
    n = (math.cos(_S_ARM_ANGLE), math.sin(_S_ARM_ANGLE))
    return (_S_SHO[0] + d[0] * t + n[0] * w, _S_SHO[1] + d[1] * t + n[1] * w)


# (t, posterior half width, anterior half width)
_S_ARM_W = [(0.035, 0.035, None), (0.07, 0.0262, 0.0262), (0.1, 0.0245, 0.0238),
            (0.13, 0.0228, 0.0222), (0.155, 0.0215, 0.0208), (0.175, 0.0218, 0.02),
            (0.2, 0.0235, 0.0222), (0.23, 0.022, 0.0218), (0.26, 0.0192, 0.0195),
            (0.29, 0.0172, 0.0172), (0.305, 0.0165, 0.0162)]

# Raised hand seen from its back, thumb toward the back, in the hand frame
# (t beyond the wrist crease, w toward the back).  The thumb runs out from the radial
# side of the wrist; the four fingers lie side by side, fanning out a little, and are
# authored as (base t, base w, tip t, tip w, half width).
_S_THUMB = [
    (0.0, 0.0165), (0.012, 0.02), (0.025, 0.0244), (0.036, 0.0281), (0.046, 0.0297),
    (0.055, 0.031), (0.062, 0.0326), (0.0675, 0.0336), (0.0722, 0.0331), (0.0748, 0.031),
    (0.0745, 0.0282), (0.0718, 0.0262), (0.064, 0.0239), (0.056, 0.0223), (0.049, 0.0208),
    (0.0435, 0.0195), (0.039, 0.0186, 1),                   # web of the thumb
]
_S_FINGERS = [
    (0.058, 0.0128, 0.0945, 0.0131, 0.0042),   # index
    (0.06, 0.0037, 0.1, 0.0039, 0.0045),       # middle
    (0.059, -0.0054, 0.0965, -0.0049, 0.0042),  # ring
    (0.055, -0.0142, 0.0855, -0.0139, 0.0035),  # little
]
_S_CLEFT_T = 0.0695     # the clefts between the fingers (dorsal web level)


def _s_finger(k):
    """Frame of finger k: f(s, side) with s = 0 base .. 1 tip (along the axis) and
    side = -1 .. 1 across it (+ toward the back), in hand (t, w) units."""
    tb, wb, tt, wt, h = _S_FINGERS[k]
    L = math.hypot(tt - tb, wt - wb)
    u = ((tt - tb) / L, (wt - wb) / L)
    v = (-u[1], u[0])

    def f(s, side, taper=True):
        hw = h * (1.0 - 0.07 * s) if taper else h
        return (tb + u[0] * s * L + v[0] * side * hw, wb + u[1] * s * L + v[1] * side * hw)
    return f, L


def _s_finger_outline(k, s0_back, s0_front):
    """Outline of finger k from its back side (at s0_back) round the tip to its front
    side (at s0_front)."""
    f, L = _s_finger(k)
    h = _S_FINGERS[k][4] * 0.88
    r = h / L                              # the tip is a half disc of radius h
    c = 1.0 - r
    pts = [f(s0_back, 1.0), f((s0_back + c) / 2, 1.02), f(c, 1.0)]
    for ang in (50, 90, 130):
        a = math.radians(ang)
        pts.append(f(c + r * math.sin(a), math.cos(a)))
    pts += [f(c, -1.0), f((s0_front + c) / 2, -1.02), f(s0_front, -1.0)]
    return pts


def _s_cleft_s(k):
    """Position (s) on finger k's axis at the level of the clefts."""
    return (_S_CLEFT_T - _S_FINGERS[k][0]) / _s_finger(k)[1]


def _s_hand_outline():
    pts = list(_S_THUMB)
    # index: its back side starts from the web of the thumb
    pts.append(_s_finger(0)[0](0.1, 1.0))
    for k in range(4):
        back = 0.3 if k == 0 else _s_cleft_s(k)
        front = _s_cleft_s(k) if k < 3 else 0.12
        pts += _s_finger_outline(k, back, front)
        if k < 3:
            f, _ = _s_finger(k)
            g, _ = _s_finger(k + 1)
            a = f(_s_cleft_s(k), -1.0)
            b = g(_s_cleft_s(k + 1), 1.0)
            pts.append(((a[0] + b[0]) / 2 - 0.0028, (a[1] + b[1]) / 2, 1))
    pts += [(0.045, -0.0208), (0.03, -0.0198), (0.012, -0.0174), (0.0, -0.0162)]
    return pts


_S_HAND = _s_hand_outline()


def _s_hand(t, w):
    return _s_arm(0.305 + t, w)


def _s_hand_details(s: _Sheet):
    """Line work of the raised hand: knuckles, tendons, joint wrinkles, nails, thumb."""
    H = _s_hand

    def fp(k, s_, side):
        f, _ = _s_finger(k)
        return H(*f(s_, side))
    for k in range(4):
        _, L = _s_finger(k)
        tb, wb = _S_FINGERS[k][:2]
        # knuckle (MCP head) and the extensor tendon running up to it from the wrist
        s.line("contour", [fp(k, -0.12, -0.85), fp(k, -0.04, 0.0), fp(k, -0.12, 0.85)])
        s.line("crease", [H(0.012, wb * 0.55 + 0.001), H(0.032, wb * 0.8), H(tb - 0.008, wb)])
        # wrinkles over the middle and end joints
        s.line("crease", [fp(k, 0.4, -0.6), fp(k, 0.43, 0.0), fp(k, 0.4, 0.6)])
        s.line("crease", [fp(k, 0.45, -0.5), fp(k, 0.48, 0.0), fp(k, 0.45, 0.5)])
        s.line("crease", [fp(k, 0.7, -0.5), fp(k, 0.725, 0.0), fp(k, 0.7, 0.5)])
        # nail
        r = _S_FINGERS[k][4] * 0.88 / L
        e = 1.0 - r * 0.45
        n0 = e - 0.2
        s.loop("feature", [fp(k, e, 0.0), fp(k, e - 0.02, 0.5), fp(k, (e + n0) / 2, 0.6),
                           fp(k, n0 + 0.02, 0.5), fp(k, n0, 0.0), fp(k, n0 + 0.02, -0.5),
                           fp(k, (e + n0) / 2, -0.6), fp(k, e - 0.02, -0.5)])
    # thumb: knuckle, wrinkle over its end joint, nail seen from the side
    s.line("contour", [H(0.0345, 0.0236), H(0.0385, 0.0258), H(0.0392, 0.0282)])
    s.line("crease", [H(0.0572, 0.0238), H(0.0588, 0.027), H(0.0592, 0.0304)])
    s.line("crease", [H(0.0595, 0.0244), H(0.0608, 0.0272)])
    s.loop("feature", [H(0.0728, 0.0302), H(0.0714, 0.032), H(0.0678, 0.0325),
                       H(0.0652, 0.0317), H(0.0658, 0.0299), H(0.0694, 0.0295)])


_EAR_PIVOT = (-0.0006, 0.0752)      # the tragus as authored
_EAR_APEX = (0.0165, 0.0543)         # the apex as authored (the top of the rim once tilted)
_EAR_TILT = math.radians(12.0)       # turned forward by this much about the tragus


def _ear(points):
    """The authored ear, turned forward about the tragus and moved so the apex is under the vertex."""
    c, s_ = math.cos(_EAR_TILT), math.sin(_EAR_TILT)
    px, py = _EAR_PIVOT

    def turn(p):
        dx, dy = p[0] - px, p[1] - py
        return (px + dx * c + dy * s_, py - dx * s_ + dy * c)

    shift = -turn(_EAR_APEX)[0]
    return [(turn(p)[0] + shift, turn(p)[1]) + tuple(p[2:]) for p in points]


@lru_cache(maxsize=1)
def _side() -> View:
    s = _Sheet(mirrored=False)

    # Shape 1: neck, trunk, lower limb and the raised arm, which rises behind the
    # head.  Shape 2, the head, is drawn on top of it; its lower edge runs along the
    # jaw, under the ear and along the occipital hairline, all natural contours.
    front = [
        # chest: manubrium, pectoral plane, lower pectoral border, then the rib cage
        (-0.0405, 0.1905), (-0.0468, 0.2025), (-0.0545, 0.2195), (-0.0615, 0.2385),
        (-0.0672, 0.2565), (-0.0702, 0.2715), (-0.0698, 0.2835), (-0.0672, 0.2945),
        (-0.0652, 0.3075), (-0.0628, 0.3295), (-0.0612, 0.3545), (-0.0614, 0.3795),
        # abdomen: gentle curve below the navel, back into the groin
        (-0.0628, 0.4035), (-0.0641, 0.4265), (-0.0628, 0.4495), (-0.0588, 0.4705),
        (-0.0545, 0.4885),
        (-0.0545, 0.5055), (-0.0588, 0.5305), (-0.0618, 0.5605), (-0.0618, 0.5955),
        (-0.0585, 0.6355), (-0.0535, 0.6705), (-0.0492, 0.6935), (-0.0478, 0.7115),
        (-0.0462, 0.7265), (-0.0418, 0.7415), (-0.0398, 0.7555), (-0.0385, 0.7805),
        (-0.0355, 0.8255), (-0.0318, 0.8755), (-0.0292, 0.9155),
        # foot: ankle front, high instep, toes, sole with the lateral arch, heel
        (-0.0293, 0.9345), (-0.0322, 0.9465), (-0.0395, 0.9532), (-0.05, 0.9575),
        (-0.0615, 0.9628), (-0.073, 0.969), (-0.0835, 0.9755), (-0.0922, 0.9812),
        (-0.0975, 0.9836), (-0.1032, 0.9852), (-0.1075, 0.9876), (-0.1098, 0.9915),
        (-0.1098, 0.9958), (-0.107, 0.9988), (-0.1005, 1.0002), (-0.0935, 0.9996), (-0.086, 1.0006),
        (-0.07, 1.0008), (-0.05, 1.0004), (-0.03, 1.0), (-0.01, 1.0004), (0.008, 1.0008),
        (0.02, 1.0), (0.0295, 0.996), (0.0345, 0.9885), (0.0352, 0.978), (0.0318, 0.964),
        (0.0272, 0.948), (0.0248, 0.932),
        (0.0248, 0.9105), (0.0305, 0.8805), (0.0418, 0.8505), (0.0525, 0.8205),
        (0.0578, 0.7905), (0.0568, 0.7625), (0.0498, 0.7405), (0.0465, 0.7255),
        (0.0482, 0.7055), (0.0535, 0.6705), (0.0585, 0.6305), (0.0632, 0.5905),
        (0.0685, 0.5555), (0.0765, 0.5325), (0.0838, 0.5105), (0.0862, 0.4885),
        (0.0828, 0.4665), (0.0725, 0.4465), (0.0588, 0.4255), (0.0508, 0.4055),
        (0.0505, 0.3855), (0.0545, 0.3605), (0.0612, 0.3355), (0.0672, 0.3055),
        (0.0698, 0.2755), (0.0688, 0.2505), (0.0652, 0.2255), (0.0612, 0.2035),
    ]
    arm_back = [_s_arm(t, w) for (t, w, _a) in _S_ARM_W]
    hand = [_s_hand(t, w) + tuple(p[2:]) for p in _S_HAND for (t, w) in [p[:2]]]
    arm_front = [_s_arm(t, -a) for (t, _w, a) in reversed(_S_ARM_W) if a is not None]
    neck_front = [(-0.0125, 0.112), (-0.0285, 0.1302), (-0.0372, 0.1395, 1), (-0.0338, 0.1475),
                  (-0.0352, 0.1555), (-0.0352, 0.1645), (-0.0372, 0.1755)]
    body_pts = (front + arm_back + hand + [p for p in arm_front if p[1] < 0.075]
                + neck_front)
    s.add("skin", smooth_closed(body_pts), True)

    # raised arm details (drawn before the head so the head covers them)
    s.line("contour", [_s_arm(0.162, 0.0135), _s_arm(0.176, 0.0172), _s_arm(0.19, 0.0135)])
    s.line("crease", [_s_arm(0.171, -0.0188), _s_arm(0.176, -0.012), _s_arm(0.176, -0.005)])
    s.line("contour", [_s_arm(0.215, -0.01), _s_arm(0.25, -0.004), _s_arm(0.285, -0.002)])
    s.line("crease", [_s_arm(0.305, -0.0155), _s_arm(0.3065, 0.0), _s_arm(0.305, 0.0155)])
    _s_hand_details(s)
    # deltoid: its posterior border running up onto the arm, and the triceps groove
    s.line("contour", [_s_arm(0.04, 0.0245), _s_arm(0.065, 0.017), _s_arm(0.088, 0.007),
                       _s_arm(0.105, -0.002)])
    s.line("contour", [_s_arm(0.1, 0.012), _s_arm(0.125, 0.008), _s_arm(0.15, 0.009)])
    # posterior axillary fold (teres major / latissimus) leaving the arm for the trunk
    s.line("contour", [_s_arm(0.085, 0.0215), _s_arm(0.05, 0.019), (0.0415, 0.2025),
                       (0.0345, 0.2175), (0.031, 0.2305)])

    # Shape 2: head and neck, on top of the arm's root.
    head = [
        (0.0, 0.0), (-0.0205, 0.0028), (-0.0375, 0.0105), (-0.0505, 0.0215),
        (-0.0588, 0.0345), (-0.0632, 0.0465), (-0.0655, 0.0555), (-0.0632, 0.0625, 1),
        (-0.0668, 0.0695), (-0.0722, 0.0775), (-0.0778, 0.0838), (-0.0805, 0.0868),
        (-0.0792, 0.0895), (-0.0735, 0.0905), (-0.0678, 0.0915, 1),
        (-0.0688, 0.0955), (-0.0705, 0.0998), (-0.0675, 0.1032, 1), (-0.0692, 0.1068),
        (-0.0665, 0.1105), (-0.0605, 0.1145, 1), (-0.0622, 0.1205), (-0.0645, 0.1265),
        (-0.0618, 0.1315), (-0.0545, 0.1345), (-0.0455, 0.1365), (-0.0372, 0.1395, 1),
        (-0.025, 0.1325), (-0.0125, 0.1245), (-0.0035, 0.1182), (0.0015, 0.1122, 1),
        (0.0032, 0.1045), (0.0052, 0.0958, 1), (0.011, 0.0972), (0.0175, 0.1012), (0.0235, 0.1075),
        (0.0292, 0.1148), (0.0345, 0.1212, 1), (0.0392, 0.1125), (0.0462, 0.0975), (0.0508, 0.0805), (0.052, 0.0625),
        (0.0492, 0.0435),
        (0.0418, 0.0255), (0.0312, 0.0115), (0.0175, 0.0028),
    ]
    s.add("skin", smooth_closed(head), True)

    # --- face ---------------------------------------------------------------
    s.mark("vertex", (0.0, 0.004))
    s.mark("glabella", (-0.0635, 0.0575))
    s.mark("nose_tip", (-0.0785, 0.0868))
    s.line("feature", [(-0.0636, 0.0542), (-0.0575, 0.0528), (-0.0505, 0.0532), (-0.0438, 0.0565)])
    s.mark("eyebrow_lateral", (-0.0452, 0.0572))
    s.loop("feature", [(-0.0602, 0.0658), (-0.0572, 0.0637), (-0.0532, 0.064), (-0.0498, 0.0668, 1),
                       (-0.0535, 0.0686), (-0.0575, 0.0688)])
    s.line("feature", [(-0.0598, 0.0636), (-0.0562, 0.0619), (-0.0522, 0.0628)])      # lid fold
    s.line("feature", [(-0.0593, 0.0648), (-0.0586, 0.0665), (-0.0591, 0.0684)])      # iris edge
    s.mark("outer_canthus", (-0.0503, 0.0668))
    s.line("feature", [(-0.0708, 0.0888), (-0.0668, 0.0846), (-0.0628, 0.0852), (-0.0624, 0.0886),
                       (-0.0664, 0.0902)])                                  # ala
    s.line("feature", [(-0.0626, 0.0905), (-0.0605, 0.0965), (-0.0592, 0.1)])    # nasolabial
    s.line("feature", [(-0.0676, 0.1032), (-0.0628, 0.1036), (-0.0585, 0.1043)])
    s.mark("mouth_corner", (-0.0592, 0.1043))
    s.mark("chin", (-0.0612, 0.127))
    s.mark("mandible_angle", (0.0002, 0.1128))
    s.line("contour", [(-0.0415, 0.0768), (-0.031, 0.0758), (-0.0195, 0.0766)])  # zygomatic arch
    s.mark("zygoma_lower", (-0.0238, 0.0792))
    # --- hair ---------------------------------------------------------------
    s.line("contour", [(-0.0548, 0.0262), (-0.045, 0.0285), (-0.036, 0.033), (-0.029, 0.04),
                       (-0.0255, 0.048), (-0.0228, 0.0555), (-0.0208, 0.063), (-0.0192, 0.0695),
                       (-0.0176, 0.0712), (-0.0162, 0.0665), (-0.0132, 0.0552), (-0.0095, 0.0492),
                       (-0.003, 0.0472), (0.005, 0.0474), (0.0125, 0.0515), (0.0185, 0.0605),
                       (0.0225, 0.0805), (0.0262, 0.0985)])  # the sideburn, then around the ear
    s.mark("anterior_hairline", (-0.0535, 0.0268))
    s.mark("hairline_corner", (-0.0372, 0.0338))
    s.mark("temple_hairline", (-0.0185, 0.0615))
    s.mark("posterior_hairline", (0.0342, 0.1178))
    # the occiput at the heights the back view gives it (see _above_hairline)
    s.mark("external_occipital_protuberance", (0.0478, _OCCIPUT_Y))
    s.mark("occipital_protuberance_top", (0.0502, _OCCIPUT_TOP_Y))
    s.line("bone", [(0.0505, _OCCIPUT_TOP_Y - 0.001), (0.0468, _OCCIPUT_Y), (0.0452, _SKULL_BASE_Y - 0.003)])
    s.mark("occipital_fossa", (0.0385, _SKULL_BASE_Y))
    s.mark("mastoid", (0.0238, 0.0952))
    # --- ear ----------------------------------------------------------------
    # Authored upright, then tilted and set by _ear() so that its apex lies straight below the
    # vertex: GV20 is on the line joining the two ear apices.
    ear = [(-0.0015, 0.0698), (0.0008, 0.0595), (0.0082, 0.0538), (0.0172, 0.054),
           (0.0236, 0.0602), (0.0252, 0.0692), (0.0228, 0.0782), (0.0165, 0.0848),
           (0.012, 0.091), (0.0064, 0.0925), (0.0025, 0.0882), (0.0015, 0.0822)]
    s.line("feature", _ear(ear))
    s.line("feature", _ear([(0.0025, 0.0652), (0.0082, 0.0594), (0.0156, 0.0594), (0.0201, 0.065),
                            (0.0198, 0.0742), (0.0145, 0.0812), (0.0102, 0.0845)]))   # helix rim
    s.line("feature", _ear([(0.0072, 0.0658), (0.0126, 0.0632), (0.0164, 0.0682), (0.0152, 0.0762),
                            (0.01, 0.0805), (0.0074, 0.0806)]))                       # antihelix
    s.line("feature", _ear([(0.0015, 0.0822), (-0.0018, 0.0768), (-0.0015, 0.0722), (0.0022, 0.0712)]))
    cx, cy = _ear([(0.0058, 0.0748)])[0]
    s.add("feature", ellipse(cx, cy, 0.002, 0.0026, -_EAR_TILT), True)          # concha
    s.mark("tragus", _ear([(-0.0006, 0.0752)])[0])
    s.mark("intertragic_notch", _ear([(0.0018, 0.0815)])[0])
    s.mark("ear_apex", _ear([_EAR_APEX])[0])
    s.mark("earlobe", _ear([(0.0066, 0.0905)])[0])
    s.mark("ear_behind", _ear([(0.0272, 0.0725)])[0])
    # --- neck and shoulder --------------------------------------------------
    s.mark("laryngeal_prominence", (-0.0335, 0.1545))
    s.line("crease", [(-0.0312, 0.1505), (-0.0298, 0.1552), (-0.0312, 0.1598)])
    scm = smooth_open([(0.0215, 0.0985), (0.011, 0.1255), (-0.0045, 0.153), (-0.0205, 0.1745),
                       (-0.0335, 0.1885)])
    s.add("contour", scm)
    s.mark("scm_front", (x_at_y(scm, 0.1545, min) - 0.0025, 0.1545))
    s.line("contour", [(0.0345, 0.1215), (0.0336, 0.1405), (0.0348, 0.1585), (0.0378, 0.1745)])
    s.line("contour", [(-0.0362, 0.1935), (-0.024, 0.1985), (-0.008, 0.2005), (0.0065, 0.1975),
                       (0.0155, 0.1925)])                                    # clavicle
    s.mark("C7", (0.0395, 0.1835))
    s.mark("suprasternal_notch", (-0.0385, 0.1895))
    s.mark("acromion", (0.0085, 0.2005))
    # --- trunk ---------------------------------------------------------------
    # pectoralis major: lower border sweeping up into the anterior axillary fold
    s.line("contour", [(-0.0688, 0.2905), (-0.0615, 0.2882), (-0.0525, 0.2835), (-0.0432, 0.2745),
                       (-0.0335, 0.2595), (-0.0248, 0.2415), (-0.0182, 0.2245), (-0.0148, 0.2085)])
    # axilla: the hollow between the two folds under the raised arm
    s.line("crease", [(-0.0138, 0.2145), (-0.0065, 0.2232), (0.0045, 0.2275), (0.0165, 0.2262),
                      (0.0262, 0.2205), (0.0312, 0.2125)])
    s.line("crease", [(-0.0035, 0.2175), (0.0065, 0.2195), (0.0165, 0.2175)])
    s.mark("axilla_apex", (0.0065, 0.2215))
    # latissimus dorsi: front border down the flank to the iliac crest
    s.line("contour", [(0.031, 0.2305), (0.0285, 0.2605), (0.0272, 0.2955), (0.0285, 0.3305),
                       (0.0318, 0.3655), (0.0362, 0.3955), (0.0405, 0.4245)])
    # serratus anterior digitations on the lateral chest wall
    for (x0, y0) in [(0.0215, 0.2585), (0.0222, 0.2805), (0.0228, 0.3025)]:
        s.line("crease", [(x0, y0), (x0 - 0.0045, y0 + 0.0058), (x0 - 0.0115, y0 + 0.0085),
                          (x0 - 0.0165, y0 + 0.0082)])
    # nipple seen in profile
    s.line("feature", [(-0.0702, 0.2672), (-0.0712, 0.2688), (-0.0714, 0.2705),
                       (-0.0712, 0.2722), (-0.0702, 0.2738)])
    s.mark("nipple", (-0.0696, 0.2705))
    s.mark("xiphisternal_junction", (-0.0642, 0.3005))
    # rib cage: costal margin to the free ends of the 11th and 12th ribs, lower ribs hinted
    costal = [(-0.0628, 0.3105), (-0.0492, 0.3285), (-0.0345, 0.3495), (-0.0172, 0.3672),
              (0.0022, 0.3795), (0.0185, 0.3845)]
    s.line("contour", costal)
    s.mark("rib11_free_end", (0.0195, 0.3855))
    s.line("contour", [(0.0305, 0.3765), (0.0372, 0.3885), (0.0398, 0.3955)])
    s.mark("rib12_free_end", (0.0402, 0.3965))
    s.line("bone", [(-0.0395, 0.3125), (-0.0205, 0.3275), (0.0, 0.3385), (0.0205, 0.3425)])
    # abdomen: navel, rectus border, external oblique over the iliac crest
    s.mark("umbilicus", (-0.0612, 0.4015))
    s.line("crease", [(-0.0632, 0.3985), (-0.0605, 0.4015), (-0.0632, 0.4045)])
    s.line("crease", [(-0.0512, 0.3405), (-0.0522, 0.3705), (-0.053, 0.3985), (-0.0518, 0.4165)])
    s.line("contour", [(0.0338, 0.4075), (0.0175, 0.4115), (-0.0025, 0.4125), (-0.0205, 0.4175),
                       (-0.0335, 0.4265)])
    s.mark("asis", (-0.0415, 0.4545))              # level with CV4, as on the front view
    s.line("bone", [(-0.0428, 0.4585), (-0.0395, 0.4435), (-0.0235, 0.4285), (-0.0025, 0.4235),
                    (0.0195, 0.4255), (0.0395, 0.4335), (0.0535, 0.4455), (0.0575, 0.4565)])
    s.mark("iliac_crest_top", (-0.0015, 0.4255))
    s.mark("psis", (0.0555, 0.4575))
    s.mark("L2", (0.0478, 0.4045))
    s.mark("pubic_symphysis", (-0.0512, 0.4905))
    s.line("crease", [(-0.0405, 0.4505), (-0.046, 0.4705), (-0.0528, 0.4905)])    # groin
    s.mark("greater_trochanter", (0.0075, 0.5005))
    s.line("bone", [(-0.0035, 0.4935), (0.0075, 0.4885), (0.0185, 0.4955), (0.0195, 0.5085)])
    s.line("contour", [(0.0495, 0.4805), (0.0295, 0.4985), (0.0235, 0.5185)])   # gluteal edge
    s.line("crease", [(0.0765, 0.5325), (0.0665, 0.5405), (0.0555, 0.5425)])    # gluteal fold
    s.line("contour", [(0.0065, 0.5405), (0.0035, 0.5905), (0.0045, 0.6505), (0.0085, 0.7005)])
    s.line("contour", [(-0.0485, 0.5705), (-0.0355, 0.6305), (-0.0255, 0.6805)])  # vastus lat.
    # --- knee and leg -------------------------------------------------------
    s.loop("contour", [(-0.0438, 0.7005), (-0.0385, 0.7085), (-0.0372, 0.7185), (-0.0405, 0.7285),
                       (-0.0448, 0.7275), (-0.0475, 0.7155), (-0.0472, 0.7055)])
    s.mark("patella_centre", (-0.0428, 0.7165))
    s.line("contour", [(-0.0392, 0.7295), (-0.0365, 0.7455), (-0.0368, 0.7555)])
    s.mark("knee_lateral", (0.0055, 0.7255))
    s.line("crease", [(0.0338, 0.7235), (0.0405, 0.7255), (0.0452, 0.7255)])
    s.mark("popliteal_crease_lateral", (0.0392, 0.7255))
    s.line("contour", [(0.0285, 0.6855), (0.0305, 0.7105), (0.0295, 0.7305)])   # biceps tendon
    s.mark("fibula_head", (0.0115, 0.7515))
    s.line("bone", [(0.0045, 0.7485), (0.0115, 0.7445), (0.0185, 0.7495), (0.0165, 0.7565)])
    s.line("contour", [(-0.0255, 0.7655), (-0.0235, 0.8255), (-0.0205, 0.8855), (-0.0185, 0.9255)])
    s.line("contour", [(0.0345, 0.7505), (0.0375, 0.7905), (0.0335, 0.8355), (0.0255, 0.8705)])
    s.line("contour", [(0.0268, 0.8805), (0.0218, 0.9155), (0.0208, 0.9405)])  # Achilles
    s.line("contour", [(0.0178, 0.9535), (0.0168, 0.9622), (0.0112, 0.9665), (0.0055, 0.9638),
                       (0.004, 0.9568), (0.0058, 0.9502)])                # lateral malleolus
    s.mark("lateral_malleolus", (0.0112, 0.9578))
    s.mark("heel", (0.0305, 0.9905))
    s.mark("calcaneus_lateral", (0.0112, 0.9755))
    s.mark("ankle_front", (-0.0275, 0.9495))
    s.line("crease", [(-0.0305, 0.9462), (-0.0245, 0.9515), (-0.0178, 0.9552)])
    s.line("contour", [(-0.0035, 0.9712), (-0.0125, 0.9668), (-0.0232, 0.9675),
                       (-0.0285, 0.9725)])                          # extensor digitorum brevis
    s.mark("cuboid", (-0.0175, 0.9825))
    s.mark("metatarsal5_base", (-0.0335, 0.9885))
    s.line("contour", [(-0.0405, 0.9968), (-0.0338, 0.9918), (-0.0262, 0.9938)])  # 5th MT tuberosity
    s.line("crease", [(0.0175, 0.9935), (-0.01, 0.9958), (-0.045, 0.9972), (-0.075, 0.9978)])
    s.mark("metatarsal5_head", (-0.0795, 0.9945))
    s.mark("dorsum_4_5", (-0.0735, 0.9772))
    s.line("contour", [(-0.0335, 0.9585), (-0.0545, 0.9652), (-0.0755, 0.9748),
                       (-0.0862, 0.9812)])                          # extensor tendons
    # little toe and 4th toe in front of the lateral border, big toe beyond them
    s.line("contour", [(-0.0862, 0.9872), (-0.0932, 0.9888), (-0.0976, 0.992), (-0.0988, 0.9962),
                       (-0.0966, 0.9996)])
    s.line("feature", [(-0.0942, 0.9898), (-0.0966, 0.9904), (-0.098, 0.9928)])    # nail
    s.line("contour", [(-0.0972, 0.9878), (-0.1016, 0.9894), (-0.1042, 0.9928), (-0.1044, 0.9966),
                       (-0.1024, 0.9997)])
    s.line("feature", [(-0.1005, 0.9898), (-0.1026, 0.9905), (-0.1038, 0.9928)])   # nail
    s.line("feature", [(-0.1048, 0.9872), (-0.1072, 0.9884), (-0.1085, 0.9908)])   # big toe nail
    s.mark("toe4_tip", (-0.1032, 0.9935))
    s.mark("toe5_tip", (-0.0978, 0.9962))

    scales = {
        "head_side": ("anterior_hairline", "posterior_hairline", 12, False),
        "trunk_side": ("axilla_apex", "rib11_free_end", 12, False),
        "thigh_lateral": ("greater_trochanter", "knee_lateral", 19, False),
        "leg_lateral": ("knee_lateral", "lateral_malleolus", 16, False),
    }
    return _view("side", "Side (left lateral) view", s, scales)


# ---------------------------------------------------------------------------
# Soles
# ---------------------------------------------------------------------------

_SOLE_CX = 0.058
_SOLE_LEN = 0.15
# outline of the x > 0 sole in (v, u): v lateral offset from the long axis (model units,
# + = lateral = away from x = 0), u distance up from the back of the heel
_SOLE = [
    (0.0, 0.0), (0.0142, 0.0038), (0.0208, 0.0148), (0.0224, 0.03), (0.0226, 0.05),
    (0.0232, 0.07), (0.0262, 0.09), (0.0292, 0.105), (0.0302, 0.1125),
    (0.0285, 0.1195, 1),                                       # little toe
    (0.0272, 0.1245), (0.0238, 0.1262), (0.0205, 0.124), (0.0192, 0.1205, 1),
    (0.0172, 0.1275), (0.0135, 0.1302), (0.01, 0.1285), (0.0085, 0.1245, 1),   # 4th
    (0.0068, 0.1325), (0.003, 0.1358), (-0.0008, 0.1345), (-0.0025, 0.1295, 1),  # 3rd
    (-0.0045, 0.1382), (-0.0085, 0.1418), (-0.0128, 0.1405), (-0.0148, 0.1345, 1),  # 2nd
    (-0.0165, 0.1425), (-0.0212, 0.1492), (-0.0272, 0.15), (-0.0318, 0.1462),
    (-0.0338, 0.1375), (-0.0332, 0.1275),                       # big toe
    (-0.0318, 0.115), (-0.0298, 0.1), (-0.0255, 0.086), (-0.0202, 0.071), (-0.0172, 0.056),
    (-0.0175, 0.04), (-0.0195, 0.024), (-0.0185, 0.0092), (-0.0118, 0.0022),
]


def _sole_pt(v, u, side=1):
    return (side * (_SOLE_CX + v), 1.0 - u)


@lru_cache(maxsize=1)
def _soles() -> View:
    s = _Sheet(mirrored=True)
    outline = smooth_closed([_sole_pt(p[0], p[1]) + tuple(p[2:]) for p in _SOLE])
    s.add("skin", outline, True)
    # toe pads and their creases
    for (v, u, rx, ry) in [(0.0238, 0.1205, 0.0035, 0.0038), (0.0135, 0.1255, 0.0037, 0.0042),
                           (0.003, 0.1305, 0.0038, 0.0045), (-0.0087, 0.1355, 0.0041, 0.0048),
                           (-0.0258, 0.1395, 0.0062, 0.0066)]:
        x, y = _sole_pt(v, u)
        s.ellipse("crease", x, y, rx, ry)
    # ball of the foot and heel pad, arch
    s.line("contour", [_sole_pt(0.0262, 0.0985), _sole_pt(0.012, 0.1035), _sole_pt(-0.004, 0.1065),
                       _sole_pt(-0.018, 0.1058), _sole_pt(-0.0285, 0.1015)])
    s.line("contour", [_sole_pt(0.0175, 0.038), _sole_pt(0.0, 0.0445), _sole_pt(-0.0145, 0.041)])
    web = _sole_pt(-0.002, 0.1235)
    heel = _sole_pt(0.0005, 0.0035)
    s.mark("sole_web_2_3", web)
    s.mark("sole_heel", heel)
    s.mark("sole_big_toe_tip", _sole_pt(-0.0262, 0.1465))
    s.mark("sole_centre", lerp(web, heel, 0.5))
    return _view("soles", "Soles (plantar) view", s, {})


# ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def build_body() -> BodyModel:
    """The whole figure (deterministic, cached)."""
    return BodyModel({"front": _front(), "back": _back(), "side": _side(), "soles": _soles()})
