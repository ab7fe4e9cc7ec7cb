"""Wheel zoom keeps the spot under the cursor where it is (zooming on the face stays on the face)."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication


def _wheel(view, pos: QPointF, notches: int) -> None:
    for _ in range(abs(notches)):
        angle = QPoint(0, 120 if notches > 0 else -120)
        event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(0, 0), angle,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(view.viewport(), event)


def test_wheel_over_the_face_keeps_the_face_under_the_cursor(window):
    """From the fitted figure, ten wheel steps over the nose: the nose is still under the cursor."""
    window.set_view("front")
    view = window.diagram
    view.fit()
    nose = window.content.body.view("front").landmark("nose_tip")
    target = QPointF(nose[0] * 1000, nose[1] * 1000)
    cursor = view.mapFromScene(target).toPointF()
    _wheel(view, cursor, 10)
    assert view.zoom > 8
    landed = view.mapToScene(cursor.toPoint())
    assert abs(landed.x() - target.x()) < 4 and abs(landed.y() - target.y()) < 4, (landed, target)


def test_wheel_out_and_in_over_a_foot_returns_to_the_foot(window):
    """Zooming in over the left foot and partly out again keeps the foot under the cursor."""
    window.set_view("front")
    view = window.diagram
    view.fit()
    scene_rect = window.scenes["front"].body_rect()
    target = QPointF(scene_rect.left() + scene_rect.width() * 0.35, scene_rect.bottom() - scene_rect.height() * 0.03)
    cursor = view.mapFromScene(target).toPointF()
    _wheel(view, cursor, 8)
    _wheel(view, cursor, -3)
    landed = view.mapToScene(cursor.toPoint())
    assert abs(landed.x() - target.x()) < 6 and abs(landed.y() - target.y()) < 6, (landed, target)
