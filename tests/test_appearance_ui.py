"""View ▸ Theme and View ▸ Text size: applied at once to palette, panels and diagram, remembered, readable."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
)

from viewer.app import create_window
from viewer.ui import appearance, theme
from viewer.ui.shortcuts import menu_shortcuts

from .test_theme import _rgba, contrast


def _menu(window, *path):
    """The action at ``path`` in the menu bar, found by its visible text (as a keyboard user reads it)."""
    actions = window.menuBar().actions()
    for name in path:
        action = next(a for a in actions if a.text().replace("&", "") == name)
        actions = action.menu().actions() if action.menu() is not None else []
    return action


def _colour(widget, role) -> str:
    return widget.palette().color(role).name().upper()


def test_choosing_dark_recolours_palette_panels_and_diagram_at_once(window, qtbot):
    """View ▸ Theme ▸ Dark: the palette, the details text, the diagram's surround all turn dark."""
    window.select("ST36")
    assert theme.LIGHT.muted.lower() in window.details.toHtml().lower()
    _menu(window, "View", "Theme", "Dark").trigger()
    assert theme.current() is theme.DARK
    qtbot.waitUntil(lambda: _colour(window, QPalette.ColorRole.Window) == theme.DARK.window)
    html = window.details.toHtml().lower()
    assert "placed on the diagram" in html
    assert theme.DARK.muted.lower() in html and theme.LIGHT.muted.lower() not in html
    scene = window.scenes[window.current_view]
    assert scene.backgroundBrush().color().name().upper() == theme.DARK.canvas
    assert window.diagram.backgroundBrush().color().name().upper() == theme.DARK.canvas
    assert _menu(window, "View", "Theme", "Dark").isChecked()


def test_the_search_placeholder_stays_readable_in_every_theme(window, qtbot):
    """The search field's placeholder has a colour of its own that reads on the field (4.5:1)."""
    search = window.browse.search
    assert search.placeholderText()
    for key in theme.THEMES:
        window.appearance.set_theme(key, save=False)
        qtbot.waitUntil(lambda: _colour(search, QPalette.ColorRole.Base) == theme.THEMES[key].base)
        placeholder = _rgba(_colour(search, QPalette.ColorRole.PlaceholderText))
        base = _rgba(_colour(search, QPalette.ColorRole.Base))
        assert contrast(placeholder, base) >= 4.5, key


def test_the_theme_and_text_size_are_remembered(content, tmp_path, qtbot):
    """A theme chosen in one session is there in the next (window.ini in the data folder)."""
    data = tmp_path / "userdata"
    first = create_window(content=content, data_dir=data, size=(1000, 700))
    qtbot.addWidget(first)
    _menu(first, "View", "Theme", "High contrast").trigger()
    _menu(first, "View", "Text size", "125 %").trigger()
    assert "high_contrast" in (data / "window.ini").read_text()
    appearance.apply("light", 100)  # as if the app had been closed
    second = create_window(content=content, data_dir=data, size=(1000, 700))
    qtbot.addWidget(second)
    assert theme.current() is theme.HIGH_CONTRAST
    assert second.appearance.percent == 125
    assert _menu(second, "View", "Theme", "High contrast").isChecked()


def test_a_theme_that_cannot_be_saved_still_applies_and_says_so(content, tmp_path, qtbot):
    """window.ini is a folder: the theme changes for this session and the status bar says it is not kept."""
    data = tmp_path / "userdata"
    (data / "window.ini").mkdir(parents=True)
    win = create_window(content=content, data_dir=data, size=(1000, 700))
    qtbot.addWidget(win)
    _menu(win, "View", "Theme", "Dark").trigger()
    assert theme.current() is theme.DARK
    assert "not be remembered" in win.statusBar().currentMessage()
    assert (data / "window.ini").is_dir()


def test_a_bad_remembered_value_falls_back_to_the_system(content, tmp_path, qtbot):
    """A hand-edited window.ini with an unknown theme or size starts with System and 100 %."""
    data = tmp_path / "userdata"
    data.mkdir()
    (data / "window.ini").write_text("[appearance]\ntheme=purple\ntext_size=999\n")
    win = create_window(content=content, data_dir=data, size=(1000, 700))
    qtbot.addWidget(win)
    assert win.appearance.choice == "system" and win.appearance.percent == 100


def test_system_follows_a_dark_desktop_palette(window, monkeypatch):
    """With no colour scheme reported, a dark system palette means the dark theme."""
    if QApplication.styleHints().colorScheme() != Qt.ColorScheme.Unknown:
        pytest.skip("the platform reports its colour scheme")
    monkeypatch.setattr(appearance, "_system", (theme.DARK.qpalette(), QApplication.font()))
    window.appearance.set_theme("system", save=False)
    assert theme.current() is theme.DARK
    monkeypatch.setattr(appearance, "_system", (theme.LIGHT.qpalette(), QApplication.font()))
    window.appearance.set_theme("system", save=False)
    assert theme.current() is theme.LIGHT


def test_text_size_keys_scale_the_text_and_are_in_the_shortcut_reference(window, qtbot):
    """Ctrl+Shift+Up makes the text larger (and the study title with it); Ctrl+Shift+Down smaller again."""
    base = QApplication.font().pointSizeF()
    legend_row = window.legend.row
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.appearance.percent == 125
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.25)
    qtbot.waitUntil(lambda: window.details.font().pointSizeF() == pytest.approx(base * 1.25))
    assert window.legend.row > legend_row
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.appearance.percent == 100
    entries = {entry for _menu_, _keys, entry in menu_shortcuts(window)}
    assert {"Larger text", "Smaller text"} <= entries


def test_handouts_and_view_images_stay_on_white_paper_in_the_dark_theme(window, tmp_path):
    """Print-outs are for paper: a handout rendered in the dark theme is white, and the screen stays dark."""
    from viewer.atlas.plan import Plan, PlanItem
    from viewer.ui.handout import export_view_image, render_png

    window.appearance.set_theme("dark", save=False)
    plan = Plan(title="Knee", items=[PlanItem("point", "ST36")])
    image = render_png(window.content, plan, dpi=60)
    assert image.pixelColor(5, 5).name().upper() == "#FFFFFF"
    assert image.pixelColor(image.width() // 2, image.height() // 2).lightness() > 200
    scene = window.scenes[window.current_view]
    path = export_view_image(scene, tmp_path / "front.png", height_px=400)
    from PySide6.QtGui import QImage

    exported = QImage(str(path))
    assert exported.pixelColor(2, 2).lightness() > 240  # the paper theme's canvas, not the dark surround
    assert theme.current() is theme.DARK
    assert scene.backgroundBrush().color().name().upper() == theme.DARK.canvas
