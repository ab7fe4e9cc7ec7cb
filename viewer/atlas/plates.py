"""Regional plates: views that magnify a rectangle of a whole figure (see docs/views.md).

A plate is its parent mapped by one affine transform (``views.transform``): the parent's drawing and
landmarks (the same names, so placements and scales work unchanged), the parent's scales multiplied by
the magnification, its own scales computed from those landmarks, and the parent's markers that fall
inside it — except the markers of a point that has placements of its own on the plate. Qt-free.
"""
from __future__ import annotations

import math

from .views import ViewSpec, apply, scale_of, transform


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
