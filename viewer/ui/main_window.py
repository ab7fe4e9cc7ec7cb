"""The main window: composes the widgets and wires their signals in one place."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabBar, QWidget

from ..atlas import keys
from ..atlas.favourites import Favourites
from ..atlas.history import History
from ..atlas.i18n import N_, _
from ..atlas.messages import Messages
from ..atlas.muscles import nearby_points, where_it_hurts_area
from ..atlas.viewstate import Mode, Pain, Source, ViewState
from .accessibility import name_parts
from .actions import build_actions
from .diagram import DiagramView
from .diagram_keys import install as install_diagram_keys
from .diagram_keys import neighbour
from .lazy import AfterFirstPaint
from .legend import LegendOverlay
from .panels import PANEL_ATTRS, make_panels
from .patient_language import PatientLanguage
from .plate_nav import PlateNavigator
from .safety_wiring import SafetySwitch
from .scene import BodyScene
from .scenes import Scenes
from .selection import Selection
from .session import remember_default_layout, restore_layout, save_layout
from .status_line import StatusLine, report_load_problems
from .study_wiring import LazyStudy
from .words import localized, view_name

PANEL_MIN_WIDTH, PANEL_MIN_HEIGHT = 200, 120  # px; what a side panel may ask of the window at most


class MainWindow(QMainWindow):
    def __init__(self, content, data_dir=None, parent=None, *, panels_later=False):
        """``panels_later``: the side panels' contents are made just after the first paint (the start-up
        path), not here; whatever asks for one before then has them all made at once (``__getattr__``)."""
        super().__init__(parent)
        self._panels_pending = True
        self.local = localized(content)  # the content in the user's language, English where untranslated
        self.source_content, self.content = content, self.local.content  # patient texts start from English
        content = self.content
        self.data_dir = data_dir
        self.docks: list[QDockWidget] = []  # every side panel, in the order made
        # The system adds the application's name (applicationDisplayName) after the title.
        self.setWindowTitle(_("Atlas of acupuncture points and trigger points"))
        self.selection = Selection(self)
        self.view_state = ViewState()  # what the diagram shows; the scenes and the legend observe it
        self.scenes = Scenes(self.view_state, Source.of(content), content.body.views, self._make_scene)

        self.diagram = DiagramView(self)
        self.setCentralWidget(self.diagram)
        # After the first paint, one per event-loop turn: panels, welcome text, Browse tree, other views.
        self.after_paint = AfterFirstPaint(self.diagram.viewport(), self)
        # A child of the view (not of its viewport), so it stays put while the diagram scrolls.
        self.legend = LegendOverlay(self.diagram)
        self.safety = SafetySwitch(self, self.view_state, self.legend)
        self.history = History()
        self.favourites = Favourites(data_dir, set(content.atlas.points)) if data_dir is not None else None
        self.correspondence = content.correspondence
        # The docks, in their places and sizes from the start: the panels fill them without moving anything.
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.details_dock = self._dock(N_("Details"), right)
        self.browse_dock = self._dock(N_("Browse"), left)
        self.muscles_dock = self._dock(N_("Muscles"), left)
        self.plan_dock = self._dock(N_("Plan"), left)
        self.layers_dock = self._dock(N_("Layers"), left)
        self.tabifyDockWidget(self.browse_dock, self.muscles_dock)
        self.tabifyDockWidget(self.muscles_dock, self.plan_dock)
        self.tabifyDockWidget(self.plan_dock, self.layers_dock)
        self.compare_dock = self._dock(N_("Compare"), right)
        self.tabifyDockWidget(self.details_dock, self.compare_dock)
        self.study = LazyStudy(self, state=self.view_state, selection=self.selection, scenes=self.scenes,
                               diagram=self.diagram, content=content, safety=self.safety, decks=self._study_decks,
                               data_dir=data_dir)
        self.study_dock = self._dock(N_("Study"), right, self.study)
        self.pain_dock = self._dock(N_("Where it hurts"), right)
        self.tabifyDockWidget(self.compare_dock, self.study_dock)
        self.tabifyDockWidget(self.compare_dock, self.pain_dock)
        self.details_dock.raise_()
        self.browse_dock.raise_()
        self.resizeDocks([self.browse_dock, self.details_dock], [290, 340], Qt.Orientation.Horizontal)

        self.messages = Messages()  # every status and error message, one at a time
        self.status_line = StatusLine(self.statusBar(), self.messages)
        self.zoom_label = QLabel()
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.patient_language = PatientLanguage(self)  # File menu now, the patient view's panel later
        self.plate_nav = PlateNavigator(self, body=content.body, layout=content.layout, atlas=content.atlas,
                                        state=self.view_state, selection=self.selection, diagram=self.diagram,
                                        scenes=self.scenes, show_view=self.set_view, busy=self._clicks_taken)
        self.plates_dock = self._dock(N_("Plates"), left)
        self.tabifyDockWidget(self.layers_dock, self.plates_dock)  # a tab beside Browse: the body keeps its height
        self.browse_dock.raise_()
        self.statusBar().addPermanentWidget(self.plate_nav.button)
        build_actions(self)
        self._update_go_actions()
        self.selection.changed.connect(self._on_selection_changed)
        self.view_state.subscribe(self._on_state_changed)
        self.view_state.subscribe(self.plate_nav.on_state_changed)  # after the diagram shows the new view
        self.diagram.zoomChanged.connect(self._on_zoom_changed)
        install_diagram_keys(self)
        remember_default_layout(self)
        self.set_view(self.content.body.registry.first)
        report_load_problems(self.messages, content.problems, self.favourites)
        if panels_later:
            self.after_paint.add(self.build_panels)
        else:
            self.build_panels()
        # Names for the controls Qt added by itself (a screen reader needs them, the first picture does not).
        self.after_paint.add(lambda: name_parts(self))
        self.after_paint.add(lambda: self.details.code or self.details.show_point(""))
        self.after_paint.add(lambda: self.browse.ensure_filled())
        self.after_paint.add(self._prebuild_scenes)

    def __getattr__(self, name: str):
        # Called only for a name not found: a panel asked for before build_panels() ran makes them all now.
        if name in PANEL_ATTRS and self.__dict__.get("_panels_pending"):
            self.build_panels()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def panels_built(self) -> bool:
        return not self.__dict__.get("_panels_pending", True)

    def build_panels(self) -> None:
        """The side panels' contents, put into their docks, and their wiring (once)."""
        if not self.__dict__.get("_panels_pending"):
            return
        self._panels_pending = False
        make_panels(self)
        self._connect_signals()

    # --- construction -----------------------------------------------------------------------
    def _dock(self, title: str, area, widget=None) -> QDockWidget:
        """A side panel's dock; without ``widget``, it holds a blank of a panel's least size until ``fill_dock``."""
        dock = QDockWidget(_(title), self)
        dock.setObjectName(f"{title.lower()}_dock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.fill_dock(dock, widget if widget is not None else QWidget())
        self.addDockWidget(area, dock)
        self.docks.append(dock)
        return dock

    @staticmethod
    def fill_dock(dock: QDockWidget, widget) -> None:
        # A panel may not widen (or heighten) the window: its content wraps or scrolls instead.
        widget.setMinimumSize(max(widget.minimumWidth(), PANEL_MIN_WIDTH),
                              max(widget.minimumHeight(), PANEL_MIN_HEIGHT))
        blank = dock.widget()
        dock.setWidget(widget)
        if blank is not None:
            blank.deleteLater()
        if hasattr(widget, "on_dock_visible"):  # panels that build or refresh only when their tab is shown
            dock.visibilityChanged.connect(widget.on_dock_visible)
            if not dock.visibleRegion().isEmpty():  # on screen already (not a tab behind another)
                widget.on_dock_visible(True)

    def make_action(self, text: str, slot, shortcut=None, checkable=False) -> QAction:
        action = QAction(self)  # not QAction(text, self): PySide would weigh the QIcon overloads and make
        action.setText(text)  # QIcon's enums, ~3 ms of the start (no action before the first paint has an icon)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _connect_signals(self) -> None:
        """The panels' signals (the window's own are connected when it is made)."""
        self.browse.pointChosen.connect(self._on_point_chosen)
        self.details.viewRequested.connect(self.plate_nav.go)  # a close-up plate's link in the details
        self.browse.filterMatched.connect(lambda codes: self.view_state.update(filter=codes))
        self.layers.meridianToggled.connect(self._on_meridian_toggled)
        self.layers.pathwaysToggled.connect(self._on_pathways_toggled)
        self.muscles.chosen.connect(self._on_point_chosen)
        self.pain.chosen.connect(self._on_point_chosen)
        self.plan_panel.chosen.connect(self._on_point_chosen)
        self.plan_panel.addRequested.connect(self.plans.add_selection)
        self.plan_panel.changed.connect(self.patient_view.refresh)
        self.plans.planReplaced.connect(self.patient_view.refresh)
        self.plans.message.connect(lambda text: self.messages.say(text, seconds=6))

    # --- views ------------------------------------------------------------------------------
    def scene_for(self, view: str) -> BodyScene:
        return self.scenes.build(view)  # drawn as the view state says from the start

    def _make_scene(self, view: str) -> BodyScene:
        scene = BodyScene(self.content.body.view(view), self.content, self)
        scene.pointClicked.connect(self._on_point_clicked)
        scene.pointHovered.connect(self._on_point_hovered)
        scene.triggerClicked.connect(self._on_trigger_clicked)
        scene.spotClicked.connect(self._on_spot_clicked)
        scene.spotClicked.connect(self.plate_nav.on_spot)
        scene.spotBrushed.connect(self._on_spot_brushed)
        return scene

    def _study_decks(self) -> tuple:
        favourites = self.favourites.codes if self.favourites is not None else None
        return favourites, [i.ref for i in self.plan_panel.plan.items if i.kind == "point"]

    @property
    def current_view(self) -> str:
        return self.view_state.view

    def _prebuild_scenes(self) -> None:
        self.scenes.use_caches()
        # the whole figures ahead of time; a plate's scene is built when it is first shown
        missing = [v for v in self.content.body.registry.full if v in self.content.body.views and v not in self.scenes]
        if missing:
            self.scene_for(missing[0])
            self.after_paint.add(self._prebuild_scenes)
        else:
            self.browse.finder()  # the search over everything, ready before the first keystroke

    def set_view(self, view: str) -> None:
        if view not in self.content.body.views:
            raise ValueError(f"unknown view {view!r}; choose one of {', '.join(self.content.body.views)}")
        if view == self.view_state.view:
            self._show_view()  # the same view again: the whole figure
        self.view_state.view = view  # the window shows it (_on_state_changed), whoever turns the view

    def _show_view(self) -> None:
        view = self.view_state.view
        self.diagram.show_scene(self.scene_for(view))
        self.view_actions[view].setChecked(True)
        self.status_line.view_label.setText(view_name(view))

    def _on_state_changed(self, changed: frozenset[str]) -> None:
        if "view" in changed:
            self._show_view()
        if "presenting" in changed:
            self.presentation_action.setChecked(self.presentation.active)
        if changed & {"view", "layers", "hidden_channels", "selection", "pain", "mode", "presenting"}:
            self._update_legend()

    def _update_legend(self) -> None:
        """List the channels that have markers on the current view and are switched on."""
        state = self.view_state
        scene = self.scenes.get(state.view)
        if scene is None:
            return
        shown = {item.meridian for item in scene.markers} if state.layers.acupoints else set()
        atlas = self.content.atlas
        triggers = state.layers.trigger_points or bool(state.trigger_zones(self.scenes.source))
        self.legend.set_entries([(code, m.name) for code, m in atlas.meridians.items()
                                 if code in shown and code not in state.hidden_channels], triggers=triggers)
        shown_at_all = state.layers.legend and state.mode not in (Mode.PATIENT, Mode.STUDY)
        self.legend.setVisible(shown_at_all and bool(self.legend.entries))

    def select(self, code: str, key=None) -> None:
        """Select by selection key: an acupoint, a muscle or a trigger point (command line, tests)."""
        muscles, wanted = self.content.muscles, keys.parse(code)
        known = {keys.Kind.POINT: self.content.atlas.points, keys.Kind.MUSCLE: muscles.muscles,
                 keys.Kind.TRIGGER_POINT: muscles.trigger_points}.get(wanted.kind, {})
        if code and wanted.ref not in known:
            raise KeyError(f"unknown point {code!r}")
        self.selection.select(code, key)

    def _views_of(self, code: str) -> tuple[str, ...]:
        muscles, selected = self.content.muscles, keys.parse(code)
        if selected.is_muscle:
            return muscles.muscles[selected.ref].views
        if selected.is_trigger_point:
            return (muscles.trigger_points[selected.ref].place.view,)
        return self.content.atlas.points[selected.ref].views

    def raise_panel(self, name: str) -> None:
        """Bring a side panel to the front by name (command line --panel)."""
        dock = {"details": self.details_dock, "compare": self.compare_dock, "muscles": self.muscles_dock,
                "layers": self.layers_dock, "browse": self.browse_dock, "plan": self.plan_dock,
                "study": self.study_dock, "plates": self.plates_dock}[name]
        dock.show()
        dock.raise_()

    def show_only_channels(self, codes) -> None:
        """Tick only the given channels in the layers panel (command line --channels)."""
        unknown = [c for c in codes if c not in self.layers.boxes]
        if unknown:
            raise ValueError(f"unknown channel {unknown[0]!r}; choose from {', '.join(self.layers.boxes)}")
        for code, box in self.layers.boxes.items():
            box.setChecked(code in codes)

    def zoom_to_selection(self, factor: float = 6.0) -> None:
        """Fit, then zoom in by ``factor`` around the selected point (or the centre if none)."""
        self.diagram.fit()
        self.diagram.zoom_by(factor)
        scene = self.scenes.get(self.current_view)
        if scene is not None:
            items = scene.selected_items() or [m for m in scene.triggers.markers if m.active] \
                or scene.triggers.visible_regions()
            self.diagram.center_on_items(items)

    def step_point(self, step: int) -> None:
        """Keyboard selection: the next/previous point of the selected point's channel (or region)."""
        self.selection.select(neighbour(self.content, self.selection.code, step))

    # --- slots ------------------------------------------------------------------------------
    def _on_point_clicked(self, code: str, key) -> None:
        if self.pain_action.isChecked():  # in "where does it hurt?" mode a dot is just a spot
            marker = next(m for m in self.content.layout.markers_of(code, key[1]) if m.key == key)
            self._on_spot_clicked(marker.x, marker.y)
            return
        self.selection.select(code, key)

    def _on_point_chosen(self, code: str) -> None:
        self.selection.select(code)

    def _on_selection_changed(self, code: str, key) -> None:
        if code:
            views = self._views_of(code)
            if views and self.current_view not in views and not (  # a plate showing the point keeps it
                    keys.parse(code).is_point and self.content.layout.markers_of(code, self.current_view)):
                self.set_view(views[0])
        self.view_state.update(selection=code, marker=key)
        scene = self.scenes.get(self.current_view)
        if scene is not None and code and self.diagram.zoom > 1.0:
            self.diagram.center_on_items(scene.selected_items())
        self.details.show_point(code)
        self.browse.show_point(code)
        self.muscles.show_key(code)
        if code or self.view_state.pain is None:
            self.compare.show_selection(code)
        self.history.visit(code)
        self._update_go_actions()

    def _on_point_hovered(self, code: str) -> None:
        if code:
            point = self.content.atlas.points[code]
            self.status_line.hover_label.setText(f"{code} {point.pinyin} — {point.english}")
        else:
            self.status_line.hover_label.setText("")

    def _on_trigger_clicked(self, tp_id: str) -> None:
        if self.pain_action.isChecked():
            marker = next(m for m in self.content.muscles.markers_of(tp_id) if m.view == self.current_view)
            self._on_spot_clicked(marker.x, marker.y)
            return
        self.selection.select(keys.trigger_key(tp_id))

    def _clicks_taken(self) -> bool:
        """A click on the figure answers something else: where does it hurt, locate the point."""
        return self.pain_action.isChecked() or self.study.locating()

    def _on_spot_clicked(self, x: float, y: float) -> None:
        """In 'where does it hurt?' mode: light up the muscles referring pain here and nearby acupoints."""
        if self.study.locating():
            self.study.click(x, y)
            return
        if not self.pain_action.isChecked():
            return
        self._show_pain([(x, y)])

    def _on_spot_brushed(self, x: float, y: float) -> None:
        """Dragging paints an area: the answer covers every spot brushed since the button went down."""
        pain = self.view_state.pain
        if not self.pain_action.isChecked() or pain is None:
            return
        lx, ly = pain.brush[-1]
        if abs(x - lx) + abs(y - ly) > 0.006:
            self._show_pain([*pain.brush, (x, y)])

    def _show_pain(self, brushed: list[tuple[float, float]]) -> None:
        view = self.current_view
        x, y = brushed[-1]
        hits = where_it_hurts_area(self.content.muscles, view, brushed)
        near_all: dict[str, float] = {}
        for sx, sy in brushed:
            for code, d in nearby_points(self.content.layout, view, sx, sy):
                near_all[code] = min(d, near_all.get(code, d))
        near = sorted(near_all.items(), key=lambda kv: kv[1])
        zones: dict[str, set[str]] = {}
        for hit in hits:
            zones.setdefault(hit.muscle, set()).add(hit.kind)
        pain = Pain(view, {m: frozenset(k) for m, k in zones.items()}, tuple(c for c, _ in near), tuple(brushed))
        self.view_state.update(pain=pain, marked=())
        self.selection.clear()
        self.pain.show_results(view, hits, near)
        self.compare.show_selection(spot=(view, x, y))
        self.pain_dock.show()
        self.pain_dock.raise_()
        message = _("For this spot: muscles {muscles}, acupoints {points}")
        self.messages.say(message.format(muscles=len(hits), points=len(near)))

    def _on_pain_mode(self, on: bool) -> None:
        self.view_state.update(brushing=on, **({} if on else {"pain": None, "marked": ()}))
        self.diagram.setDragMode(self.diagram.DragMode.NoDrag if on else self.diagram.DragMode.ScrollHandDrag)
        self.diagram.viewport().setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.OpenHandCursor)
        if on:
            self.pain_dock.show()
            self.pain_dock.raise_()

    def _on_meridian_toggled(self, meridian: str, on: bool) -> None:
        self.view_state.show_channel(meridian, on)

    def _on_pathways_toggled(self, on: bool) -> None:
        self.view_state.set_layer(channel_lines=on)

    def _on_zoom_changed(self, zoom: float) -> None:
        self.zoom_label.setText(_("Zoom {percent} %").format(percent=f"{zoom * 100:.0f}"))

    def go_back(self) -> None:
        if self.history.can_go_back():
            self.selection.select(self.history.back())

    def go_forward(self) -> None:
        if self.history.can_go_forward():
            self.selection.select(self.history.forward())

    def toggle_favourite(self) -> None:
        code = self.selection.code
        if not code or self.favourites is None:
            self._update_go_actions()
            return
        try:
            now = self.favourites.toggle(code)
        except OSError as exc:
            self.messages.warn(_("Could not save favourites: {error}").format(error=exc), seconds=8)
            return
        self.browse.set_favourites(self.favourites.codes)
        done = _("{code} added to favourites") if now else _("{code} removed from favourites")
        self.messages.say(done.format(code=code), seconds=4)
        self._update_go_actions()

    def _on_find(self) -> None:
        self.browse_dock.show()
        self.browse_dock.raise_()
        self.browse.focus_search()

    def _update_go_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())
        code = self.selection.code
        self.favourite_action.setEnabled(code in self.content.atlas.points and self.favourites is not None)
        self.favourite_action.setChecked(bool(code) and self.favourites is not None and code in self.favourites)
        self.favourite_action.setText(_("★ Favourite") if self.favourite_action.isChecked() else _("☆ Favourite"))

    # --- remembering the layout between sessions ---------------------------------------------
    def restore_layout(self) -> None:
        """Window size, panel layout and last view from the previous session (if any)."""
        restore_layout(self)

    def event(self, event) -> bool:
        # Qt makes a new tab bar whenever docks are tabbed together (a restored layout, a drag): each one
        # shows whole titles too, never "Bro…", "Mus…"
        if event.type() == QEvent.Type.ChildPolished and isinstance(event.child(), QTabBar):
            event.child().setElideMode(Qt.TextElideMode.ElideNone)
            event.child().setUsesScrollButtons(True)
        return super().event(event)

    def closeEvent(self, event) -> None:
        if self.plans.dirty and not getattr(self, "_close_confirmed", False):
            event.ignore()  # ask first (without blocking); close again once the answer allows it
            self.plans.confirm_discard(self._close_confirmed_now)
            return
        self.presentation.set_active(False)
        self.patient_view.set_active(False)
        save_layout(self)
        super().closeEvent(event)

    def _close_confirmed_now(self) -> None:
        self._close_confirmed = True
        QTimer.singleShot(0, self.close)  # not inside the close that asked (Qt ignores a nested close)

    def show_correspondence(self) -> None:  # dialogs are imported when first opened, not at start-up
        from .correspondence import open_correspondence
        open_correspondence(self)

    def show_problems(self) -> None:
        from .problems import ProblemsDialog

        dialog = ProblemsDialog(self.content.problems, self)
        dialog.open()

    def open_data_folder(self) -> None:
        from .packs_dialog import open_data_folder
        open_data_folder(self)

    def show_about(self) -> None:
        from .problems import show_about

        show_about(self)
