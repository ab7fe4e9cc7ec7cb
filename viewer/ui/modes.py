"""Two ways of showing the app to other people: the patient view and the presentation mode."""
from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QToolBar, QVBoxLayout, QWidget

from ..atlas import i18n
from ..atlas.i18n import _
from ..atlas.keys import describe_key, parse
from ..atlas.localize import localize
from ..atlas.viewstate import Mode, ViewState
from . import theme
from .accessibility import named
from .diagram_keys import neighbour
from .fonts import relative_font
from .patient_language import PatientLanguage, combo
from .safe_browser import SafeBrowser
from .safe_text import escape

PATIENT_SECTIONS = ("session", "feel", "purpose", "safety")


def hide_docks(window, keep=None):
    """Remember the window layout and hide every dock but ``keep``; returns the saved state."""
    state = window.saveState()
    for dock in window.findChildren(QDockWidget):
        if dock is not keep:
            dock.hide()
    return state


class PatientPanel(SafeBrowser):
    """Large, calm text: the plan in plain words and what to expect."""

    def __init__(self, content, parent=None):
        super().__init__(parent)
        self.setObjectName("patient")
        named(self, _("The plan, for the patient"))
        self.content = content
        relative_font(self, 1.45)

    @staticmethod
    def _care(local, item) -> str:
        """The point's caution labels, in the vocabulary's words (trigger points have none)."""
        point = local.content.atlas.points.get(item.ref) if item.kind == "point" else None
        labels = local.caution_labels(point.caution_tags) if point else []
        if not labels:
            return ""
        # Translators: the patient view's caution line under a point; {labels} lists caution labels.
        care = _("Care: {labels}").format(labels=_(", ").join(labels))
        return f"<br><span style='color:{theme.css('caution')}'>{escape(care)}</span>"

    def show_plan(self, plan, lang: str | None = None) -> None:
        """The plan and what to expect, in ``lang`` (the patient's language; None = the user's)."""
        with i18n.language(lang) as chosen:
            self.setHtml(self._html(localize(self.content, chosen), plan))
        self.shown_language = chosen

    def _html(self, local, plan) -> str:
        overview = local.content.overview
        items = "".join(f"<li>{escape(local.caption(item.key))}"
                        + self._care(local, item)
                        + (f"<br><span style='color:{theme.css('muted')}'>{escape(item.note)}</span>"
                           if item.note else "")
                        + "</li>" for item in plan.items)
        parts = [f"<h2>{escape(plan.title)}</h2>"]
        intro = (_("The points on the picture, in order:") if plan.items
                 else _("No points have been added to the plan yet."))
        parts.append(f"<p>{escape(intro)}</p>" + (f"<ol>{items}</ol>" if plan.items else ""))
        if plan.note:
            parts.append(f"<p>{escape(plan.note)}</p>")
        for section in overview.sections:
            if section.id in PATIENT_SECTIONS:
                text = section.text["patient"]
                parts.append(f"<h3>{escape(section.title)}</h3><p>{escape(text['shared'])}</p>")
        parts.append(f"<p style='color:{theme.css('muted')}'><i>{escape(overview.disclaimer)}</i></p>")
        return "".join(parts)


class PatientView(QObject):
    """One switch: every panel hidden, only the plan on the body and the plain-language panel.

    ``window`` is the main window only as the QMainWindow the docks are laid out on; the rest comes in:
    the view state, the scenes (built on demand), the diagram, the plan panel and the untranslated content."""

    def __init__(self, window, *, state: ViewState, scenes, diagram, plan_panel, source_content,
                 language: PatientLanguage | None = None):
        super().__init__(window)
        self.window = window
        self.state, self.scenes, self.diagram, self.plan_panel = state, scenes, diagram, plan_panel
        self.panel = PatientPanel(source_content)  # rendered in the patient's language
        self.language = language if language is not None else PatientLanguage(self)
        self.language.changed.connect(lambda _lang: self.refresh())
        self.dock = QDockWidget(_("For the patient"), window)
        self.dock.setObjectName("patient_dock")
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(6, 4, 6, 0)
        label = QLabel(_("Patient's language:"))
        self.language_box = combo(self.language, holder)
        label.setBuddy(self.language_box)
        row.addWidget(label)
        row.addWidget(self.language_box, 1)
        column.addLayout(row)
        column.addWidget(self.panel, 1)
        self.dock.setWidget(holder)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.active = False
        self._state = None
        self._zoom = None  # (zoom, centre in scene units) of the diagram before the patient view

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        win = self.window
        self.active = on
        if on:
            diagram = self.diagram
            self._zoom = (diagram.zoom, diagram.mapToScene(diagram.viewport().rect().center()))
            self._state = hide_docks(win, keep=self.dock)
            self.dock.show()
            self.dock.setMinimumWidth(420)
            self.state.mode = Mode.PATIENT
            self.refresh()
            self._turn_to_plan()
        else:
            self.dock.hide()
            if self.state.mode is Mode.PATIENT:
                self.state.mode = Mode.NORMAL
            if self._state is not None:
                win.restoreState(self._state)
            self._restore_zoom()

    def _restore_zoom(self) -> None:
        """The diagram as it was before: the patient view's close-up framing is not kept."""
        if self._zoom is None:
            return
        zoom, centre = self._zoom
        diagram = self.diagram
        self.window.layout().activate()  # the panels are back: fit to the diagram's real size
        diagram.fit()
        if zoom != 1.0:
            diagram.zoom_by(zoom)
        diagram.centerOn(centre)

    def refresh(self) -> None:
        """Show exactly the plan on every view (called again when the plan changes)."""
        if not self.active:
            return
        self.state.plan = self.plan_panel.plan.keys()
        self.panel.show_plan(self.plan_panel.plan, self.language.effective())
        self.frame()

    def _turn_to_plan(self) -> None:
        """Turn to the view that shows the most items of the plan (a low-back plan opens on the back),
        keeping the current view when it shows as many."""
        def shown(view: str) -> int:
            scene = self.scenes.build(view)  # built as the state says
            return sum(i.isVisible() for i in scene.markers) + sum(t.isVisible() for t in scene.triggers.markers)

        current = self.state.view
        counts = {view: shown(view) for view in self.scenes.views}
        best = max(counts, key=lambda v: (counts[v], v == current))
        if counts[best] > counts.get(current, 0):
            self.state.view = best
            self.frame()

    def frame(self) -> None:
        """Zoom the diagram onto the plan's points on the current view (the whole figure if none)."""
        scene = self.scenes.get(self.state.view)
        if scene is None:
            return
        shown = [i.scenePos() for i in scene.markers if i.isVisible()] + \
                [t.scenePos() for t in scene.triggers.markers if t.isVisible()]
        if not shown:
            self.diagram.fit()
            return
        xs, ys = [p.x() for p in shown], [p.y() for p in shown]
        self.diagram.fit_to(QRectF(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1))


class PointerHighlight(QWidget):
    """A soft yellow disc that follows the mouse over the diagram, for a projector audience."""

    RADIUS = 34

    def __init__(self, view):
        super().__init__(view)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.pos_ = None
        self.view = view
        view.viewport().setMouseTracking(True)
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.MouseMove and self.isVisible():
            self.setGeometry(self.view.viewport().geometry())
            self.pos_ = event.position()
            self.update()
        return False

    def paintEvent(self, event) -> None:
        if self.pos_ is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.color("pointer"))
        painter.drawEllipse(QPointF(self.pos_), self.RADIUS, self.RADIUS)
        painter.end()


def caption_text(content, plan, code: str) -> str:
    """What the audience reads under the figure: the item's position in the plan, name and note."""
    if not code:
        return ""
    selected = parse(code)
    if selected.is_muscle:
        muscle = content.muscles.muscles.get(selected.ref)
        return muscle.name if muscle else ""
    known = content.muscles.trigger_points if selected.is_trigger_point else content.atlas.points
    if selected.ref not in known:
        return ""
    keys = plan.keys()
    text = describe_key(content, code)
    if code in keys:
        item = plan.items[keys.index(code)]
        text = f"{keys.index(code) + 1} / {len(keys)}   {text}" + (f"\n{item.note}" if item.note else "")
    return text


class Caption(QLabel):
    """The current item's name and note, large, at the foot of the diagram (presentation mode)."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.setObjectName("presentation_caption")
        self.setTextFormat(Qt.TextFormat.PlainText)  # names and notes come from data files and plans
        self.setWordWrap(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        relative_font(self, 1.9)
        self.restyle()
        self.hide()
        view.installEventFilter(self)

    def restyle(self) -> None:
        colours = f"color: {theme.css('caption_text')}; background: {theme.qss('caption_bg')}"
        self.setStyleSheet(f"{colours}; padding: 10px 18px; border-radius: 8px")

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        self.place()

    def place(self) -> None:
        width = max(200, self.view.width() - 80)
        self.setFixedWidth(width)
        self.adjustSize()
        self.move(40, self.view.height() - self.height() - 30)
        self.raise_()

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False


class PresentationMode(QObject):
    """Full screen, high contrast, big labels, driven from the keyboard (F5 toggles, Esc leaves)."""

    KEYS: ClassVar[dict] = {
        "next": (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space),
        "previous": (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace),
        "leave": (Qt.Key.Key_Escape,),
    }

    def __init__(self, window, *, state: ViewState, selection, diagram, plan_panel, content, zoom_to_selection):
        """``window``: the QMainWindow made full screen; ``zoom_to_selection(factor)`` frames the selection."""
        super().__init__(window)
        self.window = window
        self.state, self.selection, self.diagram, self.plan_panel = state, selection, diagram, plan_panel
        self.content, self.zoom_to_selection = content, zoom_to_selection
        self.clear_action = None  # Esc's usual meaning, given up while presenting (see actions.build_actions)
        self.active = False
        self.highlight = PointerHighlight(diagram)
        self.highlight.hide()
        self.caption = Caption(diagram)
        selection.changed.connect(self._on_selection_changed)
        self._shortcuts: list[QShortcut] = []
        self._was_maximized = False

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        win = self.window
        self.active = on
        if on:
            self._state = hide_docks(win)
            self._was_maximized = win.isMaximized()
            win.menuBar().hide()
            win.statusBar().hide()
            self._toolbars = [t for t in win.findChildren(QToolBar) if t.isVisible()]
            for toolbar in self._toolbars:
                toolbar.hide()
            self.diagram.setBackgroundBrush(theme.color("presentation"))
            self.state.presenting = True
            self.highlight.setGeometry(self.diagram.viewport().geometry())
            self.highlight.show()
            self.highlight.raise_()
            self.clear_action.setEnabled(False)  # Esc leaves the presentation instead
            for action, keys in self.KEYS.items():
                for key in keys:
                    shortcut = QShortcut(QKeySequence(key), win)
                    shortcut.activated.connect(getattr(self, action))
                    self._shortcuts.append(shortcut)
            win.showFullScreen()
            self._on_selection_changed(self.selection.code)
        else:
            self.caption.hide()
            for shortcut in self._shortcuts:
                shortcut.setEnabled(False)
                shortcut.deleteLater()
            self._shortcuts = []
            self.clear_action.setEnabled(True)
            self.highlight.hide()
            self.state.presenting = False
            self.diagram.setBackgroundBrush(theme.color("canvas"))
            win.menuBar().show()
            win.statusBar().show()
            for toolbar in self._toolbars:
                toolbar.show()
            win.restoreState(self._state)
            win.showMaximized() if self._was_maximized else win.showNormal()

    def _on_selection_changed(self, code, _key=None) -> None:
        if self.active:
            self.caption.show_text(caption_text(self.content, self.plan_panel.plan, code or ""))

    def _step(self, step: int) -> None:
        keys = self.plan_panel.plan.keys()
        current = self.selection.code
        if keys:
            index = keys.index(current) + step if current in keys else (0 if step > 0 else len(keys) - 1)
            self.selection.select(keys[index % len(keys)])
        else:
            self.selection.select(neighbour(self.content, current, step))
        self.zoom_to_selection(3.0)

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def leave(self) -> None:
        self.set_active(False)
