"""Content translations: per-language TOML files beside the content, read into plain dicts (Qt-free).

Layout (docs/translations.md)::

    assets/atlas/i18n/<lang>/meridians/<CH>.toml   [meridian] and [point.<code>] texts
    assets/atlas/i18n/<lang>/muscles/<file>.toml   [muscle.<id>] and [trigger_point.<id>] texts
    assets/atlas/i18n/<lang>/vocabulary.toml       [region], [tag], [angle], [landmark], [caution]
    assets/atlas/i18n/<lang>/safety.toml           [structure.<id>] texts and their region.<id>.* texts
    assets/content/i18n/<lang>/compare.toml        [meta] disclaimer and [section.<id>] texts

Every text is addressed by a :data:`Key` ``(file, table, entry, field)``, e.g.
``("meridians/LU.toml", "point", "LU1", "location")``. The English content gives the same keys
(:func:`english_texts`); a translation may only use keys that exist there, and whatever it leaves
out falls back to English field by field (:func:`lookup`).
"""
from __future__ import annotations

import functools
from pathlib import Path

import msgspec

from .i18n import SOURCE, _, current
from .model import NEEDLE_ANGLES, REGIONS, Problem, Table

Key = tuple[str, str, str, str]
Text = str | tuple[str, ...]

# Tables holding one entry (their fields sit directly in the table); all others are keyed by id.
_SINGLE = {"meridian", "meta"}
_META_FIELDS = {"language", "review"}
# Fields a language leaves out by design, not counted as missing: Chinese point names are the hanzi.
BY_DESIGN = {"zh_CN": {("point", "name")}}


class ContentTranslation(Table):
    """One language's content texts, flattened to ``Key -> text``, with what was wrong in the files."""

    language: str
    texts: dict[Key, Text] = msgspec.field(default_factory=dict)
    review: dict[str, str] = msgspec.field(default_factory=dict)  # file -> review status
    problems: list[Problem] = msgspec.field(default_factory=list)


def i18n_roots(assets: Path) -> tuple[Path, Path]:
    """The two translation folders inside an assets folder: atlas texts and other content."""
    return assets / "atlas" / "i18n", assets / "content" / "i18n"


def languages(assets: Path) -> list[str]:
    """Every language whose folder holds content translation files, sorted.

    A language folder may also hold other data (``ko/hangul.toml``: Korean readings of the point
    names); such a folder alone does not make a content translation.
    """
    found: set[str] = set()
    for root in i18n_roots(assets):
        if root.is_dir():
            found.update(p.name for p in root.iterdir() if p.is_dir() and _files(assets, p.name))
    return sorted(found)


def _files(assets: Path, lang: str) -> list[tuple[str, Path]]:
    atlas_root, content_root = (root / lang for root in i18n_roots(assets))
    files = [(f"{sub}/{p.name}", p) for sub in ("meridians", "muscles")
             for p in sorted((atlas_root / sub).glob("*.toml"))]
    files += [(name, folder / name) for name, folder in (("vocabulary.toml", atlas_root),
                                                          ("safety.toml", atlas_root),
                                                          ("compare.toml", content_root))]
    return [(name, path) for name, path in files if path.is_file()]


def _leaves(value, path: tuple[str, ...]):
    """Yield ``(path, text)`` for every string or list of strings under a nested table."""
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _leaves(sub, path + (str(key),))
    elif isinstance(value, str):
        yield path, value
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        yield path, tuple(value)
    else:
        yield path, None


def _key(name: str, path: tuple[str, ...]) -> Key | None:
    if path[0] in _SINGLE:
        return (name, path[0], "", ".".join(path[1:])) if len(path) >= 2 else None
    if len(path) == 2:  # vocabulary: [tag] "back pain" = "..."
        return (name, path[0], path[1], "")
    return (name, path[0], path[1], ".".join(path[2:])) if len(path) >= 3 else None


def load_translation(assets: Path, lang: str) -> ContentTranslation:
    """Read every translation file of ``lang``; a file that cannot be read is reported and skipped."""
    from .store import read_toml

    result = ContentTranslation(lang)
    for name, path in _files(assets, lang):
        where = f"i18n/{lang}/{name}"
        data = read_toml(path, where, result.problems)
        if data is None:
            continue
        meta = data.get("meta")
        if not isinstance(meta, dict):
            result.problems.append(Problem(where, "meta", "", _("the [meta] table is missing")))
            meta = {}
        for required in sorted(_META_FIELDS):
            if not isinstance(meta.get(required), str) or not meta[required].strip():
                result.problems.append(Problem(where, "meta", required, _("is missing or empty")))
        if meta.get("language", lang) != lang:
            result.problems.append(Problem(where, "meta", "language",
                                           _("says {language} but the folder is {folder}").format(
                                               language=repr(meta["language"]), folder=repr(lang))))
        result.review[name] = str(meta.get("review", ""))
        for path_, text in _leaves(data, ()):
            if path_[0] == "meta" and path_[1:] and path_[1] in _META_FIELDS:
                continue
            key = _key(name, path_)
            if key is None or text is None:
                result.problems.append(Problem(where, ".".join(path_[:2]), ".".join(path_[2:]),
                                               _("must be a text (or a list of texts) inside a table")))
                continue
            result.texts[key] = text
    return result


def english_texts(atlas, muscles, overview, safety) -> dict[Key, Text]:
    """Every translatable English text of the bundled content, under the keys translations use."""
    texts: dict[Key, Text] = {}

    def put(key: Key, value: Text) -> None:
        if value:
            texts[key] = value

    for meridian in atlas.meridians.values():
        if not meridian.source.startswith("meridians/"):
            continue  # a teacher's data pack: not translated here
        for name in ("name", "full_name", "summary"):
            put((meridian.source, "meridian", "", name), getattr(meridian, name))
        for code in meridian.points:
            point = atlas.points[code]
            for name, value in (("name", point.english), ("location", point.location),
                                ("needling_note", point.needling.note), ("cautions", point.cautions),
                                ("disputed", point.disputed)):
                put((meridian.source, "point", code, name), value)
    for muscle in muscles.muscles.values():
        for name in ("name", "summary", "symptoms", "palpation", "needling", "safety"):
            put((muscle.file, "muscle", muscle.id, name), getattr(muscle, name))
        for tp in muscle.trigger_points:
            put((muscle.file, "trigger_point", tp.id, "name"), tp.name)
    for region in REGIONS:
        put(("vocabulary.toml", "region", region, ""), region)
    for angle in NEEDLE_ANGLES:
        put(("vocabulary.toml", "angle", angle, ""), angle)
    for point in atlas.points.values():
        if point.source.startswith("meridians/"):
            for tag in point.tags:
                put(("vocabulary.toml", "tag", tag, ""), tag)
    from .describe import english_landmark, landmark_ids

    for landmark in landmark_ids():
        put(("vocabulary.toml", "landmark", landmark, ""), english_landmark(landmark))
    from .cautions import vocabulary

    for caution in vocabulary().cautions.values():
        put(("vocabulary.toml", "caution", caution.id, "label"), caution.label)
        put(("vocabulary.toml", "caution", caution.id, "meaning"), caution.meaning)
    for structure in safety.structures.values():
        for name in ("name", "note", "safe", "depth"):
            put(("safety.toml", "structure", structure.id, name), getattr(structure, name))
        for region in structure.regions:
            for name in ("name", "depth", "safe"):
                put(("safety.toml", "structure", structure.id, f"region.{region.id}.{name}"), getattr(region, name))
    for drawn in (d for ds in safety.drawn.values() for d in ds if d.label):  # the short labels on the layer
        put(("safety.toml", "label", drawn.label, ""), drawn.label)
    put(("compare.toml", "meta", "", "disclaimer"), overview.disclaimer)
    for section in overview.sections:
        put(("compare.toml", "section", section.id, "title"), section.title)
        for voice, columns in section.text.items():
            for column, value in columns.items():
                put(("compare.toml", "section", section.id, f"{voice}.{column}"), value)
    return texts


def check(translation: ContentTranslation, english: dict[Key, Text]) -> list[Problem]:
    """What is wrong with a translation against the English content (beyond unreadable files)."""
    problems: list[Problem] = []
    entries = {key[:3] for key in english}
    for key, text in translation.texts.items():
        name, table, entry, name_ = key
        where = Problem(f"i18n/{translation.language}/{name}", f"{table}.{entry}".rstrip("."), name_, "")
        source = english.get(key)
        if source is None:
            message = (_("is not a known field of this entry") if key[:3] in entries
                       else _("does not exist in the English content"))
            problems.append(Problem(where.file, where.entry, where.field, message))
            continue
        if isinstance(source, tuple) != isinstance(text, tuple):
            problems.append(Problem(where.file, where.entry, where.field,
                                    _("must be a list of texts, as in English") if isinstance(source, tuple)
                                    else _("must be a text, as in English")))
            continue
        if isinstance(source, tuple) and len(source) != len(text):
            problems.append(Problem(where.file, where.entry, where.field,
                                    _("has {n} items but the English has {english}").format(
                                        n=len(text), english=len(source))))
        parts = text if isinstance(text, tuple) else (text,)
        if any(not part.strip() for part in parts):
            problems.append(Problem(where.file, where.entry, where.field, _("is empty")))
        if any("<" in part for part in parts):
            problems.append(Problem(where.file, where.entry, where.field, _("contains markup ('<'): plain text only")))
    return problems


def completeness(translation: ContentTranslation, english: dict[Key, Text]) -> float:
    """The share (0..1) of English text fields that this language translates, leaving out by-design gaps."""
    skip = BY_DESIGN.get(translation.language, set())
    counted = [key for key in english if (key[1], key[3]) not in skip]
    if not counted:
        return 0.0
    return sum(1 for key in counted if key in translation.texts) / len(counted)


def lookup(translation: ContentTranslation | None, english: dict[Key, Text], key: Key) -> tuple[Text, bool]:
    """The text for ``key`` in the translation, else the English one; the flag says whether it was translated."""
    if translation is not None and key in translation.texts:
        return translation.texts[key], True
    return english.get(key, ""), False


@functools.cache
def _words(lang: str) -> dict[tuple[str, str], str]:
    """``(table, English word or id) -> word`` from a language's vocabulary.toml; {} when unreadable."""
    import tomllib  # only when a translated word is needed, not on every start

    from .resources import assets_root

    path = i18n_roots(assets_root())[0] / lang / "vocabulary.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}  # load_translation reports the problem where the content is loaded
    return {(table, str(key)): value for table, words in data.items() if table != "meta" and isinstance(words, dict)
            for key, value in words.items() if isinstance(value, str) and value.strip()}


def term(table: str, english: str, fallback: str | None = None) -> str:
    """A vocabulary word (``landmark``, ``region``, ``tag``, ``angle``) in the interface language; the
    ``fallback`` (else ``english``) when the language has no translation for it."""
    lang = current()
    if lang != SOURCE:
        word = _words(lang).get((table, english))
        if word is not None:
            return word
    return english if fallback is None else fallback


def region_words(region: str) -> str:
    """A region id in words of the interface language: 'upper_back' -> 'upper back', 'parte alta de la espalda'."""
    return term("region", region, region.replace("_", " "))
