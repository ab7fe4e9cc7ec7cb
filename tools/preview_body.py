"""Render every view of the body model to PNG files for visual review.

Usage:  python tools/preview_body.py [outdir] [--height 900] [--crop view:x0,y0,x1,y1:name ...]

Writes <outdir>/body_<view>.png (line work + small red landmark dots) and
<outdir>/body_<view>_labels.png (same, with landmark names).  Uses Pillow only.
With --points the atlas point markers are drawn too (green, magenta if outside the skin;
labelled with their codes on the *_labels / crop images) and markers outside the figure
are listed on stdout.
"""
from __future__ import annotations

import argparse
import math
import sys
from itertools import pairwise
from pathlib import Path as FsPath

sys.path.insert(0, str(FsPath(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw, ImageFont

from viewer.atlas import body as bm
from viewer.atlas.geometry import flatten

SS = 3  # supersampling factor
SKIN = (246, 228, 212)
INK = (70, 52, 44)
STYLE = {  # role: (width in output px, colour, dashed)
    "skin": (1.6, INK, False),
    "contour": (1.0, (120, 92, 78), False),
    "crease": (0.7, (125, 95, 82), False),
    "bone": (0.8, (80, 110, 150), True),
    "feature": (0.8, (90, 66, 56), False),
}


def _dashed(poly, dash, gap):
    out, cur, on, left = [], [poly[0]], True, dash
    for (x0, y0), (x1, y1) in pairwise(poly):
        seg = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while seg - pos > left:
            pos += left
            t = pos / seg
            p = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
            if on:
                cur.append(p)
                out.append(cur)
            cur = [p]
            on = not on
            left = dash if on else gap
        left -= seg - pos
        if on:
            cur.append((x1, y1))
    if on and len(cur) > 1:
        out.append(cur)
    return out


def _markers(view_name):
    """(code, x, y) of every atlas point marker on the view (needs the atlas data)."""
    from viewer.atlas.content import load_content

    layout = load_content().layout
    return [(m.code, m.x, m.y) for m in layout.markers.get(view_name, [])]


def render(view, height, labels=False, crop=None, points=None):
    xmin, ymin, xmax, ymax = crop or view.bounds
    pad = 0.02 * (ymax - ymin)
    xmin, ymin, xmax, ymax = xmin - pad, ymin - pad, xmax + pad, ymax + pad
    scale = height / (ymax - ymin)
    width = int((xmax - xmin) * scale) + (260 if labels else 0)
    img = Image.new("RGB", (width * SS, height * SS), (255, 255, 255))
    d = ImageDraw.Draw(img)

    def tr(p):
        return ((p[0] - xmin) * scale * SS, (p[1] - ymin) * scale * SS)

    lw_scale = max(1.0, height / 900)
    for path in view.paths:
        poly = [tr(p) for p in flatten(path.commands, 16)]
        w, col, dashed = STYLE[path.role]
        w = max(1, round(w * SS * lw_scale))
        if path.role == "skin":
            d.polygon(poly, fill=SKIN)
            d.line(poly + [poly[0]], fill=col, width=w, joint="curve")
        elif dashed:
            for part in _dashed(poly, 5 * SS * lw_scale, 3 * SS * lw_scale):
                d.line(part, fill=col, width=w)
        else:
            if path.closed:
                poly = poly + [poly[0]]
            d.line(poly, fill=col, width=w, joint="curve")
    r = 2.2 * SS * lw_scale
    for x, y in view.landmarks.values():
        if crop and not (crop[0] <= x <= crop[2] and crop[1] <= y <= crop[3]):
            continue
        pts = [(x, y)] + ([(-x, y)] if view.name in ("front", "back", "soles") and x != 0 else [])
        for q in pts:
            cx, cy = tr(q)
            d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(220, 30, 30))
    for _code, x, y in points or ():
        if crop and not (crop[0] <= x <= crop[2] and crop[1] <= y <= crop[3]):
            continue
        cx, cy = tr((x, y))
        col = (30, 150, 60) if view.contains(x, y) else (230, 0, 200)
        d.ellipse((cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8), fill=col)
    img = img.resize((width, height), Image.LANCZOS)
    if labels:
        dd = ImageDraw.Draw(img)
        try:
            font = ImageFont.truetype("DejaVuSans.ttf", max(8, int(9 * lw_scale)))
        except OSError:
            font = ImageFont.load_default()
        for name, (x, y) in view.landmarks.items():
            if crop and not (crop[0] <= x <= crop[2] and crop[1] <= y <= crop[3]):
                continue
            px, py = (x - xmin) * scale, (y - ymin) * scale
            dd.text((px + 3, py - 5), name, fill=(20, 20, 160), font=font)
        for code, x, y in points or ():
            if crop and not (crop[0] <= x <= crop[2] and crop[1] <= y <= crop[3]):
                continue
            px, py = (x - xmin) * scale, (y - ymin) * scale
            dd.text((px + 3, py + 1), code, fill=(20, 120, 40), font=font)
    return img


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir", nargs="?", default="/tmp")
    ap.add_argument("--height", type=int, default=900)
    ap.add_argument("--crop", action="append", default=[],
                    help="view:x0,y0,x1,y1:name  (writes body_<name>.png)")
    ap.add_argument("--points", action="store_true",
                    help="overlay the atlas point markers and list those outside the skin")
    args = ap.parse_args(argv)
    out = FsPath(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    model = bm.build_body()
    pts = {name: (_markers(name) if args.points else None) for name in model.views}
    if args.points:
        for name, view in model.views.items():
            for code, x, y in pts[name]:
                if not view.contains(x, y):
                    print(f"OUTSIDE {name}: {code} ({x:.4f}, {y:.4f})")
    for name, view in model.views.items():
        render(view, args.height, points=pts[name]).save(out / f"body_{name}.png")
        render(view, args.height * 2, labels=True, points=pts[name]).save(out / f"body_{name}_labels.png")
    for spec in args.crop:
        vname, box, cname = spec.split(":")
        box = tuple(float(v) for v in box.split(","))
        view = model.view(vname)
        render(view, args.height, labels=True, crop=box, points=pts[vname]).save(out / f"body_{cname}.png")
        render(view, args.height, crop=box).save(out / f"body_{cname}_plain.png")


if __name__ == "__main__":
    main()
