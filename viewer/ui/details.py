"""The details panel: everything known about the selected point, in plain language.

Texts come from the content in the user's language (``Localized``); a field for which English stood
in carries a small note saying so.
"""
from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser

from ..atlas.describe import DISCLAIMER, describe_placement
from ..atlas.hangul import reading
from ..atlas.i18n import N_, _, ngettext
from ..atlas.keys import muscle_key, parse, trigger_key
from ..atlas.localize import Localized
from . import theme
from .accessibility import named
from .fonts import hangul_supported, hanzi_safe, hanzi_supported
from .safe_text import escape
from .words import view_name, view_word


def caution_chips(tags, local: Localized | None = None) -> str:
    """The caution labels of ``tags`` as red chips (wording from assets/atlas/cautions.toml, translated)."""
    from ..atlas.cautions import vocabulary

    labels = local.caution_labels(tags) if local is not None else vocabulary().labels(tags)
    style = f"background:{theme.css('chip')};color:{theme.css('caution')}"
    return " ".join(f"<span style='{style}'>&nbsp;{escape(label)}&nbsp;</span>" for label in labels)


def heading(text: str, colour: str = "") -> str:
    style = f" style='color:{colour}'" if colour else ""
    return f"<h3{style}>{escape(text)}</h3>"


# How near a structure lies, as the "What lies beneath" list says it.
RELATION = {"over": N_("lies over it"), "near": N_("lies near it"), "listed": N_("lies close to it")}


def beneath_html(notes) -> str:
    """'What lies beneath': each structure under the point, its depth there and the safe direction.
    (The structures' names, depths and directions are data from assets/atlas/safety.toml.)"""
    if not notes:
        return ""
    items = []
    for note in notes:
        how = _(RELATION[note.relation])
        where = _("{relation}, {region}").format(relation=how, region=note.region) if note.region else how
        depth = f"<br>{escape(note.depth)}" if note.depth else ""
        safe = _("<b>Safe:</b> {direction}").format(direction=escape(note.safe))
        items.append(f"<li><b>{escape(note.name)}</b> <span style='color:{theme.css('muted')}'>({escape(where)})</span>"
                     f"{depth}<br>{safe}</li>")
    return heading(_("What lies beneath"), theme.css("beneath")) + f"<ul>{''.join(items)}</ul>"


class DetailsPanel(QTextBrowser):
    """Read-only rich text about one point; empty state explains what to do."""

    viewRequested = Signal(str)  # a close-up plate's link was clicked: the view's name

    def __init__(self, content, parent=None, local: Localized | None = None, state=None):
        """``state``: the window's ViewState, observed for the view on screen (its plate is named, not linked)."""
        super().__init__(parent)
        self.content = content
        self.state = state
        self.local = local or Localized("en", content)  # the content's language and its English stand-ins
        self.setObjectName("details")
        named(self, _("Details of the selection"),
              _("Location, channel, categories and needling of the selected point"))
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_link)
        self.setMinimumWidth(260)
        self.code = ""
        self.nearest: dict = {}  # trigger point id -> Correspondence (set by the window)
        self.view = state.view if state is not None else ""  # the view on screen
        if state is not None:
            state.subscribe(self._on_state_changed)
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

    def _english(self, table: str, entry: str, name: str) -> str:
        """A discreet note after a field shown in English because it has no translation yet."""
        if not self.local.in_english(table, entry, name):
            return ""
        note = _("(in English: not yet translated)")
        return f" <span class='in-english' style='color:{theme.css('muted')};font-size:small'>{escape(note)}</span>"

    def _region(self, region: str) -> str:
        return self.local.terms.get(("region", region)) or region.replace("_", " ")

    def _disclaimer(self) -> str:
        return f"<p style='color:{theme.css('muted')}'><i>{escape(_(DISCLAIMER))}</i></p>"

    def _nearest_html(self, tp_id: str) -> str:
        corr = self.nearest.get(tp_id)
        if corr is None:
            return ""
        point = self.content.atlas.points[corr.acupoint]
        if corr.distance_cun is not None:
            text = _("nearest acupoint <b>{code}</b> {pinyin} ({cm} cm, about {cun} cun)")
        else:
            text = _("nearest acupoint <b>{code}</b> {pinyin} ({cm} cm)")
        return text.format(code=escape(corr.acupoint), pinyin=escape(point.pinyin), cm=f"{corr.distance_cm:.1f}",
                           cun=f"{corr.distance_cun or 0:.1f}")

    def _safety_html(self, muscle, chips: str = "") -> str:
        safety = "".join(f"<li>{escape(x)}</li>" for x in muscle.safety)
        note = self._english("muscle", muscle.id, "safety")
        chips_line = f"<p>{chips}{note}</p>" if chips or note else ""
        return heading(_("Safety"), theme.css("caution")) + chips_line + f"<ul>{safety}</ul>"

    def _muscle_html(self, muscle_id: str) -> str:
        muscle = self.content.muscles.muscles[muscle_id]
        tps = "".join(f"<li><b>{escape(tp.id)}</b> {escape(tp.name)}<br><span style='color:{theme.css('muted')}'>"
                      f"{self._nearest_html(tp.id)}</span></li>" for tp in muscle.trigger_points)
        chips = caution_chips(muscle.safety_tags, self.local)
        facts = [_("<b>Region:</b> {region}").format(region=escape(self._region(muscle.region))),
                 _("<b>Views:</b> {views}").format(views=escape(_(", ").join(view_word(v) for v in muscle.views)))]
        if any(o.deep for o in muscle.shapes):
            facts.append(escape(_("lies deep (dashed outline)")))
        if muscle.source:
            facts.append(_("<b>Textbook:</b> {source}").format(source=escape(muscle.source)))
        red = _("red")
        zone = f"background:{theme.css('zone_chip')};color:{theme.css('label_text')}"  # as drawn on the figure
        legend = _("On the diagram: {red} where its pain is usually felt (essential zone), <u>hatched</u> where "
                   "it may spread (spillover), ✕ its trigger points.").format(
            red=f"<span style='{zone}'>&nbsp;{escape(red)}&nbsp;</span>")
        english = self._english
        return (
            f"<h2 style='margin-bottom:0'><span style='color:{theme.css('dry_needling')}'>&#10005;</span> "
            f"{escape(muscle.name)}"
            f"{english('muscle', muscle_id, 'name')}</h2>"
            f"<p style='margin-top:2px'><i>{escape(muscle.latin)}</i><br>{' · '.join(facts)}</p>"
            f"<p>{escape(muscle.summary)}{english('muscle', muscle_id, 'summary')}</p>"
            f"<p style='color:{theme.css('muted')}'>{legend}</p>"
            + heading(_("Typical complaints"))
            + f"<p>{escape(muscle.symptoms)}{english('muscle', muscle_id, 'symptoms')}</p>"
            + heading(_("Trigger points")) + f"<ul>{tps}</ul>"
            + heading(_("Palpation")) + f"<p>{escape(muscle.palpation)}{english('muscle', muscle_id, 'palpation')}</p>"
            + heading(_("Dry needling")) + f"<p>{escape(muscle.needling)}{english('muscle', muscle_id, 'needling')}</p>"
            + self._safety_html(muscle, chips)
            + beneath_html(self.content.safety.notes_of(muscle_key(muscle_id), self.content.muscles))
            + self._disclaimer()
        )

    def _trigger_html(self, tp_id: str) -> str:
        tp = self.content.muscles.trigger_points[tp_id]
        muscle = self.content.muscles.muscles[tp.muscle]
        of = _("Trigger point of <b>{muscle}</b>").format(muscle=escape(muscle.name))
        return (
            f"<h2 style='margin-bottom:0'><span style='color:{theme.css('dry_needling')}'>&#10005;</span> "
            f"{escape(tp.id)}</h2>"
            f"<p style='margin-top:2px'><b>{escape(tp.name)}</b>{self._english('trigger_point', tp_id, 'name')}"
            f"<br>{of}</p>"
            f"<p>{self._nearest_html(tp.id)}</p>"
            + heading(_("Where the pain goes"))
            + f"<p>{escape(muscle.symptoms)}{self._english('muscle', muscle.id, 'symptoms')}</p>"
            + heading(_("Dry needling"))
            + f"<p>{escape(muscle.needling)}{self._english('muscle', muscle.id, 'needling')}</p>"
            + self._safety_html(muscle) + beneath_html(self.content.safety.notes_for(trigger_key(tp_id)))
            + self._disclaimer()
        )

    def _empty_html(self) -> str:
        title = _("Meridian points")
        click = _("Click a point on the diagram, or pick one from <b>Browse</b>, to read where it lies, how it "
                  "is found in proportional cun, how it is needled and what to watch out for.")
        zoom = _("Zoom with the mouse wheel, a pinch or <b>+</b>/<b>−</b>; drag to pan; <b>0</b> fits the "
                 "figure. Switch views with <b>1</b>–<b>4</b>.")
        return f"<h2>{escape(title)}</h2><p>{click}</p><p>{zoom}</p>" + self._disclaimer()

    def _needling(self, point) -> str:
        needling = point.needling
        if not needling.needled:
            text = _("Not needled.")
        else:
            angle = self.local.term("angle", needling.angle)
            text = _("{angle}, {depth}.").format(angle=angle[:1].upper() + angle[1:], depth=needling.depth)
        return escape(f"{text} {needling.note}".strip()) + self._english("point", point.code, "needling_note")

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "view" and url.path() in self.content.body.views:
            self.viewRequested.emit(url.path())

    def _on_state_changed(self, changed: frozenset[str]) -> None:
        if "view" not in changed or self.state.view == self.view:
            return
        before, self.view = self.view, self.state.view
        if self.code and {before, self.view} & set(self._plates_of(self.code)):  # a plate's link comes or goes
            self.show_point(self.code)

    def _plates_of(self, code: str) -> list[str]:
        if not parse(code).is_point:
            return []
        registry, layout = self.content.body.registry, self.content.layout
        return [v for v in registry.plates if v in self.content.body.views and layout.markers_of(code, v)]

    def _plates(self, code: str) -> str:
        """Links to the close-up plates that show the point (registry order; the one on screen is named
        without a link); '' if none does."""
        plates = self._plates_of(code)
        if not plates:
            return ""
        links = _(", ").join(escape(view_name(v)) if v == self.view else
                             f"<a href='view:{v}'>{escape(view_name(v))}</a>" for v in plates)
        # Translators: the regional plates (magnified close-ups) that show the point; each is a link.
        return ngettext("<b>Close-up plate:</b> {plates}", "<b>Close-up plates:</b> {plates}",
                        len(plates)).format(plates=links)

    def _shown_on(self, point, drawn: list[str]) -> str:
        views = escape(_(", ").join(view_word(v) for v in drawn))
        if point.bilateral:
            text = ngettext("<b>Shown on:</b> {views} view (both sides)", "<b>Shown on:</b> {views} views (both sides)",
                            len(drawn))
        else:
            text = ngettext("<b>Shown on:</b> {views} view (midline)", "<b>Shown on:</b> {views} views (midline)",
                            len(drawn))
        return text.format(views=views)

    def _point_html(self, code: str) -> str:
        atlas = self.content.atlas
        point = atlas.points[code]
        english = self._english
        meridian = atlas.meridians.get(point.meridian)
        colour = theme.meridian_colour(point.meridian).name()
        hanzi = f" <span style='font-size:large'>{escape(point.hanzi)}</span>" if hanzi_supported() else ""
        korean = reading(code) if hangul_supported() else ""
        hanzi += f" <span>· {escape(korean)}</span>" if korean else ""
        aliases = atlas.aliases_of(code)
        alias_text = f" <span style='color:{theme.css('muted')}'>({', '.join(aliases)})</span>" if aliases else ""
        name = f"<br><i>{escape(point.english)}</i>{english('point', code, 'name')}"
        if self.local.language.startswith("zh"):
            name = ""  # the hanzi above are the name a Chinese reader knows
        parts = [
            f"<h2 style='margin-bottom:0'><span style='color:{colour}'>&#9679;</span> {escape(code)}{alias_text}</h2>",
            f"<p style='margin-top:2px'><b style='font-size:large'>{escape(point.pinyin)}</b>{hanzi}{name}</p>",
        ]
        if meridian is not None:
            channel = _("<b>Channel:</b> {channel}").format(channel=escape(meridian.full_name))
            region = _("<b>Region:</b> {region}").format(region=escape(self._region(point.region)))
            parts.append(f"<p>{channel}{english('meridian', meridian.code, 'full_name')}<br>{region}")
            drawn = [v for v in point.views if self.content.layout.markers_of(point.code, v)]
            if drawn:
                plates = self._plates(code)
                parts.append(f"<br>{self._shown_on(point, drawn)}" + (f"<br>{plates}" if plates else "") + "</p>")
            else:  # its placement failed (reported under Help ▸ Load problems): no marker anywhere
                missing = _("<b>Not drawn on the diagram:</b> its position could not be worked out "
                            "(see Help ▸ Load problems).")
                parts.append(f"<br>{missing}</p>")
        parts.append(heading(_("Location"))
                     + f"<p>{escape(hanzi_safe(point.location))}{english('point', code, 'location')}</p>")
        if point.places:
            how = _("<b>Placed on the diagram:</b> {how}").format(how=escape(describe_placement(point.places[0])))
            parts.append(f"<p style='color:{theme.css('muted')}'>{how}</p>")
        if point.disputed:
            disputed = _("<b>Location disputed:</b> {text}").format(text=escape(hanzi_safe(point.disputed)))
            note = english("point", code, "disputed")
            parts.append(f"<p style='background:{theme.css('disputed')};padding:4px'>{disputed}{note}</p>")
        categories = self.content.categories.of(code)
        if categories:
            items = "".join(f"<li>{escape(m.describe())}</li>" for m in categories)
            parts.append(heading(_("Classical categories")) + f"<ul>{items}</ul>")
        parts.append(heading(_("Needling")) + f"<p>{self._needling(point)}</p>")
        if point.cautions or point.caution_tags:
            chips = caution_chips(point.caution_tags, self.local)
            items = "".join(f"<li>{escape(c)}</li>" for c in point.cautions)
            parts.append(heading(_("Cautions"), theme.css("caution"))
                         + f"<p>{chips}{english('point', code, 'cautions')}</p><ul>{items}</ul>")
        parts.append(beneath_html(self.content.safety.notes_for(code)))
        if point.tags:
            tags = _(", ").join(self.local.term("tag", t) for t in point.tags)
            parts.append(heading(_("Traditionally used for")) + f"<p>{escape(tags)}</p>")
        if point.notes or point.translations:
            notes = "".join(f"<li>{escape(n)}</li>" for n in point.notes)
            names = "".join(f"<li>{escape(lang)}: {escape(name)}</li>" for lang, name in point.translations)
            parts.append(heading(_("Notes from data packs")) + f"<ul>{notes}{names}</ul>")
        parts.append(self._disclaimer())
        return "".join(parts)
