"""The zoomable, pannable view onto a BodyScene (wheel, pinch, keys; level-of-detail labels)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QKeySequence, QNativeGestureEvent, QPainter
from PySide6.QtWidgets import QGraphicsView, QPinchGesture, QWidget

from . import theme

MIN_ZOOM = 0.5  # relative to "fit"
MAX_ZOOM = 40.0
STEP = 1.25
MIN_SIZE = (320, 240)  # px: the docks give way before the body gets smaller than this


class DiagramView(QGraphicsView):
    """Shows one scene at a time. ``zoom`` is relative to the fitted view (1.0 = whole figure)."""

    zoomChanged = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        # A viewport made here: the one Qt makes would be handed to Python untyped, and PySide6 would load
        # every widget type (and create its enums) to name it, ~30 ms before the first picture.
        self.setViewport(QWidget())
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Panning is by dragging; scroll bars over the padded scene would only confuse.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(theme.color("canvas"))
        self.setMinimumSize(*MIN_SIZE)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._fit_scale = 1.0
        self._zoom = 1.0
        self._fitted = True

    @property
    def zoom(self) -> float:
        return self._zoom

    def show_scene(self, scene) -> None:
        self.setScene(scene)
        self.fit()

    def fit(self) -> None:
        scene = self.scene()
        if scene is None:
            return
        # Room around the figure, one view's worth on every side: zooming can then keep any spot of the
        # figure under the cursor (the view never has to re-centre a figure smaller than itself).
        rect = scene.sceneRect()
        view = self.viewport().rect()
        scale = min(view.width() / max(rect.width(), 1e-6), view.height() / max(rect.height(), 1e-6)) or 1.0
        pad_w, pad_h = view.width() / scale, view.height() / scale
        self.setSceneRect(rect.adjusted(-pad_w, -pad_h, pad_w, pad_h))
        self.resetTransform()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._fit_scale = self.transform().m11()
        self._fitted = True
        self._set_zoom(1.0)

    def fit_to(self, rect, margin: float = 0.25) -> None:
        """Show ``rect`` (scene units) with a margin around it, never closer than the zoom limit."""
        self.fit()
        if rect.isEmpty():
            return
        grow_w, grow_h = rect.width() * margin + 60, rect.height() * margin + 60
        wanted = rect.adjusted(-grow_w, -grow_h, grow_w, grow_h)
        view = self.viewport().rect()
        factor = min(view.width() / (wanted.width() * self._fit_scale),
                     view.height() / (wanted.height() * self._fit_scale))
        self.zoom_by(max(1.0, min(factor, 6.0)))
        self.centerOn(wanted.center())

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        target = min(MAX_ZOOM, max(MIN_ZOOM, self._zoom * factor))
        if abs(target - self._zoom) < 1e-9:
            return
        real = target / self._zoom
        if anchor is None:
            anchor = QPointF(self.viewport().rect().center())
        before = self.mapToScene(anchor.toPoint())
        self.scale(real, real)
        # The scroll bars, not the transform's translation, decide what is shown once the figure is larger
        # than the view: scroll so the scene point that was under the anchor is under it again.
        drift = self.mapFromScene(before).toPointF() - anchor
        for bar, change in ((self.horizontalScrollBar(), drift.x()), (self.verticalScrollBar(), drift.y())):
            bar.setValue(bar.value() + round(change))
        self._fitted = False
        self._set_zoom(target)

    def zoom_in(self) -> None:
        self.zoom_by(STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / STEP)

    def center_on_items(self, items) -> None:
        if items:
            self.centerOn(items[0])

    def _set_zoom(self, zoom: float) -> None:
        self._zoom = zoom
        scene = self.scene()
        if scene is not None and hasattr(scene, "set_zoom"):
            scene.set_zoom(zoom, self.transform().m11())
        self.zoomChanged.emit(zoom)

    # --- input ------------------------------------------------------------------------------
    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y()
        if delta == 0:
            return
        self.zoom_by(STEP ** (delta / 120.0), event.position())
        event.accept()

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.ZoomIn) or event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or event.key() == Qt.Key.Key_Minus:
            self.zoom_out()
        elif event.key() == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                change = pinch.scaleFactor()
                if change > 0:
                    self.zoom_by(change, self.mapFromGlobal(pinch.centerPoint().toPoint()).toPointF())
                return True
        if isinstance(event, QNativeGestureEvent) and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1.0 + event.value(), event.position())
            return True
        return super().viewportEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()
