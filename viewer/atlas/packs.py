"""Teachers' data packs: notes, translations, extra points, study decks and plans from the user data folder.

A pack is a folder ``<data dir>/packs/<name>/`` holding ``pack.toml`` (and the plan files it names). It
is validated exactly like the bundled atlas, entry by entry; a pack may add to the atlas but never
change or remove a bundled point. A ``pack.toml`` anywhere else in the data folder is reported, not
silently ignored.
"""
import re
from pathlib import Path

from .codes import code_index, compact
from .i18n import _
from .limits import MAX_NOTES_PER_POINT, MAX_TRANSLATIONS_PER_POINT
from .loader import EntryError, _read_toml, _text, _unknown, entries_of, parse_point
from .model import PACK_PREFIX, Atlas, Meridian, Problem, Record, replace
from .plan import SUFFIX as PLAN_SUFFIX
from .plan import PlanError, load_plan

SECTIONS = ("pack", "note", "translation", "point", "deck", "plan")


class PackDeck(Record, frozen=True):
    """A study deck a teacher hands out: a title and the acupoints it asks about."""

    name: str
    points: tuple[str, ...]


class PackPlan(Record, frozen=True):
    """A plan (homework) shipped in the pack's folder; ``file`` is a plain file name inside it."""

    title: str
    file: str
    items: int

# A pack's own point code: letters and digits in groups joined by single hyphens, starting with a
# letter, at most 16 characters ("X-LEE1", "LEE-HAND2"). No spaces, colons or other signs, and after
# normalisation (upper case, separators and leading zeros dropped) it must differ from every bundled
# code and alias: "BL023", "UB23" or "ub-23" can never stand for the bundled BL23.
CODE_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
MAX_CODE_LENGTH = 16


class Pack(Record, frozen=True):
    folder: str
    name: str
    language: str
    notes: int
    translations: int
    points: int
    decks: tuple[PackDeck, ...] = ()
    plans: tuple[PackPlan, ...] = ()


def pack_dirs(data_dir: Path) -> list[Path]:
    root = data_dir / "packs"
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "pack.toml").is_file())


def misplaced_packs(data_dir: Path) -> list[Problem]:
    """``pack.toml`` files that are not at ``packs/<name>/pack.toml``, each with where it should go."""
    problems = []
    candidates = [data_dir / "pack.toml", data_dir / "packs" / "pack.toml"]
    if data_dir.is_dir():
        candidates += [d / "pack.toml" for d in sorted(data_dir.iterdir()) if d.is_dir() and d.name != "packs"]
    root = data_dir / "packs"
    if root.is_dir():
        candidates += [nested / "pack.toml" for d in sorted(root.iterdir()) if d.is_dir()
                       and not (d / "pack.toml").is_file() for nested in sorted(d.iterdir()) if nested.is_dir()]
    for path in candidates:
        if path.is_file():
            name = path.relative_to(data_dir).as_posix()
            folder = path.parent.name if path.parent not in (data_dir, root) else "my-pack"
            problems.append(Problem(name, "pack", "", _("is not loaded: a pack must be a folder directly in "
                                                        "packs/; move it to {path}").format(
                path=f"packs/{folder}/pack.toml")))
    return problems


def check_pack_code(code: str, atlas: Atlas, taken: dict[str, str], bundled: frozenset[str]) -> None:
    """Refuse a pack code that breaks the pattern or means an existing code once normalised."""
    if len(code) > MAX_CODE_LENGTH or not CODE_PATTERN.fullmatch(code):
        raise EntryError("code", _("{code} is not a pack code: use letters and digits joined by hyphens, "
                                   "starting with a letter, at most {limit} characters (e.g. X-LEE1)").format(
            code=repr(code), limit=MAX_CODE_LENGTH))
    owner = taken.get(compact(code))
    if owner is None:
        return
    spelt = code if code == owner else _("{code} (read as {owner})").format(code=code, owner=owner)
    if owner in bundled:
        raise EntryError("code", _("{code} is a bundled point; a pack cannot replace it").format(code=spelt))
    raise EntryError("code", _("{code} is already defined in {file}").format(
        code=spelt, file=atlas.points[owner].source))


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop
        return False


def load_pack(folder: Path, atlas: Atlas, bundled: frozenset[str], triggers=None, name: str = "") -> Pack | None:
    """Load one pack into ``atlas``; problems (named ``name``, by default packs/<folder>/pack.toml) are
    added to ``atlas.problems``."""
    name = name or f"packs/{folder.name}/pack.toml"
    if not _inside(folder / "pack.toml", folder.parent):
        atlas.problems.append(Problem(name, "", "", _("is a link to a file outside the packs folder; "
                                                      "copy the file into the pack folder to use it (not loaded)")))
        return None
    data = _read_toml(folder / "pack.toml", name, atlas.problems)
    if data is None:
        return None
    head = data.get("pack", {})
    try:
        if not isinstance(head, dict):
            raise EntryError("", _("must be a table"))
        _unknown(head, {"name", "language"})
        title = _text(head, "name")
        language = _text(head, "language", required=False) or "en"
    except EntryError as exc:
        atlas.problems.append(Problem(name, "pack", exc.field, str(exc)))
        return None
    for section in sorted(set(data) - set(SECTIONS)):
        atlas.problems.append(Problem(name, section, "", _("is not a known section ({known})").format(
            known=", ".join(SECTIONS))))
    counts = {"note": 0, "translation": 0, "point": 0}
    meridian_code = f"{PACK_PREFIX}{folder.name}"
    new_codes: list[str] = []
    sections = {}
    for section in ("point", "note", "translation"):
        sections[section], wrong = entries_of(data, section)
        if wrong:
            atlas.problems.append(Problem(name, section, "", wrong))
    taken = code_index(atlas)  # every code and alias, bundled and from earlier packs, normalised
    for index, entry in enumerate(sections["point"]):
        label = f"point #{index + 1}"
        if isinstance(entry, dict) and isinstance(entry.get("code"), str):
            label = entry["code"]
        try:
            point = parse_point(entry, meridian_code, True, name)
            check_pack_code(point.code, atlas, taken, bundled)
        except EntryError as exc:
            atlas.problems.append(Problem(name, str(label), exc.field,
                                          _("{problem} (entry skipped)").format(problem=exc)))
            continue
        atlas.points[point.code] = point
        taken[compact(point.code)] = point.code
        new_codes.append(point.code)
        counts["point"] += 1
    if new_codes:
        atlas.meridians[meridian_code] = Meridian(
            code=meridian_code, name=title, full_name=title, pinyin="", hanzi="", bilateral=True,
            count=len(new_codes), summary=_("Points added by the data pack '{title}'.").format(
                title=title), points=tuple(new_codes),
            source=name,
        )
    # Collected first and attached once per point, so the cost grows linearly with the pack's size.
    added: dict[str, dict[str, list]] = {"note": {}, "translation": {}}
    limits = {"note": MAX_NOTES_PER_POINT, "translation": MAX_TRANSLATIONS_PER_POINT}
    for kind, fields in (("note", {"code", "text"}), ("translation", {"code", "language", "name"})):
        for index, entry in enumerate(sections[kind]):
            label = f"{kind} #{index + 1}"
            try:
                if not isinstance(entry, dict):
                    raise EntryError("", _("must be a table"))
                _unknown(entry, fields)
                code = _text(entry, "code")
                label = f"{kind} {code}"
                if code not in atlas.points:
                    raise EntryError("code", _("{code} is not a known point").format(code=repr(code)))
                point = atlas.points[code]
                have = len(point.notes if kind == "note" else point.translations)
                pending = added[kind].setdefault(code, [])
                if have + len(pending) >= limits[kind]:
                    raise EntryError("code", (_("{code} already has {limit} notes, the limit per point")
                                              if kind == "note" else
                                              _("{code} already has {limit} translations, the limit per point"))
                                     .format(code=code, limit=limits[kind]))
                if kind == "note":
                    pending.append(f"{title}: {_text(entry, 'text')}")
                else:
                    pending.append((_text(entry, "language"), _text(entry, "name")))
            except EntryError as exc:
                atlas.problems.append(Problem(name, label, exc.field, _("{problem} (entry skipped)").format(
                    problem=exc)))
                continue
            counts[kind] += 1
    for kind, field in (("note", "notes"), ("translation", "translations")):
        for code, values in added[kind].items():
            point = atlas.points[code]
            atlas.points[code] = replace(point, **{field: getattr(point, field) + tuple(values)})
    decks = _decks(data.get("deck", []), atlas, name)
    plans = _plans(data.get("plan", []), folder, atlas, triggers, name)
    return Pack(folder.name, title, language, counts["note"], counts["translation"], counts["point"], decks, plans)


def _entries(data, section: str, name: str, problems: list[Problem]) -> list[tuple[str, dict]]:
    """The tables of an array section, each with a label; anything else is a problem."""
    if not isinstance(data, list):
        problems.append(Problem(name, section, "", _("must be an array of tables ({tables})").format(
            tables=f"[[{section}]]")))
        return []
    result = []
    for index, entry in enumerate(data):
        label = f"{section} #{index + 1}"
        if isinstance(entry, dict):
            result.append((label, entry))
        else:
            problems.append(Problem(name, label, "", _("must be a table")))
    return result


def _decks(data, atlas: Atlas, name: str) -> tuple[PackDeck, ...]:
    decks = []
    for label, entry in _entries(data, "deck", name, atlas.problems):
        try:
            _unknown(entry, {"name", "points"})
            title = _text(entry, "name")
            label = f"deck {title!r}"
            points = entry.get("points")
            if not isinstance(points, list) or not points:
                raise EntryError("points", _("must be a non-empty list of point codes"))
            for index, code in enumerate(points):
                if not isinstance(code, str) or code not in atlas.points:
                    raise EntryError(f"points[{index}]", _("{code} is not a known point code (e.g. LI4, BL23)").format(
                        code=repr(code)))
        except EntryError as exc:
            atlas.problems.append(Problem(name, label, exc.field, _("{problem} (deck skipped)").format(problem=exc)))
            continue
        decks.append(PackDeck(title, tuple(dict.fromkeys(points))))
    return tuple(decks)


def _plans(data, folder: Path, atlas: Atlas, triggers, name: str) -> tuple[PackPlan, ...]:
    plans = []
    for label, entry in _entries(data, "plan", name, atlas.problems):
        try:
            _unknown(entry, {"file"})
            file = _text(entry, "file")
            label = f"plan {file!r}"
            if Path(file).name != file or file.startswith(".") or not file.endswith(PLAN_SUFFIX):
                raise EntryError("file", _("must be a file name ending in {suffix} in the pack's own folder").format(
                    suffix=PLAN_SUFFIX))
            if not (folder / file).is_file() or not _inside(folder / file, folder):
                raise EntryError("file", _("{file} is not in the pack's folder").format(file=file))
            try:
                plan = load_plan(folder / file, set(atlas.points), triggers)
            except PlanError as exc:
                raise EntryError("file", str(exc)) from None
        except EntryError as exc:
            atlas.problems.append(Problem(name, label, exc.field, _("{problem} (plan skipped)").format(problem=exc)))
            continue
        plans.append(PackPlan(plan.title, file, len(plan.items)))
    return tuple(plans)


def load_packs(data_dir: Path, atlas: Atlas, triggers=None) -> list[Pack]:
    """Every pack under ``packs/`` (``triggers``: the known trigger-point ids, for the packs' plans)."""
    bundled = frozenset(atlas.points)
    packs = []
    for folder in pack_dirs(data_dir):
        pack = load_pack(folder, atlas, bundled, triggers)
        if pack is not None:
            packs.append(pack)
    return packs


def check_pack(folder: Path) -> tuple[Pack | None, list[Problem]]:
    """Validate the pack in ``folder`` against the bundled atlas, as the app would load it.

    Returns the pack (None if it cannot be used at all) and every problem: its own entries, the
    placement of the points it adds, its decks and plans.
    """
    from .body import build_body
    from .loader import load_bundled
    from .muscles import load_muscles
    from .placement import layout_points
    from .resources import asset_path

    name = (folder / "pack.toml").as_posix()
    if not (folder / "pack.toml").is_file():
        return None, [Problem(name, "", "", _("not found: a pack is a folder holding pack.toml"))]
    atlas = load_bundled()
    triggers = set(load_muscles(asset_path("atlas/muscles")).trigger_points)
    bundled_problems = len(atlas.problems)
    pack = load_pack(folder, atlas, frozenset(atlas.points), triggers, name)
    problems = atlas.problems[bundled_problems:]
    if pack is not None and pack.points:
        problems += [p for p in layout_points(atlas, build_body()).problems if p.file == name]
    return pack, problems
