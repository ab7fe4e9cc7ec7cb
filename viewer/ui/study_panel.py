"""Study panel: card quizzes and 'locate the point', both answered from the keyboard."""
from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from fsrs import Rating
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..atlas.i18n import N_, _, ngettext
from ..atlas.study import POINT_KINDS, LocateDrill, StudySession, decks
from . import theme
from .accessibility import named
from .fonts import hanzi_safe, hanzi_supported, relative_font
from .safe_text import escape, plain
from .study_keys import StudyKeys
from .words import point_name, view_word
from .wrap_button import WrapButton

GRADE_WORDS = {"excellent": N_("Excellent"), "good": N_("Good"), "close": N_("Close"), "missed": N_("Missed")}
KIND_WORDS = {"code_to_name": N_("code → name"), "name_to_code": N_("name → code"),
              "point_to_meridian": N_("point → channel"), "hanzi_to_point": N_("hanzi → point"),
              "muscle_to_referral": N_("muscle → referred pain"), "referral_to_muscle": N_("referred pain → muscle"),
              "category_to_point": N_("category → point"), "point_to_relation": N_("point → category")}


def _kind(kind: str) -> str:
    return _(KIND_WORDS[kind]) if kind in KIND_WORDS else kind.replace("_", " ")


def _score(result, cm: bool = False) -> str:
    """'Good: 0.4 cun away (1 cm)' for a locate answer."""
    text = _("{grade}: {cun} cun away ({cm} cm)") if cm else _("{grade}: {cun} cun away")
    return text.format(grade=_(GRADE_WORDS[result.grade]), cun=f"{result.distance_cun:.1f}",
                       cm=f"{result.distance_cm:.0f}")


def _big(label: QLabel, factor: float = 1.3) -> QLabel:
    relative_font(label, factor)
    label.setWordWrap(True)
    return label


class KeyboardTab(QWidget):
    """A tab whose own keys win over the window's shortcuts while it has the focus (digits, Space...)."""

    keys: ClassVar[dict] = {}

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in self.keys \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        action = self.keys.get(event.key())
        if action is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            action()
            event.accept()
            return
        super().keyPressEvent(event)


def deck_choices(content, extra_decks=()):
    """Decks for the combo boxes: favourites and plan first (when they have points), then the rest."""
    return [d for d in extra_decks if d.refs] + list(decks(content))


class CardsTab(KeyboardTab):
    """Four-option cards. Keys: 1-4 answer; after a right answer H/Space/E rate it; Enter starts."""

    answered = Signal(str, str)  # kind, ref of the card just answered (to show it on the body)

    def __init__(self, content, store, parent=None, extra_decks=()):
        super().__init__(parent)
        self.content = content
        self.store = store
        self.session: StudySession | None = None
        self.question = None
        self.pending_right = False
        layout = QVBoxLayout(self)
        self.deck = named(QComboBox(), _("Deck of cards"))
        for deck in deck_choices(content, extra_decks):
            self.deck.addItem(deck.title, deck)
        self.progress = plain(QLabel())
        self.progress.setWordWrap(True)
        self.start = QPushButton(_("Start session (Enter)"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.prompt = plain(_big(QLabel(_("Choose a deck and start."))))
        self.options = [WrapButton() for _ in range(4)]
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        for widget in (self.deck, self.progress, self.start, self.prompt):
            layout.addWidget(widget)
        for number, button in enumerate(self.options, start=1):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys keep working after a mouse click
            named(button, _("Answer {n}").format(n=number))  # until the first card gives it its text
            button.clicked.connect(lambda _=False, n=number - 1: self.choose(n))
            layout.addWidget(button)
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        self.start.clicked.connect(self.start_session)
        self.deck.currentIndexChanged.connect(self.show_progress)
        self.keys = {Qt.Key.Key_1: lambda: self.choose(0), Qt.Key.Key_2: lambda: self.choose(1),
                     Qt.Key.Key_3: lambda: self.choose(2), Qt.Key.Key_4: lambda: self.choose(3),
                     Qt.Key.Key_Return: self._on_enter, Qt.Key.Key_Enter: self._on_enter,
                     Qt.Key.Key_Space: lambda: self.rate(Rating.Good), Qt.Key.Key_H: lambda: self.rate(Rating.Hard),
                     Qt.Key.Key_E: lambda: self.rate(Rating.Easy)}
        self._show_options(False)
        self.show_progress()

    @property
    def running(self) -> bool:
        return self.session is not None

    def show_progress(self) -> None:
        deck = self.deck.currentData()
        p = self.store.progress(deck)
        text = ngettext("{total} card · {new} new · {due} due now · {learning} learning · {review} in long-term review",
                        "{total} cards · {new} new · {due} due now · {learning} learning · {review} in long-term "
                        "review", p["total"]).format(**p)
        self.progress.setText(text + (f"\n{self.store.note}" if self.store.note else ""))  # never a silent failure

    def _show_options(self, on: bool) -> None:
        for button in self.options:
            button.setVisible(on)

    def _on_enter(self) -> None:
        if self.session is None or (self.question is None and not self.pending_right):
            self.start_session()
        elif self.pending_right:
            self.rate(Rating.Good)

    def start_session(self) -> None:
        deck = self.deck.currentData()
        if not hanzi_supported() and "hanzi_to_point" in deck.kinds:
            # Without a CJK font the hanzi would show as empty boxes: leave those cards out.
            deck = replace(deck, kinds=tuple(k for k in deck.kinds if k != "hanzi_to_point"))
        self.session = StudySession(self.content, self.store, deck)
        self.feedback.setText("")
        self.next_question()

    def next_question(self) -> None:
        self.pending_right = False
        self.question = self.session.next_question() if self.session else None
        if self.question is None:
            self._finish()
            return
        self.prompt.setText(self.question.prompt)
        for number, (button, text) in enumerate(zip(self.options, self.question.options, strict=False), start=1):
            button.setText(f"{number}   {text}")
            button.setEnabled(True)
        self._show_options(True)

    def choose(self, index: int) -> None:
        if self.question is None or self.pending_right or not 0 <= index < len(self.question.options):
            return
        q = self.question
        self.answered.emit(q.kind, q.ref)
        if index == q.answer:
            self.pending_right = True
            right = _("<b style='color:{colour}'>✓ Right.</b> How easy was it? "
                      "<b>H</b> hard · <b>Space</b> good · <b>E</b> easy")
            self.say(lambda: right.format(colour=theme.css("success")))
        else:
            self.session.answer(q, index)
            wrong = _("<b style='color:{colour}'>✗ Not quite.</b> The answer is <b>{answer}</b>.")
            self.say(lambda: wrong.format(colour=theme.css("caution"), answer=escape(q.options[q.answer]))
                     + f"<br>{escape(hanzi_safe(q.explanation))}")
            self.next_question_after_wrong()

    _feedback = None  # makes the feedback's HTML in the current theme's colours

    def say(self, feedback) -> None:
        """Show ``feedback()`` (rich text); it is made again when the theme changes."""
        self._feedback = feedback
        self.feedback.setText(feedback())

    def restyle(self) -> None:
        if self._feedback is not None and self.feedback.text():
            self.feedback.setText(self._feedback())

    def next_question_after_wrong(self) -> None:
        explanation = self._feedback
        self.next_question()
        if self.question is not None:
            self.say(explanation)
        self.show_progress()

    def rate(self, rating: Rating) -> None:
        if not self.pending_right or self.question is None:
            return
        self.session.answer(self.question, self.question.answer, rating)
        explanation = escape(hanzi_safe(self.question.explanation))
        self.say(lambda: f"<span style='color:{theme.css('muted')}'>{explanation}</span>")
        self.next_question()
        self.show_progress()

    def _finish(self) -> None:
        self._show_options(False)
        if self.session is None:
            return
        s = self.session.summary
        kinds = "".join("<li>" + escape(_("{kind}: {right} of {total}").format(kind=_kind(k), right=v[1], total=v[0]))
                        + "</li>" for k, v in s.by_kind.items())
        self.prompt.setText(_("Session finished."))
        score = _("{right} of {total} right ({share})").format(right=s.correct, total=s.answered,
                                                                share=f"{s.accuracy:.0%}")
        more = _("Cards you missed come back first next time. Press Enter for more.")
        self.feedback.setText(f"<h3>{escape(score)}</h3><ul>{kinds}</ul><p>{escape(more)}</p>")
        self.session = None
        self.show_progress()


class LocateTab(KeyboardTab):
    """The app names a point; the student clicks the blank body; the answer is scored in cun."""

    started = Signal(str)  # view to show, blank
    reveal = Signal(object, int)  # LocateResult, step (0 = only the click and score, 1-3 = steps)
    stopped = Signal()

    def __init__(self, content, store, parent=None, extra_decks=()):
        super().__init__(parent)
        self.content = content
        self.store = store
        self.drill: LocateDrill | None = None
        self.target: tuple[str, str] | None = None
        self.result = None
        self.step = 0
        layout = QVBoxLayout(self)
        self.deck = named(QComboBox(), _("Deck of points to locate"))
        for deck in deck_choices(content, extra_decks):
            if deck.kinds and deck.kinds[0] in POINT_KINDS:  # decks of points, not muscles or categories
                self.deck.addItem(deck.title, deck)
        self.start = QPushButton(_("Next point (N)"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.prompt = _big(QLabel(_("Pick a deck and press N: you will be asked to click where a point lies.")))
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.stop = QPushButton(_("Stop (Esc)"))
        for widget in (self.deck, self.start, self.prompt, self.feedback, self.stop):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.start.clicked.connect(self.next_point)
        self.stop.clicked.connect(self.finish)
        self.keys = {Qt.Key.Key_N: self.next_point, Qt.Key.Key_Space: self.next_step,
                     Qt.Key.Key_Escape: self.finish}

    @property
    def active(self) -> bool:
        return self.target is not None and self.result is None

    @property
    def running(self) -> bool:
        return self.target is not None

    def next_point(self) -> None:
        deck = self.deck.currentData()
        if self.drill is None or self.drill.deck != deck:
            self.drill = LocateDrill(self.content, self.store, deck)
        self.target, self.result, self.step = self.drill.next_point(), None, 0
        if self.target is None:
            self.prompt.setText(_("Nothing due in this deck right now. Well done."))
            self.stopped.emit()
            return
        code, view = self.target
        point = self.content.atlas.points[code]
        find = _("Find <b>{code} {pinyin}</b> ({name}) on the {view} view: click on the body.")
        self.prompt.setText(find.format(code=escape(code), pinyin=escape(point.pinyin),
                                        name=escape(hanzi_safe(point_name(point))), view=escape(view_word(view))))
        self.prompt.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setText("")
        self.started.emit(view)

    def click(self, x: float, y: float) -> None:
        if not self.active:
            return
        code, view = self.target
        self.result = self.drill.answer(code, view, x, y)
        self.result_click = (x, y)
        r = self.result
        more = _("Press <b>Space</b> to see how to find it, step by step; <b>N</b> for the next point.")
        self.feedback.setText(f"<h3>{escape(_score(r, cm=True))}</h3><p>{escape(r.miss_words().capitalize())}.</p>"
                              f"<p>{more}</p>")
        self.reveal.emit(self.result, 0)

    def next_step(self) -> None:
        if self.result is None or self.step >= 3:
            return
        self.step += 1
        steps = "".join(f"<li>{escape(text)}</li>" for text in self.result.steps[:self.step])
        self.feedback.setText(f"<h3>{escape(_score(self.result))}</h3>"
                              f"<p>{escape(self.result.miss_words().capitalize())}.</p><ol>{steps}</ol>")
        self.reveal.emit(self.result, self.step)

    def finish(self) -> None:
        self.target, self.result = None, None
        self.stopped.emit()


class StudyPanel(QTabWidget):
    def __init__(self, content, store, parent=None, extra_decks=()):
        super().__init__(parent)
        self.setObjectName("study")
        self.cards = CardsTab(content, store, extra_decks=extra_decks)
        self.locate = LocateTab(content, store, extra_decks=extra_decks)
        self.addTab(self.cards, _("Cards"))
        self.addTab(self.locate, _("Locate the point"))
        if store.note:
            self.cards.feedback.setText(escape(store.note))
        self.keys = StudyKeys(self)

    def restyle(self) -> None:
        """The cards' feedback again, in the current theme's colours."""
        self.cards.restyle()

    def running_tab(self):
        """The tab in front whose session is running, if the panel is on screen; else None."""
        tab = self.currentWidget()
        return tab if tab.isVisible() and tab.running else None
