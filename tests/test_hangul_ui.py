"""Korean readings: shown beside the hanzi in the details panel and found by search."""
from __future__ import annotations

import pytest

from viewer.atlas.hangul import readings
from viewer.atlas.search import SearchIndex


def test_a_hangul_query_finds_the_point_first(content):
    index = SearchIndex(content.atlas, content.categories)
    assert index.search("족삼리")[0].code == "ST36"
    assert index.search("족삼리")[0].field == "hangul"
    assert index.search("합곡")[0].code == "LI4"


def test_a_broken_readings_file_is_named_and_leaves_the_readings_out(tmp_path):
    path = tmp_path / "hangul.toml"
    path.write_text('[point]\nST36 = "zu san li"\nLI4 = "합곡"\n', encoding="utf-8")
    found, problems = readings(path)
    assert found == {"LI4": "합곡"}
    assert any(p.entry == "point.ST36" for p in problems)
    missing, problems = readings(tmp_path / "nowhere.toml")
    assert missing == {} and "missing" in str(problems[0])


def test_the_details_panel_shows_the_korean_reading(window, qtbot):
    from viewer.ui.fonts import hangul_supported

    if not hangul_supported():
        pytest.skip("no font with Korean syllables (fonts-wqy-microhei has them): the reading is left out")
    window.select("ST36")
    assert "족삼리" in window.details.toPlainText()
