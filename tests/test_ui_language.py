"""The window in the user's language: menus, docks and panels translated, the content shown in that
language (English standing in, and saying so, where a translation is missing), search by English name."""
from __future__ import annotations

import pytest

from viewer.atlas import i18n
from viewer.atlas.localize import localize

from .test_localize import spanish_without_st36_location


@pytest.fixture
def in_language():
    """Build widgets in a language; English again afterwards."""
    yield i18n.set_language
    i18n.set_language("en")


@pytest.fixture
def spanish_window(qtbot, content, in_language, tmp_path):
    from viewer.ui.main_window import MainWindow

    in_language("es")
    window = MainWindow(content, data_dir=tmp_path)
    qtbot.addWidget(window)
    return window


def test_a_spanish_window_shows_st36_in_spanish_with_codes_and_pinyin_kept(spanish_window, content):
    spanish_window.select("ST36")
    text = spanish_window.details.toPlainText()
    spanish = localize(content, "es").content.atlas.points["ST36"].location
    assert spanish != content.atlas.points["ST36"].location
    assert spanish in text and content.atlas.points["ST36"].location not in text
    assert "Localización" in text and "Zúsānlǐ" in text and "ST36" in text
    assert "en inglés" not in text  # everything of ST36 is translated: no fallback note
    assert content.atlas.points["ST36"].location == spanish_window.source_content.atlas.points["ST36"].location


def test_a_spanish_window_has_spanish_menus_docks_and_title(spanish_window):
    menus = [a.text() for a in spanish_window.menuBar().actions()]
    assert "&Archivo" in menus and "&File" not in menus
    assert spanish_window.details_dock.windowTitle() == "Detalles"
    assert spanish_window.details_dock.objectName() == "details_dock"  # the saved layout's key stays
    assert spanish_window.view_actions["back"].toolTip() == "Vista posterior (2)"


def test_search_in_a_spanish_window_finds_a_point_by_its_english_name_too(spanish_window, qtbot):
    browse = spanish_window.browse
    qtbot.keyClicks(browse.search, "Leg Three Li")
    assert browse.visible_codes()[0] == "ST36"
    browse.search.clear()
    qtbot.keyClicks(browse.search, "Tres Distancias del Pie")
    assert browse.visible_codes()[0] == "ST36"


def test_a_chinese_window_names_the_point_by_its_hanzi_and_translates_regions(qtbot, content, in_language,
                                                                               tmp_path):
    from viewer.ui.main_window import MainWindow

    in_language("zh_CN")
    window = MainWindow(content, data_dir=tmp_path)
    qtbot.addWidget(window)
    window.select("ST36")
    text = window.details.toPlainText()
    assert "足三里" in text and "定位" in text and "小腿" in text
    assert content.atlas.points["ST36"].english not in text  # the hanzi are the name
    assert "文件(&F)" in [a.text() for a in window.menuBar().actions()]
    assert window.view_actions["front"].iconText() == "正面"  # no "(&F)" on the toolbar button


def test_a_field_missing_from_the_translation_is_shown_in_english_and_marked(qtbot, content, in_language, tmp_path):
    from viewer.ui.details import DetailsPanel

    assets = spanish_without_st36_location(tmp_path)
    in_language("es")
    local = localize(content, "es", assets)
    panel = DetailsPanel(local.content, local=local)
    qtbot.addWidget(panel)
    panel.show_point("ST36")
    shown = panel.toPlainText()
    english = content.atlas.points["ST36"].location
    assert f"{english} (en inglés: aún sin traducir)" in shown
    assert shown.count("en inglés") == 1  # only that field: the name and needling are translated
    panel.show_point("ST25")
    assert "en inglés" not in panel.toPlainText()


@pytest.mark.parametrize("lang", ["es", "zh_CN"])
def test_the_toolbar_fits_a_1366_pixel_window_in_each_language(qtbot, content, in_language, tmp_path, lang):
    """Spanish runs about a quarter longer than English: no toolbar button may fall into the overflow menu."""
    from PySide6.QtWidgets import QToolBar

    from viewer.ui.main_window import MainWindow

    in_language(lang)
    window = MainWindow(content, data_dir=tmp_path)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    toolbar = window.findChild(QToolBar, "views_toolbar")
    hidden = [a.iconText() for a in toolbar.actions()
              if not a.isSeparator() and not toolbar.widgetForAction(a).isVisible()]
    assert hidden == []


def test_what_lies_beneath_bl13_is_in_the_window_language(spanish_window, qtbot, content, in_language, tmp_path):
    from viewer.ui.main_window import MainWindow

    spanish_window.select("BL13")
    spanish = spanish_window.details.toPlainText()
    assert "Pulmones y pleura" in spanish and "Lungs and pleura" not in spanish
    assert "línea interna de BL" in spanish and "inner BL line" not in spanish  # the region's name
    assert "Oriente la aguja hacia la columna" in spanish and "Angle the needle" not in spanish

    in_language("zh_CN")
    chinese_window = MainWindow(content, data_dir=tmp_path / "zh")
    qtbot.addWidget(chinese_window)
    chinese_window.select("BL13")
    chinese = chinese_window.details.toPlainText()
    assert "肺与胸膜" in chinese and "针尖朝向脊柱" in chinese
    assert "Lungs and pleura" not in chinese and "Angle the needle" not in chinese
