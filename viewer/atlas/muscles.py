"""Trigger-point atlas: muscles, their trigger points and pain referral zones (Qt-free).

Shapes, zones and trigger points are placed by the same landmark + cun engine as the acupoints,
so they sit on the same drawing. See docs/trigger-points-schema.md for the file format.
"""
import dataclasses
import functools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .geometry import flatten, mirror, point_in_polygon, smooth_closed
from .i18n import _
from .loader import (
    EntryError,
    _read_toml,
    _text,
    _text_list,
    _unknown,
    check_caution_tags,
    check_region,
    entries_of,
    parse_placement,
)
from .model import Atlas, Placement, Problem, Record
from .placement import Layout, Marker, PlacementError, Resolver
from .plates import derive_shapes, inside, plates_in_order, whole_figure_spot
from .views import apply

ZONE_KINDS = ("essential", "spillover")
FREQUENCIES = ("common", "less_common")  # how often a muscle is the source of pain in a zone
_MUSCLE_FIELDS = {"id", "name", "latin", "region", "source", "summary", "symptoms", "palpation", "needling",
                  "safety", "safety_tags", "shape", "trigger_point", "zone"}
# A textbook reference: volume and chapter of the Trigger Point Manual (Travell & Simons).
SOURCE_PATTERN = re.compile(r"T&S vol\. [12], ch\. [1-9][0-9]?")
CM_PER_UNIT = 170.0  # the figure stands 170 cm tall


class Outline(Record, frozen=True):
    """A muscle's outline (``deep``: lies under other muscles) or a referral zone (``frequency``, ``source``)."""

    view: str
    vertices: tuple[Placement, ...]
    deep: bool = False
    frequency: str = "common"
    source: str = ""


class TriggerPoint(Record, frozen=True):
    id: str
    name: str
    muscle: str
    place: Placement


class Muscle(Record, frozen=True):
    id: str
    name: str
    latin: str
    region: str
    summary: str
    symptoms: str
    palpation: str
    needling: str
    safety: tuple[str, ...]
    safety_tags: frozenset[str]
    shapes: tuple[Outline, ...]
    trigger_points: tuple[TriggerPoint, ...]
    zones: tuple[tuple[str, Outline], ...]  # (kind, outline)
    file: str = ""  # the data file it came from, e.g. "muscles/back.toml"
    source: str = ""  # the textbook chapter treating it, e.g. "T&S vol. 1, ch. 6"

    @property
    def views(self) -> tuple[str, ...]:
        seen: list[str] = []
        for view in [o.view for o in self.shapes] + [t.place.view for t in self.trigger_points] + \
                [o.view for _kind, o in self.zones]:
            if view not in seen:
                seen.append(view)
        return tuple(seen)


@dataclass
class Region2D:
    """A placed, drawable closed shape: a muscle outline or a referral zone on one side of one view."""

    muscle: str
    kind: str  # "muscle", "essential" or "spillover"
    view: str
    side: str
    commands: tuple[tuple, ...]  # smooth closed Bézier path (model units)
    deep: bool = False  # a muscle outline under other muscles (drawn dashed)
    frequency: str = "common"  # for zones: how often this muscle causes pain there
    source: str = ""  # for zones: the textbook chapter the pattern follows

    @functools.cached_property
    def polygon(self) -> tuple[tuple[float, float], ...]:
        """The outline flattened to a polygon (computed on first use, not stored in the cache)."""
        return tuple(flatten(self.commands, 8))

    def contains(self, x: float, y: float) -> bool:
        return point_in_polygon(self.polygon, x, y)


@dataclass
class MuscleAtlas:
    muscles: dict[str, Muscle] = field(default_factory=dict)
    trigger_points: dict[str, TriggerPoint] = field(default_factory=dict)
    regions: dict[str, list[Region2D]] = field(default_factory=dict)  # per view
    markers: dict[str, list[Marker]] = field(default_factory=dict)  # trigger-point markers per view
    problems: list[Problem] = field(default_factory=list)

    def regions_of(self, muscle: str, view: str | None = None) -> list[Region2D]:
        return [r for rs in self.regions.values() for r in rs
                if r.muscle == muscle and (view is None or r.view == view)]

    def markers_of(self, tp_id: str) -> list[Marker]:
        return [m for ms in self.markers.values() for m in ms if m.code == tp_id]


def resolve_vertices(resolver, vertices, what: str) -> list:
    """Each vertex placed by the engine; a failure names the vertex (``outline[3].cun``)."""
    points = []
    for i, vertex in enumerate(vertices):
        try:
            points.append(resolver.compute(vertex))
        except PlacementError as exc:
            raise PlacementError(f"{what}[{i}].{exc.field}", str(exc)) from None
    return points


# --- loading ---------------------------------------------------------------------------------

def _source(data, prefix: str = "") -> str:
    value = _text(data, "source", prefix=prefix, required=False)
    if value and not SOURCE_PATTERN.fullmatch(value):
        raise EntryError(prefix + "source", _("must name volume and chapter like {example}, not {value}").format(
            example='"T&S vol. 1, ch. 20"', value=repr(value)))
    return value


def _outline(data, prefix: str, extra: frozenset[str] = frozenset()) -> Outline:
    if not isinstance(data, dict):
        raise EntryError(prefix.rstrip("."), _("must be a table with view and outline"))
    _unknown(data, {"view", "outline"} | extra, prefix)
    view = data.get("view")
    vertices = data.get("outline")
    if not isinstance(vertices, list) or len(vertices) < 3:
        raise EntryError(prefix + "outline", _("needs at least 3 vertices"))
    parsed = []
    for i, vertex in enumerate(vertices):
        if not isinstance(vertex, dict):
            raise EntryError(f"{prefix}outline[{i}]", _("must be a table such as {example}").format(
                example='{ at = "L4" }'))
        if "view" in vertex:
            raise EntryError(f"{prefix}outline[{i}].view", _("a vertex takes the view of its outline"))
        parsed.append(parse_placement({**vertex, "view": view}, f"{prefix}outline[{i}]."))
    deep = data.get("deep", False)
    if not isinstance(deep, bool):
        raise EntryError(prefix + "deep", _("must be true or false, not {value}").format(value=repr(deep)))
    frequency = data.get("frequency", "common")
    if frequency not in FREQUENCIES:
        raise EntryError(prefix + "frequency", _("must be 'common' or 'less_common', not {value}").format(
            value=repr(frequency)))
    return Outline(parsed[0].view, tuple(parsed), deep=deep, frequency=frequency, source=_source(data, prefix))


def parse_muscle(data, file: str) -> Muscle:
    if not isinstance(data, dict):
        raise EntryError("", _("must be a table"))
    _unknown(data, _MUSCLE_FIELDS)
    muscle_id = _text(data, "id")
    region = check_region(data)
    tags = check_caution_tags(data, "safety_tags")
    source = _source(data)
    shapes = tuple(_outline(s, f"shape[{i}].", frozenset({"deep"})) for i, s in enumerate(data.get("shape", [])))
    if not shapes:
        raise EntryError("shape", _("is missing: a muscle needs its outline on at least one view"))
    tps = []
    for i, tp in enumerate(data.get("trigger_point", [])):
        prefix = f"trigger_point[{i}]."
        if not isinstance(tp, dict):
            raise EntryError(prefix.rstrip("."), _("must be a table"))
        _unknown(tp, {"id", "name", "place"}, prefix)
        tps.append(TriggerPoint(_text(tp, "id", prefix=prefix), _text(tp, "name", prefix=prefix), muscle_id,
                                parse_placement(tp.get("place"), prefix + "place.")))
    if not tps:
        raise EntryError("trigger_point", _("is missing: a muscle needs at least one trigger point"))
    zones = []
    for i, zone in enumerate(data.get("zone", [])):
        prefix = f"zone[{i}]."
        kind = zone.get("kind") if isinstance(zone, dict) else None
        if kind not in ZONE_KINDS:
            raise EntryError(prefix + "kind", _("must be 'essential' or 'spillover', not {value}").format(
                value=repr(kind)))
        zones.append((kind, _outline(zone, prefix, frozenset({"kind", "frequency", "source"}))))
    if not any(kind == "essential" for kind, _outline in zones):
        raise EntryError("zone", _("needs an essential referral zone"))
    return Muscle(
        id=muscle_id, name=_text(data, "name"), latin=_text(data, "latin", required=False),
        region=region, summary=_text(data, "summary"), symptoms=_text(data, "symptoms"),
        palpation=_text(data, "palpation"), needling=_text(data, "needling"),
        safety=_text_list(data, "safety"), safety_tags=frozenset(tags), shapes=shapes,
        trigger_points=tuple(tps), zones=tuple(zones), file=file, source=source,
    )


def load_muscle_file(path: Path, catalog: MuscleAtlas, name: str) -> None:
    data = _read_toml(path, name, catalog.problems)
    if data is None:
        return
    extra = sorted(set(data) - {"muscle"})
    for key in extra:
        catalog.problems.append(Problem(name, key, "", _("is not a known section (only [[muscle]])")))
    entries, wrong = entries_of(data, "muscle")
    if wrong:
        catalog.problems.append(Problem(name, "muscle", "", wrong))
    for index, entry in enumerate(entries):
        named = isinstance(entry, dict) and isinstance(entry.get("id"), str)
        label = entry["id"] if named else f"muscle #{index + 1}"
        try:
            muscle = parse_muscle(entry, name)
            if muscle.id in catalog.muscles:
                raise EntryError("id", _("{id} is already defined in {file}").format(
                    id=muscle.id, file=catalog.muscles[muscle.id].file))
            for tp in muscle.trigger_points:
                if tp.id in catalog.trigger_points:
                    raise EntryError("trigger_point", _("trigger point id {id} is used twice").format(id=tp.id))
        except EntryError as exc:
            catalog.problems.append(Problem(name, label, exc.field, _("{problem} (entry skipped)").format(problem=exc)))
            continue
        catalog.muscles[muscle.id] = muscle
        for tp in muscle.trigger_points:
            catalog.trigger_points[tp.id] = tp


def load_muscles(folder: Path) -> MuscleAtlas:
    catalog = MuscleAtlas()
    if folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            load_muscle_file(path, catalog, f"muscles/{path.name}")
    return catalog


# --- placing ---------------------------------------------------------------------------------

def place_muscles(catalog: MuscleAtlas, atlas: Atlas, body) -> MuscleAtlas:
    """Compute every outline, zone and trigger point of ``catalog`` on the body model."""
    resolver = Resolver(atlas, body)
    catalog.regions = {name: [] for name in body.views}
    catalog.markers = {name: [] for name in body.views}
    for muscle in catalog.muscles.values():
        outlines = [("muscle", o, f"shape[{i}]") for i, o in enumerate(muscle.shapes)]
        outlines += [(kind, o, f"zone[{i}]") for i, (kind, o) in enumerate(muscle.zones)]
        for kind, outline, label in outlines:
            try:
                points = resolve_vertices(resolver, outline.vertices, "outline")
            except PlacementError as exc:
                catalog.problems.append(Problem(muscle.file, muscle.id, f"{label}.{exc.field}",
                                                _("{problem} (outline skipped)").format(problem=exc)))
                continue
            commands = smooth_closed(points)
            crosses = min(x for x, _y in points) < 0 < max(x for x, _y in points)
            for side, sign in body.spec(outline.view).copies(not crosses):
                cmds = commands if sign > 0 else mirror(commands)
                catalog.regions[outline.view].append(Region2D(
                    muscle.id, kind, outline.view, side, cmds, outline.deep, outline.frequency,
                    outline.source or muscle.source))
        for number, tp in enumerate(muscle.trigger_points):
            try:
                x, y = resolver.compute(tp.place)
            except PlacementError as exc:
                catalog.problems.append(Problem(muscle.file, muscle.id, f"trigger_point[{number}].place.{exc.field}",
                                                _("{problem} (trigger point skipped)").format(problem=exc)))
                continue
            for side, sign in body.spec(tp.place.view).copies(abs(x) > 1e-9):
                catalog.markers[tp.place.view].append(
                    Marker(tp.id, tp.place.view, 0, side if abs(x) > 1e-9 else "mid", sign * x, y))
    _onto_plates(catalog, body)
    return catalog


def _onto_plates(catalog: MuscleAtlas, body) -> None:
    """Muscle outlines, referral zones and trigger points of a whole figure, mapped onto its plates."""
    derive_shapes(catalog.regions, body, lambda r, view, cmds: dataclasses.replace(r, view=view, commands=cmds))
    for name, spec, bounds, affine in plates_in_order(body):
        for m in catalog.markers.get(spec.parent, []):
            x, y = apply(affine, m.x, m.y)
            if inside(bounds, x, y):
                catalog.markers.setdefault(name, []).append(Marker(m.code, name, m.index, m.side, x, y))


# --- questions -------------------------------------------------------------------------------

class PainHit(Record, frozen=True):
    muscle: str
    kind: str  # "essential" or "spillover"
    frequency: str = "common"  # "common" or "less_common" source of pain in that zone
    source: str = ""  # the textbook chapter that zone follows


def _rank(kind: str, frequency: str) -> tuple[bool, bool]:
    """Sort key of a zone, as the manual's pain guides order their lists: common sources of pain at
    the spot before less common ones, and within each, essential zones before spillover."""
    return frequency != "common", kind != "essential"


def _best_zones(catalog: MuscleAtlas, view: str, x: float, y: float) -> dict[str, PainHit]:
    found: dict[str, PainHit] = {}
    for region in catalog.regions.get(view, []):
        if region.kind in ZONE_KINDS and region.contains(x, y):
            hit = PainHit(region.muscle, region.kind, region.frequency, region.source)
            old = found.get(region.muscle)
            if old is None or _rank(hit.kind, hit.frequency) < _rank(old.kind, old.frequency):
                found[region.muscle] = hit
    return found


def _trigger_distance(catalog: MuscleAtlas, view: str, x: float, y: float) -> dict[str, float]:
    """Each muscle's distance from the spot to its nearest trigger point on ``view``."""
    nearest: dict[str, float] = {}
    for marker in catalog.markers.get(view, []):
        muscle = catalog.trigger_points[marker.code].muscle
        nearest[muscle] = min(nearest.get(muscle, math.inf), math.hypot(marker.x - x, marker.y - y))
    return nearest


def where_it_hurts(catalog: MuscleAtlas, view: str, x: float, y: float) -> list[PainHit]:
    """Muscles whose referral zones cover the spot (each once, with its best zone): common sources
    before less common ones, essential zones before spillover, then the muscles whose trigger points
    lie nearer."""
    view, x, y = whole_figure_spot(view, x, y)
    found = _best_zones(catalog, view, x, y)
    distance = _trigger_distance(catalog, view, x, y)
    order = {m: i for i, m in enumerate(catalog.muscles)}
    return sorted(found.values(), key=lambda h: (*_rank(h.kind, h.frequency), distance.get(h.muscle, math.inf),
                                                 order[h.muscle]))


def where_it_hurts_area(catalog: MuscleAtlas, view: str, spots) -> list[PainHit]:
    """The same question for a brushed area (several spots): each muscle once, with its best zone,
    common sources first, essential before spillover, then by how much of the area its zones cover."""
    best: dict[str, PainHit] = {}
    cover: dict[str, int] = {}
    for x, y in spots:
        for hit in where_it_hurts(catalog, view, x, y):
            cover[hit.muscle] = cover.get(hit.muscle, 0) + 1
            old = best.get(hit.muscle)
            if old is None or _rank(hit.kind, hit.frequency) < _rank(old.kind, old.frequency):
                best[hit.muscle] = hit
    order = {m: i for i, m in enumerate(catalog.muscles)}
    return sorted(best.values(), key=lambda h: (*_rank(h.kind, h.frequency), -cover[h.muscle], order[h.muscle]))


def nearby_points(layout: Layout, view: str, x: float, y: float, radius: float = 0.03) -> list[tuple[str, float]]:
    """Acupoints with a marker on ``view`` within ``radius`` (model units of the whole figure) of the spot,
    nearest first."""
    view, x, y = whole_figure_spot(view, x, y)
    best: dict[str, float] = {}
    for m in layout.markers.get(view, []):
        d = math.hypot(m.x - x, m.y - y)
        if d <= radius and d < best.get(m.code, math.inf):
            best[m.code] = d
    return sorted(best.items(), key=lambda kv: kv[1])


class Correspondence(Record, frozen=True):
    trigger_point: str
    acupoint: str
    view: str
    distance_cm: float
    distance_cun: float | None


def correspondences(catalog: MuscleAtlas, layout: Layout, body) -> list[Correspondence]:
    """For each trigger point, the nearest acupoint on the same view and side, in cm and cun."""
    result = []
    for view, markers in catalog.markers.items():
        points = layout.markers.get(view, [])
        spec = body.spec(view)
        if spec.is_plate:  # a plate repeats its figure's trigger points, magnified
            continue  # distances in the view's cun_scale: the region where most trigger points lie
        scale = body.view(view).scales.get(spec.cun_scale) if spec.cun_scale else None
        for tp in markers:
            if tp.side not in ("mid", spec.positive_side) and spec.mirrored:
                continue
            if not points:
                continue
            nearest = min(points, key=lambda m: math.hypot(m.x - tp.x, m.y - tp.y))
            d = math.hypot(nearest.x - tp.x, nearest.y - tp.y)
            result.append(Correspondence(tp.code, nearest.code, view, d * CM_PER_UNIT, d / scale if scale else None))
    return result


def correspondence_summary(items: list[Correspondence]) -> dict[str, float]:
    total = len(items)
    within_cun = sum(1 for c in items if c.distance_cun is not None and c.distance_cun <= 1.0)
    within_cm = sum(1 for c in items if c.distance_cm <= 2.0)
    return {"trigger_points": total, "within_1_cun": within_cun, "within_2_cm": within_cm,
            "share_1_cun": within_cun / total if total else 0.0, "share_2_cm": within_cm / total if total else 0.0}
