"""Render every view of the body model to PNG files for visual review.

Usage:  python tools/preview_body.py [outdir] [--height 900] [--crop view:x0,y0,x1,y1:name ...]

Writes <outdir>/body_<view>.png (the figure as the app draws it, with small red landmark dots) and
<outdir>/body_<view>_labels.png (twice the size, with landmark names). With --points the atlas point
markers are drawn too (green, magenta if outside the skin; labelled with their codes on the *_labels /
crop images) and markers outside the figure are listed on stdout. The figure is drawn by the app's own
renderer (viewer/ui/figure_paint.py) in the light theme.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter

from viewer.atlas import body as bm
from viewer.atlas.views import registry
from viewer.ui import theme
from viewer.ui.figure_paint import figure_image, model_to_image

# views whose bilateral landmarks are drawn once, at x > 0 (assets/atlas/views.toml)
MIRRORED = tuple(name for name, spec in registry().views.items() if spec.mirrored)
LANDMARK, NAME, INSIDE, OUTSIDE = QColor(220, 30, 30), QColor(20, 20, 160), QColor(30, 150, 60), QColor(230, 0, 200)


def _markers(view_name):
    """(code, x, y) of every atlas point marker on the view (needs the atlas data)."""
    from viewer.atlas.content import load_content

    layout = load_content().layout
    return [(m.code, m.x, m.y) for m in layout.markers.get(view_name, [])]


def render(view, height, labels=False, crop=None, points=None):
    x0, y0, x1, y1 = crop or view.bounds
    pad = 0.02 * (y1 - y0)
    area = (x0 - pad, y0 - pad, x1 + pad, y1 + pad)
    scale = max(1.0, height / 900)
    image = figure_image(view, height, area, line_scale=scale)
    to_px = model_to_image(area, height)
    inside = lambda x, y: area[0] <= x <= area[2] and area[1] <= y <= area[3]  # noqa: E731
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(8, int(9 * scale)))
    painter.setFont(font)
    r = 2.2 * scale
    for name, (x, y) in view.landmarks.items():
        for q in [(x, y)] + ([(-x, y)] if view.name in MIRRORED and x != 0 else []):
            if inside(*q):
                painter.setPen(LANDMARK)
                painter.setBrush(LANDMARK)
                painter.drawEllipse(QPointF(*to_px(*q)), r, r)
        if labels and inside(x, y):
            painter.setPen(NAME)
            px, py = to_px(x, y)
            painter.drawText(QPointF(px + 3, py - 3), name)
    for code, x, y in points or ():
        if not inside(x, y):
            continue
        colour = INSIDE if view.contains(x, y) else OUTSIDE
        painter.setPen(colour)
        painter.setBrush(colour)
        px, py = to_px(x, y)
        painter.drawEllipse(QPointF(px, py), r * 0.8, r * 0.8)
        if labels:
            painter.drawText(QPointF(px + 3, py + 9 * scale), code)
    painter.end()
    return image


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir", nargs="?", default="/tmp")
    ap.add_argument("--height", type=int, default=900)
    ap.add_argument("--crop", action="append", default=[],
                    help="view:x0,y0,x1,y1:name  (writes body_<name>.png)")
    ap.add_argument("--points", action="store_true",
                    help="overlay the atlas point markers and list those outside the skin")
    args = ap.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - images and fonts need one
    theme.set_current(theme.PAPER)
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    model = bm.build_body()
    pts = {name: (_markers(name) if args.points else None) for name in model.views}
    if args.points:
        for name, view in model.views.items():
            for code, x, y in pts[name]:
                if not view.contains(x, y):
                    print(f"OUTSIDE {name}: {code} ({x:.4f}, {y:.4f})")
    for name, view in model.views.items():
        render(view, args.height, points=pts[name]).save(str(out / f"body_{name}.png"))
        render(view, args.height * 2, labels=True, points=pts[name]).save(str(out / f"body_{name}_labels.png"))
    for spec in args.crop:
        vname, box, cname = spec.split(":")
        crop = tuple(float(v) for v in box.split(","))
        view = model.view(vname)
        render(view, args.height, labels=True, crop=crop, points=pts[vname]).save(str(out / f"body_{cname}.png"))
        render(view, args.height, crop=crop).save(str(out / f"body_{cname}_plain.png"))


if __name__ == "__main__":
    main()
