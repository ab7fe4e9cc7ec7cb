"""Export every point with its computed positions (CSV or JSON), for teachers and other tools."""
from __future__ import annotations

import csv
import io
import json

from .content import Content

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


def export_points(content: Content, fmt: str) -> str:
    rows = point_rows(content)
    if fmt == "json":
        return json.dumps({
            "coordinates": "y = 0 at the vertex, 1 at the soles; x = offset from the view's midline in the "
                           "same unit, positive to the image's right",
            "points": rows,
        }, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    raise ValueError(f"unknown format {fmt!r}; use csv or json")
