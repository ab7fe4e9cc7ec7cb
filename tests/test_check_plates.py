"""tools/check_plates.py: the legibility measure of issue #13 (nearest other marker / view height >= 2 %)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import check_plates

VIEWS = [{"name": "whole", "y0": 0.0, "y1": 2.0}, {"name": "plate", "y0": -0.5, "y1": 0.5}]


def _marker(code, view, x, y):
    return {"code": code, "view": view, "x": x, "y": y}


def test_the_share_is_the_nearest_other_marker_over_the_view_height_best_view_counting():
    """On a 2-high view, 0.03 apart is 1.5 % (not legible); on a 1-high plate 0.025 apart is 2.5 % (legible).
    A point's own second marker is not 'another point'; a point on no view has share 0."""
    points = [
        _marker("A", "whole", 0.0, 0.0), _marker("B", "whole", 0.0, 0.03), _marker("C", "whole", 1.0, 1.0),
        _marker("A", "whole", 0.001, 0.0),  # A's other side: does not crowd A
        _marker("A", "plate", 0.0, 0.0), _marker("B", "plate", 0.0, 0.025),
    ]
    result = {r.code: r for r in check_plates.measure(points, VIEWS, ["A", "B", "C", "D"])}
    assert result["A"].share == pytest.approx(0.025) and result["A"].view == "plate" and result["A"].legible
    assert result["B"].share == pytest.approx(0.025) and result["B"].legible
    c_share = (1.0 + (1.0 - 0.03) ** 2) ** 0.5 / 2.0  # to B, the nearest other point's marker
    assert result["C"].share == pytest.approx(c_share)
    assert result["D"].share == 0.0 and result["D"].view == "" and not result["D"].legible
    assert next(r.code for r in check_plates.measure(points, VIEWS, ["A", "C", "D"])) == "D"  # worst first


def test_a_threshold_case_just_under_two_percent_is_not_legible():
    """0.0199 of the view's height is under the 2 % line; 0.02 is on it."""
    under = [_marker("A", "plate", 0.0, 0.0), _marker("B", "plate", 0.0, 0.0199)]
    on = [_marker("A", "plate", 0.0, 0.0), _marker("B", "plate", 0.0, 0.02)]
    assert not check_plates.measure(under, VIEWS, ["A"])[0].legible
    assert check_plates.measure(on, VIEWS, ["A"])[0].legible


def test_every_who_point_is_legible_on_some_view_of_at_least_ten(content):
    """All 361 WHO points reach 2 % of a view's height from the nearest other point, on >= 10 views."""
    from viewer.atlas.export import point_rows, view_rows

    views = view_rows(content)
    result = check_plates.measure(point_rows(content), views, check_plates.who_codes(content))
    assert len(result) == 361 and len(views) >= 10
    assert [r.code for r in result if not r.legible] == []
