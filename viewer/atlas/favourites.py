"""Favourite points, kept in the user data folder (atomic saves; a bad file is kept aside, never lost)."""
from __future__ import annotations

from pathlib import Path

from .i18n import _, ngettext
from .limits import MAX_FAVOURITES, MAX_FAVOURITES_BYTES
from .store import keep_aside, load_json, save_json

FILE_NAME = "favourites.json"


def _codes(value) -> tuple[list[str], str]:
    """The codes in a parsed favourites file and "" — or what is wrong with its shape."""
    if isinstance(value, dict) and set(value) <= {"points"} and isinstance(value.get("points", []), list):
        points = value.get("points", [])
        shape = ""
    elif isinstance(value, list):
        points, shape = value, _("is a bare list instead of {shape}").format(shape='{"points": [...]}')
    else:
        return [], _("does not have the shape {shape}").format(shape='{"points": ["ST36", ...]}')
    codes = [c for c in points if isinstance(c, str) and c.strip()]
    if len(codes) != len(points):
        wrong = len(points) - len(codes)
        shape = shape or ngettext("holds {n} entry that is not a point code",
                                  "holds {n} entries that are not point codes", wrong).format(n=wrong)
    if len(codes) > MAX_FAVOURITES:
        shape = shape or _("holds {n} codes, over the limit of {limit}").format(n=len(codes), limit=MAX_FAVOURITES)
        codes = codes[:MAX_FAVOURITES]
    return codes, shape


class Favourites:
    def __init__(self, data_dir: Path, known: set[str] | None = None):
        self.path = Path(data_dir) / FILE_NAME
        value, self.note, self.writable = load_json(self.path, {"points": []}, MAX_FAVOURITES_BYTES)
        codes, shape = _codes(value)
        if shape and self.writable:
            # Whatever we cannot keep as it is goes aside first; the codes we understood stay favourites.
            kept = ngettext("{problem} ({n} favourite kept)", "{problem} ({n} favourites kept)", len(codes))
            note, self.writable = keep_aside(self.path, kept.format(problem=shape, n=len(codes)))
            self.note = note
        # Codes a data pack no longer provides are kept in the file but not shown.
        self._all = list(dict.fromkeys(codes))
        self.known = known

    @property
    def codes(self) -> list[str]:
        return [c for c in self._all if self.known is None or c in self.known]

    def __contains__(self, code: str) -> bool:
        return code in self._all

    def toggle(self, code: str) -> bool:
        """Add or remove ``code``; save at once. Returns True if it is now a favourite.

        Raises OSError (and changes nothing) when the file on disk must not be overwritten.
        """
        if not self.writable:
            raise OSError(_("{file} is left unchanged (see the note at start-up)").format(file=self.path.name))
        if code in self._all:
            changed = [c for c in self._all if c != code]
        elif len(self._all) >= MAX_FAVOURITES:
            raise OSError(_("at most {limit} favourites").format(limit=MAX_FAVOURITES))
        else:
            changed = [*self._all, code]
        save_json(self.path, {"points": changed})  # on failure nothing changes, in memory or on disk
        self._all = changed
        return code in self._all
