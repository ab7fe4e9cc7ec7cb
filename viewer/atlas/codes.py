"""Point codes as people type them: "bl 23", "UB23", "BL023", "sj5", "ex-hn3" -> the WHO code."""
from __future__ import annotations

import re

from .model import Atlas

_SEPARATORS = re.compile(r"[\s\-_.]+")
_LEADING_ZERO = re.compile(r"(?<=[A-Z])0+(?=\d)")


def compact(text: str) -> str:
    """Upper case, no spaces/dashes/dots, no leading zeros in the number."""
    return _LEADING_ZERO.sub("", _SEPARATORS.sub("", text.upper()))


def is_code_start(typed: str) -> bool:
    """Whether a compacted query may stand for the beginning of codes: once it holds a digit ("bl2") or
    four characters ("x-class" for a pack's X-CLASS1, "ex-hn"), but not a channel's letters ("st", "ren"),
    which would list a whole channel."""
    return len(typed) >= 4 or any(ch.isdigit() for ch in typed)


def code_index(atlas: Atlas) -> dict[str, str]:
    """Every accepted spelling (compacted) of every point code -> the WHO code."""
    index: dict[str, str] = {}
    for code in atlas.points:
        index[compact(code)] = code
        for alias in atlas.aliases_of(code):
            index.setdefault(compact(alias), code)
    return index


def resolve_code(atlas: Atlas, text: str) -> str | None:
    """The WHO code meant by ``text``, or None if it names no point."""
    return code_index(atlas).get(compact(text))
