"""When the safety layer is shown: one switch (View ▸ Safety layer, S) and its defaults.

The layer is on whenever the dry-needling view is up (the trigger-point layer, T) and in presentation
mode, and off on the plain acupoint plate, which stays uncluttered (each point's details still name
what lies beneath it). Once the user flips the switch, their choice holds until presentation mode
starts (which shows the layer) and is back when it ends. The patient view never shows it.
"""
from __future__ import annotations

from PySide6.QtCore import QObject

from ..atlas.viewstate import Mode, ViewState


class SafetySwitch(QObject):
    """Follows the view state's trigger-point layer and mode; writes the layer's state back into it."""

    def __init__(self, parent, state: ViewState, legend):
        super().__init__(parent)
        self.state, self.legend = state, legend
        self.action = None  # View ▸ Safety layer, once the actions exist (see connect)
        self.choice: bool | None = None  # the user's own choice, None: follow the defaults
        self._before_presentation: bool | None = None
        self.presenting = False
        self.patient = False

    @property
    def on(self) -> bool:
        """The layer's state: the user's choice, or on in the dry-needling view and in presentation."""
        if self.patient:
            return False
        if self.choice is not None:
            return self.choice
        return self.presenting or self.state.layers.trigger_points

    def connect(self, action) -> None:
        """The menu's switch (called once the window's actions exist); from then on follow the state."""
        self.action = action
        action.triggered.connect(self.choose)
        self.state.subscribe(self._on_state_changed)
        self.apply()

    def _on_state_changed(self, changed: frozenset[str]) -> None:
        if "presenting" in changed:
            self._on_presentation(self.state.presenting)
        if "mode" in changed:
            self._on_patient(self.state.mode is Mode.PATIENT)
        if "layers" in changed and not changed & {"mode", "presenting"} and self.state.layers.safety != self.on:
            self.apply()  # the trigger-point layer changed the default

    def choose(self, on: bool) -> None:
        """The user flipped the switch (menu, toolbar or S)."""
        self.choice = bool(on)
        self.apply()

    def _on_presentation(self, on: bool) -> None:
        if on == self.presenting:
            return
        self.presenting = on
        if on:
            self._before_presentation, self.choice = self.choice, None
        else:
            self.choice = self._before_presentation
        self.apply()

    def _on_patient(self, on: bool) -> None:
        if on != self.patient:
            self.patient = on
            self.apply()

    def apply(self) -> None:
        on = self.on
        self.action.setChecked(on)
        self.state.set_layer(safety=on)
        self.legend.set_safety(on)
