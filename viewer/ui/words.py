"""Words the widgets share (the body views' names), marked for translation and translated at use."""
from __future__ import annotations

from ..atlas import i18n
from ..atlas.i18n import N_, _
from ..atlas.localize import Localized, localize
from ..atlas.model import replace

# Menu titles with their mnemonic; "正面(&F)" in Chinese.
VIEW_TITLES = {"front": N_("&Front"), "back": N_("&Back"), "side": N_("&Side"), "soles": N_("S&oles")}
VIEW_NAMES = {"front": N_("Front view"), "back": N_("Back view"), "side": N_("Side view"),
              "soles": N_("Soles view")}
VIEW_WORDS = {"front": N_("front"), "back": N_("back"), "side": N_("side"), "soles": N_("soles")}


def view_name(view: str) -> str:
    """'Front view' in the user's language (the view's id for a view the app has no name for)."""
    return _(VIEW_NAMES[view]) if view in VIEW_NAMES else view


def view_word(view: str) -> str:
    """'front', as said inside a sentence ('shown on the front and back views')."""
    return _(VIEW_WORDS[view]) if view in VIEW_WORDS else view


def localized(content) -> Localized:
    """The content in the user's language for the window; search still finds points by English name."""
    local = localize(content, i18n.current())
    if local.content is content:
        return local
    atlas = local.content.atlas
    points = {code: replace(point, alt_names=(*point.alt_names, content.atlas.points[code].english))
              if point.english != content.atlas.points[code].english else point
              for code, point in atlas.points.items()}
    local.content = replace(local.content, atlas=replace(atlas, points=points))
    return local


def point_name(point) -> str:
    """The name a reader of the user's language knows a point by: the hanzi in Chinese, else its
    (translated) English-style name."""
    if i18n.current().startswith("zh") and point.hanzi:
        return point.hanzi
    return point.english
