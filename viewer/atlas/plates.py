"""Regional plates: views that magnify a rectangle of a whole figure (see docs/views.md).

A plate is its parent mapped by one affine transform (``views.transform``): the parent's drawing and
landmarks (the same names, so placements and scales work unchanged), the parent's scales multiplied by
the magnification, its own scales computed from those landmarks, and the parent's markers that fall
inside it — except the markers of a point that has placements of its own on the plate. Qt-free.
"""
from __future__ import annotations

import math

from .views import ViewSpec, apply, registry, scale_of, transform


def map_commands(affine, commands) -> tuple:
    """Path commands (M, L, C, Z) mapped by an affine transform (Bézier curves map by their control points)."""
    out: list[tuple] = []
    for c in commands:
        coords = c[1:]
        if not coords:
            out.append(tuple(c))
            continue
        mapped: list[float] = []
        for i in range(0, len(coords), 2):
            mapped.extend(apply(affine, coords[i], coords[i + 1]))
        out.append((c[0], *mapped))
    return tuple(out)


def _mapped_box(affine, box) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = box
    corners = [apply(affine, x, y) for x in (x0, x1) for y in (y0, y1)]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return (min(xs), min(ys), max(xs), max(ys))


def landmark_side(spec: ViewSpec, parent_mirrored: bool) -> float:
    """+1 or -1: the sign of x of the parent's landmarks a plate uses. A mirrored parent stores bilateral
    landmarks at x > 0; a one-sided plate over the x < 0 half takes their mirror images."""
    assert spec.crop is not None
    centre = (spec.crop[0] + spec.crop[2]) / 2
    return -1.0 if parent_mirrored and not spec.mirrored and centre < 0 else 1.0


def derive_view(spec: ViewSpec, parent, parent_mirrored: bool, view_type, path_type, own=None):
    """The plate ``spec`` of the ``parent`` View: its paths, landmarks, scales, bounds and insets mapped, and
    the plate's ``own`` drawing (in plate units) on top. ``view_type`` and ``path_type`` are the body model's
    View and Stroke classes."""
    affine = transform(spec)
    sign = landmark_side(spec, parent_mirrored)
    paths = tuple(path_type(p.role, map_commands(affine, p.commands), p.closed) for p in parent.paths)
    landmarks = {name: apply(affine, sign * x, y) for name, (x, y) in parent.landmarks.items()}
    if own is not None:
        paths += tuple(own.paths)
        landmarks.update(own.landmarks)
    k = scale_of(spec)
    scales = {name: round(value * k, 7) for name, value in parent.scales.items()}
    for name, scale in spec.scales.items():
        a, b = landmarks[scale.start], landmarks[scale.end]
        length = 2 * abs(a[0]) if scale.across else math.dist(a, b)
        scales[name] = round(length / scale.cun, 7)
    insets = {name: _mapped_box(affine, box) for name, box in parent.insets.items()}
    if own is not None:
        insets.update(own.insets)
    return view_type(spec.name, spec.title, paths, landmarks, scales, spec.plate_bounds(), insets)


def inside(bounds, x: float, y: float) -> bool:
    x0, y0, x1, y1 = bounds
    return x0 <= x <= x1 and y0 <= y <= y1


def invert(affine, x: float, y: float) -> tuple[float, float]:
    """The point that ``affine`` maps to (x, y)."""
    a, b, c, d, e, f = affine
    det = a * d - b * c
    return ((d * (x - e) - b * (y - f)) / det, (-c * (x - e) + a * (y - f)) / det)


def is_plate(view: str) -> bool:
    spec = registry().get(view)
    return spec is not None and spec.is_plate


def whole_figure_spot(view: str, x: float, y: float) -> tuple[str, float, float]:
    """A spot of a plate as the same spot of the whole figure it magnifies (up a chain of plates); a spot of
    any other view unchanged. Questions about a spot (what hurts there, what lies beneath, which points are
    near) are answered on the whole figure, where distances are in the figure's own units."""
    views = registry()
    spec = views.get(view)
    while spec is not None and spec.is_plate and spec.parent:
        x, y = invert(transform(spec), x, y)
        view = spec.parent
        spec = views.get(view)
    return view, x, y


def _box(commands) -> tuple[float, float, float, float]:
    xs = [c[i] for c in commands for i in range(1, len(c), 2)]
    ys = [c[i] for c in commands for i in range(2, len(c), 2)]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else (0.0, 0.0, 0.0, 0.0)


def overlaps(bounds, commands) -> bool:
    """True if the control-point box of a path meets ``bounds`` (a Bézier curve lies inside that box)."""
    x0, y0, x1, y1 = _box(commands)
    return x0 <= bounds[2] and x1 >= bounds[0] and y0 <= bounds[3] and y1 >= bounds[1]


def plates_in_order(body):
    """(name, spec, bounds, affine) of every plate of ``body``, parents before the plates they feed."""
    for name, spec in body.registry.views.items():
        if spec.is_plate and name in body.views and spec.parent in body.views:
            yield name, spec, body.view(name).bounds, transform(spec)


def derive_shapes(per_view: dict, body, remake) -> None:
    """Copy every placed shape of a parent onto the plates that show it, mapped: ``per_view`` is
    view -> list of shapes with ``commands``; ``remake(shape, view, commands)`` builds the plate's copy."""
    for name, spec, bounds, affine in plates_in_order(body):
        mapped = [(shape, map_commands(affine, shape.commands)) for shape in per_view.get(spec.parent, [])]
        per_view[name] = per_view.get(name, []) + [remake(shape, name, cmds) for shape, cmds in mapped
                                                   if overlaps(bounds, cmds)]


def from_whole_figure(view: str, x: float, y: float) -> tuple[float, float]:
    """A spot of the whole figure under a plate, in the plate's coordinates (down a chain of plates)."""
    views = registry()
    chain = []
    spec = views.get(view)
    while spec is not None and spec.is_plate and spec.parent:
        chain.append(spec)
        spec = views.get(spec.parent)
    for spec in reversed(chain):
        x, y = apply(transform(spec), x, y)
    return x, y


def magnification(body, name: str) -> float:
    """How much larger than the first whole figure a view draws the body: a plate's zoom on its parent, an
    own projection's cun against the first figure's (1.0 when either is unknown)."""
    if name not in body.views:
        return 1.0
    spec = body.spec(name)
    if spec.is_plate:
        return scale_of(spec) * magnification(body, spec.parent)
    first = body.registry.first
    reference = body.view(first).scales.get(body.spec(first).cun_scale)
    own = body.view(name).scales.get(spec.cun_scale) if spec.cun_scale else None
    return own / reference if own and reference else 1.0
