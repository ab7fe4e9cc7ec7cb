"""The Study dock, built on first show (it opens the study database), and its link to the diagram."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..atlas.i18n import N_
from ..atlas.keys import muscle_key, parse
from ..atlas.paths import user_data_dir
from ..atlas.safety import SAFETY_KINDS
from ..atlas.viewstate import Mode, ViewState
from .lazy import BuiltOnFirstShow


class LazyStudy(BuiltOnFirstShow, QWidget):
    """Holds the StudyPanel; creates it (and opens the database) the first time it is shown."""

    def __init__(self, parent, *, state: ViewState, selection, scenes, diagram, content, safety, decks, data_dir):
        """``decks()`` gives the favourites' codes (None: none kept) and the current plan's points, for the
        extra decks made when the panel is built; ``data_dir`` holds the study database (None: the default)."""
        super().__init__(parent)
        self.state, self.selection, self.scenes, self.diagram = state, selection, scenes, diagram
        self.content, self.safety, self.decks = content, safety, decks
        self.data_dir = data_dir
        self.panel = None  # StudyPanel, once built
        self.store = None  # StudyStore, once built
        self._click = None
        self._shown_in = None  # the scene showing a locate answer
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def build(self):
        self.ensure_built()
        return self.panel

    def build_content(self) -> None:
        """Create the panel and open the database (fsrs and sqlite load here, not at start-up)."""
        from ..atlas.study import StudyStore, custom_deck, pack_decks
        from .study_panel import StudyPanel

        self.store = StudyStore(self.data_dir or user_data_dir())
        favourites, plan_points = self.decks()
        extra = []
        if favourites is not None:
            extra.append(custom_deck(self.content, favourites, N_("My favourites")))
        extra.append(custom_deck(self.content, plan_points, N_("Points of the current plan")))
        extra += pack_decks(self.content)
        self.panel = StudyPanel(self.content, self.store, extra_decks=extra)
        self.layout().addWidget(self.panel)
        self.panel.cards.answered.connect(self._on_answered)
        locate = self.panel.locate
        locate.started.connect(self._on_started)
        locate.reveal.connect(self._on_reveal)
        locate.stopped.connect(self._on_stopped)

    def locating(self) -> bool:
        return self.panel is not None and self.panel.locate.active

    def click(self, x: float, y: float) -> None:
        self._click = (x, y)
        self.panel.locate.click(x, y)

    def _on_answered(self, kind: str, ref: str) -> None:
        """Show what the card was about: the point, or the muscle with its referral zones."""
        content = self.content
        if kind.startswith("muscle"):
            key = muscle_key(ref) if ref in content.muscles.muscles else ""
        elif ref in content.atlas.points or (parse(ref).is_trigger_point
                                             and parse(ref).ref in content.muscles.trigger_points):
            key = ref  # a point, or a trigger point ("what lies beneath" cards)
        else:  # a category card ("well/LU"): the point it names
            membership = content.categories.get(ref)
            key = membership.point if membership is not None else ""
        if key:
            self.selection.select(key)
        if kind in SAFETY_KINDS:
            self.safety.choose(True)  # the card was about what lies beneath: show it

    def _on_started(self, view: str) -> None:
        """A blank body: no acupoints or trigger points until the answer is given."""
        self.selection.clear()
        self.state.view = view
        self.diagram.fit()
        self._clear_answer()
        self.state.mode = Mode.STUDY
        self._click = None

    def _clear_answer(self) -> None:
        if self._shown_in is not None:
            self._shown_in.show_locate(None)
            self._shown_in = None

    def _on_reveal(self, result, step: int) -> None:
        self._clear_answer()
        self._shown_in = self.scenes[self.state.view]
        self._shown_in.show_locate(result, self._click, step)

    def _on_stopped(self) -> None:
        self._clear_answer()
        state = self.state
        if state.mode is Mode.STUDY:
            state.mode = Mode.NORMAL
