"""The view registry: every view of the atlas as data (assets/atlas/views.toml, described in docs/views.md).

A view is a full figure (front, back, side, soles, an own projection) drawn from its own drawing, or a
regional *plate* that magnifies a rectangle (``crop``) of its ``parent``: the parent's drawing, landmarks
and markers mapped by one affine transform (``transform``), plus the plate's own drawing on top. No other
module spells a view's name: they ask the registry (``Registry.names``, ``Registry.first``, ``ViewSpec``).

Qt-free, stdlib only. A mistake in the file is a ``Problem`` naming file, view and field; the view is
left out and the others load.
"""
import math
import re
from pathlib import Path

import msgspec

from .i18n import _
from .model import REGIONS, Problem, Record

FILE = "views.toml"
SIDES = ("left", "right")
X_AXES = ("left", "right", "anterior", "posterior", "medial", "lateral")
Y_AXES = ("inferior", "superior", "anterior", "posterior")
DEPTH_AXES = ("anterior", "posterior")  # a view whose +x is one of these is seen from the side
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_FIELDS = {"title", "short", "word", "shortcut", "mirrored", "positive_side", "x_axis", "y_axis", "drawing",
           "region", "scales", "parent", "crop", "rotate", "cun_scale", "region_scales"}
# a plate takes these from its parent when it does not give them
_INHERITED = ("mirrored", "positive_side", "x_axis", "y_axis", "cun_scale", "region_scales")

Affine = tuple[float, float, float, float, float, float]  # x' = a x + b y + e, y' = c x + d y + f


class ScaleDef(Record, frozen=True):
    """One proportional-cun scale: the distance between two landmarks is ``cun`` cun."""

    start: str
    end: str
    cun: float
    across: bool = False  # between a bilateral landmark and its mirror image


class ViewSpec(Record, frozen=True):
    """One view as declared in views.toml (see the module docstring and docs/views.md)."""

    name: str
    title: str
    short: str
    word: str
    shortcut: str = ""
    mirrored: bool = False
    positive_side: str = ""
    x_axis: str = "right"
    y_axis: str = "inferior"
    drawing: str = ""
    region: str = ""
    scales: dict[str, ScaleDef] = msgspec.field(default_factory=dict)
    cun_scale: str = ""  # the scale distances are reported in on this view ("" = none)
    region_scales: dict[str, str] = msgspec.field(default_factory=dict)  # region -> its scale on this view
    parent: str = ""
    crop: tuple[float, float, float, float] | None = None
    rotate: float = 0.0

    @property
    def is_plate(self) -> bool:
        return bool(self.parent)

    @property
    def sideways(self) -> bool:
        """True for a view seen from the side: +x runs front to back, offsets are 'forward', not 'lateral'."""
        return self.x_axis in DEPTH_AXES

    def side_at(self, x: float, tolerance: float = 1e-9) -> str:
        """The subject's side of a bilateral point's marker at ``x`` ("left", "right", or "mid" on the midline)."""
        if not self.mirrored:
            return self.positive_side or "mid"
        if abs(x) <= tolerance:
            return "mid"
        if x > 0:
            return self.positive_side
        return "right" if self.positive_side == "left" else "left"

    def copies(self, both: bool) -> list[tuple[str, float]]:
        """(subject's side, sign of x) of each drawn copy of a shape or marker authored at x > 0: two
        mirror images on a mirrored view when ``both``, else the one on the positive side."""
        if not self.mirrored:
            return [(self.positive_side or "mid", 1.0)]
        other = "right" if self.positive_side == "left" else "left"
        return [(self.positive_side, 1.0), (other, -1.0)] if both else [(self.positive_side, 1.0)]

    @property
    def regions(self) -> tuple[str, ...]:
        """The body regions a plate magnifies (``region``, words separated by spaces)."""
        return tuple(self.region.split())

    def plate_bounds(self) -> tuple[float, float, float, float]:
        """A plate's rectangle in its own units: the crop, centred on (0, 0), its height 1.0."""
        assert self.crop is not None
        x0, y0, x1, y1 = self.crop
        half = (x1 - x0) / (y1 - y0) / 2
        return (-half, -0.5, half, 0.5)


class Registry(Record, frozen=True):
    """Every view in menu order, and the problems of the file."""

    views: dict[str, ViewSpec] = msgspec.field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.views)

    @property
    def first(self) -> str:
        """The view shown when nothing else is asked for: the first of the file."""
        return next(iter(self.views), "")

    @property
    def full(self) -> tuple[str, ...]:
        """The views that are whole figures (no parent), in order."""
        return tuple(name for name, spec in self.views.items() if not spec.is_plate)

    @property
    def plates(self) -> tuple[str, ...]:
        return tuple(name for name, spec in self.views.items() if spec.is_plate)

    def __getitem__(self, name: str) -> ViewSpec:
        return self.views[name]

    def __contains__(self, name: object) -> bool:
        return name in self.views

    def get(self, name: str) -> ViewSpec | None:
        return self.views.get(name)

    def plates_of(self, parent: str) -> tuple[str, ...]:
        return tuple(name for name, spec in self.views.items() if spec.parent == parent)


# --- the transform of a plate -------------------------------------------------------------------

def transform(spec: ViewSpec) -> Affine:
    """The affine map from the parent's coordinates to the plate's: move the crop's centre to (0, 0),
    turn by ``rotate`` degrees (clockwise on the picture, whose y axis points down), scale the crop's
    height to 1.0. The identity for a view without a parent."""
    if spec.crop is None:
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    x0, y0, x1, y1 = spec.crop
    k = 1.0 / (y1 - y0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    t = math.radians(spec.rotate)
    cos, sin = math.cos(t) * k, math.sin(t) * k
    return (cos, -sin, sin, cos, -(cos * cx - sin * cy), -(sin * cx + cos * cy))


def apply(affine: Affine, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = affine
    return (a * x + b * y + e, c * x + d * y + f)


def to_plate(spec: ViewSpec, x: float, y: float) -> tuple[float, float]:
    """The point (x, y) of the parent in the plate's coordinates."""
    return apply(transform(spec), x, y)


def scale_of(spec: ViewSpec) -> float:
    """How many plate units one parent unit is (1.0 for a view without a parent)."""
    return 1.0 if spec.crop is None else 1.0 / (spec.crop[3] - spec.crop[1])


# --- reading views.toml -------------------------------------------------------------------------

class _Bad(ValueError):
    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name


def _text(data: dict, key: str, default: str | None = None) -> str:
    value = data.get(key, default)
    if value is None:
        raise _Bad(key, _("is missing"))
    if not isinstance(value, str):
        raise _Bad(key, _("must be text"))
    return value


def _choice(data: dict, key: str, choices: tuple[str, ...], default: str) -> str:
    value = _text(data, key, default)
    if value not in choices:
        raise _Bad(key, _("must be one of {known}, not {value}").format(known=", ".join(choices), value=repr(value)))
    return value


def _finite(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _scales(data) -> dict[str, ScaleDef]:
    if not isinstance(data, dict):
        raise _Bad("scales", _("must be a table of name = [landmark, landmark, cun, across]"))
    scales = {}
    for name, value in data.items():
        if (not isinstance(value, list) or len(value) != 4 or not all(isinstance(v, str) for v in value[:2])
                or not _finite(value[2]) or value[2] <= 0 or not isinstance(value[3], bool)):
            raise _Bad(f"scales.{name}", _("must be [landmark, landmark, cun > 0, true or false]"))
        scales[name] = ScaleDef(value[0], value[1], float(value[2]), value[3])
    return scales


def _regions(data: dict) -> str:
    words = _text(data, "region", "").split()
    wrong = [w for w in words if w not in REGIONS]
    if wrong:
        raise _Bad("region", _("{value} is not a body region (known: {known})").format(
            value=repr(wrong[0]), known=", ".join(sorted(REGIONS))))
    return " ".join(words)


def _region_scales(data) -> dict[str, str]:
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise _Bad("region_scales", _("must be a table of region = scale name"))
    return dict(data)


def _spec(name: str, data: dict, parents: dict[str, ViewSpec]) -> ViewSpec:
    if not _NAME.match(name):
        raise _Bad("", _("a view's name must be lower-case letters, digits and _ (e.g. hand_palmar)"))
    if not isinstance(data, dict):
        raise _Bad("", _("must be a table"))
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise _Bad(unknown[0], _("is not a field of a view (known: {known})").format(known=", ".join(sorted(_FIELDS))))
    parent_name = _text(data, "parent", "")
    parent = None
    if parent_name:
        parent = parents.get(parent_name)
        if parent is None:
            raise _Bad("parent", _("names no view declared above it: {value}").format(value=repr(parent_name)))
        if parent.is_plate:
            raise _Bad("parent", _("{value} is itself a plate; a plate magnifies a whole figure").format(
                value=repr(parent_name)))
    inherited = {key: getattr(parent, key) for key in _INHERITED} if parent else {}
    mirrored = data.get("mirrored", inherited.get("mirrored", False))
    if not isinstance(mirrored, bool):
        raise _Bad("mirrored", _("must be true or false"))
    positive = _choice(data, "positive_side", ("", *SIDES), inherited.get("positive_side", ""))
    if mirrored and not positive:
        raise _Bad("positive_side", _("a mirrored view must say which side lies at x > 0"))
    title = _text(data, "title")
    short = _text(data, "short")
    drawing = _text(data, "drawing", "")
    if drawing and (not drawing.endswith(".svg") or "/" in drawing or "\\" in drawing or drawing.startswith(".")):
        raise _Bad("drawing", _("must be a file name ending in .svg (in assets/atlas/body/), not {value}").format(
            value=repr(drawing)))
    crop = data.get("crop")
    rotate = data.get("rotate", 0.0)
    if parent is None:
        for key in ("crop", "rotate"):
            if key in data:
                raise _Bad(key, _("only goes with parent (a plate)"))
    else:
        if (not isinstance(crop, list) or len(crop) != 4 or not all(_finite(v) for v in crop)
                or not (crop[0] < crop[2] and crop[1] < crop[3])):
            raise _Bad("crop", _("must be [x0, y0, x1, y1] with x0 < x1 and y0 < y1"))
        if not _finite(rotate):
            raise _Bad("rotate", _("must be a number of degrees"))
        if mirrored and abs(crop[0] + crop[2]) > 1e-9:
            raise _Bad("crop", _("a mirrored plate must be centred on the midline (x0 = -x1)"))
    return ViewSpec(
        name=name, title=title, short=short, word=_text(data, "word", short.replace("&", "").lower()),
        shortcut=_text(data, "shortcut", ""), mirrored=mirrored, positive_side=positive,
        x_axis=_choice(data, "x_axis", X_AXES, inherited.get("x_axis", "right")),
        y_axis=_choice(data, "y_axis", Y_AXES, inherited.get("y_axis", "inferior")),
        drawing=drawing, region=_regions(data), scales=_scales(data.get("scales", {})),
        cun_scale=_text(data, "cun_scale", inherited.get("cun_scale", "")),
        region_scales=_region_scales(data.get("region_scales", inherited.get("region_scales", {}))),
        parent=parent_name, crop=(float(crop[0]), float(crop[1]), float(crop[2]), float(crop[3]))
        if parent and crop else None,
        rotate=float(rotate) if parent else 0.0)


def parse_registry(data: dict, name: str = FILE) -> Registry:
    """The registry from the parsed TOML ``data``; every bad view is left out with a Problem."""
    views: dict[str, ViewSpec] = {}
    problems = []
    shortcuts: dict[str, str] = {}
    for view, table in data.items():
        try:
            spec = _spec(view, table, views)
            if spec.shortcut and spec.shortcut in shortcuts:
                raise _Bad("shortcut", _("{key} is already the shortcut of {view}").format(
                    key=spec.shortcut, view=shortcuts[spec.shortcut]))
        except _Bad as exc:
            problems.append(Problem(name, view, exc.field, _("{problem} (view left out)").format(problem=exc)))
            continue
        views[view] = spec
        if spec.shortcut:
            shortcuts[spec.shortcut] = view
    return Registry(views, tuple(problems))


def load_registry(path: Path) -> Registry:
    """The registry of the file at ``path`` (an unreadable file: no views and a Problem)."""
    from .store import read_toml

    problems: list[Problem] = []
    data = read_toml(path, path.name, problems)
    if data is None:
        return Registry({}, tuple(problems))
    return parse_registry(data, path.name)


def bundled_path() -> Path:
    from .resources import asset_path

    return asset_path(f"atlas/{FILE}")


_current: list[Registry] = []


def registry() -> Registry:
    """The registry in use: the bundled file, read once, or the one the loaded content was built with
    (``adopt``; a start-up served from the cache reads no TOML)."""
    if not _current:
        _current.append(load_registry(bundled_path()))
    return _current[0]


def adopt(used: Registry) -> None:
    """Make ``used`` (the registry of a body model read from the start-up cache) the registry in use."""
    _current[:] = [used]
