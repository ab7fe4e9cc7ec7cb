"""Back/forward history of selections, like a browser's."""
from __future__ import annotations


class History:
    def __init__(self, limit: int = 200):
        self.limit = limit
        self._items: list[str] = []
        self._pos = -1

    @property
    def current(self) -> str:
        return self._items[self._pos] if self._pos >= 0 else ""

    def visit(self, code: str) -> None:
        """Record a new selection; going somewhere new drops the forward part."""
        if not code or code == self.current:
            return
        del self._items[self._pos + 1:]
        self._items.append(code)
        if len(self._items) > self.limit:
            del self._items[0]
        self._pos = len(self._items) - 1

    def can_go_back(self) -> bool:
        return self._pos > 0

    def can_go_forward(self) -> bool:
        return self._pos < len(self._items) - 1

    def back(self) -> str:
        if self.can_go_back():
            self._pos -= 1
        return self.current

    def forward(self) -> str:
        if self.can_go_forward():
            self._pos += 1
        return self.current
