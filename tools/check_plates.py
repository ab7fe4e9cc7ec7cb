"""How legible is every WHO point? The measure of issue #13, computed from the exports.

For each WHO point (the 361 points of the 14 channels) and each view that shows it: the distance from
its marker to the nearest marker of a *different* point, as a share of that view's height (y1 - y0 of
``export views``). A point with two markers on a view (left and right) counts its better one. The point
is legible when that share reaches 2 % on at least one view.

    python tools/check_plates.py            # the worst points, the count of legible points, the views
    python tools/check_plates.py --worst 40

The figures come from ``meridian-viewer export points`` and ``export views`` (the same rows, built in
process), so what is measured is what the export shows.
"""
from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEGIBLE = 0.02  # of the view's height: 20 px on a 1000-px-high view at fit zoom


@dataclass(frozen=True)
class Legibility:
    code: str
    share: float  # the best share over the views that show the point (0.0 if none)
    view: str  # the view that shows it best ("" if none)

    @property
    def legible(self) -> bool:
        return self.share >= LEGIBLE


def measure(points: list[dict], views: list[dict], codes: list[str]) -> list[Legibility]:
    """Legibility of each of ``codes`` from export rows (``points``: code, view, x, y; ``views``: name, y0, y1),
    worst first."""
    height = {v["name"]: v["y1"] - v["y0"] for v in views}
    on_view: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for p in points:
        on_view[p["view"]].append((p["code"], p["x"], p["y"]))
    best: dict[str, tuple[float, str]] = dict.fromkeys(codes, (-1.0, ""))
    for view, markers in on_view.items():
        for code, x, y in markers:
            if code not in best:
                continue
            others = [math.hypot(x - ox, y - oy) for other, ox, oy in markers if other != code]
            share = (min(others) if others else math.inf) / height[view]
            if share > best[code][0]:
                best[code] = (share, view)
    return sorted((Legibility(code, max(share, 0.0), view) for code, (share, view) in best.items()),
                  key=lambda item: (item.share, item.code))


def who_codes(content) -> list[str]:
    from viewer.atlas.content import WHO_COUNTS

    return [code for code, point in content.atlas.points.items() if point.meridian in WHO_COUNTS]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worst", type=int, default=25, help="how many of the worst points to list")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from viewer.atlas.content import load_content
    from viewer.atlas.export import point_rows, view_rows

    content = load_content(use_cache=False)
    views = view_rows(content)
    result = measure(point_rows(content), views, who_codes(content))
    for item in result[:args.worst]:
        shown = f"{100 * item.share:.2f} % on {item.view}" if item.view else "on no view"
        print(f"{item.code:6} {shown}")
    legible = sum(item.legible for item in result)
    print(f"legible (>= {100 * LEGIBLE:.0f} % of a view's height on some view): {legible} of {len(result)}; "
          f"views: {len(views)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
