"""Channel courses: the ordered runs of a meridian's markers on one view and side."""
from __future__ import annotations

from .model import Atlas
from .placement import Layout

Run = list[tuple[float, float]]


def pathway_runs(atlas: Atlas, layout: Layout, meridian: str, view: str) -> list[Run]:
    """Runs of consecutive points of ``meridian`` drawn on ``view``, one list per side.

    A run breaks where the next point of the channel is not on this view (it continues on another
    view), and after the points the meridian file lists in ``breaks`` (where the numbering jumps to
    a parallel branch, e.g. BL40 -> BL41), so a line never jumps across the figure.
    """
    if meridian not in atlas.meridians or meridian == "EX" or meridian.startswith("PACK:"):
        return []
    runs: list[Run] = []
    current: dict[str, Run] = {}
    channel = atlas.meridians[meridian]
    for code in channel.points:
        here = {m.side: (m.x, m.y) for m in layout.markers_of(code, view) if m.index == 0}
        for side in list(current):
            if side not in here:
                runs.append(current.pop(side))
        for side, xy in here.items():
            current.setdefault(side, []).append(xy)
        if code in channel.breaks:
            runs.extend(current.values())
            current = {}
    runs.extend(current.values())
    return [run for run in runs if len(run) >= 2]
