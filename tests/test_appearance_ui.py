"""View ▸ Theme and View ▸ Text size: applied at once to palette, panels and diagram, remembered, readable."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QToolButton,
    QWidget,
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
        qtbot.waitUntil(lambda key=key: _colour(search, QPalette.ColorRole.Base) == theme.THEMES[key].base)
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
    assert "not be remembered" in win.messages.text
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
    title_bar = window.details.mapTo(window.details_dock, window.details.rect().topLeft()).y()
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.appearance.percent == 125
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.25)
    qtbot.waitUntil(lambda: window.details.font().pointSizeF() == pytest.approx(base * 1.25))
    assert window.legend.row > legend_row
    qtbot.waitUntil(lambda: window.details.mapTo(window.details_dock, window.details.rect().topLeft()).y()
                    > title_bar)  # the panel's title grows too
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


def _cut(widget) -> str:
    """Why ``widget``'s text does not fit its geometry, or ''."""
    if isinstance(widget, QComboBox):
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field = widget.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                              QStyle.SubControl.SC_ComboBoxEditField, widget)
        text = widget.fontMetrics().horizontalAdvance(widget.currentText())
        return f"{widget.currentText()!r} needs {text} px, has {field.width()}" if text > field.width() else ""
    if isinstance(widget, QLabel) and widget.wordWrap():
        if widget.heightForWidth(widget.width()) > widget.height() + 1:
            return f"{widget.heightForWidth(widget.width())} > {widget.height()} px high"
        return ""
    hint = widget.sizeHint()
    if hint.width() > widget.width() + 1 or (not isinstance(widget, QLabel) and hint.height() > widget.height() + 1):
        return f"needs {hint.width()}x{hint.height()}, has {widget.width()}x{widget.height()}"
    return ""


def _on_screen(widget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()  # docks behind a tab are off screen


def _cut_texts(win) -> dict[str, str]:
    kinds = (QLabel, QPushButton, QCheckBox, QToolButton, QComboBox)
    cut = {}
    for w in win.findChildren(QWidget):
        shown = isinstance(w, kinds) and _on_screen(w) and (w.currentText() if isinstance(w, QComboBox) else w.text())
        if shown and _cut(w):
            cut[f"{type(w).__name__} {w.objectName() or ''}"] = _cut(w)
    for bar in win.findChildren(QTabBar):
        if _on_screen(bar):
            for i in range(bar.count()):
                if bar.tabRect(i).width() < bar.tabSizeHint(i).width():  # squeezed: its title is elided
                    cut[f"tab {bar.tabText(i)!r}"] = f"{bar.tabRect(i).width()} < {bar.tabSizeHint(i).width()} px"
    return cut


@pytest.mark.parametrize("percent", [150, 200])
def test_nothing_is_cut_at_large_text_on_a_small_screen(content, tmp_path, qtbot, percent):
    """At 150 % and 200 % on 1366x768 every visible label, button, switch, filter and panel tab shows its
    whole text: panels widen, wrap, stack their filters or scroll; the toolbar moves what does not fit into
    its overflow menu."""
    win = create_window(content=content, data_dir=tmp_path / "userdata", size=(1366, 768))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    _menu(win, "View", "Text size", f"{percent} %").trigger()
    win.select("ST36")
    for panel in ("study", "layers", "compare", "details", "plan", "browse"):
        win.raise_panel(panel)
        qtbot.waitUntil(lambda: not _cut_texts(win), timeout=2000)
    assert win.diagram.width() >= 0.3 * win.width()  # the body keeps its share


def test_the_check_for_cut_text_can_fail(window, qtbot):
    """A button squeezed below its text's width is reported (the test above can fail)."""
    button = window.compare.findChild(QPushButton, "voice_patient")
    window.raise_panel("compare")
    qtbot.waitUntil(button.isVisible)
    button.setMaximumWidth(20)
    qtbot.waitUntil(lambda: button.width() <= 20)
    assert _cut(button)


def test_study_feedback_takes_the_new_colours(window, qtbot):
    """A wrong answer's red follows a theme change made while it is on screen."""
    window.raise_panel("study")
    cards = window.study.build().cards
    cards.start_session()
    wrong = next(i for i in range(len(cards.question.options)) if i != cards.question.answer)
    cards.choose(wrong)
    assert theme.LIGHT.caution.lower() in cards.feedback.text().lower()
    window.appearance.set_theme("dark", save=False)
    assert theme.DARK.caution.lower() in cards.feedback.text().lower()


def test_a_native_style_gives_way_to_fusion_for_a_theme_unlike_the_system(window, monkeypatch):
    """Windows' and macOS's native styles ignore the palette: a dark theme on a light desktop uses Fusion."""
    app = QApplication.instance()

    class Native:
        @staticmethod
        def name():
            return "windowsvista"

    styles = []
    monkeypatch.setattr(app, "style", lambda: Native)
    monkeypatch.setattr(app, "setStyle", styles.append)
    monkeypatch.setattr(appearance, "system_theme", lambda: theme.LIGHT)
    window.appearance.set_theme("light", save=False)
    assert styles == []
    window.appearance.set_theme("dark", save=False)
    assert styles == ["Fusion"]


def test_a_tab_bar_qt_makes_later_shows_whole_titles_too(window, qtbot):
    """Docks tabbed together after start (a restored layout, a drag) get a new tab bar: no "Bro…" on it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget, QTabBar

    before = set(window.findChildren(QTabBar))
    docks = [QDockWidget(title, window) for title in ("A panel with a long title", "Another long-titled panel")]
    for dock in docks:
        dock.setObjectName(dock.windowTitle())
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.tabifyDockWidget(*docks)
    qtbot.waitUntil(lambda: bool(set(window.findChildren(QTabBar)) - before))
    new = set(window.findChildren(QTabBar)) - before
    qtbot.waitUntil(lambda: all(bar.elideMode() == Qt.TextElideMode.ElideNone for bar in new))


def _legend_pixels(window):
    image = window.legend.grab().toImage()
    return image.width(), image.height(), bytes(image.constBits())


def test_the_legend_is_redrawn_for_a_new_theme_and_new_channels_not_for_a_repaint(window, qtbot):
    """The legend keeps a picture of itself (it lies over the diagram, which repaints often): the picture
    follows the theme, the text size and the channels listed, and is the same after a repaint."""
    window.set_view(window.content.body.registry.first)
    first = _legend_pixels(window)
    window.diagram.viewport().repaint()
    assert _legend_pixels(window) == first
    window.appearance.set_theme("high_contrast", save=False)  # the legend's own colours differ in it
    assert _legend_pixels(window) != first
    window.appearance.set_theme("light", save=False)
    assert _legend_pixels(window) == first
    window.show_only_channels(["LU", "LI"])
    qtbot.waitUntil(lambda: len(window.legend.entries) == 2)
    assert _legend_pixels(window)[:2] != first[:2]
