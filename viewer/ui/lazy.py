"""Work that need not be in the window's first picture: panels behind a tab build their content the
first time their tab is shown; other work is queued to run after the diagram's first paint."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer


class AfterFirstPaint(QObject):
    """Runs queued tasks once ``widget`` has painted for the first time, one task per event-loop turn,
    so the window appears first and stays responsive while the rest is prepared."""

    def __init__(self, widget, parent):
        super().__init__(parent)
        self.tasks: list = []
        self.painted = False
        self._timer = QTimer(self)  # the window's child: never calls into a deleted window
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run_one)
        widget.installEventFilter(self)

    def add(self, task) -> None:
        self.tasks.append(task)
        if self.painted and not self._timer.isActive():
            self._timer.start(0)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            obj.removeEventFilter(self)
            self._timer.start(0)
        return False

    def finish(self) -> None:
        """Run every queued task now (a screenshot shows the window as it is once they are done)."""
        while self.tasks:
            self._run_one()

    def _run_one(self) -> None:
        if self.tasks:
            self.tasks.pop(0)()
        if self.tasks:
            self._timer.start(0)


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
