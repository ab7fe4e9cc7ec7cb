"""Interface catalogues: extract the strings, update each language, compile, report completeness.

    python tools/i18n.py extract     # viewer/**/*.py -> assets/locale/meridian.pot
    python tools/i18n.py update      # merge the template into every language's meridian.po
    python tools/i18n.py compile     # every meridian.po -> meridian.mo (what the app reads)
    python tools/i18n.py stats       # per-language share of translated entries (interface and content)
    python tools/i18n.py init LANG   # start a new language's meridian.po from the template
    python tools/i18n.py all         # extract, update, compile, stats

Babel (in the ``test`` and ``tools`` extras) does the extraction, merging and compiling; the app
itself reads the compiled ``.mo`` with the standard library only. Marked strings are the arguments
of ``_``, ``N_``, ``ngettext`` (1st and 2nd) and ``pgettext`` (2nd, with the 1st as context).
"""
from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "assets" / "locale"
DOMAIN = "meridian"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
VIEWS_FILE = "assets/atlas/views.toml"
VIEW_FIELDS = {"title": "The title of a view of the body", "short": "A view's label on its menu entry, button "
               "and thumbnail, with its &-letter", "word": "A view as said inside a sentence ('on the front view')"}
HEADER = "Meridian & Trigger-Point Viewer: interface texts. Open to review by native-speaking practitioners."


def template(root: Path = ROOT) -> Catalog:
    """Every marked string of ``viewer/``, with the file and line it comes from."""
    catalog = Catalog(project="meridian-viewer", header_comment=f"# {HEADER}", charset="utf-8",
                      fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(root / "viewer"), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("Translators:",), strip_comment_tags=True):
        catalog.add(message, None, [(f"viewer/{filename}", lineno)], auto_comments=comments,
                    context=context)
    for message, lineno, comment in view_texts(root):
        catalog.add(message, None, [(VIEWS_FILE, lineno)], auto_comments=[comment])
    return catalog


def view_texts(root: Path = ROOT) -> list[tuple[str, int, str]]:
    """The interface words of every view in assets/atlas/views.toml (title, short label, word in a
    sentence) with their line, so the views' names are translated in the catalogues like marked strings."""
    import tomllib

    path = root / VIEWS_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for name, table in tomllib.loads(path.read_text(encoding="utf-8")).items():
        start = next((i for i, line in enumerate(lines, 1) if line.strip() == f"[{name}]"), 0)
        for key, what in VIEW_FIELDS.items():
            if isinstance(table, dict) and isinstance(table.get(key), str):
                line = next((i for i, text in enumerate(lines[start:], start + 1)
                             if text.replace(" ", "").startswith(f"{key}=")), start)
                found.append((table[key], line, f"{what} ({name})"))
    return found


def languages(locale: Path = LOCALE) -> list[str]:
    return sorted(p.parent.parent.name for p in locale.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def po_path(lang: str, locale: Path = LOCALE) -> Path:
    return locale / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


def write(catalog: Catalog, path: Path, **kwargs) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=False, **kwargs)
    path.write_bytes(buffer.getvalue())


def compiled(lang: str, locale: Path = LOCALE) -> bytes:
    """The ``.mo`` bytes of a language's ``.po`` (fuzzy entries left out, as gettext does)."""
    buffer = io.BytesIO()
    write_mo(buffer, read(po_path(lang, locale), lang), use_fuzzy=False)
    return buffer.getvalue()


def completeness(catalog: Catalog) -> tuple[int, int]:
    """(translated, total) entries; a plural entry counts as translated when all its forms are."""
    total = done = 0
    for message in catalog:
        if not message.id:
            continue
        total += 1
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if not message.fuzzy and all(strings):
            done += 1
    return done, total


def content_completeness() -> dict[str, float]:
    """Per language, the share of the English content fields (points, muscles, comparison) translated."""
    sys.path.insert(0, str(ROOT))
    from viewer.atlas.content import load_content
    from viewer.atlas.resources import assets_root
    from viewer.atlas.translations import completeness as share
    from viewer.atlas.translations import english_texts, load_translation

    content = load_content(use_cache=False)
    english = english_texts(content.atlas, content.muscles, content.overview, content.safety)
    return {lang: share(load_translation(assets_root(), lang), english) for lang in languages()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("extract", "update", "compile", "stats", "all", "init"))
    parser.add_argument("lang", nargs="?", help="for init: the new language, e.g. fr or pt_BR")
    args = parser.parse_args(argv)
    pot = LOCALE / f"{DOMAIN}.pot"
    if args.step == "init":
        if not args.lang or po_path(args.lang).exists():
            parser.error("init needs a LANG that has no catalogue yet")
        catalog = read(pot)
        new = Catalog(locale=args.lang, domain=DOMAIN, project="meridian-viewer",
                      header_comment=f"# {HEADER}", charset="utf-8", fuzzy=False)
        new.update(catalog, no_fuzzy_matching=True)
        write(new, po_path(args.lang))
        print(f"{po_path(args.lang).relative_to(ROOT)} started")
        return 0
    steps = ["extract", "update", "compile", "stats"] if args.step == "all" else [args.step]
    if "extract" in steps:
        catalog = template()
        write(catalog, pot, ignore_obsolete=True)
        print(f"{pot.relative_to(ROOT)}: {len(catalog)} messages")
    if "update" in steps:
        base = read(pot)
        for lang in languages():
            catalog = read(po_path(lang), lang)
            catalog.update(base, no_fuzzy_matching=True)
            write(catalog, po_path(lang), ignore_obsolete=True)
    if "compile" in steps:
        for lang in languages():
            mo = po_path(lang).with_suffix(".mo")
            mo.write_bytes(compiled(lang))
            print(f"{mo.relative_to(ROOT)} written")
    if "stats" in steps:
        content = content_completeness()
        for lang in languages():
            done, total = completeness(read(po_path(lang), lang))
            share = f"; content {100 * content[lang]:.1f} %" if lang in content else ""
            print(f"{lang}: {done}/{total} ({100 * done / max(total, 1):.1f} %){share}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
