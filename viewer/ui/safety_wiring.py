"""When the safety layer is shown: one switch (View ▸ Safety layer, S) and its defaults.

The layer is on whenever the dry-needling view is up (the trigger-point layer, T) and in presentation
mode, and off on the plain acupoint plate, which stays uncluttered (each point's details still name
what lies beneath it). Once the user flips the switch, their choice holds until presentation mode
starts (which shows the layer) and is back when it ends. The patient view never shows it.
"""
from __future__ import annotations

from PySide6.QtCore import QObject


class SafetySwitch(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
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
        return self.presenting or self.window.triggers_action.isChecked()

    def connect(self) -> None:
        """Follow the switches the defaults depend on (called once the window's actions exist)."""
        win = self.window
        win.safety_action.triggered.connect(self.choose)
        win.triggers_action.toggled.connect(lambda _on: self.apply())
        win.presentation_action.toggled.connect(self._on_presentation)
        win.patient_action.toggled.connect(self._on_patient)
        self.apply()

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
        self.patient = on
        self.apply()

    def apply(self) -> None:
        on = self.on
        win = self.window
        win.safety_action.setChecked(on)
        win.view_state.set_layer(safety=on)
        win.legend.set_safety(on)
