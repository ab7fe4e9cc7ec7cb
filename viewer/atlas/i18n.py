"""User-interface strings through gettext, for the Qt-free domain and the widgets alike (no Qt here).

Every English sentence the app shows is written once, wrapped in :func:`_` (or :func:`ngettext` when
it depends on a number), and looked up in the active language's catalogue::

    from viewer.atlas.i18n import _, ngettext
    _("Placed on the diagram")
    ngettext("{n} point", "{n} points", n).format(n=n)

Catalogues are standard gettext files, ``assets/locale/<lang>/LC_MESSAGES/meridian.po`` (edited by
translators) compiled to ``meridian.mo`` beside them by ``python tools/i18n.py compile``; the app
reads only the ``.mo`` with the standard library's :mod:`gettext`. A test checks that every ``.mo``
matches its ``.po`` (docs/translations.md explains the workflow).

Two languages can be active at once: the user's (the window) and the patient's (patient view,
handout). :func:`language` switches temporarily — ``with language("es"): html = render()`` — and
restores the previous one, so the same functions render either.

The pseudo-locale :data:`PSEUDO` translates every message by marking it ``⟦…⟧`` with accented
letters, computed on the fly with no catalogue: any text on screen without the marks was never
translated, and marks inside other text betray a sentence glued together from pieces.
"""
from __future__ import annotations

import contextlib
import gettext as _gettext
import os
import re
import struct
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from .resources import assets_root

DOMAIN = "meridian"
SOURCE = "en"
PSEUDO = "qps"  # pseudo-locale for tests and translators (never listed in the Language menu)
NATIVE_NAMES = {"en": "English", "es": "Español", "zh_CN": "中文（简体）", PSEUDO: "Pseudo"}


def locale_dir(root: Path | None = None) -> Path:
    return (root or assets_root()) / "locale"


def available(root: Path | None = None) -> list[str]:
    """English plus every language with a compiled catalogue, sorted after English."""
    folder = locale_dir(root)
    found = sorted(p.name for p in folder.iterdir()
                   if (p / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()) if folder.is_dir() else []
    return [SOURCE, *found]


def normalise(tag: str | None) -> str | None:
    """'es_ES.UTF-8', 'es-MX', 'zh_Hans_CN', 'zh-CN' -> the bundled language that serves it, or None."""
    if not tag:
        return None
    tag = tag.split(".")[0].split("@")[0].replace("-", "_")
    if tag == PSEUDO:
        return PSEUDO
    parts = tag.split("_")
    lang = parts[0].lower()
    if lang == "zh":
        # Simplified Chinese serves mainland and Singapore, and "zh" alone; not Hant / TW / HK.
        rest = {p.upper() for p in parts[1:]}
        return None if rest & {"HANT", "TW", "HK", "MO"} else "zh_CN"
    if lang in ("en", "es"):
        return lang
    return None


def system_language(environ: dict[str, str] | None = None) -> str:
    """The language the system asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), English otherwise."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for tag in env.get(var, "").split(":"):
            found = normalise(tag)
            if found:
                return found
    return SOURCE


_ACCENTS = str.maketrans("aceinouyACEINOUY", "àçéîñøüýÀÇÉÎÑØÜÝ")
_FIELD = re.compile(r"(\{[^{}]*\}|%\([^)]*\)[sdf]|%[sdf]|<[^>]*>|&\w+;)")


def pseudo(text: str) -> str:
    """Mark ``text`` as translated: ⟦accented text⟧, placeholders, markup and entities kept intact."""
    if not text:
        return text
    parts = _FIELD.split(text)
    return "⟦" + "".join(p if _FIELD.fullmatch(p) else p.translate(_ACCENTS) for p in parts) + "⟧"


class _Pseudo(_gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)


@cache
def catalogue(lang: str, root: Path | None = None) -> _gettext.NullTranslations:
    """The translations of ``lang``; English (the source texts) when there is no catalogue."""
    if lang == PSEUDO:
        return _Pseudo()
    if lang == SOURCE:
        return _gettext.NullTranslations()
    mo = locale_dir(root) / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with mo.open("rb") as fh:
            return _gettext.GNUTranslations(fh)
    except FileNotFoundError:
        problems[lang] = f"{mo}: no catalogue for {lang}; the interface stays in English"
    except (OSError, ValueError, struct.error) as exc:  # truncated, wrong magic, bad encoding
        problems[lang] = f"{mo}: unreadable catalogue ({exc}); the interface stays in English"
    return _gettext.NullTranslations()


# Catalogues that could not be read, language -> message naming the file (shown in Help ▸ Problems).
problems: dict[str, str] = {}


_active: list[str] = [SOURCE]


def current() -> str:
    """The language every :func:`_` call answers in right now."""
    return _active[-1]


def set_language(lang: str | None) -> str:
    """Make ``lang`` (a tag such as 'es_MX'; None = the system's) the user's language; return it."""
    chosen = normalise(lang) if lang else system_language()
    _active[0] = chosen or SOURCE
    return _active[0]


@contextlib.contextmanager
def language(lang: str | None) -> Iterator[str]:
    """Answer in ``lang`` inside the block (the patient's language), then return to the previous one."""
    chosen = (normalise(lang) if lang else None) or current()
    _active.append(chosen)
    try:
        yield chosen
    finally:
        _active.pop()


def _(message: str) -> str:
    """The active language's translation of ``message`` (the English text when it has none)."""
    return catalogue(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted message that suits ``n`` in the active language (its own plural rules)."""
    return catalogue(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Like :func:`_`, for a short text whose meaning depends on ``context`` (e.g. a menu vs a verb)."""
    return catalogue(current()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (tables built at import time)."""
    return message


# Words a language merges where a template meets a name that carries its article (Spanish "de el" -> "del").
_CONTRACTIONS = {"es": ((re.compile(r"\b([Dd])e el\b"), r"\1el"), (re.compile(r"\b([Aa]) el\b"), r"\1l"))}


def contract(text: str) -> str:
    """``text`` with the active language's contractions made ('de el' -> 'del', 'a el' -> 'al' in Spanish):
    for a sentence assembled from a template and landmark names that carry their own article."""
    for pattern, replacement in _CONTRACTIONS.get(current(), ()):
        text = pattern.sub(replacement, text)
    return text


def join(items) -> str:
    """A list in the active language's way: 'LI4, ST36' in English, 'LI4、ST36' in Chinese.

    Each item must be a whole phrase on its own (a name, '2 points'): a list is not a sentence.
    """
    # Translators: the separator between the items of a list, e.g. "LI4, ST36"; Chinese uses "、".
    return pgettext("list separator", ", ").join(items)


def join_or(items) -> str:
    """'a', 'a or b', 'a, b or c' in the active language."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    # Translators: the end of a list of alternatives, e.g. "the hand, the wrist or the foot".
    return _("{items} or {last}").format(items=join(items[:-1]), last=items[-1])


def join_and(items) -> str:
    """'a', 'a and b', 'a, b and c' in the active language."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    # Translators: the end of a list, e.g. "the umbilicus, ST25 and the pubic symphysis".
    return _("{items} and {last}").format(items=join(items[:-1]), last=items[-1])
