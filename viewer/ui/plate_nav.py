"""Navigation like an atlas: the regional plates' strip, the offer of a plate where the figure is crowded,
and the selection kept in view when the diagram switches between a whole figure and its plates.

A plate is offered (a button in the status bar, and the P key) for the selected point, for a spot clicked
on the figure, or for the centre of the diagram once it is zoomed past ``ZOOM_OFFER``; on a plate the
same button goes back to the whole figure. Nothing opens by itself and nothing blocks.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtWidgets import QToolButton

from ..atlas import keys
from ..atlas.i18n import _
from ..atlas.plates import inside
from ..atlas.views import to_plate
from .accessibility import announce, named
from .items import S
from .words import view_name

ZOOM_OFFER = 3.0  # zoomed this far into a whole figure, the plate under the diagram's centre is offered


class PlateNavigator(QObject):
    """Gets the body model and layout, the view state, the selection, the diagram and its scenes, a way to
    show a view and a question whether clicks on the figure belong to something else (never the window).
    The window docks ``make_strip()`` and puts ``button`` into its status bar."""

    def __init__(self, parent, *, body, layout, atlas, state, selection, diagram, scenes, show_view, busy):
        super().__init__(parent)
        self.body, self.layout, self.atlas = body, layout, atlas
        self.registry = body.registry
        self.state, self.selection, self.diagram, self.scenes = state, selection, diagram, scenes
        self.show_view, self.busy = show_view, busy
        self.offered = ""  # the view the offer opens ("" = nothing offered)
        self._shown = ""  # the view shown before the last change of view
        self._spot: tuple[float, float] | None = None  # the last spot clicked on the current whole figure
        self.strip = None  # the miniatures (a PlateStrip), made with the side panels: make_strip()
        self.button = QToolButton()
        self.button.setObjectName("plate_offer")
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setAutoRaise(True)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.button.setToolTip(_("Show it (P)"))
        named(self.button, _("Regional plates"), _("Shows it; the selected point stays selected (P)"))
        self.button.hide()
        self.button.clicked.connect(self.open_offer)
        diagram.zoomChanged.connect(lambda _zoom: self._update_offer())
        for bar in (diagram.horizontalScrollBar(), diagram.verticalScrollBar()):  # panning
            bar.valueChanged.connect(lambda _value: self._update_offer())
        selection.changed.connect(self._on_selection)

    def make_strip(self):
        """The Plates tab's miniatures (a hidden tab at start: made after the first paint)."""
        from .plate_strip import PlateStrip

        if self.strip is None:
            self.strip = PlateStrip(self.body)
            self.strip.chosen.connect(self.go)
            self.strip.show_current(self.state.view)
        return self.strip

    # --- switching ------------------------------------------------------------------------------
    def go(self, view: str) -> None:
        """Show ``view`` (the selection stays selected; see ``on_state_changed``)."""
        self.show_view(view)

    def open_offer(self) -> None:
        if self.offered:
            self.go(self.offered)

    def on_state_changed(self, changed: frozenset[str]) -> None:
        """After the diagram shows a new view: between a figure and its plate, keep the selected point in the
        middle (back on the whole figure, the plate's region is shown, not the whole body)."""
        if "view" not in changed:
            return
        previous, view = self._shown, self.state.view
        self._shown = view
        self._spot = None
        if self.strip is not None:
            self.strip.show_current(view)
        spec, before = self.registry.get(view), self.registry.get(previous)
        if spec is not None and before is not None and (spec.is_plate or before.is_plate):
            if before.parent == view and before.crop is not None:
                x0, y0, x1, y1 = before.crop
                self.diagram.fit_to(QRectF(x0 * S, y0 * S, (x1 - x0) * S, (y1 - y0) * S), margin=0.05)
            scene = self.scenes.get(view)
            items = scene.selected_items() if scene is not None else []
            if items:
                self.diagram.centerOn(items[0])
        self._update_offer()

    # --- the offer ------------------------------------------------------------------------------
    def on_spot(self, x: float, y: float) -> None:
        """A spot of the figure clicked away from any marker: offer the plate that shows it."""
        if self.busy():
            return
        self._spot = (x, y)
        self._update_offer()

    def _on_selection(self, _code: str, _key) -> None:
        self._spot = None
        self._update_offer()

    def plate_at(self, x: float, y: float, region: str = "") -> str:
        """The first plate of the current whole figure that shows (x, y) (and ``region``, if given)."""
        current = self.state.view
        mirrored = self.registry[current].mirrored if current in self.registry else False
        for name in self.registry.plates_of(current):
            spec = self.registry[name]
            if name not in self.body.views or (region and spec.regions and region not in spec.regions):
                continue
            spots = [(x, y), (-x, y)] if mirrored and not spec.mirrored else [(x, y)]
            if any(inside(self.body.view(name).bounds, *to_plate(spec, sx, sy)) for sx, sy in spots):
                return name
        return ""

    def _selection_spot(self) -> tuple[tuple[float, float], str] | None:
        code, key = self.selection.code, self.selection.key
        if not code or not keys.parse(code).is_point:
            return None
        markers = self.layout.markers_of(code, self.state.view)
        marker = next((m for m in markers if m.key == key), markers[0] if markers else None)
        if marker is None:
            return None
        return (marker.x, marker.y), self.atlas.points[code].region

    def _centre_spot(self) -> tuple[float, float] | None:
        if self.diagram.zoom < ZOOM_OFFER:
            return None
        centre = self.diagram.mapToScene(self.diagram.viewport().rect().center())
        return (centre.x() / S, centre.y() / S)

    def _update_offer(self) -> None:
        current = self.registry.get(self.state.view)
        offered = ""
        if current is not None and current.is_plate:
            offered = current.parent
        elif current is not None:
            selected = self._selection_spot()
            for spot, region in ((self._spot, ""), (self._centre_spot(), ""),
                                 (selected[0] if selected else None, selected[1] if selected else "")):
                if spot is not None:
                    offered = self.plate_at(*spot, region=region)
                    if offered:
                        break
        if offered == self.offered:
            return
        self.offered = offered
        self.button.setVisible(bool(offered))
        if not offered:
            return
        text = (_("Whole figure: {view}") if current is not None and current.is_plate
                else _("Regional plate: {view}")).format(view=view_name(offered))
        self.button.setText(text)
        named(self.button, text, _("Shows it; the selected point stays selected (P)"))
        announce(self.button, text)
