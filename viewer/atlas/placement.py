"""The placement engine: from a point's landmark + proportional-cun description to coordinates.

Positions are computed, never stored: a placement names landmarks of the body model (or other points)
and distances in proportional cun, and the engine turns that into model coordinates of the view.
Bilateral points are described once, on the x > 0 side, and mirrored here.
"""
import math

import msgspec

from .i18n import _
from .model import Atlas, Placement, Problem, Record, Table
from .plates import inside
from .views import apply, to_plate, transform

MIDLINE_TOLERANCE = 1e-9


class PlacementError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class Marker(Record, frozen=True):
    """One drawn dot of a point: where it is on which view, and on which side of the body."""

    code: str
    view: str
    index: int  # which placement of this point on this view (0 for most points)
    side: str  # "left", "right" or "mid": the subject's side
    x: float
    y: float
    manual: bool = False

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.code, self.view, self.index, self.side)


class Layout(Table):
    """Every marker of every placed point, per view and per point."""

    markers: dict[str, list[Marker]] = msgspec.field(default_factory=dict)
    by_point: dict[str, list[Marker]] = msgspec.field(default_factory=dict)
    problems: list[Problem] = msgspec.field(default_factory=list)
    manual: list[str] = msgspec.field(default_factory=list)

    def markers_of(self, code: str, view: str | None = None) -> list[Marker]:
        return [m for m in self.by_point.get(code, []) if view is None or m.view == view]

    def position(self, code: str, view: str, side: str | None = None) -> tuple[float, float]:
        """Coordinates of the first marker of ``code`` on ``view`` (optionally on one side)."""
        for m in self.markers_of(code, view):
            if side is None or m.side == side:
                return (m.x, m.y)
        raise KeyError((_("{code} has no marker on the {view} view ({side} side)") if side
                        else _("{code} has no marker on the {view} view")).format(code=code, view=view, side=side))


class Resolver:
    """Resolves placements on the body model; point codes may be used as references."""

    def __init__(self, atlas: Atlas, body):
        self.atlas = atlas
        self.body = body
        self.cache: dict[tuple[str, str, int], tuple[float, float]] = {}
        self.stack: list[tuple[str, str]] = []

    def scale(self, view, name: str | None, field: str) -> float:
        if name is None:
            raise PlacementError(field, _("needs a scale"))
        try:
            return view.scales[name]
        except KeyError:
            known = ", ".join(sorted(view.scales))
            raise PlacementError(field, _("unknown scale {name} on the {view} view (known: {known})").format(
                name=repr(name), view=view.name, known=known)) from None

    def reference(self, view, name: str, field: str) -> tuple[float, float]:
        if name in view.landmarks:
            return view.landmarks[name]
        point = self.atlas.points.get(name)
        if point is None:
            raise PlacementError(field, _("{name} is neither a landmark of the {view} view nor a known point").format(
                name=repr(name), view=view.name))
        first = next((p for p in point.places if p.view == view.name), None)
        spec = self.body.spec(view.name)
        if first is None and spec.is_plate:  # measured from where the parent has it
            parent_place = next((p for p in point.places if p.view == spec.parent), None)
            if parent_place is not None:
                x, y = self.resolve(name, parent_place, 0)
                return to_plate(spec, x, y)
        if first is None:
            raise PlacementError(field, _("point {code} has no placement on the {view} view to measure from").format(
                code=name, view=view.name))
        return self.resolve(name, first, 0)

    def resolve(self, code: str, place: Placement, index: int) -> tuple[float, float]:
        key = (code, place.view, index)
        if key in self.cache:
            return self.cache[key]
        if (code, place.view) in self.stack:
            chain = " -> ".join(c for c, _view in self.stack + [(code, place.view)])
            raise PlacementError("at", _("placements refer to each other in a circle: {chain}").format(chain=chain))
        self.stack.append((code, place.view))
        try:
            result = self._compute(place)
        finally:
            self.stack.pop()
        self.cache[key] = result
        return result

    def forward_x(self, view) -> float:
        """The sign of x that 'forward' (anterior) takes on a view seen from the side: -1 where +x runs
        backward (the side view), +1 where it runs forward (the medial view of the left leg)."""
        return 1.0 if self.body.spec(view.name).x_axis == "anterior" else -1.0

    def compute(self, place: Placement) -> tuple[float, float]:
        """Coordinates of one placement that is not itself a point (a zone vertex, a trigger point)."""
        return self._compute(place)

    def _compute(self, place: Placement) -> tuple[float, float]:
        try:
            view = self.body.view(place.view)
        except KeyError:
            raise PlacementError("view", _("the body model has no {view} view").format(view=repr(place.view))) from None
        if place.xy is not None:
            return place.xy
        if place.at is not None:
            x, y = self.reference(view, place.at, "at")
            if place.lateral:
                x += place.lateral * self.scale(view, place.hscale, "hscale")
            if place.forward:
                x += place.forward * self.scale(view, place.hscale, "hscale") * self.forward_x(view)
            if place.up:
                y -= place.up * self.scale(view, place.vscale, "vscale")
            return (x, y)
        if place.start is None or place.end is None:
            raise PlacementError("from", _("a placement needs 'at', 'xy', or both 'from' and 'to'"))
        t = place.fraction
        if t is None:
            raise PlacementError("frac", _("a line from/to needs 'frac', or 'cun' and 'of'"))
        ax, ay = self.reference(view, place.start, "from")
        bx, by = self.reference(view, place.end, "to")
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        if length == 0:
            raise PlacementError("to", _("{start} and {end} are the same spot").format(
                start=repr(place.start), end=repr(place.end)))
        x, y = ax + dx * t, ay + dy * t
        offset = place.lateral or place.forward
        if offset:
            if place.hscale:
                unit = self.scale(view, place.hscale, "hscale")
            elif place.of:
                unit = length / place.of
            else:
                raise PlacementError("hscale", _("is needed for offsets when the line is divided by frac"))
            nx, ny = -dy / length, dx / length
            want = 1.0 if place.lateral else self.forward_x(view)  # lateral: toward +x; forward: anterior
            if nx * want < 0:
                nx, ny = -nx, -ny
            x += nx * offset * unit
            y += ny * offset * unit
        return (x, y)


def layout_points(atlas: Atlas, body) -> Layout:
    """Place every point of ``atlas`` on the body model's views."""
    resolver = Resolver(atlas, body)
    layout = Layout(markers={name: [] for name in body.views})
    for code, point in atlas.points.items():
        per_view: dict[str, int] = {}
        markers: list[Marker] = []
        for number, place in enumerate(point.places):
            index = per_view.get(place.view, 0)
            try:
                x, y = resolver.resolve(code, place, index)
            except PlacementError as exc:
                layout.problems.append(Problem(point.source, code, f"place[{number}].{exc.field}",
                                               _("{problem} (marker skipped)").format(problem=exc)))
                continue
            per_view[place.view] = index + 1
            if place.manual:
                layout.manual.append(f"{code} ({place.view})")
            spec = body.spec(place.view)
            if not point.bilateral:
                inset = place.at in getattr(body.view(place.view), "insets", ())
                if spec.mirrored and abs(x) > 1e-6 and not inset:
                    layout.problems.append(Problem(point.source, code, f"place[{number}]",
                                                   _("a midline point lands off the midline (x = {x})").format(
                                                       x=f"{x:.4f}")))
                markers.append(Marker(code, place.view, index, "mid", x, y, place.manual))
            elif not spec.mirrored or abs(x) <= MIDLINE_TOLERANCE:
                markers.append(Marker(code, place.view, index, spec.side_at(x), x, y, place.manual))
            else:
                x = abs(x)
                markers.append(Marker(code, place.view, index, spec.side_at(x), x, y, place.manual))
                markers.append(Marker(code, place.view, index, spec.side_at(-x), -x, y, place.manual))
        layout.by_point[code] = markers
    _derive_plates(atlas, body, layout)
    for code in atlas.points:
        for m in layout.by_point.get(code, []):
            layout.markers.setdefault(m.view, []).append(m)
    return layout


def _derive_plates(atlas: Atlas, body, layout: Layout) -> None:
    """Every plate's markers: its parent's markers that fall inside it, mapped; a point placed on the plate
    itself keeps only its own markers there. Own markers outside the plate are reported."""
    for name, spec in body.registry.views.items():
        if not spec.is_plate or name not in body.views:
            continue
        bounds = body.view(name).bounds
        affine = transform(spec)
        for code, point in atlas.points.items():
            markers = layout.by_point.get(code, [])
            own = [m for m in markers if m.view == name]
            for m in own:
                if not inside(bounds, m.x, m.y):
                    message = _("lands outside the {view} plate (x = {x}, y = {y})")
                    layout.problems.append(Problem(point.source, code, "place", message.format(
                        view=name, x=f"{m.x:.3f}", y=f"{m.y:.3f}")))
            if own:
                continue
            for m in [m for m in markers if m.view == spec.parent]:
                x, y = apply(affine, m.x, m.y)
                if inside(bounds, x, y):
                    markers.append(Marker(code, name, m.index, m.side, x, y, m.manual))


def pair_of(marker: Marker, layout: Layout) -> Marker | None:
    """The mirror-image marker of a bilateral point on the same view, if there is one."""
    for m in layout.by_point.get(marker.code, []):
        if m.view == marker.view and m.index == marker.index and m.side != marker.side:
            return m
    return None
