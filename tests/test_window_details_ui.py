"""Small things a new user sees in the first hour: names, zoom, cut text, legend, title."""
from __future__ import annotations

import copy
import dataclasses

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QToolBar

from viewer import APP_NAME


def _toolbar_button(window, action):
    for toolbar in window.findChildren(QToolBar):
        widget = toolbar.widgetForAction(action)
        if widget is not None:
            return widget
    raise AssertionError(f"{action.text()} is not on a toolbar")


def test_toolbar_buttons_have_distinct_names_and_history_back_works(window, qtbot):
    """The 'Back' view button and the history button read differently; a click on the latter goes back."""
    texts = [a.text().replace("&", "") for t in window.findChildren(QToolBar) for a in t.actions() if a.text()]
    assert len(texts) == len(set(texts)), texts
    window.select("LU7")
    window.select("LI4")
    qtbot.mouseClick(_toolbar_button(window, window.back_action), Qt.MouseButton.LeftButton)
    assert window.selection.code == "LU7"
    qtbot.mouseClick(_toolbar_button(window, window.view_actions["back"]), Qt.MouseButton.LeftButton)
    assert window.current_view == "back" and window.selection.code == "LU7"


def test_leaving_the_patient_view_gives_back_the_zoom(window, qtbot):
    """F9 frames the plan close up; F9 again returns to the zoom the user had, not the patient view's."""
    window.select("LI4")
    window.plans.add_selection()
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_Plus)
    qtbot.keyClick(window.diagram, Qt.Key.Key_Plus)
    before = window.diagram.zoom
    assert before > 1.2
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.patient_view.active and window.diagram.zoom != pytest.approx(before, rel=0.05)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not window.patient_view.active
    assert window.diagram.zoom == pytest.approx(before, rel=0.01)


def test_muscle_names_are_not_cut_in_the_muscles_tree(window, qtbot):
    """With every region opened, the first column is wide enough for each muscle's full name."""
    window.raise_panel("muscles")
    tree = window.muscles
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0)
    tree.setFocus()
    for i in range(tree.topLevelItemCount()):
        tree.setCurrentItem(tree.topLevelItem(i))
        qtbot.keyClick(tree, Qt.Key.Key_Plus)  # open the region from the keyboard
    qtbot.wait(10)  # the header follows on the next layout pass
    metrics = tree.fontMetrics()
    cut = []
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        assert group.isExpanded()
        for j in range(group.childCount()):
            item = group.child(j)
            needed = tree.visualItemRect(item).left() + metrics.horizontalAdvance(item.text(0))
            if needed > tree.columnWidth(0):
                cut.append(item.text(0))
    assert cut == []


def test_a_point_without_a_marker_does_not_claim_to_be_shown(qtbot, content, tmp_path):
    """If a point's placement failed (no marker), the details say so instead of 'Shown on ...'."""
    from viewer.app import create_window

    layout = copy.copy(content.layout)
    layout.by_point = {c: m for c, m in content.layout.by_point.items() if c != "LI4"}
    win = create_window(content=dataclasses.replace(content, layout=layout), data_dir=tmp_path, size=(1400, 900))
    qtbot.addWidget(win)
    win.select("LI4")
    text = win.details.toPlainText()
    assert "Shown on" not in text and "Not drawn on the diagram" in text
    win.select("LI11")
    assert "Shown on:" in win.details.toPlainText()


def _skin_under(window, rect: QRect) -> int:
    """How many pixels of body colour the diagram paints inside ``rect`` (view coordinates)."""
    window.legend.hide()
    image = window.diagram.viewport().grab().toImage()
    window.legend.show()
    area = rect.translated(-window.diagram.viewport().geometry().topLeft()).intersected(image.rect())
    skin = 0
    for x in range(area.left(), area.right(), 2):
        for y in range(area.top(), area.bottom(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - 0xF4) < 6 and abs(c.green() - 0xE3) < 6 and abs(c.blue() - 0xD7) < 6:
                skin += 1
    return skin


def test_the_legend_does_not_cover_the_figure(qtbot, content, tmp_path):
    """At 1366x768 with wide panels the full legend would cover the shoulder: it moves or shows codes only."""
    from viewer.app import create_window

    win = create_window(content=content, data_dir=tmp_path, size=(1366, 768))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.resizeDocks([win.browse_dock, win.details_dock], [420, 520], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: win.diagram.width() < 450)
    win.diagram.fit()
    legend = win.legend
    assert legend.isVisible()
    gap = win.diagram.viewport().geometry().topLeft() + QPoint(10, 10)
    # a legend with the channel names is at least 150 px wide: in the top left it hid the arm
    assert _skin_under(win, QRect(gap, QSize(150, legend.height()))) > 0
    assert _skin_under(win, legend.geometry()) == 0


def test_the_window_title_does_not_repeat_the_app_name(window):
    """The system appends the application's name; the title itself does not carry it again."""
    assert APP_NAME not in window.windowTitle() and window.windowTitle()
