"""Find out whether Chinese characters can be shown, so that we never draw empty boxes."""
from __future__ import annotations

import contextlib
import functools
import re
import weakref

from PySide6.QtGui import QFont, QFontMetrics

SAMPLE = "足三里"


def _family_drawing(system: str, sample: str) -> str | None:
    """The first installed family of the writing system ``system`` with a glyph for every character of ``sample``.
    (QFontDatabase and QRawFont are imported here: nothing before the first picture asks, and each import
    makes PySide create the class's enums.)"""
    from PySide6.QtGui import QFontDatabase, QRawFont

    for family in QFontDatabase.families(getattr(QFontDatabase.WritingSystem, system)):
        raw = QRawFont.fromFont(QFont(family))
        if raw.isValid() and all(raw.supportsCharacter(ord(ch)) for ch in sample):
            return family
    return None


@functools.lru_cache(maxsize=1)
def cjk_family() -> str | None:
    """Name of an installed font family that has glyphs for common hanzi, or None."""
    return _family_drawing("SimplifiedChinese", SAMPLE)


@functools.lru_cache(maxsize=1)
def hangul_supported() -> bool:
    """Can Korean syllables be drawn (some CJK fonts, such as WenQuanYi Micro Hei, carry them)?"""
    return _family_drawing("Korean", "족삼리") is not None


def hanzi_supported() -> bool:
    return cjk_family() is not None


def can_render(text: str, font: QFont) -> bool:
    """True if every character of ``text`` has a glyph in ``font`` or its fallbacks."""
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(ch)) for ch in text if not ch.isspace())


@functools.lru_cache(maxsize=1)
def _cjk_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Hanzi, and brackets holding hanzi: compiled when first needed (their character ranges take
    milliseconds to compile, and with a CJK font they are never needed)."""
    return re.compile(r"[\u3400-\u9fff]+"), re.compile(r"\s*[(（][^()（）]*[\u3400-\u9fff][^()（）]*[)）]")


def hanzi_safe(text: str) -> str:
    """``text`` as it can be drawn: without a CJK font, hanzi (and brackets holding them) are dropped."""
    if hanzi_supported():
        return text
    cjk, in_brackets = _cjk_patterns()
    return cjk.sub("", in_brackets.sub("", text)) if cjk.search(text) else text


def hanzi_or_note(hanzi: str) -> str:
    """The hanzi if they can be drawn, otherwise a short note instead of empty boxes."""
    from ..atlas.i18n import _

    return hanzi if hanzi_supported() else _("(Chinese characters need a CJK font)")


# --- text size (View ▸ Text size) ---------------------------------------------------------------
_text_scale = 1.0  # on top of the system's font size; the application font already includes it


def text_scale() -> float:
    """The user's text size as a factor (1.0 = the system's size)."""
    return _text_scale


def set_text_scale(scale: float) -> None:
    global _text_scale
    _text_scale = scale


@contextlib.contextmanager
def unscaled():
    """Print at the designed sizes (handouts): View ▸ Text size is for the screen."""
    global _text_scale
    before, _text_scale = _text_scale, 1.0
    try:
        yield
    finally:
        _text_scale = before


# Widgets drawn larger or smaller than the text, and by how much: ``appearance`` resizes them with the text.
_FACTORS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def relative_font(widget, factor: float):
    """Give ``widget`` a font ``factor`` times the application's text size, now and after every change
    of View ▸ Text size (see :func:`relative_fonts`)."""
    from PySide6.QtWidgets import QApplication

    _FACTORS[widget] = factor
    font = widget.font()
    base = QApplication.font()
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * factor)
    else:
        font.setPixelSize(round(base.pixelSize() * factor))
    widget.setFont(font)
    return widget


def relative_fonts() -> list[tuple[object, float]]:
    """The widgets given a relative font that still exist, each with its factor."""
    import shiboken6

    return [(widget, factor) for widget, factor in list(_FACTORS.items()) if shiboken6.isValid(widget)]
