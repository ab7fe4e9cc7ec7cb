"""The main window: selection, pairs, views, zoom and level of detail, layers, keyboard."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from viewer.ui import theme


def marker_pos(win, item):
    """Viewport coordinates of a marker item."""
    return win.diagram.mapFromScene(item.scenePos())


def test_window_starts_on_front_view_with_every_front_marker(window):
    """The front scene holds exactly one item per front marker of the layout."""
    scene = window.scenes["front"]
    assert window.current_view == "front"
    assert len(scene.markers) == len(window.content.layout.markers["front"])
    assert len(scene.markers) > 300


def test_clicking_a_marker_selects_it_and_fills_the_details(window, qtbot):
    """A click on PC6's marker emits the selection and the panel shows its names."""
    scene = window.scenes["front"]
    item = scene.by_code["PC6"][0]
    window.diagram.zoom_by(3.0)
    window.diagram.centerOn(item)
    with qtbot.waitSignal(window.selection.changed, timeout=2000) as blocker:
        qtbot.mouseClick(window.diagram.viewport(), Qt.MouseButton.LeftButton, pos=marker_pos(window, item))
    assert blocker.args[0] == "PC6"
    point = window.content.atlas.points["PC6"]
    text = window.details.toPlainText()
    assert "PC6" in text and point.pinyin in text and point.english in text
    assert point.location in text


def test_selecting_a_bilateral_point_highlights_its_pair(window):
    """The clicked marker is 'selected' and its mirror image 'pair'; the previous one is reset."""
    scene = window.scenes["front"]
    left, right = sorted(scene.by_code["ST36"], key=lambda i: i.marker.x)
    window.select("ST36", right.marker.key)
    assert (right.state, left.state) == ("selected", "pair")
    assert left.marker.x == -right.marker.x
    window.select("LU1")
    assert (right.state, left.state) == ("normal", "normal")


def test_selecting_a_point_of_another_view_switches_view(window):
    """BL23 is on the back: choosing it from the front switches the diagram to the back view."""
    window.select("BL23")
    assert window.current_view == "back"
    assert window.view_actions["back"].isChecked()
    assert window.diagram.scene() is window.scenes["back"]


def test_view_shortcuts_switch_views(window, qtbot):
    """Keys 1-3 show the front, back and side views."""
    window.diagram.setFocus()
    for key, name in ((Qt.Key.Key_2, "back"), (Qt.Key.Key_3, "side"), (Qt.Key.Key_1, "front")):
        qtbot.keyClick(window, key)
        assert window.current_view == name


def test_wheel_zoom_shows_labels_and_fit_hides_them(window, qtbot):
    """Labels appear only past the level-of-detail zoom; 0 fits and hides them again."""
    scene = window.scenes["front"]
    marker = scene.by_code["CV12"][0]
    assert marker.label is None or not marker.label.isVisible()
    view = window.diagram
    centre = QPointF(view.viewport().rect().center())
    for _ in range(5):
        event = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view.viewport(), event)
    assert view.zoom >= theme.LABEL_ZOOM
    label = marker.label
    assert label.isVisible() and label.text() == "CV12"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.zoom == 1.0
    assert not label.isVisible()


def test_keyboard_zoom_is_bounded(window, qtbot):
    """+ zooms in step by step and never beyond the maximum."""
    view = window.diagram
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom > 1.0
    for _ in range(40):
        view.zoom_in()
    from viewer.ui.diagram import MAX_ZOOM

    assert view.zoom == MAX_ZOOM


def test_bracket_keys_step_along_the_channel(window, qtbot):
    """] selects the next point of the same channel, [ the previous one, wrapping around."""
    window.select("LU10")
    qtbot.keyClick(window, Qt.Key.Key_BracketRight)
    assert window.selection.code == "LU11"
    qtbot.keyClick(window, Qt.Key.Key_BracketRight)
    assert window.selection.code == "LU1"
    qtbot.keyClick(window, Qt.Key.Key_BracketLeft)
    assert window.selection.code == "LU11"


def test_marker_tooltip_names_the_point(window, qtbot):
    """Hovering a marker shows code, pinyin and English name. The text is made when the pointer comes onto
    the dot (not for hundreds of dots before the first picture), before Qt asks the item for it."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QGraphicsItem

    item = window.scenes["front"].by_code["ST36"][0]
    point = window.content.atlas.points["ST36"]
    window.diagram.zoom_by(3.0)
    window.diagram.centerOn(item)
    qt_tooltip = QGraphicsItem.toolTip  # what Qt itself reads (the item's Python toolTip() makes the text)
    assert qt_tooltip(item) == ""
    from PySide6.QtGui import QMouseEvent

    viewport = window.diagram.viewport()
    for pos in (marker_pos(window, item) + QPoint(30, 30), marker_pos(window, item)):
        # a plain move with no button held (QTest's moves carry the buttons an earlier test left pressed)
        move = QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(pos), QPointF(viewport.mapToGlobal(pos)),
                           Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, move)
    qtbot.waitUntil(lambda: item.hovered)
    document = QTextDocument()
    document.setHtml(qt_tooltip(item))  # as Qt shows it
    assert document.toPlainText().startswith("ST36 " + point.pinyin)
    assert point.english in document.toPlainText()


def test_hiding_a_channel_hides_its_markers_and_line(window):
    """Unticking ST in the layers panel hides ST markers and pathway, and not others."""
    scene = window.scenes["front"]
    window.layers.boxes["ST"].setChecked(False)
    assert not any(i.isVisible() for i in scene.by_code["ST36"])
    assert all(not p.isVisible() for p in scene.pathways["ST"])
    assert all(i.isVisible() for i in scene.by_code["SP6"])
    window.layers.boxes["ST"].setChecked(True)
    assert all(i.isVisible() for i in scene.by_code["ST36"])


def test_browse_tree_selects_and_follows_selection(window, qtbot):
    """Choosing a point in the tree selects it; selecting elsewhere moves the tree's current item."""
    with qtbot.waitSignal(window.selection.changed, timeout=2000):
        window.browse.tree.setCurrentItem(window.browse.items["KI3"])
    assert window.selection.code == "KI3"
    window.select("LR3")
    assert window.browse.tree.currentItem() is window.browse.items["LR3"]


def test_docks_can_be_hidden_from_the_view_menu(window):
    """Each side panel has a toggle action that hides and shows it."""
    action = window.details_dock.toggleViewAction()
    action.trigger()
    assert not window.details_dock.isVisible()
    action.trigger()
    assert window.details_dock.isVisible()


def test_legend_lists_the_channels_of_the_view_and_follows_the_layers(window):
    """The on-diagram legend names the channels drawn on the view and drops hidden ones."""
    window.set_view("back")
    codes = [c for c, _ in window.legend.entries]
    assert "BL" in codes and "GV" in codes and "LU" not in codes
    window.layers.boxes["BL"].setChecked(False)
    assert "BL" not in [c for c, _ in window.legend.entries]
    assert window.legend.isVisible()
    window.legend_action.trigger()
    assert not window.legend.isVisible()


def test_zoomed_labels_never_overlap_each_other(window):
    """At label zoom on the crowded sacrum, no two visible code labels cover each other."""
    window.select("BL23")
    window.zoom_to_selection(3.0)
    scene = window.scenes["back"]
    labels = [i.label for i in scene.markers if i.label is not None and i.label.isVisible()]
    assert len(labels) > 40
    view = window.diagram
    rects = [lab.deviceTransform(view.viewportTransform()).mapRect(lab.boundingRect()) for lab in labels]
    for n, a in enumerate(rects):
        for b in rects[n + 1:]:
            assert not a.adjusted(1, 1, -1, -1).intersects(b.adjusted(1, 1, -1, -1))


def test_pinch_gesture_zooms_around_the_fingers(window):
    """A touchpad/touchscreen zoom gesture (native pinch) zooms the diagram in and out."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice

    view = window.diagram
    centre = QPointF(view.viewport().rect().center())

    def pinch(value):
        event = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(),
                                    2, centre, centre, QPointF(view.viewport().mapToGlobal(centre)), value,
                                    QPointF(0, 0))
        QApplication.sendEvent(view.viewport(), event)

    pinch(0.5)
    assert view.zoom == pytest.approx(1.5)
    pinch(-0.5)
    assert view.zoom == pytest.approx(0.75)


def test_layout_and_view_are_remembered_between_sessions(qtbot, content, tmp_path):
    """Closing saves size, panels and view in the user data folder; the next window, made at another size,
    restores them (sizes within the offscreen screen of 800 x 800, which would clamp larger ones)."""
    from viewer.app import create_window

    first = create_window(content=content, data_dir=tmp_path, size=(796, 720))
    qtbot.addWidget(first)
    first.show()
    first.set_view("side")
    first.details_dock.hide()
    first.close()
    assert (tmp_path / "window.ini").exists()
    second = create_window(content=content, data_dir=tmp_path, size=(1000, 600))
    qtbot.addWidget(second)
    second.show()
    assert second.size().toTuple() == (1000, 600)  # as made
    second.restore_layout()
    assert second.size().toTuple() == (796, 720)
    assert second.current_view == "side"
    assert not second.details_dock.isVisible()
