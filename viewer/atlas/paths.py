"""Where the user's files live (data packs, favourites), without asking Qt."""
from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_OVERRIDE = "MERIDIAN_VIEWER_DATA"


def user_data_dir() -> Path:
    """The per-user data folder; ``$MERIDIAN_VIEWER_DATA`` overrides it (tests, classrooms)."""
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "meridian-viewer"
