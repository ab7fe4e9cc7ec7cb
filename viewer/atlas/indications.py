"""Indication tags: one spelling each, with other spellings and synonyms as aliases (assets/atlas/indications.toml)."""
from __future__ import annotations

import functools
from pathlib import Path

import msgspec

from .i18n import _
from .model import Problem, Table
from .resources import asset_path


class TagAliases(Table):
    canonical: dict[str, str] = msgspec.field(default_factory=dict)  # alias -> tag
    problems: list[Problem] = msgspec.field(default_factory=list)

    def tag(self, text: str) -> str:
        """The atlas's spelling of an indication (lower case)."""
        text = text.strip().lower()
        return self.canonical.get(text, text)

    def aliases_of(self, tag: str) -> tuple[str, ...]:
        return tuple(a for a, t in self.canonical.items() if t == tag)


def load_aliases(path: Path, name: str = "indications.toml") -> TagAliases:
    """Read the alias table; a bad entry is named in ``problems`` and skipped."""
    from .store import read_toml

    result = TagAliases()
    data = read_toml(path, name, result.problems)
    if data is None:
        return result
    table = data.get("aliases", {})
    if not isinstance(table, dict):
        result.problems.append(Problem(name, "aliases", "", _("must be a table of tag = [aliases]")))
        return result
    for tag, aliases in table.items():
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            result.problems.append(Problem(name, "aliases", tag, _("must be a list of text (entry skipped)")))
            continue
        for alias in aliases:
            alias = alias.strip().lower()
            if alias in table or result.canonical.get(alias, tag) != tag:
                result.problems.append(Problem(name, "aliases", tag, _("{alias} is already a tag or an alias").format(
                    alias=repr(alias))))
                continue
            result.canonical[alias] = tag.lower()
    return result


@functools.lru_cache(maxsize=1)
def tag_aliases() -> TagAliases:
    """The bundled alias table, read once."""
    return load_aliases(asset_path("atlas/indications.toml"))
