"""The body model: drawing, landmarks and proportional-cun scales of every view.

Pure Python, no Qt.  See docs/body-model.md for the contract.

Units: the standing height of the figure.  y = 0 at the vertex, y = 1 at the soles,
x is the horizontal offset from the view's midline (positive to the image's right).

Each view's drawing is data: ``assets/atlas/body/<view>.svg``, read by ``drawing.py`` (strokes with
their roles, named landmarks, insets; the viewBox is the view's bounds).  Every scale is computed from
two landmarks of the drawing and a cun count.  The built model is cached with the rest of the content
(``cache.py`` keys it on the drawing files), so svgelements is not even imported on a warm start.
"""
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from . import views
from .geometry import Point, bounding_box, dist, flatten, point_in_polygon
from .i18n import _
from .model import Problem, Record
from .plates import derive_view
from .views import Registry, ViewSpec

if TYPE_CHECKING:
    from .drawing import Drawing

ROLES = ("skin", "contour", "crease", "bone", "feature")  # how a stroke is drawn (docs/body-model.md)
DRAWINGS = "atlas/body"  # the drawing files, inside the assets folder

class Stroke(Record, frozen=True):
    """One stroke or filled shape.  Commands: ("M",x,y) ("L",x,y) ("C",x1,y1,x2,y2,x,y) ("Z",)."""

    role: str
    commands: tuple[tuple, ...]
    closed: bool = False


@dataclass(frozen=True)
class View:
    """One plate of the atlas: its drawing, named landmarks and cun scales."""

    name: str
    title: str
    paths: tuple[Stroke, ...]
    landmarks: dict[str, Point]
    scales: dict[str, float]
    bounds: tuple[float, float, float, float]
    # landmarks drawn on an inset beside the figure rather than where they lie -> the inset's box
    # (x0, y0, x1, y1); an inset is drawn on one side only, outside the mirror symmetry of the figure
    insets: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)

    @cached_property
    def _skin(self) -> tuple[tuple[tuple[float, float, float, float], tuple[Point, ...]], ...]:
        """The skin shapes as polygons with their bounding boxes. Derived, not a field: built on first use
        (also for a view read from the cache), never stored."""
        polys = []
        for p in self.paths:
            if p.role != "skin":
                continue
            poly = flatten(p.commands, 16)
            xs = [q[0] for q in poly]
            ys = [q[1] for q in poly]
            polys.append(((min(xs), min(ys), max(xs), max(ys)), tuple(poly)))
        return tuple(polys)

    def contains(self, x: float, y: float) -> bool:
        """True if (x, y) lies inside the union of the skin shapes (even-odd per shape)."""
        return any(x0 <= x <= x1 and y0 <= y <= y1 and point_in_polygon(poly, x, y)
                   for (x0, y0, x1, y1), poly in self._skin)

    def landmark(self, name: str) -> Point:
        """The named landmark; KeyError naming the view and the landmark if unknown."""
        try:
            return self.landmarks[name]
        except KeyError:
            raise KeyError(f"view {self.name!r} has no landmark {name!r}") from None


class BodyModel(Record, frozen=True):
    """All views of the figure, by name, in the registry's order, and the registry of the views built."""

    views: dict[str, View]
    problems: list[Problem] = msgspec.field(default_factory=list)  # of views.toml and of the drawing files
    registry: Registry = msgspec.field(default_factory=Registry)

    def spec(self, name: str) -> ViewSpec:
        """The registry's entry of the named view (assets/atlas/views.toml)."""
        return self.registry[name]

    def view(self, name: str) -> View:
        """The named view; KeyError with the list of views if unknown."""
        try:
            return self.views[name]
        except KeyError:
            raise KeyError(f"no view {name!r}; views are {sorted(self.views)}") from None


def scale_definitions(registry: Registry | None = None) -> dict[str, dict[str, tuple[str, str, float, bool]]]:
    """Per view with a drawing of its own: scale name -> (landmark a, landmark b, cun, across), in order
    (from the registry, assets/atlas/views.toml)."""
    registry = registry or views.registry()
    return {name: {key: (s.start, s.end, int(s.cun) if s.cun.is_integer() else s.cun, s.across)
                   for key, s in spec.scales.items()}
            for name, spec in registry.views.items() if not spec.is_plate}


def scales_of(landmarks: dict[str, Point], scale_defs, file: str = "") -> tuple[dict[str, float], list[Problem]]:
    """Length of one cun per scale, from the landmarks; a scale naming a missing landmark is a problem."""
    scales: dict[str, float] = {}
    problems: list[Problem] = []
    for key, (a, b, cun, across) in scale_defs.items():
        missing = [n for n in (a, b) if n not in landmarks]
        if missing:
            problems.append(Problem(file, key, "landmark", f"the drawing has no landmark {missing[0]!r}; "
                                    "the scale and the points placed on it are left out"))
            continue
        pa, pb = landmarks[a], landmarks[b]
        length = 2 * abs(pa[0]) if across else dist(pa, pb)
        scales[key] = round(length / cun, 7)
    return scales, problems


def _fallback_bounds(drawing: "Drawing") -> tuple[float, float, float, float]:
    """Bounds when the file gives no usable viewBox: the strokes and the landmarks (and their mirror images)."""
    points = [q for p in drawing.paths for q in flatten(p.commands, 8)]
    points += [q for (x, y) in drawing.landmarks.values() for q in ((x, y), (-x, y))]
    return bounding_box(points) if points else (-0.5, 0.0, 0.5, 1.0)


def build_view(name: str, title: str, path: Path, scale_defs, file: str = "") -> tuple[View, list[Problem]]:
    """One view from its drawing file and its scale definitions, with what was wrong with them."""
    from .drawing import read_drawing  # only when a drawing is read: not on a start from the cache

    file = file or path.name
    drawing = read_drawing(path, file)
    scales, problems = scales_of(drawing.landmarks, scale_defs, file)
    bounds = drawing.bounds or _fallback_bounds(drawing)
    view = View(name, title, drawing.paths, drawing.landmarks, scales, bounds, drawing.insets)
    return view, list(drawing.problems) + problems


def drawing_files(folder: Path | None = None) -> list[Path]:
    """The drawing files the body model may be built from (part of the start-up cache's key): every SVG
    file of ``folder`` (default: the bundled ``assets/atlas/body``), found without reading views.toml."""
    if folder is None:
        from .resources import asset_path

        folder = asset_path(DRAWINGS)
    return sorted(folder.glob("*.svg"))


def build_body(folder: Path | None = None, registry: Registry | None = None) -> BodyModel:
    """The figure of every view of ``registry`` (default: assets/atlas/views.toml), read from the drawing
    files in ``folder``; the bundled one is read once."""
    return _bundled_body() if folder is None and registry is None else _read_body(folder, registry)


@lru_cache(maxsize=1)
def _bundled_body() -> BodyModel:
    return _read_body(None, None)


def _read_body(folder: Path | None, registry: Registry | None) -> BodyModel:
    registry = registry or views.registry()
    if folder is None:
        from .resources import asset_path

        folder = asset_path(DRAWINGS)
    built: dict[str, View] = {}
    problems: list[Problem] = list(registry.problems)
    for name, spec in registry.views.items():
        if spec.is_plate:  # a magnified part of its parent, with its own drawing on top
            if spec.parent not in built:
                problems.append(Problem(views.FILE, name, "parent", _("{value} could not be built (view left out)")
                                        .format(value=repr(spec.parent))))
                continue
            own = None
            if spec.drawing:
                from .drawing import read_drawing  # not on a start from the cache

                own = read_drawing(folder / spec.drawing, f"body/{spec.drawing}")
                problems += own.problems
            try:
                built[name] = derive_view(spec, built[spec.parent], registry[spec.parent].mirrored, View, Stroke,
                                          own)
            except KeyError as exc:
                problems.append(Problem(views.FILE, name, "scales", _("names an unknown landmark {name} "
                                                                      "(view left out)").format(name=exc)))
            continue
        if not spec.drawing:
            problems.append(Problem(views.FILE, name, "drawing", _("is missing (view left out)")))
            continue
        path = folder / spec.drawing
        scale_defs = {key: (s.start, s.end, s.cun, s.across) for key, s in spec.scales.items()}
        built[name], found = build_view(name, spec.title, path, scale_defs, f"body/{path.name}")
        problems += found
    kept = {name: spec for name, spec in registry.views.items() if name in built}
    return BodyModel(built, problems, Registry(kept, registry.problems))
