"""Limits on what the app reads, each refused by name: a file beyond them is reported, never loaded.

They are far above anything real (the whole bundled atlas is ~300 KB; a busy plan has ~20 items)
and keep every cost bounded: a 20 MB pack or a 100,000-item plan cannot freeze the window.
Documented in docs/data-schema.md ("Limits") and checked by tests/test_robust_inputs.py.
"""
from __future__ import annotations

MAX_TOML_BYTES = 2_000_000  # one atlas, muscle, content or pack file
MAX_PLAN_BYTES = 1_000_000  # one .mvplan file
MAX_PLAN_ITEMS = 200  # points and trigger points in one plan
MAX_FAVOURITES_BYTES = 1_000_000  # favourites.json
MAX_FAVOURITES = 2_000  # codes in favourites.json
MAX_NOTES_PER_POINT = 20  # pack notes (all packs together) on one point
MAX_TRANSLATIONS_PER_POINT = 20  # pack translations (all packs together) of one point
MAX_TEXT = 10_000  # characters in one text field of a pack or plan
MAX_SVG_BYTES = 4_000_000  # one drawing file (assets/atlas/body/*.svg)
MAX_SVG_ELEMENTS = 50_000  # elements in one drawing file
MAX_SVG_COORD = 1000.0  # |x|, |y| of anything drawn, in model units (the figure is 1.0 tall)
MAX_NUMBER = 100.0  # |cun|, |of|, |lateral|, |forward|, |up| in a placement


def size_words(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} KB"
