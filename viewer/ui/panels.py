"""The side panels' contents and what drives them (plans, patient view, presentation), put into the docks
the window made empty: the app's start makes them just after its first paint (``MainWindow.build_panels``)."""
from __future__ import annotations

from .actions import connect_panels

# The window's attributes make_panels() sets. A window made with panels_later=True paints its first picture
# without them; asking for one before then makes them all (MainWindow.__getattr__).
PANEL_ATTRS = frozenset({"details", "layers", "browse", "muscles", "pain", "plan_panel", "plans", "compare",
                         "patient_view", "presentation"})


def make_panels(win) -> None:
    """Make ``win``'s panels and their controllers and fill its docks (once, from build_panels). The theme and
    the text size are applied by then: the panels are made in them, nothing needs restyling."""
    # Imported here: their modules are not needed for the first picture either.
    from .browse import BrowsePanel
    from .compare_panel import ComparePanel
    from .details import DetailsPanel
    from .layers import LayersPanel
    from .modes import PatientView, PresentationMode
    from .muscles_panel import MusclesPanel
    from .pain import PainPanel
    from .plan_controller import PlanController
    from .plan_panel import PlanPanel

    content = win.content
    win.details = DetailsPanel(content, local=win.local, state=win.view_state)
    win.details.nearest = {c.trigger_point: c for c in win.correspondence}
    win.browse = BrowsePanel(content.atlas, make_index=content.search_index, content=content, local=win.local)
    if win.favourites is not None:
        win.browse.set_favourites(win.favourites.codes)
    win.muscles = MusclesPanel(content.muscles, terms=win.local.terms)
    win.pain = PainPanel(content)
    win.plan_panel = PlanPanel(content)
    win.layers = LayersPanel(content.atlas)
    win.compare = ComparePanel(content)
    for dock, panel in ((win.details_dock, win.details), (win.browse_dock, win.browse),
                        (win.muscles_dock, win.muscles), (win.plan_dock, win.plan_panel),
                        (win.layers_dock, win.layers), (win.compare_dock, win.compare),
                        (win.pain_dock, win.pain), (win.plates_dock, win.plate_nav.make_strip())):
        win.fill_dock(dock, panel)
    win.plans = PlanController(
        win, win.plan_panel, state=win.view_state, selection=win.selection, scenes=win.scenes,
        content=content, source_content=win.source_content, show_panel=lambda: win.raise_panel("plan"),
        patient_language=lambda: win.patient_language.effective())
    win.patient_view = PatientView(win, state=win.view_state, scenes=win.scenes, diagram=win.diagram,
                                   plan_panel=win.plan_panel, source_content=win.source_content,
                                   language=win.patient_language)
    win.docks.append(win.patient_view.dock)
    win.restoreDockWidget(win.patient_view.dock)  # where a restored layout had it (it stays hidden)
    win.presentation = PresentationMode(win, state=win.view_state, selection=win.selection,
                                        diagram=win.diagram, plan_panel=win.plan_panel, content=content,
                                        zoom_to_selection=win.zoom_to_selection)
    connect_panels(win)
