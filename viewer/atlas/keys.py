"""Selection keys: what is selected (an acupoint, a muscle, a trigger point or a spot on the body).

The app passes keys around as short strings — in signals, the back/forward history, the plan file —
and this module is the only one that knows their spelling: an acupoint is its code (``"BL23"``), a muscle
``"m:<id>"``, a trigger point ``"tp:<id>"``, a spot ``"spot:<view>:<x>,<y>"``. Everything else parses a
string into a :class:`SelectionKey` with :func:`parse` and writes one with ``str(key)``.
"""
from __future__ import annotations

from enum import Enum

from .model import Record


class Kind(Enum):
    POINT = "point"
    MUSCLE = "muscle"
    TRIGGER_POINT = "trigger point"
    SPOT = "spot"


_PREFIXES = {Kind.MUSCLE: "m:", Kind.TRIGGER_POINT: "tp:", Kind.SPOT: "spot:"}


class SelectionKey(Record, frozen=True):
    kind: Kind
    ref: str  # the acupoint code, muscle id, trigger point id, or "<view>:<x>,<y>" of a spot

    def __str__(self) -> str:
        return _PREFIXES.get(self.kind, "") + self.ref

    @property
    def is_point(self) -> bool:
        return self.kind is Kind.POINT

    @property
    def is_muscle(self) -> bool:
        return self.kind is Kind.MUSCLE

    @property
    def is_trigger_point(self) -> bool:
        return self.kind is Kind.TRIGGER_POINT

    @property
    def is_muscular(self) -> bool:
        """A muscle or one of its trigger points (the dry-needling side of the atlas)."""
        return self.kind in (Kind.MUSCLE, Kind.TRIGGER_POINT)


NOTHING = SelectionKey(Kind.POINT, "")


def parse(text: str | SelectionKey | None) -> SelectionKey:
    """The key spelled ``text``; an unprefixed text is an acupoint code ("" selects nothing)."""
    if isinstance(text, SelectionKey):
        return text
    text = text or ""
    for kind, prefix in _PREFIXES.items():
        if text.startswith(prefix):
            return SelectionKey(kind, text[len(prefix):])
    return SelectionKey(Kind.POINT, text)


def point_key(code: str) -> str:
    return str(SelectionKey(Kind.POINT, code))


def muscle_key(muscle_id: str) -> str:
    return str(SelectionKey(Kind.MUSCLE, muscle_id))


def trigger_key(tp_id: str) -> str:
    return str(SelectionKey(Kind.TRIGGER_POINT, tp_id))


def spot_key(view: str, x: float, y: float) -> str:
    return str(SelectionKey(Kind.SPOT, f"{view}:{x:.4f},{y:.4f}"))


def trigger_refs(keys) -> set[str]:
    """The trigger point ids among ``keys`` (strings or keys)."""
    return {k.ref for k in map(parse, keys) if k.is_trigger_point}


def muscle_of(muscles, key: str | SelectionKey) -> str | None:
    """The muscle a muscle or trigger point key belongs to (None for an acupoint or a spot)."""
    parsed = parse(key)
    if parsed.is_muscle:
        return parsed.ref
    if parsed.is_trigger_point:
        return muscles.trigger_points[parsed.ref].muscle
    return None


def describe_key(content, key: str | SelectionKey) -> str:
    """One line naming a plan entry: 'BL23 Shènshū · Kidney Shu' or '✕ QL1 · Quadratus lumborum'."""
    parsed = parse(key)
    if parsed.is_trigger_point:
        tp = content.muscles.trigger_points[parsed.ref]
        return f"✕ {tp.id} · {content.muscles.muscles[tp.muscle].name}"
    if parsed.is_muscle:
        return content.muscles.muscles[parsed.ref].name
    point = content.atlas.points[parsed.ref]
    from .i18n import current

    # A Chinese reader knows a point by its hanzi (the English name is not translated into Chinese).
    name = point.hanzi if current().startswith("zh") and point.hanzi else point.english
    return f"{parsed.ref} {point.pinyin} · {name}"
