"""The main window: composes the widgets and wires their signals in one place."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox

from .. import APP_NAME, __version__
from ..atlas.favourites import Favourites
from ..atlas.history import History
from .browse import BrowsePanel
from .details import DISCLAIMER, DetailsPanel
from .diagram import DiagramView
from .layers import LayersPanel
from .legend import LegendOverlay
from .problems import ProblemsDialog
from .scene import BodyScene
from .selection import Selection

VIEW_TITLES = {"front": "Front", "back": "Back", "side": "Side", "soles": "Soles"}


class MainWindow(QMainWindow):
    def __init__(self, content, data_dir=None, parent=None):
        super().__init__(parent)
        self.content = content
        self.data_dir = data_dir
        self.setWindowTitle(f"{APP_NAME} — acupuncture points atlas")
        self.selection = Selection(self)
        self.scenes: dict[str, BodyScene] = {}
        self.current_view = ""
        self.hidden_meridians: set[str] = set()
        self.pathways_on = True

        self.diagram = DiagramView(self)
        self.setCentralWidget(self.diagram)
        # A child of the view (not of its viewport), so it stays put while the diagram scrolls.
        self.legend = LegendOverlay(self.diagram)
        self.legend.move(self.diagram.frameWidth() + 10, self.diagram.frameWidth() + 10)
        self.details = DetailsPanel(content)
        self.layers = LayersPanel(content.atlas)
        self.browse = BrowsePanel(content.atlas, index=content.search)
        self.history = History()
        self.favourites = Favourites(data_dir, set(content.atlas.points)) if data_dir is not None else None
        if self.favourites is not None:
            self.browse.set_favourites(self.favourites.codes)
        self.details_dock = self._dock("Details", self.details, Qt.DockWidgetArea.RightDockWidgetArea)
        self.browse_dock = self._dock("Browse", self.browse, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.layers_dock = self._dock("Layers", self.layers, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.browse_dock, self.layers_dock)
        self.browse_dock.raise_()
        self.resizeDocks([self.browse_dock, self.details_dock], [290, 340], Qt.Orientation.Horizontal)

        self.view_label = QLabel()
        self.hover_label = QLabel()
        self.zoom_label = QLabel()
        for label in (self.view_label, self.hover_label):
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._build_actions()
        self._connect_signals()
        self.set_view("front")
        self._report_problems()
        # Build the other views' scenes right after the first paint, one per event-loop turn, so
        # that switching view or selecting a point on another view is instant.
        QTimer.singleShot(0, self._prebuild_scenes)

    # --- construction -----------------------------------------------------------------------
    def _dock(self, title: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower()}_dock")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot, shortcut=None, checkable=False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))

        view_menu = menu.addMenu("&View")
        self.view_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        toolbar = self.addToolBar("Views")
        toolbar.setObjectName("views_toolbar")
        for number, name in enumerate(self.content.body.views, start=1):
            action = self._action(f"&{VIEW_TITLES.get(name, name)}", lambda _=False, n=name: self.set_view(n),
                                  str(number), checkable=True)
            action.setToolTip(f"{VIEW_TITLES.get(name, name)} view ({number})")
            group.addAction(action)
            view_menu.addAction(action)
            toolbar.addAction(action)
            self.view_actions[name] = action
        view_menu.addSeparator()
        toolbar.addSeparator()
        zoom_in = self._action("Zoom &in", self.diagram.zoom_in, QKeySequence.StandardKey.ZoomIn)
        zoom_out = self._action("Zoom &out", self.diagram.zoom_out, QKeySequence.StandardKey.ZoomOut)
        fit = self._action("&Fit figure", self.diagram.fit, "Ctrl+0")
        self.zoom_sel_action = self._action("Zoom to &selection", lambda: self.zoom_to_selection(6.0), "Z")
        for action in (zoom_in, zoom_out, fit, self.zoom_sel_action):
            view_menu.addAction(action)
            toolbar.addAction(action)
        view_menu.addSeparator()
        self.next_action = self._action("&Next point on channel", lambda: self.step_point(1), "]")
        self.prev_action = self._action("&Previous point on channel", lambda: self.step_point(-1), "[")
        self.clear_action = self._action("&Clear selection", self.selection.clear, "Esc")
        for action in (self.next_action, self.prev_action, self.clear_action):
            view_menu.addAction(action)

        go_menu = menu.addMenu("&Go")
        self.back_action = self._action("&Back", self.go_back, QKeySequence.StandardKey.Back)
        self.forward_action = self._action("&Forward", self.go_forward, QKeySequence.StandardKey.Forward)
        self.find_action = self._action("&Find point…", self._on_find, QKeySequence.StandardKey.Find)
        self.favourite_action = self._action("&Favourite", self.toggle_favourite, "Ctrl+D", checkable=True)
        for action in (self.back_action, self.forward_action):
            go_menu.addAction(action)
            toolbar.addAction(action)
        go_menu.addSeparator()
        go_menu.addAction(self.find_action)
        go_menu.addAction(self.favourite_action)
        toolbar.addAction(self.favourite_action)
        self._update_go_actions()
        view_menu.addSeparator()
        for dock in (self.browse_dock, self.layers_dock, self.details_dock):
            view_menu.addAction(dock.toggleViewAction())
        self.legend_action = self._action("Channel &legend", lambda on: self.legend.setVisible(on and bool(self.legend.entries)),
                                          "L", checkable=True)
        self.legend_action.setChecked(True)
        view_menu.addAction(self.legend_action)

        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self._action("Load &problems…", self.show_problems))
        help_menu.addAction(self._action("Open &data folder", self.open_data_folder))
        help_menu.addAction(self._action("&About", self.show_about))

    def _connect_signals(self) -> None:
        self.selection.changed.connect(self._on_selection_changed)
        self.browse.pointChosen.connect(self._on_point_chosen)
        self.layers.meridianToggled.connect(self._on_meridian_toggled)
        self.layers.pathwaysToggled.connect(self._on_pathways_toggled)
        self.diagram.zoomChanged.connect(self._on_zoom_changed)

    # --- views ------------------------------------------------------------------------------
    def scene_for(self, view: str) -> BodyScene:
        scene = self.scenes.get(view)
        if scene is None:
            scene = BodyScene(self.content.body.view(view), self.content, self)
            scene.pointClicked.connect(self._on_point_clicked)
            scene.pointHovered.connect(self._on_point_hovered)
            for meridian in self.hidden_meridians:
                scene.set_meridian_visible(meridian, False)
            scene.set_pathways_visible(self.pathways_on)
            self.scenes[view] = scene
        return scene

    def _prebuild_scenes(self) -> None:
        missing = [v for v in self.content.body.views if v not in self.scenes]
        if missing:
            self.scene_for(missing[0])
            QTimer.singleShot(0, self._prebuild_scenes)

    def set_view(self, view: str) -> None:
        if view not in self.content.body.views:
            raise ValueError(f"unknown view {view!r}; choose one of {', '.join(self.content.body.views)}")
        scene = self.scene_for(view)
        self.current_view = view
        scene.select(self.selection.code, self.selection.key)
        self.diagram.show_scene(scene)
        self.view_actions[view].setChecked(True)
        self.view_label.setText(f"{VIEW_TITLES.get(view, view)} view")
        self._update_legend()

    def _update_legend(self) -> None:
        """List the channels that have markers on the current view and are switched on."""
        scene = self.scenes.get(self.current_view)
        if scene is None:
            return
        shown = {item.meridian for item in scene.markers}
        atlas = self.content.atlas
        self.legend.set_entries([(code, m.name) for code, m in atlas.meridians.items()
                                 if code in shown and code not in self.hidden_meridians])

    def select(self, code: str, key=None) -> None:
        """Select a point by code (used by the command line and by tests)."""
        if code and code not in self.content.atlas.points:
            raise KeyError(f"unknown point {code!r}")
        self.selection.select(code, key)

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
            self.diagram.center_on_items(scene.selected_items())

    def step_point(self, step: int) -> None:
        """Keyboard selection: move to the next/previous point of the selected point's channel."""
        atlas = self.content.atlas
        code = self.selection.code
        if not code:
            first = next(iter(atlas.points), "")
            self.selection.select(first)
            return
        codes = atlas.meridians[atlas.points[code].meridian].points
        index = (codes.index(code) + step) % len(codes)
        self.selection.select(codes[index])

    # --- slots ------------------------------------------------------------------------------
    def _on_point_clicked(self, code: str, key) -> None:
        self.selection.select(code, key)

    def _on_point_chosen(self, code: str) -> None:
        self.selection.select(code)

    def _on_selection_changed(self, code: str, key) -> None:
        if code:
            views = self.content.atlas.points[code].views
            if views and self.current_view not in views:
                self.set_view(views[0])
        scene = self.scenes.get(self.current_view)
        if scene is not None:
            scene.select(code, key)
            if code and self.diagram.zoom > 1.0:
                self.diagram.center_on_items(scene.selected_items())
        self.details.show_point(code)
        self.browse.show_point(code)
        self.history.visit(code)
        self._update_go_actions()

    def _on_point_hovered(self, code: str) -> None:
        if code:
            point = self.content.atlas.points[code]
            self.hover_label.setText(f"{code} {point.pinyin} — {point.english}")
        else:
            self.hover_label.setText("")

    def _on_meridian_toggled(self, meridian: str, on: bool) -> None:
        if on:
            self.hidden_meridians.discard(meridian)
        else:
            self.hidden_meridians.add(meridian)
        for scene in self.scenes.values():
            scene.set_meridian_visible(meridian, on)
        self._update_legend()

    def _on_pathways_toggled(self, on: bool) -> None:
        self.pathways_on = on
        for scene in self.scenes.values():
            scene.set_pathways_visible(on)

    def _on_zoom_changed(self, zoom: float) -> None:
        self.zoom_label.setText(f"Zoom {zoom * 100:.0f}%")

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
            self.statusBar().showMessage(f"Could not save favourites: {exc}", 8000)
            return
        self.browse.set_favourites(self.favourites.codes)
        self.statusBar().showMessage(f"{code} {'added to' if now else 'removed from'} favourites", 4000)
        self._update_go_actions()

    def _on_find(self) -> None:
        self.browse_dock.show()
        self.browse_dock.raise_()
        self.browse.focus_search()

    def _update_go_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())
        code = self.selection.code
        self.favourite_action.setEnabled(bool(code) and self.favourites is not None)
        self.favourite_action.setChecked(bool(code) and self.favourites is not None and code in self.favourites)
        self.favourite_action.setText("★ Favourite" if self.favourite_action.isChecked() else "☆ Favourite")

    # --- dialogs ----------------------------------------------------------------------------
    def _report_problems(self) -> None:
        problems = self.content.problems
        if self.favourites is not None and self.favourites.note:
            self.statusBar().showMessage(self.favourites.note, 0)
        elif problems:
            self.statusBar().showMessage(
                f"{len(problems)} data problem{'s' if len(problems) != 1 else ''}: some entries were skipped "
                "(Help ▸ Load problems).", 0)

    def show_problems(self) -> None:
        dialog = ProblemsDialog(self.content.problems, self)
        dialog.open()

    def open_data_folder(self) -> None:
        if self.data_dir is not None:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))

    def show_about(self) -> None:
        atlas = self.content.atlas
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3><p>{len(atlas.points)} points on "
            f"{len(atlas.meridians)} channels.</p><p>{DISCLAIMER}</p>")
