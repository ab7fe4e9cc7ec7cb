"""Application start-up: one QApplication, the content, the main window."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from . import APP_NAME
from .atlas import keys
from .atlas.codes import resolve_code
from .atlas.content import load_content
from .atlas.i18n import _
from .atlas.paths import user_data_dir
from .atlas.store import atomic_write_bytes, remove_stale_temps

# Harmless notices of the offscreen platform (used for --screenshot); anything else is shown.
_QUIET = ("This plugin does not support propagateSizeHints",)


def _message_handler(mode, context, message: str) -> None:
    if any(message.startswith(q) for q in _QUIET):
        return
    level = {QtMsgType.QtDebugMsg: "debug", QtMsgType.QtInfoMsg: "info"}.get(mode, "warning")
    print(f"qt {level}: {message}", file=sys.stderr)


def ensure_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(_message_handler)
        app = QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setOrganizationName("Meridian Viewer")
        app.setApplicationDisplayName(APP_NAME)
    return app


def create_window(view=None, select=None, size=(1600, 1000), content=None, data_dir=None, channels=None,
                  panels_later=False):
    """The main window; ``panels_later``: its side panels are made just after its first paint (start-up)."""
    from .ui.appearance import fit_docks
    from .ui.main_window import MainWindow

    data_dir = user_data_dir() if data_dir is None else data_dir
    remove_stale_temps(data_dir)  # left by saves that were killed (power cut, kill -9)
    content = content or load_content(data_dir=data_dir)
    window = MainWindow(content, data_dir=data_dir, panels_later=panels_later)
    window.resize(*size)
    fit_docks(window)  # side panels as wide as the remembered text size needs, now the window has its size
    if select:
        code = resolve_code(content.atlas, select) or _muscle_key(content, select)
        if code is None:
            raise KeyError(_("no point called {name!r} (try a WHO code such as BL23, a muscle id such as "
                             "quadratus_lumborum or a trigger point id)").format(name=select))
        if view:
            window.set_view(view)
        window.select(code)
    if view:
        window.set_view(view)
    if channels:
        window.show_only_channels(channels)
    return window


def _muscle_key(content, text: str) -> str | None:
    """A muscle id or a trigger point id, bare or as a selection key -> its selection key."""
    muscles = content.muscles
    bare = keys.parse(text).ref
    if bare in muscles.muscles:
        return keys.muscle_key(bare)
    if bare in muscles.trigger_points:
        return keys.trigger_key(bare)
    return None


def save_screenshot(window, path: Path, zoom: float = 1.0) -> Path:
    """Lay the window out offscreen, paint it and save it as PNG."""
    window.show()
    app = QApplication.instance()
    for _round in range(3):
        app.processEvents()
    window.after_paint.finish()  # what the window prepares after its first paint is in the picture too
    window.diagram.fit()
    if zoom and zoom != 1.0:
        window.zoom_to_selection(zoom)
    elif window.patient_view.active:
        window.patient_view.frame()
    app.processEvents()
    pixmap = window.grab()
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, "PNG"):
        raise OSError(f"could not encode the screenshot for {path}")
    atomic_write_bytes(path, bytes(buffer.data()))
    return path


class _FirstPaint(QObject):
    def __init__(self, window, started: float):
        super().__init__(window)
        self.window, self.started = window, started

    def _say(self, what: str) -> None:
        print(f"{what} at {time.time():.6f} ({time.perf_counter() - self.started:.4f} s after main, "
              f"{time.process_time():.4f} s of CPU)", flush=True)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._say("first paint")
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._when_complete)
        return False

    def _when_complete(self) -> None:
        if not self.window.panels_built:  # made just after the first paint, one event-loop turn later
            QTimer.singleShot(0, self._when_complete)
            return
        self._say("panels ready")
        QApplication.instance().quit()


def quit_on_first_paint(window, started: float) -> None:
    """Benchmark hook: report the diagram's first paint and the moment the side panels are made, then quit."""
    window.diagram.viewport().installEventFilter(_FirstPaint(window, started))
