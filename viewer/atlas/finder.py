"""One search over everything: points, muscles, trigger points, symptoms and indications, categories.

Qt-free. Each kind of entry comes from one small function in ``SOURCES`` (content -> entries); adding
a kind (or a name to an existing kind) means adding or extending one of them. Matching is forgiving:
any case, tones or spacing; a word's beginning; one typo ("zusanly"); and old romanisations that
differ from pinyin only in voicing and vowel colour ("hoku" for Hegu, "tsusanli" for Zusanli).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .categories import OTHER_NAMES, WORDS
from .cautions import vocabulary
from .codes import compact, is_code_start
from .i18n import N_, SOURCE, _, language
from .indications import tag_aliases
from .keys import muscle_key, trigger_key
from .search import fold, squash

KIND_TITLES = {"point": N_("Points"), "muscle": N_("Muscles"), "trigger_point": N_("Trigger points"),
               "indication": N_("Symptoms and indications"), "category": N_("Categories")}  # shown through _()
CATEGORY_TITLES = {
    "well": N_("well points"), "spring": N_("spring points"), "stream": N_("stream points"),
    "river": N_("river points"), "sea": N_("sea points"), "source": N_("source points"),
    "connecting": N_("connecting points"), "cleft": N_("cleft points"), "back-shu": N_("back-shu points"),
    "front-mu": N_("front-mu points"), "influential": N_("influential points"),
    "confluent": N_("confluent points"), "lower-sea": N_("lower-sea points"),
}

# How much an exact match on each field is worth; a word's start, a typo or a sound-alike earn less.
WEIGHTS = {"code": 1000, "hanzi": 950, "pinyin": 900, "name": 850, "alt_name": 800, "latin": 700,
           "indication": 650, "category": 650, "translation": 600, "role": 600, "muscle": 400, "caution": 320,
           "region": 300, "symptoms": 250}
PREFIX, WORD, INSIDE, SOUND, TYPO = 0.8, 0.7, 0.45, 0.6, 0.5
_FUZZY_FIELDS = {"pinyin", "name", "alt_name", "latin", "indication", "category", "translation", "role"}
_WORDS = re.compile(r"[0-9a-z]+")


@dataclass(frozen=True)
class Term:
    field: str
    text: str  # squashed: folded, no spaces or punctuation ("zusanli")
    words: tuple[str, ...]  # the folded words of the original ("zu", "san", "li")


@dataclass(frozen=True)
class Entry:
    kind: str  # a key of KIND_TITLES
    key: str  # the selection key choosing it selects (keys.py); "" for a group of others
    title: str
    terms: tuple[Term, ...]
    members: tuple[str, ...] = ()  # for indications and categories: the keys they gather


@dataclass(frozen=True)
class Found:
    entry: Entry
    score: int
    field: str


def _has_hanzi(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def term(field_name: str, text: str) -> Term:
    words = tuple(_WORDS.findall(fold(text)))
    return Term(field_name, "".join(words), words)


def sound(word: str) -> str:
    """A coarse key that old romanisations share with pinyin: 'hoku' and 'hegu' both give 'heGu'."""
    for old, new in (("zh", "C"), ("ch", "C"), ("ts", "C"), ("sh", "S"), ("hs", "S")):
        word = word.replace(old, new)
    return word.translate(str.maketrans("jqzcxskgtdpbywov", "CCCCSSGGDDBBiueu"))


def typo_distance(a: str, b: str, limit: int = 1) -> int:
    """Edits (insert, delete, substitute, swap neighbours) from a to b; anything above ``limit`` is limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return previous[-1]


# --- where the entries come from: one function per kind -------------------------------------------

def point_entries(content) -> Iterable[Entry]:
    atlas = content.atlas
    roles: dict[str, list[str]] = {}  # point -> "source (yuan) point of the Lung channel" ...
    for membership in content.categories.memberships:
        found = roles.setdefault(membership.point, [])
        found.append(membership.role())
        with language(SOURCE):  # the English words find it in any language
            if membership.role() not in found:
                found.append(membership.role())
    cautions = vocabulary()
    for code, point in atlas.points.items():
        terms = [Term("code", compact(c), ()) for c in (code, *atlas.aliases_of(code))]
        terms += [term("pinyin", point.pinyin), Term("hanzi", point.hanzi, ()), term("name", point.english)]
        terms += [Term("hanzi", name, ()) if _has_hanzi(name) else term("alt_name", name) for name in point.alt_names]
        terms += [term("translation", name) for _, name in point.translations]
        terms += [term("role", role) for role in roles.get(code, ())]
        terms += [term("caution", label) for label in cautions.labels(point.caution_tags)]
        yield Entry("point", code, f"{code} {point.pinyin} · {point.english}", tuple(terms))


def muscle_entries(content) -> Iterable[Entry]:
    for muscle_id, muscle in content.muscles.muscles.items():
        terms = (term("name", muscle.name), term("latin", muscle.latin), term("region", muscle.region),
                 term("symptoms", muscle.symptoms))
        yield Entry("muscle", muscle_key(muscle_id), muscle.name, terms)


def trigger_point_entries(content) -> Iterable[Entry]:
    muscles = content.muscles
    for tp_id, tp in muscles.trigger_points.items():
        muscle = muscles.muscles[tp.muscle].name
        yield Entry("trigger_point", trigger_key(tp_id), f"{tp_id} · {muscle}: {tp.name}",
                    (Term("code", compact(tp_id), ()), term("muscle", muscle), term("region", tp.name)))


def indication_entries(content) -> Iterable[Entry]:
    """Each indication of the points ('sciatica', 'back pain'), gathering its points."""
    gathered: dict[str, list[str]] = {}
    for code, point in content.atlas.points.items():
        for tag in point.tags:
            gathered.setdefault(tag, []).append(code)
    other_names: dict[str, list[str]] = {}  # tag -> its other spellings and synonyms ("sciatic pain" ...)
    for alias, tag in tag_aliases().canonical.items():
        other_names.setdefault(tag, []).append(alias)
    for tag, codes in sorted(gathered.items()):
        terms = (term("indication", tag), *(term("alt_name", a) for a in other_names.get(tag, ())))
        yield Entry("indication", "", tag, terms, tuple(codes))


def category_entries(content) -> Iterable[Entry]:
    """Each classical category ('source points', 'back-shu points' ...), gathering its points."""
    categories = content.categories
    for word in WORDS:
        codes = categories.points(word)
        if codes:
            title = _(CATEGORY_TITLES[word])
            terms = (term("category", f"{word} points"), term("alt_name", f"{OTHER_NAMES[word]} points"),
                     *((term("translation", title),) if title != f"{word} points" else ()))
            yield Entry("category", "", title, terms, tuple(codes))


SOURCES: list[Callable] = [point_entries, muscle_entries, trigger_point_entries, indication_entries,
                           category_entries]


# --- the index ------------------------------------------------------------------------------------

def _deletes(word: str) -> set[str]:
    """The word and every way of leaving one letter out: two words one typo apart share one of these."""
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


@dataclass
class Finder:
    entries: list[Entry] = field(default_factory=list)
    # for the forgiving matches, prepared once: sound key -> entries; typo key -> names; name -> entries
    _sounds: dict[str, set[tuple[int, str]]] = field(default_factory=dict)
    _typo_keys: dict[str, set[str]] = field(default_factory=dict)
    _names: dict[str, set[tuple[int, str]]] = field(default_factory=dict)
    _blobs: list[str] = field(default_factory=list)  # all of an entry's text, to skip most entries quickly

    @classmethod
    def build(cls, content, sources: Iterable[Callable] = SOURCES) -> Finder:
        finder = cls([entry for source in sources for entry in source(content)])
        finder._blobs = ["|".join(t.text for t in e.terms) for e in finder.entries]
        for number, entry in enumerate(finder.entries):
            for t in entry.terms:
                if t.field not in _FUZZY_FIELDS:
                    continue
                for name in {t.text, *(w for w in t.words if len(w) >= 4)}:
                    finder._names.setdefault(name, set()).add((number, t.field))
                    finder._sounds.setdefault(sound(name), set()).add((number, t.field))
                    for key in _deletes(name):
                        finder._typo_keys.setdefault(key, set()).add(name)
        return finder

    def _forgiving(self, q: str) -> dict[int, tuple[float, str]]:
        """Entries whose name sounds like the query or is one typo away from it."""
        found: dict[int, tuple[float, str]] = {}

        def offer(number: int, score: float, field_name: str) -> None:
            if score > found.get(number, (0.0, ""))[0]:
                found[number] = (score, field_name)

        for number, field_name in self._sounds.get(sound(q), ()):
            offer(number, WEIGHTS[field_name] * SOUND, field_name)
        names = {n for key in _deletes(q) for n in self._typo_keys.get(key, ())}
        for name in names:
            if typo_distance(q, name) <= 1:
                for number, field_name in self._names[name]:
                    offer(number, WEIGHTS[field_name] * TYPO, field_name)
        return found

    def search(self, query: str, limit: int | None = None) -> list[Found]:
        """Matching entries, best first (ties keep the order of SOURCES and of the data)."""
        q = squash(query)
        hanzi = query.strip() if _has_hanzi(query) else ""
        if not q and not hanzi:
            return []
        q_code = compact(query)
        q_words = _WORDS.findall(fold(query))
        forgiving = self._forgiving(q) if len(q) >= 4 else {}
        found = []
        for number, entry in enumerate(self.entries):
            best = forgiving.get(number, (0.0, ""))
            blob = self._blobs[number]
            if not best[0] and not (hanzi and hanzi in blob) and not (q_code and q_code in blob) \
                    and not all(w in blob for w in q_words):
                continue  # no field can match: every match needs each typed word somewhere in the entry
            for t in entry.terms:
                score = _score(t, q, q_code, q_words, hanzi)
                if score > best[0]:
                    best = (score, t.field)
            if best[0] > 0:
                found.append(Found(entry, round(best[0]), best[1]))
        found.sort(key=lambda f: -f.score)
        return found[:limit] if limit else found


def _score(t: Term, q: str, q_code: str, q_words: list[str], hanzi: str) -> float:
    weight = WEIGHTS[t.field]
    if t.field == "hanzi":
        return weight if hanzi and t.text == hanzi else weight * INSIDE if hanzi and hanzi in t.text else 0
    if t.field == "code":
        if q_code == t.text:
            return weight
        return weight * PREFIX if is_code_start(q_code) and t.text.startswith(q_code) else 0
    if not q:
        return 0
    if t.text == q:
        return weight
    if len(q) >= 2 and t.text.startswith(q):
        return weight * PREFIX
    if q_words and all(any(w.startswith(qw) for w in t.words) for qw in q_words):
        return weight * WORD
    if len(q) >= 3 and q in t.text and t.field != "symptoms":
        return weight * INSIDE
    return 0
