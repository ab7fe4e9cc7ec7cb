"""The geometry of the drawings (viewer/atlas/geometry.py): splines, flattening, mirroring, inside tests."""
from __future__ import annotations

import pytest

from viewer.atlas import geometry as geo

SQUARE = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]


def test_splines_pass_through_their_points():
    """smooth_closed/open pass through their points; an open spline has one curve per gap."""
    closed = geo.smooth_closed(SQUARE)
    assert closed[0] == ("M", 0.0, 0.0) and closed[-1] == ("Z",)
    assert [(c[-2], c[-1]) for c in closed if c[0] == "C"] == SQUARE[1:] + SQUARE[:1]
    op = geo.smooth_open(SQUARE)
    assert len([c for c in op if c[0] == "C"]) == 3 and (op[-1][-2], op[-1][-1]) == (0.0, 1.0)
    assert geo.smooth_open([]) == () and geo.smooth_open([(1, 2)]) == (("M", 1.0, 2.0),)


def test_corner_knot_makes_a_sharp_corner():
    """A knot marked as a corner leaves the curve in a different direction than it arrived."""
    smooth = geo.smooth_open([(0, 0), (1, 0), (1, 1)])
    sharp = geo.smooth_open([(0, 0), (1, 0, 1), (1, 1)])

    def turn(cmds):  # direction in (second control point of the first curve) vs out (first of the second)
        (_, _, _, x2, y2, x, y), (_, x3, y3, *_rest) = cmds[1], cmds[2]
        return (x - x2, y - y2), (x3 - x, y3 - y)

    (ain, aout), (bin_, bout) = turn(smooth), turn(sharp)
    cross = ain[0] * aout[1] - ain[1] * aout[0]
    assert abs(cross) < 1e-9  # tangent continuous
    assert abs(bin_[0] * bout[1] - bin_[1] * bout[0]) > 1e-3


def test_flatten_samples_curves_and_closes():
    """flatten gives steps points per curve and returns to the start on Z."""
    op = geo.smooth_open(SQUARE)
    poly = geo.flatten(op, 10)
    assert len(poly) == 31 and poly[0] == (0.0, 0.0)
    box = geo.flatten((("M", 0, 0), ("L", 2, 0), ("L", 2, 1), ("Z",)))
    assert box == [(0, 0), (2, 0), (2, 1), (0, 0)]


def test_mirror_and_translate():
    """mirror reflects every point in x = 0; translate moves every point; Z is kept."""
    op = geo.smooth_open(SQUARE)
    m = geo.mirror(op)
    assert all(abs(a[0] + b[0]) < 1e-12 and a[1] == b[1]
               for a, b in zip(geo.flatten(m, 4), geo.flatten(op, 4), strict=True))
    moved = geo.translate((("M", 1, 2), ("C", 0, 0, 1, 1, 2, 2), ("Z",)), 1, -1)
    assert moved == (("M", 2, 1), ("C", 1, -1, 2, 0, 3, 1), ("Z",))


def test_point_in_polygon_even_odd():
    """Inside a square, outside it, and in the hole of a self-overlapping outline (even-odd)."""
    assert geo.point_in_polygon(SQUARE, 0.5, 0.5)
    assert not geo.point_in_polygon(SQUARE, 1.5, 0.5)
    assert not geo.point_in_polygon(SQUARE, -0.01, 0.5)
    twice = SQUARE + SQUARE
    assert not geo.point_in_polygon(twice, 0.5, 0.5)


def test_ellipse_and_rounded_box_are_closed_and_sized():
    """The Bezier ellipse stays within 0.1 % of the true radius; the rounded box fills its rectangle."""
    e = geo.ellipse(1.0, 2.0, 0.5, 0.25)
    assert e[-1] == ("Z",)
    for x, y in geo.flatten(e, 16):
        assert ((x - 1.0) / 0.5) ** 2 + ((y - 2.0) / 0.25) ** 2 == pytest.approx(1.0, abs=2e-3)
    box = geo.bounding_box(geo.flatten(geo.rounded_box(0, 0, 2, 1, 0.2), 8))
    assert box == pytest.approx((0, 0, 2, 1))
    assert geo.point_in_polygon(geo.flatten(geo.rounded_box(0, 0, 2, 1, 0.2)), 1.9, 0.5)
    assert not geo.point_in_polygon(geo.flatten(geo.rounded_box(0, 0, 2, 1, 0.2)), 0.01, 0.01)


def test_crossings():
    """x_at_y / y_at_x find where a stroke crosses a level, and say so when it never does."""
    line = (("M", 0, 0), ("L", 2, 4))
    assert geo.x_at_y(line, 2) == pytest.approx(1)
    assert geo.y_at_x(line, 0.5) == pytest.approx(1)
    v = (("M", -1, 1), ("L", 0, 0), ("L", 1, 1))
    assert geo.x_at_y(v, 0.5, pick=min) == pytest.approx(-0.5)
    with pytest.raises(ValueError, match="does not reach"):
        geo.x_at_y(line, 5)
    assert geo.lerp((0, 0), (2, 4), 0.25) == (0.5, 1.0) and geo.dist((0, 0), (3, 4)) == 5
