"""View ▸ Theme and View ▸ Text size: the app's colours and text size, from the system or the user's
choice, remembered in the user data folder (``window.ini``, written by QSettings through a temporary
file that replaces the old one, so a crash never leaves half a file).

"System" follows the desktop: its high-contrast setting (Qt >= 6.10), else its colour scheme (Qt >= 6.5),
else the lightness of the palette the app started with. The chosen theme's palette is given to Qt, and
every open window redraws its panels and diagram at once.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QActionGroup, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QTabBar, QToolTip

from ..atlas.i18n import N_, _
from . import theme
from .fonts import relative_font, relative_fonts, set_text_scale, text_scale
from .session import FILE_NAME, not_saved, say_once

THEME_CHOICES = {"system": N_("&System"), "light": N_("&Light"), "dark": N_("&Dark"),
                 "high_contrast": N_("&High contrast")}
TEXT_SIZES = (100, 125, 150, 175, 200)  # per cent of the system's font size
KEYS = {"larger": "Ctrl+Shift+Up", "smaller": "Ctrl+Shift+Down"}  # Ctrl+Shift+= would also be Ctrl++ (zoom)
THEME_KEY, TEXT_KEY = "appearance/theme", "appearance/text_size"
DOCK_WIDTHS = (290, 340)  # px of the left and right panels at 100 %; they grow with the text
SIDE_SHARE = 0.62  # of the window's width: what both side panels together may take, however large the text

NATIVE_STYLES = ("windowsvista", "macos")
_system: tuple[QPalette, QFont] | None = None  # the system's palette and font, before the app changed them


def system_look() -> tuple[QPalette, QFont]:
    global _system
    if _system is None:
        app = QApplication.instance()
        _system = (QPalette(app.palette()), QFont(app.font()))
    return _system


def system_theme() -> theme.Theme:
    """The theme that matches the desktop: high contrast, dark or light."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt >= 6.10
    if accessibility is not None and \
            accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
        return theme.HIGH_CONTRAST
    scheme = hints.colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return theme.DARK
    if scheme == Qt.ColorScheme.Light:
        return theme.LIGHT
    window = system_look()[0].color(QPalette.ColorRole.Window)
    return theme.DARK if window.lightness() < 128 else theme.LIGHT


def resolve(choice: str) -> theme.Theme:
    return system_theme() if choice == "system" else theme.THEMES[choice]


def apply(choice: str, percent: int, docks=()) -> theme.Theme:
    """Give the whole application the theme ``choice`` and ``percent`` of the system's text size, and the
    panels ``docks`` their titles at that size."""
    app = QApplication.instance()
    _, system_font = system_look()
    chosen = resolve(choice)
    theme.set_current(chosen)
    # Asked only when it matters: the first app.style() from Python costs ~25 ms of Qt type set-up.
    if chosen is not system_theme() and app.style().name().lower() in NATIVE_STYLES:
        app.setStyle("Fusion")  # these draw controls in the system's colours whatever the palette says
    palette = chosen.qpalette()
    app.setPalette(palette)
    QToolTip.setPalette(palette)
    font = QFont(system_font)
    if system_font.pointSizeF() > 0:
        font.setPointSizeF(system_font.pointSizeF() * percent / 100)
    else:  # a system font given in pixels
        font.setPixelSize(round(system_font.pixelSize() * percent / 100))
    set_text_scale(percent / 100)
    app.setFont(font)
    # Not app.allWidgets(): handing Python the widgets Qt made by itself loads every widget type first.
    for widget, factor in relative_fonts():  # widgets drawn larger or smaller than the text (titles, captions)
        relative_font(widget, factor)
    for dock in docks:
        title_font(dock, font)
    return chosen


def title_font(dock: QDockWidget, font: QFont) -> None:
    """A panel's title at the text size. QDockWidget keeps the title font it was made with while its own
    font is the application's; a font of its own (the same but for a style hint nobody sees) is followed."""
    own = QFont(font)
    own.setStyleStrategy(QFont.StyleStrategy.PreferQuality)
    dock.setFont(own)


def unelide_tabs(win) -> None:
    """Tabs of docked panels show their whole titles (with scroll arrows when they do not all fit)."""
    for bar in win.findChildren(QTabBar):
        bar.setElideMode(Qt.TextElideMode.ElideNone)
        bar.setUsesScrollButtons(True)


def fit_docks(win) -> None:
    """The side panels as wide as their text needs at this text size, leaving the body its share."""
    scale = text_scale()
    widths = [w * scale for w in DOCK_WIDTHS]
    room = SIDE_SHARE * win.width()
    if sum(widths) > room:
        widths = [w * room / sum(widths) for w in widths]
    win.resizeDocks([win.browse_dock, win.details_dock], [round(w) for w in widths], Qt.Orientation.Horizontal)
    unelide_tabs(win)


def restyle_window(win) -> None:
    """Redraw what the window built with the old colours or sizes: diagram, panels' HTML, legend, icons."""
    win.scenes.restyle()
    presenting = win.panels_built and win.presentation.active
    win.diagram.setBackgroundBrush(theme.color("presentation" if presenting else "canvas"))
    win.legend.place()
    if not win.panels_built:  # they will be made with these colours and sizes
        return
    after_paint = getattr(win, "after_paint", None)
    if win.details.code or (after_paint is not None and after_paint.painted):  # else its welcome text waits
        win.details.show_point(win.details.code)
    win.compare.render()
    win.layers.restyle()
    win.browse.restyle()
    win.presentation.caption.restyle()
    win.patient_view.refresh()
    if win.study.panel is not None:
        win.study.panel.restyle()


class Appearance(QObject):
    """The window's View ▸ Theme and View ▸ Text size menus and the remembered choice."""

    def __init__(self, win, view_menu):
        super().__init__(win)
        self.win = win
        settings = self._settings()
        choice = settings.value(THEME_KEY, "system") if settings is not None else "system"
        self.choice = choice if choice in THEME_CHOICES else "system"
        try:
            percent = int(settings.value(TEXT_KEY, 100)) if settings is not None else 100
        except (TypeError, ValueError):
            percent = 100
        self.percent = percent if percent in TEXT_SIZES else 100
        self._build_menus(view_menu)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_changed)
        self._apply()

    def _build_menus(self, view_menu) -> None:
        win = self.win
        theme_menu = view_menu.addMenu(_("Th&eme"))
        group = QActionGroup(self)
        self.theme_actions = {}
        for key, title in THEME_CHOICES.items():
            action = win.make_action(_(title), lambda _=False, k=key: self.set_theme(k), checkable=True)
            group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[key] = action
        size_menu = view_menu.addMenu(_("Text si&ze"))
        self.larger_action = win.make_action(_("&Larger text"), lambda: self.step(1), KEYS["larger"])
        self.smaller_action = win.make_action(_("&Smaller text"), lambda: self.step(-1), KEYS["smaller"])
        size_menu.addAction(self.larger_action)
        size_menu.addAction(self.smaller_action)
        size_menu.addSeparator()
        sizes = QActionGroup(self)
        self.size_actions = {}
        for percent in TEXT_SIZES:
            action = win.make_action(f"{percent} %", lambda _=False, p=percent: self.set_text_size(p),
                                     checkable=True)
            sizes.addAction(action)
            size_menu.addAction(action)
            self.size_actions[percent] = action

    # --- choices ----------------------------------------------------------------------------
    def set_theme(self, choice: str, save: bool = True) -> None:
        if choice not in THEME_CHOICES:
            raise ValueError(f"unknown theme {choice!r}; choose one of {', '.join(THEME_CHOICES)}")
        self._change(save, choice=choice)

    def set_text_size(self, percent: int, save: bool = True) -> None:
        if percent not in TEXT_SIZES:
            raise ValueError(f"text size must be one of {', '.join(map(str, TEXT_SIZES))} (per cent)")
        self._change(save, percent=percent)

    def _change(self, save: bool, **choices) -> None:
        resized = choices.get("percent", self.percent) != self.percent
        for name, value in choices.items():
            setattr(self, name, value)
        self._apply()
        if resized:
            fit_docks(self.win)
        if save:
            self._save()

    def step(self, direction: int) -> None:
        """One text size larger (1) or smaller (-1), within the offered sizes."""
        index = TEXT_SIZES.index(self.percent) + direction
        if 0 <= index < len(TEXT_SIZES):
            self.set_text_size(TEXT_SIZES[index])

    def _on_system_changed(self, *_args) -> None:
        if self.choice == "system":
            self._apply()

    def _apply(self) -> None:
        apply(self.choice, self.percent, self.win.docks)
        self.theme_actions[self.choice].setChecked(True)
        self.size_actions[self.percent].setChecked(True)
        self.larger_action.setEnabled(self.percent < TEXT_SIZES[-1])
        self.smaller_action.setEnabled(self.percent > TEXT_SIZES[0])
        restyle_window(self.win)

    # --- remembering ------------------------------------------------------------------------
    def _settings(self) -> QSettings | None:
        if self.win.data_dir is None:
            return None
        return QSettings(str(self.win.data_dir / FILE_NAME), QSettings.Format.IniFormat)

    def _save(self) -> None:
        settings = self._settings()
        if settings is None:
            return
        settings.setValue(THEME_KEY, self.choice)
        settings.setValue(TEXT_KEY, self.percent)
        settings.sync()
        if settings.status() != QSettings.Status.NoError:
            say_once(self.win, not_saved(self.win.data_dir))
