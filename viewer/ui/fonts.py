"""Find out whether Chinese characters can be shown, so that we never draw empty boxes."""
from __future__ import annotations

import functools

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QRawFont

SAMPLE = "足三里"


@functools.lru_cache(maxsize=1)
def cjk_family() -> str | None:
    """Name of an installed font family that has glyphs for common hanzi, or None."""
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        raw = QRawFont.fromFont(QFont(family))
        if raw.isValid() and all(raw.supportsCharacter(ord(ch)) for ch in SAMPLE):
            return family
    return None


def hanzi_supported() -> bool:
    return cjk_family() is not None


def can_render(text: str, font: QFont) -> bool:
    """True if every character of ``text`` has a glyph in ``font`` or its fallbacks."""
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(ch)) for ch in text if not ch.isspace())


def hanzi_or_note(hanzi: str) -> str:
    """The hanzi if they can be drawn, otherwise a short note instead of empty boxes."""
    return hanzi if hanzi_supported() else "(Chinese characters need a CJK font)"
