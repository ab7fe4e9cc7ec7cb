"""Shared fixtures. Qt runs offscreen; no test touches the real user data folder."""
from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never read or write the real start-up cache.
os.environ["MERIDIAN_VIEWER_CACHE"] = tempfile.mkdtemp(prefix="meridian-viewer-test-cache-")
os.environ.setdefault("MERIDIAN_VIEWER_DATA", os.path.join(os.path.dirname(__file__), ".no-such-dir"))

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path, monkeypatch):
    """Point the user data folder at a fresh temporary folder for every test."""
    monkeypatch.setenv("MERIDIAN_VIEWER_DATA", str(tmp_path / "userdata"))


@pytest.fixture(scope="session")
def content():
    """The bundled atlas, loaded and placed once (read-only in tests)."""
    from viewer.atlas.content import load_content

    return load_content()


@pytest.fixture()
def window(qtbot, content, tmp_path):
    """A main window on the bundled content, shown offscreen at a fixed size."""
    from viewer.app import create_window

    win = create_window(content=content, data_dir=tmp_path / "userdata", size=(1400, 900))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
