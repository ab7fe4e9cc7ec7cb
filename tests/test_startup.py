"""Start-up: only what the first picture needs is built before the first paint; the rest follows."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Not needed for the window's first picture: each is imported when first used.
LOADED_LATER = ("PySide6.QtPrintSupport", "PySide6.QtSvg", "fsrs", "sqlite3", "viewer.atlas.study",
                "viewer.atlas.finder", "viewer.ui.study_panel", "viewer.ui.handout", "viewer.ui.quiz_sheet",
                "viewer.ui.shortcuts", "viewer.ui.packs_dialog", "viewer.ui.correspondence",
                "viewer.ui.notice")


def test_first_paint_comes_before_tree_welcome_text_and_other_views(qtbot, content, tmp_path):
    """Before the first paint: one scene, an empty tree and no details text; soon after: all of them."""
    from viewer.app import create_window

    win = create_window(content=content, data_dir=tmp_path / "userdata", size=(1200, 800))
    qtbot.addWidget(win)
    assert list(win.scenes) == ["front"]
    assert win.browse.tree.topLevelItemCount() == 0 and win.details.toPlainText() == ""
    win.show()
    qtbot.waitUntil(lambda: win.after_paint.painted)
    qtbot.waitUntil(lambda: set(win.scenes) == set(content.body.views), timeout=10000)
    assert win.browse.tree.topLevelItemCount() > 10
    assert "Click a point on the diagram" in win.details.toPlainText()


def test_selection_before_the_tree_is_filled_is_marked_when_it_is(qtbot, content, tmp_path):
    """A point selected at start (e.g. --select) is the current row once the tree is filled."""
    from viewer.app import create_window

    win = create_window(content=content, data_dir=tmp_path / "userdata", size=(1200, 800), select="BL23")
    qtbot.addWidget(win)
    assert "BL23" in win.details.toPlainText()  # asked for: shown at once
    win.show()
    qtbot.waitUntil(lambda: win.browse.tree.currentItem() is not None)
    assert win.browse.tree.currentItem().text(0) == "BL23"
    assert "BL23" in win.details.toPlainText()  # the welcome text did not replace it


def test_search_index_is_built_after_the_first_paint(qtbot, tmp_path):
    """Loading the content and building the window leave the search index for later; Browse builds it."""
    from viewer.app import create_window
    from viewer.atlas.content import load_content

    fresh = load_content(data_dir=tmp_path / "userdata")
    assert fresh.search is None
    win = create_window(content=fresh, data_dir=tmp_path / "userdata", size=(1000, 700))
    qtbot.addWidget(win)
    assert fresh.search is None
    win.show()
    qtbot.waitUntil(lambda: fresh.search is not None)
    assert win.browse.index is fresh.search
    win.browse.search.setText("zusanli")
    assert win.browse.visible_codes()[0] == "ST36"


def test_starting_up_to_the_first_paint_loads_no_dialog_printing_study_or_finder_code(tmp_path):
    """A real start (``--quit-on-paint``) imports none of LOADED_LATER: an eager import would slow every start."""
    code = "import sys; from viewer.__main__ import main; main(['--quit-on-paint']); print(*sys.modules)"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MERIDIAN_VIEWER_DATA=str(tmp_path / "userdata"))
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300, check=True)
    loaded = set(out.stdout.split())
    assert "viewer.ui.main_window" in loaded and "first" in loaded  # it did start and paint
    assert sorted(loaded.intersection(LOADED_LATER)) == []
