"""The Study dock, built on first show (it opens the study database), and its link to the diagram."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..atlas.i18n import N_
from ..atlas.keys import muscle_key, parse
from ..atlas.paths import user_data_dir
from ..atlas.safety import SAFETY_KINDS
from ..atlas.viewstate import Mode
from .lazy import BuiltOnFirstShow


class LazyStudy(BuiltOnFirstShow, QWidget):
    """Holds the StudyPanel; creates it (and opens the database) the first time it is shown."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
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

        win = self.window
        self.store = StudyStore(win.data_dir or user_data_dir())
        extra = []
        if win.favourites is not None:
            extra.append(custom_deck(win.content, win.favourites.codes, N_("My favourites")))
        extra.append(custom_deck(win.content, [i.ref for i in win.plan_panel.plan.items if i.kind == "point"],
                                 N_("Points of the current plan")))
        extra += pack_decks(win.content)
        self.panel = StudyPanel(win.content, self.store, extra_decks=extra)
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
        content = self.window.content
        if kind.startswith("muscle"):
            key = muscle_key(ref) if ref in content.muscles.muscles else ""
        elif ref in content.atlas.points or (parse(ref).is_trigger_point
                                             and parse(ref).ref in content.muscles.trigger_points):
            key = ref  # a point, or a trigger point ("what lies beneath" cards)
        else:  # a category card ("well/LU"): the point it names
            membership = content.categories.get(ref)
            key = membership.point if membership is not None else ""
        if key:
            self.window.select(key)
        if kind in SAFETY_KINDS:
            self.window.safety.choose(True)  # the card was about what lies beneath: show it

    def _on_started(self, view: str) -> None:
        """A blank body: no acupoints or trigger points until the answer is given."""
        win = self.window
        win.selection.clear()
        win.set_view(view)
        win.diagram.fit()
        self._clear_answer()
        win.view_state.mode = Mode.STUDY
        self._click = None

    def _clear_answer(self) -> None:
        if self._shown_in is not None:
            self._shown_in.show_locate(None)
            self._shown_in = None

    def _on_reveal(self, result, step: int) -> None:
        self._clear_answer()
        self._shown_in = self.window.scenes[self.window.current_view]
        self._shown_in.show_locate(result, self._click, step)

    def _on_stopped(self) -> None:
        self._clear_answer()
        state = self.window.view_state
        if state.mode is Mode.STUDY:
            state.mode = Mode.NORMAL
