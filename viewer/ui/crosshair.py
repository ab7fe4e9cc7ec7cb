"""A crosshair moved with the keyboard: what a click on the body does, without a mouse.

X (View ▸ Keyboard crosshair) shows it on the selected point or in the middle of the view and gives the
diagram the focus; the arrow keys move it (Shift: bigger steps; the steps are screen pixels, so zooming
in makes them finer); Enter answers the locate-the-point question at the crosshair or, outside
locate-the-point, asks "where does it hurt?" there; Esc hides it. It is drawn in ink over a broad white
halo (theme colours ``crosshair`` and ``crosshair_halo``), so it reads on the skin, on the channel lines
and on the canvas of every theme.
"""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem

from ..atlas.i18n import N_, _
from . import theme
from .accessibility import announce

STEP_PX, BIG_STEP_PX = 4, 24  # one arrow press, with and without Shift
ARM_PX, GAP_PX = 22.0, 5.0  # length of each arm, and the gap left open over the spot itself
MOVES = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
ANSWER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# What the reference lists (Help ▸ Keyboard shortcuts), checked against MOVES and ANSWER_KEYS by the tests.
KEY_ROWS = ((N_("Crosshair"), "X", N_("Show or hide the keyboard crosshair (on the selected point or mid-view)")),
            (N_("Crosshair"), "←  →  ↑  ↓", N_("Move the crosshair; with Shift in bigger steps")),
            (N_("Crosshair"), "Enter", N_("Answer 'locate the point' there, or ask 'where does it hurt?' there")),
            (N_("Crosshair"), "Esc", N_("Hide the crosshair")))


class CrosshairItem(QGraphicsItem):
    """Four arms around an open centre and a small ring; the same size on screen at any zoom."""

    def __init__(self):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(60)  # above markers, labels and the locate feedback

    def boundingRect(self) -> QRectF:
        reach = ARM_PX + 4
        return QRectF(-reach, -reach, 2 * reach, 2 * reach)

    def paint(self, painter, _option, widget=None) -> None:
        if widget is None:  # the scene rendered into an image (File ▸ Export view image): no crosshair there
            return
        arms = [(QPointF(GAP_PX * dx, GAP_PX * dy), QPointF(ARM_PX * dx, ARM_PX * dy))
                for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))]
        for colour, width in (("crosshair_halo", 6.0), ("crosshair", 2.0)):  # the halo first, ink on top
            pen = QPen(theme.color(colour), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            for start, end in arms:
                painter.drawLine(start, end)
            painter.drawEllipse(QPointF(0, 0), GAP_PX + 5, GAP_PX + 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.color("select"))
        painter.drawEllipse(QPointF(0, 0), 1.8, 1.8)


class Crosshair(QObject):
    """Shows, moves and answers with the crosshair on the window's current scene."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.item = CrosshairItem()
        self.action = None  # the checkable menu entry, set by the actions

    def follow_view(self) -> None:
        """Another view was turned to: the crosshair goes with it, to the middle of the view."""
        if self.item.scene() is None or self.visible:
            return
        self.item.scene().removeItem(self.item)
        diagram = self.window.diagram
        self.item.setPos(diagram.mapToScene(diagram.viewport().rect().center()))
        diagram.scene().addItem(self.item)

    @property
    def visible(self) -> bool:
        return self.item.scene() is not None and self.item.scene() is self.window.diagram.scene()

    def set_visible(self, on: bool) -> None:
        (self.show if on else self.hide)()

    def show(self) -> None:
        win = self.window
        scene = win.diagram.scene()
        if scene is None:
            return
        if self.item.scene() is not None:
            self.item.scene().removeItem(self.item)
        selected = scene.selected_items() if hasattr(scene, "selected_items") else []
        if selected:  # the marker that was picked, not its pair on the other side
            self.item.setPos(next((i for i in selected if i.state == "selected"), selected[0]).pos())
        else:
            self.item.setPos(win.diagram.mapToScene(win.diagram.viewport().rect().center()))
        scene.addItem(self.item)
        self._sync_action(True)
        win.diagram.setFocus(Qt.FocusReason.ShortcutFocusReason)
        text = (_("Crosshair shown: arrow keys move it (Shift: bigger steps), Enter answers there, Esc hides it")
                if win.study.locating() else
                _("Crosshair shown: arrow keys move it (Shift: bigger steps), Enter asks where it hurts there, "
                  "Esc hides it"))
        win.messages.say(text, seconds=8)
        announce(win.diagram, text)

    def hide(self) -> None:
        if self.item.scene() is not None:
            self.item.scene().removeItem(self.item)
        self._sync_action(False)

    def _sync_action(self, on: bool) -> None:
        if self.action is not None and self.action.isChecked() != on:
            self.action.setChecked(on)

    def move(self, dx: int, dy: int, big: bool = False) -> None:
        """Move by a step (screen pixels) in the direction (dx, dy); the view follows the crosshair."""
        diagram = self.window.diagram
        step = (BIG_STEP_PX if big else STEP_PX) / max(diagram.transform().m11(), 1e-9)
        bounds = self.item.scene().sceneRect()
        x = min(max(self.item.pos().x() + dx * step, bounds.left()), bounds.right())
        y = min(max(self.item.pos().y() + dy * step, bounds.top()), bounds.bottom())
        self.item.setPos(x, y)
        diagram.ensureVisible(self.item, 40, 40)

    def position(self) -> tuple[float, float]:
        """Where the crosshair points, in model units (0..1 of the figure's height)."""
        return self.item.pos().x() / theme.SCENE_HEIGHT, self.item.pos().y() / theme.SCENE_HEIGHT

    def answer(self) -> None:
        """What a click at the crosshair does: the locate answer, or 'where does it hurt?' there."""
        win = self.window
        x, y = self.position()
        if not win.content.body.view(win.current_view).contains(x, y):
            win.messages.warn(_("The crosshair is not on the body: move it onto the figure first"), seconds=6)
            return
        if not win.study.locating() and not win.pain_action.isChecked():
            win.pain_action.trigger()  # the mode a click on a spot of the body asks in
        win.diagram.scene().spotClicked.emit(x, y)

    def handles(self, event) -> bool:
        """Take the crosshair's keys while it is shown (a filter on the diagram calls this first)."""
        if not self.visible:
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        big = modifiers == Qt.KeyboardModifier.ShiftModifier
        if key in MOVES and (modifiers == Qt.KeyboardModifier.NoModifier or big):
            run = partial(self.move, *MOVES[key], big=big)
        elif key in ANSWER_KEYS and modifiers == Qt.KeyboardModifier.NoModifier:
            run = self.answer
        elif key == Qt.Key.Key_Escape and modifiers == Qt.KeyboardModifier.NoModifier:
            run = self.hide
        else:
            return False
        event.accept()  # a ShortcutOverride accepted here keeps Esc from clearing the selection
        if event.type() == QEvent.Type.KeyPress:
            run()
        return True
