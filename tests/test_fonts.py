"""Hanzi are shown only when a font can draw them: never empty boxes."""
from __future__ import annotations

import pytest

from viewer.ui import fonts


def has_hanzi(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_detection_agrees_with_the_font_database(qapp):
    """cjk_family() names a family that really has glyphs for 足三里 (skipped, saying why, on a machine
    without any CJK font: .ci/run installs one)."""
    from PySide6.QtGui import QFont, QFontMetrics

    family = fonts.cjk_family()
    if family is None:
        assert fonts.hanzi_or_note("足三里") == "(Chinese characters need a CJK font)"
        pytest.skip("no CJK font installed (e.g. fonts-wqy-microhei): nothing for the detection to find")
    metrics = QFontMetrics(QFont(family))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "足三里")
    assert fonts.hanzi_or_note("足三里") == "足三里"


def test_detection_finds_nothing_in_a_font_database_without_cjk_fonts(qapp, monkeypatch):
    """Offered only Latin fonts, the detection answers None and the app says so instead of drawing boxes."""
    from PySide6 import QtGui
    from PySide6.QtGui import QFontDatabase

    class LatinOnly:
        WritingSystem = QFontDatabase.WritingSystem

        @staticmethod
        def families(*_):
            return ["DejaVu Sans"]

    monkeypatch.setattr(QtGui, "QFontDatabase", LatinOnly)  # the detection imports it when it runs
    fonts.cjk_family.cache_clear()
    try:
        assert fonts.cjk_family() is None
        assert fonts.hanzi_or_note("足三里") == "(Chinese characters need a CJK font)"
    finally:
        fonts.cjk_family.cache_clear()


def test_details_show_hanzi_when_a_cjk_font_exists(window, monkeypatch):
    """With a CJK font the details panel shows the point's hanzi."""
    monkeypatch.setattr(fonts, "cjk_family", lambda: "WenQuanYi Micro Hei")
    window.select("ST36")
    window.details.show_point("ST36")
    assert "足三里" in window.details.toPlainText()


def test_without_a_cjk_font_no_hanzi_are_drawn(window, monkeypatch):
    """Without a CJK font neither the details nor the tooltips contain hanzi (no boxes)."""
    monkeypatch.setattr(fonts, "cjk_family", lambda: None)
    window.details.show_point("ST36")
    assert not has_hanzi(window.details.toPlainText())
    from viewer.ui.scene import point_tooltip

    assert not has_hanzi(point_tooltip(window.content.atlas.points["ST36"]))


def test_hanzi_inside_texts_are_dropped_without_a_font(window, monkeypatch):
    """GV26's location mentions 人中; without a CJK font the panel shows the sentence without it."""
    monkeypatch.setattr(fonts, "cjk_family", lambda: None)
    assert fonts.hanzi_safe("Also called Rénzhōng (人中).") == "Also called Rénzhōng."
    window.details.show_point("GV26")
    text = window.details.toPlainText()
    assert "Rénzhōng" in text and not has_hanzi(text)
    monkeypatch.setattr(fonts, "cjk_family", lambda: "WenQuanYi Micro Hei")
    assert fonts.hanzi_safe("Also called Rénzhōng (人中).") == "Also called Rénzhōng (人中)."
