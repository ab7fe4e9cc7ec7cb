"""Treatment plans: an ordered list of acupoints and trigger points with notes, saved as a file.

The file is JSON with a format name and a version, validated on load. It holds no patient identity.
Saving is atomic; a file that cannot be read is refused with a message and never overwritten.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .keys import parse, point_key, trigger_key
from .limits import MAX_PLAN_BYTES, MAX_PLAN_ITEMS, MAX_TEXT
from .store import Refused, atomic_write_text, decode_text, parse_json, read_limited

FORMAT = "meridian-viewer-plan"
VERSION = 1
SUFFIX = ".mvplan"
KINDS = ("point", "trigger_point")


class PlanError(ValueError):
    """A plan file that cannot be used; the message says which file, item and field."""


@dataclass
class PlanItem:
    kind: str  # "point" (an acupoint code) or "trigger_point" (a trigger point id)
    ref: str
    note: str = ""

    @property
    def key(self) -> str:
        """The selection key the app uses for this item (see keys.py)."""
        return trigger_key(self.ref) if self.kind == "trigger_point" else point_key(self.ref)


@dataclass
class Plan:
    title: str = "Untitled plan"
    note: str = ""
    items: list[PlanItem] = field(default_factory=list)

    def keys(self) -> list[str]:
        return [item.key for item in self.items]

    def __contains__(self, key: object) -> bool:
        """``key in plan``: the selection key (string or SelectionKey) is one of the plan's items."""
        return str(key) in self.keys()

    def add(self, key: str, note: str = "") -> PlanItem | None:
        """Add an acupoint's or a trigger point's selection key; a key already in the plan is not added twice.
        A muscle or a spot is no plan item (ValueError)."""
        parsed = parse(key)
        if not (parsed.is_point or parsed.is_trigger_point):
            raise ValueError(f"only acupoints and trigger points go into a plan, not {parsed.kind.value} {parsed.ref}")
        if parsed in self or len(self.items) >= MAX_PLAN_ITEMS:
            return None
        item = PlanItem("trigger_point" if parsed.is_trigger_point else "point", parsed.ref, note)
        self.items.append(item)
        return item

    def remove(self, index: int) -> None:
        del self.items[index]

    def move(self, index: int, step: int) -> int:
        """Move an item up (step -1) or down (+1); returns its new index."""
        target = max(0, min(len(self.items) - 1, index + step))
        item = self.items.pop(index)
        self.items.insert(target, item)
        return target

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "title": self.title,
            "note": self.note,
            "items": [{"kind": i.kind, "ref": i.ref, "note": i.note} for i in self.items],
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def save_plan(plan: Plan, path: Path) -> None:
    atomic_write_text(Path(path), plan.to_json())


def parse_plan(text: str, name: str, known_points=None, known_triggers=None,
               left_out: list[str] | None = None) -> Plan:
    """Check a plan file's text; raise PlanError naming the file, item and field on any mistake.

    With a ``left_out`` list, an item naming a point or trigger point this atlas does not know (say, a
    teacher's pack point on a machine without the pack) is left out and described there instead.
    """
    try:
        data = parse_json(text)
    except json.JSONDecodeError as exc:
        raise PlanError(f"{name}: not a plan file (invalid JSON at line {exc.lineno}: {exc.msg})") from None
    except Refused as exc:
        raise PlanError(f"{name}: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanError(f"{name}: not a Meridian Viewer plan (format should be {FORMAT!r})")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanError(f"{name}: version must be a whole number, not {version!r}")
    if version > VERSION:
        raise PlanError(f"{name}: made by a newer version of the app (plan format {version}; "
                        f"this app reads up to {VERSION})")
    title, note = data.get("title", ""), data.get("note", "")
    if not isinstance(title, str) or not isinstance(note, str):
        raise PlanError(f"{name}: title and note must be text")
    for field_name, value in (("title", title), ("note", note)):
        _check_length(f"{name}: {field_name}", value)
    items = data.get("items")
    if not isinstance(items, list):
        raise PlanError(f"{name}: items must be a list")
    if len(items) > MAX_PLAN_ITEMS:
        raise PlanError(f"{name}: items: {len(items)} items, over the limit of {MAX_PLAN_ITEMS} per plan")
    plan = Plan(title or "Untitled plan", note)
    for index, entry in enumerate(items):
        where = f"{name}: item {index + 1}"
        if not isinstance(entry, dict):
            raise PlanError(f"{where}: must be an object with kind, ref and note")
        kind, ref, item_note = entry.get("kind"), entry.get("ref"), entry.get("note", "")
        if kind not in KINDS:
            raise PlanError(f"{where}.kind: must be 'point' or 'trigger_point', not {kind!r}")
        if not isinstance(ref, str) or not ref:
            raise PlanError(f"{where}.ref: is missing")
        if not isinstance(item_note, str):
            raise PlanError(f"{where}.note: must be text")
        _check_length(f"{where}.note", item_note)
        known = known_points if kind == "point" else known_triggers
        if known is not None and ref not in known:
            problem = f"{where}.ref: {ref!r} is not a known {'point' if kind == 'point' else 'trigger point'}"
            if left_out is None:
                raise PlanError(problem)
            left_out.append(problem)
            continue
        plan.items.append(PlanItem(kind, ref, item_note))
    return plan


def _check_length(where: str, text: str) -> None:
    if len(text) > MAX_TEXT:
        raise PlanError(f"{where}: {len(text)} characters, over the limit of {MAX_TEXT}")


def load_plan(path: Path, known_points=None, known_triggers=None, left_out: list[str] | None = None) -> Plan:
    path = Path(path)
    try:
        text = decode_text(read_limited(path, MAX_PLAN_BYTES, "plan"))
    except UnicodeDecodeError:
        raise PlanError(f"{path.name}: not a plan file (not UTF-8 text)") from None
    except Refused as exc:
        raise PlanError(f"{path.name}: {exc}") from None
    except OSError as exc:
        raise PlanError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    return parse_plan(text, path.name, known_points, known_triggers, left_out)
