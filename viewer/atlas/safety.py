"""The safety layer: what a needle can meet under the skin (Qt-free).

``assets/atlas/safety.toml`` lists the structures (the lungs and pleura, the kidneys, the great vessels
and nerves) drawn per view in the body model's coordinates, with the depth at which they lie in the
regions that matter and the safe direction there. ``link_points`` works out which acupoints and
trigger points lie over or near each structure (a geometric test on every view, with a margin), and
the data may add or remove links by name. See docs/safety-schema.md for the file format.
"""
import dataclasses
import functools
import itertools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .geometry import flatten, mirror, point_in_polygon, smooth_closed, smooth_open
from .i18n import N_, _
from .keys import parse, trigger_key
from .loader import EntryError, _number, _read_toml, _text, _unknown, entries_of, parse_placement
from .model import Placement, Problem, Record
from .muscles import resolve_vertices
from .placement import PlacementError, Resolver
from .plates import derive_shapes, is_plate, whole_figure_spot

KINDS = ("organ", "vessel", "nerve")
SIDES = ("both", "left", "right")
CM_PER_UNIT = 170.0  # the figure stands 170 cm tall
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_FIELDS = {"id", "name", "kind", "note", "safe", "depth", "margin_cm", "shape", "region", "link", "unlink"}
_SHAPE_FIELDS = {"view", "outline", "line", "side", "label", "label_at"}
_REGION_FIELDS = {"id", "name", "depth", "safe", "area"}


class Shape(Record, frozen=True):
    """A closed outline (an organ, or the area a depth fact covers) or an open line (a vessel, a nerve)."""

    view: str
    vertices: tuple[Placement, ...]
    closed: bool
    side: str = "both"  # "both": drawn on each side (mirrored); "left"/"right": the subject's side only
    label: str = ""
    label_at: float | None = None  # where the label sits, as a fraction of the way along the shape


class Region(Record, frozen=True):
    """Where a depth fact holds, and the safe way to needle there."""

    id: str
    name: str
    depth: str
    safe: str
    areas: tuple[Shape, ...] = ()


class Structure(Record, frozen=True):
    id: str
    name: str
    kind: str  # organ, vessel or nerve
    note: str
    safe: str
    depth: str
    margin_cm: float
    shapes: tuple[Shape, ...]
    regions: tuple[Region, ...] = ()
    links: tuple[tuple[str, str], ...] = ()  # (point code or trigger-point key, region id or "")
    unlinks: tuple[str, ...] = ()


@dataclass
class Drawn:
    """A placed shape on one side of one view (model units)."""

    structure: str
    view: str
    side: str
    closed: bool
    commands: tuple[tuple, ...]
    label: str = ""
    region: str = ""  # set for the area of a depth fact (not drawn)
    label_at: float | None = None

    def label_anchor(self) -> tuple[float, float]:
        """Where the label goes (model units): ``label_at`` of the way along the shape; by default an
        organ's highest point and the middle of a line."""
        pts = self.polyline
        if self.label_at is None and self.closed:
            return min(pts, key=lambda p: p[1])
        pairs = list(itertools.pairwise(pts))
        steps = [math.dist(a, b) for a, b in pairs]
        left = (0.5 if self.label_at is None else self.label_at) * sum(steps)
        for (a, b), step in zip(pairs, steps, strict=True):
            if left <= step and step > 0:
                t = left / step
                return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
            left -= step
        return pts[-1]

    @functools.cached_property
    def polyline(self) -> tuple[tuple[float, float], ...]:
        return tuple(flatten(self.commands, 8))

    @functools.cached_property
    def box(self) -> tuple[float, float, float, float]:
        xs, ys = [p[0] for p in self.polyline], [p[1] for p in self.polyline]
        return min(xs), min(ys), max(xs), max(ys)

    def distance(self, x: float, y: float, limit: float = math.inf) -> float:
        """0 inside a closed shape, else the distance to its outline or line (model units); anything
        beyond ``limit`` may be reported as infinite (a quick test of the bounding box first)."""
        x0, y0, x1, y1 = self.box
        if x < x0 - limit or x > x1 + limit or y < y0 - limit or y > y1 + limit:
            return math.inf
        pts = self.polyline
        if self.closed and point_in_polygon(pts, x, y):
            return 0.0
        best = math.inf
        for (ax, ay), (bx, by) in zip(pts, pts[1:] + (pts[:1] if self.closed else ()), strict=False):
            best = min(best, _segment_distance(x, y, ax, ay, bx, by))
        return best


class SafetyNote(Record, frozen=True):
    """What lies under one point: the structure, how near, the depth fact and the safe direction."""

    structure: str
    name: str
    kind: str
    relation: str  # "over" (on or within half a centimetre), "near" (within the margin), "listed" (by the data)
    distance_cm: float
    region: str  # the region's name, "" if none applies
    depth: str
    safe: str
    note: str

    def sentence(self) -> str:
        """One line in plain words: 'Over the lungs and pleura (back, BL outer line): depth ... Safe: ...'."""
        where = _(_WHERE[self.relation, bool(self.region)]).format(structure=self.name.lower(), region=self.region)
        if not self.depth:
            return _("{where}: Safe: {direction}").format(where=where, direction=self.safe)
        # Translators: a structure under a point ("Over the lungs and pleura (back)"), its depth, the safe way.
        return _("{where}: {depth} Safe: {direction}").format(where=where, depth=self.depth, direction=self.safe)


# How near a structure lies, as a note's sentence begins (with or without the region's name).
_WHERE = {
    ("over", False): N_("Over the {structure}"), ("over", True): N_("Over the {structure} ({region})"),
    ("near", False): N_("Near the {structure}"), ("near", True): N_("Near the {structure} ({region})"),
    ("listed", False): N_("Close to the {structure}"), ("listed", True): N_("Close to the {structure} ({region})"),
}


@dataclass
class SafetyAtlas:
    structures: dict[str, Structure] = field(default_factory=dict)
    drawn: dict[str, list[Drawn]] = field(default_factory=dict)  # per view, what the layer draws
    areas: dict[str, list[Drawn]] = field(default_factory=dict)  # per view, where the depth facts hold
    notes: dict[str, list[SafetyNote]] = field(default_factory=dict)  # point code or trigger-point key -> notes
    problems: list[Problem] = field(default_factory=list)

    def notes_for(self, key: str) -> list[SafetyNote]:
        return self.notes.get(key, [])

    def notes_of(self, key: str, muscles) -> list[SafetyNote]:
        """The notes of a point, a trigger point or a muscle (those of its trigger points, each structure once)."""
        parsed = parse(key)
        if not parsed.is_muscle:
            return self.notes_for(str(key))
        once: dict[str, SafetyNote] = {}
        for tp in muscles.muscles[parsed.ref].trigger_points:
            for note in self.notes_for(trigger_key(tp.id)):
                once.setdefault(note.structure, note)
        return list(once.values())

    def drawn_of(self, structure: str) -> list[Drawn]:
        return [d for ds in self.drawn.values() for d in ds if d.structure == structure]


def _segment_distance(px, py, ax, ay, bx, by) -> float:
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


# --- loading ---------------------------------------------------------------------------------------

def _shape(data, prefix: str, area: bool = False) -> Shape:
    if not isinstance(data, dict):
        raise EntryError(prefix.rstrip("."), "must be a table with view and outline (or line)")
    _unknown(data, {"view", "outline", "side"} if area else _SHAPE_FIELDS, prefix)
    bases = [key for key in ("outline", "line") if key in data]
    if len(bases) != 1:
        raise EntryError(prefix + "outline", "needs exactly one of outline (a closed shape) or line (an open one)")
    key = bases[0]
    vertices = data[key]
    least = 3 if key == "outline" else 2
    if not isinstance(vertices, list) or len(vertices) < least:
        raise EntryError(prefix + key, f"needs at least {least} vertices")
    view = data.get("view")
    parsed = []
    for i, vertex in enumerate(vertices):
        if not isinstance(vertex, dict):
            raise EntryError(f"{prefix}{key}[{i}]", "must be a table such as { at = \"T4\" }")
        if "view" in vertex:
            raise EntryError(f"{prefix}{key}[{i}].view", "a vertex takes the view of its shape")
        parsed.append(parse_placement({**vertex, "view": view}, f"{prefix}{key}[{i}]."))
    side = data.get("side", "both")
    if side not in SIDES:
        raise EntryError(prefix + "side", f"must be one of {', '.join(SIDES)}, not {side!r}")
    label = _text(data, "label", prefix=prefix, required=False)
    label_at = _number(data, "label_at", prefix)
    if label_at is not None and not 0 <= label_at <= 1:
        raise EntryError(prefix + "label_at", f"must lie between 0 (start) and 1 (end), not {label_at:g}")
    return Shape(parsed[0].view, tuple(parsed), key == "outline", side, label, label_at)


def _region(data, prefix: str) -> Region:
    if not isinstance(data, dict):
        raise EntryError(prefix.rstrip("."), "must be a table with id, name, depth and safe")
    _unknown(data, _REGION_FIELDS, prefix)
    region_id = _text(data, "id", prefix=prefix)
    areas = data.get("area", [])
    if not isinstance(areas, list):
        raise EntryError(prefix + "area", "must be a list of [[structure.region.area]] tables")
    return Region(region_id, _text(data, "name", prefix=prefix), _text(data, "depth", prefix=prefix, required=False),
                  _text(data, "safe", prefix=prefix),
                  tuple(_shape(a, f"{prefix}area[{i}].", area=True) for i, a in enumerate(areas)))


def _links(data, regions: set[str]) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    links = []
    for i, link in enumerate(data.get("link", [])):
        prefix = f"link[{i}]."
        if not isinstance(link, dict):
            raise EntryError(prefix.rstrip("."), "must be a table such as { points = [\"GB21\"], region = \"...\" }")
        _unknown(link, {"points", "region"}, prefix)
        points = link.get("points")
        if not isinstance(points, list) or not points or not all(isinstance(p, str) and p.strip() for p in points):
            raise EntryError(prefix + "points", f"must be a non-empty list of point codes or {trigger_key('<id>')!r}")
        region = _text(link, "region", prefix=prefix, required=False)
        if region and region not in regions:
            raise EntryError(prefix + "region", f"{region!r} is not a region of this structure")
        links += [(p.strip(), region) for p in points]
    unlink = data.get("unlink", [])
    if not isinstance(unlink, list) or not all(isinstance(p, str) and p.strip() for p in unlink):
        raise EntryError("unlink", f"must be a list of point codes or {trigger_key('<id>')!r}")
    return tuple(links), tuple(p.strip() for p in unlink)


def parse_structure(data) -> Structure:
    if not isinstance(data, dict):
        raise EntryError("", "must be a table")
    _unknown(data, _FIELDS)
    structure_id = _text(data, "id")
    if not _ID.match(structure_id):
        raise EntryError("id", f"{structure_id!r} must be lower-case letters, digits and underscores")
    kind = data.get("kind")
    if kind not in KINDS:
        raise EntryError("kind", f"must be one of {', '.join(KINDS)}, not {kind!r}")
    margin = _number(data, "margin_cm", "")
    margin = 1.5 if margin is None else margin
    if not 0 < margin <= 5:
        raise EntryError("margin_cm", f"must lie between 0 and 5 cm, not {margin:g}")
    for key in ("shape", "region", "link"):
        if not isinstance(data.get(key, []), list):
            raise EntryError(key, f"must be a list of [[structure.{key}]] tables")
    shapes = tuple(_shape(s, f"shape[{i}].") for i, s in enumerate(data.get("shape", [])))
    if not shapes:
        raise EntryError("shape", "is missing: a structure needs its outline or line on at least one view")
    regions = tuple(_region(r, f"region[{i}].") for i, r in enumerate(data.get("region", [])))
    ids = [r.id for r in regions]
    if len(set(ids)) != len(ids):
        raise EntryError("region", "two regions share an id")
    links, unlinks = _links(data, set(ids))
    return Structure(structure_id, _text(data, "name"), kind, _text(data, "note"), _text(data, "safe"),
                     _text(data, "depth", required=False), margin, shapes, regions, links, unlinks)


def load_safety(path: Path, name: str = "safety.toml") -> SafetyAtlas:
    """Read and check the file; a bad structure is skipped and named (file, entry, field) in ``problems``."""
    safety = SafetyAtlas()
    data = _read_toml(path, name, safety.problems)
    if data is None:
        return safety
    for key in sorted(set(data) - {"structure"}):
        safety.problems.append(Problem(name, key, "", "is not a known section (only [[structure]])"))
    entries, wrong = entries_of(data, "structure")
    if wrong:
        safety.problems.append(Problem(name, "structure", "", wrong))
    for index, entry in enumerate(entries):
        given = entry.get("id") if isinstance(entry, dict) else None
        label = given if isinstance(given, str) else f"structure #{index + 1}"
        try:
            structure = parse_structure(entry)
            if structure.id in safety.structures:
                raise EntryError("id", f"{structure.id} is defined twice")
        except EntryError as exc:
            safety.problems.append(Problem(name, label, exc.field, f"{exc} (entry skipped)"))
            continue
        safety.structures[structure.id] = structure
    return safety


# --- placing ---------------------------------------------------------------------------------------

def _signs(spec, side: str) -> list[tuple[str, float]]:
    """(subject's side, sign of x) of each copy of a shape authored on the x > 0 side (a view of one
    side shows that side only)."""
    both = spec.copies(True)
    return both if side == "both" else [s for s in both if s[0] == side]


def _place(resolver: Resolver, shape: Shape, structure: str, region: str = "") -> list[Drawn]:
    points = resolve_vertices(resolver, shape.vertices, "outline" if shape.closed else "line")
    commands = smooth_closed(points) if shape.closed else smooth_open(points)
    copies = _signs(resolver.body.spec(shape.view), shape.side)
    return [Drawn(structure, shape.view, side, shape.closed, commands if sign > 0 else mirror(commands),
                  shape.label, region, shape.label_at) for side, sign in copies]


def place_safety(safety: SafetyAtlas, atlas, body) -> SafetyAtlas:
    """Compute every shape and region area on the body model (a shape that cannot be placed is named)."""
    resolver = Resolver(atlas, body)
    safety.drawn = {name: [] for name in body.views}
    safety.areas = {name: [] for name in body.views}
    for structure in safety.structures.values():
        jobs = [(s, f"shape[{i}]", "", safety.drawn) for i, s in enumerate(structure.shapes)]
        jobs += [(a, f"region[{r}].area[{i}]", region.id, safety.areas)
                 for r, region in enumerate(structure.regions) for i, a in enumerate(region.areas)]
        for shape, label, region_id, target in jobs:
            try:
                target.setdefault(shape.view, []).extend(_place(resolver, shape, structure.id, region_id))
            except PlacementError as exc:
                safety.problems.append(Problem("safety.toml", structure.id, f"{label}.{exc.field}",
                                               f"{exc} (shape skipped)"))
    def remake(d: Drawn, view: str, commands) -> Drawn:
        return dataclasses.replace(d, view=view, commands=commands)

    derive_shapes(safety.drawn, body, remake)  # the plates show what lies beneath their region too
    return safety


# --- linking points to structures --------------------------------------------------------------------

def _region_at(safety: SafetyAtlas, structure: Structure, view: str, x: float, y: float) -> Region | None:
    for area in safety.areas.get(view, []):
        if area.structure == structure.id and area.distance(x, y) == 0.0:
            return next(r for r in structure.regions if r.id == area.region)
    return None


def _note(structure: Structure, relation: str, distance_cm: float, region: Region | None) -> SafetyNote:
    return SafetyNote(structure.id, structure.name, structure.kind, relation, round(distance_cm, 1),
                      region.name if region else "", (region.depth if region and region.depth else structure.depth),
                      region.safe if region else structure.safe, structure.note)


def _measure(safety: SafetyAtlas, structure: Structure, view: str, x: float, y: float) -> SafetyNote | None:
    """The note for a spot of ``view`` if it lies over or within the margin of ``structure``, else None."""
    margin = structure.margin_cm / CM_PER_UNIT
    distance = min((d.distance(x, y, margin) for d in safety.drawn.get(view, []) if d.structure == structure.id),
                   default=math.inf)
    if distance > margin:
        return None
    relation = "over" if distance <= 0.5 / CM_PER_UNIT else "near"
    return _note(structure, relation, distance * CM_PER_UNIT, _region_at(safety, structure, view, x, y))


def _order(notes) -> list[SafetyNote]:
    return sorted(notes, key=lambda n: (n.relation != "over", n.distance_cm))


def notes_at(safety: SafetyAtlas, view: str, x: float, y: float) -> list[SafetyNote]:
    """What lies under a spot of the figure (a painful spot, a click), nearest first."""
    view, x, y = whole_figure_spot(view, x, y)
    return _order(n for s in safety.structures.values() if (n := _measure(safety, s, view, x, y)) is not None)


def link_points(safety: SafetyAtlas, layout, muscles) -> SafetyAtlas:
    """For every acupoint and trigger point, the structures it lies over or near (nearest first).

    A point is "over" a structure when one of its markers lies inside an organ's outline or within
    half a centimetre of a vessel's or nerve's line, "near" within the structure's margin; the data's
    ``link`` adds points by name (with a region) and ``unlink`` removes them.
    """
    # measured on the whole figures and own views, in their units (a plate repeats them, magnified)
    markers = [(m.code, m) for ms in layout.markers.values() for m in ms if not is_plate(m.view)]
    markers += [(trigger_key(m.code), m) for ms in muscles.markers.values() for m in ms if not is_plate(m.view)]
    found: dict[str, dict[str, SafetyNote]] = {}
    for structure in safety.structures.values():
        for key, marker in markers:
            note = None if key in structure.unlinks else _measure(safety, structure, marker.view, marker.x, marker.y)
            if note is None:
                continue
            old = found.setdefault(key, {}).get(structure.id)
            if old is None or (not old.region and note.region) or \
                    (bool(old.region) == bool(note.region) and note.distance_cm < old.distance_cm):
                found[key][structure.id] = note
        by_id = {r.id: r for r in structure.regions}
        for key, region_id in structure.links:
            trigger = parse(key).is_trigger_point
            if not (key in layout.by_point or (trigger and parse(key).ref in muscles.trigger_points)):
                if not trigger or muscles.trigger_points:  # no muscle file loaded: their own problem, not ours
                    safety.problems.append(Problem("safety.toml", structure.id, "link", f"{key!r} is neither a "
                                                   "known point nor a known trigger point (link skipped)"))
                continue
            old = found.setdefault(key, {}).get(structure.id)
            region = by_id.get(region_id) or (next((r for r in structure.regions if r.name == old.region), None)
                                               if old else None)
            found[key][structure.id] = _note(structure, old.relation if old else "listed",
                                             old.distance_cm if old else 0.0, region)
    safety.notes = {key: _order(notes.values()) for key, notes in found.items() if notes}
    return safety



# --- study cards -----------------------------------------------------------------------------------------

SAFETY_KINDS = ("point_to_beneath",)
# A plausible but wrong direction per kind of structure (a distractor of the card below).
UNSAFE = {
    "organ": N_("needle straight in, perpendicular and deep, to be sure of reaching the muscle"),
    "vessel": N_("needle straight into the strongest pulse, as deep as the muscle"),
    "nerve": N_("needle along the nerve's line and push on through any electric jolt"),
}


def card_refs(safety: SafetyAtlas) -> tuple[str, ...]:
    """The points and trigger points a "what lies beneath" card can ask about: those over a structure."""
    return tuple(key for key, notes in safety.notes.items() if any(n.relation != "near" for n in notes))


def card(safety: SafetyAtlas, key: str, label: str, rng) -> tuple[str, tuple[str, ...], int, str]:
    """A "what lies beneath" card for a point or a trigger point: (prompt, options, index of the answer, explanation).

    The right option names the nearest structure and its safe direction; the wrong ones are the same
    structure with an unsafe direction and other structures with their own directions.
    """
    notes = safety.notes_for(key)
    if not notes:
        raise KeyError(key)
    note = notes[0]
    # Translators: an answer of the "what lies beneath" card: a structure, then the way to needle there.
    option = _("{structure}: {direction}").format
    right = option(structure=note.name, direction=note.safe)
    others = sorted((s for s in safety.structures.values() if s.id not in {n.structure for n in notes}),
                    key=lambda s: s.id)
    picks = rng.sample([option(structure=s.name, direction=s.safe) for s in others], min(2, len(others)))
    options = [right, option(structure=note.name, direction=_(UNSAFE[note.kind]))] + picks
    rng.shuffle(options)
    return (_("What lies beneath {point}, and which way is safe?").format(point=label), tuple(options),
            options.index(right), note.sentence())
