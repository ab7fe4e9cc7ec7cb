"""Words the widgets share (the body views' names), marked for translation and translated at use."""
from __future__ import annotations

import re

from ..atlas import i18n
from ..atlas.i18n import _
from ..atlas.localize import Localized, localize
from ..atlas.model import replace
from ..atlas.views import registry

# The views' words come from the registry (assets/atlas/views.toml); tools/i18n.py puts them into the
# interface catalogues, so they are translated here like any marked string.


def view_name(view: str) -> str:
    """'Front view' in the user's language (the view's id for a view the registry does not know)."""
    spec = registry().get(view)
    return _(spec.title) if spec else view


def view_short(view: str) -> str:
    """'&Front' (a menu, button or thumbnail label with its &-letter; "正面(&F)" in Chinese)."""
    spec = registry().get(view)
    return _(spec.short) if spec else view


def view_word(view: str) -> str:
    """'front', as said inside a sentence ('shown on the front and back views')."""
    spec = registry().get(view)
    return _(spec.word) if spec else view


def without_mnemonic(text: str) -> str:
    """A label without its &-letter: "&Front" -> "Front", "正面(&F)" -> "正面"."""
    return re.sub(r"\s*\(&[^&]\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


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
