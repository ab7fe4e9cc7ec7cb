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
        self._stale = set()
        self._caching = False  # after the first paint every scene keeps its items as pixmaps
        state.subscribe(self._on_state_changed)

    def build(self, view: str):
        """The scene of ``view``, built (and drawn as the state says) if it is not yet."""
        scene = self.get(view)
        if scene is None:
            scene = dict.__setitem__(self, view, self.make(view)) or dict.__getitem__(self, view)
            scene.apply(scene_content(self.state, view, self.source))
            if self._caching:
                scene.use_caches()
        return scene

    # A change is drawn at once on the view that is up; the other built scenes are marked stale and
    # catch up when they are next looked up (shown, printed, asked), so a selection costs one scene, not
    # one per view built (there are more than twenty with the regional plates).
    _stale: set

    def __getitem__(self, view: str):
        scene = dict.__getitem__(self, view)
        if view in self._stale:
            self._stale.discard(view)
            scene.apply(scene_content(self.state, view, self.source))
        return scene

    def get(self, view, default=None):
        if view not in self:
            return default
        return self[view]

    def values(self):
        return [self[view] for view in self]

    def items(self):
        return [(view, self[view]) for view in self]

    def _on_state_changed(self, changed: frozenset[str]) -> None:
        if changed != {"view"}:  # what a scene draws does not depend on which view is up
            self._stale = set(self)
        self.refresh(self.state.view)

    def refresh(self, view: str) -> None:
        """Bring the scene of ``view`` (if built) up to date with the state."""
        if view in self:
            self[view]

    def restyle(self) -> None:
        """Every scene in the theme's colours and the text size (View ▸ Theme, View ▸ Text size)."""
        for scene in self.values():
            scene.restyle()
            scene.refont()

    def use_caches(self) -> None:
        """The scenes built so far keep their items as pixmaps from now on (see BodyScene.use_caches)."""
        self._caching = True
        for scene in self.values():
            scene.use_caches()
