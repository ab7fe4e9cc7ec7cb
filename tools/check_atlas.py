"""Validate the bundled atlas: schema, placement, WHO counts, markers inside the figure.

Usage: python tools/check_atlas.py [--verbose]
Exit status 1 if anything is wrong.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from viewer.atlas.content import WHO_COUNTS, load_content


def main(argv: list[str]) -> int:
    content = load_content()
    atlas, layout, body = content.atlas, content.layout, content.body
    bad = 0
    for problem in content.problems:
        print(f"ERROR {problem}")
        bad += 1
    for code, expected in WHO_COUNTS.items():
        meridian = atlas.meridians.get(code)
        got = len(meridian.points) if meridian else 0
        if got != expected:
            print(f"ERROR {code}: {got} points loaded, WHO standard has {expected}")
            bad += 1
    for code, markers in layout.by_point.items():
        if not markers:
            print(f"ERROR {code}: no marker on any view")
            bad += 1
        for m in markers:
            view = body.view(m.view)
            if not view.contains(m.x, m.y):
                print(f"ERROR {code}: {m.view} view, {m.side} marker ({m.x:.4f}, {m.y:.4f}) is outside the figure")
                bad += 1
    total = sum(len(atlas.meridians[c].points) for c in WHO_COUNTS if c in atlas.meridians)
    extra = len(atlas.meridians["EX"].points) if "EX" in atlas.meridians else 0
    print(f"{total} standard points, {extra} extra points, "
          f"{sum(len(v) for v in layout.markers.values())} markers, "
          f"{len(layout.manual)} hand-typed placements{': ' + ', '.join(layout.manual) if layout.manual else ''}")
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
