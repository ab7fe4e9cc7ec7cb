"""The caution vocabulary (assets/atlas/cautions.toml): one list of tags with a short label and a meaning.

Points (``caution_tags``) and muscles (``safety_tags``) may only use these ids; the details panel,
handouts, the patient view and search all take the wording from here, so a tag cannot say one thing
in the data and another on screen.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import msgspec

from .i18n import _, join_or
from .model import Problem, Record, Table
from .resources import asset_path

_ID = re.compile(r"^[a-z][a-z_]*$")
_FIELDS = {"id", "label", "meaning", "formerly"}


class _BadEntry(ValueError):
    """args: (field, message)."""


class Caution(Record, frozen=True):
    id: str
    label: str
    meaning: str
    formerly: tuple[str, ...] = ()


class CautionVocabulary(Table):
    cautions: dict[str, Caution] = msgspec.field(default_factory=dict)
    problems: list[Problem] = msgspec.field(default_factory=list)

    def label(self, tag: str) -> str:
        caution = self.cautions.get(tag)
        return caution.label if caution else tag

    def labels(self, tags) -> list[str]:
        """The labels of ``tags`` in vocabulary order (the order of the file)."""
        return [c.label for c in self.cautions.values() if c.id in tags]

    def problem_with(self, tag: str) -> str | None:
        """Why ``tag`` may not be used, or None when it is a known tag."""
        if tag in self.cautions:
            return None
        heirs = [c for c in self.cautions.values() if tag in c.formerly]
        if heirs:
            choices = join_or(f"{c.id} ({c.label})" for c in heirs)
            return _("{tag} is no longer used: write {choices}").format(tag=repr(tag), choices=choices)
        return _("{tag} is not a known caution tag (known: {known})").format(
            tag=repr(tag), known=", ".join(self.cautions))


def _entry(data) -> Caution:
    if not isinstance(data, dict):
        raise _BadEntry("", _("must be a table"))
    extra = sorted(set(data) - _FIELDS)
    if extra:
        raise _BadEntry(extra[0], _("is not a known field (known: {known})").format(known=", ".join(sorted(_FIELDS))))
    values = {}
    for key in ("id", "label", "meaning"):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise _BadEntry(key, _("is missing or empty (must be text)"))
        values[key] = value.strip()
    if not _ID.match(values["id"]):
        raise _BadEntry("id", _("{id} must be lower-case letters and underscores").format(id=repr(values["id"])))
    formerly = data.get("formerly", [])
    if not isinstance(formerly, list) or not all(isinstance(v, str) and v for v in formerly):
        raise _BadEntry("formerly", _("must be a list of text"))
    return Caution(values["id"], values["label"], values["meaning"], tuple(formerly))


def load_vocabulary(path: Path, name: str = "cautions.toml") -> CautionVocabulary:
    """Read and check the vocabulary; a bad entry is skipped and named in ``problems``."""
    from .store import read_toml

    vocabulary = CautionVocabulary()
    data = read_toml(path, name, vocabulary.problems)
    if data is None:
        return vocabulary
    entries = data.get("caution", [])
    if not isinstance(entries, list):
        vocabulary.problems.append(Problem(name, "caution", "", _("must be an array of [[caution]] tables")))
        return vocabulary
    for index, entry in enumerate(entries):
        named = isinstance(entry, dict) and isinstance(entry.get("id"), str)
        label = entry["id"] if named else f"caution #{index + 1}"
        try:
            caution = _entry(entry)
            if caution.id in vocabulary.cautions:
                raise _BadEntry("id", _("{id} is defined twice").format(id=caution.id))
        except _BadEntry as exc:
            where, message = exc.args
            vocabulary.problems.append(Problem(name, label, where, _("{problem} (entry skipped)").format(
                problem=message)))
            continue
        vocabulary.cautions[caution.id] = caution
    return vocabulary


@functools.lru_cache(maxsize=1)
def vocabulary() -> CautionVocabulary:
    """The bundled vocabulary, read once."""
    return load_vocabulary(asset_path("atlas/cautions.toml"))
