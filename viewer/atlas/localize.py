"""The content in another language: a copy of the loaded content whose texts come from the language's
translation files, field by field, with English standing in — and remembered — where one is missing.

    local = localize(content, "es")
    local.content.atlas.points["ST36"].location     # Spanish if translated, else the English text
    local.in_english("point", "ST36", "location")   # True when English stood in (the UI says so)
    local.term("region", "lower back")              # vocabulary: regions, tags, needling angles

Only the texts change: codes, positions, tags (as identifiers) and everything else are shared with
the original, so selection, search and drawing work as before. Data packs are not translated.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from .i18n import SOURCE
from .model import Table, replace
from .translations import BY_DESIGN, ContentTranslation, Key, Text, load_translation

if TYPE_CHECKING:
    from .content import Content

FieldRef = tuple[str, str, str]  # (table, entry, field), e.g. ("point", "ST36", "location")


class Localized(Table):
    language: str
    content: Content  # the content with its texts in ``language``
    english: set[FieldRef] = msgspec.field(default_factory=set)  # fields shown in English for want of a translation
    terms: dict[tuple[str, str], str] = msgspec.field(default_factory=dict)  # (region|tag|angle, English) -> text
    review: str = ""  # the translation's review status (drafts say so)

    def in_english(self, table: str, entry: str, name: str) -> bool:
        """Did English stand in for this field (no translation given)?"""
        return (table, entry, name) in self.english

    def term(self, kind: str, english: str) -> str:
        """A vocabulary word (region, tag, angle) in this language, the English word when untranslated."""
        return self.terms.get((kind, english), english)

    def point_name(self, point) -> str:
        """The name a reader of this language knows a point by: the hanzi in Chinese, else its translated name."""
        if self.language.startswith("zh") and point.hanzi:
            return point.hanzi
        return point.english

    def caption(self, key: str) -> str:
        """One line naming a plan entry ('ST36 Zúsānlǐ · Tres distancias del pie', '✕ TrP1 · Trapecio')."""
        from .i18n import language
        from .keys import describe_key

        with language(self.language):  # hanzi names for a Chinese reader, as in the plan list
            return describe_key(self.content, key)

    def caution_labels(self, tags) -> list[str]:
        """The caution labels of ``tags`` in this language, in the vocabulary's order."""
        from .cautions import vocabulary

        return [self.term("caution", f"{c.id}.label") if (("caution", f"{c.id}.label") in self.terms) else c.label
                for c in vocabulary().cautions.values() if c.id in tags]

    def entry_in_english(self, table: str, entry: str) -> bool:
        """Did English stand in for any field of this entry (a point, muscle...)?"""
        return any(t == table and e == entry for t, e, _ in self.english)


@lru_cache(maxsize=8)
def _translation(assets: Path, lang: str) -> ContentTranslation:
    return load_translation(assets, lang)


def localize(content, lang: str, assets: Path | None = None):
    """``content`` with its texts in ``lang`` (English content for English or an unknown language)."""
    if lang == SOURCE or not lang:
        return Localized(SOURCE, content)
    from .resources import assets_root

    translation = _translation(assets or assets_root(), lang)
    if not translation.texts:
        return Localized(lang, content, review="")
    result = Localized(lang, content, review=next(iter(translation.review.values()), ""))
    skip = BY_DESIGN.get(lang, set())
    texts = translation.texts

    def pick(key: Key, english: Text, ref: FieldRef | None = None) -> Text:
        if key in texts:
            value = texts[key]
            if isinstance(english, tuple) and (not isinstance(value, tuple) or len(value) != len(english)):
                value = english  # a list that does not match the English one is not used
            return value
        if english and (key[1], key[3]) not in skip:
            result.english.add(ref or (key[1], key[2], key[3]))
        return english

    atlas = content.atlas
    points = dict(atlas.points)
    meridians = dict(atlas.meridians)
    for code, meridian in atlas.meridians.items():
        if not meridian.source.startswith("meridians/"):
            continue
        src = meridian.source
        meridians[code] = replace(
            meridian, **{n: pick((src, "meridian", "", n), getattr(meridian, n), ("meridian", code, n))
                         for n in ("name", "full_name", "summary")})
        for pcode in meridian.points:
            point = atlas.points.get(pcode)
            if point is None:
                continue
            key = (src, "point", pcode)
            points[pcode] = replace(
                point,
                english=pick((*key, "name"), point.english),
                location=pick((*key, "location"), point.location),
                needling=replace(point.needling, note=pick((*key, "needling_note"), point.needling.note)),
                cautions=tuple(pick((*key, "cautions"), point.cautions)),
                disputed=pick((*key, "disputed"), point.disputed),
            )
    new_atlas = replace(atlas, meridians=meridians, points=points)

    muscles_atlas = content.muscles
    muscles, tps = dict(muscles_atlas.muscles), dict(muscles_atlas.trigger_points)
    for mid, muscle in muscles_atlas.muscles.items():
        key = (muscle.file, "muscle", mid)
        texts_of = {n: pick((*key, n), getattr(muscle, n))
                    for n in ("name", "summary", "symptoms", "palpation", "needling")}
        texts_of["safety"] = tuple(pick((*key, "safety"), muscle.safety))
        new_tps = tuple(replace(tp, name=pick((muscle.file, "trigger_point", tp.id, "name"), tp.name))
                        for tp in muscle.trigger_points)
        tps.update({tp.id: tp for tp in new_tps})
        muscles[mid] = replace(muscle, trigger_points=new_tps, **texts_of)
    new_muscles = replace(muscles_atlas, muscles=muscles, trigger_points=tps)

    overview = content.overview
    sections = []
    for section in overview.sections:
        key = ("compare.toml", "section", section.id)
        text = {voice: {column: pick((*key, f"{voice}.{column}"), value) for column, value in columns.items()}
                for voice, columns in section.text.items()}
        sections.append(replace(section, title=pick((*key, "title"), section.title), text=text))
    new_overview = replace(
        overview, sections=sections, disclaimer=pick(("compare.toml", "meta", "", "disclaimer"), overview.disclaimer))

    new_safety = _localized_safety(content.safety, pick)

    for (name, table, entry, sub), value in texts.items():
        if name == "vocabulary.toml" and isinstance(value, str):
            result.terms[(table, f"{entry}.{sub}" if sub else entry)] = value
    result.content = replace(content, atlas=new_atlas, muscles=new_muscles, overview=new_overview,
                                         safety=new_safety, search=None)
    return result


def _localized_safety(safety, pick):
    """The safety layer with its structure and region texts (and every note built from them) translated."""
    structures, by_name = {}, {}
    for sid, structure in safety.structures.items():
        key = ("safety.toml", "structure", sid)
        regions = []
        for region in structure.regions:
            rkey = f"region.{region.id}."
            regions.append(replace(region, **{n: pick((*key, rkey + n), getattr(region, n))
                                                          for n in ("name", "depth", "safe")}))
            by_name[(sid, region.name)] = regions[-1]
        structures[sid] = replace(structure, regions=tuple(regions), **{
            n: pick((*key, n), getattr(structure, n)) for n in ("name", "note", "safe", "depth")})

    def note_of(note):
        structure, region = structures[note.structure], by_name.get((note.structure, note.region))
        return replace(
            note, name=structure.name, note=structure.note, region=region.name if region else note.region,
            depth=region.depth if region and region.depth else structure.depth,
            safe=region.safe if region else structure.safe)

    notes = {key: [note_of(n) if n.structure in structures else n for n in ns] for key, ns in safety.notes.items()}
    drawn = {view: [replace(d, label=pick(("safety.toml", "label", d.label, ""), d.label)) if d.label else d
                    for d in ds] for view, ds in safety.drawn.items()}
    return replace(safety, structures=structures, notes=notes, drawn=drawn)
