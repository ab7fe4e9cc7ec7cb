"""Treatment plans: an ordered list of acupoints and trigger points with notes, saved as a file.

The file is JSON with a format name and a version, validated on load. It holds no patient identity.
Saving is atomic; a file that cannot be read is refused with a message and never overwritten.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import _
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
        raise PlanError(_("{file}: not a plan file (invalid JSON at line {line}: {error})").format(
            file=name, line=exc.lineno, error=exc.msg)) from None
    except Refused as exc:
        raise PlanError(f"{name}: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanError(_("{file}: not a Meridian Viewer plan (format should be {format})").format(
            file=name, format=repr(FORMAT)))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanError(_("{file}: version must be a whole number, not {value}").format(
            file=name, value=repr(version)))
    if version > VERSION:
        raise PlanError(_("{file}: made by a newer version of the app (plan format {version}; this app reads up "
                          "to {supported})").format(file=name, version=version, supported=VERSION))
    title, note = data.get("title", ""), data.get("note", "")
    if not isinstance(title, str) or not isinstance(note, str):
        raise PlanError(_("{file}: title and note must be text").format(file=name))
    for field_name, value in (("title", title), ("note", note)):
        _check_length(f"{name}: {field_name}", value)
    items = data.get("items")
    if not isinstance(items, list):
        raise PlanError(_("{file}: items must be a list").format(file=name))
    if len(items) > MAX_PLAN_ITEMS:
        raise PlanError(_("{file}: items: {n} items, over the limit of {limit} per plan").format(
            file=name, n=len(items), limit=MAX_PLAN_ITEMS))
    plan = Plan(title or "Untitled plan", note)
    for index, entry in enumerate(items):
        where = _("{file}: item {number}").format(file=name, number=index + 1)
        if not isinstance(entry, dict):
            raise PlanError(_("{where}: must be an object with kind, ref and note").format(where=where))
        kind, ref, item_note = entry.get("kind"), entry.get("ref"), entry.get("note", "")
        if kind not in KINDS:
            raise PlanError(_("{where}: must be 'point' or 'trigger_point', not {value}").format(
                where=f"{where}.kind", value=repr(kind)))
        if not isinstance(ref, str) or not ref:
            raise PlanError(_("{where}: is missing").format(where=f"{where}.ref"))
        if not isinstance(item_note, str):
            raise PlanError(_("{where}: must be text").format(where=f"{where}.note"))
        _check_length(f"{where}.note", item_note)
        known = known_points if kind == "point" else known_triggers
        if known is not None and ref not in known:
            problem = (_("{where}: {ref} is not a known point") if kind == "point"
                       else _("{where}: {ref} is not a known trigger point")).format(
                           where=f"{where}.ref", ref=repr(ref))
            if left_out is None:
                raise PlanError(problem)
            left_out.append(problem)
            continue
        plan.items.append(PlanItem(kind, ref, item_note))
    return plan


def _check_length(where: str, text: str) -> None:
    if len(text) > MAX_TEXT:
        raise PlanError(_("{where}: {n} characters, over the limit of {limit}").format(
            where=where, n=len(text), limit=MAX_TEXT))


def load_plan(path: Path, known_points=None, known_triggers=None, left_out: list[str] | None = None) -> Plan:
    path = Path(path)
    try:
        text = decode_text(read_limited(path, MAX_PLAN_BYTES, "plan"))
    except UnicodeDecodeError:
        raise PlanError(_("{file}: not a plan file (not UTF-8 text)").format(file=path.name)) from None
    except Refused as exc:
        raise PlanError(f"{path.name}: {exc}") from None
    except OSError as exc:
        raise PlanError(_("{file}: cannot be read ({error})").format(
            file=path.name, error=exc.strerror or exc)) from None
    return parse_plan(text, path.name, known_points, known_triggers, left_out)
