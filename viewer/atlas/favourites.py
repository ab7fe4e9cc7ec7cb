"""Favourite points, kept in the user data folder (atomic saves; a corrupt file is kept aside)."""
from __future__ import annotations

from pathlib import Path

from .store import load_json, save_json

FILE_NAME = "favourites.json"


class Favourites:
    def __init__(self, data_dir: Path, known: set[str] | None = None):
        self.path = Path(data_dir) / FILE_NAME
        value, self.note = load_json(self.path, {"points": []})
        points = value.get("points", []) if isinstance(value, dict) else []
        codes = [c for c in points if isinstance(c, str)]
        # Codes a data pack no longer provides are kept in the file but not shown.
        self._all = list(dict.fromkeys(codes))
        self.known = known

    @property
    def codes(self) -> list[str]:
        return [c for c in self._all if self.known is None or c in self.known]

    def __contains__(self, code: str) -> bool:
        return code in self._all

    def toggle(self, code: str) -> bool:
        """Add or remove ``code``; save at once. Returns True if it is now a favourite."""
        if code in self._all:
            self._all.remove(code)
        else:
            self._all.append(code)
        save_json(self.path, {"points": self._all})
        return code in self._all
