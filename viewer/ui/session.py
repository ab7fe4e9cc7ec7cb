"""The window's size, panel layout and view, kept between sessions in the user data folder."""
from __future__ import annotations

from PySide6.QtCore import QSettings

FILE_NAME = "window.ini"


def _settings(window) -> QSettings | None:
    if window.data_dir is None:
        return None
    return QSettings(str(window.data_dir / FILE_NAME), QSettings.Format.IniFormat)


def restore_layout(window) -> None:
    settings = _settings(window)
    if settings is None or settings.status() != QSettings.Status.NoError:
        return  # an unreadable file is simply not used; the next close writes a good one
    geometry, state = settings.value("geometry"), settings.value("state")
    if geometry is not None:
        window.restoreGeometry(geometry)
    if state is not None:
        window.restoreState(state)
    view = settings.value("view", "front")
    if view in window.content.body.views:
        window.set_view(view)


def save_layout(window) -> None:
    settings = _settings(window)
    if settings is None:
        return
    settings.setValue("geometry", window.saveGeometry())
    settings.setValue("state", window.saveState())
    settings.setValue("view", window.current_view)
    settings.sync()
