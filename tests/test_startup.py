"""Start-up: only what the first picture needs is built before the first paint; the rest follows."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Not needed for the window's first picture: each is imported when first used.
LOADED_LATER = ("PySide6.QtPrintSupport", "PySide6.QtSvg", "PySide6.QtSvgWidgets", "fsrs", "sqlite3",
                "viewer.atlas.study", "viewer.atlas.finder", "viewer.atlas.export", "viewer.ui.study_panel",
                "viewer.ui.handout", "viewer.ui.printing", "viewer.ui.quiz_sheet", "viewer.ui.shortcuts",
                "viewer.ui.packs_dialog", "viewer.ui.correspondence", "viewer.ui.notice", "PIL",
                "importlib.resources")
# Read only when the start-up cache misses (first start, edited data): a warm start decodes the cache.
READ_ON_A_CACHE_MISS = ("tomllib", "svgelements", "viewer.atlas.drawing")
# Not needed to show the window with its figure: the benchmark's "floor" (bench/bench.py) imports the
# window's module, so whatever it drags in is paid by every start.
NOT_WITH_THE_WINDOW_MODULE = ("viewer.atlas.cache", "viewer.atlas.content", *LOADED_LATER,
                              *READ_ON_A_CACHE_MISS)


def _printed_by(code: str, tmp_path) -> str:
    """What a fresh interpreter prints running ``code`` offscreen, with its own user data and cache folders."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MERIDIAN_VIEWER_DATA=str(tmp_path / "userdata"),
               MERIDIAN_VIEWER_CACHE=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, check=True).stdout


def _modules_after(code: str, tmp_path) -> set[str]:
    """The modules a fresh interpreter has imported after running ``code`` (which prints sys.modules)."""
    return set(_printed_by(code, tmp_path).split())


def test_first_paint_comes_before_tree_welcome_text_and_other_views(qtbot, content, tmp_path):
    """Before the first paint: one scene, an empty tree and no details text; soon after: the other whole
    figures (the plates' scenes are built when first shown)."""
    from viewer.app import create_window

    win = create_window(content=content, data_dir=tmp_path / "userdata", size=(1200, 800))
    qtbot.addWidget(win)
    assert list(win.scenes) == ["front"]
    assert win.browse.tree.topLevelItemCount() == 0 and win.details.toPlainText() == ""
    win.show()
    qtbot.waitUntil(lambda: win.after_paint.painted)
    qtbot.waitUntil(lambda: set(win.scenes) == set(content.body.registry.full), timeout=10000)
    assert not set(win.scenes) & set(content.body.registry.plates)  # a plate's scene waits until it is shown
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
    """A real start (``--quit-on-paint``) imports none of LOADED_LATER: an eager import would slow every
    start. A warm start (the usual one, served from the start-up cache) reads no data file either."""
    code = "import sys; from viewer.__main__ import main; main(['--quit-on-paint']); print(*sys.modules)"
    cold = _modules_after(code, tmp_path)  # an empty cache: the data files are read and the cache written
    assert "viewer.ui.main_window" in cold and "first" in cold  # it did start and paint
    assert "viewer.atlas.drawing" in cold  # the drawing files were read (and the cache written)
    assert sorted(cold.intersection(LOADED_LATER)) == []
    warm = _modules_after(code, tmp_path)
    assert "viewer.ui.main_window" in warm and "first" in warm
    assert sorted(warm.intersection(LOADED_LATER + READ_ON_A_CACHE_MISS)) == []


def test_importing_the_window_module_loads_no_content_cache_dialog_or_data_reader(tmp_path):
    """``import viewer.ui.main_window`` (the benchmark's floor) stays light: it needs neither the cache
    decoder, nor the TOML or SVG readers, nor any of the code that is loaded later."""
    loaded = _modules_after("import sys; import viewer.ui.main_window; print(*sys.modules)", tmp_path)
    assert "viewer.ui.main_window" in loaded
    assert sorted(loaded.intersection(NOT_WITH_THE_WINDOW_MODULE)) == []


def test_a_warm_start_paints_before_decoding_the_muscles_or_the_safety_layer(qtbot, tmp_path, monkeypatch):
    """The muscles and the safety layer (most of the start-up cache) stay encoded until after the first
    paint; reading them later decodes them."""
    from PySide6.QtCore import QEvent, QObject

    from viewer.app import create_window
    from viewer.atlas import cache
    from viewer.atlas.content import load_content

    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    load_content(data_dir=tmp_path / "userdata")  # the first start writes the cache
    content = load_content(data_dir=tmp_path / "userdata")
    win = create_window(content=content, data_dir=tmp_path / "userdata", size=(1200, 800))
    qtbot.addWidget(win)
    at_first_paint = []

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not at_first_paint:
                at_first_paint.append((cache.pending(content.muscles), cache.pending(content.safety)))
            return False

    watch = Watch()
    win.diagram.viewport().installEventFilter(watch)
    win.show()
    qtbot.waitUntil(lambda: bool(at_first_paint))
    assert at_first_paint == [(True, True)]
    assert "upper_trapezius" in content.muscles.muscles and not cache.pending(content.muscles)


# The side panels' modules: a start imports them just after the first paint (MainWindow.build_panels).
PANEL_MODULES = ("viewer.ui.browse", "viewer.ui.details", "viewer.ui.muscles_panel", "viewer.ui.pain",
                 "viewer.ui.plan_panel", "viewer.ui.plan_controller", "viewer.ui.layers", "viewer.ui.compare_panel",
                 "viewer.ui.modes", "viewer.ui.plate_strip", "viewer.ui.problems",
                 "viewer.ui.safe_browser")  # the rich-text browser only panels use


def _dock_places(win) -> dict[str, tuple]:
    return {dock.objectName(): (dock.geometry().getRect(), dock.isVisible()) for dock in win.docks}


def test_a_start_paints_the_window_first_and_fills_its_side_panels_without_moving_anything(qtbot, content, tmp_path):
    """With ``panels_later`` (the app's start), the first picture has the figure, the menus, the toolbar and
    the docks in their places; the panels come one event-loop turn later, into docks that do not move."""
    from PySide6.QtCore import QEvent, QObject

    from viewer.app import create_window

    win = create_window(content=content, data_dir=tmp_path / "userdata", size=(1366, 768), panels_later=True)
    qtbot.addWidget(win)
    at_first_paint = []

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not at_first_paint:
                at_first_paint.append((win.panels_built, _dock_places(win), win.diagram.geometry().getRect()))
            return False

    watch = Watch()
    win.diagram.viewport().installEventFilter(watch)
    win.show()
    qtbot.waitUntil(lambda: bool(at_first_paint))
    built, places, diagram = at_first_paint[0]
    assert not built
    assert {"browse_dock", "details_dock", "plates_dock"} <= set(places)
    qtbot.waitUntil(lambda: win.panels_built)
    assert win.details_dock.widget() is win.details and win.browse_dock.widget() is win.browse
    assert win.plates_dock.widget() is win.plate_nav.strip and win.plan_dock.widget() is win.plan_panel
    qtbot.waitUntil(lambda: win.browse.tree.topLevelItemCount() > 10)
    assert {name: place for name, place in _dock_places(win).items() if name in places} == places
    assert win.diagram.geometry().getRect() == diagram
    # the tabs behind Browse build their content when first shown, as in a window made whole
    assert win.muscles.topLevelItemCount() == 0
    win.muscles_dock.raise_()
    qtbot.waitUntil(lambda: win.muscles.topLevelItemCount() > 10)


def _window_outline(win) -> dict:
    """What a user can reach: panels (title, kind, place), menus and every action's text and shortcut."""
    from PySide6.QtWidgets import QToolBar

    def menu_entries(menu):
        return [(a.text(), a.shortcut().toString(), menu_entries(a.menu()) if a.menu() else None)
                for a in menu.actions()]

    return {
        "docks": [(d.objectName(), d.windowTitle(), type(d.widget()).__name__, win.dockWidgetArea(d).name,
                   d.isVisible()) for d in win.docks],
        "menus": [(a.text(), menu_entries(a.menu())) for a in win.menuBar().actions()],
        "toolbar": [a.text() for a in win.findChild(QToolBar, "views_toolbar").actions()],
    }


def test_panels_made_after_the_first_paint_are_the_panels_made_at_once(qtbot, content, tmp_path):
    """The start's window, once its panels are made, offers the same panels, menus, shortcuts and toolbar
    as a window made whole (tests, screenshots)."""
    from viewer.app import create_window

    whole = create_window(content=content, data_dir=tmp_path / "a", size=(1366, 768))
    later = create_window(content=content, data_dir=tmp_path / "b", size=(1366, 768), panels_later=True)
    for win in (whole, later):
        qtbot.addWidget(win)
        win.show()
    qtbot.waitUntil(lambda: later.panels_built)
    assert _window_outline(later) == _window_outline(whole)


def test_a_panel_asked_for_before_the_first_paint_makes_the_panels_at_once(qtbot, content, tmp_path):
    """A command, a click or an option reaching a panel before the panels were made (a fast key, --plan,
    --voice) makes them then and works as usual."""
    from viewer.app import create_window

    win = create_window(content=content, data_dir=tmp_path / "userdata", size=(1366, 768), panels_later=True)
    qtbot.addWidget(win)
    assert not win.panels_built
    win.select("ST36")  # as a click on the figure does
    assert win.panels_built
    assert "ST36" in win.details.toPlainText()
    other = create_window(content=content, data_dir=tmp_path / "other", size=(1366, 768), panels_later=True)
    qtbot.addWidget(other)
    other.patient_action.trigger()  # F9 before the first paint
    assert other.panels_built and other.patient_view.active and other.patient_view.dock.isVisibleTo(other)
    other.patient_action.trigger()
    assert not other.patient_view.active


def test_a_start_imports_no_panel_module_before_the_window_is_shown(tmp_path):
    """The window's first picture needs none of the side panels' modules: they are imported with the panels."""
    code = ("import sys; from viewer.app import create_window, ensure_application; app = ensure_application(); "
            "w = create_window(panels_later=True); print(*sys.modules)")
    loaded = _modules_after(code, tmp_path)
    assert "viewer.ui.main_window" in loaded
    assert sorted(loaded.intersection(PANEL_MODULES)) == []


def test_a_start_restores_the_last_layout_before_its_panels_and_fills_the_tab_left_in_front(qtbot, content,
                                                                                            tmp_path):
    """The app restores the saved layout before it shows the window (with blank docks); a panel whose tab
    was left in front (Muscles, which builds on first show) is built when the panels come."""
    from viewer.app import create_window

    first = create_window(content=content, data_dir=tmp_path, size=(796, 720))
    qtbot.addWidget(first)
    first.show()
    first.muscles_dock.raise_()
    first.set_view("back")
    first.close()
    second = create_window(content=content, data_dir=tmp_path, size=(796, 720), panels_later=True)
    qtbot.addWidget(second)
    second.restore_layout()
    assert not second.panels_built and second.current_view == "back"
    second.show()
    qtbot.waitUntil(lambda: second.panels_built)
    qtbot.waitUntil(lambda: second.muscles.topLevelItemCount() > 10)
    assert second.browse_dock.visibleRegion().isEmpty()  # Browse is the tab behind it now


def test_the_types_the_start_up_cache_decodes_carry_evaluated_annotations():
    """Every class reached from ``Content`` (what a warm start decodes) has its field types as objects, not as
    strings: msgspec builds its decoder at each start, and a string annotation (``from __future__ import
    annotations``) is compiled and evaluated there first, about a fifth of the cache's decoding time."""
    import dataclasses
    import typing

    import msgspec

    from viewer.atlas.content import Content

    seen: set[type] = set()

    def walk(kind) -> None:
        for part in (*typing.get_args(kind), typing.get_origin(kind)):
            if part is not None:
                walk(part)
        if isinstance(kind, type) and (dataclasses.is_dataclass(kind) or issubclass(kind, msgspec.Struct)) \
                and kind not in seen:
            seen.add(kind)
            for hint in typing.get_type_hints(kind).values():
                walk(hint)

    walk(Content)
    assert len(seen) > 20  # the atlas, the body, the layout, the muscles...
    strings = sorted(f"{kind.__module__}.{kind.__qualname__}.{name}" for kind in seen
                     for name, hint in vars(kind).get("__annotations__", {}).items() if isinstance(hint, str))
    assert strings == []


# Qt classes the first picture does without: PySide creates a class (and all of its enums, ~1-5 ms each) the
# first time Python names it or weighs it as an overload, so none of them is named on the way to the first paint.
NOT_BEFORE_THE_FIRST_PAINT = ("QIcon", "QGradient", "QTextBrowser", "QComboBox", "QFontDatabase", "QRawFont", "QImage")


def test_a_start_makes_no_qt_class_the_first_picture_does_without(tmp_path):
    """At the first paint of a real start PySide has not created the classes only panels, dialogs and tools
    use: a solid brush is not made with QBrush(colour) (QGradient), a menu action not with QAction(text, parent)
    (QIcon), the fonts are not searched for hanzi yet (QFontDatabase, QRawFont)."""
    code = ("import viewer.app as app\n"
            "from PySide6 import QtGui, QtWidgets\n"
            "say = app._FirstPaint._say\n"
            "def first(self, what):\n"
            "    if what == 'first paint':\n"
            f"        names = {NOT_BEFORE_THE_FIRST_PAINT!r}\n"
            "        print('made:', *[n for n in names if n in vars(QtGui) or n in vars(QtWidgets)])\n"
            "    say(self, what)\n"
            "app._FirstPaint._say = first\n"
            "from viewer.__main__ import main\n"
            "main(['--quit-on-paint'])\n")
    made = next(line for line in _printed_by(code, tmp_path).splitlines() if line.startswith("made:"))
    assert made.split()[1:] == []


def test_a_start_does_not_have_pyside_read_the_source_of_the_modules_it_imports(tmp_path):
    """PySide6 reads (through linecache) the source of each module imported after it, to see whether it opts
    into its ``__feature__`` switches; the start records the answer beforehand (``commands._import_pyside``),
    so no source file of ours, nor of the libraries already loaded, is read on the way to the first picture."""
    code = ("import linecache, sys\n"
            "from viewer.__main__ import main\n"
            "main(['--quit-on-paint'])\n"
            "print('read:', *sorted(name for name in linecache.cache if name.endswith('.py')))\n"
            "print('table:', 'pyside_feature_dict' in vars(sys.modules['__feature__']))\n")
    out = _printed_by(code, tmp_path).splitlines()
    if "table: False" in out:
        pytest.skip("this PySide6 keeps no __feature__.pyside_feature_dict: it reads the sources as before")
    read = next(line for line in out if line.startswith("read:")).split()[1:]
    ours = [name for name in read if name.startswith(str(ROOT / "viewer"))]  # not a .venv inside the checkout
    assert ours == []
    assert len(read) < 15  # only the few libraries first imported after PySide itself (html, logging...)


def test_telling_pyside_about_our_modules_copes_with_no_source_folders(tmp_path, monkeypatch):
    """In the standalone bundle the modules live in an archive: there are no folders of sources to list,
    and the start goes on (nothing recorded for them, nothing for PySide to read either)."""
    from viewer import commands

    monkeypatch.setattr(commands, "__file__", str(tmp_path / "nowhere" / "commands.pyc"))
    commands._import_pyside()  # raises nothing
