"""Read and validate the atlas TOML files (bundled and teachers' packs).

Every mistake becomes a :class:`Problem` naming file, entry and field. A bad entry is skipped; the
rest of the file still loads, so the app always starts with whatever content is valid.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from .cautions import vocabulary
from .i18n import _, join, join_and, ngettext
from .indications import tag_aliases
from .limits import MAX_NUMBER, MAX_TEXT
from .model import (
    NEEDLE_ANGLES,
    REGIONS,
    Atlas,
    Meridian,
    Needling,
    Placement,
    Point,
    Problem,
    replace,
)
from .resources import asset_path
from .store import entries_of, read_toml
from .store import value_kind as _kind
from .views import registry

MERIDIAN_ORDER = ("LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV", "EX")

_MERIDIAN_FIELDS = {"code", "aliases", "name", "full_name", "pinyin", "hanzi", "bilateral", "count", "summary",
                    "breaks"}
_POINT_FIELDS = {
    "code", "pinyin", "hanzi", "english", "region", "location", "needling", "cautions",
    "caution_tags", "tags", "disputed", "bilateral", "place", "alt_names",
}
_PLACE_FIELDS = {
    "view", "at", "from", "to", "cun", "of", "frac", "lateral", "forward", "up", "hscale", "vscale", "xy",
}


class EntryError(ValueError):
    """A field of one entry is invalid; carries the field's dotted name."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def _text(data: dict, key: str, *, required: bool = True, prefix: str = "") -> str:
    value = data.get(key, "" if not required else None)
    if value is None:
        raise EntryError(prefix + key, _("is missing"))
    if not isinstance(value, str):
        raise EntryError(prefix + key, _("must be text, not {kind}").format(kind=_kind(value)))
    if required and not value.strip():
        raise EntryError(prefix + key, _("is empty"))
    if len(value) > MAX_TEXT:
        raise EntryError(prefix + key, _("is {length} characters long, over the limit of {limit}").format(
            length=len(value), limit=MAX_TEXT))
    return value.strip()




def _text_list(data: dict, key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise EntryError(key, _("must be a list of text"))
    return tuple(v.strip() for v in value if v.strip())


def _number(data: dict, key: str, prefix: str) -> float | None:
    if key not in data:
        return None
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise EntryError(prefix + key, _("must be a number, not {kind}").format(kind=_kind(value)))
    if abs(value) > MAX_NUMBER:
        raise EntryError(prefix + key, _("must lie between {low} and {high}, not {value}").format(
            low=f"-{MAX_NUMBER:g}", high=f"{MAX_NUMBER:g}", value=f"{value:g}"))
    return float(value)


def _unknown(data: dict, allowed: set[str], prefix: str = "") -> None:
    extra = sorted(set(data) - allowed)
    if extra:
        raise EntryError(prefix + extra[0], _("is not a known field (known: {known})").format(
            known=", ".join(sorted(allowed))))


def check_region(data: dict) -> str:
    """The entry's ``region``, which must be one of the fixed regions."""
    region = _text(data, "region")
    if region not in REGIONS:
        raise EntryError("region", _("{region} is not a known region").format(region=repr(region)))
    return region


def check_caution_tags(data: dict, key: str) -> tuple[str, ...]:
    """A list of caution tags from the vocabulary (assets/atlas/cautions.toml)."""
    tags = _text_list(data, key)
    for tag in tags:
        problem = vocabulary().problem_with(tag)
        if problem:
            raise EntryError(key, problem)
    return tags


def parse_needling(data: dict, caution_tags: tuple[str, ...]) -> Needling:
    """The ``needling`` table; a point tagged no_needle has only a note (no angle, no depth)."""
    needling = data.get("needling")
    if not isinstance(needling, dict):
        raise EntryError("needling", _("is missing (a table with angle, depth and note)") if needling is None
                         else _("must be a table, not {kind} (a table with angle, depth and note)").format(
                             kind=_kind(needling)))
    _unknown(needling, {"angle", "depth", "note"}, "needling.")
    note = _text(needling, "note", required=False, prefix="needling.")
    if "no_needle" in caution_tags:
        for key in ("angle", "depth"):
            if key in needling:
                raise EntryError(f"needling.{key}", _("must be left out: the point is tagged no_needle "
                                                      "(needling contraindicated)"))
        return Needling("", "", note)
    angle = _text(needling, "angle", prefix="needling.")
    if angle not in NEEDLE_ANGLES:
        raise EntryError("needling.angle", _("{angle} is not one of {known}").format(
            angle=repr(angle), known=", ".join(sorted(NEEDLE_ANGLES))))
    return Needling(angle, _text(needling, "depth", prefix="needling."), note)


def parse_placement(data: Any, prefix: str) -> Placement:
    """Check one ``place`` entry and turn it into a :class:`Placement`."""
    known_views = registry()
    if not isinstance(data, dict):
        raise EntryError(prefix.rstrip("."), _("must be a table such as {example}").format(
            example=f'{{ view = "{known_views.first}", at = "umbilicus" }}'))
    _unknown(data, _PLACE_FIELDS, prefix)
    view = data.get("view")
    if not isinstance(view, str) or view not in known_views:
        raise EntryError(prefix + "view", _("must be one of {known}, not {value}").format(
            known=", ".join(known_views.names), value=repr(view)))
    sideways = known_views[view].sideways
    refs = {}
    for key in ("at", "from", "to", "hscale", "vscale"):
        if key in data:
            refs[key] = _text(data, key, prefix=prefix)
    nums = {k: _number(data, k, prefix) for k in ("cun", "of", "frac", "lateral", "forward", "up")}
    xy = data.get("xy")
    bases = [name for name, present in (("at", "at" in refs), ("from/to", "from" in refs or "to" in refs),
                                         ("xy", xy is not None)) if present]
    if len(bases) != 1:
        found = join_and(bases) if bases else _("none")
        raise EntryError(prefix + "at", _("needs exactly one base (at, from+to, or xy); found {found}").format(
            found=found))
    if xy is not None:
        if (not isinstance(xy, list) or len(xy) != 2
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                           for v in xy)):
            raise EntryError(prefix + "xy", _("must be a pair of finite numbers [x, y]"))
        if not -1.0 <= xy[0] <= 1.0:
            raise EntryError(prefix + "xy", _("x must lie between -1 and 1 (figure heights from the midline), "
                                              "not {value}").format(value=f"{xy[0]:g}"))
        if not 0.0 <= xy[1] <= 1.0:
            raise EntryError(prefix + "xy", _("y must lie between 0 (vertex) and 1 (soles), not {value}").format(
                value=xy[1]))
    if bases == ["from/to"]:
        if "from" not in refs or "to" not in refs:
            raise EntryError(prefix + ("to" if "from" in refs else "from"),
                             _("is missing: a line needs both from and to"))
        has_cun = nums["cun"] is not None or nums["of"] is not None
        if has_cun == (nums["frac"] is not None):
            raise EntryError(prefix + "cun", _("give either cun + of, or frac"))
        if has_cun:
            if nums["cun"] is None or nums["of"] is None:
                raise EntryError(prefix + ("of" if nums["of"] is None else "cun"),
                                 _("is missing: cun and of go together"))
            if nums["of"] <= 0:
                raise EntryError(prefix + "of", _("must be positive, not {value}").format(value=f"{nums['of']:g}"))
        if nums["up"]:
            raise EntryError(prefix + "up", _("only goes with 'at'; on a line, change cun instead"))
    else:
        for key in ("cun", "of", "frac"):
            if nums[key] is not None:
                raise EntryError(prefix + key, _("only goes with from/to"))
    if (nums["lateral"] or nums["forward"]) and "hscale" not in refs and bases != ["from/to"]:
        raise EntryError(prefix + "hscale", _("is needed to measure lateral/forward offsets from 'at'"))
    if nums["forward"] and not sideways:
        raise EntryError(prefix + "forward", _("is only meaningful on a view seen from the side; use lateral"))
    if nums["lateral"] and sideways:
        raise EntryError(prefix + "lateral", _("has no meaning on a view seen from the side (it is depth); "
                                               "use forward"))
    if nums["up"] and "vscale" not in refs:
        raise EntryError(prefix + "vscale", _("is needed to measure 'up'"))
    offset = nums["lateral"] or nums["forward"]
    if bases == ["from/to"] and nums["frac"] is not None and offset and "hscale" not in refs:
        raise EntryError(prefix + "hscale", _("is needed for offsets when the line is divided by frac"))
    return Placement(
        view=view,
        at=refs.get("at"),
        start=refs.get("from"),
        end=refs.get("to"),
        cun=nums["cun"],
        of=nums["of"],
        frac=nums["frac"],
        lateral=nums["lateral"] or 0.0,
        forward=nums["forward"] or 0.0,
        up=nums["up"] or 0.0,
        hscale=refs.get("hscale"),
        vscale=refs.get("vscale"),
        xy=(float(xy[0]), float(xy[1])) if xy is not None else None,
    )


def parse_point(data: Any, meridian: str, default_bilateral: bool, source: str) -> Point:
    """Check one ``[[point]]`` table and turn it into a :class:`Point`."""
    if not isinstance(data, dict):
        raise EntryError("", _("must be a table"))
    _unknown(data, _POINT_FIELDS)
    code = _text(data, "code")
    region = check_region(data)
    caution_tags = check_caution_tags(data, "caution_tags")
    needling = parse_needling(data, caution_tags)
    bilateral = data.get("bilateral", default_bilateral)
    if not isinstance(bilateral, bool):
        raise EntryError("bilateral", _("must be true or false"))
    places = data.get("place")
    if places is not None and not isinstance(places, list):
        raise EntryError("place", _("must be a list of placements, not {kind}").format(kind=_kind(places)))
    if not places:
        raise EntryError("place", _("is missing: a point needs at least one placement"))
    return Point(
        code=code,
        meridian=meridian,
        pinyin=_text(data, "pinyin"),
        hanzi=_text(data, "hanzi"),
        english=_text(data, "english"),
        region=region,
        location=_text(data, "location"),
        needling=needling,
        places=tuple(parse_placement(p, f"place[{i}].") for i, p in enumerate(places)),
        bilateral=bilateral,
        cautions=_text_list(data, "cautions"),
        caution_tags=frozenset(caution_tags),
        tags=_indication_tags(data),
        disputed=_text(data, "disputed", required=False),
        source=source,
        alt_names=_text_list(data, "alt_names"),
    )


def _indication_tags(data: dict) -> tuple[str, ...]:
    """The ``tags`` in the atlas's one spelling each (other spellings and synonyms are rewritten)."""
    tags: list[str] = []
    for text in _text_list(data, "tags"):
        tag = tag_aliases().tag(text)
        if tag not in tags:
            tags.append(tag)
    return tuple(tags)


_read_toml = read_toml  # the loaders of muscles and packs read their files the same way


def load_meridian_file(path: Path, atlas: Atlas, name: str | None = None) -> None:
    """Load one meridian file into ``atlas``, recording every problem found."""
    name = name or path.name
    data = _read_toml(path, name, atlas.problems)
    if data is None:
        return
    head = data.get("meridian")
    if not isinstance(head, dict):
        atlas.problems.append(Problem(name, "meridian", "", _("the [meridian] table is missing") if head is None
                                      else _("must be a [meridian] table, not {kind}").format(kind=_kind(head))))
        return
    try:
        _unknown(head, _MERIDIAN_FIELDS)
        code = _text(head, "code")
        if code != path.stem:
            raise EntryError("code", _("{code} does not match the file name {file}").format(
                code=repr(code), file=repr(path.stem)))
        if code in atlas.meridians:
            raise EntryError("code", _("meridian {code} is defined twice").format(code=code))
        bilateral = head.get("bilateral", True)
        count = head.get("count")
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise EntryError("count", _("must be a positive whole number"))
        meridian = Meridian(
            code=code,
            name=_text(head, "name"),
            full_name=_text(head, "full_name", required=False) or _text(head, "name"),
            pinyin=_text(head, "pinyin", required=False),
            hanzi=_text(head, "hanzi", required=False),
            bilateral=bool(bilateral),
            count=count,
            summary=_text(head, "summary", required=False),
            aliases=_text_list(head, "aliases"),
            source=name,
            breaks=_text_list(head, "breaks"),
        )
    except EntryError as exc:
        atlas.problems.append(Problem(name, "meridian", exc.field, str(exc)))
        return
    codes: list[str] = []
    entries, wrong = entries_of(data, "point")
    if wrong:
        atlas.problems.append(Problem(name, "point", "", wrong))
    for index, entry in enumerate(entries):
        named = isinstance(entry, dict) and isinstance(entry.get("code"), str)
        label = entry["code"] if named else _("point #{number}").format(number=index + 1)
        try:
            point = parse_point(entry, code, meridian.bilateral, name)
            expected = f"{code}{index + 1}" if code != "EX" else None
            if expected and point.code != expected:
                raise EntryError("code", _("expected {code} at position {number}").format(
                    code=expected, number=index + 1))
            if point.code in atlas.points:
                raise EntryError("code", _("{code} is already defined in {file}").format(
                    code=point.code, file=atlas.points[point.code].source))
        except EntryError as exc:
            atlas.problems.append(Problem(name, label, exc.field, _("{problem} (entry skipped)").format(problem=exc)))
            continue
        atlas.points[point.code] = point
        codes.append(point.code)
    for code_ in meridian.breaks:
        if code_ not in codes:
            atlas.problems.append(Problem(name, "meridian", "breaks",
                                          _("{code} is not a point of this file").format(code=repr(code_))))
    if len(entries) != meridian.count:
        says = ngettext("says {count} point but the file has {n}", "says {count} points but the file has {n}",
                        meridian.count)
        atlas.problems.append(Problem(name, "meridian", "count", says.format(count=meridian.count, n=len(entries))))
    atlas.meridians[code] = replace(meridian, points=tuple(codes))


def meridian_files(folder: Path) -> list[Path]:
    """The meridian files of a folder in channel order, unknown ones after, alphabetically."""
    files = {p.stem: p for p in folder.glob("*.toml")}
    ordered = [files.pop(code) for code in MERIDIAN_ORDER if code in files]
    return ordered + [files[k] for k in sorted(files)]


def load_bundled(folder: Path | None = None) -> Atlas:
    """Load (and validate) every meridian file of the bundled atlas, without placing points."""
    folder = folder or asset_path("atlas/meridians")
    atlas = Atlas()
    atlas.problems.extend(vocabulary().problems + tag_aliases().problems)
    for path in meridian_files(folder):
        if path.stem not in MERIDIAN_ORDER:  # only the 14 channels and the extra points are channels
            atlas.problems.append(Problem(f"meridians/{path.name}", "meridian", "code",
                                          _("{code} is not one of the channels ({known}); the file was not "
                                            "loaded").format(code=repr(path.stem), known=join(MERIDIAN_ORDER))))
            continue
        load_meridian_file(path, atlas, f"meridians/{path.name}")
    return atlas
