"""Panels that start behind a tab build their content the first time their tab is shown."""
from __future__ import annotations


class BuiltOnFirstShow:
    """Mixin: subclasses implement ``build_content()``; the window calls ``on_dock_visible``."""

    _built = False

    def ensure_built(self) -> None:
        if not self._built:
            self._built = True
            self.build_content()

    def on_dock_visible(self, visible: bool) -> None:
        if visible:
            self.ensure_built()

    def build_content(self) -> None:  # pragma: no cover - always overridden
        raise NotImplementedError
