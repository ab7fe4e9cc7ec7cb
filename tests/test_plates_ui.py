"""Atlas navigation: the regional plates in the View menu and the strip, the offered plate, the selection kept."""
from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from viewer.atlas.views import registry
from viewer.ui.plate_nav import ZOOM_OFFER
from viewer.ui.words import view_name

REGISTRY = registry()


def _hand_plate():
    """A one-hand plate of a mirrored whole figure, and that figure."""
    name = next(n for n in REGISTRY.plates if "hand" in REGISTRY[n].regions and not REGISTRY[n].mirrored)
    return name, REGISTRY[name].parent


def _point_on(content, plate: str, parent: str) -> str:
    """A point drawn on ``plate`` and (by its own placement) on ``parent``, of the plate's regions."""
    return next(code for code, p in content.atlas.points.items()
                if parent in p.views and p.region in REGISTRY[plate].regions
                and content.layout.markers_of(code, plate))


def _wheel(view, pos, angle=120):
    event = QWheelEvent(QPointF(pos), QPointF(view.viewport().mapToGlobal(pos)), QPoint(0, 0), QPoint(0, angle),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def _off_centre(win, item) -> int:
    """Pixels between a marker and the middle of the diagram."""
    return (win.diagram.mapFromScene(item.scenePos()) - win.diagram.viewport().rect().center()).manhattanLength()


def test_every_plate_is_in_the_regional_plates_submenu_and_shows_its_view(window, qtbot):
    """View ▸ Regional plates lists the plates in the registry's order; choosing one shows that plate."""
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and window.view_actions[
        REGISTRY.first] in a.menu().actions())
    submenu = next(a.menu() for a in view_menu.actions() if a.menu() and a.menu().objectName() == "plates_menu")
    entries = [a for a in submenu.actions() if not a.isSeparator()]
    assert entries == [window.view_actions[n] for n in REGISTRY.plates]
    assert all(window.view_actions[n] not in submenu.actions() for n in REGISTRY.full)
    entries[-1].trigger()
    assert window.current_view == REGISTRY.plates[-1]
    assert window.diagram.scene() is window.scenes[REGISTRY.plates[-1]]


def test_the_miniatures_are_drawn_when_their_tab_is_shown_and_reached_by_keyboard(window, qtbot):
    """The plates' miniatures are drawn the first time their tab is shown; arrows and Enter on them show a
    plate; every entry has a name a screen reader says."""
    strip = window.plate_nav.strip
    # every view without a key of its own: the regional plates and the own projections (vertex, medial leg)
    listed = [name for name in REGISTRY.names if not REGISTRY[name].shortcut]
    assert set(REGISTRY.plates) < set(listed)
    assert [strip.item(r).data(Qt.ItemDataRole.UserRole) for r in range(strip.count())] == listed
    assert strip.item(0).icon().isNull()
    window.plates_dock.raise_()
    qtbot.waitUntil(lambda: not strip.item(0).icon().isNull())
    assert all(strip.item(r).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(strip.count()))
    assert strip.accessibleName()
    strip.setFocus()
    strip.setCurrentRow(0)
    qtbot.keyClick(strip, Qt.Key.Key_Right)
    with qtbot.waitSignal(strip.chosen, timeout=2000) as blocker:
        qtbot.keyClick(strip, Qt.Key.Key_Return)
    assert blocker.args == [listed[1]]
    assert window.current_view == listed[1]


def test_a_window_that_is_not_painted_yet_has_not_drawn_the_miniatures(qtbot, content, tmp_path):
    """Creating the window draws no miniature and builds no plate scene (the start does not grow)."""
    from viewer.app import create_window

    win = create_window(content=content, data_dir=tmp_path / "userdata", size=(1400, 900))
    qtbot.addWidget(win)
    strip = win.plate_nav.strip
    assert all(strip.item(r).icon().isNull() for r in range(strip.count()))
    assert not any(name in win.scenes for name in REGISTRY.plates)


def test_selecting_a_point_of_a_plate_region_offers_the_plate_and_the_selection_follows(window, qtbot):
    """A point of the hand selected on the whole figure: the status bar offers the hand plate; clicking the
    offer shows it with the point still selected and in the middle; P goes back, the point still selected."""
    plate, parent = _hand_plate()
    code = _point_on(window.content, plate, parent)
    window.set_view(parent)
    window.select(code)
    offer = window.plate_nav.button
    assert offer.isVisible() and window.plate_nav.offered == plate
    assert offer.accessibleName() == offer.text()
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    assert window.current_view == plate
    assert window.selection.code == code
    scene = window.scenes[plate]
    [selected] = [i for i in scene.selected_items() if i.state == "selected"]
    assert _off_centre(window, selected) <= 2
    assert window.plate_nav.offered == parent and offer.isVisible()
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_P)
    assert window.current_view == parent and window.selection.code == code
    back = [i for i in window.scenes[parent].selected_items() if i.state == "selected"]
    assert back and _off_centre(window, back[0]) <= 2
    assert window.diagram.zoom > 1.5  # the plate's region, not the whole body


def test_choosing_a_point_in_browse_while_on_a_plate_that_shows_it_stays_on_the_plate(window):
    """The plate shows the point (a marker derived from its parent): selecting it does not switch views."""
    plate, parent = _hand_plate()
    code = _point_on(window.content, plate, parent)
    window.set_view(plate)
    window.select(code)
    assert window.current_view == plate


def test_zooming_into_a_crowded_region_offers_its_plate(window, qtbot):
    """Past the zoom threshold, the plate under the diagram's centre is offered; zoomed out, it is not."""
    plate, parent = _hand_plate()
    window.set_view(parent)
    window.select("")
    assert not window.plate_nav.offered
    x0, y0, x1, y1 = REGISTRY[plate].crop
    hand = window.diagram.mapFromScene((x0 + x1) / 2 * 1000, (y0 + y1) / 2 * 1000)
    while window.diagram.zoom < ZOOM_OFFER * 0.8:  # wheel steps over the hand: not yet past the threshold
        _wheel(window.diagram, hand)
    assert not window.plate_nav.offered
    window.diagram.centerOn((x0 + x1) / 2 * 1000, (y0 + y1) / 2 * 1000)  # the hand in the middle
    while window.diagram.zoom < ZOOM_OFFER:
        _wheel(window.diagram, window.diagram.viewport().rect().center())
    assert window.plate_nav.offered == plate
    window.diagram.fit()
    assert not window.plate_nav.offered and not window.plate_nav.button.isVisible()


def test_clicking_a_spot_of_a_plate_region_offers_the_plate(window, qtbot):
    """A click on the figure away from the markers, inside a plate's region, offers that plate."""
    plate, parent = _hand_plate()
    window.set_view(parent)
    window.select("")
    view = window.content.body.view(parent)
    x0, y0, x1, y1 = REGISTRY[plate].crop
    layout = window.content.layout.markers[parent]
    spot = next((x, y) for x in [x0 + (x1 - x0) * i / 40 for i in range(41)]
                for y in [y0 + (y1 - y0) * j / 40 for j in range(41)]
                if view.contains(x, y) and min(abs(m.x - x) + abs(m.y - y) for m in layout) > 0.01)
    window.diagram.zoom_by(2.0)
    window.diagram.centerOn(spot[0] * 1000, spot[1] * 1000)
    pos = window.diagram.mapFromScene(spot[0] * 1000, spot[1] * 1000)
    qtbot.mouseClick(window.diagram.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))
    assert window.plate_nav.offered == plate


@pytest.mark.parametrize("size", ["1600x1000", "1366x768"])
def test_a_plate_renders_through_the_command_line(tmp_path, size):
    """--view <plate> --screenshot renders the plate (a drawing, not an empty canvas)."""
    from PIL import Image

    out = tmp_path / "plate.png"
    plate, _parent = _hand_plate()
    result = subprocess.run([sys.executable, "-m", "viewer", "--view", plate, "--screenshot", str(out), "--size",
                             size], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    image = Image.open(out).convert("RGB")
    assert image.size == tuple(int(v) for v in size.split("x"))
    assert len(image.resize((60, 40)).getcolors(4000)) > 20


def _anchor_rect(browser, href: str):
    """Where the link ``href`` is drawn in ``browser`` (viewport coordinates)."""
    from PySide6.QtGui import QTextCursor

    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(browser.document())
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                return browser.cursorRect(cursor)
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href!r} in the details")


def test_the_details_link_to_a_close_up_plate_turns_to_it_with_the_point_still_selected(window, qtbot, content):
    """A point drawn on a plate says so in the details, as a link; a click on it shows that plate, the point
    still selected and drawn in the window."""
    plate, parent = _hand_plate()
    code = _point_on(content, plate, parent)
    window.set_view(parent)
    window.select(code)
    html = window.details.toHtml()
    assert f"view:{plate}" in html
    assert "view:" + parent not in html  # whole figures are named in "Shown on", not linked as plates
    rect = _anchor_rect(window.details, f"view:{plate}")
    with qtbot.waitSignal(window.details.viewRequested, timeout=2000) as asked:
        qtbot.mouseClick(window.details.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked.args == [plate]
    assert window.current_view == plate
    assert window.selection.code == code
    marker = window.scene_for(plate).by_code[code][0]
    assert window.diagram.viewport().rect().contains(window.diagram.mapFromScene(marker.scenePos()))
    # on the plate itself, the details name it without a link (a link to what is on screen would do nothing)
    shown = window.details.toHtml()
    assert f"view:{plate}" not in shown and view_name(plate) in window.details.toPlainText()
    window.set_view(parent)
    assert f"view:{plate}" in window.details.toHtml()  # back on the whole figure: a link again


def test_a_point_on_no_plate_has_no_plate_line(window, content):
    """A point no plate magnifies gets no empty 'Close-up plates' line."""
    code = next(c for c in content.atlas.points
                if content.layout.markers_of(c) and not any(content.layout.markers_of(c, p) for p in REGISTRY.plates))
    window.select(code)
    assert "view:" not in window.details.toHtml()
