"""The body diagram without a mouse, and for a screen reader.

Keys while the diagram has the focus (also listed in Help ▸ Keyboard shortcuts, from ``NAV_KEYS``):

- Tab / Shift+Tab and the arrow keys step to the next / previous point of the selected point's channel
  (for a muscle or trigger point: of its body region), as ``]`` / ``[`` do. With nothing selected the
  arrow keys pan a zoomed figure and Tab moves on to the next panel, so the focus is never trapped:
  Esc clears the selection (then Tab leaves), and Ctrl+Tab / Ctrl+Shift+Tab leave the diagram at any time.
- While the keyboard crosshair is shown (X), the arrow keys move it instead (see ``crosshair.py``).

The diagram's accessible name says the view and what is selected, its description the point's location;
each change of selection is also announced.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt

from ..atlas.i18n import N_, _
from ..atlas.keys import muscle_key, parse, trigger_key
from .accessibility import announce, give_mnemonics

NEXT, PREVIOUS, LEAVE_FORWARD, LEAVE_BACK = "next", "previous", "leave forward", "leave back"
# (key, with Ctrl) -> what it does; arrows step only while something is selected (else they pan).
NAV_KEYS = {
    (Qt.Key.Key_Tab, False): NEXT, (Qt.Key.Key_Backtab, False): PREVIOUS,
    (Qt.Key.Key_Right, False): NEXT, (Qt.Key.Key_Down, False): NEXT,
    (Qt.Key.Key_Left, False): PREVIOUS, (Qt.Key.Key_Up, False): PREVIOUS,
    (Qt.Key.Key_Tab, True): LEAVE_FORWARD, (Qt.Key.Key_Backtab, True): LEAVE_BACK,
}
# What the reference lists (Help ▸ Keyboard shortcuts), checked against NAV_KEYS by the tests.
KEY_ROWS = ((N_("Diagram"), "Tab  Shift+Tab",
             N_("Next / previous point of the selected point's channel (of a muscle or trigger point: of its body "
                "region); with nothing selected, Tab moves on to the panels")),
            (N_("Diagram"), "→  ↓  ←  ↑",
             N_("Next (→ ↓) / previous (← ↑) point, as Tab; with nothing selected they pan")),
            (N_("Diagram"), "Ctrl+Tab  Ctrl+Shift+Tab", N_("Leave the diagram for the next / previous control")))
_IGNORED = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier  # Shift+Tab is Backtab


def neighbour(content, code: str, step: int) -> str:
    """The point ``step`` places on from ``code`` along its channel; for a muscle key the muscle, for a
    trigger point key the trigger point, so many places on in its body region (both wrap
    around). With nothing (or something unknown) selected: the atlas's first point."""
    atlas, muscles = content.atlas, content.muscles
    key = parse(code)
    if key.is_point and key.ref in atlas.points:
        ring = list(atlas.meridians[atlas.points[key.ref].meridian].points)
    elif key.is_muscle and key.ref in muscles.muscles:
        region = muscles.muscles[key.ref].region
        ring = [muscle_key(m.id) for m in muscles.muscles.values() if m.region == region]
    elif key.is_trigger_point and key.ref in muscles.trigger_points:
        region = muscles.muscles[muscles.trigger_points[key.ref].muscle].region
        ring = [trigger_key(tp.id) for m in muscles.muscles.values() if m.region == region for tp in m.trigger_points]
    else:
        return next(iter(atlas.points), "")
    return ring[(ring.index(code) + step) % len(ring)]


def spoken(content, code: str) -> tuple[str, str]:
    """(short, long) words for the selection: 'ST36 Zúsānlǐ, Leg Three Li, Stomach 36' and where it lies."""
    muscles, key = content.muscles, parse(code)
    if key.is_muscle:
        muscle = muscles.muscles[key.ref]
        return _("Muscle {name}").format(name=muscle.name), muscle.summary
    if key.is_trigger_point:
        tp = muscles.trigger_points[key.ref]
        muscle = muscles.muscles[tp.muscle]
        return (_("Trigger point {id} of {muscle}").format(id=tp.id, muscle=muscle.name),
                _("{where}. {symptoms}").format(where=tp.name, symptoms=muscle.symptoms))
    if not key.is_point:  # a spot of the body asked about in "where does it hurt?"
        return (_("A spot on the {view} view").format(view=key.ref.split(":")[0]),
                _("The candidates are listed in the Where it hurts panel"))
    point = content.atlas.points[key.ref]
    channel = content.atlas.meridians[point.meridian].name
    number = f" {point.number}" if point.number is not None else ""
    return f"{code} {point.pinyin}, {point.english}, {channel}{number}", point.location


class DiagramVoice(QObject):
    """Keeps the diagram's accessible name and description true and announces each new selection."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        window.selection.changed.connect(self._on_selection_changed)
        for action in window.view_actions.values():
            action.toggled.connect(lambda on: on and self.update())
        self.update()

    def update(self) -> str:
        win = self.window
        view = win.current_view
        code = win.selection.code
        if code:
            short, long = spoken(win.content, code)
            name, description = _("Body diagram, {view} view: {selected}").format(view=view, selected=short), long
        else:
            name = _("Body diagram, {view} view: nothing selected").format(view=view)
            description = _("Search with Ctrl+F, or press ] for a first point; then Tab or the arrow keys step "
                            "along its channel. X shows a crosshair to answer or to ask where it hurts.")
        win.diagram.setAccessibleName(name)  # Qt tells assistive technology the name and description changed
        win.diagram.setAccessibleDescription(description)
        return name

    def _on_selection_changed(self, code: str, _key=None) -> None:
        self.update()
        if code:
            short, long = spoken(self.window.content, code)
            announce(self.window.diagram, _("{selected}. {where}").format(selected=short, where=long))


class DiagramKeys(QObject):
    """Tab, Shift+Tab and the arrow keys on the diagram (a filter on the view); the crosshair's keys first."""

    def __init__(self, window, crosshair=None):
        super().__init__(window)
        self.window = window
        self.crosshair = crosshair
        window.diagram.installEventFilter(self)

    def action(self, event) -> str | None:
        if event.modifiers() & ~(_IGNORED | Qt.KeyboardModifier.ControlModifier):
            return None
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        what = NAV_KEYS.get((event.key(), ctrl))
        if what in (NEXT, PREVIOUS) and not self.window.selection.code:
            return None  # nothing to step from: Tab moves on, the arrows pan
        if what in (NEXT, PREVIOUS) and event.modifiers() & Qt.KeyboardModifier.ShiftModifier \
                and event.key() != Qt.Key.Key_Backtab:
            return None
        return what

    def eventFilter(self, obj, event) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if self.crosshair is not None and self.crosshair.handles(event):
            return True
        # Shortcuts go first (presentation mode's arrows walk the plan): only a plain key press is taken.
        what = self.action(event) if event.type() == QEvent.Type.KeyPress else None
        if what is None:
            return False
        event.accept()
        if what in (NEXT, PREVIOUS):
            self.window.step_point(1 if what == NEXT else -1)
        else:
            self.window.diagram.focusNextPrevChild(what == LEAVE_FORWARD)
        return True


def install(window) -> None:
    """The diagram's voice and keys (the crosshair, made with the menus, is ``window.crosshair``); an
    &-letter for every menu entry without a shortcut."""
    give_mnemonics(window.menuBar())
    window.diagram_voice = DiagramVoice(window)
    window.diagram_keys = DiagramKeys(window, getattr(window, "crosshair", None))
    for action in window.view_actions.values():  # the crosshair goes along to another view
        action.toggled.connect(lambda on: on and window.crosshair.follow_view())
