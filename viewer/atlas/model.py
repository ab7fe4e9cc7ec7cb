"""Plain data classes of the atlas: meridians, points, placements and load problems."""
import dataclasses
import re

import msgspec

REGIONS = frozenset(
    "head face ear neck shoulder chest abdomen flank upper_back lower_back sacrum buttock "
    "upper_arm elbow forearm wrist hand hip thigh knee leg ankle foot".split()
)

NEEDLE_ANGLES = frozenset(
    ("perpendicular", "oblique", "transverse", "intradermal", "prick to bleed")
)

_CODE_RE = re.compile(r"^([A-Z]+)(\d+)$")


class Record(msgspec.Struct, frozen=True):
    """Base of the domain's immutable records (points, placements, problems, muscles ...): like a frozen
    dataclass (fields, defaults, equality, hash, repr), but its class is made by msgspec in C. Python
    writes and compiles the methods of a dataclass when its module is imported, about a millisecond a
    class, and every start imports some thirty records. Copy one with :func:`replace`."""


class Table(msgspec.Struct):
    """Base of the domain's mutable collections (the atlas, the layout, the categories ...): a
    :class:`Record` whose fields may be set again."""


def replace(record, **changes):
    """A copy of ``record`` (a :class:`Record` or a dataclass) with the fields in ``changes`` replaced."""
    if isinstance(record, msgspec.Struct):
        return msgspec.structs.replace(record, **changes)
    return dataclasses.replace(record, **changes)


class Problem(Record, frozen=True):
    """One thing wrong in a data file: where it is and what is wrong."""

    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.entry:
            where += f": {self.entry}"
        if self.field:
            where += f".{self.field}"
        return f"{where}: {self.message}"


class Placement(Record, frozen=True):
    """How one marker of a point is found on one view: a base plus offsets in cun."""

    view: str
    at: str | None = None
    start: str | None = None  # "from" in the data files
    end: str | None = None  # "to" in the data files
    cun: float | None = None
    of: float | None = None
    frac: float | None = None
    lateral: float = 0.0
    forward: float = 0.0
    up: float = 0.0
    hscale: str | None = None
    vscale: str | None = None
    xy: tuple[float, float] | None = None

    @property
    def manual(self) -> bool:
        """True for coordinates typed by hand rather than computed from landmarks."""
        return self.xy is not None

    @property
    def fraction(self) -> float | None:
        """How far along ``start`` -> ``end`` the base lies (None for ``at``/``xy``)."""
        if self.frac is not None:
            return self.frac
        if self.cun is not None and self.of:
            return self.cun / self.of
        return None

    def references(self) -> tuple[str, ...]:
        """Every landmark or point code this placement depends on."""
        return tuple(r for r in (self.at, self.start, self.end) if r)


class Needling(Record, frozen=True):
    """How a point is needled; angle and depth are empty for a point that is never needled."""

    angle: str
    depth: str
    note: str = ""

    @property
    def needled(self) -> bool:
        return bool(self.depth)

    def describe(self) -> str:
        if not self.needled:
            return f"Not needled. {self.note}".strip()
        text = f"{self.angle.capitalize()}, {self.depth}."
        return f"{text} {self.note}".strip()


class Point(Record, frozen=True):
    """One acupuncture point with its teaching content and placements."""

    code: str
    meridian: str
    pinyin: str
    hanzi: str
    english: str
    region: str
    location: str
    needling: Needling
    places: tuple[Placement, ...]
    bilateral: bool = True
    cautions: tuple[str, ...] = ()
    caution_tags: frozenset[str] = frozenset()
    tags: tuple[str, ...] = ()
    disputed: str = ""
    source: str = ""
    notes: tuple[str, ...] = ()
    translations: tuple[tuple[str, str], ...] = ()
    alt_names: tuple[str, ...] = ()  # other names the point is known by (pinyin or hanzi), searchable

    @property
    def number(self) -> int | None:
        """The point's number on its channel (None for extra points)."""
        m = _CODE_RE.match(self.code)
        return int(m.group(2)) if m else None

    @property
    def views(self) -> tuple[str, ...]:
        seen: list[str] = []
        for p in self.places:
            if p.view not in seen:
                seen.append(p.view)
        return tuple(seen)


PACK_PREFIX = "PACK:"


def channel_label(code: str) -> str:
    """A channel code as people read it: a pack's internal code shows as 'Pack'."""
    return "Pack" if code.startswith(PACK_PREFIX) else code


class Meridian(Record, frozen=True):
    code: str  # "LU" ... or PACK_PREFIX + folder for the points a data pack adds
    name: str
    full_name: str
    pinyin: str
    hanzi: str
    bilateral: bool
    count: int
    summary: str = ""
    aliases: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    source: str = ""
    breaks: tuple[str, ...] = ()  # the channel line is not drawn from these points to the next


class Atlas(Table):
    """Everything that loaded, in order, plus what did not."""

    meridians: dict[str, Meridian] = msgspec.field(default_factory=dict)
    points: dict[str, Point] = msgspec.field(default_factory=dict)
    problems: list[Problem] = msgspec.field(default_factory=list)

    def point(self, code: str) -> Point:
        return self.points[code]

    def points_of(self, meridian: str) -> list[Point]:
        return [self.points[c] for c in self.meridians[meridian].points if c in self.points]

    def aliases_of(self, code: str) -> tuple[str, ...]:
        """Other spellings of a point code built from its meridian's aliases (BL23 -> UB23)."""
        point = self.points[code]
        number = point.number
        if number is None:
            return ()
        meridian = self.meridians.get(point.meridian)
        if meridian is None:
            return ()
        # "Ren" and "REN" are one spelling once upper-cased: list each code once, in order.
        return tuple(dict.fromkeys(f"{a.upper()}{number}" for a in meridian.aliases))
