"""Search as you type: by code (any alias), pinyin with or without tones, hanzi, English, region, tag.

Everything is Qt-free and pre-indexed once, so a keystroke costs a scan over ~400 short strings.
"""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from .categories import OTHER_NAMES, PointCategories
from .cautions import vocabulary
from .codes import compact, is_code_start
from .hangul import has_hangul, readings
from .i18n import SOURCE, language
from .indications import tag_aliases
from .model import Atlas, Record, Table

if TYPE_CHECKING:
    from .placement import Layout

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def _has_hanzi(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def fold(text: str) -> str:
    """Lower case without diacritics: 'Zú Sān Lǐ' -> 'zu san li' (ü becomes u)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def squash(text: str) -> str:
    """Folded and without spaces or punctuation: 'Zú Sān Lǐ' -> 'zusanli'."""
    return _NON_ALNUM.sub("", fold(text))


def _english(text_of) -> str:
    """A text in English as well, so English words find it whatever the interface language."""
    with language(SOURCE):
        return text_of()


class Filters(Record, frozen=True):
    """Restrict results; an empty set means 'no restriction'."""

    meridians: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    views: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()  # category words: "source", "well", "back-shu" ...

    def active(self) -> bool:
        return bool(self.meridians or self.regions or self.views or self.tags or self.categories)


NO_FILTERS = Filters()


class Hit(Record, frozen=True):
    code: str
    score: int
    field: str  # what matched: "code", "pinyin", "hanzi", "english", "region", "tag", "meridian", "caution"


class _Entry(Table):
    code: str
    meridian: str
    codes: tuple[str, ...]
    pinyin: str
    pinyin_words: tuple[str, ...]
    hanzi: str
    english: str
    english_words: tuple[str, ...]
    region: str
    tags: tuple[str, ...]
    views: frozenset[str]
    meridian_name: str
    extra_names: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()  # caution labels, folded
    alt_names: tuple[str, ...] = ()  # other pinyin names, squashed
    alt_hanzi: tuple[str, ...] = ()
    tag_aliases: tuple[str, ...] = ()  # other spellings and synonyms of the tags
    categories: frozenset[str] = frozenset()  # category words
    category_texts: tuple[str, ...] = ()  # "source (yuan) point of the lung channel", folded
    hangul: str = ""  # the Korean reading of the name


class SearchIndex:
    def __init__(self, atlas: Atlas, categories: PointCategories | None = None, layout: Layout | None = None):
        """``layout``: where each point is drawn, so that the view filter knows the regional plates too (without
        it, a point is on the views its placements name)."""
        self.atlas = atlas
        categories = categories or PointCategories()
        self.entries: list[_Entry] = []
        cautions = vocabulary()
        aliases = tag_aliases()
        korean = readings()[0]
        for code, point in atlas.points.items():
            meridian = atlas.meridians.get(point.meridian)
            self.entries.append(_Entry(
                code=code,
                meridian=point.meridian,
                codes=tuple(compact(c) for c in (code, *atlas.aliases_of(code))),
                pinyin=squash(point.pinyin),
                pinyin_words=tuple(squash(w) for w in re.split(r"[\s\-]+", fold(point.pinyin)) if w),
                hanzi=point.hanzi,
                english=fold(point.english),
                english_words=tuple(squash(w) for w in fold(point.english).split()),
                region=point.region,
                tags=point.tags,
                views=frozenset(point.views) | frozenset(m.view for m in (layout.markers_of(code) if layout else ())),
                meridian_name=fold(meridian.name) if meridian else "",
                extra_names=tuple(fold(name) for _, name in point.translations),
                cautions=tuple(fold(label) for label in cautions.labels(point.caution_tags)),
                alt_names=tuple(squash(n) for n in point.alt_names if not _has_hanzi(n)),
                alt_hanzi=tuple(n for n in point.alt_names if _has_hanzi(n)),
                tag_aliases=tuple(a for t in point.tags for a in aliases.aliases_of(t)),
                categories=frozenset(categories.words(code)),
                category_texts=tuple(fold(f"{m.describe()} {_english(m.describe)} {m.word} {OTHER_NAMES[m.word]}")
                                     for m in categories.of(code)),
                hangul=korean.get(code, ""),
            ))

    def tags(self) -> list[str]:
        return sorted({t for e in self.entries for t in e.tags})

    def regions(self) -> list[str]:
        return sorted({e.region for e in self.entries})

    def _passes(self, entry: _Entry, filters: Filters) -> bool:
        if filters.meridians and entry.meridian not in filters.meridians:
            return False
        if filters.regions and entry.region not in filters.regions:
            return False
        if filters.views and not (entry.views & filters.views):
            return False
        if filters.categories and not (entry.categories & filters.categories):
            return False
        return not (filters.tags and not (set(entry.tags) & {tag_aliases().tag(t) for t in filters.tags}))

    def _score(self, entry: _Entry, query: str) -> Hit | None:
        q_code = compact(query)
        q_fold = fold(query).strip()
        q_squash = squash(query)
        best: tuple[int, str] | None = None

        def offer(score: int, name: str) -> None:
            nonlocal best
            if best is None or score > best[0]:
                best = (score, name)

        if q_code and q_code in entry.codes:
            offer(1000, "code")
        elif q_code and q_code[0].isalpha() and is_code_start(q_code) \
                and any(c.startswith(q_code) for c in entry.codes):
            offer(800, "code")
        if query.strip() and _has_hanzi(query):
            if entry.hanzi == query.strip():
                offer(950, "hanzi")
            elif query.strip() in entry.hanzi:
                offer(700, "hanzi")
            elif query.strip() in entry.alt_hanzi:
                offer(900, "alt name")
        if entry.hangul and has_hangul(query):
            if entry.hangul == query.strip():
                offer(950, "hangul")
            elif query.strip() in entry.hangul:
                offer(700, "hangul")
        if q_squash:
            if entry.pinyin == q_squash:
                offer(900, "pinyin")
            elif entry.pinyin.startswith(q_squash) and len(q_squash) >= 2:
                offer(650, "pinyin")
            elif len(q_squash) >= 3 and q_squash in entry.pinyin:
                offer(400, "pinyin")
            if q_squash in entry.alt_names:
                offer(880, "alt name")
            elif len(q_squash) >= 3 and any(n.startswith(q_squash) for n in entry.alt_names):
                offer(620, "alt name")
            if entry.english == q_fold or "".join(entry.english_words) == q_squash:
                offer(850, "english")
            elif len(q_squash) >= 2 and any(w.startswith(q_squash) for w in entry.english_words):
                offer(600, "english")
            elif len(q_fold) >= 3 and q_fold in entry.english:
                offer(450, "english")
            if len(q_fold) >= 3:
                if any(t == q_fold for t in entry.tags + entry.tag_aliases):
                    offer(500, "tag")
                elif any(q_fold in t for t in entry.tags + entry.tag_aliases):
                    offer(300, "tag")
                region = entry.region.replace("_", " ")
                if region == q_fold or region.startswith(q_fold):
                    offer(350, "region")
                if entry.meridian_name.startswith(q_fold):
                    offer(250, "meridian")
                if any(q_fold in n for n in entry.extra_names):
                    offer(420, "translation")
                if any(q_fold in c for c in entry.cautions):
                    offer(320, "caution")
                words = q_fold.replace("-", " ").split()
                if any(all(w in t.replace("-", " ").split() for w in words) for t in entry.category_texts):
                    offer(480, "category")
        if best is None:
            return None
        return Hit(entry.code, best[0], best[1])

    def search(self, query: str, filters: Filters = NO_FILTERS, limit: int | None = None) -> list[Hit]:
        """Matching points, best first (ties keep atlas order). An empty query lists the filtered atlas."""
        hits: list[Hit] = []
        blank = not query.strip()
        for entry in self.entries:
            if not self._passes(entry, filters):
                continue
            if blank:
                hits.append(Hit(entry.code, 0, ""))
                continue
            hit = self._score(entry, query)
            if hit is not None:
                hits.append(hit)
        hits.sort(key=lambda h: -h.score)
        return hits[:limit] if limit else hits
