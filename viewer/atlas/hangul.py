"""Korean readings (hangul) of the point names, from assets/atlas/i18n/ko/hangul.toml (Qt-free).

The file is derived by tools/derive_hangul.py from the Unicode Han Database; here it is only read.
A file that is missing or broken leaves the readings out (reported once as a problem): they are an
extra, never a reason to stop.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

from .i18n import _
from .model import Problem

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def has_hangul(text: str) -> bool:
    return bool(HANGUL.search(text))


@functools.lru_cache(maxsize=4)
def readings(path: Path | None = None) -> tuple[dict[str, str], tuple[Problem, ...]]:
    """Point code -> hangul reading, and what was wrong with the file."""
    from .resources import asset_path
    from .store import read_toml

    path = path or asset_path("atlas/i18n/ko/hangul.toml")
    problems: list[Problem] = []
    where = "i18n/ko/hangul.toml"
    if not path.is_file():
        return {}, (Problem(where, "", "", _("is missing: Korean readings are not shown")),)
    data = read_toml(path, where, problems)
    table = data.get("point") if isinstance(data, dict) else None
    if data is not None and not isinstance(table, dict):
        problems.append(Problem(where, "point", "", _("the [point] table is missing")))
    found: dict[str, str] = {}
    for code, value in (table or {}).items():
        if isinstance(value, str) and value and all(HANGUL.match(ch) for ch in value):
            found[code] = value
        else:
            problems.append(Problem(where, f"point.{code}", "", _("must be a reading in hangul syllables")))
    return found, tuple(problems)


def reading(code: str) -> str:
    """The hangul reading of a point, or "" when there is none."""
    return readings()[0].get(code, "")
