"""``meridian-viewer pack new | validate | list``: make, check and list teachers' data packs (no Qt)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .atlas.i18n import _, join, ngettext


def pack_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="meridian-viewer pack",
                                     description=_("Teachers' data packs: make one, check one, list the loaded ones."))
    sub = parser.add_subparsers(dest="action", required=True)
    new = sub.add_parser("new", help=_("write a commented template pack into a new folder"))
    new.add_argument("folder", type=Path)
    new.add_argument("--name", default="My class notes", help=_("the pack's name (default: %(default)s)"))
    check = sub.add_parser("validate", help=_("check a pack folder; list every problem; exit 1 if there is any"))
    check.add_argument("folder", type=Path)
    sub.add_parser("list", help=_("the packs in the data folder, and pack files in the wrong place"))
    return parser


def run_pack(args) -> int:
    return {"new": _new, "validate": _validate, "list": _list}[args.action](args)


def _new(args) -> int:
    import json

    from .atlas.pack_template import HOMEWORK, PACK_TOML
    from .atlas.plan import FORMAT, VERSION
    from .atlas.store import atomic_write_text
    from .atlas.views import registry

    folder: Path = args.folder
    if (folder / "pack.toml").exists():
        print("meridian-viewer pack new: " + _("{path} already exists; nothing was changed").format(
            path=folder / "pack.toml"), file=sys.stderr)
        return 1
    name = args.name.replace("\\", "").replace('"', "'")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(folder / "homework.mvplan",
                          json.dumps({"format": FORMAT, "version": VERSION, **HOMEWORK}, indent=1) + "\n")
        atomic_write_text(folder / "pack.toml", PACK_TOML.format(name=name, view=registry().first))
    except OSError as exc:
        print("meridian-viewer pack new: " + _("cannot write into {folder}: {reason}").format(
            folder=folder, reason=exc.strerror or exc), file=sys.stderr)
        return 1
    print(_("wrote {pack} and {plan}").format(pack=folder / "pack.toml", plan=folder / "homework.mvplan"))
    print(_("next: edit them, run '{command}', then copy the folder to {packs}").format(
        command=f"meridian-viewer pack validate {folder}", packs=_packs_root()))
    return 0


def _validate(args) -> int:
    from .atlas.packs import check_pack

    pack, problems = check_pack(args.folder)
    for problem in problems:
        print(_("error: {problem}").format(problem=problem))
    if pack is not None:
        print(_("{name}: {counts} loaded").format(name=pack.name, counts=_counts(pack)))
    print(ngettext("{n} problem in {folder}", "{n} problems in {folder}", len(problems)).format(
        n=len(problems), folder=args.folder))
    return 1 if problems or pack is None else 0


def _counts(pack) -> str:
    """'3 notes, 1 translation, 2 points, 1 deck, 1 plan' in the active language."""
    return join((
        ngettext("{n} note", "{n} notes", pack.notes).format(n=pack.notes),
        ngettext("{n} translation", "{n} translations", pack.translations).format(n=pack.translations),
        ngettext("{n} point", "{n} points", pack.points).format(n=pack.points),
        ngettext("{n} deck", "{n} decks", len(pack.decks)).format(n=len(pack.decks)),
        ngettext("{n} plan", "{n} plans", len(pack.plans)).format(n=len(pack.plans))))


def _packs_root() -> Path:
    from .atlas.paths import user_data_dir

    return user_data_dir() / "packs"


def _list(args) -> int:
    from .atlas.content import load_content
    from .atlas.paths import user_data_dir

    data_dir = user_data_dir()
    content = load_content(data_dir=data_dir)
    print(_("data folder: {folder}").format(folder=data_dir))
    if not content.packs:
        print(_("no packs loaded (a pack is a folder {path})").format(path=data_dir / "packs" / "<name>" / "pack.toml"))
    for pack in content.packs:
        print(f"{pack.folder}: {pack.name} ({pack.language}) - {_counts(pack)}")
    pack_problems = [p for p in content.problems if p.file.startswith("packs/") or p.file.endswith("pack.toml")]
    for problem in pack_problems:
        print(_("problem: {problem}").format(problem=problem))
    return 1 if pack_problems else 0
