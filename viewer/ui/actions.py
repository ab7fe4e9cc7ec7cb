"""Menus, toolbar and keyboard shortcuts of the main window, declared in one place."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QActionGroup, QKeySequence

from .appearance import Appearance
from .language import add_menu as add_language_menu
from .packs_dialog import show_packs
from .patient_language import menu as patient_language_menu
from .session import reset_layout
from .shortcuts import show_shortcuts

VIEW_TITLES = {"front": "Front", "back": "Back", "side": "Side", "soles": "Soles"}


def build_actions(win) -> None:
    """Create every QAction of ``win`` (a MainWindow) with its menu entry and toolbar button."""
    menu = win.menuBar()
    file_menu = menu.addMenu("&File")
    plans = win.plans
    win.add_to_plan_action = win.make_action("&Add selection to plan", plans.add_selection, "Ctrl+Return")
    for text, slot, key in (("&New plan", plans.new_plan, QKeySequence.StandardKey.New),
                            ("&Open plan…", lambda: plans.open_plan(), QKeySequence.StandardKey.Open),
                            ("&Save plan", plans.save_plan, QKeySequence.StandardKey.Save),
                            ("Save plan &as…", lambda: plans.save_plan_as(), "Ctrl+Shift+S")):
        file_menu.addAction(win.make_action(text, slot, key))
    file_menu.addAction(win.add_to_plan_action)
    file_menu.addSeparator()
    file_menu.addAction(win.make_action("&Export handout (PDF/PNG)…", lambda: plans.export_handout(), "Ctrl+E"))
    file_menu.addAction(win.make_action("Export &quiz sheet (PDF)…", lambda: plans.export_quiz()))
    file_menu.addAction(win.make_action("&Print handout…", plans.print_plan, QKeySequence.StandardKey.Print))
    file_menu.addAction(win.make_action("Export &view image…", lambda: plans.export_view(), "Ctrl+Shift+E"))
    patient_language_menu(win.patient_view.language, file_menu)
    file_menu.addSeparator()
    file_menu.addAction(win.make_action("&Quit", win.close, QKeySequence.StandardKey.Quit))

    view_menu = menu.addMenu("&View")
    win.view_actions = {}
    group = QActionGroup(win)
    toolbar = win.addToolBar("Views")
    toolbar.setObjectName("views_toolbar")
    for number, name in enumerate(win.content.body.views, start=1):
        action = win.make_action(f"&{VIEW_TITLES.get(name, name)}", lambda _=False, n=name: win.set_view(n),
                              str(number), checkable=True)
        action.setToolTip(f"{VIEW_TITLES.get(name, name)} view ({number})")
        group.addAction(action)
        view_menu.addAction(action)
        toolbar.addAction(action)
        win.view_actions[name] = action
    view_menu.addSeparator()
    toolbar.addSeparator()
    zoom_in = win.make_action("Zoom &in", win.diagram.zoom_in, QKeySequence.StandardKey.ZoomIn)
    zoom_out = win.make_action("Zoom &out", win.diagram.zoom_out, QKeySequence.StandardKey.ZoomOut)
    fit = win.make_action("&Fit figure", win.diagram.fit, "Ctrl+0")
    win.zoom_sel_action = win.make_action("Zoom to &selection", lambda: win.zoom_to_selection(6.0), "Z")
    for action in (zoom_in, zoom_out, fit, win.zoom_sel_action):
        view_menu.addAction(action)
        toolbar.addAction(action)
    view_menu.addSeparator()
    win.next_action = win.make_action("&Next point on channel", lambda: win.step_point(1), "]")
    win.prev_action = win.make_action("&Previous point on channel", lambda: win.step_point(-1), "[")
    win.clear_action = win.make_action("&Clear selection", win.selection.clear, "Esc")
    # Esc clears only while the diagram has the focus, so panels (study, presentation) can use it too.
    win.clear_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    win.diagram.addAction(win.clear_action)
    for action in (win.next_action, win.prev_action, win.clear_action):
        view_menu.addAction(action)

    go_menu = menu.addMenu("&Go")
    # "Go back" (history) reads differently from the "Back" view button beside it.
    win.back_action = win.make_action("Go &back", win.go_back, QKeySequence.StandardKey.Back)
    win.forward_action = win.make_action("Go &forward", win.go_forward, QKeySequence.StandardKey.Forward)
    win.back_action.setToolTip("Go back to the previous selection (Alt+←)")
    win.forward_action.setToolTip("Go forward again in the selection history (Alt+→)")
    win.find_action = win.make_action("&Find point…", win._on_find, QKeySequence.StandardKey.Find)
    win.favourite_action = win.make_action("&Favourite", win.toggle_favourite, "Ctrl+D", checkable=True)
    for action in (win.back_action, win.forward_action):
        go_menu.addAction(action)
        toolbar.addAction(action)
    go_menu.addSeparator()
    go_menu.addAction(win.find_action)
    go_menu.addAction(win.favourite_action)
    toolbar.addAction(win.favourite_action)
    win._update_go_actions()
    view_menu.addSeparator()
    win.acupoints_action = win.make_action("&Acupoints", win._on_acupoints_toggled, "A", checkable=True)
    win.triggers_action = win.make_action("&Trigger points", win._on_triggers_toggled, "T", checkable=True)
    win.pain_action = win.make_action("Where does it &hurt?", win._on_pain_mode, "H", checkable=True)
    win.acupoints_action.setChecked(True)
    win.triggers_action.setChecked(False)
    toolbar.addSeparator()
    for action in (win.acupoints_action, win.triggers_action, win.pain_action):
        view_menu.addAction(action)
        toolbar.addAction(action)
    view_menu.addSeparator()
    win.patient_action = win.make_action("&Patient view", win.patient_view.set_active, "F9", checkable=True)
    win.presentation_action = win.make_action("P&resentation mode", win.presentation.set_active, "F5",
                                              checkable=True)
    for action in (win.patient_action, win.presentation_action):
        view_menu.addAction(action)
        toolbar.addAction(action)
    view_menu.addSeparator()
    view_menu.addAction(win.make_action("&Study (quizzes, locate the point)", lambda: win.raise_panel("study"),
                                        "Ctrl+T"))
    for dock in (win.browse_dock, win.muscles_dock, win.plan_dock, win.layers_dock, win.details_dock,
                 win.compare_dock, win.study_dock, win.pain_dock):
        view_menu.addAction(dock.toggleViewAction())
    win.legend_action = win.make_action(
        "Channel &legend", lambda on: win.legend.setVisible(on and bool(win.legend.entries)), "L", checkable=True)
    win.legend_action.setChecked(True)
    view_menu.addAction(win.legend_action)
    view_menu.addSeparator()
    win.appearance = Appearance(win, view_menu)  # View ▸ Theme, View ▸ Text size

    window_menu = menu.addMenu("&Window")
    window_menu.addAction(win.make_action("&Reset layout", lambda: reset_layout(win)))

    add_language_menu(win, win.data_dir)

    help_menu = menu.addMenu("&Help")
    help_menu.addAction(win.make_action("&Keyboard shortcuts…", lambda: show_shortcuts(win), "F1"))
    help_menu.addAction(win.make_action("&Trigger points and acupoints…", win.show_correspondence))
    help_menu.addAction(win.make_action("Load &problems…", win.show_problems))
    help_menu.addAction(win.make_action("Data &packs…", lambda: show_packs(win)))
    help_menu.addAction(win.make_action("Open &data folder", win.open_data_folder))
    help_menu.addAction(win.make_action("&About", win.show_about))
