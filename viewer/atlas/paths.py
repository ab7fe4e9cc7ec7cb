"""Where the user's files live (data packs, favourites, the start-up cache), without asking Qt.

``platformdirs`` knows each platform's convention (XDG on Linux, Application Support on macOS, the
roaming AppData on Windows); two environment variables override it for tests and classrooms.
"""
from __future__ import annotations

import os
from pathlib import Path

APP_DIR = "meridian-viewer"
ENV_OVERRIDE = "MERIDIAN_VIEWER_DATA"
CACHE_ENV = "MERIDIAN_VIEWER_CACHE"  # a folder, or "off"


def user_data_dir() -> Path:
    """The per-user data folder; ``$MERIDIAN_VIEWER_DATA`` overrides it (tests, classrooms)."""
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return Path(override)
    import platformdirs

    # roaming: Windows keeps it in %APPDATA%, where earlier versions put it (and where it follows the user)
    return Path(platformdirs.user_data_dir(APP_DIR, appauthor=False, roaming=True))


def user_cache_dir() -> Path | None:
    """The per-user cache folder; ``$MERIDIAN_VIEWER_CACHE`` overrides it, ``off`` disables caching."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return None if override.lower() == "off" else Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_DIR, appauthor=False))
