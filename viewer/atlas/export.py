"""Export every point with its computed positions (CSV or JSON), for teachers and other tools."""
from __future__ import annotations

import csv
import io
import json

from .content import Content
from .i18n import _

FIELDS = ("code", "meridian", "number", "pinyin", "hanzi", "english", "region", "view", "side", "marker",
          "x", "y", "categories")


def point_rows(content: Content) -> list[dict]:
    """One row per drawn marker: a point on a view, on one side of the body."""
    rows = []
    for code, point in content.atlas.points.items():
        for m in content.layout.by_point.get(code, []):
            rows.append({
                "code": code, "meridian": point.meridian, "number": point.number, "pinyin": point.pinyin,
                "hanzi": point.hanzi, "english": point.english, "region": point.region, "view": m.view,
                "side": m.side, "marker": m.index, "x": round(m.x, 5), "y": round(m.y, 5),
                "categories": ";".join(content.categories.words(code)),
            })
    return rows


COORDINATES = ("whole figures: y = 0 at the vertex, 1 at the soles; x = offset from the view's midline in the "
               "same unit, positive to the image's right. Regional plates: the parent's coordinates magnified "
               "so that the plate is 1.0 high, centred on (0, 0) (see 'export views' for every view's bounds)")
VIEW_FIELDS = ("name", "title", "parent", "region", "x0", "y0", "x1", "y1", "mirrored", "positive_side", "x_axis",
               "y_axis")


def view_rows(content: Content) -> list[dict]:
    """One row per view (whole figures and plates, in menu order) with its bounds in the export's units."""
    rows = []
    for name, view in content.body.views.items():
        spec = content.body.spec(name)
        x0, y0, x1, y1 = (round(v, 5) for v in view.bounds)
        rows.append({"name": name, "title": _(spec.title), "parent": spec.parent, "region": spec.region,
                     "x0": x0, "y0": y0, "x1": x1, "y1": y1, "mirrored": spec.mirrored,
                     "positive_side": spec.positive_side, "x_axis": spec.x_axis, "y_axis": spec.y_axis})
    return rows


def _table(rows: list[dict], fields: tuple[str, ...], fmt: str, key: str) -> str:
    if fmt == "json":
        return json.dumps({"coordinates": COORDINATES, key: rows}, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    raise ValueError(f"unknown format {fmt!r}; use csv or json")


def export_points(content: Content, fmt: str) -> str:
    return _table(point_rows(content), FIELDS, fmt, "points")


def export_views(content: Content, fmt: str) -> str:
    """Every view: name, title, parent, region, bounds (x0, y0, x1, y1), mirroring, sides and axes."""
    return _table(view_rows(content), VIEW_FIELDS, fmt, "views")
