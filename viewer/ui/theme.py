"""Colours and sizes shared by the widgets (one place, so a projector theme can swap them)."""
from __future__ import annotations

from PySide6.QtGui import QColor

# Colour-blind-safe channel colours (from the Okabe-Ito and Tol palettes), chosen so that the
# paired channels of one limb never share a hue. Each channel is also labelled by its code, and
# the six yang channels are drawn dashed (GV and CV solid), so colour is never the only cue.
MERIDIAN_COLOURS = {
    "LU": "#0072B2", "LI": "#E69F00", "ST": "#009E73", "SP": "#CC79A7",
    "HT": "#D55E00", "SI": "#56B4E9", "BL": "#332288", "KI": "#117733",
    "PC": "#AA4499", "TE": "#999933", "GB": "#44AA99", "LR": "#882255",
    "GV": "#2B2B2B", "CV": "#CC6677", "EX": "#6E6E6E",
}
YANG_CHANNELS = frozenset({"LI", "ST", "SI", "BL", "TE", "GB"})
PACK_COLOUR = "#8C564B"

PAPER = QColor("#FBFAF7")
SKIN_FILL = QColor("#F4E3D7")
SKIN_SHADE = QColor("#EBD3C3")
OUTLINE = QColor("#6F5446")
CONTOUR = QColor("#A88876")
CREASE = QColor("#B99A89")
BONE = QColor("#8C9BB0")
FEATURE = QColor("#7D6457")
SELECT = QColor("#E4002B")
LABEL_TEXT = QColor("#1E1E1E")

SCENE_HEIGHT = 1000.0  # model unit (standing height) in scene units
MARKER_PX = 7.0  # marker diameter on screen, whatever the zoom
SELECTED_PX = 13.0
LABEL_ZOOM = 2.2  # labels appear when zoomed in beyond this factor of "fit"


def meridian_colour(code: str) -> QColor:
    return QColor(MERIDIAN_COLOURS.get(code, PACK_COLOUR))
