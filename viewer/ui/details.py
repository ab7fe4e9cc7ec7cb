"""The details panel: everything known about the selected point, in plain language."""
from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser

from ..atlas.cautions import vocabulary
from ..atlas.describe import DISCLAIMER, describe_placement
from ..atlas.hangul import reading
from ..atlas.keys import parse
from . import theme
from .fonts import hangul_supported, hanzi_safe, hanzi_supported
from .safe_text import escape


def caution_chips(tags) -> str:
    """The caution labels of ``tags`` as red chips (wording from assets/atlas/cautions.toml)."""
    style = f"background:{theme.css('chip')};color:{theme.css('caution')}"
    return " ".join(f"<span style='{style}'>&nbsp;{escape(label)}&nbsp;</span>"
                    for label in vocabulary().labels(tags))

VIEW_NAMES = {"front": "front", "back": "back", "side": "side", "soles": "soles"}


class DetailsPanel(QTextBrowser):
    """Read-only rich text about one point; empty state explains what to do."""

    def __init__(self, content, parent=None):
        super().__init__(parent)
        self.content = content
        self.setObjectName("details")
        self.setOpenLinks(False)
        self.setMinimumWidth(260)
        self.code = ""
        self.nearest: dict = {}  # trigger point id -> Correspondence (set by the window)
        # The welcome text is set by the window after its first paint (show_point("")).

    def show_point(self, code: str) -> None:
        """Show the selection ``code`` (an acupoint, a muscle, a trigger point; "" for nothing)."""
        self.code = code
        selected = parse(code)
        if not code:
            self.setHtml(self._empty_html())
        elif selected.is_muscle:
            self.setHtml(self._muscle_html(selected.ref))
        elif selected.is_trigger_point:
            self.setHtml(self._trigger_html(selected.ref))
        else:
            self.setHtml(self._point_html(selected.ref))

    def _nearest_html(self, tp_id: str) -> str:
        corr = self.nearest.get(tp_id)
        if corr is None:
            return ""
        point = self.content.atlas.points[corr.acupoint]
        cun = f", about {corr.distance_cun:.1f} cun" if corr.distance_cun is not None else ""
        return (f"nearest acupoint <b>{escape(corr.acupoint)}</b> {escape(point.pinyin)} "
                f"({corr.distance_cm:.1f} cm{cun})")

    def _muscle_html(self, muscle_id: str) -> str:
        muscle = self.content.muscles.muscles[muscle_id]
        tps = "".join(f"<li><b>{escape(tp.id)}</b> {escape(tp.name)}<br><span style='color:{theme.css('muted')}'>"
                      f"{self._nearest_html(tp.id)}</span></li>" for tp in muscle.trigger_points)
        chips = caution_chips(muscle.safety_tags)
        safety = "".join(f"<li>{escape(x)}</li>" for x in muscle.safety)
        deep = " · lies deep (dashed outline)" if any(o.deep for o in muscle.shapes) else ""
        source = f" · <b>Textbook:</b> {escape(muscle.source)}" if muscle.source else ""
        zone = f"background:{theme.css('zone_chip')};color:{theme.css('label_text')}"  # as drawn on the figure
        return (
            f"<h2 style='margin-bottom:0'><span style='color:{theme.css('dry_needling')}'>&#10005;</span> "
            f"{escape(muscle.name)}</h2>"
            f"<p style='margin-top:2px'><i>{escape(muscle.latin)}</i><br><b>Region:</b> "
            f"{escape(muscle.region.replace('_', ' '))} · <b>Views:</b> {escape(', '.join(muscle.views))}"
            f"{deep}{source}</p>"
            f"<p>{escape(muscle.summary)}</p>"
            f"<p style='color:{theme.css('muted')}'>On the diagram: <span style='{zone}'>&nbsp;red&nbsp;</span> "
            "where its pain is usually felt (essential zone), <u>hatched</u> where it may spread "
            "(spillover), ✕ its trigger points.</p>"
            f"<h3>Typical complaints</h3><p>{escape(muscle.symptoms)}</p>"
            f"<h3>Trigger points</h3><ul>{tps}</ul>"
            f"<h3>Palpation</h3><p>{escape(muscle.palpation)}</p>"
            f"<h3>Dry needling</h3><p>{escape(muscle.needling)}</p>"
            f"<h3 style='color:{theme.css('caution')}'>Safety</h3><p>{chips}</p><ul>{safety}</ul>"
            f"<p style='color:{theme.css('muted')}'><i>{escape(DISCLAIMER)}</i></p>"
        )

    def _trigger_html(self, tp_id: str) -> str:
        tp = self.content.muscles.trigger_points[tp_id]
        muscle = self.content.muscles.muscles[tp.muscle]
        return (
            f"<h2 style='margin-bottom:0'><span style='color:{theme.css('dry_needling')}'>&#10005;</span> "
            f"{escape(tp.id)}</h2>"
            f"<p style='margin-top:2px'><b>{escape(tp.name)}</b><br>Trigger point of "
            f"<b>{escape(muscle.name)}</b></p>"
            f"<p>{self._nearest_html(tp.id)}</p>"
            f"<h3>Where the pain goes</h3><p>{escape(muscle.symptoms)}</p>"
            f"<h3>Dry needling</h3><p>{escape(muscle.needling)}</p>"
            f"<h3 style='color:{theme.css('caution')}'>Safety</h3><ul>"
            + "".join(f"<li>{escape(x)}</li>" for x in muscle.safety)
            + f"</ul><p style='color:{theme.css('muted')}'><i>{escape(DISCLAIMER)}</i></p>"
        )

    def _empty_html(self) -> str:
        return (
            "<h2>Meridian points</h2>"
            "<p>Click a point on the diagram, or pick one from <b>Browse</b>, to read where it lies, "
            "how it is found in proportional cun, how it is needled and what to watch out for.</p>"
            "<p>Zoom with the mouse wheel, a pinch or <b>+</b>/<b>−</b>; drag to pan; <b>0</b> fits the "
            "figure. Switch views with <b>1</b>–<b>4</b>.</p>"
            f"<p style='color:{theme.css('muted')}'><i>{escape(DISCLAIMER)}</i></p>"
        )

    def _point_html(self, code: str) -> str:
        atlas = self.content.atlas
        point = atlas.points[code]
        meridian = atlas.meridians.get(point.meridian)
        colour = theme.meridian_colour(point.meridian).name()
        hanzi = f" <span style='font-size:large'>{escape(point.hanzi)}</span>" if hanzi_supported() else ""
        korean = reading(code) if hangul_supported() else ""
        hanzi += f" <span>· {escape(korean)}</span>" if korean else ""
        aliases = atlas.aliases_of(code)
        alias_text = f" <span style='color:{theme.css('muted')}'>({', '.join(aliases)})</span>" if aliases else ""
        parts = [
            f"<h2 style='margin-bottom:0'><span style='color:{colour}'>&#9679;</span> "
            f"{escape(code)}{alias_text}</h2>",
            f"<p style='margin-top:2px'><b style='font-size:large'>{escape(point.pinyin)}</b>{hanzi}<br>"
            f"<i>{escape(point.english)}</i></p>",
        ]
        if meridian is not None:
            parts.append(f"<p><b>Channel:</b> {escape(meridian.full_name)}<br>"
                         f"<b>Region:</b> {escape(point.region.replace('_', ' '))}")
            drawn = [v for v in point.views if self.content.layout.markers_of(point.code, v)]
            if drawn:
                views = ", ".join(VIEW_NAMES.get(v, v) for v in drawn)
                parts.append(f"<br><b>Shown on:</b> {escape(views)} view{'s' if len(drawn) > 1 else ''}"
                             f"{' (both sides)' if point.bilateral else ' (midline)'}</p>")
            else:  # its placement failed (reported under Help ▸ Load problems): no marker anywhere
                parts.append("<br><b>Not drawn on the diagram:</b> its position could not be worked out "
                             "(see Help ▸ Load problems).</p>")
        parts.append(f"<h3>Location</h3><p>{escape(hanzi_safe(point.location))}</p>")
        if point.places:
            how = describe_placement(point.places[0])
            parts.append(f"<p style='color:{theme.css('muted')}'><b>Placed on the diagram:</b> {escape(how)}</p>")
        if point.disputed:
            parts.append(f"<p style='background:{theme.css('disputed')};padding:4px'><b>Location disputed:</b> "
                         f"{escape(hanzi_safe(point.disputed))}</p>")
        categories = self.content.categories.of(code)
        if categories:
            items = "".join(f"<li>{escape(m.describe())}</li>" for m in categories)
            parts.append(f"<h3>Classical categories</h3><ul>{items}</ul>")
        parts.append(f"<h3>Needling</h3><p>{escape(point.needling.describe())}</p>")
        if point.cautions or point.caution_tags:
            chips = caution_chips(point.caution_tags)
            items = "".join(f"<li>{escape(c)}</li>" for c in point.cautions)
            parts.append(f"<h3 style='color:{theme.css('caution')}'>Cautions</h3><p>{chips}</p><ul>{items}</ul>")
        if point.tags:
            parts.append("<h3>Traditionally used for</h3><p>" + escape(", ".join(point.tags)) + "</p>")
        if point.notes or point.translations:
            notes = "".join(f"<li>{escape(n)}</li>" for n in point.notes)
            names = "".join(f"<li>{escape(lang)}: {escape(name)}</li>" for lang, name in point.translations)
            parts.append(f"<h3>Notes from data packs</h3><ul>{notes}{names}</ul>")
        parts.append(f"<p style='color:{theme.css('muted')}'><i>{escape(DISCLAIMER)}</i></p>")
        return "".join(parts)
