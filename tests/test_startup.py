"""Start-up: only what the first picture needs is built before the first paint; the rest follows."""
from __future__ import annotations


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
