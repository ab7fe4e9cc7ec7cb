"""Every colour of the app, in three themes (light, dark, high contrast), and the sizes the widgets share.

No other module of ``viewer/ui`` writes a colour (a test checks it): panels build their HTML from
``current()``, the diagram's items take their pens from it, and ``qpalette()`` gives Qt the same colours.

Each colour is declared with its role: a *surface* something is drawn on, a *text* colour with the
surfaces it is drawn on (``on``), or a *graphic* (lines, dots, zones). The contrast test reads these
declarations: every text colour must reach WCAG AA (4.5:1) on each of its surfaces, 7:1 in high contrast.

The body drawing stays light in the dark theme: the channel colours are a colour-blind-safe set chosen
for a light figure (dark blue BL and near-black GV would vanish on a dark one), and a lit figure in a dark
frame is what an anatomy plate on a dark desk looks like. Only the space around the figure turns dark.
Handouts, quiz sheets and exported view images are for paper and always use the light theme.
"""
from __future__ import annotations

import functools
import typing
from contextlib import contextmanager
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated

import msgspec
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen

if TYPE_CHECKING:  # swatch() is for the panels: QIcon is not made before the first picture
    from PySide6.QtGui import QIcon

SCENE_HEIGHT = 1000.0  # model unit (standing height) in scene units
MARKER_PX = 7.0  # marker diameter on screen, whatever the zoom
SELECTED_PX = 13.0
LABEL_ZOOM = 2.2  # labels appear when zoomed in beyond this factor of "fit"

YANG_CHANNELS = frozenset({"LI", "ST", "SI", "BL", "TE", "GB"})
PACK_CHANNEL = "pack"  # the colour of channels that only data packs define


class Role(typing.NamedTuple):
    """What a colour of the theme is for, written in its annotation: ``Annotated[str, _text("base")]``."""

    role: str  # "surface", "text" or "graphic"
    on: tuple[str, ...] = ()  # a text colour: the surfaces it is drawn on
    over: tuple[str, ...] = ()  # a translucent surface: the surfaces it lies over


def _surface(over: tuple[str, ...] = ()) -> Role:
    """A background. A translucent one names the surfaces it lies over (for the contrast test)."""
    return Role("surface", over=over)


def _text(*on: str) -> Role:
    """A text colour and the surfaces it is drawn on."""
    return Role("text", on=on)


def _graphic() -> Role:
    return Role("graphic")


class Theme(msgspec.Struct, frozen=True):
    """One theme's colours, each declared with its role (``_surface``, ``_text``, ``_graphic``).

    A msgspec Struct rather than a dataclass: Python would write and compile the methods of a dataclass
    of ~80 fields at every start (~10 ms); a Struct's are made in C. The roles are read from the
    annotations only when asked for (the contrast test)."""

    key: str
    title: str
    dark: bool
    # --- panels and dialogs ----------------------------------------------------------------
    window: Annotated[str, _surface()]
    base: Annotated[str, _surface()]  # text fields, lists, the details and compare panels
    alt_base: Annotated[str, _surface()]
    button: Annotated[str, _surface()]
    tooltip_base: Annotated[str, _surface()]
    highlight: Annotated[str, _surface()]  # selected rows and text
    chip: Annotated[str, _surface()]  # behind a caution label
    disputed: Annotated[str, _surface()]  # behind "Location disputed"
    acupuncture_bg: Annotated[str, _surface()]  # the compare panel's three columns
    dry_needling_bg: Annotated[str, _surface()]
    shared_bg: Annotated[str, _surface()]
    text: Annotated[str, _text("window", "base", "alt_base", "button", "disputed", "acupuncture_bg",
                               "dry_needling_bg", "shared_bg")]
    button_text: Annotated[str, _text("button")]
    muted: Annotated[str, _text("window", "base", "alt_base", "acupuncture_bg", "dry_needling_bg", "shared_bg")]
    placeholder: Annotated[str, _text("base")]
    link: Annotated[str, _text("base", "window")]
    highlighted_text: Annotated[str, _text("highlight")]
    tooltip_text: Annotated[str, _text("tooltip_base")]
    caution: Annotated[str, _text("base", "window", "chip")]  # caution headings and chips, "Care:" in the patient panel
    acupuncture: Annotated[str, _text("base", "acupuncture_bg")]  # the compare panel's voices
    dry_needling: Annotated[str, _text("base", "dry_needling_bg")]  # and the ✕ of trigger points in the details
    shared: Annotated[str, _text("base", "shared_bg")]
    success: Annotated[str, _text("window", "base")]  # "✓ Right" in the study panel
    beneath: Annotated[str, _text("base")]  # the details panel's "What lies beneath" (the safety layer's organ blue)
    warning: Annotated[str, _text("window")]  # notices in dialogs
    # --- the diagram -------------------------------------------------------------------------
    canvas: Annotated[str, _surface()]  # around the figure
    skin: Annotated[str, _surface()]
    label_chip: Annotated[str, _surface(over=("canvas", "skin"))]  # behind point codes on the figure
    number_chip: Annotated[str, _surface(over=("canvas", "skin"))]  # behind plan numbers of trigger points
    legend_bg: Annotated[str, _surface(over=("canvas", "skin"))]
    presentation: Annotated[str, _surface()]  # the projector's dark surround
    caption_bg: Annotated[str, _surface(over=("presentation",))]
    zone_chip: Annotated[str, _surface()]  # a referral zone's red as a chip in the details panel's key
    label_text: Annotated[str, _text("label_chip", "zone_chip")]
    organ_text: Annotated[str, _text("label_chip")]  # the safety layer's labels, each in its kind's colour
    vessel_text: Annotated[str, _text("label_chip")]
    nerve_text: Annotated[str, _text("label_chip")]
    legend_text: Annotated[str, _text("legend_bg")]
    number_text: Annotated[str, _text("number_chip")]
    caption_text: Annotated[str, _text("caption_bg")]
    outline: Annotated[str, _graphic()]
    contour: Annotated[str, _graphic()]
    crease: Annotated[str, _graphic()]
    bone: Annotated[str, _graphic()]
    feature: Annotated[str, _graphic()]
    select: Annotated[str, _graphic()]  # the selected point's ring and halo
    marker_edge: Annotated[str, _graphic()]
    near: Annotated[str, _graphic()]  # points near a painful spot; the brushed spot
    brush: Annotated[str, _graphic()]
    locate_click: Annotated[str, _graphic()]  # locate-the-point: the student's click, the true spot, the landmarks
    locate_target: Annotated[str, _graphic()]
    locate_landmark: Annotated[str, _graphic()]
    trp: Annotated[str, _graphic()]  # trigger-point crosses
    trp_edge: Annotated[str, _graphic()]
    muscle_fill: Annotated[str, _graphic()]
    muscle_edge: Annotated[str, _graphic()]
    essential_fill: Annotated[str, _graphic()]
    essential_edge: Annotated[str, _graphic()]
    spillover_fill: Annotated[str, _graphic()]
    spillover_hatch: Annotated[str, _graphic()]
    spillover_edge: Annotated[str, _graphic()]
    pointer: Annotated[str, _graphic()]  # presentation mode's pointer disc
    organ_fill: Annotated[str, _graphic()]  # the safety layer: lungs, pleura, kidneys ...
    organ_edge: Annotated[str, _graphic()]
    vessel: Annotated[str, _graphic()]  # ... vessels (a white lumen) and nerves (dark dotted fibres), cased in white
    vessel_core: Annotated[str, _graphic()]
    nerve: Annotated[str, _graphic()]
    nerve_core: Annotated[str, _graphic()]
    casing: Annotated[str, _graphic()]
    crosshair: Annotated[str, _graphic()]  # the keyboard crosshair: ink over a broad halo
    crosshair_halo: Annotated[str, _graphic()]
    legend_edge: Annotated[str, _graphic()]
    # Channel colours on the figure: code -> colour ("pack" for channels only packs define).
    meridians: Annotated[MappingProxyType, _graphic()]

    def color(self, name: str) -> QColor:
        return QColor(getattr(self, name))

    def meridian(self, code: str) -> QColor:
        return QColor(self.meridians.get(code, self.meridians[PACK_CHANNEL]))

    def qpalette(self) -> QPalette:
        """The Qt palette of this theme (every role the widgets draw text or backgrounds with)."""
        palette = QPalette()
        C = QPalette.ColorRole
        window, base, button = QColor(self.window), QColor(self.base), QColor(self.button)
        roles = {C.Window: window, C.WindowText: self.text, C.Base: base, C.AlternateBase: self.alt_base,
                 C.Text: self.text, C.Button: button, C.ButtonText: self.button_text,
                 C.BrightText: self.caution, C.Highlight: self.highlight,
                 C.HighlightedText: self.highlighted_text, C.ToolTipBase: self.tooltip_base,
                 C.ToolTipText: self.tooltip_text, C.PlaceholderText: self.placeholder, C.Link: self.link,
                 C.LinkVisited: self.link, C.Accent: self.highlight,
                 C.Light: button.lighter(150), C.Midlight: button.lighter(115), C.Mid: button.darker(130),
                 C.Dark: button.darker(180), C.Shadow: button.darker(300)}
        for role, colour in roles.items():
            palette.setColor(role, QColor(colour))
        disabled = QColor(self.muted)
        disabled.setAlpha(160)  # disabled text is exempt from the contrast rule, but still legible
        for role in (C.WindowText, C.Text, C.ButtonText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
        return palette


# Colour-blind-safe channel colours (Okabe-Ito and Tol palettes), chosen so that the paired channels of
# one limb never share a hue. Each channel is also labelled by its code and the six yang channels are
# drawn dashed (GV and CV solid), so colour is never the only cue.
_CHANNELS = {
    "LU": "#0072B2", "LI": "#E69F00", "ST": "#009E73", "SP": "#CC79A7",
    "HT": "#D55E00", "SI": "#56B4E9", "BL": "#332288", "KI": "#117733",
    "PC": "#AA4499", "TE": "#999933", "GB": "#44AA99", "LR": "#882255",
    "GV": "#2B2B2B", "CV": "#CC6677", "EX": "#6E6E6E", PACK_CHANNEL: "#8C564B",
}
# High contrast: the same hues, darkened until each line stands out 3:1 from the skin.
_CHANNELS_HC = {
    "LU": "#005A8C", "LI": "#8A5A00", "ST": "#00694C", "SP": "#A0306F",
    "HT": "#A53C00", "SI": "#1C6A9E", "BL": "#2A1C70", "KI": "#0B5E26",
    "PC": "#86307B", "TE": "#5F5F10", "GB": "#1F665B", "LR": "#7A1B4A",
    "GV": "#000000", "CV": "#A02E45", "EX": "#4A4A4A", PACK_CHANNEL: "#6B3F35",
}

# What the figure is drawn with in the light and dark themes (the figure stays light in both).
_FIGURE = dict(
    skin="#F4E3D7", outline="#6F5446", contour="#A88876", crease="#B99A89", bone="#8C9BB0",
    feature="#7D6457", select="#E4002B", marker_edge="#FFFFFF", near="#1B5E9E", brush="#961B5E9E",
    locate_click="#1B5E9E", locate_target="#B3261E", locate_landmark="#1B7F3B", trp="#B3261E",
    trp_edge="#FFFFFF", muscle_fill="#3C96503C", muscle_edge="#C8783C2D", essential_fill="#87D62828",
    essential_edge="#E6A01414", spillover_fill="#00D62828", spillover_hatch="#6ED62828",
    spillover_edge="#DCBE2828", label_chip="#C8FFFFFF", zone_chip="#EE8888", label_text="#1E1E1E",
    number_chip="#D7FFFFFF",
    number_text="#8A1C1C", legend_bg="#E1FFFFFF", legend_text="#1E1E1E", legend_edge="#28000000",
    presentation="#101418", caption_bg="#C8101418", caption_text="#FFFFFF", pointer="#5AFFD600",
    organ_fill="#2D4682C8", organ_edge="#DC2860AA", vessel="#C0182F", vessel_core="#E6FFFFFF", nerve="#F5C400",
    nerve_core="#3C2800", casing="#C8FFFFFF", organ_text="#1F4E8C", vessel_text="#A0132A", nerve_text="#5E4200",
    crosshair="#1E1E1E", crosshair_halo="#FFFFFF",
    meridians=MappingProxyType(_CHANNELS),
)

LIGHT = Theme(
    key="light", title="Light", dark=False,
    window="#EFEFEF", base="#FFFFFF", alt_base="#F5F5F3", button="#E8E8E8", tooltip_base="#FFFFDC",
    highlight="#2A62B8", chip="#FBE3E3", disputed="#FFF4D6",
    acupuncture_bg="#EEF4FB", dry_needling_bg="#FCEFEE", shared_bg="#F3F3F1",
    text="#1A1A1A", button_text="#1A1A1A", muted="#505050", placeholder="#6A6A6A", link="#0B57A4",
    highlighted_text="#FFFFFF", tooltip_text="#1A1A1A", caution="#8A1C1C", acupuncture="#1B5E9E",
    dry_needling="#B3261E", shared="#4A4A4A", success="#17723A", warning="#8A4B00", beneath="#1F4E8C",
    canvas="#FBFAF7", **_FIGURE,
)

DARK = Theme(
    key="dark", title="Dark", dark=True,
    window="#202124", base="#18191B", alt_base="#26272A", button="#303134", tooltip_base="#303134",
    highlight="#3B6FC4", chip="#4A1F1D", disputed="#43391A",
    acupuncture_bg="#1A2838", dry_needling_bg="#381E1D", shared_bg="#28292B",
    text="#E8E8E6", button_text="#E8E8E6", muted="#B8B8B4", placeholder="#9C9C98", link="#8AB4F8",
    highlighted_text="#FFFFFF", tooltip_text="#E8E8E6", caution="#FF9C92", acupuncture="#8DBBF0",
    dry_needling="#FF8C80", shared="#D2D2CE", success="#74D68F", warning="#F0B66A", beneath="#8DBBF0",
    canvas="#2B2C30", **_FIGURE,
)

HIGH_CONTRAST = Theme(
    key="high_contrast", title="High contrast", dark=False,
    window="#FFFFFF", base="#FFFFFF", alt_base="#F2F2F2", button="#F0F0F0", tooltip_base="#FFFFFF",
    highlight="#00007A", chip="#FFE3E3", disputed="#FFF0B8",
    acupuncture_bg="#EAF2FF", dry_needling_bg="#FFECEA", shared_bg="#F2F2F2",
    text="#000000", button_text="#000000", muted="#262626", placeholder="#3A3A3A", link="#00008C",
    highlighted_text="#FFFFFF", tooltip_text="#000000", caution="#6E0000", acupuncture="#00366B",
    dry_needling="#7A0A00", shared="#1E1E1E", success="#00501B", warning="#4A2800", beneath="#00366B",
    canvas="#FFFFFF",
    **{**_FIGURE, **dict(
        skin="#FFF6EF", outline="#000000", contour="#4A3428", crease="#5E4636", bone="#2E3E58",
        feature="#2A1E18", select="#C4001F", near="#00366B", locate_click="#00366B",
        locate_target="#A3000F", locate_landmark="#00501B", trp="#A3000F", muscle_edge="#E6502A1C",
        essential_edge="#FF8C0000", spillover_edge="#FF8C0000", label_chip="#F0FFFFFF", label_text="#000000",
        number_chip="#F5FFFFFF", number_text="#6E0000", legend_bg="#F5FFFFFF", legend_text="#000000",
        legend_edge="#FF000000", caption_bg="#EB000000", organ_edge="#FF1F3F7A", vessel="#A3000F",
        nerve_core="#000000", organ_text="#00366B", vessel_text="#7A0A00", nerve_text="#4A2800",
        crosshair="#000000",
        meridians=MappingProxyType(_CHANNELS_HC))},
)

THEMES = {t.key: t for t in (LIGHT, DARK, HIGH_CONTRAST)}
PAPER = LIGHT  # handouts, quiz sheets, view images: printed on white paper whatever the screen's theme

_current = LIGHT


def current() -> Theme:
    """The theme the screen is drawn with now."""
    return _current


def set_current(theme: Theme) -> None:
    global _current
    _current = theme


@contextmanager
def using(theme: Theme):
    """Draw with ``theme`` inside the block (handouts and exports use the paper theme)."""
    before = current()
    set_current(theme)
    try:
        yield theme
    finally:
        set_current(before)


@functools.cache
def _roles() -> dict[str, Role]:
    """Each colour's role, in the order the colours are declared."""
    hints = typing.get_type_hints(Theme, include_extras=True)
    return {name: role for name, hint in hints.items()
            for role in getattr(hint, "__metadata__", ()) if isinstance(role, Role)}


def roles(role: str) -> list[str]:
    """The names of the colours of one role ("surface", "text", "graphic")."""
    return [name for name, declared in _roles().items() if declared.role == role]


def text_surfaces(name: str) -> tuple[str, ...]:
    return _roles()[name].on


def surface_under(name: str) -> tuple[str, ...]:
    return _roles()[name].over


def meridian_colour(code: str) -> QColor:
    return current().meridian(code)


def color(name: str) -> QColor:
    """A colour of the current theme as a QColor."""
    return current().color(name)


def css(name: str) -> str:
    """A colour of the current theme for the panels' HTML (#RRGGBB; Qt's HTML knows no alpha)."""
    return QColor(getattr(current(), name)).name()


def qss(name: str) -> str:
    """A colour of the current theme for a Qt style sheet, alpha kept."""
    c = QColor(getattr(current(), name))
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {c.alpha()})"


TRANSPARENT = QColor(0, 0, 0, 0)


def swatch(meridian: str, size: int = 14) -> QIcon:
    """A small legend icon: the channel colour, dashed for yang channels as on the diagram, on a light chip
    like the legend's (the channel colours are made for a light figure, also in the dark theme)."""
    from PySide6.QtGui import QIcon, QPixmap

    pixmap = QPixmap(size * 2, size)
    pixmap.fill(TRANSPARENT)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color("legend_bg"))
    painter.drawRoundedRect(0, 0, size * 2, size, 3, 3)
    pen = QPen(meridian_colour(meridian), 3,
               Qt.PenStyle.DashLine if meridian in YANG_CHANNELS else Qt.PenStyle.SolidLine)
    painter.setPen(pen)
    painter.drawLine(1, size // 2, size * 2 - 1, size // 2)
    painter.setPen(QPen(color("marker_edge"), 1))
    painter.setBrush(meridian_colour(meridian))
    painter.drawEllipse(size - 4, size // 2 - 4, 8, 8)
    painter.end()
    return QIcon(pixmap)
