"""The window's size, panel layout and view, kept between sessions in the user data folder."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget

from ..atlas.i18n import _
from .diagram import MIN_SIZE

FILE_NAME = "window.ini"


def _settings(window) -> QSettings | None:
    if window.data_dir is None:
        return None
    return QSettings(str(window.data_dir / FILE_NAME), QSettings.Format.IniFormat)


def layout_problem(data_dir) -> str:
    """Why the layout cannot be remembered (window.ini is a folder, read-only...), as a sentence, or ""."""
    path = Path(data_dir) / FILE_NAME
    if path.is_dir():
        return _("The window layout and View settings will not be remembered: {file} is a folder.").format(
            file=FILE_NAME)
    if path.exists() and not os.access(path, os.W_OK):
        return _("The window layout and View settings will not be remembered: {file} is read-only.").format(
            file=FILE_NAME)
    folder = next((p for p in (path.parent, *path.parent.parents) if p.exists()), None)
    if folder is not None and (not folder.is_dir() or not os.access(folder, os.W_OK)):
        return _("The window layout and View settings will not be remembered: the folder {folder} cannot be "
                 "written.").format(folder=folder)
    return ""


def not_saved(data_dir) -> str:
    """The sentence for a window.ini that could not be written (the reason when one is known)."""
    fallback = _("The window layout and View settings will not be remembered: {file} could not be written.")
    return layout_problem(data_dir) or fallback.format(file=FILE_NAME)


def say_once(window, problem: str) -> None:
    """Tell the user (status bar and standard error) once per window that window.ini is not saved."""
    if not problem or getattr(window, "_layout_problem_said", False):
        return
    window._layout_problem_said = True
    window.messages.warn(problem)
    print(f"meridian-viewer: {problem}", file=sys.stderr)


MIN_SHARE = 0.3  # of the window's width: a restored layout leaves at least this much to the body


def _diagram_fits(window) -> bool:
    """After a restore: does the body still get a fair share of the window?"""
    window.layout().activate()
    diagram = window.diagram.size()
    return diagram.width() >= max(MIN_SIZE[0], MIN_SHARE * window.width()) and diagram.height() >= MIN_SIZE[1]


def restore_layout(window) -> None:
    settings = _settings(window)
    if settings is None:
        return
    say_once(window, layout_problem(window.data_dir))
    if settings.status() != QSettings.Status.NoError:
        return  # an unreadable file is simply not used; the next close writes a good one
    geometry, state = settings.value("geometry"), settings.value("state")
    default_geometry = window.saveGeometry()
    if geometry is not None:
        window.restoreGeometry(geometry)
    if state is not None:
        window.restoreState(state)
    if not _diagram_fits(window):  # a layout that squeezed the body is dropped for the one built at start
        window.restoreGeometry(default_geometry)
        reset_layout(window)
    view = settings.value("view", window.content.body.registry.first)
    if view in window.content.body.views:
        window.set_view(view)


def remember_default_layout(window) -> None:
    """Keep the layout as built (before any saved one is restored), for Window ▸ Reset layout."""
    window.setProperty("default_layout", window.saveState())


def reset_layout(window) -> None:
    """Every panel back where it started, at a sensible width, so the body gets most of the window."""
    window.patient_view.set_active(False)
    window.presentation.set_active(False)
    for dock in window.findChildren(QDockWidget):
        dock.setFloating(False)
    state = window.property("default_layout")
    if state is not None:
        window.restoreState(state)
    left = [d for d in window.findChildren(QDockWidget)
            if window.dockWidgetArea(d) == Qt.DockWidgetArea.LeftDockWidgetArea and d.isVisible()]
    right = [d for d in window.findChildren(QDockWidget)
             if window.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea and d.isVisible()]
    width = max(220, window.width() // 4)
    for docks in (left, right):
        if docks:
            window.resizeDocks(docks, [width] * len(docks), Qt.Orientation.Horizontal)
    window.diagram.fit()


def save_layout(window) -> None:
    settings = _settings(window)
    if settings is None:
        return
    settings.setValue("geometry", window.saveGeometry())
    settings.setValue("state", window.saveState())
    settings.setValue("view", window.current_view)
    settings.sync()
    if settings.status() != QSettings.Status.NoError:
        say_once(window, not_saved(window.data_dir))
