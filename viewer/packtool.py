"""``meridian-viewer pack new | validate | list``: make, check and list teachers' data packs (no Qt)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def pack_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="meridian-viewer pack",
                                     description="Teachers' data packs: make one, check one, list the loaded ones.")
    sub = parser.add_subparsers(dest="action", required=True)
    new = sub.add_parser("new", help="write a commented template pack into a new folder")
    new.add_argument("folder", type=Path)
    new.add_argument("--name", default="My class notes", help="the pack's name (default: %(default)s)")
    check = sub.add_parser("validate", help="check a pack folder; list every problem; exit 1 if there is any")
    check.add_argument("folder", type=Path)
    sub.add_parser("list", help="the packs in the data folder, and pack files in the wrong place")
    return parser


def run_pack(args) -> int:
    return {"new": _new, "validate": _validate, "list": _list}[args.action](args)


def _new(args) -> int:
    import json

    from .atlas.pack_template import HOMEWORK, PACK_TOML
    from .atlas.plan import FORMAT, VERSION
    from .atlas.store import atomic_write_text

    folder: Path = args.folder
    if (folder / "pack.toml").exists():
        print(f"meridian-viewer pack new: {folder / 'pack.toml'} already exists; nothing was changed",
              file=sys.stderr)
        return 1
    name = args.name.replace("\\", "").replace('"', "'")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(folder / "homework.mvplan",
                          json.dumps({"format": FORMAT, "version": VERSION, **HOMEWORK}, indent=1) + "\n")
        atomic_write_text(folder / "pack.toml", PACK_TOML.format(name=name))
    except OSError as exc:
        print(f"meridian-viewer pack new: cannot write into {folder}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {folder / 'pack.toml'} and {folder / 'homework.mvplan'}")
    print(f"next: edit them, run 'meridian-viewer pack validate {folder}', then copy the folder to "
          f"{_packs_root()}")
    return 0


def _validate(args) -> int:
    from .atlas.packs import check_pack

    pack, problems = check_pack(args.folder)
    for problem in problems:
        print(f"error: {problem}")
    if pack is not None:
        print(f"{pack.name}: {pack.notes} notes, {pack.translations} translations, {pack.points} points, "
              f"{len(pack.decks)} decks, {len(pack.plans)} plans loaded")
    print(f"{len(problems)} problem{'' if len(problems) == 1 else 's'} in {args.folder}")
    return 1 if problems or pack is None else 0


def _packs_root() -> Path:
    from .atlas.paths import user_data_dir

    return user_data_dir() / "packs"


def _list(args) -> int:
    from .atlas.content import load_content
    from .atlas.paths import user_data_dir

    data_dir = user_data_dir()
    content = load_content(data_dir=data_dir)
    print(f"data folder: {data_dir}")
    if not content.packs:
        print(f"no packs loaded (a pack is a folder {data_dir / 'packs' / '<name>' / 'pack.toml'})")
    for pack in content.packs:
        print(f"{pack.folder}: {pack.name} ({pack.language}) - {pack.notes} notes, {pack.translations} "
              f"translations, {pack.points} points, {len(pack.decks)} decks, {len(pack.plans)} plans")
    pack_problems = [p for p in content.problems if p.file.startswith("packs/") or p.file.endswith("pack.toml")]
    for problem in pack_problems:
        print(f"problem: {problem}")
    return 1 if pack_problems else 0
