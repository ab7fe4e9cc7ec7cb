"""Teachers' data packs: notes, translations and extra points from the user data folder.

A pack is a folder ``<data dir>/packs/<name>/`` holding ``pack.toml``. It is validated exactly like
the bundled atlas, entry by entry; a pack may add to the atlas but never change or remove a bundled
point.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from .loader import EntryError, _read_toml, _text, _unknown, parse_point
from .model import Atlas, Meridian, Problem


@dataclass(frozen=True)
class Pack:
    folder: str
    name: str
    language: str
    notes: int
    translations: int
    points: int


def pack_dirs(data_dir: Path) -> list[Path]:
    root = data_dir / "packs"
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "pack.toml").is_file())


def _attach(atlas: Atlas, code: str, **changes) -> None:
    atlas.points[code] = dataclasses.replace(atlas.points[code], **changes)


def load_pack(folder: Path, atlas: Atlas, bundled: frozenset[str]) -> Pack | None:
    """Load one pack into ``atlas``; problems are added to ``atlas.problems``."""
    name = f"packs/{folder.name}/pack.toml"
    data = _read_toml(folder / "pack.toml", name, atlas.problems)
    if data is None:
        return None
    head = data.get("pack", {})
    try:
        if not isinstance(head, dict):
            raise EntryError("", "must be a table")
        _unknown(head, {"name", "language"})
        title = _text(head, "name")
        language = _text(head, "language", required=False) or "en"
    except EntryError as exc:
        atlas.problems.append(Problem(name, "pack", exc.field, str(exc)))
        return None
    _unknown_sections = sorted(set(data) - {"pack", "note", "translation", "point"})
    for section in _unknown_sections:
        atlas.problems.append(Problem(name, section, "", "is not a known section (pack, note, translation, point)"))
    counts = {"note": 0, "translation": 0, "point": 0}
    meridian_code = f"PACK:{folder.name}"
    new_codes: list[str] = []
    for index, entry in enumerate(data.get("point", [])):
        label = entry.get("code", f"point #{index + 1}") if isinstance(entry, dict) else f"point #{index + 1}"
        try:
            point = parse_point(entry, meridian_code, True, name)
            if point.code in bundled:
                raise EntryError("code", f"{point.code} is a bundled point; a pack cannot replace it")
            if point.code in atlas.points:
                raise EntryError("code", f"{point.code} is already defined in {atlas.points[point.code].source}")
        except EntryError as exc:
            atlas.problems.append(Problem(name, str(label), exc.field, f"{exc} (entry skipped)"))
            continue
        atlas.points[point.code] = point
        new_codes.append(point.code)
        counts["point"] += 1
    if new_codes:
        atlas.meridians[meridian_code] = Meridian(
            code=meridian_code, name=title, full_name=title, pinyin="", hanzi="", bilateral=True,
            count=len(new_codes), summary=f"Points added by the data pack '{title}'.", points=tuple(new_codes),
            source=name,
        )
    for kind, fields in (("note", {"code", "text"}), ("translation", {"code", "language", "name"})):
        for index, entry in enumerate(data.get(kind, [])):
            label = f"{kind} #{index + 1}"
            try:
                if not isinstance(entry, dict):
                    raise EntryError("", "must be a table")
                _unknown(entry, fields)
                code = _text(entry, "code")
                label = f"{kind} {code}"
                if code not in atlas.points:
                    raise EntryError("code", f"{code!r} is not a known point")
                point = atlas.points[code]
                if kind == "note":
                    _attach(atlas, code, notes=point.notes + (f"{title}: {_text(entry, 'text')}",))
                else:
                    pair = (_text(entry, "language"), _text(entry, "name"))
                    _attach(atlas, code, translations=point.translations + (pair,))
            except EntryError as exc:
                atlas.problems.append(Problem(name, label, exc.field, f"{exc} (entry skipped)"))
                continue
            counts[kind] += 1
    return Pack(folder.name, title, language, counts["note"], counts["translation"], counts["point"])


def load_packs(data_dir: Path, atlas: Atlas) -> list[Pack]:
    bundled = frozenset(atlas.points)
    packs = []
    for folder in pack_dirs(data_dir):
        pack = load_pack(folder, atlas, bundled)
        if pack is not None:
            packs.append(pack)
    return packs
