"""Shared fixtures. Qt runs offscreen; no test touches the real user data folder."""
from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never read or write the real start-up cache.
os.environ["MERIDIAN_VIEWER_CACHE"] = tempfile.mkdtemp(prefix="meridian-viewer-test-cache-")
os.environ.setdefault("MERIDIAN_VIEWER_DATA", os.path.join(os.path.dirname(__file__), ".no-such-dir"))

import pytest


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true",
                     help="also run the slow tests (offline install into a fresh venv); .ci/run does")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow (CI runs it after the README command)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path, monkeypatch):
    """Point the user data folder at a fresh temporary folder for every test."""
    monkeypatch.setenv("MERIDIAN_VIEWER_DATA", str(tmp_path / "userdata"))


@pytest.fixture(autouse=True)
def _light_theme_after_each_test():
    """A test that switched the theme or text size (application-wide) leaves the next one the default."""
    yield
    import sys

    if "viewer.ui.appearance" in sys.modules:
        from viewer.ui import appearance, fonts, theme

        if theme.current() is not theme.LIGHT or fonts.text_scale() != 1.0:
            appearance.apply("light", 100)


@pytest.fixture(autouse=True)
def _unsaved_plans_are_discarded_at_teardown(monkeypatch):
    """Save / Discard / Cancel is answered "discard" unless a test replaces the answer itself."""
    from viewer.ui import dialogs

    monkeypatch.setattr(dialogs.UnsavedChanges, "ask", classmethod(lambda cls, parent, title, answer:
                                                                    answer(cls.DISCARD)))


@pytest.fixture(scope="session")
def content():
    """The bundled atlas, loaded and placed once (read-only in tests)."""
    from viewer.atlas.content import load_content

    loaded = load_content()
    loaded.search_index()  # the app builds it after its first paint; tests may use content.search at once
    return loaded


@pytest.fixture()
def window(qtbot, content, tmp_path):
    """A main window on the bundled content, shown offscreen at a fixed size."""
    from viewer.app import create_window

    win = create_window(content=content, data_dir=tmp_path / "userdata", size=(1400, 900))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # What the window defers until after its first paint: wait for the paint, then fill the tree now
    # (its queued task would do the same a few event-loop turns later).
    qtbot.waitUntil(lambda: win.after_paint.painted)
    win.browse.ensure_filled()
    return win
