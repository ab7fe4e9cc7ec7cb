"""What the diagram shows, as one Qt-free state with change events, and one pure function from it to a scene.

:class:`ViewState` holds everything the window used to push into its scenes one loop at a time: the view,
the selection, the layer switches, the mode (normal, patient view, presentation, blank-body study), the plan
shown in the patient view, the hidden channels, the Browse filter and the "where does it hurt?" answer.
Setting a field (``state.mode = Mode.PATIENT``) tells every subscriber which fields changed.

:func:`scene_content` decides, from the state alone, what one view draws — its channel lines, acupoint
markers, trigger-point zones, safety layer, brush. Scenes apply its result; none of them decides visibility
on its own, so no order of switches can bring back something the state hides.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from enum import Enum
from types import MappingProxyType
from typing import Any

import msgspec

from .keys import NOTHING, SelectionKey
from .model import Record, replace


class Mode(Enum):
    NORMAL = "normal"
    PATIENT = "patient"  # only the plan, numbered and labelled, in large print
    STUDY = "study"  # locate the point: a blank body until the answer is given


class Layers(Record, frozen=True):
    """The layer switches (View menu, toolbar, Layers panel)."""

    acupoints: bool = True  # acupoint markers and channel lines together (A)
    channel_lines: bool = True  # the lines alone (Layers panel)
    trigger_points: bool = False  # every trigger point's cross (T); off at start
    safety: bool = False  # what lies beneath (S): the switch's effective state
    legend: bool = True  # the channel legend over the diagram (L)


class Pain(Record, frozen=True):
    """The answer to "where does it hurt?" for the spots brushed on one view."""

    view: str
    zones: Mapping[str, frozenset[str]]  # muscle id -> referral kinds lit up
    near: tuple[str, ...] = ()  # acupoints near the spots, nearest first
    brush: tuple[tuple[float, float], ...] = ()  # the spots, in model units


ALL_ZONES = frozenset({"muscle", "essential", "spillover"})


class Source(Record, frozen=True):
    """The atlas facts :func:`scene_content` needs: each view's acupoint markers and each trigger point's muscle."""

    markers: Mapping[str, tuple[tuple[str, str], ...]]  # view -> (point code, channel) per marker
    muscle_of: Mapping[str, str] = msgspec.field(default_factory=dict)  # trigger point id -> muscle id

    @classmethod
    def of(cls, content) -> Source:
        atlas, muscles = content.atlas, content.muscles
        markers = {view: tuple((m.code, atlas.points[m.code].meridian) for m in placed)
                   for view, placed in content.layout.markers.items()}
        return cls(markers, {tp: t.muscle for tp, t in muscles.trigger_points.items()})


FIELDS = ("view", "selection", "marker", "layers", "mode", "plan", "hidden_channels", "filter", "pain",
          "brushing", "marked", "presenting")


class ViewState:
    """The observed state of the diagram. Assigning a field notifies subscribers with the names that changed."""

    view: str
    selection: SelectionKey
    marker: Any  # which of the selected point's markers was clicked (its placement key), None: the first
    layers: Layers
    mode: Mode
    plan: tuple[str, ...]  # the plan's selection keys, in order (drawn alone in the patient view)
    hidden_channels: frozenset[str]
    filter: frozenset[str] | None  # Browse filters: points outside are dimmed; None: no filter
    pain: Pain | None
    brushing: bool  # "where does it hurt?" mode: a click or a drag asks about a spot
    marked: frozenset[str]  # acupoints ringed without being selected (a trigger point's pair in a table)
    presenting: bool  # presentation mode: a projector's dark surround and larger dots, over whichever mode
    _subscribers: list[Callable[[frozenset[str]], None]]
    _pending: set[str] | None  # inside batch(): the fields changed so far

    def __init__(self, **values) -> None:
        defaults = dict(view="", selection=NOTHING, marker=None, layers=Layers(), mode=Mode.NORMAL, plan=(),
                        hidden_channels=frozenset(), filter=None, pain=None, brushing=False,
                        marked=frozenset(), presenting=False)
        object.__setattr__(self, "_subscribers", [])
        object.__setattr__(self, "_pending", None)
        for name, value in {**defaults, **values}.items():
            self._check(name)
            object.__setattr__(self, name, _frozen(name, value))

    @staticmethod
    def _check(name: str) -> None:
        if name not in FIELDS:
            raise AttributeError(f"ViewState has no field {name!r}")

    def __setattr__(self, name: str, value) -> None:
        self.update(**{name: value})

    def update(self, **changes) -> None:
        """Set several fields; subscribers hear once, with the names of the fields whose value changed."""
        changed = set()
        for name, value in changes.items():
            self._check(name)
            value = _frozen(name, value)
            if getattr(self, name) != value:
                object.__setattr__(self, name, value)
                changed.add(name)
        if self._pending is not None:
            self._pending.update(changed)
        elif changed:
            self._emit(frozenset(changed))

    def set_layer(self, **switches: bool) -> None:
        """Flip layer switches by name (``state.set_layer(acupoints=False)``)."""
        self.update(layers=replace(self.layers, **switches))

    def show_channel(self, channel: str, on: bool) -> None:
        hidden = self.hidden_channels - {channel} if on else self.hidden_channels | {channel}
        self.update(hidden_channels=hidden)

    @contextmanager
    def batch(self):
        """Changes made inside are announced together, once, when the block ends."""
        if self._pending is not None:
            yield self
            return
        object.__setattr__(self, "_pending", set())
        try:
            yield self
        finally:
            changed = frozenset(self._pending)
            object.__setattr__(self, "_pending", None)
            if changed:
                self._emit(changed)

    def subscribe(self, callback: Callable[[frozenset[str]], None]) -> Callable[[], None]:
        """Call ``callback(changed_field_names)`` after every change; returns a function that unsubscribes."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback) if callback in self._subscribers else None

    def _emit(self, changed: frozenset[str]) -> None:
        for callback in list(self._subscribers):
            callback(changed)

    def trigger_zones(self, source: Source) -> Mapping[str, frozenset[str]]:
        """The muscles drawn with their zones: the selected muscle's (or trigger point's), else the pain answer's."""
        selected = self.selection
        muscle = selected.ref if selected.is_muscle else source.muscle_of.get(selected.ref, "") \
            if selected.is_trigger_point else ""
        if muscle:
            return {muscle: ALL_ZONES}
        return self.pain.zones if self.pain is not None else {}

    def __repr__(self) -> str:
        return "ViewState(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in FIELDS) + ")"


def _frozen(name: str, value):
    """Field values are immutable, so a subscriber can keep one and compare it later."""
    if name == "selection" and not isinstance(value, SelectionKey):
        from .keys import parse
        return parse(value)
    if name == "plan":
        return tuple(value)
    if name in ("hidden_channels", "marked"):
        return frozenset(value)
    if name == "filter" and value is not None:
        return frozenset(value)
    return value


class SceneContent(Record, frozen=True):
    """What one view draws: the result of :func:`scene_content`, applied by the scene as it is."""

    style: str  # "normal", "patient" or "presentation" (dot and label sizes, background)
    channel_lines: frozenset[str]  # the channels whose lines are drawn
    points: frozenset[str]  # the acupoints whose markers are drawn
    selected: str = ""  # the selected acupoint ("" none)
    marker: Any = None  # ...and which of its markers was clicked
    near: frozenset[str] = frozenset()  # acupoints marked near a painful spot
    dim_except: frozenset[str] | None = None  # points outside are drawn dimmed; None: none dimmed
    plan: tuple[str, ...] | None = None  # the patient view: only the plan's keys, numbered; None: no plan
    trigger_markers: bool = False  # every trigger point's cross, not only the active ones
    zones: Mapping[str, frozenset[str]] = msgspec.field(default_factory=lambda: MappingProxyType({}))
    active_trigger_point: str = ""
    safety: bool = False
    brush: tuple[tuple[float, float], ...] = ()
    brushing: bool = False


def scene_content(state: ViewState, view: str, source: Source) -> SceneContent:
    """What ``view`` draws in ``state`` — the only place that decides what is visible."""
    mode = state.mode
    markers: Iterable[tuple[str, str]] = source.markers.get(view, ())
    # presenting changes only the style: presenting the patient view still shows the plan alone
    style = "presentation" if state.presenting else "patient" if mode is Mode.PATIENT else "normal"
    selected = state.selection.ref if state.selection.is_point else ""
    pain = state.pain if state.pain is not None and state.pain.view == view else None
    near = frozenset(pain.near) | state.marked if pain is not None else state.marked
    if mode is Mode.PATIENT:  # the plan alone: no channel lines, no layer switch applies
        plan = frozenset(state.plan)
        return SceneContent(style, frozenset(), frozenset(code for code, _ in markers if code in plan),
                            selected, state.marker, plan=state.plan)
    acupoints = state.layers.acupoints and mode is not Mode.STUDY
    shown = frozenset(channel for _, channel in markers
                      if acupoints and channel not in state.hidden_channels)
    lines = shown if state.layers.channel_lines else frozenset()
    points = frozenset(code for code, channel in markers if channel in shown or code == selected or code in near)
    active_tp = state.selection.ref if state.selection.is_trigger_point else ""
    return SceneContent(
        style, lines, points, selected, state.marker, near, state.filter,
        trigger_markers=state.layers.trigger_points and mode is not Mode.STUDY,
        zones=MappingProxyType(dict(state.trigger_zones(source))), active_trigger_point=active_tp,
        safety=state.layers.safety, brush=pain.brush if pain is not None else (), brushing=state.brushing)
