"""Plane geometry of the drawings: path commands, splines, flattening, mirroring, point-in-polygon.

Pure Python (stdlib only). A path is a tuple of commands in model units:
``("M", x, y)``, ``("L", x, y)``, ``("C", x1, y1, x2, y2, x, y)`` and ``("Z",)`` — the absolute
subset of SVG path data that the drawing files are read into (see ``drawing.py``). The body model,
the muscle outlines and the safety shapes all use these functions; there is no second copy.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

Point = tuple[float, float]
Knot = tuple[float, ...]  # a spline's point: (x, y), or (x, y, corner) for a sharp corner
Commands = tuple[tuple, ...]


def point_in_polygon(poly: Sequence[Point], x: float, y: float) -> bool:
    """Even-odd test: does (x, y) lie inside the closed polygon ``poly`` (last point joins the first)?"""
    inside = False
    j = len(poly) - 1
    for i in range(len(poly)):
        xi, yi = poly[i]
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < xi + (y - yi) * (xj - xi) / (yj - yi):
            inside = not inside
        j = i
    return inside


def _cr_commands(points: Sequence[Knot], closed: bool, alpha: float = 0.5) -> Commands:
    """Centripetal Catmull-Rom through ``points`` as cubic Bezier commands.

    A point may carry a third item that is truthy ("corner"): the curve then
    has a sharp corner there (each side takes a one-sided tangent).
    """
    pts = [(float(p[0]), float(p[1])) for p in points]
    corner = [len(p) > 2 and bool(p[2]) for p in points]
    n = len(pts)
    if n == 0:
        return ()
    if n == 1:
        return (("M", pts[0][0], pts[0][1]),)
    segments = n if closed else n - 1
    # knots[k] is the point before segment k's start (k - 1); an open curve's ends are mirrored outward
    if closed:
        knots = [pts[-1], *pts, pts[0], pts[1 % n]]
        corners = [corner[i % n] for i in range(segments + 1)]
    else:
        knots = [(2 * pts[0][0] - pts[1][0], 2 * pts[0][1] - pts[1][1]), *pts,
                 (2 * pts[-1][0] - pts[-2][0], 2 * pts[-1][1] - pts[-2][1])]
        corners = corner
    cmds: list[tuple] = [("M", pts[0][0], pts[0][1])]
    hypot = math.hypot
    for i in range(segments):  # the curve from knot i to knot i + 1, shaped by i - 1 and i + 2
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = knots[i:i + 4]
        if corners[i]:
            x0, y0 = 2 * x1 - x2, 2 * y1 - y2
        if corners[i + 1]:
            x3, y3 = 2 * x2 - x1, 2 * y2 - y1
        d01 = max(hypot(x1 - x0, y1 - y0), 1e-9) ** alpha
        d12 = max(hypot(x2 - x1, y2 - y1), 1e-9) ** alpha
        d23 = max(hypot(x3 - x2, y3 - y2), 1e-9) ** alpha
        m1x = d12 * ((x1 - x0) / d01 - (x2 - x0) / (d01 + d12) + (x2 - x1) / d12)
        m1y = d12 * ((y1 - y0) / d01 - (y2 - y0) / (d01 + d12) + (y2 - y1) / d12)
        m2x = d12 * ((x2 - x1) / d12 - (x3 - x1) / (d12 + d23) + (x3 - x2) / d23)
        m2y = d12 * ((y2 - y1) / d12 - (y3 - y1) / (d12 + d23) + (y3 - y2) / d23)
        cmds.append(("C", x1 + m1x / 3, y1 + m1y / 3, x2 - m2x / 3, y2 - m2y / 3, x2, y2))
    if closed:
        cmds.append(("Z",))
    return tuple(cmds)


def smooth_closed(points: Sequence[Knot], alpha: float = 0.5) -> Commands:
    """Closed centripetal Catmull-Rom spline through ``points`` -> M/C/Z commands."""
    return _cr_commands(points, True, alpha)


def smooth_open(points: Sequence[Knot], alpha: float = 0.5) -> Commands:
    """Open centripetal Catmull-Rom spline through ``points`` -> M/C commands."""
    return _cr_commands(points, False, alpha)


def flatten(commands: Sequence[tuple], steps: int = 12) -> list[Point]:
    """Polyline approximation of a command list (cubics sampled with ``steps`` steps)."""
    out: list[Point] = []
    cur = (0.0, 0.0)
    start = (0.0, 0.0)
    for c in commands:
        op = c[0]
        if op == "M":
            cur = start = (c[1], c[2])
            out.append(cur)
        elif op == "L":
            cur = (c[1], c[2])
            out.append(cur)
        elif op == "C":
            x0, y0 = cur
            x1, y1, x2, y2, x3, y3 = c[1:]
            for s in range(1, steps + 1):
                t = s / steps
                u = 1 - t
                a, b, cc, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
                out.append((a * x0 + b * x1 + cc * x2 + d * x3, a * y0 + b * y1 + cc * y2 + d * y3))
            cur = (x3, y3)
        elif op == "Z":
            if out and out[-1] != start:
                out.append(start)
            cur = start
    return out


def _map(commands: Sequence[tuple], f) -> Commands:
    """The commands with every point (x, y) replaced by f(x, y)."""
    out: list[tuple] = []
    for c in commands:
        xy = [v for i in range(1, len(c), 2) for v in f(c[i], c[i + 1])]
        out.append((c[0], *xy))
    return tuple(out)


def mirror(commands: Sequence[tuple]) -> Commands:
    """The same commands reflected in x = 0 (x -> -x)."""
    return _map(commands, lambda x, y: (-x, y))


def translate(commands: Sequence[tuple], dx: float, dy: float) -> Commands:
    """The same commands moved by (dx, dy)."""
    return _map(commands, lambda x, y: (x + dx, y + dy))


def ellipse(cx: float, cy: float, rx: float, ry: float, rot: float = 0.0) -> Commands:
    """Closed Bezier ellipse (4 arcs), rotated by ``rot`` radians."""
    k = 0.5522847498
    cr, sr = math.cos(rot), math.sin(rot)

    def t(x: float, y: float) -> Point:
        return (cx + x * cr - y * sr, cy + x * sr + y * cr)

    p = [t(rx, 0), t(0, ry), t(-rx, 0), t(0, -ry)]
    h = [((rx, k * ry), (k * rx, ry)), ((-k * rx, ry), (-rx, k * ry)),
         ((-rx, -k * ry), (-k * rx, -ry)), ((k * rx, -ry), (rx, -k * ry))]
    cmds: list[tuple] = [("M", *p[0])]
    for i in range(4):
        a = t(*h[i][0])
        b = t(*h[i][1])
        e = p[(i + 1) % 4]
        cmds.append(("C", a[0], a[1], b[0], b[1], e[0], e[1]))
    cmds.append(("Z",))
    return tuple(cmds)


def rounded_box(x0: float, y0: float, x1: float, y1: float, r: float) -> Commands:
    """A closed rectangle with rounded corners, as M/L/C/Z commands."""
    k = 0.5523 * r
    return (("M", x0 + r, y0), ("L", x1 - r, y0), ("C", x1 - r + k, y0, x1, y0 + r - k, x1, y0 + r),
            ("L", x1, y1 - r), ("C", x1, y1 - r + k, x1 - r + k, y1, x1 - r, y1), ("L", x0 + r, y1),
            ("C", x0 + r - k, y1, x0, y1 - r + k, x0, y1 - r), ("L", x0, y0 + r),
            ("C", x0, y0 + r - k, x0 + r - k, y0, x0 + r, y0), ("Z",))


def lerp(a: Point, b: Point, t: float) -> Point:
    """The point ``t`` of the way from a to b."""
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def dist(a: Point, b: Point) -> float:
    return math.dist(a, b)


def _crossings(commands: Sequence[tuple], value: float, axis: int) -> list[float]:
    """Where the flattened stroke crosses the line coordinate[axis] = value: the other coordinate."""
    other = 1 - axis
    out = []
    for p, q in pairwise(flatten(commands, 24)):
        if (p[axis] - value) * (q[axis] - value) <= 0 and p[axis] != q[axis]:
            out.append(p[other] + (value - p[axis]) * (q[other] - p[other]) / (q[axis] - p[axis]))
    return out


def x_at_y(commands: Sequence[tuple], y: float, pick=max) -> float:
    """x where a drawn (flattened) stroke crosses height y (``pick`` among crossings)."""
    xs = _crossings(commands, y, 1)
    if not xs:
        raise ValueError(f"stroke does not reach y={y}")
    return pick(xs)


def y_at_x(commands: Sequence[tuple], x: float, pick=max) -> float:
    """y where a drawn (flattened) stroke crosses x (``pick`` among crossings)."""
    ys = _crossings(commands, x, 0)
    if not ys:
        raise ValueError(f"stroke does not reach x={x}")
    return pick(ys)


def bounding_box(points: Sequence[Point]) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of the points."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))
