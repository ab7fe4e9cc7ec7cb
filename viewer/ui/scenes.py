"""The built body scenes, each kept showing what the view state says.

This is the one place that walks every scene: it observes the :class:`~viewer.atlas.viewstate.ViewState`
and gives each scene ``scene_content(state, its view)`` — a scene built later gets the same at once — so
no window or controller pushes state into scenes one loop at a time.
"""
from __future__ import annotations

from collections.abc import Callable

from ..atlas.viewstate import Source, ViewState, scene_content


class Scenes(dict):
    """View name -> BodyScene, for the views built so far; ``build(view)`` makes one with ``make(view)``."""

    def __init__(self, state: ViewState, source: Source, views, make: Callable):
        super().__init__()
        self.state, self.source, self.views, self.make = state, source, tuple(views), make
        state.subscribe(self._on_state_changed)

    def build(self, view: str):
        """The scene of ``view``, built (and drawn as the state says) if it is not yet."""
        scene = self.get(view)
        if scene is None:
            scene = self[view] = self.make(view)
            scene.apply(scene_content(self.state, view, self.source))
        return scene

    def _on_state_changed(self, changed: frozenset[str]) -> None:
        if changed == {"view"}:
            return  # what a scene draws does not depend on which view is up
        for view, scene in self.items():
            scene.apply(scene_content(self.state, view, self.source))

    def restyle(self) -> None:
        """Every scene in the theme's colours and the text size (View ▸ Theme, View ▸ Text size)."""
        for scene in self.values():
            scene.restyle()
            scene.refont()

    def use_caches(self) -> None:
        """The scenes built so far keep their items as pixmaps from now on (see BodyScene.use_caches)."""
        for scene in self.values():
            scene.use_caches()
