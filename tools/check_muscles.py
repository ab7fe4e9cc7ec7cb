"""Validate the trigger-point files and draw preview PNGs of their shapes, zones and trigger points.

Usage: python tools/check_muscles.py [FILE_STEM ...]     e.g.  python tools/check_muscles.py back
Writes /tmp/muscles_<stem>_<view>.png (or /tmp/muscles_all_<view>.png). Exit 1 on any problem.
"""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image, ImageDraw
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QGuiApplication

from viewer.atlas.content import load_content
from viewer.ui import theme
from viewer.ui.figure_paint import figure_image

H = 1400
FILL = {"muscle": (176, 92, 74, 70), "essential": (214, 40, 40, 120), "spillover": (214, 40, 40, 45)}
EDGE = {"muscle": (140, 60, 45, 255), "essential": (170, 20, 20, 255), "spillover": (200, 60, 60, 255)}


def crosses_itself(pts) -> bool:
    """True if two non-adjacent edges of the closed polygon intersect."""
    def orient(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    segs = [(pts[i - 1], pts[i]) for i in range(len(pts))]
    for i, (a, b) in enumerate(segs):
        for c, d in segs[i + 2:len(segs) - (1 if i == 0 else 0)]:
            if orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0:
                return True
    return False


def render(content, view_name: str, muscles: set[str], path: Path) -> None:
    view = content.body.view(view_name)
    xmin, ymin, xmax, ymax = view.bounds
    scale = H / (ymax - ymin)
    area = (xmin - 20 / scale, ymin - 20 / scale, xmax + 20 / scale, ymax + 20 / scale)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    figure_image(view, H + 40, area).save(buffer, "PNG")  # the figure as the app draws it
    image = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")

    def px(p):
        return ((p[0] - xmin) * scale + 20, (p[1] - ymin) * scale + 20)

    draw = ImageDraw.Draw(image, "RGBA")
    for region in content.muscles.regions.get(view_name, []):
        if region.muscle in muscles:
            pts = [px(p) for p in region.polygon]
            draw.polygon(pts, fill=FILL[region.kind], outline=EDGE[region.kind])
    for marker in content.muscles.markers.get(view_name, []):
        tp = content.muscles.trigger_points[marker.code]
        if tp.muscle in muscles:
            x, y = px((marker.x, marker.y))
            draw.line([(x - 5, y - 5), (x + 5, y + 5)], fill=(0, 0, 0, 255), width=3)
            draw.line([(x - 5, y + 5), (x + 5, y - 5)], fill=(0, 0, 0, 255), width=3)
            draw.text((x + 7, y - 6), marker.code, fill=(0, 0, 0, 255))
    image.save(path)


def main(argv: list[str]) -> int:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - the figure is drawn with Qt
    theme.set_current(theme.PAPER)
    content = load_content(use_cache=False)
    catalog = content.muscles
    stems = argv or ["all"]
    bad = 0
    for problem in catalog.problems:
        if stems == ["all"] or any(f"muscles/{s}.toml" == problem.file for s in stems):
            print(f"ERROR {problem}")
            bad += 1
    for stem in stems:
        muscles = {m.id for m in catalog.muscles.values() if stem == "all" or m.file == f"muscles/{stem}.toml"}
        for view_name, regions in catalog.regions.items():
            view = content.body.view(view_name)
            for region in regions:
                if region.muscle not in muscles:
                    continue
                outside = [p for p in region.polygon if not view.contains(*p)]
                if crosses_itself(region.polygon):
                    print(f"ERROR {region.muscle}: {region.kind} outline on the {view_name} view crosses itself "
                          "(reorder its vertices)")
                    bad += 1
                if outside:
                    print(f"ERROR {region.muscle}: {region.kind} outline on the {view_name} view leaves the figure "
                          f"near ({outside[0][0]:.3f}, {outside[0][1]:.3f})")
                    bad += 1
            for marker in catalog.markers.get(view_name, []):
                tp = catalog.trigger_points[marker.code]
                if tp.muscle in muscles and not view.contains(marker.x, marker.y):
                    print(f"ERROR {tp.muscle}: trigger point {marker.code} ({view_name}) is outside the figure")
                    bad += 1
            if any(r.muscle in muscles for r in regions) or any(
                    catalog.trigger_points[m.code].muscle in muscles for m in catalog.markers.get(view_name, [])):
                out = Path(f"/tmp/muscles_{stem}_{view_name}.png")
                render(content, view_name, muscles, out)
                print(f"preview: {out}")
        print(f"{stem}: {len(muscles)} muscles, "
              f"{sum(1 for t in catalog.trigger_points.values() if t.muscle in muscles)} trigger points")
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
