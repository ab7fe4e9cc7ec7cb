"""Menus, toolbar and keyboard shortcuts of the main window, declared as data in one place.

``ACTIONS`` is the table of commands (id, title, shortcut, handler); ``MENUS`` and ``TOOLBAR`` lay them
out. ``build_actions`` turns the tables into QActions: nothing else creates a menu command, so titles
can be translated (or checked, or listed in the shortcut reference) from the table alone.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import msgspec
from PySide6.QtCore import Qt
from PySide6.QtGui import QActionGroup, QKeySequence

from ..atlas.i18n import N_, _
from .appearance import Appearance
from .crosshair import Crosshair
from .language import add_menu as add_language_menu
from .patient_language import menu as patient_language_menu
from .safe_text import tooltip
from .session import reset_layout
from .words import view_name, view_short

Key = QKeySequence.StandardKey



# Dialogs are imported when first opened: none of them is needed for the window's first picture.
def _show_shortcuts(win) -> None:
    from .shortcuts import show_shortcuts

    show_shortcuts(win)


def _show_packs(win) -> None:
    from .packs_dialog import show_packs

    show_packs(win)

class Command(msgspec.Struct, frozen=True):
    """One menu command: ``handler(window)`` returns the slot its ``triggered`` signal calls. The actions are
    made before the side panels (see ``MainWindow.build_panels``): a handler reaches a panel or what drives
    one (``plans``, ``patient_view``, ``presentation``) only inside the slot, when it is called."""

    id: str
    title: str  # marked with N_, translated when the action is made
    handler: Callable[[Any], Callable]
    shortcut: str | QKeySequence.StandardKey | None = None
    checkable: bool = False
    checked: bool = False
    tip: str = ""
    attr: str = ""  # the window attribute that holds the QAction (for tests and the window's own use)


ACTIONS = (
    # File
    Command("new_plan", N_("&New plan"), lambda w: lambda: w.plans.new_plan(), Key.New),
    Command("open_plan", N_("&Open plan…"), lambda w: lambda: w.plans.open_plan(), Key.Open),
    Command("save_plan", N_("&Save plan"), lambda w: lambda: w.plans.save_plan(), Key.Save),
    Command("save_plan_as", N_("Save plan &as…"), lambda w: lambda: w.plans.save_plan_as(), "Ctrl+Shift+S"),
    Command("add_to_plan", N_("&Add selection to plan"), lambda w: lambda: w.plans.add_selection(), "Ctrl+Return",
            attr="add_to_plan_action"),
    Command("export_handout", N_("&Export handout (PDF/PNG)…"), lambda w: lambda: w.plans.export_handout(), "Ctrl+E"),
    Command("export_quiz", N_("Export q&uiz sheet (PDF)…"), lambda w: lambda: w.plans.export_quiz()),
    Command("print_handout", N_("&Print handout…"), lambda w: lambda: w.plans.print_plan(), Key.Print),
    Command("export_view", N_("Export &view image…"), lambda w: lambda: w.plans.export_view(), "Ctrl+Shift+E"),
    Command("quit", N_("&Quit"), lambda w: w.close, Key.Quit),
    # View
    Command("zoom_in", N_("Zoom &in"), lambda w: w.diagram.zoom_in, Key.ZoomIn),
    Command("zoom_out", N_("Zoom &out"), lambda w: w.diagram.zoom_out, Key.ZoomOut),
    Command("fit", N_("&Fit figure"), lambda w: w.diagram.fit, "Ctrl+0"),
    Command("open_plate", N_("Regional plate or whole &figure"), lambda w: w.plate_nav.open_offer, "P",
            tip=N_("Show the regional plate offered in the status bar; on a plate, its whole figure (P)")),
    Command("zoom_selection", N_("Zoom to &selection"), lambda w: lambda: w.zoom_to_selection(6.0), "Z",
            attr="zoom_sel_action"),
    Command("next_point", N_("&Next point on channel"), lambda w: lambda: w.step_point(1), "]", attr="next_action"),
    Command("previous_point", N_("&Previous point on channel"), lambda w: lambda: w.step_point(-1), "[",
            attr="prev_action"),
    Command("clear", N_("&Clear selection"), lambda w: w.selection.clear, "Esc", attr="clear_action"),
    Command("crosshair", N_("Keyboard &crosshair"), lambda w: w.crosshair.set_visible, "X", checkable=True,
            tip=N_("A crosshair moved with the arrow keys: Enter answers or asks where it hurts"),
            attr="crosshair_action"),
    Command("acupoints", N_("&Acupoints"), lambda w: lambda on: w.view_state.set_layer(acupoints=on), "A",
            checkable=True, checked=True, attr="acupoints_action"),
    Command("triggers", N_("&Trigger points"), lambda w: lambda on: w.view_state.set_layer(trigger_points=on), "T",
            checkable=True, attr="triggers_action"),
    Command("safety", N_("&Safety layer"), lambda w: lambda _on: None, "S", checkable=True,
            tip=N_("Safety layer: lungs and pleura, kidneys, great vessels and nerves (S)"), attr="safety_action"),
    Command("pain", N_("Where does it &hurt?"), lambda w: w._on_pain_mode, "H", checkable=True, attr="pain_action"),
    Command("patient", N_("&Patient view"), lambda w: lambda on: w.patient_view.set_active(on), "F9", checkable=True,
            attr="patient_action"),
    Command("presentation", N_("P&resentation mode"), lambda w: lambda on: w.presentation.set_active(on), "F5",
            checkable=True, attr="presentation_action"),
    Command("study", N_("&Study (quizzes, locate the point)"), lambda w: lambda: w.raise_panel("study"), "Ctrl+T"),
    Command("legend", N_("Channel &legend"), lambda w: lambda on: w.view_state.set_layer(legend=on), "L",
            checkable=True, checked=True, attr="legend_action"),
    # Go ("Go back", the history, reads differently from the "Back" view button beside it)
    Command("go_back", N_("Go &back"), lambda w: w.go_back, Key.Back,
            tip=N_("Go back to the previous selection (Alt+←)"),
            attr="back_action"),
    Command("forward", N_("Go &forward"), lambda w: w.go_forward, Key.Forward,
            tip=N_("Go forward again in the selection history (Alt+→)"), attr="forward_action"),
    Command("find", N_("&Find point…"), lambda w: w._on_find, Key.Find, attr="find_action"),
    Command("favourite", N_("&Favourite"), lambda w: w.toggle_favourite, "Ctrl+D", checkable=True,
            attr="favourite_action"),
    # Window, Help
    Command("reset_layout", N_("&Reset layout"), lambda w: lambda: reset_layout(w)),
    Command("shortcuts", N_("&Keyboard shortcuts…"), lambda w: lambda: _show_shortcuts(w), "F1"),
    Command("correspondence", N_("&Trigger points and acupoints…"), lambda w: w.show_correspondence),
    Command("problems", N_("Load &problems…"), lambda w: w.show_problems),
    Command("packs", N_("Data pa&cks…"), lambda w: lambda: _show_packs(w)),
    Command("data_folder", N_("Open &data folder"), lambda w: w.open_data_folder),
    Command("about", N_("&About"), lambda w: w.show_about),
)

# The menus in order: command ids, "-" for a separator, and "@..." for entries built from other data
# (one per body view, the panels' show/hide switches, the patient-language submenu, View ▸ Theme and
# View ▸ Text size, the Language menu).
MENUS = (
    (N_("&File"), ("new_plan", "open_plan", "save_plan", "save_plan_as", "add_to_plan", "-", "export_handout",
               "export_quiz", "print_handout", "export_view", "@patient_language", "-", "quit")),
    (N_("&View"), ("@views", "open_plate", "-", "zoom_in", "zoom_out", "fit", "zoom_selection", "-", "next_point",
               "previous_point", "clear", "crosshair", "-", "acupoints", "triggers", "safety", "pain", "-", "patient",
               "presentation",
               "-", "study", "legend", "-", "@appearance")),
    (N_("&Go"), ("go_back", "forward", "-", "find", "favourite")),
    (N_("&Window"), ("@docks", "-", "reset_layout")),
    ("@language", ()),
    (N_("&Help"), ("shortcuts", "correspondence", "problems", "packs", "data_folder", "about")),
)
TOOLBAR = ("@views", "-", "zoom_in", "zoom_out", "fit", "zoom_selection", "go_back", "forward", "favourite", "-",
           "acupoints", "triggers", "pain", "patient", "presentation")
# The side panels' show/hide switches (Window menu), each with a letter of its own there.
DOCKS = (("browse_dock", N_("&Browse")), ("muscles_dock", N_("&Muscles")), ("plan_dock", N_("P&lan")),
         ("layers_dock", N_("La&yers")), ("details_dock", N_("&Details")), ("compare_dock", N_("&Compare")),
         ("study_dock", N_("&Study")), ("pain_dock", N_("&Where it hurts")), ("plates_dock", N_("Pla&tes")))


def _view_actions(win) -> list:
    """One checkable action per body view (with the registry's shortcut: 1, 2, 3 …), kept in
    ``win.view_actions``."""
    win.view_actions = {}
    group = QActionGroup(win)
    for name in win.content.body.views:
        key = win.content.body.spec(name).shortcut
        action = win.make_action(view_short(name), lambda _=False, n=name: win.set_view(n), key or None,
                                 checkable=True)
        action.setToolTip(_("{view} ({key})").format(view=view_name(name), key=key) if key else view_name(name))
        group.addAction(action)
        win.view_actions[name] = action
    return list(win.view_actions.values())


def _make(win, command: Command):
    action = win.make_action(_(command.title), command.handler(win), command.shortcut, checkable=command.checkable)
    action.setObjectName(f"action_{command.id}")
    action.setChecked(command.checked)
    if command.tip:
        action.setToolTip(tooltip(_(command.tip)))
        action.setStatusTip(_(command.tip))  # the plain words, for the Layers panel's tick boxes
    if command.attr:
        setattr(win, command.attr, action)
    return action


def build_actions(win) -> None:
    """Create every QAction of ``win`` (a MainWindow) from ``ACTIONS`` and lay out menus and toolbar."""
    win.crosshair = Crosshair(win)
    actions = {command.id: _make(win, command) for command in ACTIONS}
    win.crosshair.action = actions["crosshair"]
    win.actions_by_id = actions
    # Esc clears only while the diagram has the focus, so panels (study, presentation) can use it too.
    actions["clear"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    win.diagram.addAction(actions["clear"])
    _view_actions(win)
    registry = win.content.body.registry
    full = [win.view_actions[name] for name in registry.full if name in win.view_actions]
    plates = [win.view_actions[name] for name in registry.plates if name in win.view_actions]
    for title, entries in MENUS:
        if title == "@language":
            add_language_menu(win, win.data_dir)
            continue
        menu = win.menuBar().addMenu(_(title))
        for entry in entries:
            if entry == "-":
                menu.addSeparator()
            elif entry == "@views":  # the whole figures, then the regional plates in a submenu of their own
                menu.addActions(full)
                if plates:
                    submenu = menu.addMenu(_("Re&gional plates"))
                    submenu.setObjectName("plates_menu")
                    submenu.addActions(plates)
            elif entry == "@docks":
                for dock, text in DOCKS:
                    getattr(win, dock).toggleViewAction().setText(_(text))
                    menu.addAction(getattr(win, dock).toggleViewAction())
            elif entry == "@patient_language":
                patient_language_menu(win.patient_language, menu)
            elif entry == "@appearance":
                win.appearance = Appearance(win, menu)  # View ▸ Theme, View ▸ Text size
            else:
                menu.addAction(actions[entry])
    toolbar = win.addToolBar(_("Views"))
    toolbar.setObjectName("views_toolbar")
    for entry in TOOLBAR:
        if entry == "-":
            toolbar.addSeparator()
        elif entry == "@views":  # the figures with a key of their own; the others are in the menu and Plates tab
            toolbar.addActions([win.view_actions[name] for name in registry.full
                                if name in win.view_actions and registry[name].shortcut])
        else:
            toolbar.addAction(actions[entry])
    for action in toolbar.actions():  # "正面(&F)" on a menu reads "正面" on a toolbar button
        if "(&" in action.text():
            action.setIconText(re.sub(r"\s*\(&.\)", "", action.text()))
    win.safety.connect(actions["safety"])  # the safety layer follows the trigger-point layer and the mode


def connect_panels(win) -> None:
    """What the actions share with the side panels, once ``win.build_panels()`` has made them."""
    actions = win.actions_by_id
    win.layers.layer_actions = [actions[name] for name in ("acupoints", "triggers", "safety")]  # also as tick boxes
    win.presentation.clear_action = actions["clear"]
